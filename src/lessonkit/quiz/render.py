"""The HTML of the quiz and of read aloud (see ``README.md`` beside this file for the contract with the
script).

Everything the script works on is written here, at build time: every button (hidden until the script
shows it), the hint, the marks, the status region and, on the summary, the strings the script says.
The script only shows, hides and fills in; it never creates markup.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from ..model.quiz import Question
from .strings import script_strings, strings_for

#: A loudspeaker with one sound wave (24 x 24), drawn for this project; coloured by the button's text.
SPEAKER_PATH = "M3 9h4l5-4v14l-5-4H3zM15.5 8.5a5 5 0 0 1 0 7l-1.4-1.4a3 3 0 0 0 0-4.2z"


def _paragraphs(parent: etree.Element, text: str) -> None:
    """Add ``text`` as paragraphs; their text stays Markdown, for the inline processors to render."""
    for chunk in (c.strip() for c in text.split("\n\n")):
        if chunk:
            etree.SubElement(parent, "p").text = chunk


def _button(parent: etree.Element, classes: str, label: str, **attrs: str) -> etree.Element:
    """A ``<button type="button">`` with ``classes`` and ``label``, hidden until the script shows it
    (``attrs`` are added as they are)."""
    button = etree.SubElement(parent, "button", {"type": "button", "class": classes, "hidden": "hidden", **attrs})
    button.text = label
    return button


def build_read_button(parent: etree.Element, lang: str) -> etree.Element:
    """Append the read-aloud button of the block ``parent`` (a question or a ``/// student`` block).

    Hidden: the script shows it only where the browser can speak the page's language. It reads its
    parent element, so it must stay a direct child of the block it reads."""
    button = _button(parent, "lk-read", "", **{"data-lk-read": "", "aria-pressed": "false"})
    icon = etree.SubElement(
        button,
        "svg",
        {
            "class": "lk-read__icon",
            "viewBox": "0 0 24 24",
            "width": "20",
            "height": "20",
            "aria-hidden": "true",
            "focusable": "false",
        },
    )
    etree.SubElement(icon, "path", {"d": SPEAKER_PATH})
    icon.tail = " " + strings_for(lang)["read_aloud"]
    button.tail = "\n"
    return button


def build_question(form: etree.Element, question: Question, number: int, lang: str) -> None:
    """Fill ``form`` (an empty ``<form>``) with question ``number`` of the page."""
    strings = strings_for(lang)
    qid = f"lk-q-{number}"
    form.attrib.update(
        {
            "class": "lk-question",
            "id": qid,
            "data-lk-question": "",
            "data-lk-type": question.type,
            "data-lk-key": question.key(),
            "novalidate": "",
        }
    )
    # Outside the fieldset: a checked question's fieldset is disabled, and the button must still work.
    build_read_button(form, lang)
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
        item = etree.SubElement(
            options, "li", {"class": "lk-option", "data-lk-correct": "true" if option.correct else "false"}
        )
        etree.SubElement(item, "input", {"type": kind, "name": qid, "id": oid, "value": str(index)})
        etree.SubElement(item, "label", {"for": oid}).text = option.text
        if option.correct:
            # Shown only in print, on the teacher's copy: the answer key, with or without JavaScript.
            key = etree.SubElement(item, "span", {"class": "lk-key", "hidden": "hidden"})
            key.text = "✓ " + strings["mark_answer"]
        # Right / not right after checking, a symbol and a word: the script fills both in and shows it.
        mark = etree.SubElement(item, "span", {"class": "lk-mark", "id": f"{oid}-mark", "hidden": "hidden"})
        etree.SubElement(mark, "span", {"class": "lk-mark__icon", "aria-hidden": "true"}).tail = " "
        etree.SubElement(mark, "span", {"class": "lk-mark__word"})
        feedback = etree.SubElement(item, "div", {"class": "lk-feedback", "id": f"{oid}-fb", "hidden": "hidden"})
        _paragraphs(feedback, option.feedback)
    if question.explanation:
        explanation = etree.SubElement(form, "div", {"class": "lk-explanation", "hidden": "hidden"})
        _paragraphs(explanation, question.explanation)
    actions = etree.SubElement(form, "div", {"class": "lk-question__actions"})
    check = etree.SubElement(actions, "button", {"type": "submit", "class": "lk-check md-button md-button--primary"})
    check.text = strings["check"]
    _button(actions, "lk-retry md-button", strings["try_again"])
    _button(actions, "lk-show md-button", strings["show_answers"])
    # tabindex: the script moves focus here after checking.
    etree.SubElement(form, "p", {"class": "lk-question__result", "aria-live": "polite", "tabindex": "-1"})
    details = etree.SubElement(form, "details", {"class": "lk-answer"})
    etree.SubElement(details, "summary").text = strings["answer_key"]
    etree.SubElement(details, "p").text = strings["correct_answers"]
    answers = etree.SubElement(details, "ul")
    for option in question.options:
        if option.correct:
            etree.SubElement(answers, "li").text = option.text
    if question.explanation:
        _paragraphs(details, question.explanation)


def build_summary(lang: str, page_key: str, help_placeholder: str) -> etree.Element:
    """The page summary: the score (``role="status"``), the kind closing message, where to get help and
    "start again"; it carries the strings the script says (``data-lk-strings``) and, when ``page_key``
    is not empty, the page's key for saved progress (``data-lk-page``).

    ``help_placeholder`` becomes the text of the help box: a placeholder of Markdown's HTML stash,
    replaced by the help HTML when the page is serialised (empty: no help box content)."""
    strings = strings_for(lang)
    attrs = {
        "class": "lk-summary",
        "data-lk-summary": "",
        "aria-labelledby": "lk-summary-title",
        "hidden": "hidden",
        "data-lk-strings": json.dumps(script_strings(lang), ensure_ascii=False, separators=(",", ":")),
    }
    if page_key:
        attrs["data-lk-page"] = page_key
    summary = etree.Element("section", attrs)
    summary.text = "\n"
    etree.SubElement(summary, "h2", {"id": "lk-summary-title"}).text = strings["summary_title"]
    etree.SubElement(summary, "p", {"class": "lk-score", "role": "status", "aria-live": "polite", "data-lk-score": ""})
    complete = etree.SubElement(summary, "div", {"class": "lk-complete", "data-lk-complete": "", "hidden": "hidden"})
    complete.text = "\n"
    etree.SubElement(
        complete, "p", {"class": "lk-complete__message", "data-lk-complete-message": "", "aria-live": "polite"}
    )
    etree.SubElement(complete, "div", {"class": "lk-help"}).text = help_placeholder
    restart = etree.SubElement(
        summary, "button", {"type": "button", "class": "lk-restart md-button", "data-lk-restart": ""}
    )
    restart.text = strings["start_again"]
    for child in (*summary, *complete):
        child.tail = "\n"
    summary.tail = "\n"
    return summary
