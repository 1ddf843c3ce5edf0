"""The lesson model: :func:`load` reads ``lessons/``, :func:`validate` returns every problem, and
:func:`check_project` checks the whole project (lessons, ``docs/``, helplines) as the build does.

Used by the checker and the build plugin alike, so the two can never disagree.
"""

from .catalogue import Catalogue, load, load_module
from .curriculum import Curriculum, Level, Subject, Topic
from .module import LessonFile, Module, read_markdown
from .problems import Problem, ProblemList
from .project import ProjectCheck, check_clashes, check_project, generated_pages
from .rules import generated_paths, validate, validate_module
from .safety import check_front_matter_text, scan_markdown
from .settings import Settings, read_settings
from .sitepages import check_site_pages
from .steps import Step
from .vocabulary import OBJECTIVE_KINDS, STEP_KINDS, Objective

__all__ = [
    "OBJECTIVE_KINDS",
    "STEP_KINDS",
    "Catalogue",
    "Curriculum",
    "LessonFile",
    "Level",
    "Module",
    "Objective",
    "Problem",
    "ProblemList",
    "ProjectCheck",
    "Settings",
    "Step",
    "Subject",
    "Topic",
    "check_clashes",
    "check_front_matter_text",
    "check_project",
    "check_site_pages",
    "generated_pages",
    "generated_paths",
    "load",
    "load_module",
    "read_markdown",
    "read_settings",
    "scan_markdown",
    "validate",
    "validate_module",
]
