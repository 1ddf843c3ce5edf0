"""The family sheet rules (docs/reference.en.md#family), applied to one module.

A module tells parents and carers what the child learned in ``/// family`` blocks. Both language files
have them, or neither: a family sheet in one language only is an error on the file that lacks it; a
module with none gets the warning ``no-family-block``. The family text is module text like any other,
so the level's ``avoid`` words and the ``never`` list apply to it through the word rules.
"""

from __future__ import annotations

from .blocks import Block
from .messages import msg
from .module import LessonFile, Module
from .problems import ProblemList

FAMILY_BLOCK = "family"


def family_blocks(page: LessonFile) -> list[Block]:
    """The ``/// family`` blocks of a language file, in source order (nested ones included)."""
    return [block for block in page.blocks if block.name == FAMILY_BLOCK]


def check_family(module: Module, problems: ProblemList, default_language: str) -> None:
    """Add the family problems of ``module`` to ``problems``.

    Only language files whose front matter could be read take part (the others already have an
    error, and their blocks may not have been read). A file without family blocks while another
    language has some gets an error at line 1 that names that other file and the line of its first
    block; when no file has any, the module gets one warning, on its default-language file.
    """
    pages = [page for page in module.files.values() if page.meta is not None]
    if not pages:
        return
    having = {page.lang: blocks for page in pages if (blocks := family_blocks(page))}
    if not having:
        anchor = module.files.get(default_language) or pages[0]
        problems.warning(anchor.rel, 1, "no-family-block", msg("no-family-block"))
        return
    example = next(page for page in pages if page.lang in having)
    for page in pages:
        if page.lang not in having:
            problems.error(
                page.rel,
                1,
                "translation-family",
                msg("translation-family", other=example.rel, line=having[example.lang][0].start),
            )
