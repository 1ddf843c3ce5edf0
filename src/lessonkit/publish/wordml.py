"""Word documents for schools, with python-docx: the page, the styles, real lists, HTML into paragraphs.

What a school document looks like in Viet Nam: A4, Times New Roman 13 pt (14 pt for titles), black text.
The template is python-docx's own, trimmed once per process (no sample thumbnail, no unused style
definitions) and set up for that: every document starts from its bytes, which is fast.

- :class:`WordWriter` adds headings (real Word heading styles: the navigation pane shows them),
  paragraphs, dotted lines to fill in, and HTML (a lesson's rendered Markdown) as paragraphs with bold
  and italic runs, real bulleted and numbered lists (each numbered list counts from its own start),
  tables, quotes and boxed notes;
- :func:`save_reproducible` writes the document with fixed dates, so that two builds of the same
  lesson give the same bytes (python-docx's package writer, into zip entries of one date).
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree
from lxml import html as lxml_html

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
FONT = "Times New Roman"
BODY_PT = 13
TITLE_PT = 14
#: Page: A4, the margins of Vietnamese administrative documents (top, bottom, left, right).
PAGE = (Mm(210), Mm(297))
MARGINS = (Mm(20), Mm(20), Mm(30), Mm(15))
#: Writing width between the margins: where dotted lines to fill in end.
TEXT_WIDTH = Emu(PAGE[0] - MARGINS[2] - MARGINS[3])
#: Word's languages for spelling and hyphenation, by the site's language code.
WORD_LANGUAGES = {"vi": "vi-VN", "en": "en-GB"}
#: Styles the documents use; every other definition of the template is dropped.
KEPT_STYLES = frozenset(
    {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid", "Title", "ListParagraph", "Quote"}
    | {f"Heading{n}" for n in range(1, 10)}
    | {"Footer"}
)
HEADING_SIZES = {1: TITLE_PT, 2: BODY_PT, 3: BODY_PT, 4: BODY_PT}
RASTER = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
LIST_INDENT = Cm(0.75)
BULLETS = ("•", "–", "◦")
RE_SPACE = re.compile(r"[ \t\r\n\f]+")
BLOCK_TAGS = frozenset(
    {"p", "ul", "ol", "blockquote", "table", "div", "section", "details", "pre", "dl", "hr", "form"}
    | {f"h{n}" for n in range(1, 7)}
)


# -- the template -----------------------------------------------------------------------------


@cache
def template_bytes() -> bytes:
    """python-docx's default document set up for school documents, once per process."""
    doc = Document()
    _trim_package(doc)
    _set_up_styles(doc)
    Numbering.set_up(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = MARGINS
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(footer)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def new_document(lang: str) -> DocumentObject:
    """A new empty document in ``lang`` (Word's spelling language), from the prepared template."""
    doc = Document(io.BytesIO(template_bytes()))
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    language = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert language is not None
    language.set(qn("w:val"), WORD_LANGUAGES.get(lang, lang))
    return doc


def _trim_package(doc: DocumentObject) -> None:
    """Leave out what the documents do not use: the template's thumbnail (a picture of another
    document), its custom XML, the copy of the styles for Word 2010, and unused style definitions."""
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, STYLES_WITH_EFFECTS):
            doc.part.rels.pop(rid)
    styles = doc.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            styles.remove(style)
    for style in styles.findall(qn("w:style")):  # links to the dropped character styles
        for tag in ("w:link", "w:next"):
            found = style.find(qn(tag))
            if found is not None and found.get(qn("w:val")) not in KEPT_STYLES:
                style.remove(found)


