"""Word lists: the level's ``avoid`` words and the global ``never`` list, matched as whole words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

RE_NUMBERISH = re.compile(r"^[\d .\-]+$")


@lru_cache(maxsize=None)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern for ``phrase`` as a whole word or phrase, in any case.

    A phone number also matches when written with other separators or none ("1800 1567",
    "18001567", "1800.1567", "1800-1567").
    """
    phrase = unicodedata.normalize("NFC", phrase.strip())
    if RE_NUMBERISH.match(phrase):
        digits = [d for d in phrase if d.isdigit()]
        body = r"[\s.\-]?".join(digits)
    else:
        body = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)


def find_words(lines: list[tuple[int, str]], phrases: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """``(line, phrase, text found)`` for every phrase found in ``lines``, in line order."""
    found: list[tuple[int, str, str]] = []
    patterns = [(p, phrase_pattern(p)) for p in phrases if p.strip()]
    for number, text in lines:
        text = unicodedata.normalize("NFC", text)
        for phrase, pattern in patterns:
            match = pattern.search(text)
            if match:
                found.append((number, phrase, match.group(0)))
    return found
