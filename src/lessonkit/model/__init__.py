"""The lesson model: :func:`load` reads ``lessons/``, :func:`validate` returns every problem.

Used by the checker and the build plugin alike, so the two can never disagree.
"""

from .catalogue import Catalogue, load
from .curriculum import Curriculum, Level, Subject, Topic
from .module import LessonFile, Module, read_markdown
from .problems import Problem, ProblemList
from .rules import generated_paths, validate
from .sitepages import check_site_pages

__all__ = [
    "Catalogue", "Curriculum", "Level", "LessonFile", "Module", "Problem", "ProblemList", "Subject", "Topic",
    "check_site_pages", "generated_paths", "load", "read_markdown", "validate",
]
