"""Quiz syntax (docs/reference.en.md#quiz) and block rules: every broken quiz or block is an error at its line.

Most changes are made in both language files so that only the quiz rule fires (a change in one file
alone would also break translation parity, which test_module.py covers).
"""

from __future__ import annotations

import pytest
from checkerlib import EN, Q1, Q2, Q3, VI, P, both, expect, problems_of

HEADERS = {
    "vi": ("/// quiz | Một bạn mới quen", "/// quiz | Ai là", "/// quiz | Em có thể kể"),
    "en": ("/// quiz | A new online friend", "/// quiz | Who are", "/// quiz | You can tell"),
}
NO_FEEDBACK = "option has no feedback: indent a line of feedback by 4 spaces under it"


def _header(rel: str, n: int) -> str:
    return HEADERS["vi" if rel == VI else "en"][n - 1]


def test_question_lines(project):
    for rel in (VI, EN):
        assert [project.line(rel, _header(rel, n)) for n in (1, 2, 3)] == [Q1, Q2, Q3]


@pytest.mark.parametrize("header", ["/// quiz", "/// quiz |", "/// quiz |    "])
def test_no_question_text(project, header):
    for rel in (VI, EN):
        text = project.read(rel)
        line = text.splitlines()[Q2 - 1]
        project.replace(rel, line, header)
    message = "quiz block has no question: write it after '|' on the header line"
    expect(project, P(EN, Q2, "error", "quiz-no-question", message), P(VI, Q2, "error", "quiz-no-question", message))


def test_unknown_quiz_option(project):
    project.replace(VI, "    type: multiple", "    type: multiple\n    points: 2")
    project.replace(EN, "    type: multiple", "    type: multiple\n    points: 2")
    message = "unknown quiz option 'points' (allowed: type)"
    expect(
        project,
        P(EN, Q3 + 2, "error", "quiz-unknown-option", message),
        P(VI, Q3 + 2, "error", "quiz-unknown-option", message),
    )


@pytest.mark.parametrize(
    "value, shown", [("multi", "multi"), ("Single", "Single"), ("1", "1"), ("[single]", "['single']")]
)
def test_bad_type_value(project, value, shown):
    both(project, "    type: multiple", f"    type: {value}")
    message = f"quiz type must be 'single' or 'multiple', not '{shown}'"
    expect(project, P(EN, Q3 + 1, "error", "quiz-bad-type", message), P(VI, Q3 + 1, "error", "quiz-bad-type", message))


def test_block_options_not_yaml(project):
    both(project, "    type: multiple", "    type: [multiple")
    for problem in (p for p in project.check_json().json()["problems"]):
        assert problem["code"] == "block-options" and problem["line"] in (Q3 + 1, Q3 + 2)
        assert problem["message"].startswith("'quiz' block options: malformed YAML:")
    assert project.check().rc == 1


def test_fewer_than_two_options(project):
    project.replace(VI, "- [ ] Sai.\n    Em luôn có thể kể, dù đã hứa giữ bí mật.\n", "")
    project.replace(EN, "- [ ] False.\n    You can always tell, even if you promised to keep a secret.\n", "")
    message = "a question needs at least 2 options, found 1"
    expect(
        project,
        P(EN, Q3, "error", "quiz-too-few-options", message),
        P(VI, Q3, "error", "quiz-too-few-options", message),
    )


def test_no_options_at_all(project):
    project.replace(
        VI,
        "- [x] Đúng.\n    Đúng! Kể ngay là việc làm dũng cảm.\n- [ ] Sai.\n    Em luôn có thể kể, dù đã hứa giữ bí mật.\n",
        "",
    )
    expect(
        project,
        P(EN, Q3, "error", "translation-quiz", f"question 3 has 2 options here but 0 in {VI} (line {Q3})"),
        P(VI, Q3, "error", "quiz-too-few-options", "a question needs at least 2 options, found 0"),
        P(
            VI,
            Q3 + 3,
            "error",
            "quiz-text-before-options",
            "text before the options: put the question on the header line after '|'",
        ),
        P(
            VI,
            Q3,
            "warning",
            "quiz-ends-with-help",
            "the last question's explanation should point to a trusted adult and 111",
        ),
    )


def test_none_correct(project):
    project.replace(VI, "- [x] Từ chối", "- [ ] Từ chối")
    project.replace(EN, "- [x] Say no", "- [ ] Say no")
    message = "no option is marked correct with '[x]'"
    expect(project, P(EN, Q1, "error", "quiz-no-correct", message), P(VI, Q1, "error", "quiz-no-correct", message))


def test_none_correct_in_one_language_also_breaks_parity(project):
    project.replace(VI, "- [x] Từ chối", "- [ ] Từ chối")
    expect(
        project,
        P(EN, Q1, "error", "translation-quiz", f"question 1: correct option(s) 2 here but none in {VI} (line {Q1})"),
        P(VI, Q1, "error", "quiz-no-correct", "no option is marked correct with '[x]'"),
    )


