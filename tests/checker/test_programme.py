"""The 2018 programme in a module's front matter (docs/reference.en.md#curriculum): subjects by grade,
whole periods, the experiential activity's form. Each refusal names the file and line, in both languages,
with exit 1 and no traceback; the period rule is a warning."""

from __future__ import annotations

import pytest
from checkerlib import EN, VI, P, both, expect

CUR = "lessons/curriculum.yml"
SUBJECTS = "subjects: [experiential-activities, ethics]"
#: The demo is for grades 1-3 in 35 minutes, tagged with the experiential activity and ethics.
GRADES_4_5 = "grades: [4, 5]"
TAUGHT_4_5 = "ethics, science, informatics, experiential-activities"


def _grades_4_5(project, subjects: str) -> None:
    both(project, "grades: [1, 2, 3]", GRADES_4_5)
    both(project, SUBJECTS, subjects)


def test_a_subject_of_grades_1_to_3_in_a_module_for_grades_1_to_3_is_fine(project):
    both(project, SUBJECTS, "subjects: [nature-and-society, ethics]")
    expect(project)


def test_a_subject_taught_in_none_of_the_modules_grades_is_refused(project):
    _grades_4_5(project, "subjects: [experiential-activities, nature-and-society]")
    message = (
        "subject 'nature-and-society' is taught in grades 1, 2, 3, in none of this module's grades (4, 5) "
        f"(subjects taught in grades 4, 5: {TAUGHT_4_5})"
    )
    text = expect(project, *(P(rel, 8, "error", "subject-grades", message) for rel in (EN, VI)))
    assert "Traceback" not in text.out
    vi = project.check("--lang", "vi")
    assert vi.rc == 1 and vi.err == ""
    assert (
        f"{VI}:8: error: môn học 'nature-and-society' chỉ dạy ở các lớp 1, 2, 3, không dạy ở lớp nào của bài này "
        f"(4, 5) (các môn dạy ở lớp 4, 5: {TAUGHT_4_5})"
    ) in vi.lines


def test_a_subject_outside_the_grades_gets_a_did_you_mean_when_one_is_close(project):
    # A subject taught in grades 4-5 whose key is close to the one written.
    project.replace(
        CUR,
        "  science:\n",
        "  nature-and-science:\n    name: {vi: Khoa học tự nhiên, en: Natural science}\n"
        "    grades: [4, 5]\n  science:\n",
    )
    _grades_4_5(project, "subjects: [experiential-activities, nature-and-society]")
    message = (
        "subject 'nature-and-society' is taught in grades 1, 2, 3, in none of this module's grades (4, 5) "
        "(did you mean 'nature-and-science'?)"
    )
    expect(project, *(P(rel, 8, "error", "subject-grades", message) for rel in (EN, VI)))


def test_a_subject_in_some_of_the_grades_is_fine_when_every_grade_has_a_subject(project):
    # Grade 3 learns it in Nature and society, grades 4 and 5 in Science.
    both(project, "grades: [1, 2, 3]", "grades: [3, 4, 5]")
    both(project, SUBJECTS, "subjects: [nature-and-society, science]")
    expect(project)


def test_a_grade_with_none_of_the_modules_subjects_is_refused(project):
    both(project, "grades: [1, 2, 3]", "grades: [2, 3, 4]")
    both(project, SUBJECTS, "subjects: [nature-and-society]")
    message = (
        "grade 4 has none of this module's subjects (nature-and-society): add a subject taught in grade 4 "
        f"(for example {TAUGHT_4_5}) or remove the grade"
    )
    expect(project, *(P(rel, 6, "error", "grade-subjects", message) for rel in (EN, VI)))
    vi = project.check("--lang", "vi")
    assert (
        f"{VI}:6: error: lớp 4 không học môn nào trong các môn của bài này (nature-and-society): hãy thêm một môn "
        f"có dạy ở lớp 4 (ví dụ {TAUGHT_4_5}) hoặc bỏ lớp này"
    ) in vi.lines


def test_a_subject_of_another_level_keeps_its_own_message(project):
    both(project, SUBJECTS, "subjects: [experiential-activities, civic-education]")
    message = "subject 'civic-education' is not taught at primary (only at lower-secondary)"
    expect(project, *(P(rel, 8, "error", "subject-level", message) for rel in (EN, VI)))


# --- periods ------------------------------------------------------------------------------------------


