"""The quiz author syntax, parsed once for the checker and the build.

A question is a ``/// quiz | question text`` block whose content is a task list of options, each with
its feedback indented under it, and an optional explanation paragraph after the list::

    /// quiz | Một bạn mới quen trên mạng rủ em đi chơi xa. Em nên làm gì?
    - [ ] Đi ngay, vì bạn ấy rất tốt với em.
        Người bạn tốt không bao giờ bảo em giấu bố mẹ.
    - [x] Từ chối và kể ngay với bố mẹ hoặc thầy cô.
        Đúng! Người lớn tin cậy sẽ giúp em an toàn.

    Khi ai đó bảo em giữ bí mật với bố mẹ, đó là dấu hiệu cần kể ngay.
    ///

One ``[x]`` makes a single-choice question, several a multiple-choice one; the option
``type: single|multiple`` (indented on the line after the header) states the kind explicitly.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from dataclasses import dataclass, field

from .messages import Message, msg

RE_OPTION = re.compile(r"^[ ]{0,3}[-*+][ ]+\[([ xX])\][ ]*(.*)$")
RE_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d+[.)])[ ]+")

QUESTION_TYPES = ("single", "multiple")
QUIZ_OPTIONS = ("type",)


@dataclass
class Option:
    text: str
    correct: bool
    line: int
    feedback: str = ""


@dataclass
class Question:
    text: str
    line: int
    type: str = "single"
    options: list[Option] = field(default_factory=list)
    explanation: str = ""

    @property
    def correct_positions(self) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.options) if o.correct)

    @property
    def shape(self) -> tuple[str, int, tuple[int, ...]]:
        """What both language versions must share: kind, number of options, correct positions."""
        return (self.type, len(self.options), self.correct_positions)

    def key(self) -> str:
        """A short, stable hash of the question: saved progress for a changed question is dropped."""
        parts = [self.text, self.type] + [f"{o.correct}:{o.text}" for o in self.options]
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class SyntaxProblem:
    """One broken rule: ``detail`` says it in any language (:mod:`.messages`)."""

    line: int
    code: str
    detail: Message

    @property
    def message(self) -> str:
        """The English text, as the build reports it."""
        return self.detail.text()


def parse_question(
    argument: str | None,
    options: dict[str, object],
    content: list[tuple[int, str]],
    line: int,
    option_lines: dict[str, int] | None = None,
) -> tuple[Question, list[SyntaxProblem]]:
    """Parse one quiz block.

    ``argument`` is the header's text after ``|``, ``options`` its YAML options, ``content`` the
    ``(line number, text)`` lines between header (and options) and the closing ``///``, ``line`` the
    header's line. Returns the question (as complete as the text allows) and every rule it breaks.
    """
    problems: list[SyntaxProblem] = []
    option_lines = option_lines or {}
    question = Question(text=(argument or "").strip(), line=line)
    if not question.text:
        problems.append(SyntaxProblem(line, "quiz-no-question", msg("quiz-no-question")))
    for key in options:
        if key not in QUIZ_OPTIONS:
            problems.append(
                SyntaxProblem(
                    option_lines.get(key, line),
                    "quiz-unknown-option",
                    msg("quiz-unknown-option", key=key, allowed=", ".join(QUIZ_OPTIONS)),
                )
            )
    declared = options.get("type")
    if declared is not None and declared not in QUESTION_TYPES:
        problems.append(
            SyntaxProblem(
                option_lines.get("type", line), "quiz-bad-type", msg("quiz-bad-type", value=str(declared)[:40])
            )
        )
        declared = None

    current: Option | None = None
    feedback: list[str] = []
    explanation: list[str] = []
    blank_before = False

    def close_option() -> None:
        if current is not None:
            current.feedback = textwrap.dedent("\n".join(feedback)).strip()
            feedback.clear()

    for number, text in content:
        if not text.strip():
            blank_before = True
            if current is not None and not explanation:
                feedback.append("")
            elif explanation:
                explanation.append("")
            continue
        option = RE_OPTION.match(text)
        if option:
            if explanation:
                problems.append(
                    SyntaxProblem(number, "quiz-option-after-explanation", msg("quiz-option-after-explanation"))
                )
            close_option()
            current = Option(option.group(2).strip(), option.group(1) in "xX", number)
            question.options.append(current)
            if not current.text:
                problems.append(SyntaxProblem(number, "quiz-empty-option", msg("quiz-empty-option")))
            blank_before = False
            continue
        indented = text.startswith((" ", "\t"))
        if current is not None and indented and not explanation:
            feedback.append(text.expandtabs(4))
        elif RE_LIST_ITEM.match(text) and not explanation:
            problems.append(SyntaxProblem(number, "quiz-bad-option", msg("quiz-bad-option")))
        elif current is None and not explanation:
            problems.append(SyntaxProblem(number, "quiz-text-before-options", msg("quiz-text-before-options")))
        elif not blank_before and not explanation:
            problems.append(SyntaxProblem(number, "quiz-feedback-indent", msg("quiz-feedback-indent")))
        else:
            explanation.append(text)
        blank_before = False
    close_option()
    question.explanation = textwrap.dedent("\n".join(explanation)).strip()

    if len(question.options) < 2:
        problems.append(
            SyntaxProblem(line, "quiz-too-few-options", msg("quiz-too-few-options", count=len(question.options)))
        )
    correct = len(question.correct_positions)
    if question.options and correct == 0:
        problems.append(SyntaxProblem(line, "quiz-no-correct", msg("quiz-no-correct")))
    if declared == "single" and correct > 1:
        problems.append(
            SyntaxProblem(
                option_lines.get("type", line),
                "quiz-single-several-correct",
                msg("quiz-single-several-correct", count=correct),
            )
        )
    question.type = declared or ("multiple" if correct > 1 else "single")
    for choice in question.options:
        if not choice.feedback:
            problems.append(SyntaxProblem(choice.line, "quiz-no-feedback", msg("quiz-no-feedback")))
    return question, problems
