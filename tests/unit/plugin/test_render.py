"""plugin/render.py: one row per kind, each kind's page in its template, over the theme's environment."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from mkdocs.exceptions import PluginError

from lessonkit.model import Catalogue
from lessonkit.model.registry import KINDS, Kind, Registry, Scope
from lessonkit.plugin.pages import PageRequest
from lessonkit.plugin.render import ROWS, Renderer, Row

THEME = Path(__file__).resolve().parents[3] / "src" / "lessonkit" / "theme"


@pytest.fixture
def renderer() -> Renderer:
    made = Renderer()
    # A theme's environment knows no autoescaping: the renderer brings its own habits.
    made.use(jinja2.Environment(loader=jinja2.FileSystemLoader([str(THEME)])))
    return made


def test_every_kind_has_a_row_and_its_template() -> None:
    assert set(ROWS) == set(KINDS)
    for kind, row in ROWS.items():
        assert (THEME / "lessonkit" / row.template).is_file()
        assert (row.markdown is None) == kind.relocated


def test_a_page_in_its_kinds_template(renderer: Renderer, catalogue: Catalogue, registry: Registry) -> None:
    entry = registry.find(Kind.FAMILY, "en", catalogue.modules[0])
    assert entry is not None
    html = renderer.page(PageRequest(entry, catalogue, registry), "<p>x & y</p>")
    assert html.startswith('<div class="lk-page lk-page--family"><p>x & y</p><p class="lk-print-hint')
    assert html.endswith("</p></div>")
    lesson = registry.find(Kind.LESSON, "vi", catalogue.modules[0])
    assert lesson is not None
    page = renderer.page(PageRequest(lesson, catalogue, registry), "<p>plan</p>")
    assert page.index('class="lk-card"') < page.index("<p>plan</p>")


def test_text_is_escaped_and_markdown_made_by_the_row(renderer: Renderer, catalogue, registry) -> None:
    assert renderer.render("banner.html", "en", sentence="<b>", help_url=None) == "&lt;b&gt;"
    entry = registry.find(Kind.OVERVIEW, "en")
    assert entry is not None
    assert renderer.markdown(PageRequest(entry, catalogue, registry)).startswith("---\ntitle:")


def test_a_kind_without_a_row_or_markdown_is_a_clear_error(renderer: Renderer, catalogue, registry) -> None:
    stray = Kind("stray", "stray.md", Scope.SITE)
    [entry] = Registry.build(catalogue, ("vi",), kinds=[stray])
    with pytest.raises(PluginError, match="no renderer for pages of kind 'stray'"):
        renderer.markdown(PageRequest(entry, catalogue, registry))
    lesson = registry.find(Kind.LESSON, "vi", catalogue.modules[0])
    assert lesson is not None
    with pytest.raises(PluginError, match="read from their own file"):
        Renderer({Kind.LESSON: Row(None, "page.html")}).markdown(PageRequest(lesson, catalogue, registry))
