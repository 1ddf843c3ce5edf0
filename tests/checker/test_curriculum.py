"""A broken lessons/curriculum.yml is reported clearly (path, line, message), with exit 1 and no traceback."""

from __future__ import annotations

import pytest
from checkerlib import P, expect, problems_of

CUR = "lessons/curriculum.yml"


def test_malformed_yaml_names_the_line(project):
    project.replace(CUR, "    min_questions: 3\n", "    min_questions: 3: 4\n")
    line = project.line(CUR, "min_questions: 3: 4")
    result = project.check_json()
    found = problems_of(result)
    assert len(found) == 1 and found[0][:4] == (CUR, line, "error", "curriculum-yaml"), found
    assert found[0].message.startswith("malformed YAML: mapping values are not allowed")
    text = project.check()
    assert text.rc == result.rc == 1
    assert text.lines == [found[0].format(), "1 module checked: 1 error, 0 warnings"]
    assert text.err == "" and "Traceback" not in text.out


def test_missing_top_level_key(project):
    text = project.read(CUR)
    project.write(CUR, text[: text.index("never:")])
    expect(project, P(CUR, 1, "error", "curriculum-missing-key", "curriculum.yml has no 'never' key"))


def test_unknown_top_level_key(project):
    project.replace(CUR, "never:", "nevr: []\nnever:")
    expect(
        project,
        P(CUR, project.line(CUR, "nevr:"), "error", "curriculum-unknown-key", "unknown key 'nevr' in curriculum.yml"),
    )


def test_level_without_grades(project):
    project.replace(CUR, "    grades: [6, 7, 8, 9]\n", "")
    line = project.line(CUR, "  lower-secondary:")
    expect(
        project,
        P(
            CUR,
            line,
            "error",
            "curriculum-grades",
            "level 'lower-secondary': grades must be a non-empty list of whole numbers",
        ),
    )


def test_level_with_empty_grades(project):
    project.replace(CUR, "    grades: [10, 11, 12]", "    grades: []")
    line = project.line(CUR, "    grades: []")
    expect(
        project,
        P(
            CUR,
            line,
            "error",
            "curriculum-grades",
            "level 'upper-secondary': grades must be a non-empty list of whole numbers",
        ),
    )


def test_level_without_min_questions(project):
    project.replace(CUR, "    min_questions: 5\n", "", 1)
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "  lower-secondary:"),
            "error",
            "curriculum-min-questions",
            "level 'lower-secondary': min_questions must be a whole number, 0 or more",
        ),
    )


def test_grade_in_two_levels(project):
    project.replace(CUR, "grades: [6, 7, 8, 9]", "grades: [5, 6, 7, 8, 9]")
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "grades: [5, 6"),
            "error",
            "curriculum-grades",
            "grade 5 is in both 'primary' and 'lower-secondary'",
        ),
    )


def test_subject_with_unknown_level(project):
    project.replace(CUR, "    levels: [primary]", "    levels: [primry]", 1)
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "[primry]"),
            "error",
            "curriculum-subject-levels",
            "subject 'ethics': unknown level 'primry'",
        ),
    )


def test_level_without_english_name(project):
    project.replace(CUR, "name: {vi: Tiểu học, en: Primary school}", "name: {vi: Tiểu học}")
    expect(project, P(CUR, 4, "error", "curriculum-name", "level 'primary' has no en name"))


def test_curriculum_not_a_mapping(project):
    project.write(CUR, "- levels\n- ages\n")
    expect(
        project,
        P(
            CUR,
            1,
            "error",
            "curriculum-structure",
            "curriculum.yml must be a mapping with keys levels, ages, subjects, topics, never",
        ),
    )


def test_curriculum_missing(project):
    project.path(CUR).unlink()
    expect(
        project,
        P(CUR, 1, "error", "curriculum-missing", "curriculum.yml not found: every module is checked against it"),
    )


def test_curriculum_problems_are_shown_when_checking_one_module(project):
    project.write(CUR, project.read(CUR).replace("topics:", "topics: oops\n", 1) + "\n")
    result = project.check("lessons/primary/demo")
    assert result.rc == 1
    assert any(line.startswith(f"{CUR}:") for line in result.problem_lines), result.out
    assert "Traceback" not in result.out + result.err


@pytest.mark.parametrize(
    "text",
    [
        "",
        "levels:\n",
        "levels: {primary: 1}\nages: x\nsubjects: []\ntopics: 0\nnever: 5\n",
        "\x00\x01",
        "levels: &a [*a]\n",
        "{{{{",
    ],
)
def test_any_broken_curriculum_gives_errors_not_a_traceback(project, text):
    project.write(CUR, text)
    for result in (project.check(), project.check_json(), project.cli("coverage"), project.cli("new", "primary", "x")):
        assert result.rc == 1, result.out + result.err
        assert "Traceback" not in result.out + result.err
    assert problems_of(project.check_json())[0].path == CUR
    assert not project.path("lessons/primary/x").exists()