def test_type_single_with_two_correct(project):
    project.replace(
        VI,
        _header(VI, 2) + " người lớn tin cậy của em?",
        _header(VI, 2) + " người lớn tin cậy của em?\n    type: single",
    )
    project.replace(
        EN, _header(EN, 2) + " your trusted adults?", _header(EN, 2) + " your trusted adults?\n    type: single"
    )
    message = "'type: single' but 2 options are marked correct"
    expect(
        project,
        P(EN, Q2 + 1, "error", "quiz-single-several-correct", message),
        P(VI, Q2 + 1, "error", "quiz-single-several-correct", message),
    )


@pytest.mark.parametrize("mark", ["[X]", "[x]"])
def test_type_multiple_with_one_correct_is_fine(project, mark):
    both(project, "- [x] ", f"- {mark} ", count=1)
    expect(project)


def test_option_without_feedback(project):
    project.replace(VI, "    Người lạ chưa phải là người lớn tin cậy.\n", "")
    project.replace(EN, "    A stranger is not yet a trusted adult.\n", "")
    expect(
        project,
        P(EN, 48, "error", "quiz-no-feedback", NO_FEEDBACK),
        P(VI, 48, "error", "quiz-no-feedback", NO_FEEDBACK),
    )


def test_feedback_not_indented(project):
    project.replace(VI, "    Người lạ chưa phải là người lớn tin cậy.", "Người lạ chưa phải là người lớn tin cậy.")
    expect(
        project,
        P(VI, 48, "error", "quiz-no-feedback", NO_FEEDBACK),
        P(
            VI,
            49,
            "error",
            "quiz-feedback-indent",
            "feedback must be indented by 4 spaces under its option; leave a blank line before the explanation",
        ),
    )


def test_text_before_options(project):
    project.replace(EN, _header(EN, 2) + " your trusted adults?", _header(EN, 2) + " your trusted adults?\nChoose two.")
    # the extra line moves the rest of the English file down by one
    expect(
        project,
        P(
            EN,
            Q2 + 1,
            "error",
            "quiz-text-before-options",
            "text before the options: put the question on the header line after '|'",
        ),
    )


def test_option_after_explanation(project):
    project.replace(
        VI, "đó là dấu hiệu cần kể ngay.\n", "đó là dấu hiệu cần kể ngay.\n- [ ] Hỏi bạn.\n    Chưa đúng.\n"
    )
    project.replace(
        EN, "that is a sign to tell straight away.\n", "that is a sign to tell straight away.\n- [ ] Ask.\n    No.\n"
    )
    message = "option after the explanation: the explanation comes after all options"
    # its indented line counts as explanation, so the late option also has no feedback
    expect(
        project,
        P(EN, 41, "error", "quiz-option-after-explanation", message),
        P(EN, 41, "error", "quiz-no-feedback", NO_FEEDBACK),
        P(VI, 41, "error", "quiz-option-after-explanation", message),
        P(VI, 41, "error", "quiz-no-feedback", NO_FEEDBACK),
    )


def test_bad_option_marker(project):
    project.replace(VI, "- [ ] Sai.", "- [] Sai.")
    project.replace(EN, "- [ ] False.", "- [] False.")
    message = "a quiz option must be written '- [ ] text' (wrong) or '- [x] text' (right)"
    # the broken option is not an option: one left, and its feedback is now a stray indented line
    found = expect(
        project,
        P(EN, 56, "error", "quiz-bad-option", message),
        P(VI, 56, "error", "quiz-bad-option", message),
        only=False,
    )
    assert found.rc == 1


def test_empty_option(project):
    project.replace(VI, "- [ ] Sai.", "- [ ]")
    project.replace(EN, "- [ ] False.", "- [ ]")
    expect(
        project,
        P(EN, 56, "error", "quiz-empty-option", "option has no text"),
        P(VI, 56, "error", "quiz-empty-option", "option has no text"),
    )


def test_unclosed_block(project):
    text = project.read(VI)
    assert text.endswith("///\n")  # the family block closes the file
    project.write(VI, text[: -len("///\n")])
    expect(
        project,
        P(
            VI,
            project.line(VI, "/// family"),
            "error",
            "block-unclosed",
            "the 'family' block is never closed with '///'",
        ),
    )
    # The last quiz left open at the end of the file (its family block cut off): the error is at its header.
    project.write(VI, text[: text.index("\n## Tiến trình bài học")].removesuffix("///\n"))
    found = problems_of(project.check_json())
    assert (VI, Q3, "error", "block-unclosed", "the 'quiz' block is never closed with '///'") in found


