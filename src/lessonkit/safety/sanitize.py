"""The one sanitizer of content HTML: ``nh3`` (the Python binding of the Rust ``ammonia`` sanitizer)
with the allowlist of :mod:`.allowlist`, and what it would remove or change, as refusals.

:func:`sanitize` returns what the build writes (``nh3``'s output: only allowlisted elements,
attributes and addresses, whatever the input) and the :class:`Violation` list of what that output
lost or changed. Two independent readings find them:

- a walk over the HTML (the standard library's tokenizer) that checks every element, attribute and
  address against the same allowlist, and says what is wrong in words an author understands;
- a comparison of the input with ``nh3``'s output, both read by the same tokenizer into a normalized
  list of elements, attributes and text: whatever ``nh3`` dropped or moved that the walk did not name
  (a tag the two parsers read differently, misnested markup) is refused too, quoted as it was written.

So nothing is ever dropped silently: the build and the checker refuse any page where the two differ.

Elements only the site's own extensions may write (:data:`.allowlist.OWN_ELEMENTS`: the quiz's form,
inputs and buttons, the read-aloud icon) carry :data:`OWN_ATTRIBUTE` with a value drawn at random when
this module is loaded (:func:`mark_own`): an author cannot know it, so the same element written by hand
is refused. The mark never reaches a page: :func:`sanitize` removes it.
"""

from __future__ import annotations

import re
import secrets
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import nh3

from ..model.messages import Message, msg
from .allowlist import (
    ATTRIBUTE_VALUES,
    ATTRIBUTES,
    ELEMENTS,
    GENERIC_ATTRIBUTES,
    GENERIC_PREFIXES,
    LINK_ATTRIBUTES,
    LINK_SCHEMES,
    OWN_ELEMENTS,
    SITE_ATTRIBUTES,
    attribute_allowed,
)

#: The attribute that marks an element written by the site's own extensions, and its secret value.
OWN_ATTRIBUTE = "data-lk-own"
OWN_TOKEN = secrets.token_hex(16)
_OWN_WRITTEN = f' {OWN_ATTRIBUTE}="{OWN_TOKEN}"'

#: Elements whose old, specific message says what to write instead.
ELEMENT_MESSAGES: dict[str, str] = {
    "script": "unsafe-html.script",
    "iframe": "unsafe-html.embed",
    "frame": "unsafe-html.embed",
    "object": "unsafe-html.embed",
    "embed": "unsafe-html.embed",
    "applet": "unsafe-html.embed",
    "portal": "unsafe-html.embed",
    "form": "unsafe-html.form",
    "style": "unsafe-html.style",
    "link": "unsafe-html.head",
    "meta": "unsafe-html.head",
    "base": "unsafe-html.head",
}
#: Elements with no end tag.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
#: Elements whose first line break the HTML parser drops.
NEWLINE_ELEMENTS = frozenset({"pre", "textarea", "listing"})
#: What a browser drops from an address before it reads it (and every other invisible character).
RE_URL_JUNK = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")
#: How a comment ends for a browser (HTML's tokenizer): ``-->`` or ``--!>``; ``<!-->`` and ``<!--->``
#: are whole, empty comments.
RE_COMMENT_END = re.compile(r"--!?>")
RE_COMMENT_ABRUPT = re.compile(r"-?>")
RE_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
QUOTE_MAX = 60


@dataclass(frozen=True)
class Violation:
    """One thing the sanitizer would remove or change: what it is (``element``, ``attribute``, ``url``
    or ``markup``), the element, the attribute and the value or text concerned, and the message."""

    kind: str
    tag: str
    name: str
    value: str
    code: str
    message: Message


