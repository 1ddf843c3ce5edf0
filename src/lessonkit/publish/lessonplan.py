"""A module's lesson plan as a Word document, in the Ministry's frame (docs/reference.en.md#lesson-plan).

A teacher files a lesson plan ("kế hoạch bài dạy") with the school and adapts it to the class: this
writes it from the lesson the site already has, in one language, in the frame of the module's level
(``lesson_plan`` in curriculum.yml):

- **secondary** (Official Letter 5512/BGDĐT-GDTrH, Appendix IV): I. objectives grouped as knowledge,
  competence and qualities; II. equipment and materials; III. the teaching process, Hoạt động 1–4 (Mở đầu,
  Hình thành kiến thức mới, Luyện tập, Vận dụng), each step with a) aim, b) content, c) product,
  d) how it is run;
- **primary** (Official Letter 2345/BGDĐT-GDTH, Appendix 3): I. learning outcomes, II. teaching aids,
  III. the main teaching activities (the steps grouped by the same four kinds), IV. notes after the
  lesson (dotted lines to write on).

Both start with the header a teacher fills in (school, group, teacher, dates, class as dotted blanks), the
lesson's name, its subjects and grades and its time in periods (35 minutes at primary, 45 in secondary),
and end with the safeguarding note and an appendix: the pupils' material of each step, the key messages,
and the quiz with its answer key. Each step's content is its Markdown (the teacher's instructions, the
teacher blocks with the discussion questions and what to listen for), rendered and turned into Word
paragraphs, lists and tables.

Nothing here knows of MkDocs: the build calls :func:`lesson_plan_docx` once per module and language, and
the checker calls :func:`lesson_plan_problems` for what would stop the document.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
from markdown import Markdown

from .. import __version__
from ..model.blocks import Block
from ..model.curriculum import Curriculum, Level
from ..model.module import LessonFile, Module
from ..model.sections import LESSON_PLAN_FILE, Section, find_section, sections
from ..model.steps import Step
from ..model.vocabulary import OBJECTIVE_KINDS, STEP_KINDS, vocabulary
from ..strings import texts
from .wordml import RASTER, WordWriter, new_document, save_reproducible

#: The file name of the document, beside the module's lesson page.
FILE_NAME = LESSON_PLAN_FILE
#: Minutes in a period, by frame: 35 at primary, 45 in lower and upper secondary.
PERIOD_MINUTES = {"primary": 35, "secondary": 45}
#: Dotted lines left for "IV. Điều chỉnh sau bài dạy" (primary).
NOTE_LINES = 6
#: Blocks whose content is read in the document as it stands (their header and end lines dropped).
UNWRAPPED = frozenset({"teacher"})
#: Blocks left out where they stand: pupils' material goes to the appendix, questions to the quiz,
#: the family's text to the family sheet, the step block's fields to a) and c).
LEFT_OUT = frozenset({"student", "quiz", "family", "step", "helplines"})
#: The site's Markdown, without its own blocks (the document handles those itself).
MARKDOWN_EXTENSIONS = (
    "abbr",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "fenced_code",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
    "pymdownx.blocks.tab",
)


def words(lang: str) -> dict[str, str]:
    """The document's words in ``lang`` (the ``lessonplan`` section of the string catalogue)."""
    return texts("lessonplan", lang)


# -- the lesson's parts -------------------------------------------------------------------------


def frame_of(level: Level | None) -> str:
    """The level's lesson-plan frame: ``primary`` (2345) or ``secondary`` (5512)."""
    return level.lesson_plan if level is not None and level.lesson_plan in PERIOD_MINUTES else "primary"


# -- Markdown into the document -------------------------------------------------------------------


@cache
def _markdown() -> Markdown:
    return Markdown(extensions=list(MARKDOWN_EXTENSIONS))


#: Text without any of these is one paragraph of plain text in Markdown too (most aims, options, titles).
RE_MARKDOWN = re.compile(r"[*_`\[\]<>&\\!{}~\n]|^\s|^(?:[#>+=-]|\d+[.)])|\s$")


def to_html(text: str) -> str:
    """``text`` (Markdown) as HTML, with the site's extensions but none of its own blocks."""
    if not RE_MARKDOWN.search(text):
        return f"<p>{text}</p>" if text else ""
    md = _markdown()
    md.reset()
    return md.convert(text)


#: Between the parts of one Markdown document that renders many parts at once (a comment, kept as it is).
SEPARATOR = "<!-- lessonkit: next part -->"


