"""Page safety in the Markdown source (docs/reference.en.md#page-safety): where on which line an unsafe
thing is written, and front-matter text that holds markup.

What a page may hold is decided on the rendered HTML, by the allowlist of :mod:`lessonkit.safety`:
this scan of the source only helps point at the line of what that refuses
(:mod:`lessonkit.safety.locate`). In the Markdown body of a module or of a ``docs/`` page (quiz questions, options, feedback and
explanations included) the checker refuses:

- the elements ``script``, ``iframe``, ``frame``, ``object``, ``embed``, ``form``, ``style``, ``link``,
  ``meta`` and ``base`` (code ``unsafe-html``);
- any ``on…=`` event attribute, and ``srcdoc`` (``unsafe-attribute``);
- an address whose scheme is ``javascript:``, ``vbscript:`` or ``data:`` (a PNG, JPEG, GIF or WebP
  picture aside) in an address attribute, a Markdown link or image, a reference definition, an
  autolink or an attribute list (``unsafe-url``).

HTML is read with the standard library's tokenizer (:class:`html.parser.HTMLParser`), so that letter
case, entities, quotes and tags split over lines are read as a browser reads them; an address is
judged as a browser reads it too, entities decoded and whitespace and control characters dropped.

Code is an example, not HTML: fenced code and inline code spans are skipped, since Markdown escapes
them; but not where they sit inside an HTML tag or element (Markdown passes raw HTML through as it is,
backticks and all), nor after a fence that is never closed (Markdown then prints what follows as
text). Where the tokenizer and a browser could part ways (comments, declarations, markup the
tokenizer gave up on, an attribute value holding ``<``) the text inside is scanned again: a doubt is
reported, never let through.

Front-matter text (``title``, ``description``, ``objectives``, the titles of ``sources``) is plain
text: :func:`check_front_matter_text` refuses anything the tokenizer takes for markup in it
(``front-matter-html``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from itertools import accumulate

from .blocks import RE_FENCE, Block
from .messages import Message, msg
from .module import LessonFile
from .problems import ProblemList

#: Refused elements, with the message that says what to write instead.
REFUSED_ELEMENTS: dict[str, str] = {
    "script": "unsafe-html.script",
    "iframe": "unsafe-html.embed",
    "frame": "unsafe-html.embed",
    "object": "unsafe-html.embed",
    "embed": "unsafe-html.embed",
    "form": "unsafe-html.form",
    "style": "unsafe-html.style",
    "link": "unsafe-html.head",
    "meta": "unsafe-html.head",
    "base": "unsafe-html.head",
}
#: Attributes whose value is an address, in HTML, SVG and MathML, current and obsolete.
URL_ATTRIBUTES = frozenset(
    {
        "action",
        "archive",
        "background",
        "by",
        "cite",
        "classid",
        "codebase",
        "data",
        "dynsrc",
        "formaction",
        "from",
        "href",
        "icon",
        "imagesrcset",
        "itemid",
        "itemtype",
        "longdesc",
        "lowsrc",
        "manifest",
        "ping",
        "poster",
        "profile",
        "src",
        "srcset",
        "to",
        "usemap",
        "values",
        "xlink:href",
        "xml:base",
    }
)
#: Address attributes that hold a list of addresses (``srcset="a.png 1x, b.png 2x"``).
LIST_ATTRIBUTES = frozenset({"archive", "imagesrcset", "ping", "srcset", "values"})
#: Elements with no end tag: they never hold other content.
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")

#: What a browser drops from an address before it reads the scheme (and, to be safe, every other
#: space, control or invisible formatting character).
RE_URL_JUNK = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")
RE_SAFE_DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif|webp)[;,]")
RE_LIST_SEPARATOR = re.compile(r"[,;\s]+")
#: A code span, as Python-Markdown reads it: a run of backticks, text, the same run (not escaped).
RE_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)")
RE_INLINE_TARGET = re.compile(r"\]\(")
RE_REFERENCE = re.compile(r"^[ \t>]*\[[^\[\]\n]*\]:", re.MULTILINE)
RE_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*://[^<>\n]*)>")
RE_ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n ][^\n]*)\}")
RE_ATTR_PAIR = re.compile(r"""([^\s=}]+)=(?:"([^"]*)"|'([^']*)'|([^\s=}]+))""")
#: How far after ``](`` or ``]:`` an address may start.
TARGET_WINDOW = 512
#: Rounds of "is this code really code?" before every code region is scanned as text.
MAX_ROUNDS = 8
#: Characters of an address or a tag quoted in a message.
QUOTE_MAX = 60


