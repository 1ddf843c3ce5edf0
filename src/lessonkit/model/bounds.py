"""Bounds on a Markdown page before anything parses it (docs/reference.en.md#page-safety): any input,
however large, deep or malformed, gets a message or passes within seconds.

Python-Markdown recurses once per level of nested lists, quotes and indented blocks (about a thousand
levels raise ``RecursionError``), pymdown-extensions once per nested block, and its link parser slows
down on long runs of brackets on one line. So a page is refused, at the line where it first goes past
a bound, when it has:

- a line longer than :data:`MAX_LINE` characters, or more than :data:`MAX_PAGE` characters in all
  (``input-too-long``);
- more than :data:`MAX_DEPTH` levels of nesting: list markers or quote marks in a row at the start of a
  line, indentation (:data:`INDENT` columns a level), or ``/// block`` headers open at once
  (``input-too-deep``), or more than :data:`MAX_BRACKETS` square brackets open at once on one line.

A real lesson is far inside them: its longest line is a few hundred characters and it nests a few levels.
Every scan here is linear in the length of the page.
"""

from __future__ import annotations

import re

from .messages import msg
from .problems import ProblemList

MAX_LINE = 5_000
MAX_PAGE = 1_000_000
MAX_DEPTH = 24
#: Square brackets open at once on one line: Python-Markdown's link parser takes time in the square of a long run.
MAX_BRACKETS = 200
INDENT = 4
#: One level of nesting at the start of a line: a list marker or a quote mark, with what follows it.
RE_LEVEL = re.compile(r"[ \t]{0,3}(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+|>[ \t]?)")
RE_BLOCK = re.compile(r"[ \t]*/{3,}(.*)")


def _levels(text: str) -> int:
    """Levels of nesting written at the start of ``text``: list markers and quote marks in a row, and
    its indentation (tabs count as :data:`INDENT` columns)."""
    columns = 0
    for char in text:
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += INDENT
        else:
            break
    count, position = 0, 0
    while True:
        found = RE_LEVEL.match(text, position)
        if found is None or found.end() == position:
            break
        count += 1
        position = found.end()
    return columns // INDENT + count


def _open_brackets(text: str) -> int:
    """The most square brackets open at once on ``text`` (``[`` not yet closed by ``]``)."""
    depth = deepest = 0
    for char in text:
        if char == "[":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "]" and depth:
            depth -= 1
    return deepest


def check_bounds(body: list[tuple[int, str]], rel: str, problems: ProblemList) -> bool:
    """Add an error for the first line of ``body`` past a bound; ``True`` when the page is inside them."""
    open_blocks = total = 0
    for number, text in body:
        total += len(text) + 1
        if total > MAX_PAGE:
            problems.error(rel, number, "input-too-long", msg("input-too-big", limit=MAX_PAGE))
            return False
        if len(text) > MAX_LINE:
            problems.error(rel, number, "input-too-long", msg("input-too-long", length=len(text), limit=MAX_LINE))
            return False
        if text.count("[") > MAX_BRACKETS and (depth := _open_brackets(text)) > MAX_BRACKETS:
            what = msg("input-nesting.brackets")
            problems.error(
                rel, number, "input-too-deep", msg("input-too-deep", what=what, depth=depth, limit=MAX_BRACKETS)
            )
            return False
        levels = _levels(text)
        if levels > MAX_DEPTH:
            what = msg("input-nesting.lists")
            problems.error(
                rel, number, "input-too-deep", msg("input-too-deep", what=what, depth=levels, limit=MAX_DEPTH)
            )
            return False
        block = RE_BLOCK.match(text)
        if block is not None:
            open_blocks = open_blocks + 1 if block.group(1).strip() else max(open_blocks - 1, 0)
            if open_blocks > MAX_DEPTH:
                what = msg("input-nesting.blocks")
                problems.error(
                    rel, number, "input-too-deep", msg("input-too-deep", what=what, depth=open_blocks, limit=MAX_DEPTH)
                )
                return False
    return True
