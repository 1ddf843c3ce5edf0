"""model/curriculum.py: subjects by grade and by level name, periods and forms, read from curriculum.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessonkit.model.curriculum import Curriculum, Level, load_curriculum
from lessonkit.model.problems import ProblemList

REPO = Path(__file__).resolve().parents[3]

SMALL = """\
levels:
  primary:
    name: {vi: Tiểu học, en: Primary school}
    grades: [1, 2, 3, 4, 5]
    min_questions: 3
    period: 35
  lower-secondary:
    name: {vi: Trung học cơ sở, en: Lower secondary school}
    grades: [6, 7, 8, 9]
    min_questions: 5
ages: {1: [6, 7], 2: [7, 8], 3: [8, 9], 4: [9, 10], 5: [10, 11], 6: [11, 12], 7: [12, 13], 8: [13, 14], 9: [14, 15]}
subjects:
  ethics:
    name: {vi: Đạo đức, en: Ethics}
    levels: [primary]
  science:
    name: {vi: Khoa học, en: Science}
    grades: [5, 4]
  activity:
    name: {vi: "Hoạt động trải nghiệm, hướng nghiệp", en: Experiential and career-guidance activities}
    grades: [1, 2, 3, 4, 5, 6, 7, 8, 9]
    level_names:
      primary: {vi: Hoạt động trải nghiệm, en: Experiential activities}
    forms:
      club:
        name: {vi: Câu lạc bộ, en: Club}
topics:
  t: {name: {vi: Chủ đề, en: Topic}}
never: []
"""


def _load(tmp_path: Path, text: str) -> tuple[Curriculum | None, ProblemList]:
    path = tmp_path / "curriculum.yml"
    path.write_text(text, encoding="utf-8")
    problems = ProblemList()
    return load_curriculum(path, "lessons/curriculum.yml", problems), problems


@pytest.fixture
def small(tmp_path: Path) -> Curriculum:
    cur, problems = _load(tmp_path, SMALL)
    assert cur is not None and not list(problems), [p.format() for p in problems]
    return cur


def test_grades_levels_and_the_older_shorthand(small: Curriculum) -> None:
    assert small.subjects["ethics"].grades == (1, 2, 3, 4, 5)
    assert small.subjects["ethics"].levels == ("primary",)
    assert small.subjects["science"].grades == (4, 5)  # sorted
    assert small.subjects["activity"].levels == ("primary", "lower-secondary")


def test_a_subject_is_named_as_the_level_names_it(small: Curriculum) -> None:
    activity = small.subjects["activity"]
    assert activity.name_at("primary", "vi") == "Hoạt động trải nghiệm"
    assert activity.name_at("lower-secondary", "vi") == "Hoạt động trải nghiệm, hướng nghiệp"
    assert activity.name_at(None, "en") == "Experiential and career-guidance activities"
    assert activity.names_at("primary") == {"vi": "Hoạt động trải nghiệm", "en": "Experiential activities"}
    assert small.subject_name("activity", "primary", "en") == "Experiential activities"
    assert small.subject_name("science", "primary", "vi") == "Khoa học"
    assert small.subject_name("no-such", "primary", "vi") == "no-such"


def test_subjects_taught_in_every_one_of_some_grades(small: Curriculum) -> None:
    assert small.subjects_in([4, 5]) == ["ethics", "science", "activity"]
    assert small.subjects_in([3, 4]) == ["ethics", "activity"]
    assert small.subjects_in([6]) == ["activity"]


def test_forms_belong_to_their_subject(small: Curriculum) -> None:
    assert list(small.forms) == ["club"]
    club = small.forms["club"]
    assert club.subject == "activity" and club.name == {"vi": "Câu lạc bộ", "en": "Club"}


def test_periods(small: Curriculum) -> None:
    primary, lower = small.levels["primary"], small.levels["lower-secondary"]
    assert primary.period == 35 and lower.period is None
    assert [primary.periods(m) for m in (35, 70, 40, 0)] == [1, 2, None, None]
    assert lower.periods(45) is None  # no period given: nothing to count
    assert Level("x", {}, {}, (1,), 0, (), period=45).periods(90) == 2


def test_a_broken_subject_makes_no_curriculum(tmp_path: Path) -> None:
    cur, problems = _load(tmp_path, SMALL.replace("    grades: [5, 4]\n", "    grades: [5, 4, 10]\n"))
    assert cur is None
    assert [p.format() for p in problems] == [
        "lessons/curriculum.yml:18: error: subject 'science': grade 10 is not a grade of any level"
    ]


def test_the_real_curriculum_follows_the_2018_programme() -> None:
    """facts: the subjects by grade, the periods and the four forms of the experiential activity."""
    problems = ProblemList()
    cur = load_curriculum(REPO / "lessons" / "curriculum.yml", "lessons/curriculum.yml", problems)
    assert cur is not None and not list(problems)
    grades = {key: subject.grades for key, subject in cur.subjects.items()}
    assert grades["nature-and-society"] == (1, 2, 3)
    assert grades["science"] == grades["history-and-geography"] == (4, 5)
    assert grades["ethics"] == (1, 2, 3, 4, 5)
    assert grades["civic-education"] == (6, 7, 8, 9)
    assert grades["economic-and-legal-education"] == (10, 11, 12)
    assert grades["informatics"][:3] == (3, 4, 5)
    assert cur.subject_name("informatics", "primary", "vi") == "Tin học và Công nghệ"
    assert cur.subject_name("experiential-activities", "primary", "vi") == "Hoạt động trải nghiệm"
    for level in ("lower-secondary", "upper-secondary"):
        assert cur.subject_name("experiential-activities", level, "vi") == "Hoạt động trải nghiệm, hướng nghiệp"
    assert {key: level.period for key, level in cur.levels.items()} == {
        "primary": 35,
        "lower-secondary": 45,
        "upper-secondary": 45,
    }
    assert {key: form.name["vi"] for key, form in cur.forms.items()} == {
        "flag-salute": "Sinh hoạt dưới cờ",
        "theme-activity": "Hoạt động giáo dục theo chủ đề",
        "class-meeting": "Sinh hoạt lớp",
        "club": "Câu lạc bộ",
    }
