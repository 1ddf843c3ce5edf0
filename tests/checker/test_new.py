"""``lessonkit new LEVEL ID``: a module in both languages that checks clean at every level; refusals."""

from __future__ import annotations

import shutil

import pytest
from checkerlib import REPO, Project

LEVELS = ["primary", "lower-secondary", "upper-secondary"]


def _created(level: str, module_id: str) -> str:
    return (
        f"created lessons/{level}/{module_id}/ (index.vi.md, index.en.md): write the lesson, "
        f"then run 'lessonkit check lessons/{level}/{module_id}'"
    )


@pytest.mark.parametrize("level", LEVELS)
def test_new_module_checks_clean(project, level):
    result = project.cli("new", level, f"new-{level}")
    assert (result.rc, result.out.strip(), result.err) == (0, _created(level, f"new-{level}"), "")
    folder = f"lessons/{level}/new-{level}"
    assert sorted(p.name for p in project.path(folder).iterdir()) == ["index.en.md", "index.vi.md"]
    for lang in ("vi", "en"):
        text = project.read(f"{folder}/index.{lang}.md")
        assert f"level: {level}" in text and "$" not in text
    one = project.check(folder)
    assert one.lines == ["1 module checked: 0 errors, 0 warnings"] and one.rc == 0
    assert project.check().lines == ["2 modules checked: 0 errors, 0 warnings"]


@pytest.mark.parametrize("level", LEVELS)
def test_new_module_has_the_level_minimum_of_questions(project, level):
    project.cli("new", level, "counted")
    data = project.cli("coverage", "--format", "json").json()
    assert data["modules"] == 2
    text = project.read(f"lessons/{level}/counted/index.en.md")
    assert text.count("/// quiz |") == (3 if level == "primary" else 5)


@pytest.mark.parametrize("level", LEVELS)
def test_new_module_with_the_real_curriculum(tmp_path, monkeypatch, level):
    project = Project(tmp_path)
    for data in ("curriculum.yml", "helplines.yml"):
        project.write(f"lessons/{data}", (REPO / "lessons" / data).read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    result = project.cli("new", level, "from-template")
    assert result.rc == 0 and result.err == "", result.err
    assert project.check().lines == ["1 module checked: 0 errors, 0 warnings"]


def test_new_refuses_an_existing_id(project):
    before = project.read("lessons/primary/demo/index.vi.md")
    result = project.cli("new", "primary", "demo")
    assert result.rc == 2 and result.out == ""
    assert result.err.strip() == "lessonkit new: error: module id 'demo' already exists: lessons/primary/demo"
    assert project.read("lessons/primary/demo/index.vi.md") == before


def test_new_refuses_an_id_used_at_another_level(project):
    result = project.cli("new", "upper-secondary", "demo")
    assert result.rc == 2
    assert result.err.strip() == "lessonkit new: error: module id 'demo' already exists: lessons/primary/demo"
    assert not project.path("lessons/upper-secondary").exists()


@pytest.mark.parametrize("module_id", ["Demo", "my_module", "x-", "a--b", "bài-học", "a b", "a/b", ".."])
def test_new_refuses_an_invalid_id(project, module_id):
    result = project.cli("new", "primary", module_id)
    assert result.rc == 2 and result.out == ""
    assert result.err.strip() == (
        f"lessonkit new: error: '{module_id}' is not a valid id: use lowercase letters, digits and hyphens"
    )
    assert sorted(p.name for p in project.path("lessons/primary").iterdir()) == ["demo"]


def test_new_refuses_an_unknown_level(project):
    result = project.cli("new", "kindergarten", "colours")
    assert result.rc == 2 and result.out == ""
    assert result.err.strip() == (
        "lessonkit new: error: unknown level 'kindergarten' (known: primary, lower-secondary, upper-secondary)"
    )
    assert not project.path("lessons/kindergarten").exists()


def test_new_with_a_broken_curriculum(project):
    project.replace("lessons/curriculum.yml", "never:", "never: [")
    result = project.cli("new", "primary", "fresh")
    assert result.rc == 1
    assert result.err.splitlines()[-1] == "lessonkit new: error: curriculum.yml has errors; fix them first"
    assert result.err.startswith("lessons/curriculum.yml:")
    assert not project.path("lessons/primary/fresh").exists()


def test_new_in_an_empty_lessons_folder(tmp_path, monkeypatch):
    project = Project(tmp_path)
    shutil.copy(REPO / "lessons/curriculum.yml", tmp_path / "curriculum.yml")
    project.write("lessons/curriculum.yml", (tmp_path / "curriculum.yml").read_text(encoding="utf-8"))
    project.write("lessons/helplines.yml", (REPO / "lessons/helplines.yml").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    assert project.cli("new", "primary", "a").rc == 0
    assert project.cli("new", "primary", "b").rc == 0
    assert project.check().lines == ["2 modules checked: 0 errors, 0 warnings"]
