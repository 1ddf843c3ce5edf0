"""One renderer for every kind of page the plugin adds, keyed by the kind.

The habit of Material's tags plugin: a :class:`Renderer` over the theme's Jinja environment (so a
site's ``overrides/lessonkit/`` wins over the plugin's ``theme/lessonkit/``, which wins over the
theme), with autoescaping on: front-matter text is text, wherever it lands. The table :data:`ROWS`
gives each :class:`~lessonkit.model.registry.Kind` its Markdown (what MkDocs renders as the page's
text; none for a relocated lesson page, whose Markdown is the module's file), its template and the
template's context. Adding a page kind is one registry entry, one row here and one template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from ..labels import labels_for
from ..model.registry import Kind
from .pages import (
    PageRequest,
    catalogue_context,
    catalogue_page,
    coverage_context,
    family_page,
    lesson_context,
    not_found_context,
    not_found_page,
    overview_page,
    student_page,
)


def _nothing(request: PageRequest) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Row:
    """How one kind of page is made: its Markdown, its template (``lessonkit/<template>``, given the
    page's HTML as ``content``, the labels as ``t``, ``lang`` and ``kind``) and that template's context."""

    markdown: Callable[[PageRequest], str] | None
    template: str
    context: Callable[[PageRequest], dict[str, Any]] = _nothing


#: Each kind of page: how it is made.
ROWS: dict[Kind, Row] = {
    Kind.LESSON: Row(None, "lesson.html", lesson_context),
    Kind.STUDENT: Row(student_page, "page.html"),
    Kind.FAMILY: Row(family_page, "family.html"),
    Kind.CATALOGUE: Row(catalogue_page, "catalogue.html", catalogue_context),
    Kind.OVERVIEW: Row(overview_page, "overview.html", coverage_context),
    Kind.NOT_FOUND: Row(not_found_page, "not-found.html", not_found_context),
}


class Renderer:
    """Renders the plugin's templates and its pages, once given the theme's environment (:meth:`use`)."""

    def __init__(self, rows: dict[Kind, Row] | None = None) -> None:
        self.rows = ROWS if rows is None else rows
        self.env: jinja2.Environment | None = None

    def use(self, env: jinja2.Environment) -> None:
        """Render through the theme's environment (its loader, globals and filters), with our own
        habits: autoescaping, and no blank lines left by block tags."""
        self.env = env.overlay(autoescape=True, trim_blocks=True, lstrip_blocks=True)

    def row(self, kind: Kind) -> Row:
        row = self.rows.get(kind)
        if row is None:
            raise PluginError(f"lessonkit: no renderer for pages of kind '{kind}'")
        return row

    def markdown(self, request: PageRequest) -> str:
        """The Markdown of a generated page (the front matter and the text MkDocs renders)."""
        make = self.row(request.entry.kind).markdown
        if make is None:
            raise PluginError(f"lessonkit: pages of kind '{request.entry.kind}' are read from their own file")
        return make(request)

    def page(self, request: PageRequest, content: str) -> Markup:
        """The page's HTML: its kind's template around the HTML of its Markdown (``content``)."""
        row = self.row(request.entry.kind)
        return self.render(
            row.template, request.lang, kind=request.entry.kind.value, content=Markup(content), **row.context(request)
        )

    def render(self, name: str, lang: str, **context: Any) -> Markup:
        """The HTML of template ``lessonkit/<name>`` in ``lang`` (safe to join with other HTML)."""
        if self.env is None:  # pragma: no cover - the plugin's on_config gives it the theme's environment
            raise PluginError("lessonkit: the theme's templates were not loaded")
        template = self.env.get_template(f"lessonkit/{name}")
        return Markup(template.render(t=labels_for(lang), lang=lang, **context).strip())
