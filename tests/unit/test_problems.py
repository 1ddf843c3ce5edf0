"""problems.Problem: the one-line text form, the JSON form, and the sort order the checker prints."""

from __future__ import annotations

from lessonkit.model.problems import Problem, ProblemList


def test_format_and_dict():
    p = Problem("lessons/a/index.vi.md", 7, "error", "duration-range", "'duration' is 5 minutes")
    assert p.format() == "lessons/a/index.vi.md:7: error: 'duration' is 5 minutes"
    assert p.as_dict() == {
        "path": "lessons/a/index.vi.md",
        "line": 7,
        "severity": "error",
        "code": "duration-range",
        "message": "'duration' is 5 minutes",
    }
    assert p.is_error and not Problem("x", 1, "warning", "c", "m").is_error


def test_a_line_break_in_a_message_is_escaped():
    p = Problem("x.md", 2, "error", "unknown-field", "unknown field 'a\nb\r\u2028c'")
    assert p.format() == "x.md:2: error: unknown field 'a\\nb\\r\\u2028c'"
    assert len(p.format().splitlines()) == 1
    assert p.as_dict()["message"] == "unknown field 'a\nb\r\u2028c'"


def test_problem_list_clamps_lines_and_sorts_by_path_then_line():
    problems = ProblemList()
    problems.warning("b.md", 0, "w", "warn")
    problems.error("a.md", 10, "e", "ten")
    problems.error("a.md", 9, "e", "nine")
    assert [(p.path, p.line) for p in sorted(problems)] == [("a.md", 9), ("a.md", 10), ("b.md", 1)]
