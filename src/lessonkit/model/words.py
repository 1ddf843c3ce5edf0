"""Word lists: the level's ``avoid`` words and the global ``never`` list, matched as whole words."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

RE_NUMBERISH = re.compile(r"^[\d .\-]+$")
#: What people write between the digits of a phone number: spaces (not a line break), dots, hyphens and
#: dashes of every kind, slashes, underscores, middle dots, brackets; any number of them, or none.
NUMBER_SEPARATORS = r"(?:[^\S\n]|[.\-\u2010-\u2015\u2212/_\u00b7()])*"


@cache
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern for ``phrase`` as a whole word or phrase, in any case.

    A phone number also matches whatever separators it is written with, or none ("1800 1567",
    "18001567", "1800.1567", "1800-1567", "1800 – 1567", "(1800) 1567", "1 800 15 67").
    """
    return re.compile(rf"(?<![\w]){_body(phrase)}(?![\w])", re.IGNORECASE)


def _body(phrase: str) -> str:
    phrase = unicodedata.normalize("NFC", phrase.strip())
    if RE_NUMBERISH.match(phrase):
        digits = [d for d in phrase if d.isdigit()]
        return NUMBER_SEPARATORS.join(digits)
    return r"\s+".join(re.escape(word) for word in phrase.split())


@cache
def _any_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching wherever any of ``phrases`` matches: most text has none, so one search
    of the whole file replaces a search per line and phrase."""
    return re.compile(rf"(?<![\w])(?:{'|'.join(_body(p) for p in phrases)})(?![\w])", re.IGNORECASE)


def find_words(lines: list[tuple[int, str]], phrases: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """``(line, phrase, text found)`` for every phrase found in ``lines``, in line order."""
    found: list[tuple[int, str, str]] = []
    patterns = [(p, phrase_pattern(p)) for p in phrases if p.strip()]
    if not patterns:
        return found
    anywhere = _any_pattern(tuple(p for p, _ in patterns))
    if not anywhere.search(unicodedata.normalize("NFC", "\n".join(text for _, text in lines))):
        return found
    for number, text in lines:
        text = unicodedata.normalize("NFC", text)
        if not anywhere.search(text):
            continue
        for phrase, pattern in patterns:
            match = pattern.search(text)
            if match:
                found.append((number, phrase, match.group(0)))
    return found
