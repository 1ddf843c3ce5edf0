"""Every message the checker prints, in every language it speaks: one catalogue.

A problem keeps the catalogue key and the values it was made from, so the same problem can be said in
English (what the build, the tests and machine consumers read) or in Vietnamese (what a teacher reads)
without the two texts drifting apart: the English text is nowhere else in the code.

Templates use ``str.format`` fields with names (``{field}``); both languages of one key must use the
same names (tests/checker/test_messages_vi.py checks it). A value may itself be a :class:`Message`
(a hint, a counted noun), rendered in the same language. Where one problem code has several wordings,
each wording has its own key (``field-type.text``, ``field-type.grades``); the problem's ``code``
stays the same, since machines match on it.

Vietnamese wording follows the authoring guide (docs/authoring.vi.md): "bài học", "tệp", "mục" for a
field or YAML key, "khối", "phương án", "phản hồi", "lời giải thích", "mã bài"; field names, keys and
file names stay as written, in quotes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Union

from ..strings import SOURCE_LANGUAGE, available, texts

#: Languages of the messages: those of the string catalogue. English is the default: the output
#: machines and the build rely on.
MESSAGE_LANGUAGES: tuple[str, ...] = available()
DEFAULT_MESSAGE_LANGUAGE = SOURCE_LANGUAGE
#: Keys ``language.<code>`` name a language (the catalogue's ``languages`` section), in any message.
LANGUAGE_KEY = "language."

#: A template value: text and numbers as they are, a Message rendered in the language asked for.
Param = Union[str, int, "Message"]


@dataclass(frozen=True)
class Message:
    """A catalogue key and its values: a text not yet put into words in a particular language."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    def text(self, lang: str = DEFAULT_MESSAGE_LANGUAGE) -> str:
        return render(self.key, self.params, lang)


def msg(key: str, /, **params: object) -> Message:
    """The message ``key`` with ``params``; values other than text, numbers and messages become text
    (``str()``, as the f-strings did), so a message never holds a mutable YAML value."""
    if key not in texts("messages", SOURCE_LANGUAGE):
        raise KeyError(f"no message '{key}' in the catalogue")  # a typo fails in tests, not at a teacher's desk
    return Message(
        key,
        tuple(
            (name, value if isinstance(value, (str, int, Message)) else str(value)) for name, value in params.items()
        ),
    )


def render(key: str, params: Iterable[tuple[str, Param]], lang: str = DEFAULT_MESSAGE_LANGUAGE) -> str:
    """The text of ``key`` in ``lang`` (English when the language is unknown)."""
    if key.startswith(LANGUAGE_KEY):  # a language's name, from the catalogue's "languages" section
        return texts("languages", lang)[key[len(LANGUAGE_KEY) :]]
    template = texts("messages", lang)[key]
    return template.format(
        **{name: value.text(lang) if isinstance(value, Message) else value for name, value in params}
    )


def counted(noun: str, n: int) -> Message:
    """``n`` and a noun, in the singular or plural form (English has both; Vietnamese does not inflect)."""
    return msg(f"{noun}.{'one' if n == 1 else 'other'}", n=n)


def and_list(items: list[str] | tuple[str, ...]) -> Param:
    """``a and b and c`` in the language of the message (``' and '.join`` in English)."""
    if len(items) <= 1:
        return items[0] if items else ""
    return msg("list.and", first=and_list(items[:-1]), last=items[-1])


def language_name(lang: str) -> Param:
    """The name of a site language (``vi``: Vietnamese / tiếng Việt) in the language of the message."""
    return Message(f"{LANGUAGE_KEY}{lang}") if lang in texts("languages", DEFAULT_MESSAGE_LANGUAGE) else lang


#: Where the content rules are explained: the heading of that section in each language's authoring guide.
_SEE_EN = " (see the authoring guide, 'Content rules')"
_SEE_VI = " (xem mục 'Quy tắc nội dung' trong hướng dẫn soạn bài)"
