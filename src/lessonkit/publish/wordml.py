"""Word documents for schools, with python-docx: the page, the styles, real lists, HTML into paragraphs.

What a school document looks like in Viet Nam: A4, Times New Roman 13 pt (14 pt for titles), black text.
The template is python-docx's own, trimmed once per process (no sample thumbnail, no unused style
definitions) and set up for that: every document starts from its bytes, which is fast.

- :class:`WordWriter` adds headings (real Word heading styles: the navigation pane shows them),
  paragraphs, dotted lines to fill in, and HTML (a lesson's rendered Markdown) as paragraphs with bold
  and italic runs, real bulleted and numbered lists (each numbered list counts from its own start),
  tables, quotes and boxed notes;
- :func:`save_reproducible` writes the document with fixed dates, so that two builds of the same
  lesson give the same bytes.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
FONT = "Times New Roman"
BODY_PT = 13
TITLE_PT = 14
#: Page: A4, the margins of Vietnamese administrative documents (top, bottom, left, right).
PAGE = (Mm(210), Mm(297))
MARGINS = (Mm(20), Mm(20), Mm(30), Mm(15))
#: Writing width between the margins: where dotted lines to fill in end.
TEXT_WIDTH = PAGE[0] - MARGINS[2] - MARGINS[3]
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
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(number))
        abstract = OxmlElement("w:abstractNumId")
        abstract.set(qn("w:val"), str(self.ABSTRACT[kind]))
        num.append(abstract)
        if kind != "bullet":
            for level in range(9):
                override = OxmlElement("w:lvlOverride")
                override.set(qn("w:ilvl"), str(level))
                first = OxmlElement("w:startOverride")
                first.set(qn("w:val"), str(start if level == 0 else 1))
                override.append(first)
                num.append(override)
        self.element.append(num)
        return number

    @property
    def bullets(self) -> int:
        return self.BULLETS_NUM


def add_paragraph(container: Any, style_id: str | None = None) -> Paragraph:
    """A new paragraph at the end of ``container`` in the style ``style_id`` (an id such as ``Heading2``:
    python-docx's look-up by a style's name is slow)."""
    paragraph = container.add_paragraph()
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def set_list(paragraph: Paragraph, num_id: int, level: int) -> None:
    """Make ``paragraph`` an item of the list ``num_id`` at ``level`` (from 0)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(num)
    ppr.insert_element_before(numpr, *_AFTER_NUMPR)


