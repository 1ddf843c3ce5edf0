"""``lessonkit coverage``: grades and topics with the ids of the modules covering them, per language."""

from __future__ import annotations

import pytest
from checkerlib import EN, VI


@pytest.fixture
def covered(project):
    """demo (grades 1-3), a Vietnamese-only module for grade 10 and a full one for grades 6-7."""
    project.add_module("upper-secondary", "vi-only", langs=("vi",))
    older = project.add_module("lower-secondary", "older")
    project.replace(f"{older}/index.vi.md", "topics: [trusted-adults, asking-for-help]", "topics: [online-safety]")
    project.replace(f"{older}/index.en.md", "topics: [trusted-adults, asking-for-help]", "topics: [online-safety]")
    return project


def test_coverage_json(covered):
    result = covered.cli("coverage", "--format", "json")
    assert result.rc == 0 and result.err == ""
    data = result.json()
    assert data["modules"] == 3
    grades = {row["grade"]: row for row in data["grades"]}
    assert list(grades) == list(range(1, 13))
    assert grades[1] == {"grade": 1, "level": "primary", "vi": ["demo"], "en": ["demo"]}
    assert grades[6] == {"grade": 6, "level": "lower-secondary", "vi": ["older"], "en": ["older"]}
    assert grades[10] == {"grade": 10, "level": "upper-secondary", "vi": ["vi-only"], "en": []}
    assert grades[12] == {"grade": 12, "level": "upper-secondary", "vi": [], "en": []}
    topics = {row["topic"]: row for row in data["topics"]}
    assert topics["trusted-adults"]["vi"] == ["demo", "vi-only"] and topics["trusted-adults"]["en"] == ["demo"]
    assert topics["online-safety"] == {
        "topic": "online-safety",
        "name": {"vi": "An toàn trên mạng", "en": "Online safety"},
        "vi": ["older"],
        "en": ["older"],
    }
    assert topics["job-offers"]["vi"] == topics["job-offers"]["en"] == []
    assert data["uncovered_grades"] == [4, 5, 8, 9, 10, 11, 12]


def test_coverage_uncovered_topics(covered):
    data = covered.cli("coverage", "--format", "json").json()
    # asking-for-help and trusted-adults have demo in both languages: covered
    assert data["uncovered_topics"] == ["safe-secrets", "job-offers"]


def test_coverage_text(covered):
    result = covered.cli("coverage")
    assert result.rc == 0 and result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == "3 modules"
    rows = {
        line.split()[0]: line.split()
        for line in lines
        if line.strip() and line.split()[0].isdigit() and len(line.split()) >= 4
    }
    assert rows["1"] == ["1", "primary", "1", "1", "demo"]
    assert rows["10"] == ["10", "upper-secondary", "1", "0", "vi-only"]
    assert rows["12"] == ["12", "upper-secondary", "0", "0"]
    topic = next(line for line in lines if line.startswith("trusted-adults "))
    assert topic.split() == ["trusted-adults", "2", "1", "demo,", "vi-only"]
    assert "Grades without a module in every language: 4, 5, 8, 9, 10, 11, 12" in lines
    assert "Topics without a module in every language: safe-secrets, job-offers" in lines


def test_coverage_ignores_tags_of_the_wrong_type(project):
    """A module the checker rejects (grades not a list, odd items) must not crash coverage."""
    project.replace(VI, "grades: [1, 2, 3]", "grades: 3")
    project.replace(EN, "grades: [1, 2, 3]", "grades: [[1], {a: 2}, 3]")
    project.replace(EN, "topics: [trusted-adults, asking-for-help]", "topics: [[trusted-adults], {x: 1}]")
    result = project.cli("coverage", "--format", "json")
    assert result.rc == 0 and "Traceback" not in result.err
    grades = {row["grade"]: row for row in result.json()["grades"]}
    assert grades[3] == {"grade": 3, "level": "primary", "vi": [], "en": ["demo"]}
    assert grades[1]["en"] == []
    assert project.cli("coverage").rc == 0


def test_coverage_with_a_broken_curriculum(project):
    project.replace("lessons/curriculum.yml", "topics:", "topics: [", 1)
    result = project.cli("coverage")
    assert result.rc == 1 and result.out == ""
    assert result.err.startswith("lessons/curriculum.yml:") and "Traceback" not in result.err
