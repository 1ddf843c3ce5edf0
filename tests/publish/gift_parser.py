"""A GIFT reader written for the tests, independently of the writer: it reads the characters one by one
the way Moodle's format documentation describes them, so an escaping mistake of the writer shows up as
a wrong question here rather than being undone by shared code."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Answer:
    text: str
    weight: float  # per cent: 100 for "=", 0 for "~", the %n% value otherwise
    feedback: str = ""


@dataclass
class GiftQuestion:
    category: str
    title: str
    text: str
    answers: list[Answer] = field(default_factory=list)
    general_feedback: str = ""


class GiftSyntaxError(ValueError):
    pass


def _unescape_until(text: str, start: int, stops: str) -> tuple[str, int]:
    """Read from ``start`` to the first unescaped character of ``stops``; returns (text, index)."""
    out: list[str] = []
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        if ch in stops:
            return "".join(out), i
        out.append(ch)
        i += 1
    return "".join(out), i


def parse(text: str) -> list[GiftQuestion]:
    questions: list[GiftQuestion] = []
    category = ""
    # Comments and categories are whole lines; questions are separated by blank lines.
    chunks: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if stripped.startswith("$CATEGORY:"):
            if current:
                chunks.append("\n".join(current))
                current = []
            chunks.append(stripped)
            continue
        if not stripped:
            if current:
                chunks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        chunks.append("\n".join(current))
    for chunk in chunks:
        if chunk.startswith("$CATEGORY:"):
            category = chunk[len("$CATEGORY:") :].strip()
            continue
        questions.append(_question(chunk, category))
    return questions


def _question(chunk: str, category: str) -> GiftQuestion:
    i = 0
    title = ""
    if chunk.startswith("::"):
        title, i = _unescape_until(chunk, 2, ":")
        if chunk[i : i + 2] != "::":
            raise GiftSyntaxError(f"title not closed: {chunk[:60]!r}")
        i += 2
    body, i = _unescape_until(chunk, i, "{")
    if i >= len(chunk):
        raise GiftSyntaxError(f"no answers: {chunk[:60]!r}")
    if body.startswith("[markdown]"):
        body = body[len("[markdown]") :]
    question = GiftQuestion(category, title.strip(), body.strip())
    i += 1
    while True:
        while i < len(chunk) and chunk[i] in " \t\n":
            i += 1
        if i >= len(chunk):
            raise GiftSyntaxError("answers not closed")
        ch = chunk[i]
        if ch == "}":
            if chunk[i + 1 :].strip():
                raise GiftSyntaxError(f"text after the answers: {chunk[i + 1 :][:40]!r}")
            return question
        if chunk.startswith("####", i):
            question.general_feedback, i = _unescape_until(chunk, i + 4, "}")
            question.general_feedback = question.general_feedback.strip()
            continue
        if ch not in "=~":
            raise GiftSyntaxError(f"unexpected {ch!r} in the answers of {title!r}")
        weight = 100.0 if ch == "=" else 0.0
        i += 1
        if i < len(chunk) and chunk[i] == "%":
            end = chunk.index("%", i + 1)
            weight = float(chunk[i + 1 : end])
            i = end + 1
        answer_text, i = _unescape_until(chunk, i, "#=~}")
        feedback = ""
        if i < len(chunk) and chunk[i] == "#" and not chunk.startswith("####", i):
            feedback, i = _unescape_until(chunk, i + 1, "=~}#")
        question.answers.append(Answer(answer_text.strip(), weight, feedback.strip()))
