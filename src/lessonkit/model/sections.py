"""A lesson file's ``##`` sections, and the ones its lesson-plan document reads (docs/reference.en.md#lesson-plan).

The lesson-plan document takes its equipment and materials from the preparation section (``## Chuẩn bị``
/ ``## Materials``) and its safeguarding note from its own section (``## Lưu ý an toàn cho giáo viên`` /
``## Safeguarding note``): the ``format`` words of the file's language. A module file without one of them
would give a document without a part the Ministry's frame requires, so the checker refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..strings import texts
from .messages import msg
from .module import LessonFile, Module
from .problems import ProblemList
from .steps import RE_FENCE, RE_HEADING
from .vocabulary import normal

#: The document's file name, named in messages.
LESSON_PLAN_FILE = "lesson-plan.docx"
#: Sections the lesson plan reads: the key of their heading in the ``format`` words -> the message when
#: a file lacks one.
PLAN_SECTIONS = {
    "preparation_heading": "lesson-plan-section.equipment",
    "safeguarding_heading": "lesson-plan-section.safeguarding",
}


@dataclass(frozen=True)
class Section:
    """A ``##`` section of a lesson file: its heading's text and line, and the lines under it."""

    heading: str
    line: int
    first: int
    last: int


def sections(page: LessonFile) -> list[Section]:
    """The file's own ``##`` sections in order (not headings in fenced code or inside a block)."""
    inside: set[int] = set()
    end = page.body[-1][0] if page.body else 0
    for block in page.blocks:
        if block.parent is None:
            inside.update(range(block.start, (block.end or end) + 1))
    found: list[tuple[int, str]] = []
    fence: str | None = None
    for number, text in page.body:
        if number in inside:
            continue
        fence_match = RE_FENCE.match(text)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        heading = RE_HEADING.match(text)
        if heading and len(heading.group(1)) <= 2:
            found.append((number, (heading.group(2) or "").strip()))
    return [
        Section(text, line, line + 1, found[index + 1][0] - 1 if index + 1 < len(found) else end)
        for index, (line, text) in enumerate(found)
    ]


def section_heading(key: str, lang: str) -> str:
    """The heading of a section the lesson plan reads (``preparation_heading``…), in ``lang``."""
    return texts("format", lang)[key]


def find_section(page: LessonFile, key: str, found: list[Section] | None = None) -> Section | None:
    """The section of ``page`` whose heading is the ``format`` word ``key`` in the page's language."""
    wanted = normal(section_heading(key, page.lang))
    return next((s for s in (sections(page) if found is None else found) if normal(s.heading) == wanted), None)


def check_plan_sections(module: Module, problems: ProblemList) -> None:
    """Every language file whose front matter was read has the sections its lesson plan reads."""
    for page in module.files.values():
        if not isinstance(page.meta and page.meta.value, dict):
            continue
        found = sections(page)
        for key, message in PLAN_SECTIONS.items():
            if find_section(page, key, found) is None:
                problems.error(
                    page.rel,
                    1,
                    "lesson-plan-section",
                    msg(message, heading=section_heading(key, page.lang), file=LESSON_PLAN_FILE),
                )
