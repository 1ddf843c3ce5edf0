"""Words and sections of a built page, read the same way here and by the search script in the browser.

- :func:`tokens` splits text into words: runs of letters and digits, after Unicode NFC and lowercasing.
- :func:`fold` is the form a word is indexed and looked up by: NFD, combining marks (U+0300–U+036F)
  dropped, ``đ`` read as ``d``, lowercase. "Người", "nguoi" and "NGƯỜI" fold to ``nguoi``.
- :func:`sections` cuts a page's HTML at its ``<h2>`` and ``<h3>`` headings that have an ``id``: the part
  before the first one belongs to the page itself. What the page does not show is left out: scripts,
  styles, SVG, comments, and elements with the ``hidden`` attribute (answer feedback shown only after a
  check, the quiz results box) or with ``data-search-exclude``.

``assets/search.js`` implements ``tokens`` and ``fold`` with the same rules (``tests/browser`` checks that
both give the same words for the real site's text).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

RE_WORD = re.compile(r"[^\W_]+")
RE_MARKS = re.compile("[\u0300-\u036f]")
#: Elements whose content is never text of the page.
RE_HIDDEN = re.compile(r"<(script|style|svg|template|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
RE_HEADING = re.compile(r"<h([23])\b([^>]*)>(.*?)</h\1\s*>", re.S | re.I)
RE_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
#: Inline elements join the text around them; every other tag separates words.
INLINE = {
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "cite",
    "code",
    "data",
    "del",
    "dfn",
    "em",
    "i",
    "ins",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
}
RE_INLINE_TAG = re.compile(r"</?(?:" + "|".join(sorted(INLINE, key=len, reverse=True)) + r")\b[^>]*>", re.I)
RE_TAG = re.compile(r"<[^>]*>")
RE_SPACE = re.compile(r"\s+")
#: A start tag that hides its element from the page or from search.
RE_HIDING = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?\s(?:hidden|data-search-exclude)(?=[\s=/>])[^>]*>", re.I)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """``word`` without diacritics, ``đ`` as ``d``, lowercase: the key a word is indexed by."""
    return RE_MARKS.sub("", unicodedata.normalize("NFD", word)).replace("đ", "d").replace("Đ", "D").lower()


def tokens(text: str) -> list[str]:
    """The words of ``text``, lowercase, in Unicode NFC."""
    return RE_WORD.findall(unicodedata.normalize("NFC", text).lower())


def plain_text(html: str) -> str:
    """The text of an HTML fragment: tags removed (inline ones join, others separate), entities read,
    white space collapsed."""
    text = RE_TAG.sub(" ", RE_INLINE_TAG.sub("", html))
    return RE_SPACE.sub(" ", unescape(text)).strip()


@dataclass(frozen=True)
class Section:
    """A part of a page: ``anchor`` is the heading's id ("" for the part before the first heading)."""

    anchor: str
    title: str
    text: str


def drop_hidden(html: str) -> str:
    """``html`` without the elements that have a ``hidden`` or ``data-search-exclude`` attribute (with
    everything inside them; an element left open runs to the end)."""
    out, at = [], 0
    while (match := RE_HIDING.search(html, at)) is not None:
        out.append(html[at : match.start()])
        name = match.group(1).lower()
        if name in VOID or match.group(0).endswith("/>"):
            at = match.end()
            continue
        depth, at = 1, match.end()
        for tag in re.finditer(rf"<(/?){re.escape(name)}\b[^>]*>", html[at:], re.I):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                at += tag.end()
                break
        else:
            at = len(html)
    out.append(html[at:])
    return " ".join(out) if len(out) > 1 else out[0]


def sections(html: str, title: str) -> list[Section]:
    """The page's sections, in order; the first one is the page itself, named ``title``.

    A heading without an ``id`` (nothing could link to it) stays in the section it is in."""
    html = drop_hidden(RE_HIDDEN.sub(" ", html))
    found: list[Section] = []
    anchor, heading, start = "", title, 0
    for match in RE_HEADING.finditer(html):
        ids = RE_ID.search(match.group(2))
        if ids is None:
            continue
        found.append(Section(anchor, heading, plain_text(html[start : match.start()])))
        anchor = unescape(ids.group(1) if ids.group(1) is not None else ids.group(2))
        heading, start = plain_text(match.group(3)), match.end()
    found.append(Section(anchor, heading, plain_text(html[start:])))
    return found