@dataclass(frozen=True)
class Finding:
    """One unsafe thing: its line in the file, its problem code and the message."""

    line: int
    code: str
    message: Message


# --- the tokenizer ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tag:
    """A start or end tag: where it starts and ends in the scanned text, its name and attributes."""

    start: int
    end: int
    name: str
    attrs: tuple[tuple[str, str | None], ...]
    text: str
    closing: bool = False


@dataclass
class _Tokens:
    """What the tokenizer found: tags and other markup (comments, declarations) with their extents,
    and pieces of text to scan again (``(offset, text)``)."""

    tags: list[_Tag] = field(default_factory=list)
    markup: list[tuple[int, int]] = field(default_factory=list)
    again: list[tuple[int, str]] = field(default_factory=list)

    def extend(self, other: _Tokens) -> None:
        self.tags += other.tags
        self.markup += other.markup
        self.again += other.again


def _line_starts(text: str) -> list[int]:
    """The offset of the first character of every line of ``text``."""
    return list(accumulate((len(line) + 1 for line in text.split("\n")), initial=0))[:-1]


class _Tokenizer(HTMLParser):
    """Collects every tag and piece of markup of one text, with offsets (``base`` added to each)."""

    def __init__(self, text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.base = base
        self.starts = _line_starts(text)
        self.tokens = _Tokens()

    def here(self) -> int:
        """The offset (in this tokenizer's text) of the construct being reported."""
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def set_cdata_mode(self, elem: str, *, escapable: bool = False) -> None:
        """Never: what follows ``<script>`` or ``<style>`` is read as HTML too, so nothing hides in it."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.here()
        text = self.get_starttag_text() or self.text[start : start + 1]
        self.tokens.tags.append(_Tag(self.base + start, self.base + start + len(text), tag, tuple(attrs), text))
        if "<" in text[1:]:  # an attribute value holding markup: Markdown may read it as a tag of its own
            self.tokens.again.append((self.base + start + 1, text[1:]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        start = self.here()
        close = self.text.find(">", start)
        end = len(self.text) if close < 0 else close + 1
        self.tokens.tags.append(_Tag(self.base + start, self.base + end, tag, (), self.text[start:end], True))

    def handle_comment(self, data: str) -> None:
        self._markup(data)

    def handle_decl(self, decl: str) -> None:
        self._markup(decl)

    def handle_pi(self, data: str) -> None:
        self._markup(data)

    def unknown_decl(self, data: str) -> None:
        self._markup(data)

    def handle_data(self, data: str) -> None:
        if len(data) > 1 and data.startswith("<"):  # markup the tokenizer gave up on: read what follows '<'
            self.tokens.again.append((self.base + self.here() + 1, data[1:]))

    def _markup(self, data: str) -> None:
        """A comment or declaration: browsers may end it sooner than the tokenizer, so scan its inside."""
        start = self.here()
        inner = self.text.find(data, start) if data else start
        close = self.text.find(">", inner + len(data))
        self.tokens.markup.append((self.base + start, self.base + (len(self.text) if close < 0 else close + 1)))
        if "<" in data:
            self.tokens.again.append((self.base + inner, data))


def _tokenize(text: str, base: int = 0) -> _Tokens:
    """Every tag and piece of markup of ``text`` (offsets plus ``base``); never raises."""
    tokens = _Tokens()
    start = 0
    while True:
        parser = _Tokenizer(text[start:], base + start)
        try:
            parser.feed(text[start:])
            parser.close()
        except AssertionError:
            # The tokenizer gives up on some malformed declarations ("<![x["); a browser reads them as a
            # comment. Keep what was found, skip the '<' and read on.
            tokens.extend(parser.tokens)
            start += parser.here() + 1
            continue
        tokens.extend(parser.tokens)
        return tokens


# --- addresses -------------------------------------------------------------------------------------


def unsafe_scheme(address: str) -> str | None:
    """``javascript``, ``vbscript`` or ``data`` if a browser would open ``address`` with that scheme
    (a PNG, JPEG, GIF or WebP ``data:`` picture aside), else ``None``.

    Entities are decoded and whitespace and control characters dropped first, as browsers do; a
    leading ``<`` (a Markdown angle-bracket target) is ignored.
    """
    compact = RE_URL_JUNK.sub("", unescape(address)).lstrip("<").lower()
    for scheme in UNSAFE_SCHEMES:
        if compact.startswith(scheme + ":"):
            if scheme == "data" and RE_SAFE_DATA_IMAGE.match(compact):
                return None
            return scheme
    return None


def _quote(text: str) -> str:
    """``text`` on one line, shortened for a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_MAX else flat[: QUOTE_MAX - 1] + "…"


def _address_finding(address: str) -> tuple[str, Message] | None:
    """``("unsafe-url", message)`` if ``address`` is unsafe, else ``None``."""
    scheme = unsafe_scheme(address)
    if scheme is None:
        return None
    key = "unsafe-url.data" if scheme == "data" else "unsafe-url.script"
    return "unsafe-url", msg(key, url=_quote(address), scheme=f"{scheme}:")


def _link_target(window: str) -> str:
    """The target of a Markdown link as written, from the text after ``](``: up to the ``)`` that
    closes it (parentheses inside balanced), as Markdown reads it, title included."""
    depth = 0
    for index, char in enumerate(window):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return window[:index].strip()
            depth -= 1
    return window.strip()


def _reference_target(window: str) -> str:
    """The address of a reference definition as written, from the text after ``]:``: the rest of the
    line, or the next line when the rest is blank (Markdown allows both)."""
    lines = [line.strip() for line in window.split("\n")[:2]]
    return next((line for line in lines if line), "")


def _attribute_value_findings(name: str, value: str) -> Iterator[tuple[str, Message]]:
    """What is wrong with attribute ``name`` (lowercase) set to ``value``."""
    if name.startswith("on"):
        yield "unsafe-attribute", msg("unsafe-attribute.event", name=name)
    elif name == "srcdoc":
        yield "unsafe-attribute", msg("unsafe-attribute.srcdoc")
    elif name in URL_ATTRIBUTES:
        parts = [value] + (RE_LIST_SEPARATOR.split(value) if name in LIST_ATTRIBUTES else [])
        for part in parts:
            found = _address_finding(part)
            if found:
                yield found
                break


# --- code regions: examples Markdown escapes --------------------------------------------------------


@dataclass(frozen=True)
class _Code:
    """Fenced code or a code span: ``anchor`` is where Markdown decides it is code (the fence line,
    the first backtick), ``start``/``end`` the example itself."""

    anchor: int
    start: int
    end: int


def _code_regions(lines: list[str], starts: list[int], raw_lines: frozenset[int]) -> list[_Code]:
    """Closed fenced code blocks and code spans, in order; ``raw_lines`` are indices of lines where a
    fence is not a fence (inside a quiz block, whose text is read as it is)."""
    regions: list[_Code] = []
    fenced = [False] * len(lines)
    fence: str | None = None
    opened = 0
    for index, text in enumerate(lines):
        match = RE_FENCE.match(text) if index not in raw_lines else None
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                if index > opened + 1:
                    regions.append(_Code(starts[opened], starts[opened + 1], starts[index] - 1))
                fenced[opened : index + 1] = [True] * (index + 1 - opened)
                fence = None
        elif match:
            fence, opened = match.group(1), index
    for index, text in enumerate(lines):
        if fenced[index] or "`" not in text:
            continue
        for span in RE_CODE_SPAN.finditer(text):
            regions.append(
                _Code(starts[index] + span.start(), starts[index] + span.start(), starts[index] + span.end())
            )
    regions.sort(key=lambda r: r.anchor)
    return regions


def _blank(text: str, regions: Iterable[_Code]) -> str:
    """``text`` with every region's characters turned into spaces (line breaks kept)."""
    chars = list(text)
    for region in regions:
        for index in range(region.start, region.end):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


class _Cover:
    """A set of half-open intervals ``[start, end)``: does one of them hold an offset?"""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            elif start < end:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def _element_spans(tags: list[_Tag], length: int) -> Iterator[tuple[int, int]]:
    """Every tag's own extent, and every element's from its start tag to its end tag (or the end)."""
    stack: list[tuple[str, int]] = []
    for tag in tags:
        yield tag.start, tag.end
        if not tag.closing:
            if tag.name not in VOID_ELEMENTS:
                stack.append((tag.name, tag.start))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == tag.name:
                for _, start in stack[depth:]:
                    yield start, tag.end
                del stack[depth:]
                break
    for _, start in stack:
        yield start, length


def _protected(text: str, regions: list[_Code]) -> list[_Code]:
    """The code regions Markdown really escapes: those not inside an HTML tag, comment or element.

    A region is given up when its anchor lies inside a tag, a comment or an element found with the
    remaining regions blanked, or inside a tag or comment of the raw text that starts outside them (a
    backtick inside an attribute value). Giving one up can expose more HTML, so this repeats until
    nothing changes, at most ``MAX_ROUNDS`` times; after that no region is trusted.
    """
    if "<" not in text or not regions:
        return regions
    raw = _tokenize(text)
    raw_spans = [(t.start, t.end) for t in raw.tags] + raw.markup
    kept = regions
    for _ in range(MAX_ROUNDS):
        inside = _Cover((r.start, r.end) for r in kept)
        tokens = _tokenize(_blank(text, kept))
        spans = [*_element_spans(tokens.tags, len(text)), *tokens.markup]
        spans += [(start, end) for start, end in raw_spans if start not in inside]
        cover = _Cover(spans)
        still = [r for r in kept if r.anchor not in cover]
        if len(still) == len(kept):
            return kept
        kept = still
    return []


# --- scanning --------------------------------------------------------------------------------------


def _html_findings(text: str) -> Iterator[tuple[int, str, Message]]:
    """``(offset, code, message)`` for every refused element and attribute in ``text``, looking again
    inside comments, declarations and markup the tokenizer gave up on."""
    work = [(0, text)]
    while work:
        base, chunk = work.pop()
        tokens = _tokenize(chunk, base)
        for tag in tokens.tags:
            if tag.closing:
                continue
            if tag.name in REFUSED_ELEMENTS:
                yield tag.start, "unsafe-html", msg(REFUSED_ELEMENTS[tag.name], tag=tag.name)
            for name, value in tag.attrs:
                if value is None:
                    continue  # written without '=': no handler, no address, nothing to run
                for code, message in _attribute_value_findings(name, value):
                    yield tag.start + _attribute_offset(tag.text, name), code, message
        work.extend(tokens.again)


def _attribute_offset(tag_text: str, name: str) -> int:
    """Where attribute ``name`` is written in ``tag_text`` (0 if it cannot be found)."""
    match = re.search(rf"(?<=[\s/\"'])({re.escape(name)})(?=\s*=|[\s/>]|$)", tag_text, re.IGNORECASE)
    return match.start(1) if match else 0


def _markdown_findings(text: str) -> Iterator[tuple[int, str, Message]]:
    """``(offset, code, message)`` for unsafe addresses in Markdown links, images, reference
    definitions and autolinks, and unsafe attributes in attribute lists (``{: onclick=… }``)."""
    for match in RE_INLINE_TARGET.finditer(text):
        found = _address_finding(_link_target(text[match.end() : match.end() + TARGET_WINDOW]))
        if found:
            yield (match.end(), *found)
    for match in RE_REFERENCE.finditer(text):
        found = _address_finding(_reference_target(text[match.end() : match.end() + TARGET_WINDOW]))
        if found:
            yield (match.end(), *found)
    for match in RE_AUTOLINK.finditer(text):
        found = _address_finding(match.group(1))
        if found:
            yield (match.start(1), *found)
    for match in RE_ATTR_LIST.finditer(text):
        for pair in RE_ATTR_PAIR.finditer(match.group(1)):
            value = next(v for v in pair.groups()[1:] if v is not None)
            for code, message in _attribute_value_findings(pair.group(1).lower(), value):
                yield match.start(1) + pair.start(), code, message


def scan_markdown(lines: list[tuple[int, str]], raw_lines: Iterable[int] = ()) -> list[Finding]:
    """Every unsafe thing in a Markdown body, in line order, each once.

    ``lines`` are ``(line number, text)`` pairs of the body; ``raw_lines`` the line numbers where a
    fence does not start fenced code (the lines of quiz blocks). Never raises.
    """
    texts = [text for _, text in lines]
    text = "\n".join(texts)
    if not any(c in text for c in "<]{"):
        return []
    starts = _line_starts(text)
    numbers = [number for number, _ in lines]
    raw = frozenset(raw_lines)
    regions = _code_regions(texts, starts, frozenset(i for i, n in enumerate(numbers) if n in raw))
    visible = _blank(text, _protected(text, regions))
    found: dict[tuple[int, str, Message], None] = {}
    for offset, code, message in sorted(
        [*_html_findings(visible), *_markdown_findings(visible)], key=lambda f: (f[0], f[1], f[2].key)
    ):
        line = numbers[bisect.bisect_right(starts, offset) - 1] if numbers else 1
        found.setdefault((line, code, message), None)
    return [Finding(line, code, message) for line, code, message in found]


def first_markup(text: str) -> str | None:
    """The first thing in ``text`` that the HTML tokenizer takes for markup (a start or end tag, a
    comment, a declaration), as written and shortened; ``None`` for plain text (``<3``, ``a < b``)."""
    if "<" not in text:
        return None
    tokens = _tokenize(text)
    spans = sorted([(t.start, t.end) for t in tokens.tags] + tokens.markup)
    if not spans:
        return None
    start, end = spans[0]
    return _quote(text[start:end])


# --- the checks ------------------------------------------------------------------------------------


def quiz_lines(blocks: Iterable[Block], last_line: int) -> set[int]:
    """The line numbers of every quiz block, header to closing line (to ``last_line`` if unclosed)."""
    lines: set[int] = set()
    for block in blocks:
        if block.name == "quiz":
            lines.update(range(block.start, (block.end or last_line) + 1))
    return lines


def _text_fields(data: dict[object, object]) -> Iterator[tuple[tuple[object, ...], str, object]]:
    """The plain-text fields of a front matter: (path to the value, name for the message, value)."""
    for key in ("title", "description"):
        if key in data:
            yield (key,), key, data[key]
    objectives = data.get("objectives")
    if isinstance(objectives, list):
        for index, item in enumerate(objectives):
            yield ("objectives", index), "objectives", item
    sources = data.get("sources")
    if isinstance(sources, list):
        for index, source in enumerate(sources):
            if isinstance(source, dict) and "title" in source:
                yield ("sources", index, "title"), "sources: title", source["title"]


def check_front_matter_text(page: LessonFile, problems: ProblemList) -> None:
    """Add a ``front-matter-html`` error, on the field's own line, for markup in ``title``,
    ``description``, an ``objectives`` item or a source's ``title`` of ``page``'s front matter.

    Values that are not text are left to the field rules.
    """
    for path, name, value in _text_fields(page.fields):
        if isinstance(value, str):
            markup = first_markup(value)
            if markup is not None:
                problems.error(
                    page.rel,
                    page.line_of(*path),
                    "front-matter-html",
                    msg("front-matter-html", field=name, markup=markup),
                )
