"""A level's booklet (docs/reference.en.md#booklet): the pages of its modules put together into one page.

A school without devices prints a level at once: for each module its lesson plan with the answer key,
its pupils' worksheet and its family sheet, each starting on a new sheet. The booklet reuses the HTML
the build made for those pages (rendering the lessons again would double the build's time), moved to
the booklet's address:

- relative links and pictures point from the booklet to what they pointed to from their own page;
- every ``id`` (and what refers to one: ``for``, ``aria-*``, ``#fragment`` links, a radio group's
  ``name``) gets the part's prefix, so that no two parts share one;
- headings go down as many levels as the booklet nests them (the page's ``h1``, a module's ``h2``, a
  part's ``h3``);
- labelled regions (the lesson card, the sources) are named after their module;
- the quiz's results panel is renamed, so the quiz script leaves the booklet's questions alone: it is
  a printout, not a quiz to take.

Plain string work on HTML this package wrote itself (double-quoted attributes), knowing nothing of MkDocs.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

RE_ID = re.compile(r'(\s(?:id|for|form|name))="([^"]+)"')
RE_ID_LIST = re.compile(r'(\s(?:aria-labelledby|aria-describedby|aria-controls|aria-owns|headers))="([^"]+)"')
RE_FRAGMENT = re.compile(r'(\shref)="#([^"]+)"')
#: A relative address: no scheme, not absolute, not a fragment alone.
RE_RELATIVE = re.compile(r'(\s(?:href|src|poster|data))="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"]+)"')
RE_HEADING = re.compile(r"<(/?)h([1-6])(?=[\s>])")
RE_LABEL = re.compile(r'(\saria-label)="([^"]*)"')
#: The quiz's results panel, by which the quiz script finds a page's questions.
SUMMARY_ATTRIBUTE = "data-lk-summary"
BOOKLET_SUMMARY_ATTRIBUTE = "data-lk-booklet-summary"


@dataclass(frozen=True)
class Part:
    """One page of a module in the booklet: its kind (``lesson``, ``student``, ``family``), its label,
    its anchor in the booklet, and its HTML as moved there."""

    kind: str
    label: str
    anchor: str
    html: str


@dataclass(frozen=True)
class BookletModule:
    """A module in the booklet: its id, title, anchor and parts, in order."""

    id: str
    title: str
    anchor: str
    parts: tuple[Part, ...]


def relative_url(target: str, start_page: str) -> str:
    """``target`` (an address relative to the site root) from the page at ``start_page`` (the same)."""
    start = posixpath.dirname(start_page)
    path, _, fragment = target.partition("#")
    relative = posixpath.relpath(path or ".", start or ".")
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative + (f"#{fragment}" if fragment else "")


def rebase(html: str, page_url: str, booklet_url: str) -> str:
    """Relative addresses in ``html`` (written for the page at ``page_url``) rewritten for the booklet at
    ``booklet_url``; both addresses relative to the site root."""
    folder = posixpath.dirname(page_url)

    def moved(match: re.Match[str]) -> str:
        address = match.group(2)
        path, mark, rest = address.partition("#")
        query = ""
        if "?" in path:
            path, _, query = path.partition("?")
            query = "?" + query
        target = posixpath.normpath(posixpath.join(folder, path)) if path else page_url
        if path.endswith("/") and not target.endswith("/"):
            target += "/"
        new = relative_url(target, booklet_url) + query + (mark + rest if mark else "")
        return f'{match.group(1)}="{new}"'

    return RE_RELATIVE.sub(moved, html)


def prefix_ids(html: str, prefix: str) -> str:
    """Every id in ``html``, and every reference to one, prefixed with ``prefix`` and a hyphen."""
    html = RE_ID.sub(lambda m: f'{m.group(1)}="{prefix}-{m.group(2)}"', html)
    html = RE_ID_LIST.sub(lambda m: f'{m.group(1)}="{" ".join(f"{prefix}-{t}" for t in m.group(2).split())}"', html)
    return RE_FRAGMENT.sub(lambda m: f'{m.group(1)}="#{prefix}-{m.group(2)}"', html)


def shift_headings(html: str, by: int) -> str:
    """Headings ``by`` levels lower (``h2`` -> ``h4`` for 2), never below ``h6``."""
    return RE_HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + by, 6)}", html)


def name_regions(html: str, name: str) -> str:
    """Every ``aria-label`` in ``html`` followed by ``name`` (already HTML-escaped): each module's lesson
    card is a region of its own, told apart from the other modules' by a screen reader."""
    return RE_LABEL.sub(lambda m: f'{m.group(1)}="{m.group(2)}: {name}"', html)


def as_printout(html: str) -> str:
    """The quiz in ``html`` as a printout: its results panel renamed, so the quiz script does not take it."""
    return html.replace(f"{SUMMARY_ATTRIBUTE}", BOOKLET_SUMMARY_ATTRIBUTE)


def part(
    kind: str, label: str, html: str, page_url: str, booklet_url: str, anchor: str, levels: int, name: str = ""
) -> Part:
    """A page's HTML (``page_url``) made a part of the booklet (``booklet_url``) under ``anchor``, its
    headings ``levels`` lower, its labelled regions named after ``name`` (the module's title, escaped)."""
    moved = shift_headings(prefix_ids(rebase(html, page_url, booklet_url), anchor), levels)
    return Part(kind, label, anchor, as_printout(name_regions(moved, name) if name else moved))