#: Elements of w:pPr that come after w:numPr (the schema's order).
_AFTER_NUMPR = (
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


# -- writing ------------------------------------------------------------------------------------


@dataclass
class _Format:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    code: bool = False
    superscript: bool = False
    subscript: bool = False

    def but(self, **changes: bool) -> _Format:
        return _Format(**{**self.__dict__, **changes})


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
        self.numbering = Numbering(doc)
        self.images = images

    # plain parts

    def heading(self, text: str, level: int) -> Paragraph:
        """A real Word heading (``Heading 1``-``9``), or the document's title at level 0."""
        paragraph = add_paragraph(self.doc, "Title" if level == 0 else f"Heading{min(level, 9)}")
        paragraph.add_run(text)
        return paragraph

    def paragraph(self, *parts: tuple[str, bool] | str, style: str | None = None) -> Paragraph:
        """A paragraph of runs: plain strings, or ``(text, bold)`` pairs."""
        paragraph = add_paragraph(self.doc, style)
        for part in parts:
            text, bold = (part, False) if isinstance(part, str) else part
            paragraph.add_run(text).bold = bold or None
        return paragraph

    def items(self, texts: list[str], kind: str = "bullet") -> None:
        """A list of plain texts."""
        num = self.numbering.bullets if kind == "bullet" else self.numbering.new(kind)
        for text in texts:
            paragraph = add_paragraph(self.doc, "ListParagraph")
            set_list(paragraph, num, 0)
            paragraph.add_run(text)

    def fill_in(self, *labels: str) -> Paragraph:
        """One line of fields to fill in by hand: each label followed by dots up to its share of the line
        (a tab with a dotted leader, which Word and LibreOffice draw to the tab stop)."""
        paragraph = self.doc.add_paragraph()
        share = TEXT_WIDTH // len(labels)
        for index, label in enumerate(labels):
            paragraph.add_run((" " if index else "") + (f"{label}: " if label else ""))
            paragraph.add_run("\t")
            last = index == len(labels) - 1
            # The dots end where the next label starts (a left tab), the last ones at the margin.
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                share * (index + 1) if last else share * (index + 1) - Mm(2),
                WD_TAB_ALIGNMENT.RIGHT if last else WD_TAB_ALIGNMENT.LEFT,
                WD_TAB_LEADER.DOTS,
            )
        paragraph.paragraph_format.space_after = Pt(6)
        return paragraph

    @staticmethod
    def page_break_before(paragraph: Paragraph) -> None:
        """``paragraph`` starts a new page."""
        paragraph.paragraph_format.page_break_before = True

    def line(self, fragment: str, *prefix: tuple[str, bool], style: str | None = None) -> Paragraph:
        """One paragraph: the ``prefix`` runs (``(text, bold)``), then the inline content of ``fragment``
        (the HTML of one short piece of Markdown: a question, an option, a sentence)."""
        paragraph = add_paragraph(self.doc, style)
        self._inline_into(paragraph, fragment, prefix)
        return paragraph

    def list_html(self, fragments: list[str], kind: str = "bullet") -> None:
        """A list whose items are short pieces of rendered Markdown (``kind``: bullet, decimal, letter)."""
        num = self.numbering.bullets if kind == "bullet" else self.numbering.new(kind)
        for fragment in fragments:
            paragraph = add_paragraph(self.doc, "ListParagraph")
            set_list(paragraph, num, 0)
            self._inline_into(paragraph, fragment, ())

    def _inline_into(self, paragraph: Paragraph, fragment: str, prefix: tuple[tuple[str, bool], ...]) -> None:
        for text, bold in prefix:
            paragraph.add_run(text).bold = bold or None
        root = lxml_html.fragment_fromstring(fragment or "", create_parent="div")
        writer = _Inline(self, paragraph)
        writer.add_text(root.text or "")
        for index, child in enumerate(root):
            if index and child.tag in BLOCK_TAGS:
                writer.add_text(" ")
            writer.element(child, _Format())
            writer.add_text(child.tail or "")
        _trim(paragraph)

    # HTML

    def html(self, fragment: str, heading_level: int) -> None:
        """The HTML of rendered Markdown, as paragraphs; its own headings become Word headings from
        ``heading_level`` down (under the part of the document they belong to)."""
        if not fragment.strip():
            return
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
        _Blocks(self, heading_level).children(_Place(self.doc), root, depth=0)


@dataclass(frozen=True)
class _Place:
    """Where block content goes: a container (the document or a table cell), the paragraphs' style,
    their left indent (content under a list item), and the format every run starts from."""

    container: Any
    style: str | None = None
    indent: int | None = None
    fmt: _Format = field(default_factory=lambda: _Format())

    def but(self, **changes: Any) -> _Place:
        return replace(self, **changes)


