"""The whole project checked at once: everything the build refuses before it renders anything.

:func:`check_project` is what ``lessonkit check`` runs, and what the build plugin runs before it
builds, so that a project the checker passes is one the build accepts and a project the build
refuses is one the checker refuses, with the same messages:

- every module of ``lessons/`` against the curriculum and the lesson format (:func:`validate`);
- the pages of ``docs/`` (:func:`check_site_pages`);
- a page of ``docs/`` that has the address of a page the build makes from ``lessons/``
  (:func:`check_clashes`);
- ``lessons/helplines.yml``, which every page's help banner and every quiz's results need
  (:func:`.helplines.load_helplines`);
- the text of ``helplines.yml`` and ``curriculum.yml``: text, not HTML (:mod:`.datatext`);
- the files a module folder or ``docs/`` would publish (:mod:`.files`).

:func:`~.settings.read_settings` finds the folders the build uses in ``mkdocs.yml``, so that the checker
looks where the build looks.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .catalogue import CURRICULUM_FILE, Catalogue, load
from .datatext import check_data_file
from .files import check_published_files
from .helplines import Helplines, load_helplines
from .messages import msg
from .problems import Problem, ProblemList
from .registry import Registry
from .rules import validate
from .settings import DEFAULT_DOCS_DIR, Settings
from .sitepages import check_site_pages


class ProjectCheck(NamedTuple):
    """The loaded project and every problem of it, sorted: what the checker prints and the build refuses.

    ``helplines`` is ``None`` when ``helplines.yml`` is missing or has an error (reported in ``problems``).
    """

    catalogue: Catalogue
    helplines: Helplines | None
    problems: list[Problem]


def check_project(root: Path, settings: Settings | None = None) -> ProjectCheck:
    """Load and check the project at ``root`` laid out as ``settings`` says (the defaults without):
    modules, ``docs/`` pages, clashes, helplines.

    The folders and the helplines file are relative to ``root`` (as in ``mkdocs.yml``); problems name
    paths relative to ``root``. Never raises on bad content: every fault is a problem, errors stop the
    build and warnings fail a ``--strict`` build.
    """
    settings = settings or Settings()
    lessons_dir, docs_dir, helplines, languages = (
        settings.lessons_dir,
        settings.docs_dir,
        settings.helplines,
        settings.languages,
    )
    root = root.resolve()
    catalogue = load(root, lessons_dir, languages)
    problems = ProblemList()
    never = catalogue.curriculum.never if catalogue.curriculum else ()
    found = load_helplines(root / helplines, Path(helplines).as_posix(), problems, never, languages)
    # Quizzes end by pointing to the site's main hotline: the first of helplines.yml, whatever the city.
    problems.extend(validate(catalogue, found.main.number if found and found.hotlines else None, settings=settings))
    problems.extend(check_site_pages(root, docs_dir, languages))
    # The data files are text: no markup, phone numbers and addresses as they should be.
    problems.extend(check_data_file(root / helplines, Path(helplines).as_posix(), phones=True))
    curriculum = Path(lessons_dir) / CURRICULUM_FILE
    problems.extend(check_data_file(root / curriculum, curriculum.as_posix()))
    problems.extend(check_clashes(catalogue, root, docs_dir))
    # Files beside the pages: only raster pictures, inside the project, at a path the build leaves free.
    problems.extend(check_published_files(catalogue, root, docs_dir))
    return ProjectCheck(catalogue, found, sorted(set(problems)))


def generated_pages(catalogue: Catalogue) -> list[str]:
    """The source paths (relative to ``docs/``) of every page the build adds from ``lessons/``, in
    every language: what the one page registry holds."""
    return [page.src_uri for page in Registry.build(catalogue, catalogue.languages)]


def check_clashes(catalogue: Catalogue, root: Path, docs_dir: str = DEFAULT_DOCS_DIR) -> ProblemList:
    """An error for every page of ``docs/`` at the address of a page the build makes from ``lessons/``."""
    problems = ProblemList()
    base = root / docs_dir
    for page in sorted(set(generated_pages(catalogue))):
        path = base / page
        if path.is_file():
            rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
            problems.error(rel, 1, "page-clash", msg("page-clash"))
    return problems
