"""words.phrase_pattern and find_words: whole words or phrases in any case; phone numbers any way written."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonkit.model.words import find_words, phrase_pattern


@pytest.mark.parametrize(
    "phrase, text",
    [
        ("organ", "an organ bank"),
        ("organ", "Organ."),
        ("organ", "(ORGAN)"),
        ("sold as a wife", "she was sold  as\ta wife"),
        ("nội tạng", "buôn bán NỘI TẠNG là tội ác"),
        ("1800 1567", "call 1800 1567 now"),
        ("1800 1567", "18001567"),
        ("1800 1567", "1800-1567"),
        ("1800 1567", "1800.1567"),
        ("18001567", "1800 1567"),
        ("18001567", "1800-1567"),
        ("1800.1567", "18001567"),
        ("1800 1567", "1800--1567"),
        ("1800 1567", "1800 – 1567"),
        ("1800 1567", "1800\u20111567"),  # a non-breaking hyphen, as a word processor writes it
        ("1800 1567", "(1800) 1567"),
        ("1800 1567", "1 800 15 67"),
        ("1800 1567", "1800/1567"),
        ("1800 1567", "1800\u00a01567"),  # a no-break space
        ("1800 1567", "gọi 1800.15.67 nhé"),
        ("ma cô", "một ma cô"),
    ],
)
def test_matches(phrase, text):
    assert phrase_pattern(phrase).search(text)


@pytest.mark.parametrize(
    "phrase, text",
    [
        ("organ", "organise"),
        ("organ", "organisation"),
        ("organ", "reorgan"),
        ("organ", "organ_bank"),
        ("organ", "organ1"),
        ("sold as a wife", "sold as a wifely"),
        ("1800 1567", "218001567"),
        ("1800 1567", "180015670"),
        ("1800 1567", "1800 156"),
        ("1800 1567", "1800\n1567"),  # a line break ends the number
        ("1800 1567", "1800, 1567"),  # two numbers in a list
        ("1800 1567", "1800 and 1567"),
        ("nội tạng", "nội tạngx"),
        ("ma cô", "ma côi"),
    ],
)
def test_does_not_match(phrase, text):
    assert not phrase_pattern(phrase).search(text)


def test_composed_and_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "nội tạng")
    assert find_words([(3, f"về {decomposed}.")], ("nội tạng",)) == [(3, "nội tạng", "nội tạng")]


def test_find_words_reports_line_phrase_and_text_in_line_order():
    lines = [(1, "nothing here"), (2, "An Organ and 1800-1567"), (5, "organ")]
    assert find_words(lines, ("organ", "1800 1567", " ")) == [
        (2, "organ", "Organ"),
        (2, "1800 1567", "1800-1567"),
        (5, "organ", "organ"),
    ]


def test_a_phrase_is_matched_within_one_line():
    assert find_words([(1, "sold as"), (2, "a wife")], ("sold as a wife",)) == []
    assert find_words([(1, "nothing to see")], ("organ", "1800 1567")) == []
    assert find_words([(1, "organ")], ()) == []


PHRASES = ("organ", "nội tạng", "sold as a wife", "1800 1567", "18001567", "ma cô", "prostitution")
TEXT = st.lists(
    st.sampled_from(
        [
            "organ",
            "Organs",
            "nội",
            "tạng",
            "NỘI TẠNG",
            "sold",
            "as",
            "a",
            "wife",
            "1800",
            "1567",
            "-",
            ".",
            " ",
            "  ",
            "\t",
            "ma",
            "cô",
            "x",
            "_",
            "ạ",
            "18001567",
            "prostitution",
        ]
    )
    | st.text(max_size=4),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(TEXT, max_size=6), phrases=st.lists(st.sampled_from(PHRASES), max_size=5, unique=True))
def test_find_words_equals_one_search_per_line_and_phrase(lines, phrases):
    """The whole-file shortcut of find_words finds exactly what the plain per-line search finds."""
    numbered = list(enumerate(lines, start=1))
    expected = []
    for number, text in numbered:
        text = unicodedata.normalize("NFC", text)
        for phrase in phrases:
            match = phrase_pattern(phrase).search(text)
            if match:
                expected.append((number, phrase, match.group(0)))
    assert find_words(numbered, tuple(phrases)) == expected