def to_html_all(texts: Iterable[str]) -> dict[str, str]:
    """The HTML of each Markdown text, rendered in one pass (Markdown's cost is mostly per call): the
    texts joined by a separator that Markdown keeps as it is, the result split at it."""
    wanted = list(dict.fromkeys(t for t in texts if RE_MARKDOWN.search(t)))
    found = {t: to_html(t) for t in dict.fromkeys(texts) if t not in wanted}
    if not wanted:
        return found
    html = to_html(f"\n\n{SEPARATOR}\n\n".join(wanted))
    parts = html.split(SEPARATOR)
    if len(parts) != len(wanted):  # a part that swallowed a separator (an unclosed construct): one by one
        return found | {t: to_html(t) for t in wanted}
    return found | {t: part.strip("\n") for t, part in zip(wanted, parts, strict=True)}


def inline_text(text: str) -> str:
    """Short Markdown (a heading, a title) as plain text."""
    html = to_html(text)
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&amp;", "&").replace("&quot;", '"').split())


def _top_blocks(page: LessonFile, first: int, last: int) -> list[Block]:
    return [b for b in page.blocks if b.parent is None and first <= b.start <= last]


def part_markdown(page: LessonFile, first: int, last: int) -> str:
    """The Markdown of lines ``first``–``last`` for the document: teacher blocks read as they stand (their
    header and closing lines dropped), pupils' material, questions, family text and step blocks left out."""
    drop: set[int] = set()
    titles: dict[int, str] = {}
    for block in _top_blocks(page, first, last):
        end = block.end or last
        if block.name in LEFT_OUT:
            drop.update(range(block.start, end + 1))
        elif block.name in UNWRAPPED:
            drop.update({block.start, end})
            if block.option_lines:
                drop.update(range(block.start + 1, max(block.option_lines.values()) + 1))
            if block.argument:  # the block's own title (``/// teacher | Câu hỏi thảo luận``), in bold
                titles[block.start] = f"\n**{block.argument.strip()}**\n"
    lines = [
        titles.get(number, "") if number in drop else text
        for number, text in page.body
        if first <= number <= last and (number not in drop or number in titles)
    ]
    return "\n".join(lines).strip("\n")


def student_markdown(page: LessonFile, first: int, last: int) -> list[str]:
    """The Markdown of each pupils' block (``/// student``) in lines ``first``–``last``."""
    source = dict(page.body)
    found = []
    for block in _top_blocks(page, first, last):
        if block.name == "student" and block.end is not None:
            found.append("\n".join(source.get(n, "") for n in range(block.start + 1, block.end)).strip("\n"))
    return found


# -- the document ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Appendix:
    title: str
    parts: list[str]


