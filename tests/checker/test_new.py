"""``lessonkit new LEVEL ID``: a module in both languages that checks clean at every level; refusals."""

from __future__ import annotations

import shutil

import pytest
from checkerlib import REPO, Project, problems_of

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
    assert one.rc == 0 and one.summary[:2] == (1, 0)  # valid: only the placeholders are warned about
    assert one.problem_lines and all("is text from the 'lessonkit new' template" in x for x in one.problem_lines)
    assert f"{folder}/index.en.md:2: warning: 'Lesson title' is text from the 'lessonkit new' template" in one.out


def _placeholder_lines(text: str, number: str) -> set[int]:
    """What a reader of a new module must replace, found without the checker: the title, description and
    objectives, and every line of text in the body (a question's header too) except headings, block
    fences, a bold label alone,
    the safeguarding note (real guidance) and the line with the help number."""
    lines = text.splitlines()
    end = lines.index("---", 1)
    first, last = lines.index("objectives:") + 1, lines.index("sources:")
    found = {i for i, line in enumerate(lines[:end], 1) if line.startswith("title:") or first < i <= last}
    found.add(lines.index("description: >-") + 1)  # the field's line
    note = {i for i, line in enumerate(lines, 1) if "do not promise" in line or "không hứa" in line}
    note |= {i + 1 for i in note}
    for i, line in enumerate(lines[end + 1 :], end + 2):
        bare = line.strip()
        if (
            not bare
            or bare.startswith("#")
            or (bare.startswith("///") and not bare.startswith("/// quiz |"))
            or (bare.startswith("**") and bare.endswith("**"))
        ):
            continue
        if number in bare or i in note:
            continue
        found.add(i)
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_placeholder_of_a_new_module_is_warned_about(project, lang):
    """Issue 18: 'Lesson title' and 'Write the second objective.' were published by a strict build."""
    project.cli("new", "primary", "left-as-is")
    rel = f"lessons/primary/left-as-is/index.{lang}.md"
    text = project.read(rel)
    warned = {p.line for p in problems_of(project.check_json()) if p.path == rel}
    assert {p.code for p in problems_of(project.check_json()) if p.path == rel} == {"scaffold-text"}
    assert warned == _placeholder_lines(text, "111")
    assert len(warned) > 20
    # Written over with the lesson's own words, line by line: nothing left to warn about.
    lines = text.splitlines()
    for n in warned:
        n = n + 1 if lines[n - 1] == "description: >-" else n
        if lines[n - 1].startswith('  - "'):  # an objective, in quotes
            lines[n - 1] = f"  - Own objective {n}."
        else:
            lines[n - 1] = lines[n - 1].rpartition(" ")[0] + f" own{n}."
    project.write(rel, "\n".join(lines) + "\n")
    assert [p for p in problems_of(project.check_json()) if p.path == rel] == []


def test_the_warning_in_vietnamese(project):
    project.cli("new", "primary", "untouched")
    vi = project.check("--lang", "vi")
    assert (
        "lessons/primary/untouched/index.vi.md:2: warning: 'Tên bài học' là chữ mẫu do 'lessonkit new' tạo ra" in vi.out
    )


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
    assert project.check().summary[:2] == (1, 0)


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
    assert project.check().summary[:2] == (2, 0)
