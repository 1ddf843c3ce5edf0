"""model.quiz.parse_question: single, multiple, explicit type, explanation, feedback, problems."""

from __future__ import annotations

from lessonkit.model.quiz import parse_question


def lines(text: str, first: int = 11) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), start=first))


def codes(problems) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in problems]


def test_single_choice():
    q, problems = parse_question(" What now? ", {}, lines("- [ ] Go\n    No.\n- [x] Tell\n    Yes."), 10)
    assert problems == []
    assert (q.text, q.line, q.type) == ("What now?", 10, "single")
    assert [(o.text, o.correct, o.line, o.feedback) for o in q.options] == [
        ("Go", False, 11, "No."),
        ("Tell", True, 13, "Yes."),
    ]
    assert q.correct_positions == (1,) and q.shape == ("single", 2, (1,))
    assert q.explanation == ""


def test_multiple_choice_from_two_correct():
    q, problems = parse_question("Who?", {}, lines("- [x] A\n    a\n- [X] B\n    b\n* [ ] C\n    c"), 10)
    assert problems == []
    assert q.type == "multiple" and q.correct_positions == (0, 1)


def test_explicit_type_multiple_with_one_correct():
    q, problems = parse_question(
        "True?", {"type": "multiple"}, lines("- [x] True\n    t\n- [ ] False\n    f"), 10, {"type": 11}
    )
    assert problems == [] and q.type == "multiple"


def test_explicit_type_single_with_two_correct():
    q, problems = parse_question("Q", {"type": "single"}, lines("- [x] A\n    a\n- [x] B\n    b", 12), 10, {"type": 11})
    assert codes(problems) == [(11, "quiz-single-several-correct")]
    assert q.type == "single"


def test_bad_type_and_unknown_option():
    q, problems = parse_question(
        "Q", {"type": "both", "points": 1}, lines("- [x] A\n    a\n- [ ] B\n    b", 13), 10, {"type": 11, "points": 12}
    )
    assert codes(problems) == [(12, "quiz-unknown-option"), (11, "quiz-bad-type")]
    assert q.type == "single"


def test_feedback_of_two_paragraphs_and_an_explanation():
    text = (
        "- [x] A\n    First paragraph.\n\n    Second paragraph.\n- [ ] B\n    b\n\nThe explanation\ngoes on.\n\nAnd on."
    )
    q, problems = parse_question("Q", {}, lines(text), 10)
    assert problems == []
    assert q.options[0].feedback == "First paragraph.\n\nSecond paragraph."
    assert q.options[1].feedback == "b"
    assert q.explanation == "The explanation\ngoes on.\n\nAnd on."


def test_tabs_indent_feedback():
    q, problems = parse_question("Q", {}, lines("- [x] A\n\ta\n- [ ] B\n\tb"), 10)
    assert problems == [] and [o.feedback for o in q.options] == ["a", "b"]


def test_every_problem_with_its_line():
    text = "Intro\n- [ ] A\nnot indented\n- [x]\n    f\n- a plain item\n\nExplanation.\n- [ ] Late\n    late"
    _q, problems = parse_question(None, {}, lines(text), 10)
    assert codes(problems) == [
        (10, "quiz-no-question"),
        (11, "quiz-text-before-options"),
        (13, "quiz-feedback-indent"),
        (14, "quiz-empty-option"),
        (16, "quiz-bad-option"),
        (19, "quiz-option-after-explanation"),
        (12, "quiz-no-feedback"),
        (19, "quiz-no-feedback"),
    ]


def test_too_few_and_none_correct():
    _, problems = parse_question("Q", {}, lines("- [ ] Only\n    o"), 10)
    assert codes(problems) == [(10, "quiz-too-few-options"), (10, "quiz-no-correct")]
    _, problems = parse_question("Q", {}, [], 10)
    assert codes(problems) == [(10, "quiz-too-few-options")]


def test_key_changes_with_the_question():
    a, _ = parse_question("Q", {}, lines("- [x] A\n    a\n- [ ] B\n    b"), 10)
    b, _ = parse_question("Q", {}, lines("- [ ] A\n    a\n- [x] B\n    b"), 10)
    c, _ = parse_question("Q", {}, lines("- [x] A\n    other feedback\n- [ ] B\n    b"), 30)
    assert len(a.key()) == 10 and a.key() != b.key() and a.key() == c.key()
