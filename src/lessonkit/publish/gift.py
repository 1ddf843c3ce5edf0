"""Moodle GIFT export: every quiz question of a level, in one language, for a Moodle question bank.

The format (Moodle's "GIFT format" documentation): a question is ``::title::text{answers}``; in the
braces ``=`` marks the right answer of a single-choice question and ``~`` a wrong one, ``~%50%`` gives
an answer a weight (multiple answers), ``#`` starts an answer's feedback and ``####`` the question's
general feedback. ``$CATEGORY: a/b`` puts the questions after it in a category. The characters
``~ = # { } :`` and the backslash are escaped with a backslash.

For a question with several right answers each right answer weighs ``100/k`` per cent and each wrong
one ``-100/w``: choosing every option scores nothing, as guessing should. Moodle accepts only some
fractions, so weights are written from its list (:data:`MOODLE_FRACTIONS`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.quiz import Question

#: The grade fractions Moodle's question bank accepts (percentages, positive; negatives mirror them).
MOODLE_FRACTIONS = (
    100.0,
    90.0,
    83.33333,
    80.0,
    75.0,
    70.0,
    66.66667,
    60.0,
    50.0,
    40.0,
    33.33333,
    30.0,
    25.0,
    20.0,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10.0,
    5.0,
)
SPECIAL = "\\~=#{}:"
#: Each special character with its backslash, for ``str.translate`` (one pass in C, not one per character).
_ESCAPES = str.maketrans({ch: "\\" + ch for ch in SPECIAL})


class GiftError(ValueError):
    """A question that GIFT cannot express (a weight Moodle does not accept)."""


@dataclass(frozen=True)
class GiftModule:
    """One module's questions for the export: its id, title and questions in one language."""

    id: str
    title: str
    questions: list[Question]


def escape(text: str) -> str:
    """``text`` on one line with GIFT's special characters escaped."""
    flat = " ".join(str(text).split())
    return flat.translate(_ESCAPES)


def weight(count: int) -> str:
    """``100/count`` per cent as Moodle writes it (``33.33333``); an error if Moodle has no such fraction."""
    exact = 100.0 / count
    for fraction in MOODLE_FRACTIONS:
        if abs(fraction - exact) < 0.001:
            return f"{fraction:.5f}".rstrip("0").rstrip(".")
    raise GiftError(f"Moodle has no grade fraction for 1/{count}")


def question_gift(question: Question, title: str) -> str:
    """One question in GIFT."""
    lines = [f"::{escape(title)}::[markdown]{escape(question.text)}{{"]
    correct = [o for o in question.options if o.correct]
    wrong = [o for o in question.options if not o.correct]
    for option in question.options:
        if question.type == "single":
            mark = "=" if option.correct else "~"
        else:
            mark = (
                f"~%{weight(len(correct))}%" if option.correct else (f"~%-{weight(len(wrong))}%" if wrong else "~%0%")
            )
        feedback = f"#{escape(option.feedback)}" if option.feedback.strip() else ""
        lines.append(f"\t{mark}{escape(option.text)}{feedback}")
    if question.explanation.strip():
        lines.append(f"\t####{escape(question.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def level_gift(site: str, level_name: str, modules: list[GiftModule]) -> str:
    """The GIFT file of one level in one language: a category per module, then its questions."""
    out = [
        f"// {' '.join(site.split())}: {' '.join(level_name.split())}",
        "// Moodle: Question bank > Import > GIFT format",
        "",
    ]
    for module in modules:
        out += [f"$CATEGORY: $course$/{_category(level_name)}/{_category(module.title)}", ""]
        for number, question in enumerate(module.questions, start=1):
            out += [question_gift(question, f"{module.id} {number}"), ""]
    return "\n".join(out)


def _category(name: str) -> str:
    # A slash separates categories in $CATEGORY: keep a title's own slashes out of the path.
    return " ".join(name.replace("/", "-").split())