class _Blocks:
    """HTML block elements into paragraphs, lists and tables."""

    def __init__(self, writer: WordWriter, heading_level: int) -> None:
        self.writer = writer
        self.heading_level = heading_level

    def paragraph(self, place: _Place, style: str | None = None) -> Paragraph:
        container = place.container
        paragraph = None
        if isinstance(container, _Cell):
            paragraphs = container._tc.p_lst
            if len(paragraphs) == 1 and not paragraphs[0].r_lst:  # a new cell has one empty paragraph
                paragraph = Paragraph(paragraphs[0], container)
                if style or place.style:
                    paragraph._p.style = style or place.style
        if paragraph is None:
            paragraph = add_paragraph(container, style or place.style)
        if place.indent is not None:
            paragraph.paragraph_format.left_indent = place.indent
        return paragraph

    def inline(self, place: _Place, nodes: list[Any], fmt: _Format | None = None, style: str | None = None) -> None:
        """One paragraph of inline ``nodes`` (text and elements); none if they hold nothing."""
        if not any((n.strip() if isinstance(n, str) else True) for n in nodes):
            return
        paragraph = self.paragraph(place, style)
        writer = _Inline(self.writer, paragraph)
        base = fmt or place.fmt
        for node in nodes:
            if isinstance(node, str):
                writer.add_text(node, base)
            else:
                writer.element(node, base)
        _trim(paragraph)

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
            bold = "admonition-title" in classes
            self.inline(place, [element], place.fmt.but(bold=True) if bold else None)
        elif tag in ("ul", "ol"):
            self.list(place, element, depth)
        elif tag == "blockquote":
            self.children(place.but(style="Quote"), element, depth)
        elif re.fullmatch(r"h[1-6]", tag):
            level = min(self.heading_level + int(tag[1]) - 1, 9)
            self.inline(place.but(indent=None), [element], style=f"Heading{level}")
        elif tag == "table":
            self.table(place, element)
        elif tag == "pre":
            paragraph = self.paragraph(place)
            for index, line in enumerate(element.text_content().rstrip("\n").split("\n")):
                if index:
                    paragraph.add_run().add_break()
                paragraph.add_run(line).font.name = "Courier New"
        elif tag == "dl":
            for item in element:
                if item.tag == "dt":
                    self.inline(place, [item], place.fmt.but(bold=True))
                elif item.tag == "dd":
                    self.children(place.but(indent=(place.indent or 0) + Cm(1)), item, depth)
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
        under = place.but(indent=LIST_INDENT * (level + 1), style=None)  # an item's further paragraphs
        for item in element:
            if item.tag != "li":
                continue
            numbered = False

            def item_paragraph(nodes: list[Any]) -> None:
                nonlocal numbered
                if not any((n.strip() if isinstance(n, str) else True) for n in nodes):
                    return
                if numbered:
                    self.inline(under, nodes)
                    return
                paragraph = add_paragraph(place.container, "ListParagraph")
                set_list(paragraph, num, level)
                writer = _Inline(self.writer, paragraph)
                for node in nodes:
                    writer.add_text(node, place.fmt) if isinstance(node, str) else writer.element(node, place.fmt)
                _trim(paragraph)
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
                set_list(add_paragraph(place.container, "ListParagraph"), num, level)

    def table(self, place: _Place, element: Any) -> None:
        rows = list(element.iter("tr"))
        if not rows:
            return
        width = max(len([c for c in row if c.tag in ("td", "th")]) for row in rows)
        if not width:
            return
        table: Table = place.container.add_table(rows=len(rows), cols=width)
        table._tbl.tblPr.style = "TableGrid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(c for c in row if c.tag in ("td", "th")):
                fmt = place.fmt.but(bold=True) if cell.tag == "th" else place.fmt
                self.children(_Place(table.cell(r, c), fmt=fmt), cell, depth=0)
        add_paragraph(place.container)  # Word needs a paragraph between a table and what follows


