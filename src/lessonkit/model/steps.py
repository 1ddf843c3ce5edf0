"""A module's lesson steps (docs/reference.en.md#steps), read from one language file.

The steps are the ``###`` headings under the steps section (``## Tiến trình bài học`` /
``## Lesson steps``, the ``format`` words of the file's language), numbered from 1 and ending with their
minutes: ``### 2. Câu chuyện: Lan và bà gọi 111 (8 phút)``. Right under each heading comes one
``step`` block with the step's kind of activity, its aim and its product::

    /// step | Mở đầu
    Mục tiêu: HS nhớ hai số 111, 113 và biết mỗi số dùng khi nào.
    Sản phẩm: Cả lớp đọc thuộc câu vè về hai số cần nhớ.
    ///

:func:`read_steps` returns the :class:`Step` records of a file with the problems of their syntax (one
file alone); the rules that need the front matter or both languages are in :mod:`.steprules`.
Headings inside fenced code or inside a block are not the page's headings, and are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .blocks import Block
from .messages import Message, language_name, msg
from .vocabulary import RE_LABEL, all_vocabularies, normal, suggest_kind, suggest_label, vocabulary

STEP_BLOCK = "step"
RE_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
RE_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
RE_NUMBER = re.compile(r"^(\d+)\.\s*(.*)$", re.DOTALL)
#: The last bracketed group of a heading, when it starts with a number: the step's minutes.
RE_MINUTES = re.compile(r"\(\s*(\d[^()]*?)\s*\)\s*$")
RE_WHOLE = re.compile(r"^(\d+)\s*(.*)$")
RE_NOT_WHOLE = re.compile(r"^\d+[.,]\d")


@dataclass(frozen=True)
class Step:
    """One step of a lesson, in one language.

    ``number`` is the step's place (from 1; the checker refuses a heading numbered otherwise), ``title``
    the heading's text without its number and minutes, ``line`` the heading's line. ``kind`` is one of
    :data:`~.vocabulary.STEP_KINDS`, ``aim`` and ``product`` the step block's sentences, ``block_line`` its
    first line (``kind`` empty and ``block_line`` 0 when the block is missing or unreadable; ``minutes`` 0
    when the heading has none). ``body`` is the first and last line of what follows the heading up to
    the next heading of level 3 or higher (the step block included; first > last when empty):
    :meth:`lessonkit.model.LessonFile.step_markdown` gives its source.
    """

    number: int
    title: str
    minutes: int
    line: int
    kind: str = ""
    aim: str = ""
    product: str = ""
    block_line: int = 0
    body: tuple[int, int] = (0, -1)

    @property
    def heading(self) -> str:
        """The heading as the lesson shows it, without the minutes: ``2. Câu chuyện: Lan và bà gọi 111``."""
        return f"{self.number}. {self.title}"


@dataclass(frozen=True)
class StepFields:
    """What a ``step`` block says: its kind (a key, empty when unknown), aim and product."""

    kind: str
    aim: str
    product: str


#: What each line of a step block says, for the message about a missing one.
FIELD_WHAT = {"aim": "step-field.aim", "product": "step-field.product"}
#: A problem of one file's steps: line, problem code, message.
Found = tuple[int, str, Message]


@dataclass(frozen=True)
class StepsRead:
    """The steps of one language file: ``section`` is the line of the steps section's heading (0 when the
    file has none); ``problems`` are those of the file alone."""

    steps: tuple[Step, ...]
    section: int
    problems: tuple[Found, ...]


def parse_step_block(
    argument: str | None, lines: list[tuple[int, str]], lang: str, start: int = 0
) -> tuple[StepFields, list[Found]]:
    """Read a ``step`` block: ``argument`` after ``|`` and its content lines ``(line, text)``; ``start`` is
    the line of its header (where a problem of the whole block is reported).

    A line starting ``Mục tiêu:`` / ``Aim:`` or ``Sản phẩm:`` / ``Product:`` (the file's language) opens
    that field; a following line that opens none continues it (a long sentence may wrap). Shared by the
    checker and the Markdown block, so both read a block the same way.
    """
    vocab = vocabulary(lang)
    found: list[Found] = []
    kind = ""
    if not argument or not argument.strip():
        found.append((start, "step-block", msg("step-block.no-kind", kinds=vocab.kind_names())))
    else:
        kind = vocab.kind_of(argument) or ""
        if not kind:
            guess = suggest_kind(argument, lang)
            hint: Message | str = msg("hint.did-you-mean", guess=guess) if guess else ""
            found.append(
                (
                    start,
                    "step-block",
                    msg("step-block.kind", kind=argument.strip(), hint=hint, kinds=vocab.kind_names()),
                )
            )
    labels = {"aim": vocab.aim, "product": vocab.product}
    wanted = _label_keys(lang)
    fields: dict[str, list[str]] = {}
    current: str | None = None
    for number, text in lines:
        if not text.strip():
            continue
        match = RE_LABEL.match(text)
        key = None
        if match:
            key = wanted.get(normal(match.group(1)))
            if key is None:
                others = [{"aim": other.aim, "product": other.product} for other in all_vocabularies(lang)[1:]]
                guess = suggest_label(match.group(1), lang, labels, others)
                if guess is not None:
                    found.append(
                        (
                            number,
                            "step-block",
                            msg(
                                "step-block.label",
                                label=match.group(1).strip(),
                                hint=msg("hint.did-you-mean", guess=f"{guess}:"),
                                aim=vocab.aim,
                                product=vocab.product,
                            ),
                        )
                    )
                    current = ""  # what follows belongs to the unknown line: not reported again
                    fields.setdefault("", [])
                    continue
        if key is not None and match is not None:
            if key in fields:
                found.append((number, "step-block", msg("step-block.twice-label", label=labels[key])))
            fields[key] = [match.group(2).strip()]
            current = key
        elif current is not None:
            fields[current].append(text.strip())
        else:
            found.append((number, "step-block", msg("step-block.text", aim=vocab.aim, product=vocab.product)))
            current = ""  # report the stray text once
            fields.setdefault("", [])
    values = {key: " ".join(part for part in fields.get(key, []) if part) for key in labels}
    for key in labels:
        if not values[key]:
            found.append((start, "step-block", msg("step-block.empty", label=labels[key], what=msg(FIELD_WHAT[key]))))
    return StepFields(kind, values["aim"], values["product"]), found


@cache
def _label_keys(lang: str) -> dict[str, str]:
    """The step block's labels in ``lang``, as compared (:func:`normal`), to the field each one opens."""
    vocab = vocabulary(lang)
    return {normal(vocab.aim): "aim", normal(vocab.product): "product"}


def read_steps(body: list[tuple[int, str]], blocks: list[Block], lang: str) -> StepsRead:
    """The steps of a file whose body lines are ``body`` (``(line, text)``) and blocks ``blocks``."""
    vocab = vocabulary(lang)
    found: list[Found] = []
    headings = _headings(body, blocks)
    wanted = normal(vocab.steps_heading)
    sections = [h for h in headings if h[1] == 2 and normal(h[2]) == wanted]
    if not sections:
        line, hint = _missing_section_hint(headings, lang)
        found.append(
            (
                line,
                "steps-missing",
                msg("steps-missing", example=_example(lang), heading=vocab.steps_heading, hint=hint),
            )
        )
        return StepsRead((), 0, tuple(found))  # its step blocks are not reported: the section is what is missing
    section = sections[0][0]
    for extra in sections[1:]:
        found.append((extra[0], "steps-twice", msg("steps-twice", heading=vocab.steps_heading, first=section)))
    last_line = body[-1][0] if body else section
    end = next((h[0] for h in headings if h[0] > section and h[1] <= 2), last_line + 1)
    step_headings = [h for h in headings if section < h[0] < end and h[1] == 3]
    lines = dict(body)
    step_blocks = [b for b in blocks if b.name == STEP_BLOCK]
    steps: list[Step] = []
    claimed: set[int] = set()
    for position, (line, _, text) in enumerate(step_headings, start=1):
        stop = step_headings[position][0] if position < len(step_headings) else end
        title, minutes = _read_heading(text, position, line, lang, found)
        first, last = line + 1, stop - 1
        fields, block_line = _step_block(step_blocks, first, last, lines, position, line, lang, found, claimed)
        if block_line == 0:
            found.append(
                (
                    line,
                    "step-block",
                    msg(
                        "step-block.missing",
                        position=position,
                        kinds=vocab.kind_names(),
                        aim=vocab.aim,
                        product=vocab.product,
                    ),
                )
            )
        steps.append(
            Step(position, title, minutes, line, fields.kind, fields.aim, fields.product, block_line, (first, last))
        )
    found += _stray_blocks(step_blocks, claimed, vocab.steps_heading)
    return StepsRead(tuple(steps), section, tuple(found))


def _headings(body: list[tuple[int, str]], blocks: list[Block]) -> list[tuple[int, int, str]]:
    """``(line, level, text)`` of the page's own ATX headings: not in fenced code, not inside a block."""
    inside: set[int] = set()
    last = body[-1][0] if body else 0
    for block in blocks:
        if block.parent is None:
            inside.update(range(block.start, (block.end or last) + 1))
    found: list[tuple[int, int, str]] = []
    fence: str | None = None
    for number, text in body:
        if number in inside or ("#" not in text and "`" not in text and "~" not in text):
            continue  # fast path: most lines are neither a heading nor a fence
        fence_match = RE_FENCE.match(text)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        heading = RE_HEADING.match(text)
        if heading:
            found.append((number, len(heading.group(1)), (heading.group(2) or "").strip()))
    return found


def _missing_section_hint(headings: list[tuple[int, int, str]], lang: str) -> tuple[int, Message | str]:
    """Where a misspelt steps heading is (line 1 when none looks like one), and a did-you-mean hint."""
    own = vocabulary(lang).steps_heading
    others = [v.steps_heading for v in all_vocabularies(lang)]
    for line, level, text in headings:
        if level > 2 or not text:
            continue
        if normal(text) in {normal(h) for h in others} or suggest_label(
            text, lang, {"heading": own}, [{"heading": h} for h in others]
        ):
            return line, msg("hint.steps-heading", guess=text, line=line)
    return 1, ""


def _example(lang: str) -> str:
    return f"5 {vocabulary(lang).unit(5)}"


def _read_heading(text: str, position: int, line: int, lang: str, found: list[Found]) -> tuple[str, int]:
    """A step heading's title and minutes (0 when unreadable); problems of its number and minutes."""
    vocab = vocabulary(lang)
    rest = text
    minutes = 0
    minutes_match = RE_MINUTES.search(rest)
    if minutes_match:
        rest = rest[: minutes_match.start()].rstrip()
        written = " ".join(minutes_match.group(1).split())
        whole = RE_WHOLE.match(written)
        if RE_NOT_WHOLE.match(written) or whole is None or int(whole.group(1)) < 1:
            found.append((line, "step-heading", msg("step-heading.whole", position=position, written=written)))
        else:
            count, unit = int(whole.group(1)), whole.group(2)
            if normal(unit) in (normal(vocab.minute), normal(vocab.minutes)):
                minutes = count
            else:
                found.append(
                    (
                        line,
                        "step-heading",
                        msg(
                            "step-heading.unit",
                            position=position,
                            minutes=count,
                            unit=vocab.unit(count),
                            language=language_name(lang),
                            written=written,
                        ),
                    )
                )
    else:
        found.append((line, "step-heading", msg("step-heading.minutes", position=position, example=_example(lang))))
    number_match = RE_NUMBER.match(rest)
    if number_match:
        number, title = int(number_match.group(1)), number_match.group(2).strip()
        if number != position:
            found.append((line, "step-heading", msg("step-heading.order", number=number, position=position)))
    else:
        title = rest.strip()
        found.append(
            (
                line,
                "step-heading",
                msg("step-heading.number", position=position, title=title or "…", example=_example(lang)),
            )
        )
    if not title:
        found.append((line, "step-heading", msg("step-heading.title", position=position)))
    return title, minutes


def _step_block(
    blocks: list[Block],
    first: int,
    last: int,
    lines: dict[int, str],
    position: int,
    heading_line: int,
    lang: str,
    found: list[Found],
    claimed: set[int],
) -> tuple[StepFields, int]:
    """The fields and first line of the step's ``step`` block (line 0 when it has none); ``blocks`` are the
    file's ``step`` blocks."""
    mine = [b for b in blocks if b.parent is None and first <= b.start <= last]
    if not mine:
        return StepFields("", "", ""), 0
    block = mine[0]
    claimed.update(b.start for b in mine)
    for extra in mine[1:]:
        found.append((extra.start, "step-block", msg("step-block.twice", position=position, first=block.start)))
    if any(lines.get(n, "").strip() for n in range(first, block.start)):
        found.append((block.start, "step-block", msg("step-block.misplaced", position=position, line=heading_line)))
    vocab = vocabulary(lang)
    if block.options:
        found.append(
            (
                min(block.option_lines.values(), default=block.start),
                "step-block",
                msg("step-block.options", aim=vocab.aim, product=vocab.product),
            )
        )
    if block.children:
        found.append((block.children[0].start, "step-block", msg("step-block.nested")))
    content = [(n, t) for n, t in block.content if not any(c.start <= n <= (c.end or n) for c in block.children)]
    fields, problems = parse_step_block(block.argument, content, lang, block.start)
    found += problems
    return fields, block.start


def _stray_blocks(blocks: list[Block], claimed: set[int], heading: str) -> list[Found]:
    """A problem for every ``step`` block of ``blocks`` that is not right under a step's heading."""
    return [
        (b.start, "step-block", msg("step-block.outside", heading=heading)) for b in blocks if b.start not in claimed
    ]
