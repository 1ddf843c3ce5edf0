"""Moodle GIFT export: every exported file parsed back (with an independent reader) equals the quizzes."""

from __future__ import annotations

import pytest

from lessonkit.model import load
from lessonkit.model.quiz import Option, Question
from lessonkit.publish.gift import GiftError, GiftModule, escape, level_gift, question_gift, weight

from ..support import Build
from .gift_parser import parse


def expected_weights(question: Question) -> list[float]:
    right = sum(o.correct for o in question.options)
    wrong = len(question.options) - right
    if question.type == "single":
        return [100.0 if o.correct else 0.0 for o in question.options]
    return [100 / right if o.correct else -100 / wrong for o in question.options]


def assert_file_matches(build: Build, lang: str) -> int:
    """Every level's GIFT file in ``lang`` holds exactly that level's questions; returns how many."""
    catalogue = load(build.project)
    assert catalogue.curriculum is not None
    prefix = "" if lang == "vi" else f"{lang}/"
    total = 0
    for level in catalogue.curriculum.levels.values():
        modules = [m for m in catalogue.by_level(level.key) if m.files[lang].questions]
        path = build.site / f"{prefix}lessons/{level.key}/{level.key}-{lang}.gift"
        if not modules:
            assert not path.exists()
            continue
        parsed = parse(path.read_bytes().decode("utf-8"))
        source = [(m, q) for m in modules for q in m.files[lang].questions]
        assert len(parsed) == len(source), path
        for got, (module, question) in zip(parsed, source, strict=True):
            assert got.category.endswith("/" + " ".join(module.files[lang].fields["title"].replace("/", "-").split()))
            assert got.category.startswith(f"$course$/{level.name[lang]}/")
            assert got.text == " ".join(question.text.split())
            assert [a.text for a in got.answers] == [" ".join(o.text.split()) for o in question.options]
            assert [a.feedback for a in got.answers] == [" ".join(o.feedback.split()) for o in question.options]
            assert got.answers and [a.weight for a in got.answers] == pytest.approx(
                expected_weights(question), abs=1e-4
            )
            assert got.general_feedback == " ".join(question.explanation.split())
            if question.type == "multiple":
                assert sum(a.weight for a in got.answers) == pytest.approx(0, abs=1e-3)  # guessing all scores nothing
        total += len(parsed)
    return total


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_real_site_exports_every_question(real_site: Build, lang: str) -> None:
    catalogue = load(real_site.project)
    assert assert_file_matches(real_site, lang) == sum(len(m.files[lang].questions) for m in catalogue.modules)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sample_site_exports_every_question(basic_site: Build, lang: str) -> None:
    assert assert_file_matches(basic_site, lang) > 0


def test_catalogue_links_its_gift_file(basic_site: Build) -> None:
    assert 'href="primary-vi.gift"' in basic_site.page("lessons/primary/index.html")
    assert 'href="primary-en.gift"' in basic_site.page("en/lessons/primary/index.html")
    assert "Moodle" in basic_site.page("en/lessons/primary/index.html")


def test_special_characters_survive_the_round_trip() -> None:
    nasty = "a ~ b = c # d { e } f : g \\ h"
    question = Question(
        nasty,
        1,
        "multiple",
        [
            Option(f"right {nasty}", True, 2, f"fb {nasty}"),
            Option("also: right", True, 3, "x=y"),
            Option("wrong {1}", False, 4, "#no"),
        ],
        explanation=f"all {nasty}",
    )
    text = level_gift("Site: x", "Level {1}", [GiftModule("m-1", "Title: a/b", [question])])
    [parsed] = parse(text)
    assert parsed.text == nasty
    assert [a.text for a in parsed.answers] == [f"right {nasty}", "also: right", "wrong {1}"]
    assert [a.feedback for a in parsed.answers] == [f"fb {nasty}", "x=y", "#no"]
    assert [a.weight for a in parsed.answers] == [50.0, 50.0, -100.0]
    assert parsed.general_feedback == f"all {nasty}"
    assert parsed.category == "$course$/Level {1}/Title: a-b"


def test_escape_and_weights() -> None:
    assert escape("a:b\n c") == "a\\:b c"
    assert weight(3) == "33.33333" and weight(2) == "50" and weight(1) == "100" and weight(8) == "12.5"
    with pytest.raises(GiftError):
        weight(13)


def test_single_choice_marks_the_right_answer_with_equals() -> None:
    question = Question("Q?", 1, "single", [Option("no", False, 2, "fb1"), Option("yes", True, 3, "fb2")])
    assert question_gift(question, "t 1") == "::t 1::[markdown]Q?{\n\t~no#fb1\n\t=yes#fb2\n}"