def test_unclosed_teacher_block(project):
    project.replace(
        EN, "Ask the class: why does Huy feel worried?\n///\n", "Ask the class: why does Huy feel worried?\n"
    )
    # the teacher block now swallows the following blocks; none of them is closed at the end of file
    result = project.check_json()
    found = [tuple(p.values()) for p in result.json()["problems"]]
    assert (EN, 22, "error", "block-unclosed", "the 'teacher' block is never closed with '///'") in found
    assert result.rc == 1


def test_unknown_block_name(project):
    both(project, "/// teacher", "/// teachr")
    message = (
        "unknown block 'teachr' (known: admonition, details, family, helplines, quiz, step, student, tab, teacher); "
        "it would be printed as literal text"
    )
    expect(project, P(EN, 22, "error", "block-unknown", message), P(VI, 22, "error", "block-unknown", message))


def test_misspelt_quiz_block(project):
    project.replace(VI, _header(VI, 1), _header(VI, 1).replace("quiz", "quizz"))
    expect(
        project,
        P(EN, Q3, "error", "translation-quiz", f"3 quiz questions here but 2 in {VI}"),
        P(
            VI,
            Q1,
            "error",
            "block-unknown",
            "unknown block 'quizz' (known: admonition, details, family, helplines, quiz, step, student, tab, teacher); "
            "it would be printed as literal text",
        ),
        P(VI, Q3, "error", "min-questions", "2 quiz questions; primary modules need at least 3"),
    )


def test_malformed_header(project):
    project.replace(VI, "/// quiz | Ai là người lớn tin cậy của em?", "/// quiz: Ai là người lớn tin cậy của em?")
    expect(
        project,
        P(EN, Q3, "error", "translation-quiz", f"3 quiz questions here but 2 in {VI}"),
        P(
            VI,
            Q2,
            "error",
            "block-malformed",
            "malformed block line: write '/// name | argument' to open a block and '///' alone to close it; "
            "this line would be printed as literal text",
        ),
        P(VI, Q2 + 7, "error", "block-stray-end", "closing '///' without an open block"),
        P(VI, Q3, "error", "min-questions", "2 quiz questions; primary modules need at least 3"),
    )


def test_stray_closing_line(project):
    project.replace(EN, "## Activity\n", "## Activity\n///\n")
    expect(project, P(EN, 19, "error", "block-stray-end", "closing '///' without an open block"))


def test_closing_line_with_other_length(project):
    project.replace(
        EN, "Ask the class: why does Huy feel worried?\n///", "Ask the class: why does Huy feel worried?\n////"
    )
    expect(
        project,
        P(
            EN,
            24,
            "error",
            "block-end-mismatch",
            "closing line has 4 slashes but the 'teacher' block opened at line 22 has 3",
        ),
    )


def test_block_inside_a_quiz_is_an_error(project):
    project.replace(VI, "Khi ai đó bảo em", "/// teacher | x\nKhi ai đó bảo em")
    found = [tuple(p.values()) for p in project.check_json().json()["problems"]]
    assert found[0][:4] == (VI, 40, "error", "block-malformed")
    assert project.check().rc == 1


def test_quiz_in_a_code_fence_is_not_a_question(project):
    example = "```markdown\n/// quiz | Example\n- [x] Only one\n///\n```\n\n"
    project.replace(VI, "## Câu hỏi\n", "## Câu hỏi\n\n" + example)
    project.replace(EN, "## Quiz\n", "## Quiz\n\n" + example)
    expect(project)


def test_quiz_with_explanation_of_two_paragraphs(project):
    project.replace(
        EN,
        "Tell a trusted adult, or ask a grown-up to call 111.",
        "Tell a trusted adult.\n\nOr ask a grown-up to call 111.",
    )
    expect(project)


def test_last_question_without_111_is_a_warning(project):
    project.replace(VI, "Hãy kể với người lớn tin cậy, hoặc nhờ người lớn gọi 111.", "Hãy kể với người lớn tin cậy.")
    result = expect(
        project,
        P(
            VI,
            Q3,
            "warning",
            "quiz-ends-with-help",
            "the last question's explanation should point to a trusted adult and 111",
        ),
    )
    assert result.rc == 0
    assert result.lines[-1] == "1 module checked: 0 errors, 1 warning"


def test_111_in_feedback_only_is_not_enough(project):
    project.replace(EN, "\nTell a trusted adult, or ask a grown-up to call 111.\n", "")
    project.replace(EN, "    Right! Telling is brave.", "    Right! Telling is brave. Call 111.")
    expect(
        project,
        P(
            EN,
            Q3,
            "warning",
            "quiz-ends-with-help",
            "the last question's explanation should point to a trusted adult and 111",
        ),
    )


def test_no_student_block_is_a_warning(project):
    project.replace(EN, '/// student\n- You can say "No", go away and tell a trusted adult straight away.\n///\n', "")
    result = expect(
        project,
        P(
            EN,
            1,
            "warning",
            "no-student-block",
            "no '/// student' block: the pupils' page of this module will show only the quiz",
        ),
    )
    assert result.rc == 0
