"""What the projector view shows of a module, screen by screen (docs/reference.en.md#projector-view).

A module becomes a *deck*: a title screen, one screen per step, the key messages, one screen per quiz
question, a summary of the questions the class found hardest, and an end screen with who to tell and
the help number. This module decides what goes on each screen, from the lesson model alone; the
template (``theme/lessonkit/present.html``) writes the markup and ``assets/present.js`` drives it.

What the class may see of a step is decided here, once: its ``/// student`` blocks and its block
quotes (stories, scenarios, rhymes, cards). Everything else a step says (the teacher's instructions and
its ``/// teacher`` blocks: discussion questions, answers to listen for) goes into the step's teacher
notes, which the page keeps hidden until the teacher asks. A quiz question keeps which options are right
out of the page's visible text until "Show answer" (``answer``: positions the script reads).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from ..model.blocks import Block
from ..model.helplines import Helplines
from ..model.module import LessonFile
from ..model.quiz import Question
from ..model.steps import Step
from ..model.vocabulary import vocabulary

#: Markdown to HTML, with the site's extensions (the plugin passes its own converter).
Render = Callable[[str], str]

LETTERS = "ABCDEFGHIJ"
#: A block quote line (up to three spaces, then ``>``): a story, a scenario, a rhyme.
RE_QUOTE = re.compile(r"^[ ]{0,3}>")
#: Lines that start something new and so end a block quote's lazy continuation.
RE_NEW_PART = re.compile(r"^[ ]{0,3}(#|/{3}|`{3}|~{3}|[-*+][ ]|\d+[.)][ ]|$)")
#: One paragraph of HTML and nothing else: an option's text, shown inline.
RE_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)


@dataclass(frozen=True)
class StepParts:
    """A step's Markdown, split: what the class sees (in order) and the teacher's notes."""

    shown: list[str]
    notes: str


@dataclass(frozen=True)
class StepScreen:
    number: int
    title: str
    minutes: int
    kind: str
    aim: str
    product: str
    shown: list[Markup]
    notes: Markup


@dataclass(frozen=True)
class OptionView:
    letter: str
    text: Markup
    feedback: Markup
    correct: bool


@dataclass(frozen=True)
class QuestionScreen:
    number: int
    key: str  #: the question's short hash: counts kept for a question that changed are dropped
    text: Markup
    multiple: bool
    options: list[OptionView]
    explanation: Markup

    @property
    def answer(self) -> str:
        """The right options' positions from 1 (``"1 3"``), for the script: never shown as text."""
        return " ".join(str(i + 1) for i, o in enumerate(self.options) if o.correct)


@dataclass(frozen=True)
class HotlineView:
    number: str
    name: str
    note: str


@dataclass(frozen=True)
class Deck:
    """Every screen of a module's projector view, in one language."""

    lang: str
    key: str  #: where the page keeps its state in the browser (the page's address in the site)
    title: str
    grades: list[int]
    minutes: int
    objectives: list[str]
    steps: list[StepScreen]
    messages: list[Markup]
    questions: list[QuestionScreen]
    hotline: HotlineView | None
    trusted_adults: list[str]
    title_notes: Markup = field(default_factory=Markup)

    @property
    def count(self) -> int:
        """How many screens: title, steps, key messages (if any), questions and their summary (if any), end."""
        return 2 + len(self.steps) + (1 if self.messages else 0) + (len(self.questions) + 1 if self.questions else 0)


def split_step(lines: Sequence[tuple[int, str]], blocks: Sequence[Block]) -> StepParts:
    """``lines`` of one step split into what the class sees and the teacher's notes.

    ``blocks`` are the file's blocks (those that start among ``lines`` are used). Shown: each top-level
    ``/// student`` block's content (its title, if it has one, as a heading) and each block quote, in
    source order. Notes: every other line, ``/// teacher`` blocks whole (they render as the teacher's
    box), in source order. A ``/// step`` block is left out: its aim and product come from the model.
    """
    starts = {b.start: b for b in blocks if b.parent is None and b.end is not None}
    shown: list[str] = []
    notes: list[str] = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        block = starts.get(number)
        if block is not None:
            end = block.end or number
            source: list[str] = []
            while index < len(lines) and lines[index][0] <= end:
                source.append(lines[index][1])
                index += 1
            if block.name == "student":
                body = textwrap.dedent("\n".join(text for _, text in block.content)).strip()
                heading = f"### {block.argument}\n\n" if block.argument else ""
                shown.append(heading + body)
            elif block.name != "step":
                notes += ["", *source, ""]
            continue
        if RE_QUOTE.match(text):
            quote: list[str] = []
            while index < len(lines):
                line = lines[index][1]
                if RE_QUOTE.match(line):
                    quote.append(line)
                elif not line.strip():
                    # A blank line inside a quote run only if the quote goes on after it.
                    ahead = next((t for _, t in lines[index:] if t.strip()), "")
                    if not RE_QUOTE.match(ahead):
                        break
                    quote.append(line)
                elif quote and quote[-1].strip() not in (">", "") and not RE_NEW_PART.match(line):
                    quote.append(line)  # a lazy continuation line of the quote's paragraph
                else:
                    break
                index += 1
            shown.append("\n".join(quote).strip())
            continue
        notes.append(text)
        index += 1
    return StepParts(shown, "\n".join(notes).strip())