def _fonts(rpr: Any, size: int | None = None) -> None:
    """Times New Roman for every script (Vietnamese is Latin with diacritics; the others for safety)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for name in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(name), FONT)
    for tag in ("w:color", "w:sz", "w:szCs"):
        for found in rpr.findall(qn(tag)):
            rpr.remove(found)
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "000000")
    rpr.append(color)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            element = OxmlElement(tag)
            element.set(qn("w:val"), str(size * 2))
            rpr.append(element)


def _set_up_styles(doc: DocumentObject) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert rpr is not None
    _fonts(rpr, BODY_PT)
    for found in rpr.findall(qn("w:lang")):
        rpr.remove(found)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    rpr.append(language)
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    for style_id in [s.get(qn("w:styleId")) for s in styles.element.findall(qn("w:style"))]:
        style = next(s for s in styles if s.style_id == style_id)
        element = style.element.get_or_add_rPr()
        level = int(style_id[-1]) if style_id.startswith("Heading") else 0
        size = TITLE_PT if style_id == "Title" else HEADING_SIZES.get(level, BODY_PT)
        _fonts(element, size)
        if style_id == "Title" or level:
            style.font.bold = True
            style.font.italic = level >= 4
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(12 if level in (0, 1) else 6)
            style.paragraph_format.space_after = Pt(4)
        if style_id == "Title":
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for tag in ("w:pBdr",):  # the template's title has a blue rule under it
                ppr = style.element.get_or_add_pPr()
                for found in ppr.findall(qn(tag)):
                    ppr.remove(found)
            for tag in ("w:spacing", "w:kern"):
                for found in element.findall(qn(tag)):
                    element.remove(found)
    quote = styles["Quote"]
    quote.font.italic = False
    quote.paragraph_format.left_indent = Cm(1)
    quote.paragraph_format.right_indent = Cm(0.5)


def _page_number_field(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# -- numbering: real lists ----------------------------------------------------------------------


class Numbering:
    """The document's list definitions: bullets, numbers (each list counts from its own start) and
    the letters of quiz options."""

    FORMATS = {"bullet": "bullet", "decimal": "decimal", "letter": "upperLetter"}

    #: The abstract definition of each kind (its ``abstractNumId``), set up in the template.
    ABSTRACT = {kind: index + 1 for index, kind in enumerate(FORMATS)}
    #: The one list of bullets every bulleted list shares (the template's first ``w:num``).
    BULLETS_NUM = 1

    def __init__(self, doc: DocumentObject) -> None:
        self.element = doc.part.numbering_part.element
        self._next_num = len(self.element.findall(qn("w:num"))) + 1

    @classmethod
    def set_up(cls, doc: DocumentObject) -> None:
        """The template's list definitions, in place of python-docx's own (once, in the template)."""
        element = doc.part.numbering_part.element
        for child in list(element):
            element.remove(child)
        for kind, number in cls.ABSTRACT.items():
            element.append(cls._abstract(number, kind))
        numbering = cls(doc)
        assert numbering.new("bullet") == cls.BULLETS_NUM

    @classmethod
    def _abstract(cls, number: int, kind: str) -> Any:
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(number))
        multi = OxmlElement("w:multiLevelType")
        multi.set(qn("w:val"), "hybridMultilevel")
        abstract.append(multi)
        for level in range(9):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            for tag, value in (
                ("w:start", "1"),
                ("w:numFmt", cls.FORMATS[kind]),
                ("w:lvlText", BULLETS[level % len(BULLETS)] if kind == "bullet" else f"%{level + 1}."),
                ("w:lvlJc", "left"),
            ):
                element = OxmlElement(tag)
                element.set(qn("w:val"), value)
                lvl.append(element)
            ppr = OxmlElement("w:pPr")
            indent = OxmlElement("w:ind")
            indent.set(qn("w:left"), str(int(LIST_INDENT.twips * (level + 1))))
            indent.set(qn("w:hanging"), str(int(LIST_INDENT.twips)))
            ppr.append(indent)
            lvl.append(ppr)
            rpr = OxmlElement("w:rPr")
            fonts = OxmlElement("w:rFonts")
            for name in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(name), FONT)
            rpr.append(fonts)
            lvl.append(rpr)
            abstract.append(lvl)
        return abstract

    def new(self, kind: str, start: int = 1) -> int:
        """A new list of ``kind`` (bullet, decimal, letter) counting from ``start``: its ``numId``."""
        number = self._next_num
        self._next_num += 1
        num = _sub(self.element, "num", numId=str(number))
        _sub(num, "abstractNumId", val=str(self.ABSTRACT[kind]))
        if kind != "bullet":
            for level in range(9):
                _sub(_sub(num, "lvlOverride", ilvl=str(level)), "startOverride", val=str(start if level == 0 else 1))
        return number

    @property
    def bullets(self) -> int:
        return self.BULLETS_NUM


# -- writing: the document's body as WordprocessingML elements ----------------------------------
#
# python-docx's objects check the schema's order at every step, which is slow for documents of a few
# hundred paragraphs written by the thousand: paragraphs and runs are made here directly, in the
# schema's order, into the document python-docx opened (and saves).

W_P, W_R, W_T, W_BR, W_PPR, W_RPR = (qn(f"w:{n}") for n in ("p", "r", "t", "br", "pPr", "rPr"))
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@cache
def _w(name: str) -> str:
    """The qualified name of ``w:name`` (``{http://…/main}name``)."""
    return qn(f"w:{name}")


def _sub(parent: Any, tag: str, **attributes: str) -> Any:
    element = etree.SubElement(parent, _w(tag))
    for name, value in attributes.items():
        element.set(_w(name), value)
    return element


@dataclass(frozen=True)
class _Props:
    """A paragraph's properties: style id, list (numId, level), left indent (twips), a page break before
    it, tab stops (position in twips, alignment, leader) and space after (twips)."""

    style: str | None = None
    num: tuple[int, int] | None = None
    indent: int | None = None
    page_break: bool = False
    tabs: tuple[tuple[int, str, str], ...] = ()
    space_after: int | None = None


def _paragraph(container: Any, props: _Props) -> Any:
    """A new ``w:p`` at the end of ``container`` (the body, before its section properties, or a cell)."""
    p = container.makeelement(W_P, {})
    last = container[-1] if len(container) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(p)
    else:
        container.append(p)
    if props == _Props():
        return p
    ppr = _sub(p, "pPr")
    if props.style:
        _sub(ppr, "pStyle", val=props.style)
    if props.page_break:
        _sub(ppr, "pageBreakBefore")
    if props.num is not None:
        numpr = _sub(ppr, "numPr")
        _sub(numpr, "ilvl", val=str(props.num[1]))
        _sub(numpr, "numId", val=str(props.num[0]))
    if props.tabs:
        tabs = _sub(ppr, "tabs")
        for position, alignment, leader in props.tabs:
            _sub(tabs, "tab", val=alignment, leader=leader, pos=str(position))
    if props.space_after is not None:
        _sub(ppr, "spacing", after=str(props.space_after))
    if props.indent is not None:
        _sub(ppr, "ind", left=str(props.indent))
    return p


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    code: bool = False
    superscript: bool = False
    subscript: bool = False

    def but(self, **changes: bool) -> _Format:
        return replace(self, **changes)


PLAIN = _Format()
BOLD = _Format(bold=True)


def _run(p: Any, text: str, fmt: _Format = PLAIN) -> Any:
    r = _sub(p, "r")
    if fmt != PLAIN:
        rpr = _sub(r, "rPr")
        if fmt.code:
            _sub(rpr, "rFonts", ascii="Courier New", hAnsi="Courier New", cs="Courier New")
        if fmt.bold:
            _sub(rpr, "b")
        if fmt.italic:
            _sub(rpr, "i")
        if fmt.strike:
            _sub(rpr, "strike")
        if fmt.underline:
            _sub(rpr, "u", val="single")
        if fmt.superscript or fmt.subscript:
            _sub(rpr, "vertAlign", val="superscript" if fmt.superscript else "subscript")
    if text:
        t = _sub(r, "t")
        t.text = text
        if text[0] == " " or text[-1] == " ":
            t.set(XML_SPACE, "preserve")
    return r


_INLINE_FORMATS = {
    "strong": {"bold": True},
    "b": {"bold": True},
    "em": {"italic": True},
    "i": {"italic": True},
    "u": {"underline": True},
    "ins": {"underline": True},
    "del": {"strike": True},
    "s": {"strike": True},
    "code": {"code": True},
    "kbd": {"code": True},
    "sup": {"superscript": True},
    "sub": {"subscript": True},
}


class WordWriter:
    """Adds a document's content: headings, paragraphs, lines to fill in, HTML.

    ``images`` is the folder relative image addresses are read from (a module's folder): raster images
    there are embedded; any other image is written as its text alternative.
    """

    def __init__(self, doc: DocumentObject, images: Path | None = None) -> None:
        self.doc = doc
        self.body = doc.element.body
        self.numbering = Numbering(doc)
        self.images = images

    # plain parts

    def heading(self, text: str, level: int, *, page_break: bool = False) -> None:
        """A real Word heading (``Heading 1``-``9``), or the document's title at level 0."""
        style = "Title" if level == 0 else f"Heading{min(level, 9)}"
        _run(_paragraph(self.body, _Props(style=style, page_break=page_break)), text)

    def paragraph(self, *parts: tuple[str, bool] | str) -> None:
        """A paragraph of runs: plain strings, or ``(text, bold)`` pairs."""
        p = _paragraph(self.body, _Props())
        for part in parts:
            text, bold = (part, False) if isinstance(part, str) else part
            _run(p, text, BOLD if bold else PLAIN)

    def fill_in(self, *labels: str) -> None:
        """One line of fields to fill in by hand: each label followed by dots up to its share of the line
        (a tab with a dotted leader, which Word and LibreOffice draw up to the tab stop)."""
        share = int(TEXT_WIDTH.twips) // len(labels)
        tabs = tuple(
            # The dots end where the next label starts (a left tab), the last ones at the margin.
            (share * (i + 1), "right", "dot") if i == len(labels) - 1 else (share * (i + 1) - 110, "left", "dot")
            for i in range(len(labels))
        )
        p = _paragraph(self.body, _Props(tabs=tabs, space_after=120))
        for index, label in enumerate(labels):
            text = (" " if index else "") + (f"{label}: " if label else "")
            if text:
                _run(p, text)
            _sub(_sub(p, "r"), "tab")

    def line(self, fragment: str, *prefix: tuple[str, bool]) -> None:
        """One paragraph: the ``prefix`` runs (``(text, bold)``), then the inline content of ``fragment``
        (the HTML of one short piece of Markdown: a question, an option, a sentence)."""
        self._inline_into(_paragraph(self.body, _Props()), fragment, prefix)

    def list_html(self, fragments: list[str], kind: str = "bullet") -> None:
        """A list whose items are short pieces of rendered Markdown (``kind``: bullet, decimal, letter)."""
        num = self.numbering.bullets if kind == "bullet" else self.numbering.new(kind)
        for fragment in fragments:
            self._inline_into(_paragraph(self.body, _Props(style="ListParagraph", num=(num, 0))), fragment, ())

    def _inline_into(self, p: Any, fragment: str, prefix: tuple[tuple[str, bool], ...]) -> None:
        for text, bold in prefix:
            _run(p, text, BOLD if bold else PLAIN)
        root = lxml_html.fragment_fromstring(fragment or "", create_parent="div")
        writer = _Inline(self, p, after_text=bool(prefix))
        writer.text(root.text or "", PLAIN)
        for index, child in enumerate(root):
            if index and child.tag in BLOCK_TAGS:
                writer.text(" ", PLAIN)
            writer.element(child, PLAIN)
            writer.text(child.tail or "", PLAIN)
        writer.trim()

    # HTML

    def html(self, fragment: str, heading_level: int) -> None:
        """The HTML of rendered Markdown, as paragraphs; its own headings become Word headings from
        ``heading_level`` down (under the part of the document they belong to)."""
        if not fragment.strip():
            return
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
        levels = [int(e.tag[1]) for e in root.iter() if isinstance(e.tag, str) and re.fullmatch(r"h[1-6]", e.tag)]
        _Blocks(self, heading_level - min(levels, default=1)).children(_Place(self.body), root, depth=0)


@dataclass(frozen=True)
class _Place:
    """Where block content goes: a container (the body or a table cell's ``w:tc``), the paragraphs'
    style, their left indent in twips (content under a list item), the format every run starts from."""

    container: Any
    style: str | None = None
    indent: int | None = None
    fmt: _Format = PLAIN

    def but(self, **changes: Any) -> _Place:
        return replace(self, **changes)


def _has_content(nodes: list[Any]) -> bool:
    return any((n.strip() if isinstance(n, str) else True) for n in nodes)


class _Blocks:
    """HTML block elements into paragraphs, lists and tables."""

    def __init__(self, writer: WordWriter, heading_shift: int) -> None:
        self.writer = writer
        self.heading_shift = heading_shift

    def inline(self, place: _Place, nodes: list[Any], fmt: _Format | None = None, props: _Props | None = None) -> None:
        """One paragraph of inline ``nodes`` (text and elements); none if they hold nothing."""
        if not _has_content(nodes):
            return
        p = _paragraph(place.container, props or _Props(style=place.style, indent=place.indent))
        writer = _Inline(self.writer, p)
        base = fmt or place.fmt
        for node in nodes:
            writer.text(node, base) if isinstance(node, str) else writer.element(node, base)
        writer.trim()

    def children(self, place: _Place, element: Any, depth: int) -> None:
        """The children of ``element``: runs of inline content become paragraphs, blocks their own."""
        pending: list[Any] = [element.text or ""]
        for child in element:
            if not isinstance(child.tag, str):  # a comment or a processing instruction
                pending.append(child.tail or "")
            elif child.tag in BLOCK_TAGS:
                self.inline(place, pending)
                pending = [child.tail or ""]
                self.block(place, child, depth)
            else:
                pending += [child, child.tail or ""]
        self.inline(place, pending)

    def block(self, place: _Place, element: Any, depth: int) -> None:
        tag = element.tag
        classes = set((element.get("class") or "").split())
        if tag == "p":
            self.inline(place, [element], place.fmt.but(bold=True) if "admonition-title" in classes else None)
        elif tag in ("ul", "ol"):
            self.list(place, element, depth)
        elif tag == "blockquote":
            self.children(place.but(style="Quote"), element, depth)
        elif re.fullmatch(r"h[1-6]", tag):
            level = max(1, min(self.heading_shift + int(tag[1]), 9))
            self.inline(place, [element], props=_Props(style=f"Heading{level}"))
        elif tag == "table":
            self.table(place, element)
        elif tag == "pre":
            p = _paragraph(place.container, _Props(style=place.style, indent=place.indent))
            for index, line in enumerate(element.text_content().rstrip("\n").split("\n")):
                if index:
                    _sub(_sub(p, "r"), "br")
                _run(p, line, _Format(code=True))
        elif tag == "dl":
            for item in element:
                if item.tag == "dt":
                    self.inline(place, [item], place.fmt.but(bold=True))
                elif item.tag == "dd":
                    self.children(place.but(indent=(place.indent or 0) + int(Cm(1).twips)), item, depth)
        elif tag == "details":
            summary = element.find("summary")
            if summary is not None:
                self.inline(place, [summary], place.fmt.but(bold=True))
                summary.drop_tree()
            self.children(place, element, depth)
        elif tag == "div" and "tabbed-set" in classes:
            labels = element.findall(".//label")
            blocks = [e for e in element.iter("div") if "tabbed-block" in (e.get("class") or "").split()]
            for label, content in zip(labels, blocks, strict=False):
                self.inline(place, [label], place.fmt.but(bold=True))
                self.children(place, content, depth)
        elif tag in ("div", "section", "form"):
            self.children(place, element, depth)
        # hr: the next part starts anyway; nothing to write

    def list(self, place: _Place, element: Any, depth: int) -> None:
        numbering = self.writer.numbering
        if element.tag == "ol":
            start = element.get("start", "1")
            num = numbering.new("decimal", int(start) if start.isdigit() else 1)
        else:
            num = numbering.bullets
        level = min(depth, 8)
        under = place.but(indent=int(LIST_INDENT.twips) * (level + 1), style=None)  # an item's further paragraphs
        for item in element:
            if item.tag != "li":
                continue
            numbered = False

            def item_paragraph(nodes: list[Any]) -> None:
                nonlocal numbered
                if not _has_content(nodes):
                    return
                if numbered:
                    self.inline(under, nodes)
                else:
                    self.inline(place, nodes, props=_Props(style="ListParagraph", num=(num, level)))
                    numbered = True

            pending: list[Any] = [item.text or ""]
            for child in item:
                if not isinstance(child.tag, str):
                    pending.append(child.tail or "")
                elif child.tag in ("ul", "ol"):
                    item_paragraph(pending)
                    pending = [child.tail or ""]
                    self.list(place, child, depth + 1)
                elif child.tag == "p":
                    item_paragraph(pending)
                    item_paragraph([child])
                    pending = [child.tail or ""]
                elif child.tag in BLOCK_TAGS:
                    item_paragraph(pending)
                    pending = [child.tail or ""]
                    self.block(under, child, depth + 1)
                else:
                    pending += [child, child.tail or ""]
            item_paragraph(pending)
            if not numbered:  # an empty item still shows its bullet or number
                _paragraph(place.container, _Props(style="ListParagraph", num=(num, level)))

    def table(self, place: _Place, element: Any) -> None:
        rows = list(element.iter("tr"))
        width = max((len([c for c in row if c.tag in ("td", "th")]) for row in rows), default=0)
        if not width or place.container is not self.writer.body:
            self.children(place, element, 0)  # a table in a table: its cells as paragraphs
            return
        table: Table = self.writer.doc.add_table(rows=len(rows), cols=width)
        table._tbl.tblPr.style = "TableGrid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(c for c in row if c.tag in ("td", "th")):
                tc = table.cell(r, c)._tc
                for p in tc.findall(W_P):
                    tc.remove(p)
                self.children(_Place(tc, fmt=BOLD if cell.tag == "th" else place.fmt), cell, depth=0)
                if tc.find(W_P) is None:
                    _paragraph(tc, _Props())  # a cell ends with a paragraph
        _paragraph(self.writer.body, _Props())  # Word needs a paragraph between a table and what follows


class _Inline:
    """Inline HTML into the runs of one paragraph: text with bold, italic and the like, links, breaks.
    White space is HTML's: runs of it are one space, none at the start or end of the paragraph."""

    def __init__(self, writer: WordWriter, p: Any, after_text: bool = False) -> None:
        self.writer = writer
        self.p = p
        self.last_t: Any = None
        self.space = not after_text  # whether what was written so far ends with a space (or is nothing)

    def element(self, element: Any, fmt: _Format) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        changes = _INLINE_FORMATS.get(tag)
        if changes:
            fmt = fmt.but(**changes)
        if tag == "br":
            if self.last_t is not None and self.last_t.text:
                self.last_t.text = self.last_t.text.rstrip(" ")
            _sub(_sub(self.p, "r"), "br")
            self.space, self.last_t = True, None
        elif tag == "img":
            self.image(element, fmt)
        elif tag == "input" and element.get("type") == "checkbox":
            self.text("☒ " if element.get("checked") is not None else "☐ ", fmt)
        elif tag in ("script", "style", "button", "svg"):
            pass
        else:
            self.text(element.text or "", fmt)
            for child in element:
                if isinstance(child.tag, str):
                    self.element(child, fmt)
                self.text(child.tail or "", fmt)
            if tag == "a":
                href = element.get("href") or ""
                shown = element.text_content().strip()
                if href.startswith(("http://", "https://")) and href.rstrip("/") != shown.rstrip("/"):
                    self.text(f" ({href})", fmt)

    def text(self, text: str, fmt: _Format) -> None:
        text = RE_SPACE.sub(" ", text)
        if self.space and text.startswith(" "):
            text = text[1:]
        if not text:
            return
        r = _run(self.p, text, fmt)
        self.last_t = r[-1]
        self.space = text.endswith(" ")

    def trim(self) -> None:
        """No space at the end of the paragraph (HTML's line end before a closing tag)."""
        t = self.last_t
        if t is None or not t.text or not t.text.endswith(" "):
            return
        t.text = t.text.rstrip(" ")
        if not t.text:
            run = t.getparent()
            run.getparent().remove(run)
        elif not t.text.startswith(" "):
            t.attrib.pop(XML_SPACE, None)

    def image(self, element: Any, fmt: _Format) -> None:
        source = element.get("src") or ""
        folder = self.writer.images
        if folder is not None and source and "://" not in source and not source.startswith(("/", "data:")):
            path = (folder / source).resolve()
            if path.suffix.lower() in RASTER and path.is_file() and path.is_relative_to(folder.resolve()):
                paragraph = Paragraph(self.p, self.writer.doc._body)
                paragraph.add_run().add_picture(str(path), width=min(Cm(12), TEXT_WIDTH))
                self.space, self.last_t = False, None
                return
        alt = (element.get("alt") or "").strip()
        if alt:
            self.text(f"[{alt}]", fmt.but(italic=True))


# -- saving ----------------------------------------------------------------------------------------


def save_reproducible(doc: DocumentObject, epoch: int, *, title: str, lang: str, creator: str) -> bytes:
    """The document's bytes, the same for the same content on any day and machine: the core properties
    and every zip entry dated ``epoch`` (seconds since 1970, UTC), in python-docx's order of parts."""
    when = datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)
    props = doc.core_properties
    props.title = title
    props.language = WORD_LANGUAGES.get(lang, lang)
    props.author = creator
    props.last_modified_by = creator
    props.comments = ""
    props.created = when
    props.modified = when
    props.revision = 1
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        # python-docx's own steps of OpcPackage.save, into entries with a fixed date.
        writer = _FixedDateZip(archive, time.gmtime(max(epoch, ZIP_EPOCH))[:6])
        PackageWriter._write_content_types_stream(writer, package.parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, package.parts)  # type: ignore[arg-type]
    return out.getvalue()


#: Zip files cannot hold a date before 1980.
ZIP_EPOCH = 315532800


class _FixedDateZip:
    """What python-docx's package writer needs of a zip file, writing every entry with one date."""

    def __init__(self, archive: zipfile.ZipFile, stamp: tuple[int, ...]) -> None:
        self.archive = archive
        self.stamp = stamp

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self.stamp)  # type: ignore[arg-type]
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.create_system = 3  # Unix, whatever the machine
        self.archive.writestr(info, blob, compresslevel=6)


def iter_headings(doc: DocumentObject) -> Iterator[tuple[int, str]]:
    """``(level, text)`` of every heading in order (0 for the title): the document's outline."""
    for paragraph in doc.paragraphs:
        style = paragraph._p.style or ""
        if style == "Title":
            yield 0, paragraph.text
        elif style.startswith("Heading"):
            yield int(style[len("Heading") :]), paragraph.text