def quote(text: str) -> str:
    """``text`` on one line, shortened for a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_MAX else flat[: QUOTE_MAX - 1] + "…"


def url_message(value: str, *, site_only: bool) -> Message | None:
    """Why address ``value`` (entities decoded) may not be written, or ``None`` if it may.

    A link may go to ``https:``, ``http:``, ``mailto:``, ``tel:`` or a path in the site; a picture
    (``site_only``) only to a path in the site. Read as a browser reads it: spaces and control
    characters dropped, letter case ignored; ``//host`` (or with backslashes) is another host, for a
    picture as for any address with a scheme.
    """
    compact = RE_URL_JUNK.sub("", value).lower()
    scheme = RE_SCHEME.match(compact)
    if scheme is None:
        if compact[:2].replace("\\", "/") == "//":  # another host, its scheme left out
            return msg("unsafe-url.image" if site_only else "unsafe-url.host", url=quote(value))
        return None
    name = scheme.group(1)
    if name in ("javascript", "vbscript"):
        return msg("unsafe-url.script", url=quote(value), scheme=f"{name}:")
    if name == "data":
        return msg("unsafe-url.data", url=quote(value), scheme=f"{name}:")
    if site_only:
        return msg("unsafe-url.image", url=quote(value))
    if name not in LINK_SCHEMES:
        return msg("unsafe-url.scheme", url=quote(value), scheme=f"{name}:")
    return None


def _attribute_message(tag: str, name: str) -> tuple[str, Message]:
    if name.startswith("on"):
        return "unsafe-attribute", msg("unsafe-attribute.event", name=name)
    if name == "srcdoc":
        return "unsafe-attribute", msg("unsafe-attribute.srcdoc")
    if name == "style":
        return "unsafe-attribute", msg("unsafe-attribute.style", tag=tag)
    return "unsafe-attribute", msg("unsafe-attribute.other", name=name, tag=tag)


def _element_message(tag: str) -> Message:
    key = ELEMENT_MESSAGES.get(tag)
    return msg(key, tag=tag) if key else msg("unsafe-html.other", tag=tag)


# --- the walk ---------------------------------------------------------------------------------------

Event = tuple[Any, ...]


class _Walker(HTMLParser):
    """Reads HTML into normalized events (for the comparison) and checks each element, attribute and
    address against the allowlist (``check``) on the way."""

    def __init__(self, *, check: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.check = check
        self.events: list[Event] = []
        #: Each event as written (a start tag's text), for quoting in a message.
        self.written: list[str] = []
        self.violations: list[Violation] = []
        self._text: list[str] = []
        self._after: str = ""

    # events

    def _flush(self) -> None:
        if self._text:
            text = "".join(self._text).replace("\r\n", "\n").replace("\r", "\n")
            self._text = []
            if self._after in NEWLINE_ELEMENTS and text.startswith("\n"):
                text = text[1:]
            if text:
                self.events.append(("text", text))
                self.written.append(text)
        self._after = ""

    def _add(self, event: Event, written: str) -> None:
        self.events.append(event)
        self.written.append(written)

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        kept: dict[str, str] = {}
        own = False
        for name, value in attrs:
            if name == OWN_ATTRIBUTE and value == OWN_TOKEN:
                own = True
                continue
            kept.setdefault(name, value or "")
        if self.check:
            self._check(tag, kept, own)
        self._add(("start", tag, tuple(sorted(kept.items()))), self.get_starttag_text() or f"<{tag}>")
        self._after = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._after = ""
        if tag not in VOID_ELEMENTS:
            self._add(("end", tag), f"</{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        if tag not in VOID_ELEMENTS:
            self._add(("end", tag), f"</{tag}>")

    def parse_comment(self, i: int, report: bool = True) -> int:
        """A comment read as a browser reads it (the standard library's own reading ends it at
        ``-- >`` and not at ``--!>``, and reads ``<!-->`` as an open comment)."""
        rawdata = self.rawdata
        start = i + len("<!--")
        abrupt = RE_COMMENT_ABRUPT.match(rawdata, start)
        if abrupt is not None:
            end, data = abrupt.end(), ""
        else:
            close = RE_COMMENT_END.search(rawdata, start)
            if close is None:
                return -1
            end, data = close.end(), rawdata[start : close.start()]
        if report:
            self.handle_comment(data)
        return end

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![…`` read as a browser reads it in HTML: a bogus comment up to the next ``>`` (the standard
        library's reading asserts on a name it does not know, such as ``<![>``, and would stop the check)."""
        end = self.rawdata.find(">", i + len("<!["))
        if end < 0:
            return -1
        if report:
            self._markup(self.rawdata[i : end + 1])
        return end + 1

    def handle_comment(self, data: str) -> None:
        self._flush()
        self._add(("comment", data), f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self._markup(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self._markup(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self._markup(f"<![{data}]>")

    def _markup(self, text: str) -> None:
        self._flush()
        self._add(("markup", text), text)
        if self.check:
            self.violations.append(
                Violation("markup", "", "", text, "unsafe-html", msg("unsafe-markup", markup=quote(text)))
            )

    def close(self) -> None:
        super().close()
        self._flush()

    # checks

    def _check(self, tag: str, attrs: dict[str, str], own: bool) -> None:
        if tag not in ELEMENTS and not (own and tag in OWN_ELEMENTS):
            self.violations.append(Violation("element", tag, "", "", "unsafe-html", _element_message(tag)))
            return
        for name, value in attrs.items():
            if not attribute_allowed(tag, name, value):
                code, message = _attribute_message(tag, name)
                self.violations.append(Violation("attribute", tag, name, value, code, message))
                continue
            if LINK_ATTRIBUTES.get(tag) == name or SITE_ATTRIBUTES.get(tag) == name:
                problem = url_message(value, site_only=SITE_ATTRIBUTES.get(tag) == name)
                if problem is not None:
                    self.violations.append(Violation("url", tag, name, value, "unsafe-url", problem))


def _walk(html: str, *, check: bool) -> _Walker:
    walker = _Walker(check=check)
    walker.feed(html)
    walker.close()
    return walker


# --- nh3 --------------------------------------------------------------------------------------------


def _url_filter(tag: str, name: str, value: str) -> str | None:
    """nh3's attribute filter: an address that :func:`url_message` refuses is dropped."""
    if LINK_ATTRIBUTES.get(tag) == name or SITE_ATTRIBUTES.get(tag) == name:
        return None if url_message(value, site_only=SITE_ATTRIBUTES.get(tag) == name) else value
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ELEMENTS | OWN_ELEMENTS),
    attributes={"*": set(GENERIC_ATTRIBUTES), **{tag: set(names) for tag, names in ATTRIBUTES.items()}},
    tag_attribute_values={tag: {n: set(v) for n, v in values.items()} for tag, values in ATTRIBUTE_VALUES.items()},
    generic_attribute_prefixes=set(GENERIC_PREFIXES),
    attribute_filter=_url_filter,
    url_schemes=set(LINK_SCHEMES),
    strip_comments=False,
    link_rel=None,
)


def clean(html: str) -> str:
    """``html`` as the allowlist lets it be written (``nh3``'s output; the own marks removed first)."""
    return _CLEANER.clean(html.replace(_OWN_WRITTEN, ""))


def sanitize(html: str) -> tuple[str, list[Violation]]:
    """What the build writes for content ``html``, and what that lost or changed (empty: nothing)."""
    walked = _walk(html, check=True)
    cleaned = clean(html)
    violations = walked.violations
    if not violations:
        written = _walk(cleaned, check=False).events
        if written != walked.events:
            violations = [_first_difference(walked, written)]
    return cleaned, violations


def _first_difference(before: _Walker, after: list[Event]) -> Violation:
    """A ``markup`` violation quoting, as written, the first event of ``before`` that ``after`` lacks."""
    events = before.events
    index = next(
        (i for i, (a, b) in enumerate(zip(events, after, strict=False)) if a != b), min(len(events), len(after))
    )
    index = min(index, len(events) - 1)
    if index < 0:
        return Violation("markup", "", "", "", "unsafe-html", msg("unsafe-markup", markup=""))
    event, text = events[index], before.written[index]
    tag = str(event[1]) if event[0] in ("start", "end") else ""
    return Violation("markup", tag, "", text, "unsafe-html", msg("unsafe-markup", markup=quote(text)))


def mark_own(element: etree.Element) -> None:
    """Mark every element of :data:`.allowlist.OWN_ELEMENTS` in the tree under ``element`` (itself
    included) as written by the site's own extension. Call it on markup the extension built, before
    any author text is added under it."""
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag in OWN_ELEMENTS:
            node.set(OWN_ATTRIBUTE, OWN_TOKEN)
