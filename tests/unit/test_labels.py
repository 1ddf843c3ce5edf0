"""Every label the plugin and the quiz show exists in both languages, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from lessonkit import LANGUAGES
from lessonkit.labels import LABELS
from lessonkit.quiz.strings import STRINGS


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("table", [LABELS, STRINGS], ids=["labels", "quiz-strings"])
def test_both_languages_have_every_key_with_the_same_placeholders(table: dict[str, dict[str, str]]) -> None:
    assert set(table) == set(LANGUAGES)
    vi, en = table["vi"], table["en"]
    assert set(vi) == set(en)
    for key in vi:
        assert vi[key].strip() and en[key].strip(), key
        assert placeholders(vi[key]) == placeholders(en[key]), key
