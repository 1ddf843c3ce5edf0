"""One lesson module on disk: a folder with one Markdown file per language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .blocks import Block, scan_blocks
from .bounds import check_bounds
from .messages import msg
from .problems import ProblemList
from .quiz import Question, parse_question
from .steps import STEP_BLOCK, Step, StepsRead, read_steps
from .vocabulary import Objective, read_objective
from .yamlsrc import Located, YamlError, load_located, report_bare_keys

RE_FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)[ \t]*$")
RE_MODULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class LessonFile:
    """One language file of a module (or any Markdown page), read and parsed but not judged."""

    path: Path
    rel: str
    lang: str
    text: str = ""
    meta: Located | None = None
    body: list[tuple[int, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)
    #: The body goes past the bounds of :mod:`.bounds` (reported): it was not read, and is not built.
    past_bounds: bool = False
    _steps: StepsRead | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def fields(self) -> dict:
        return self.meta.value if self.meta is not None and isinstance(self.meta.value, dict) else {}

    def line_of(self, *path: object) -> int:
        return self.meta.line_of(*path) if self.meta is not None else 1

    def body_text(self) -> str:
        return "\n".join(text for _, text in self.body)

    def read_steps(self) -> StepsRead:
        """The steps of this file (a module's file) and the problems of their syntax, read once."""
        if self._steps is None:
            self._steps = read_steps(self.body, self.blocks, self.lang)
        return self._steps

    @property
    def steps(self) -> tuple[Step, ...]:
        """The lesson's steps in order (docs/reference.en.md#steps)."""
        return self.read_steps().steps

    def step_markdown(self, step: Step, *, with_block: bool = False) -> str:
        """The Markdown source of ``step``'s body: everything under its heading up to the next step or
        section, without its ``step`` block unless ``with_block``."""
        first, last = step.body
        skip = self._step_block_lines(step) if not with_block else range(0)
        return "\n".join(text for number, text in self.body if first <= number <= last and number not in skip).strip(
            "\n"
        )

    def step_blocks(self, step: Step) -> list[Block]:
        """The blocks of ``step``'s body (``teacher``, ``student``, ``quiz``…, nested ones after their
        parent), in source order, without its ``step`` block."""
        first, last = step.body
        return [b for b in self.blocks if first <= b.start <= last and not (b.name == STEP_BLOCK and b.parent is None)]

    def _step_block_lines(self, step: Step) -> range:
        block = next((b for b in self.blocks if b.start == step.block_line and b.name == STEP_BLOCK), None)
        return range(block.start, (block.end or block.start) + 1) if block else range(0)

    @property
    def objectives(self) -> list[Objective]:
        """The objectives of the front matter, each without its label (``Kiến thức:``…) and with its kind
        when it has one: what cards, catalogues and documents show."""
        written = self.fields.get("objectives")
        if not isinstance(written, list):
            return []
        return [read_objective(item, self.lang) for item in written if isinstance(item, str)]


def read_markdown(path: Path, rel: str, lang: str) -> LessonFile:
    """Read a Markdown file: front matter with lines, body lines, blocks and quiz questions.

    Never raises for bad content: what cannot be read becomes a problem of the returned file.
    """
    page = LessonFile(path, rel, lang)
    try:
        page.text = path.read_text(encoding="utf-8-sig")  # a BOM (Windows Notepad) is not content
    except UnicodeDecodeError:
        page.problems.error(rel, 1, "file-encoding", msg("file-encoding"))
        return page
    except OSError as exc:
        page.problems.error(rel, 1, "file-unreadable", msg("file-unreadable", reason=exc.strerror or exc))
        return page
    lines = page.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if RE_FRONT_MATTER_END.match(lines[i])), None)
        if end is None:
            page.problems.error(rel, 1, "front-matter-unclosed", msg("front-matter-unclosed"))
            return page
        try:
            page.meta = load_located("\n".join(lines[1:end]), offset=1, aliases=False)
            report_bare_keys(page.meta, rel, page.problems)
        except YamlError as exc:
            page.problems.error(rel, exc.line, "front-matter-yaml", msg("front-matter-yaml", yaml=exc.detail))
        body_start = end + 1
    body = [(i + 1, lines[i]) for i in range(body_start, len(lines))]
    if not check_bounds(body, rel, page.problems):
        page.past_bounds = True
        return page  # nothing past the bounds is parsed, rendered or built (the build stops on the error)
    page.body = body
    page.blocks = scan_blocks(page.body, rel, page.problems)
    for block in page.blocks:
        if block.name != "quiz":
            continue
        if block.children:
            page.problems.error(rel, block.children[0].start, "quiz-nested-block", msg("quiz-nested-block"))
        question, problems = parse_question(
            block.argument, block.options, block.content, block.start, block.option_lines
        )
        page.questions.append(question)
        for p in problems:
            page.problems.error(rel, p.line, p.code, p.detail)
    return page


@dataclass
class Module:
    """A module folder ``lessons/<level>/<id>/`` and its language files."""

    id: str
    level: str
    folder: Path
    rel: str
    files: dict[str, LessonFile] = field(default_factory=dict)
    assets: list[Path] = field(default_factory=list)
    extra_markdown: list[Path] = field(default_factory=list)

    def file(self, lang: str) -> LessonFile | None:
        return self.files.get(lang)

    def steps(self, lang: str) -> tuple[Step, ...]:
        """The steps of the module's ``lang`` file (none when it has no such file)."""
        page = self.files.get(lang)
        return page.steps if page is not None else ()
