"""Find the ``/// name | argument`` blocks of a Markdown source, with their lines.

The scanner follows the rules of pymdown-extensions' blocks closely enough to catch what would go
wrong at build time: a misspelt block name or a malformed header is left as literal text by
pymdown-extensions, so both are errors here; so is a block never closed. Fenced code is skipped, so
that examples in code blocks are not taken for real blocks.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from .messages import msg
from .problems import ProblemList
from .yamlsrc import YamlError, load_located

RE_START = re.compile(r"^[ ]{0,3}(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
RE_END = re.compile(r"^[ ]{0,3}(/{3,})[ ]*$")
RE_SLASHES = re.compile(r"^[ ]{0,3}/{3,}")
RE_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
RE_OPTION_LINE = re.compile(r"^[ ]{4,}\S")

#: Blocks the site's Markdown knows. Anything else written as a block would print as literal text.
KNOWN_BLOCKS = frozenset({"quiz", "teacher", "student", "family", "helplines", "step", "admonition", "details", "tab"})


@dataclass
class Block:
    """One block: its header line, its options and its content lines (``(line number, text)``)."""

    name: str
    argument: str | None
    start: int
    length: int
    options: dict[str, object] = field(default_factory=dict)
    option_lines: dict[str, int] = field(default_factory=dict)
    content: list[tuple[int, str]] = field(default_factory=list)
    end: int | None = None
    parent: Block | None = None
    children: list[Block] = field(default_factory=list)

    @property
    def top_level(self) -> bool:
        return self.parent is None


def scan_blocks(lines: list[tuple[int, str]], rel: str, problems: ProblemList) -> list[Block]:
    """All blocks of ``lines`` in source order (nested ones after their parent).

    ``lines`` are ``(line number, text)`` pairs of the Markdown body. Problems name ``rel``.
    """
    found: list[Block] = []
    stack: list[Block] = []
    fence: str | None = None
    index = 0
    while index < len(lines):
        number, text = lines[index]
        index += 1
        if "/" not in text and "`" not in text and "~" not in text:  # fast path: no fence, header or end
            if stack:
                stack[-1].content.append((number, text))
            continue
        in_raw = bool(stack) and stack[-1].name == "quiz"
        fence_match = RE_FENCE.match(text)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            if stack:
                stack[-1].content.append((number, text))
            continue
        if fence_match and not in_raw:
            fence = fence_match.group(1)
            if stack:
                stack[-1].content.append((number, text))
            continue
        end = RE_END.match(text)
        if end:
            if not stack:
                problems.error(rel, number, "block-stray-end", msg("block-stray-end"))
                continue
            top = stack[-1]
            if len(end.group(1)) != top.length:
                problems.error(
                    rel,
                    number,
                    "block-end-mismatch",
                    msg(
                        "block-end-mismatch", count=len(end.group(1)), name=top.name, start=top.start, length=top.length
                    ),
                )
            top.end = number
            stack.pop()
            continue
        start = RE_START.match(text)
        if start and not in_raw:
            name = start.group(2).lower()
            block = Block(name, start.group(3) or None, number, len(start.group(1)))
            if name not in KNOWN_BLOCKS:
                problems.error(
                    rel, number, "block-unknown", msg("block-unknown", name=name, known=", ".join(sorted(KNOWN_BLOCKS)))
                )
            index = _read_options(lines, index, block, rel, problems)
            if stack:
                block.parent = stack[-1]
                stack[-1].children.append(block)
            found.append(block)
            stack.append(block)
            continue
        if RE_SLASHES.match(text):
            problems.error(rel, number, "block-malformed", msg("block-malformed"))
            if stack:
                stack[-1].content.append((number, text))
            continue
        if stack:
            stack[-1].content.append((number, text))
    for block in stack:
        problems.error(rel, block.start, "block-unclosed", msg("block-unclosed", name=block.name))
    return found


def _read_options(lines: list[tuple[int, str]], index: int, block: Block, rel: str, problems: ProblemList) -> int:
    """Read the indented YAML option lines right after a header; return the index after them."""
    option_lines: list[tuple[int, str]] = []
    while index < len(lines) and RE_OPTION_LINE.match(lines[index][1]):
        option_lines.append(lines[index])
        index += 1
    if not option_lines:
        return index
    first = option_lines[0][0]
    text = "\n".join(t for _, t in option_lines)
    try:
        doc = load_located(textwrap.dedent(text), offset=first - 1)
    except YamlError as exc:
        problems.error(rel, exc.line, "block-options", msg("block-options.yaml", name=block.name, yaml=exc.detail))
        return index
    if not isinstance(doc.value, dict):
        problems.error(rel, first, "block-options", msg("block-options.mapping", name=block.name))
        return index
    block.options = {str(k): v for k, v in doc.value.items()}
    block.option_lines = {str(k): doc.line_of(k) for k in doc.value}
    return index
