"""The help markup: the sentence that points to the main hotline (the banner on every page, the 404
page, the end of every quiz), built once here for the blocks and the plugin's templates alike."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..labels import labels_for
from ..model.helplines import Helplines


def hotline_sentence(helplines: Helplines, lang: str, label: str) -> Markup:
    """The label ``label`` in ``lang`` with the main hotline filled in: its number as a tel: link, its
    name and its note (``{number}``, ``{name}``, ``{note}``), HTML-escaped."""
    line = helplines.main
    number = f'<a href="tel:{escape(line.number, quote=True)}"><strong>{escape(line.number)}</strong></a>'
    text = escape(labels_for(lang)[label]).replace("{name}", escape(line.name.get(lang, "")))
    return Markup(text.replace("{note}", escape(line.note.get(lang, ""))).replace("{number}", number))


def help_html(helplines: Helplines | None, lang: str) -> str:
    """The few lines of help at the end of a quiz: a trusted adult and the main hotline."""
    return f"<p>{hotline_sentence(helplines, lang, 'quiz_help')}</p>" if helplines else ""
