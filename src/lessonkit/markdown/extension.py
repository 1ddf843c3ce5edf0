"""A pymdown-extensions blocks extension with the site's own blocks, and the quiz summary.

The build plugin owns one :class:`RenderState` and sets the page's language and key on it before each
page is rendered; the blocks and the tree processor read it, so one extension instance serves both
language builds.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string_in

from ..labels import labels_for
from ..model.helplines import Helplines
from ..model.quiz import QUESTION_TYPES, parse_question
from ..model.settings import DEFAULT_HELPLINES
from ..model.steps import parse_step_block
from ..model.vocabulary import vocabulary
from ..quiz.render import build_question, build_read_button, build_summary
from ..safety.sanitize import mark_own
from ..strings import SOURCE_LANGUAGE
from .helplines import help_html, render_helplines


@dataclass
class RenderState:
    """What the blocks need to know about the page being rendered."""

    #: The page's language, set by the plugin for every page (the catalogue's source language for
    #: Markdown rendered on its own).
    lang: str = SOURCE_LANGUAGE
    helplines: Helplines | None = None
    #: Where the project keeps its help lines (relative to its root), for the message when they are missing.
    helplines_path: str = DEFAULT_HELPLINES
    #: The page's key for saved quiz progress (``data-lk-page`` on the summary): the page's URL in the
    #: site, the same on every copy of it. Empty: the script keys progress by the page's path instead.
    page_key: str = ""
    #: Problems met while rendering (line within the block, message): the plugin turns them into errors.
    problems: list[str] = field(default_factory=list)


class QuizBlock(Block):
    """A quiz question.

    ```
    /// quiz | Question text?
        type: single|multiple        (optional; several [x] already mean multiple)

    - [ ] A wrong option.
        Feedback shown when this option is chosen.
    - [x] The right option.
        Feedback shown when this option is chosen.

    Optional explanation of the whole question.
    ///
    ```
    """

    NAME = "quiz"
    ARGUMENT = True
    OPTIONS = {"type": ["", type_string_in(list(QUESTION_TYPES))]}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        # The site's own form from the start: a block never closed keeps it, holding its text as text
        # (the checker and the build report the block, not a hand-written form).
        form = etree.SubElement(parent, "form")
        mark_own(form)
        return form

    def on_end(self, block: etree.Element) -> None:
        state: RenderState = self.config["state"]
        text = str(block.text or "")
        block.text = None
        options = {"type": self.options["type"]} if self.options.get("type") else {}
        lines = list(enumerate(text.split("\n"), start=1))
        question, problems = parse_question(self.argument, options, lines, 0)
        for problem in problems:
            state.problems.append(f"quiz '{question.text[:60]}': {problem.message}")
        self.tracker["count"] = self.tracker.get("count", 0) + 1
        build_question(block, question, self.tracker["count"], state.lang)
        mark_own(block)  # before the inline processors add the author's text: the quiz's own form and controls


class StepBlock(Block):
    """A lesson step's kind of activity, aim and product, right under the step's heading
    (docs/reference.en.md#steps): the lesson page shows it as one line for the teacher; the pupils' page
    and the family sheet leave it out.

    ```
    ### 1. Khởi động: Câu vè các số cần nhớ (5 phút)

    /// step | Mở đầu
    Mục tiêu: HS nhớ hai số 111, 113 và biết mỗi số dùng khi nào.
    Sản phẩm: Cả lớp đọc thuộc câu vè về hai số cần nhớ.
    ///
    ```

    The kind is one of the four of the Ministry's lesson-plan frames, in the page's language (``Mở đầu``,
    ``Hình thành kiến thức mới``, ``Luyện tập``, ``Vận dụng``; ``Opening``, ``New knowledge``, ``Practice``,
    ``Application``) or as a key (``mo-dau``, ``kien-thuc``, ``luyen-tap``, ``van-dung``); the two lines
    are labelled in the page's language (``Mục tiêu:`` / ``Aim:``, ``Sản phẩm:`` / ``Product:``).
    """

    NAME = "step"
    ARGUMENT = None

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "p", {"class": "lk-step"})

    def on_end(self, block: etree.Element) -> None:
        state: RenderState = self.config["state"]
        text = str(block.text or "")
        block.text = None
        lines = list(enumerate(text.split("\n"), start=1))
        fields, problems = parse_step_block(self.argument, lines, state.lang)
        for _line, _code, message in problems:
            state.problems.append(f"step '{self.argument or ''}': {message.text()}")
        words = vocabulary(state.lang)
        if fields.kind:
            block.set("data-lk-kind", fields.kind)
        parts = [("lk-step__kind", "", words.kinds[fields.kind] if fields.kind else str(self.argument or ""))]
        parts += [("lk-step__aim", words.aim, fields.aim), ("lk-step__product", words.product, fields.product)]
        for index, (name, label, value) in enumerate(parts):
            if index:
                etree.SubElement(block, "span", {"class": "lk-step__sep", "aria-hidden": "true"}).text = " · "
            part = etree.SubElement(block, "span", {"class": name})
            if label:
                etree.SubElement(part, "span", {"class": "lk-step__label"}).text = f"{label}:"
                etree.SubElement(part, "span").text = f" {value}"
            else:
                part.text = value


class AudienceBlock(Block):
    """Base of ``/// teacher``, ``/// student`` and ``/// family``: a labelled part of ordinary Markdown,
    a box (an admonition of ``KIND``), or with ``KIND`` empty a section under a real heading."""

    ARGUMENT = None
    LABEL = ""
    KIND = ""

    def on_create(self, parent: etree.Element) -> etree.Element:
        state: RenderState = self.config["state"]
        title = self.argument or labels_for(state.lang)[self.LABEL]
        if not self.KIND:
            box = etree.SubElement(parent, "section", {"class": f"lk-{self.NAME}"})
            etree.SubElement(box, "h2").text = title
            return box
        box = etree.SubElement(parent, "div", {"class": f"admonition {self.KIND} lk-audience lk-audience--{self.NAME}"})
        etree.SubElement(box, "p", {"class": "admonition-title"}).text = title
        return box


class TeacherBlock(AudienceBlock):
    """Notes for the teacher only: shown on the lesson page, never on the pupils' page.

    ```
    /// teacher
    **Discussion questions** …
    ///
    ```
    """

    NAME = "teacher"
    LABEL = "teacher_block"
    KIND = "info"


class StudentBlock(AudienceBlock):
    """What pupils read before the quiz: shown on the lesson page and on the pupils' page.

    ```
    /// student
    - Key message …
    ///
    ```
    """

    NAME = "student"
    LABEL = "student_block"
    KIND = "success"

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = super().on_create(parent)
        mark_own(build_read_button(box, self.config["state"].lang))
        return box


class FamilyBlock(AudienceBlock):
    """What the module tells parents and carers: shown on the lesson page under its own heading and on
    the module's family page (docs/reference.en.md#family).

    ```
    /// family
    **What your child learned** …
    ///
    ```
    """

    NAME = "family"
    LABEL = "family_block"
    # A section with a real heading (in the page's table of contents), not a boxed note: it is the part
    # of the lesson that a teacher prints or sends home.
    KIND = ""


class HelplinesBlock(Block):
    """The hotlines, trusted adults and where to report, from the project's ``helplines.yml``.

    ```
    /// helplines
    ///
    ```
    """

    NAME = "helplines"
    ARGUMENT = False

    def on_create(self, parent: etree.Element) -> etree.Element:
        state: RenderState = self.config["state"]
        box = etree.SubElement(parent, "div", {"class": "lk-helplines"})
        if state.helplines is None:
            state.problems.append(f"helplines block: {state.helplines_path} could not be read")
            return box
        render_helplines(box, state.helplines, state.lang)
        return box


class QuizSummaryTreeprocessor(Treeprocessor):
    """On a page with questions, puts the page summary (score, closing message, help, start again)
    right after the last question, in the same parent element.

    Runs after the inline processors and the table of contents: the summary's text is final, and its
    heading (a part of the quiz that only the script shows) stays out of the page's contents."""

    #: After ``toc`` (5), before ``unescape`` (0).
    PRIORITY = 3

    def __init__(self, md: Markdown, state: RenderState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        questions = [form for form in root.iter("form") if "data-lk-question" in form.attrib]
        if not questions:
            return
        last = questions[-1]
        parent = parents[last]
        help_text = help_html(self.state.helplines, self.state.lang)
        placeholder = self.md.htmlStash.store(help_text) if help_text else ""
        summary = build_summary(self.state.lang, self.state.page_key, placeholder)
        mark_own(summary)
        parent.insert(list(parent).index(last) + 1, summary)


class TabsTreeprocessor(Treeprocessor):
    """Marks the radio buttons of pymdown-extensions' tabs (``/// tab``) as the site's own markup: they
    are the only inputs outside a quiz (:func:`lessonkit.safety.sanitize.mark_own`). An author's HTML is
    not in the tree yet (Markdown keeps it aside until the page is serialised), so it is never marked."""

    #: After the blocks, before ``unescape`` (0).
    PRIORITY = 2

    def run(self, root: etree.Element) -> None:
        for box in root.iter("div"):
            if "tabbed-set" in (box.get("class") or "").split():
                for child in box:
                    if child.tag == "input" and child.get("type") == "radio":
                        mark_own(child)


class LessonkitExtension(BlocksExtension):
    """Registers the site's blocks and the quiz summary, sharing one :class:`RenderState`."""

    def __init__(self, state: RenderState | None = None, **kwargs: Any) -> None:
        self.state = state or RenderState()
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(
            QuizSummaryTreeprocessor(md, self.state), "lk_quiz_summary", QuizSummaryTreeprocessor.PRIORITY
        )
        md.treeprocessors.register(TabsTreeprocessor(md), "lk_own_tabs", TabsTreeprocessor.PRIORITY)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        for block in (QuizBlock, StepBlock, TeacherBlock, StudentBlock, FamilyBlock, HelplinesBlock):
            block_mgr.register(block, {"state": self.state})


def makeExtension(**kwargs: Any) -> LessonkitExtension:
    return LessonkitExtension(**kwargs)