class _Inline:
    """Inline HTML into the runs of one paragraph: text with bold, italic and the like, links, breaks."""

    def __init__(self, writer: WordWriter, paragraph: Paragraph) -> None:
        self.writer = writer
        self.paragraph = paragraph

    def element(self, element: Any, fmt: _Format) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        fmt = fmt.but(**_INLINE_FORMATS.get(tag, {}))
        if tag == "br":
            self._break()
        elif tag == "img":
            self.image(element, fmt)
        elif tag == "input" and element.get("type") == "checkbox":
            self.add_text("☒ " if element.get("checked") is not None else "☐ ", fmt)
        elif tag in ("script", "style", "button", "svg"):
            pass
        else:
            self.add_text(element.text or "", fmt)
            for child in element:
                if isinstance(child.tag, str):
                    self.element(child, fmt)
                self.add_text(child.tail or "", fmt)
            if tag == "a":
                href = element.get("href") or ""
                shown = element.text_content().strip()
                if href.startswith(("http://", "https://")) and href.rstrip("/") != shown.rstrip("/"):
                    self.add_text(f" ({href})", fmt)

    def add_text(self, text: str, fmt: _Format | None = None) -> None:
        text = RE_SPACE.sub(" ", text)
        if not text:
            return
        if text.startswith(" ") and self._ends_with_space():
            text = text[1:]
            if not text:
                return
        run = self.paragraph.add_run(text)
        fmt = fmt or _Format()
        if fmt.bold:
            run.bold = True
        if fmt.italic:
            run.italic = True
        if fmt.underline:
            run.underline = True
        if fmt.strike:
            run.font.strike = True
        if fmt.superscript:
            run.font.superscript = True
        if fmt.subscript:
            run.font.subscript = True
        if fmt.code:
            run.font.name = "Courier New"

    def _ends_with_space(self) -> bool:
        runs = self.paragraph.runs
        if not runs:
            return True  # nothing before: a paragraph does not start with a space
        last = runs[-1]
        if last._r.findall(qn("w:br")) and not last.text.replace("\n", ""):
            return True
        return last.text.endswith((" ", "\n"))

    def _break(self) -> None:
        runs = self.paragraph.runs
        if runs and runs[-1].text.endswith(" "):
            runs[-1].text = runs[-1].text.rstrip(" ")
        self.paragraph.add_run().add_break()

    def image(self, element: Any, fmt: _Format) -> None:
        source = element.get("src") or ""
        folder = self.writer.images
        if folder is not None and source and "://" not in source and not source.startswith(("/", "data:")):
            path = (folder / source).resolve()
            if path.suffix.lower() in RASTER and path.is_file() and path.is_relative_to(folder.resolve()):
                self.paragraph.add_run().add_picture(str(path), width=min(Cm(12), TEXT_WIDTH))
                return
        alt = (element.get("alt") or "").strip()
        if alt:
            self.add_text(f"[{alt}]", fmt.but(italic=True))


def _trim(paragraph: Paragraph) -> None:
    """No space at the end of a paragraph (HTML's line ends before a closing tag)."""
    for run in reversed(paragraph.runs):
        if run.text.strip():
            run.text = run.text.rstrip()
            return
        if run._r.findall(qn("w:br")) or run._r.findall(qn("w:drawing")):
            return
        if run.text:
            run._r.getparent().remove(run._r)


# -- saving ----------------------------------------------------------------------------------------


def save_reproducible(doc: DocumentObject, epoch: int, *, title: str, lang: str, creator: str) -> bytes:
    """The document's bytes, the same for the same content on any day and machine: the core properties
    dated ``epoch`` (seconds since 1970, UTC) and every zip entry too, in python-docx's order."""
    when = datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)
    props = doc.core_properties
    props.title = title
    props.language = WORD_LANGUAGES.get(lang, lang)
    props.author = creator
    props.last_modified_by = creator
    props.created = when
    props.modified = when
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue(), epoch)


def normalise_zip(data: bytes, epoch: int) -> bytes:
    """The same archive with one fixed date on every entry, fixed attributes, one compression level."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            target.writestr(fixed, source.read(info.filename), compresslevel=6)
    return out.getvalue()


def iter_headings(doc: DocumentObject) -> Iterator[tuple[int, str]]:
    """``(level, text)`` of every heading in order (0 for the title): the document's outline."""
    for paragraph in doc.paragraphs:
        style = paragraph._p.style or ""
        if style == "Title":
            yield 0, paragraph.text
        elif style.startswith("Heading"):
            yield int(style[len("Heading") :]), paragraph.text
