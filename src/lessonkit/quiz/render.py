"""The HTML of a question (see ``README.md`` beside this file for the contract with the script)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from html import escape

from ..helplines import Helplines
from .strings import strings_for
from .syntax import Question


def _paragraphs(parent: etree.Element, text: str) -> None:
    """Add ``text`` as paragraphs; their text stays Markdown, for the inline processors to render."""
    for chunk in (c.strip() for c in text.split("\n\n")):
        if chunk:
            etree.SubElement(parent, "p").text = chunk


def build_question(form: etree.Element, question: Question, number: int, lang: str) -> None:
    """Fill ``form`` (an empty ``<form>``) with question ``number`` of the page."""
    strings = strings_for(lang)
    qid = f"lk-q-{number}"
    form.attrib.update({
        "class": "lk-question", "id": qid, "data-lk-question": "", "data-lk-type": question.type,
        "data-lk-key": question.key(), "novalidate": "",
    })
    fieldset = etree.SubElement(form, "fieldset")
    legend = etree.SubElement(fieldset, "legend", {"class": "lk-question__text"})
    num = etree.SubElement(legend, "span", {"class": "lk-question__number"})
    num.text = strings["question_number"].format(n=number)
    num.tail = " " + question.text
    if question.type == "multiple":
        # Check boxes alone do not tell every pupil that all the right answers are wanted.
        hint = etree.SubElement(fieldset, "p", {"class": "lk-question__hint", "id": f"{qid}-hint"})
        hint.text = strings["choose_all"]
        fieldset.set("aria-describedby", f"{qid}-hint")
    options = etree.SubElement(fieldset, "ul", {"class": "lk-options"})
    kind = "radio" if question.type == "single" else "checkbox"
    for index, option in enumerate(question.options, start=1):
        oid = f"{qid}-{index}"
        item = etree.SubElement(options, "li", {"class": "lk-option", "data-lk-correct": "true" if option.correct else "false"})
        etree.SubElement(item, "input", {"type": kind, "name": qid, "id": oid, "value": str(index)})
        etree.SubElement(item, "label", {"for": oid}).text = option.text
        if option.correct:
            # Shown only in print, on the teacher's copy: the answer key, with or without JavaScript.
            key = etree.SubElement(item, "span", {"class": "lk-key", "hidden": "hidden"})
            key.text = "✓ " + strings["mark_answer"]
        feedback = etree.SubElement(item, "div", {"class": "lk-feedback", "id": f"{oid}-fb", "hidden": "hidden"})
        _paragraphs(feedback, option.feedback)
    if question.explanation:
        explanation = etree.SubElement(form, "div", {"class": "lk-explanation", "hidden": "hidden"})
        _paragraphs(explanation, question.explanation)
    actions = etree.SubElement(form, "div", {"class": "lk-question__actions"})
    button = etree.SubElement(actions, "button", {"type": "submit", "class": "lk-check md-button md-button--primary"})
    button.text = strings["check"]
    etree.SubElement(form, "p", {"class": "lk-question__result", "aria-live": "polite"})
    details = etree.SubElement(form, "details", {"class": "lk-answer"})
    etree.SubElement(details, "summary").text = strings["answer_key"]
    etree.SubElement(details, "p").text = strings["correct_answers"]
    answers = etree.SubElement(details, "ul")
    for option in question.options:
        if option.correct:
            etree.SubElement(answers, "li").text = option.text
    if question.explanation:
        _paragraphs(details, question.explanation)


def summary_html(lang: str, page_key: str, helplines: Helplines | None, help_html: str) -> str:
    """The page summary: score, the kind closing message and where to get help."""
    strings = strings_for(lang)
    data = escape(json.dumps(strings, ensure_ascii=False), quote=True)
    return (
        f'<section class="lk-summary" data-lk-summary data-lk-page="{escape(page_key, quote=True)}" '
        f'data-lk-strings="{data}" aria-labelledby="lk-summary-title" hidden>'
        f'<h2 id="lk-summary-title">{escape(strings["summary_title"])}</h2>'
        f'<p class="lk-score" role="status" aria-live="polite" data-lk-score></p>'
        f'<div class="lk-complete" data-lk-complete hidden>'
        f'<p class="lk-complete__message" data-lk-complete-message></p>'
        f'<div class="lk-help">{help_html}</div></div>'
        f'<button type="button" class="lk-restart md-button" data-lk-restart>{escape(strings["start_again"])}</button>'
        f"</section>"
    )
