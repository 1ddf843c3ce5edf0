"""Reading a generated Word document back with python-docx, for the tests: its outline, lists and key."""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn


@dataclass(frozen=True)
class Item:
    """One paragraph or table of the body, in order.

    ``kind`` is ``H`` (a heading, ``level`` 0 for the title), ``L`` (a list item: ``level`` from 0,
    ``fmt`` the list's number format, ``num`` its list), ``P`` (any other paragraph) or ``T`` (a table:
    ``text`` its cells, rows joined by `` / ``).
    """

    kind: str
    text: str
    level: int = 0
    fmt: str = ""
    num: int = 0

    def line(self) -> str:
        if self.kind == "H":
            return f"{'#' * self.level or '='} {self.text}"
        if self.kind == "L":
            marker = {"bullet": "-", "decimal": "1.", "upperLetter": "A."}.get(self.fmt, self.fmt)
            return f"{'  ' * self.level}{marker} {self.text}"
        if self.kind == "T":
            return f"[table] {self.text}"
        return self.text


def open_docx(data: bytes) -> DocumentObject:
    return Document(io.BytesIO(data))


def _formats(doc: DocumentObject) -> dict[int, dict[int, str]]:
    """numId -> level -> number format."""
    numbering = doc.part.numbering_part.element
    abstract = {
        a.get(qn("w:abstractNumId")): {
            int(lvl.get(qn("w:ilvl"))): lvl.find(qn("w:numFmt")).get(qn("w:val")) for lvl in a.findall(qn("w:lvl"))
        }
        for a in numbering.findall(qn("w:abstractNum"))
    }
    return {
        int(num.get(qn("w:numId"))): abstract[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        for num in numbering.findall(qn("w:num"))
    }


def items(doc: DocumentObject) -> list[Item]:
    """The body's paragraphs and tables in order."""
    formats = _formats(doc)
    found: list[Item] = []
    for block in doc.iter_inner_content():
        if not hasattr(block, "style"):
            continue
        if not hasattr(block, "runs"):  # a table
            rows = [" | ".join(cell.text for cell in row.cells) for row in block.rows]
            found.append(Item("T", " / ".join(rows)))
            continue
        style = block._p.style or ""
        ppr = block._p.pPr
        numpr = ppr.numPr if ppr is not None else None
        if style == "Title":
            found.append(Item("H", block.text, 0))
        elif style.startswith("Heading"):
            found.append(Item("H", block.text, int(style[len("Heading") :])))
        elif numpr is not None:
            num, level = numpr.numId.val, numpr.ilvl.val
            found.append(Item("L", block.text, level, formats[num][level], num))
        else:
            found.append(Item("P", block.text))
    return found


def headings(doc: DocumentObject) -> list[tuple[int, str]]:
    return [(i.level, i.text) for i in items(doc) if i.kind == "H"]


def outline(doc: DocumentObject) -> str:
    """The document as text, one line per paragraph or table: its golden structure."""
    return "\n".join(i.line() for i in items(doc)) + "\n"