class _LessonPlan:
    """Writes one lesson plan."""

    def __init__(self, module: Module, lang: str, cur: Curriculum) -> None:
        self.module = module
        self.page = module.files[lang]
        self.lang = lang
        self.cur = cur
        self.level = cur.levels.get(module.level)
        self.frame = frame_of(self.level)
        self.words = words(lang)
        self.vocab = vocabulary(lang)
        self.doc = new_document(lang)
        self.out = WordWriter(self.doc, images=module.folder)
        self.appendix: list[_Appendix] = []
        self.sections = sections(self.page)
        self.rendered: dict[str, str] = {}
        self._appendix_numbers: dict[int, int] = {}  # step number -> its appendix item

    def md(self, text: str) -> str:
        """``text`` (Markdown) as HTML: rendered in one pass with the rest of the lesson (:meth:`write`)."""
        found = self.rendered.get(text)
        return found if found is not None else to_html(text)

    def _markdown_texts(self, steps: Iterable[Step]) -> Iterator[str]:
        """Every piece of Markdown the document shows, to render them in one pass."""
        page = self.page
        yield from (o.text for o in page.objectives)
        for key in ("preparation_heading", "safeguarding_heading"):
            section = find_section(page, key, self.sections)
            if section is not None:
                yield part_markdown(page, section.first, section.last)
        for step in steps:
            yield from (step.aim, step.title, step.product, part_markdown(page, *step.body))
        for item in self.appendix:
            yield from item.parts
        for question in page.questions:
            yield from [question.text, question.explanation] + [o.text for o in question.options]

    def w(self, key: str, **values: object) -> str:
        text = self.words[f"{self.frame}.{key}"] if f"{self.frame}.{key}" in self.words else self.words[key]
        return text.format(**values) if values else text

    def write(self) -> None:
        steps = self.page.steps
        self._collect_appendix(steps)
        self.rendered = to_html_all(self._markdown_texts(steps))
        self.header()
        self.objectives()
        self.equipment()
        self.process(steps)
        if self.frame == "primary":
            self.out.heading(self.w("adjustments"), 1)
            for _ in range(NOTE_LINES):
                self.out.fill_in("")
        self.safeguarding()
        self.appendices()

    # header

    def header(self) -> None:
        fields = self.page.fields
        self.out.fill_in(self.w("school"), self.w("teacher"))
        self.out.fill_in(self.w("group"), self.w("prepared"))
        self.out.fill_in(self.w("class"), self.w("taught"))
        self.out.heading(self.w("title", title=inline_text(str(fields["title"]))), 0)
        subjects = "; ".join(
            self.cur.subjects[s].name.get(self.lang, s) if s in self.cur.subjects else s for s in fields["subjects"]
        )
        grades = ", ".join(str(g) for g in sorted(fields["grades"]))
        self.out.paragraph(
            (self.w("subject_label"), True), f" {subjects}; ", (self.w("grades_label"), True), f" {grades}"
        )
        minutes = int(fields["duration"])
        period = PERIOD_MINUTES[self.frame]
        periods = -(-minutes // period)
        note = self.w("time_note", period=period) if minutes % period else ""
        unit = self.w("period_one" if periods == 1 else "period_other")
        time = self.w("time", periods=periods, unit=unit, minutes=minutes, note=note)
        self.out.paragraph((self.w("time_label"), True), f" {time}")

    # I.

    def objectives(self) -> None:
        self.out.heading(self.w("objectives"), 1)
        objectives = self.page.objectives
        if self.frame == "secondary":
            for kind in OBJECTIVE_KINDS:
                self.out.heading(self.w(f"objectives_{kind}"), 2)
                self.out.list_html([self.md(o.text) for o in objectives if o.kind == kind])
            return
        self.out.list_html([self.md(o.text) for o in objectives])

    # II.

    def equipment(self) -> None:
        self.out.heading(self.w("equipment"), 1)
        section = find_section(self.page, "preparation_heading", self.sections)
        if section is not None:
            self.out.html(self.md(part_markdown(self.page, section.first, section.last)), 2)

    # III.

    def process(self, steps: Iterable[Step]) -> None:
        self.out.heading(self.w("process"), 1)
        by_kind = {kind: [s for s in steps if s.kind == kind] for kind in STEP_KINDS}
        for number, kind in enumerate(STEP_KINDS, start=1):
            mine = by_kind[kind]
            if not mine:
                continue
            minutes = sum(s.minutes for s in mine)
            self.out.heading(
                self.w(
                    "activity", n=number, kind=self.vocab.kinds[kind], minutes=minutes, unit=self.vocab.unit(minutes)
                ),
                2,
            )
            for step in mine:
                self.step(step)

    def step(self, step: Step) -> None:
        out = self.out
        out.heading(
            self.w(
                "step",
                number=step.number,
                title=inline_text(step.title),
                minutes=step.minutes,
                unit=self.vocab.unit(step.minutes),
            ),
            3,
        )
        out.heading(self.w("aim"), 4)
        out.line(self.md(step.aim))
        out.heading(self.w("content"), 4)
        out.line(self.md(step.title))
        item = self._appendix_numbers.get(step.number)
        if item is not None:
            out.paragraph(self.w("materials", n=item))
        out.heading(self.w("product"), 4)
        out.line(self.md(step.product))
        out.heading(self.w("organisation"), 4)
        first, last = step.body
        out.html(self.md(part_markdown(self.page, first, last)), 5)

    # after the frame

    def safeguarding(self) -> None:
        section = find_section(self.page, "safeguarding_heading", self.sections)
        if section is None:
            return
        self.out.heading(inline_text(section.heading), 1)
        self.out.html(self.md(part_markdown(self.page, section.first, section.last)), 2)

    def _collect_appendix(self, steps: Iterable[Step]) -> None:
        """The pupils' material, in the order the lesson uses it: each step's, then the other sections'."""
        covered: set[int] = set()
        for step in steps:
            first, last = step.body
            covered.update(range(first, last + 1))
            parts = student_markdown(self.page, first, last)
            if parts:
                title = self.w("appendix_step", number=step.number, title=inline_text(step.title))
                self.appendix.append(_Appendix(title, parts))
                self._appendix_numbers[step.number] = len(self.appendix)
        for section in self.sections:
            parts = student_markdown(self.page, section.first, section.last)
            parts = [p for i, p in enumerate(parts) if not self._in_steps(section, i, covered)]
            if parts:
                self.appendix.append(_Appendix(inline_text(section.heading), parts))

    def _in_steps(self, section: Section, index: int, covered: set[int]) -> bool:
        blocks = [b for b in _top_blocks(self.page, section.first, section.last) if b.name == "student"]
        return blocks[index].start in covered

    def appendices(self) -> None:
        questions = self.page.questions
        if not self.appendix and not questions:
            return
        # On a page of its own: the pupils' material is what a teacher copies for the class.
        self.out.heading(self.w("appendix"), 1, page_break=True)
        for number, item in enumerate(self.appendix, start=1):
            self.out.heading(self.w("appendix_item", n=number, title=item.title), 2)
            for part in item.parts:
                self.out.html(self.md(part), 3)
        if questions:
            self.out.heading(self.w("appendix_item", n=len(self.appendix) + 1, title=self.w("quiz")), 2)
            self.quiz()

    def quiz(self) -> None:
        for number, question in enumerate(self.page.questions, start=1):
            self.out.line(self.md(question.text), (self.w("question", n=number) + " ", True))
            self.out.list_html([self.md(option.text) for option in question.options], "letter")
            letters = ", ".join(chr(ord("A") + i) for i in question.correct_positions)
            self.out.paragraph((self.w("answer"), True), f" {letters}")
            if question.explanation:
                self.out.html(self.md(question.explanation), 3)


def lesson_plan_docx(module: Module, lang: str, cur: Curriculum, *, epoch: int, creator: str) -> bytes:
    """The lesson plan of ``module`` in ``lang``, as the bytes of a ``.docx`` dated ``epoch`` (the same
    bytes for the same lesson on any day and machine). The module has passed the checker."""
    plan = _LessonPlan(module, lang, cur)
    plan.write()
    title = inline_text(str(module.files[lang].fields["title"]))
    return save_reproducible(plan.doc, epoch, title=title, lang=lang, creator=creator)


# -- in a build -------------------------------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parent.parent


@cache
def _code_version() -> bytes:
    """What the documents depend on besides the lesson: this package's code and python-docx's version."""
    digest = hashlib.sha256(f"{__version__} python-docx {docx.__version__}".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yml") and path.is_file():
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


class LessonPlans:
    """The lesson plans of one build, each written once per module and language.

    With a ``cache`` folder (the plugin's ``cache_dir``), a document whose inputs are those of a document
    written by an earlier build (the lesson file, its images, the level's frame, the words and names it
    shows, the date, the package's code) is copied from there instead of written again; :meth:`prune`
    then removes what this build did not use.
    """

    def __init__(self, cur: Curriculum, *, epoch: int, creator: dict[str, str], cache: Path | None = None) -> None:
        self.cur = cur
        self.epoch = epoch
        self.creator = creator
        self.cache = cache
        self.used: set[str] = set()
        self.written = 0

    def key(self, module: Module, lang: str) -> str:
        page = module.files[lang]
        level = self.cur.levels.get(module.level)
        subjects = {s: self.cur.subjects[s].name for s in page.fields.get("subjects") or [] if s in self.cur.subjects}
        shown = [lang, self.epoch, self.creator.get(lang, ""), frame_of(level), subjects]
        shown += [words(lang), texts("format", lang)]
        digest = hashlib.sha256(_code_version())
        digest.update(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode())
        digest.update(page.text.encode())
        for asset in sorted(module.assets):
            if asset.suffix.lower() in RASTER:
                digest.update(asset.relative_to(module.folder).as_posix().encode() + b"\0" + asset.read_bytes())
        return digest.hexdigest()

    def write(self, module: Module, lang: str, path: Path) -> None:
        """Write the lesson plan of ``module`` in ``lang`` to ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.cache is None:
            path.write_bytes(self.make(module, lang))
            return
        key = self.key(module, lang)
        self.used.add(key)
        kept = self.cache / f"{key}.docx"
        if kept.is_file():
            shutil.copyfile(kept, path)
            return
        data = self.make(module, lang)
        self.cache.mkdir(parents=True, exist_ok=True)
        temporary = kept.with_suffix(".tmp")
        temporary.write_bytes(data)
        temporary.replace(kept)  # whole or not at all, even if two builds run at once
        path.write_bytes(data)

    def make(self, module: Module, lang: str) -> bytes:
        self.written += 1
        return lesson_plan_docx(module, lang, self.cur, epoch=self.epoch, creator=self.creator.get(lang, ""))

    def prune(self) -> None:
        """Remove the cached documents this build did not use (older versions of the lessons)."""
        if self.cache is None or not self.cache.is_dir():
            return
        for path in self.cache.glob("*.docx"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
