"""Which line of a Markdown source a refusal of the rendered HTML belongs to.

The refusal itself comes from the rendered page (:mod:`.sanitize`): this only points at the line, in
four steps, the first that finds one wins:

1. the source line that spells the refused thing (the element's tag, the attribute's name, the address),
   read as a browser would (entities decoded, letter case ignored, control characters and spaces in
   addresses dropped);
2. the line the source scan (:func:`lessonkit.model.safety.scan_markdown`) reports for the same kind of
   problem (it reads entities, spaces and Markdown's link forms in the source);
3. the first line whose prefix of the body, rendered again, already holds the refused thing (a binary
   search over the lines; only when a renderer is given);
4. the first line of the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from ..model.blocks import Block
from ..model.safety import quiz_lines, scan_markdown
from .sanitize import RE_URL_JUNK, Violation

#: Characters Python-Markdown deletes before it reads the text (its placeholders' markers), and other
#: control characters, which may sit inside a tag as written.
RE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: How much of an address is looked for as written.
NEEDLE_MAX = 40


def _needles(violation: Violation) -> list[re.Pattern[str]]:
    """What to look for on a line, most precise first."""
    found: list[re.Pattern[str]] = []
    if violation.kind == "element":
        found.append(re.compile(rf"<\s*{re.escape(violation.tag)}(?![\w-])", re.I))
    elif violation.kind == "attribute":
        name = re.escape(violation.name)
        found.append(re.compile(rf"<\s*{re.escape(violation.tag)}(?![\w-])[^>]*?(?<![\w-]){name}\s*=", re.I))
        found.append(re.compile(rf"(?<![\w-]){name}\s*=", re.I))
        found.append(re.compile(rf"(?<![\w-]){name}(?![\w-])", re.I))
    elif violation.kind == "url":
        compact = RE_URL_JUNK.sub("", violation.value)
        if compact:
            found.append(re.compile(re.escape(compact[:NEEDLE_MAX]), re.I))
        scheme = compact.split(":", 1)[0] if ":" in compact else ""
        if scheme:
            found.append(re.compile(rf"{re.escape(scheme)}:", re.I))
        elif compact.startswith(("//", "\\")):
            found.append(re.compile(r"[/\\]{2}"))
    elif violation.value:
        found.append(re.compile(re.escape(" ".join(violation.value.split())[:NEEDLE_MAX]), re.I))
        if violation.tag:
            found.append(re.compile(rf"<\s*/?\s*{re.escape(violation.tag)}(?![\w-])", re.I))
    return found


def _readings(text: str) -> tuple[str, ...]:
    """A line as written, with control characters deleted, and with entities decoded and spaces dropped."""
    bare = RE_CONTROL.sub("", text)
    return text, bare, RE_URL_JUNK.sub("", unescape(bare))


def _count(needle: re.Pattern[str], text: str) -> int:
    """How many times ``needle`` is written on line ``text``, in the reading that finds it most."""
    return max(len(needle.findall(reading)) for reading in _readings(text))


def locate(
    body: list[tuple[int, str]],
    violation: Violation,
    holds: Callable[[str], bool] | None = None,
    blocks: list[Block] | None = None,
    nth: int = 0,
) -> int:
    """The line number of ``body`` (``(line, text)`` pairs) where ``violation`` is written.

    ``nth``: how many equal violations come before this one on the page; the same thing written twice
    is reported on the line of each (its last spelling if the source spells it fewer times).

    ``blocks`` are the page's blocks (their quiz lines are not fenced code to the source scan).
    ``holds(markdown)`` says whether the rendered ``markdown`` (a prefix of the body) holds the violation.
    """
    if not body:
        return 1
    for needle in _needles(violation):
        found = [number for number, text in body for _ in range(_count(needle, text))]
        if found:
            return found[min(nth, len(found) - 1)]
    raw = quiz_lines(blocks or [], body[-1][0])
    scanned = next((f.line for f in scan_markdown(body, raw) if f.code == violation.code), None)
    if scanned is not None:
        return scanned
    if holds is not None:
        texts = [text for _, text in body]
        low, high = 1, len(texts)
        if holds("\n".join(texts)):
            while low < high:
                middle = (low + high) // 2
                if holds("\n".join(texts[:middle])):
                    high = middle
                else:
                    low = middle + 1
            return body[low - 1][0]
    return body[0][0]
