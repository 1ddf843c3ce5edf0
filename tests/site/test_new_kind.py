"""Adding a page kind is cheap: one registry entry, one renderer row, one template.

A demo kind (a page per module, out of the menu and the search) is added for the length of the test:
a :class:`Kind` in the registry's table, a row in the renderer's table, and a template in the sample
site's ``overrides/lessonkit/``. The sample project then builds strictly, in process, with the page in
both languages, in its kind's template, and the checker resolves a link to it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from lessonkit.model import generated_paths, load
from lessonkit.model.registry import KINDS, Kind, Registry, Scope
from lessonkit.plugin import render
from lessonkit.plugin.pages import PageRequest, front_matter

from ..support import copy_project

DEMO = Kind("demo", "lessons/{level}/{id}/demo.md", Scope.MODULE, in_nav=False, in_search=False)
TEMPLATE = """{% extends "lessonkit/page.html" %}
{% block after %}<p class="lk-demo">{{ title }} · {{ count }}</p>{% endblock %}
"""


def demo_markdown(request: PageRequest) -> str:
    return "\n".join(front_matter(f"Demo: {request.lesson.fields['title']}", hidden=True) + ["Demo body.", ""])


def demo_context(request: PageRequest) -> dict[str, object]:
    return {"title": request.lesson.fields["title"], "count": len(request.lesson.questions)}


@pytest.fixture
def demo_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lessonkit.model.registry.KINDS", [*KINDS, DEMO])
    monkeypatch.setattr(render, "ROWS", {**render.ROWS, DEMO: render.Row(demo_markdown, "demo.html", demo_context)})


def test_a_new_kind_is_one_entry_one_row_one_template(demo_kind: None, tmp_path: Path) -> None:
    project = copy_project("basic", tmp_path)
    config_file = project / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
        encoding="utf-8",
    )
    (project / "overrides" / "lessonkit").mkdir(parents=True)
    (project / "overrides" / "lessonkit" / "demo.html").write_text(TEMPLATE, encoding="utf-8")

    catalogue = load(project)
    registry = Registry.build(catalogue, ("vi", "en"))
    demos = registry.of_kind(DEMO)
    assert len(demos) == 2 * len(catalogue.modules) and not any(page.in_nav or page.in_search for page in demos)
    # The checker's link rule knows the new pages by themselves.
    assert {page.site_path for page in demos} <= generated_paths(catalogue)

    here = Path.cwd()
    os.chdir(project)  # as mkdocs does from the command line
    try:
        build(load_config(str(config_file), strict=True, site_dir=str(project / "site")))
    finally:
        os.chdir(here)

    module = catalogue.modules[0]
    for lang, prefix in (("vi", ""), ("en", "en/")):
        page = (project / "site" / f"{prefix}lessons/{module.level}/{module.id}/demo.html").read_text(encoding="utf-8")
        title = module.files[lang].fields["title"]
        assert '<div class="lk-page lk-page--demo">' in page
        assert "<p>Demo body.</p>" in page and "Demo: " in page
        assert f'<p class="lk-demo">{title} · {len(module.files[lang].questions)}</p>' in page
    # The renderer wrote the kind's page; the rest of the site is as it was.
    assert (project / "site" / f"lessons/{module.level}/{module.id}/quiz.html").is_file()
