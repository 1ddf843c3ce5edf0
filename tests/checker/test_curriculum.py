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


# --- subjects by grade, names per level, forms (the 2018 programme) -------------------------------------


def test_subject_with_grades_and_levels(project):
    project.replace(CUR, "    levels: [primary]  #", "    grades: [1, 2, 3, 4, 5]\n    levels: [primary]  #")
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "levels: [primary]"),
            "error",
            "curriculum-subject-grades",
            "subject 'ethics': give 'grades' or 'levels', not both",
        ),
    )


def test_subject_without_grades(project):
    project.replace(CUR, "    grades: [4, 5]\n", "", 1)  # science
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "  science:"),
            "error",
            "curriculum-subject-grades",
            "subject 'science' needs 'grades', the grades it is taught in",
        ),
    )
    vi = project.check("--lang", "vi")
    line = project.line(CUR, "  science:")
    assert f"{CUR}:{line}: error: môn học 'science' cần có mục 'grades': các lớp có dạy môn này" in vi.lines


def test_subject_grade_of_no_level(project):
    project.replace(CUR, "    grades: [1, 2, 3]\n", "    grades: [0, 1, 2, 3]\n", 1)  # nature-and-society
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "grades: [0, 1, 2, 3]"),
            "error",
            "curriculum-subject-grades",
            "subject 'nature-and-society': grade 0 is not a grade of any level",
        ),
    )


@pytest.mark.parametrize("grades", ["[]", "4", "[four]"])
def test_subject_grades_not_a_list_of_numbers(project, grades):
    project.replace(CUR, "    grades: [4, 5]\n", f"    grades: {grades}\n", 1)
    expect(
        project,
        P(
            CUR,
            project.line(CUR, f"grades: {grades}"),
            "error",
            "curriculum-subject-grades",
            "subject 'science': grades must be a non-empty list of whole numbers",
        ),
    )


def test_subject_unknown_key_with_a_guess(project):
    project.replace(CUR, "    grades: [4, 5]\n", "    grade: [4, 5]\n", 1)
    line = project.line(CUR, "grade: [4, 5]")
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "  science:"),
            "error",
            "curriculum-subject-grades",
            "subject 'science' needs 'grades', the grades it is taught in",
        ),
        P(
            CUR,
            line,
            "error",
            "curriculum-unknown-key",
            "unknown key 'grade' in subject 'science' (did you mean 'grades'?)",
        ),
    )


def test_level_name_where_the_subject_is_not_taught(project):
    project.replace(
        CUR,
        "    grades: [1, 2, 3]\n",
        "    grades: [1, 2, 3]\n    level_names:\n      lower-secondary: {vi: Khoa học tự nhiên, en: Natural science}\n",
        1,
    )
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "lower-secondary: {vi: Khoa"),
            "error",
            "curriculum-subject-levels",
            "subject 'nature-and-society': level_names names level 'lower-secondary', where the subject is not "
            "taught (it is taught at: primary)",
        ),
    )


def test_level_name_without_english(project):
    project.replace(
        CUR, "primary: {vi: Hoạt động trải nghiệm, en: Experiential activities}", "primary: {vi: Hoạt động trải nghiệm}"
    )
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "primary: {vi: Hoạt động trải nghiệm}"),
            "error",
            "curriculum-name",
            "subject 'experiential-activities' at primary has no en name",
        ),
    )


def test_forms_not_a_mapping(project):
    text = project.read(CUR)
    start = text.index("    forms:\n")
    end = text.index("topics:\n")
    project.write(CUR, text[:start] + "    forms: [club]\n" + text[end:])
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "forms: [club]"),
            "error",
            "curriculum-structure",
            "subject 'experiential-activities': forms must map each form's key to its name in every language",
        ),
    )


def test_a_form_of_two_subjects(project):
    project.replace(
        CUR,
        "    grades: [4, 5]\n",
        "    grades: [4, 5]\n    forms:\n      club:\n        name: {vi: Câu lạc bộ, en: Club}\n",
        1,
    )
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "      club:", 2),
            "error",
            "curriculum-form",
            "form 'club' is already a form of subject 'science' (a form belongs to one subject)",
        ),
    )


def test_a_form_without_a_name_or_with_another_key(project):
    project.replace(
        CUR, "        name: {vi: Câu lạc bộ, en: Club}", "        name: {vi: Câu lạc bộ, en: Club}\n        wording: x"
    )
    project.replace(CUR, "        name: {vi: Sinh hoạt lớp, en: Class meeting}\n", "")
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "      class-meeting:"),
            "error",
            "curriculum-name",
            "form 'class-meeting' needs a name in every language",
        ),
        P(
            CUR,
            project.line(CUR, "wording: x"),
            "error",
            "curriculum-unknown-key",
            "unknown key 'wording' in form 'club'",
        ),
    )
