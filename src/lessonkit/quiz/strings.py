"""The strings of the quiz and of read aloud that a pupil sees or hears: the ``quiz`` section of the string
catalogue (``src/lessonkit/locales/<lang>.yml``).

The renderer writes most of them into the HTML at build time (buttons, hint, headings, answer key).
The ones the script says in the browser are listed in :data:`SCRIPT_STRINGS`; the renderer serialises
exactly those, for the page's language, into the page summary (``data-lk-strings``), and the script
reads them from there only: it has no copy of its own. Placeholders use ``{name}``: ``{check}`` is
filled by the renderer, ``{n}``, ``{m}``, ``{letter}`` and ``{text}`` by the script.
Tone: kind and encouraging, never shaming; Vietnamese as a teacher speaks to a pupil ("em").
"""

from __future__ import annotations

from ..strings import texts

#: The keys the script says (and reads from ``data-lk-strings``); everything else is written at build time.
SCRIPT_STRINGS: tuple[str, ...] = (
    "mark_right",
    "mark_wrong",
    "mark_answer",
    "result_right",
    "result_partial",
    "result_wrong",
    "result_none",
    "result_shown",
    "score",
    "complete_all",
    "complete_most",
    "complete_some",
    "read_option",
)


def strings_for(lang: str) -> dict[str, str]:
    """The quiz strings in ``lang``: the ``quiz`` section of the string catalogue (its one fallback rule)."""
    return texts("quiz", lang)


def script_strings(lang: str) -> dict[str, str]:
    """The strings the script says on a page in ``lang``, with the build-time placeholder ``{check}``
    already filled: what the renderer serialises into ``data-lk-strings``."""
    strings = strings_for(lang)
    return {key: strings[key].replace("{check}", strings["check"]) for key in SCRIPT_STRINGS}
