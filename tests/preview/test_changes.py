"""What a saved file asks of the preview (lessonkit.preview.changes.plan), on a real folder layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessonkit.preview.changes import Action, Layout, is_editor_file, plan


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    root = tmp_path / "site"
    lessons = root / "lessons"
    module = lessons / "primary" / "safe-secrets"
    module.mkdir(parents=True)
    files = [module / "index.vi.md", module / "index.en.md", module / "picture.png"]
    for path in files:
        path.write_text("x", encoding="utf-8")
    (lessons / "curriculum.yml").write_text("x", encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "help.vi.md").write_text("x", encoding="utf-8")
    (root / "mkdocs.yml").write_text("x", encoding="utf-8")
    package = tmp_path / "src" / "lessonkit"
    (package / "theme").mkdir(parents=True)
    return Layout(
        root=root,
        lessons_dir=lessons,
        config_file=root / "mkdocs.yml",
        site_inputs=(root / "docs", lessons / "curriculum.yml", lessons / "helplines.yml", root / "overrides"),
        package=package,
        modules={module: frozenset(files)},
    )


def module(layout: Layout) -> Path:
    return next(iter(layout.modules))


def test_a_lesson_file_or_a_picture_of_a_known_module_redoes_that_module(layout: Layout) -> None:
    folder = module(layout)
    found = plan([folder / "index.vi.md", folder / "picture.png"], layout)
    assert found.action is Action.MODULE
    assert found.modules == {folder}


def test_a_new_or_removed_module_or_file_rebuilds_the_whole_site(layout: Layout) -> None:
    folder = module(layout)
    new = layout.lessons_dir / "primary" / "new-module"
    new.mkdir()
    (new / "index.vi.md").write_text("x", encoding="utf-8")
    assert plan([new / "index.vi.md"], layout).action is Action.FULL
    (folder / "extra.png").write_text("x", encoding="utf-8")
    assert plan([folder / "extra.png"], layout).action is Action.FULL
    (folder / "picture.png").unlink()
    assert plan([folder / "picture.png"], layout).action is Action.FULL


@pytest.mark.parametrize(
    "where", ["mkdocs.yml", "docs/help.vi.md", "lessons/curriculum.yml", "lessons/helplines.yml", "overrides/main.html"]
)
def test_the_site_s_settings_and_pages_rebuild_the_whole_site(layout: Layout, where: str) -> None:
    found = plan([layout.root / where, module(layout) / "index.vi.md"], layout)
    assert found.action is Action.FULL
    assert found.reasons == [where]


def test_the_package_s_code_restarts_and_its_templates_rebuild(layout: Layout) -> None:
    assert plan([layout.package / "plugin" / "plugin.py"], layout).action is Action.RESTART
    assert plan([layout.package / "theme" / "lessonkit" / "page.html"], layout).action is Action.FULL


def test_editors_files_and_other_places_change_nothing(layout: Layout) -> None:
    folder = module(layout)
    for name in (".index.vi.md.swp", "index.vi.md~", "#index.vi.md#", "4913"):
        assert is_editor_file(folder / name)
    paths = [folder / ".index.vi.md.swp", folder / "index.vi.md~", layout.root / "site" / "index.html"]
    paths.append(layout.root / "README.md")
    assert plan(paths, layout).action is Action.NOTHING
