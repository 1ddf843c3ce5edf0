"""The projector view of a module and the answer cards for its whole-class quiz.

:mod:`.deck` decides what each screen shows, from the lesson model; :func:`present_context` and
:func:`cards_context` give the templates (``theme/lessonkit/present.html``, ``cards.html``, inside
``shell.html``) their values; ``assets/present.js`` drives the page and ``assets/present.css`` and
``assets/cards.css`` lay it out. Every string comes from the ``present`` section of the catalogue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..quiz.strings import strings_for as quiz_strings
from ..strings import texts
from .deck import Deck, build_deck, split_step

ASSETS = Path(__file__).resolve().parent / "assets"
SCRIPT = ASSETS / "present.js"
STYLESHEET = ASSETS / "present.css"
CARDS_STYLESHEET = ASSETS / "cards.css"
#: The strings the script says (the rest the template writes into the page).
SCRIPT_STRINGS = ("announce", "start", "pause", "time_up", "tally_count", "summary_item")
CARD_LETTERS = ("A", "B", "C", "D")

__all__ = [
    "CARDS_STYLESHEET",
    "SCRIPT",
    "STYLESHEET",
    "Deck",
    "build_deck",
    "cards_context",
    "present_context",
    "split_step",
    "strings_for",
]


def strings_for(lang: str) -> dict[str, str]:
    """The ``present`` strings in ``lang``."""
    return texts("present", lang)


def screen_titles(deck: Deck, t: dict[str, str]) -> list[str]:
    """Each screen's title, in order, for the list of screens (the template numbers them the same way)."""
    titles = [deck.title] + [f"{s.number}. {s.title}" for s in deck.steps]
    if deck.messages:
        titles.append(t["key_messages"])
    count = len(deck.questions)
    titles += [t["question"].format(n=q.number, m=count) for q in deck.questions]
    if deck.questions:
        titles.append(t["summary_title"])
    return titles + [t["end_title"]]


def present_context(deck: Deck, lesson_url: str, cards_url: str | None) -> dict[str, Any]:
    """What ``lessonkit/present.html`` needs to write ``deck``, besides the site's labels (``t``, which every
    template of ours gets): the strings (``ui`` the projector's, ``q`` the quiz's), the links, the screens'
    titles."""
    t = strings_for(deck.lang)
    titles = screen_titles(deck, t)
    assert len(titles) == deck.count
    return {
        "deck": deck,
        "ui": t,
        "q": quiz_strings(deck.lang),
        "strings": {key: t[key] for key in SCRIPT_STRINGS},
        "screen_titles": titles,
        "page_title": t["page_title"].format(title=deck.title),
        "lesson_url": lesson_url,
        "cards_url": cards_url,
    }


def cards_context(lang: str) -> dict[str, Any]:
    """What ``lessonkit/cards.html`` needs."""
    return {"ui": strings_for(lang), "letters": CARD_LETTERS}