def test_a_duration_that_is_not_whole_periods_is_a_warning(project):
    both(project, "duration: 35", "duration: 40")
    project.replace(VI, "(15 phút)", "(20 phút)")
    project.replace(EN, "(15 minutes)", "(20 minutes)")
    message = (
        "'duration' is 40 minutes, not a whole number of periods (a period at primary is 35 minutes): "
        "plan for 35 or 70 minutes"
    )
    text = expect(project, *(P(rel, 7, "warning", "duration-periods", message) for rel in (EN, VI)))
    assert text.rc == 0
    vi = project.check("--lang", "vi")
    assert (
        f"{VI}:7: warning: 'duration' là 40 phút, không tròn số tiết (mỗi tiết ở cấp primary là 35 phút): hãy "
        "thiết kế bài trong 35 hoặc 70 phút"
    ) in vi.lines


def test_two_periods_are_fine(project):
    both(project, "duration: 35", "duration: 70")
    project.replace(VI, "(15 phút)", "(50 phút)")
    project.replace(EN, "(15 minutes)", "(50 minutes)")
    expect(project)


def test_the_period_of_a_secondary_level(project):
    folder = project.add_module("lower-secondary", "secondary-demo")
    project.replace(CUR, "    lesson_plan: secondary\n", "    lesson_plan: secondary\n    period: 45\n", 1)
    message = (
        "'duration' is 35 minutes, not a whole number of periods (a period at lower-secondary is 45 minutes): "
        "plan for 45 minutes"
    )
    expect(
        project,
        *(P(f"{folder}/index.{lang}.md", 7, "warning", "duration-periods", message) for lang in ("en", "vi")),
    )


@pytest.mark.parametrize("period", ["0", "'35'", "35.5", "120"])
def test_a_period_that_is_not_minutes_is_refused(project, period):
    project.replace(CUR, "    period: 35", f"    period: {period}")
    message = "level 'primary': period must be the minutes of one class period, a whole number from 10 to 90"
    expect(project, P(CUR, project.line(CUR, f"period: {period}"), "error", "curriculum-period", message))


# --- the experiential activity's form -----------------------------------------------------------------


def _form(project, vi: str, en: str | None = None) -> None:
    project.replace(VI, SUBJECTS, f"{SUBJECTS}\nform: {vi}")
    project.replace(EN, SUBJECTS, f"{SUBJECTS}\nform: {vi if en is None else en}")


@pytest.mark.parametrize("form", ["flag-salute", "theme-activity", "class-meeting", "club"])
def test_each_form_of_the_experiential_activity_is_accepted(project, form):
    _form(project, form)
    expect(project)


def test_an_unknown_form_is_refused_with_a_guess(project):
    _form(project, "clubs")
    message = "unknown form of activity 'clubs' (did you mean 'club'?)"
    expect(project, *(P(rel, 9, "error", "unknown-form", message) for rel in (EN, VI)))
    vi = project.check("--lang", "vi")
    assert (
        f"{VI}:9: error: không có hình thức tổ chức 'clubs' trong chương trình (có phải là 'club' không?)" in vi.lines
    )


def test_an_unknown_form_with_nothing_close_lists_the_forms(project):
    _form(project, "workshop")
    message = "unknown form of activity 'workshop' (allowed: flag-salute, theme-activity, class-meeting, club)"
    expect(project, *(P(rel, 9, "error", "unknown-form", message) for rel in (EN, VI)))


def test_a_form_that_is_not_a_key_is_refused(project):
    _form(project, "[club]")
    message = "'form' must be the key of a form of activity in curriculum.yml, for example 'class-meeting'"
    expect(project, *(P(rel, 9, "error", "field-type", message) for rel in (EN, VI)))


def test_a_form_without_the_experiential_activity_is_refused(project):
    both(project, SUBJECTS, "subjects: [ethics]\nform: club")
    message = (
        "form of activity 'club' belongs to subject 'experiential-activities', which is not in 'subjects': "
        "add it or remove 'form'"
    )
    expect(project, *(P(rel, 9, "error", "form-subject", message) for rel in (EN, VI)))


def test_both_languages_give_the_same_form(project):
    _form(project, "club", "class-meeting")
    message = f"'form' is 'class-meeting' here but 'club' in {VI}: both languages must agree"
    expect(project, P(EN, 9, "error", "translation-mismatch", message))


def test_a_form_in_one_language_only_is_refused(project):
    project.replace(VI, SUBJECTS, f"{SUBJECTS}\nform: club")
    message = f"'form' is not given here but is 'club' in {VI}: both languages must agree"
    expect(project, P(EN, 1, "error", "translation-mismatch", message))
    project.replace(VI, "form: club\n", "")
    project.replace(EN, SUBJECTS, f"{SUBJECTS}\nform: club")
    message = f"'form' is 'club' here but not given in {VI}: both languages must agree"
    expect(project, P(EN, 9, "error", "translation-mismatch", message))
