"""The help markup, built once here for the blocks and the plugin's templates alike: the sentence that
points to the main hotline (the banner on every page, the 404 page, the end of every quiz) and the
``/// helplines`` block; a number is a tel: link made by :func:`number_link` wherever it appears."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from html import escape

from markdown.util import AtomicString
from markupsafe import Markup

from ..labels import labels_for
from ..model.helplines import Helplines


def number_link(number: str, *, css: str = "", strong: bool = False) -> etree.Element:
    """A phone number as a link that dials it (``<a href="tel:…">``), in bold when ``strong``."""
    link = etree.Element("a", {"href": f"tel:{number}", **({"class": css} if css else {})})
    if strong:
        etree.SubElement(link, "strong").text = AtomicString(number)
    else:
        link.text = AtomicString(number)
    return link


def hotline_sentence(helplines: Helplines, lang: str, label: str) -> Markup:
    """The label ``label`` in ``lang`` with the main hotline filled in: its number as a tel: link, its
    name and its note (``{number}``, ``{name}``, ``{note}``), HTML-escaped."""
    line = helplines.main
    number = etree.tostring(number_link(line.number, strong=True), encoding="unicode", method="html")
    text = escape(labels_for(lang)[label]).replace("{name}", escape(line.name.get(lang, "")))
    return Markup(text.replace("{note}", escape(line.note.get(lang, ""))).replace("{number}", number))


def help_html(helplines: Helplines | None, lang: str) -> str:
    """The few lines of help at the end of a quiz: a trusted adult and the main hotline."""
    return f"<p>{hotline_sentence(helplines, lang, 'quiz_help')}</p>" if helplines else ""


def render_helplines(box: etree.Element, data: Helplines, lang: str) -> None:
    """The ``/// helplines`` block into ``box``: every hotline (its number a tel: link), the trusted adults,
    where to report, and the sources. Elements, not text: the table of contents reads the headings; the
    data file's values are text (``AtomicString``: never read as Markdown or HTML)."""
    labels = labels_for(lang)
    table = etree.SubElement(box, "table", {"class": "lk-hotlines"})
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for key in ("hotline_number", "hotline_name", "hotline_note"):
        etree.SubElement(head, "th", {"scope": "col"}).text = labels[key]
    body = etree.SubElement(table, "tbody")
    for line in data.hotlines:
        row = etree.SubElement(body, "tr")
        cell = etree.SubElement(row, "th", {"scope": "row"})
        cell.append(number_link(line.number, css="lk-hotline-number"))
        etree.SubElement(row, "td").text = AtomicString(line.name.get(lang, ""))
        note = etree.SubElement(row, "td")
        note.text = AtomicString(line.note.get(lang, ""))
    etree.SubElement(box, "h3").text = labels["trusted_adults"]
    adults = etree.SubElement(box, "ul")
    for adult in data.trusted_adults.get(lang, []):
        etree.SubElement(adults, "li").text = AtomicString(adult)
    etree.SubElement(box, "h3").text = labels["report_to"]
    etree.SubElement(box, "p").text = AtomicString(data.report_to.get(lang, ""))
    sources = [line.source for line in data.hotlines if line.source]
    if sources:
        para = etree.SubElement(box, "p", {"class": "lk-sources"})
        para.text = labels["source"] + ": "
        for index, source in enumerate(sources):
            link = etree.SubElement(para, "a", {"href": source["url"]})
            link.text = AtomicString(source["title"])
            if index < len(sources) - 1:
                link.tail = "; "
