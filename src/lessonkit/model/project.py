"""The whole project checked at once: everything the build refuses before it renders anything.

:func:`check_project` is what ``lessonkit check`` runs, and what the build plugin runs before it
builds, so that a project the checker passes is one the build accepts and a project the build
refuses is one the checker refuses, with the same messages:

- every module of ``lessons/`` against the curriculum and the lesson format (:func:`validate`);
- the pages of ``docs/`` (:func:`check_site_pages`);
- a page of ``docs/`` that has the address of a page the build makes from ``lessons/``
  (:func:`check_clashes`);
- ``lessons/helplines.yml``, which every page's help banner and every quiz's results need
  (:func:`lessonkit.helplines.load_helplines`);
- the text of ``helplines.yml`` and ``curriculum.yml``: text, not HTML (:mod:`.datatext`);
- the files a module folder or ``docs/`` would publish (:mod:`.files`).

:func:`read_settings` finds the folders the build uses in ``mkdocs.yml``, so that the checker looks
where the build looks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from .catalogue import CURRICULUM_FILE, FALLBACK_LANGUAGES, Catalogue, load
from .datatext import check_data_file
from .files import check_published_files
from .messages import msg
from .problems import Problem, ProblemList
from .rules import validate
from .sitepages import check_site_pages

DEFAULT_LESSONS_DIR = "lessons"
DEFAULT_DOCS_DIR = "docs"
DEFAULT_HELPLINES = "lessons/helplines.yml"
MKDOCS_FILE = "mkdocs.yml"
PLUGIN_NAME = "lessonkit"

if TYPE_CHECKING:  # lessonkit.helplines imports this package: import it when checking, not when loading
    from ..helplines import Helplines


class ProjectCheck(NamedTuple):
    """The loaded project and every problem of it, sorted: what the checker prints and the build refuses.

    ``helplines`` is ``None`` when ``helplines.yml`` is missing or has an error (reported in ``problems``).
    """

    catalogue: Catalogue
    helplines: Helplines | None
    problems: list[Problem]


def check_project(
    root: Path,
    lessons_dir: str = DEFAULT_LESSONS_DIR,
    docs_dir: str = DEFAULT_DOCS_DIR,
    helplines: str = DEFAULT_HELPLINES,
    languages: tuple[str, ...] = FALLBACK_LANGUAGES,
) -> ProjectCheck:
    """Load and check the project at ``root``: modules, ``docs/`` pages, clashes, helplines.

    The folders and the helplines file are relative to ``root`` (as in ``mkdocs.yml``); problems name
    paths relative to ``root``. Never raises on bad content: every fault is a problem, errors stop the
    build and warnings fail a ``--strict`` build.
    """
    from ..helplines import load_helplines

    root = root.resolve()
    catalogue = load(root, lessons_dir, languages)
    problems = ProblemList()
    never = catalogue.curriculum.never if catalogue.curriculum else ()
    found = load_helplines(root / helplines, Path(helplines).as_posix(), problems, never, languages)
    # Quizzes end by pointing to the site's main hotline: the first of helplines.yml, whatever the city.
    problems.extend(validate(catalogue, found.main.number if found and found.hotlines else None))
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
    from ..registry import Registry  # the registry reads the model: import it once the model is loaded

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


@dataclass(frozen=True)
class Settings:
    """Where the build finds things, relative to the project root, and what the command line needs to
    know of the site: its name, its published address and its languages (default first)."""

    lessons_dir: str = DEFAULT_LESSONS_DIR
    docs_dir: str = DEFAULT_DOCS_DIR
    helplines: str = DEFAULT_HELPLINES
    languages: tuple[str, ...] = FALLBACK_LANGUAGES
    site_name: str = ""
    site_url: str | None = None

    @property
    def default_language(self) -> str:
        return self.languages[0]


class _SettingsLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml``: its Python and ``!ENV`` tags stand for values set elsewhere, read as nothing."""


_SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(root: Path) -> Settings:
    """``docs_dir`` and the ``lessonkit`` plugin's ``lessons_dir`` and ``helplines`` from ``mkdocs.yml``.

    The defaults stand in for whatever ``mkdocs.yml`` does not say, and for all of it when the file is
    missing or is not YAML: the build reports a broken ``mkdocs.yml`` itself.
    """
    try:
        config = yaml.load((root / MKDOCS_FILE).read_text(encoding="utf-8"), Loader=_SettingsLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError, RecursionError):
        return Settings()
    if not isinstance(config, dict):
        return Settings()
    plugin = _plugin_config(config.get("plugins"), PLUGIN_NAME)
    defaults = Settings()
    return Settings(
        lessons_dir=_text(plugin.get("lessons_dir"), defaults.lessons_dir),
        docs_dir=_text(config.get("docs_dir"), defaults.docs_dir),
        helplines=_text(plugin.get("helplines"), defaults.helplines),
        languages=_languages(config),
        site_name=_text(config.get("site_name"), ""),
        site_url=_text(config.get("site_url"), "") or None,
    )


def _languages(config: dict[str, Any]) -> tuple[str, ...]:
    """The languages of mkdocs-static-i18n's ``languages:``, default first (else the theme's language)."""
    i18n = _plugin_config(config.get("plugins"), "i18n")
    entries = [e for e in i18n.get("languages") or [] if isinstance(e, dict) and isinstance(e.get("locale"), str)]
    built = [e for e in entries if e.get("build", True) is not False]
    default = [e["locale"] for e in built if e.get("default") is True]
    if default:
        return tuple(default[:1] + [e["locale"] for e in built if e["locale"] != default[0]])
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("language"), str) and not entries:
        return (theme["language"],)
    return FALLBACK_LANGUAGES


def _plugin_config(plugins: Any, wanted: str) -> dict[str, Any]:
    """The options of the entry ``wanted`` of ``plugins`` (empty when it has none)."""
    for name, options in _plugin_entries(plugins):
        if name == wanted:
            return options if isinstance(options, dict) else {}
    return {}


def _plugin_entries(plugins: Any) -> Iterator[tuple[Any, Any]]:
    """``(name, options)`` of each plugin, written as a list (``- lessonkit``, ``- lessonkit: {…}``) or
    as a mapping."""
    if isinstance(plugins, dict):
        yield from plugins.items()
    elif isinstance(plugins, list):
        for entry in plugins:
            if isinstance(entry, str):
                yield entry, None
            elif isinstance(entry, dict) and len(entry) == 1:
                yield next(iter(entry.items()))


def _text(value: Any, default: str) -> str:
    return value if isinstance(value, str) and value.strip() else default
