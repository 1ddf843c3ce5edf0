"""The checker's half of page safety: every page rendered exactly as the build renders it, then held to
the allowlist (:mod:`.sanitize`), so that the checker and the build never disagree about what is code
and what is HTML.

:func:`markdown_settings` reads the Markdown extensions and their options from ``mkdocs.yml`` with
MkDocs' own config loader; :class:`PageRenderer` renders a page's Markdown with them and the site's
extension (:class:`lessonkit.markdown.LessonkitExtension`), as the build plugin does;
:func:`page_problems` turns what the sanitizer refuses into ``PATH:LINE`` problems (the build plugin
calls it on the HTML it is about to write); :func:`check_rendered_pages` does it for every module and
``docs/`` page.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config import load_config

from ..markdown import LessonkitExtension, RenderState
from ..model.catalogue import Catalogue
from ..model.helplines import Helplines
from ..model.module import LessonFile, read_markdown
from ..model.problems import Problem, ProblemList
from .locate import locate
from .sanitize import Violation, sanitize

#: For a project without ``mkdocs.yml`` (which no build reads): MkDocs' own builtins and every extension
#: the format reference documents, so that whatever any site could make of the Markdown is checked.
DEFAULT_EXTENSIONS: tuple[str, ...] = (
    "toc",
    "tables",
    "fenced_code",
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
    "pymdownx.blocks.tab",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "pymdownx.inlinehilite",
)
MKDOCS_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class MarkdownSettings:
    """The Markdown extensions of a site (names or instances) and their options, as the build has them."""

    extensions: tuple[Any, ...] = DEFAULT_EXTENSIONS
    configs: dict[str, dict[str, Any]] = field(default_factory=dict)


def markdown_settings(root: Path) -> MarkdownSettings:
    """The ``markdown_extensions`` of ``root``'s ``mkdocs.yml``, read by MkDocs itself (its YAML tags
    and defaults included); :data:`DEFAULT_EXTENSIONS` when there is none or it cannot be read (the
    build then reports that file itself)."""
    config_file = root / MKDOCS_FILE
    if not config_file.is_file():
        return MarkdownSettings()
    quiet = logging.getLogger("mkdocs")
    handler = logging.NullHandler()
    quiet.addHandler(handler)
    try:
        config = load_config(str(config_file))
    except Exception:  # a broken mkdocs.yml is the build's to report, in its own words
        return MarkdownSettings()
    finally:
        quiet.removeHandler(handler)
    return MarkdownSettings(tuple(config.markdown_extensions), dict(config.mdx_configs or {}))


class PageRenderer:
    """Renders a page's Markdown as the build does: the site's extensions and the site's own blocks."""

    def __init__(self, settings: MarkdownSettings, helplines: Helplines | None) -> None:
        self.settings = settings
        self.state = RenderState(helplines=helplines)
        self.extension = LessonkitExtension(self.state)

    def render(self, text: str, lang: str, page_key: str = "") -> str:
        self.state.lang, self.state.page_key = lang, page_key
        self.state.problems.clear()
        extensions = [e for e in self.settings.extensions if not isinstance(e, LessonkitExtension)]
        md = markdown.Markdown(extensions=[*extensions, self.extension], extension_configs=self.settings.configs)
        return md.convert(text)


def _same(found: Violation, wanted: Violation) -> bool:
    if found.kind != wanted.kind or found.tag != wanted.tag:
        return False
    return wanted.kind == "markup" or (found.name, found.value) == (wanted.name, wanted.value)


def page_problems(html: str, page: LessonFile, render: Callable[[str], str] | None = None) -> tuple[str, list[Problem]]:
    """What the build writes for the rendered ``html`` of ``page``, and an error ``PATH:LINE`` for each
    thing the sanitizer would remove or change (``render``: renders a part of the page's Markdown again,
    to find the line of what the source does not spell out)."""
    cleaned, violations = sanitize(html)
    problems = ProblemList()
    seen: Counter[Violation] = Counter()
    for violation in violations:
        holds = None
        if render is not None:
            holds = _holds(render, violation)
        line = locate(page.body, violation, holds, page.blocks, nth=seen[violation])
        seen[violation] += 1
        problems.error(page.rel, line, violation.code, violation.message)
    return cleaned, sorted(set(problems), key=lambda p: (p.line, p.code, p.message_in()))


def _holds(render: Callable[[str], str], violation: Violation) -> Callable[[str], bool]:
    def holds(text: str) -> bool:
        return any(_same(found, violation) for found in sanitize(render(text))[1])

    return holds


def site_page_files(root: Path, docs_dir: str, languages: Iterable[str]) -> list[LessonFile]:
    """Every Markdown page of ``docs/`` in one of ``languages``, read."""
    base = root / docs_dir
    pages = []
    for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
        parts = path.name.split(".")
        lang = parts[-2] if len(parts) >= 3 else ""
        if lang in languages:
            rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
            pages.append(read_markdown(path, rel, lang))
    return pages


def check_rendered_pages(
    catalogue: Catalogue,
    root: Path,
    docs_dir: str,
    helplines: Helplines | None,
    settings: MarkdownSettings,
) -> ProblemList:
    """Every module file and ``docs/`` page rendered as the build renders it: an error ``PATH:LINE`` for
    whatever the allowlist does not permit. Pages that could not be read, or
    that are past the bounds of :mod:`lessonkit.model.bounds`, are skipped (reported elsewhere)."""
    renderer = PageRenderer(settings, helplines)
    problems = ProblemList()
    files = [f for module in catalogue.modules for f in module.files.values()]
    files += site_page_files(root, docs_dir, catalogue.languages)
    for page in files:
        if not page.body:  # unreadable, or past the bounds (model.bounds): reported already
            continue
        html = renderer.render(page.body_text(), page.lang)
        _, found = page_problems(html, page, _renderer_for(renderer, page.lang))
        problems.extend(found)
    return problems


def _renderer_for(renderer: PageRenderer, lang: str) -> Callable[[str], str]:
    def render(text: str) -> str:
        return renderer.render(text, lang)

    return render