def inline(render: Render, text: str) -> Markup:
    """Inline Markdown (an option, a question) as HTML without its paragraph."""
    html = render(text).strip()
    found = RE_ONE_PARAGRAPH.match(html)
    return Markup(found.group(1) if found and "<p>" not in found.group(1) else html)


def step_lines(page: LessonFile, step: Step) -> list[tuple[int, str]]:
    """The lines under ``step``'s heading, up to the next step or section (its ``step`` block included)."""
    first, last = step.body
    return [(number, text) for number, text in page.body if first <= number <= last]


def step_screen(page: LessonFile, step: Step, render: Render) -> StepScreen:
    parts = split_step(step_lines(page, step), page.blocks)
    return StepScreen(
        number=step.number,
        title=step.title,
        minutes=step.minutes,
        kind=vocabulary(page.lang).kinds.get(step.kind, "") if step.kind else "",
        aim=step.aim,
        product=step.product,
        shown=[Markup(render(part)) for part in parts.shown if part],
        notes=Markup(render(parts.notes)) if parts.notes else Markup(""),
    )


def question_screen(number: int, question: Question, render: Render) -> QuestionScreen:
    return QuestionScreen(
        number=number,
        key=question.key(),
        text=inline(render, question.text),
        multiple=question.type == "multiple",
        options=[
            OptionView(
                letter=LETTERS[i] if i < len(LETTERS) else str(i + 1),
                text=inline(render, option.text),
                feedback=Markup(render(option.feedback)) if option.feedback.strip() else Markup(""),
                correct=option.correct,
            )
            for i, option in enumerate(question.options)
        ],
        explanation=Markup(render(question.explanation)) if question.explanation.strip() else Markup(""),
    )


def student_blocks(blocks: Sequence[Block], outside: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The Markdown of the top-level ``/// student`` blocks that lie outside the line ranges ``outside``
    (the steps): the module's key messages."""
    found = []
    for block in blocks:
        if block.parent is not None or block.name != "student":
            continue
        if any(first <= block.start <= last for first, last in outside):
            continue
        found.append(textwrap.dedent("\n".join(text for _, text in block.content)).strip())
    return found


def teacher_blocks(page_text: str, blocks: Sequence[Block], outside: Sequence[tuple[int, int]] = ()) -> str:
    """The source of the top-level ``/// teacher`` blocks outside ``outside`` (the steps): the notes
    that stay true all lesson long (the safeguarding note), for the title screen's teacher notes."""
    source = page_text.replace("\r\n", "\n").split("\n")
    parts: list[str] = []
    for block in blocks:
        if block.parent is not None or block.name != "teacher" or block.end is None:
            continue
        if any(first <= block.start <= last for first, last in outside):
            continue
        parts += source[block.start - 1 : block.end] + [""]
    return "\n".join(parts).strip()


def build_deck(page: LessonFile, *, key: str, helplines: Helplines | None, render: Render) -> Deck:
    """The deck of one language file of a module; ``key`` is where the browser keeps its state (the page's
    address in the site), ``render`` turns Markdown into HTML as the site does."""
    steps = page.steps
    ranges = [step.body for step in steps]
    main = helplines.main if helplines is not None and helplines.hotlines else None
    notes = teacher_blocks(page.text, page.blocks, ranges)
    fields = page.fields
    return Deck(
        lang=page.lang,
        key=key,
        title=str(fields.get("title", "")),
        grades=sorted(int(g) for g in fields.get("grades") or []),
        minutes=int(fields.get("duration") or 0),
        objectives=[objective.text for objective in page.objectives],
        steps=[step_screen(page, step, render) for step in steps],
        messages=[Markup(render(part)) for part in student_blocks(page.blocks, ranges) if part],
        questions=[question_screen(i, q, render) for i, q in enumerate(page.questions, start=1)],
        hotline=HotlineView(main.number, main.name.get(page.lang, ""), main.note.get(page.lang, "")) if main else None,
        trusted_adults=list(helplines.trusted_adults.get(page.lang, [])) if helplines is not None else [],
        title_notes=Markup(render(notes)) if notes else Markup(""),
    )
