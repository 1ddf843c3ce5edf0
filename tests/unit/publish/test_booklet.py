"""The booklet's HTML work (src/lessonkit/publish/booklet.py): a page's HTML moved into a level's booklet."""

from __future__ import annotations

import pytest

from lessonkit.publish.booklet import (
    BOOKLET_SUMMARY_ATTRIBUTE,
    as_printout,
    part,
    prefix_ids,
    rebase,
    relative_url,
    shift_headings,
)

LESSON = "lessons/primary/trusted-adults/index.html"
BOOKLET = "lessons/primary/booklet.html"


@pytest.mark.parametrize(
    "address, wanted",
    [
        ("quiz.html", "trusted-adults/quiz.html"),
        ("images/hand.png", "trusted-adults/images/hand.png"),
        ("../say-no/index.html#step-2", "say-no/index.html#step-2"),
        ("../index.html", "index.html"),
        ("../../../help.html", "../../help.html"),
        ("lesson-plan.docx?x=1", "trusted-adults/lesson-plan.docx?x=1"),
        ("../../lower-secondary/x/", "../lower-secondary/x/"),
    ],
)
def test_relative_addresses_point_from_the_booklet_to_the_same_place(address, wanted):
    html = f'<p><a href="{address}">x</a> <img src="{address}" alt=""></p>'
    assert rebase(html, LESSON, BOOKLET) == f'<p><a href="{wanted}">x</a> <img src="{wanted}" alt=""></p>'


@pytest.mark.parametrize(
    "address",
    ["https://tongdai111.vn/", "tel:111", "mailto:a@b.vn", "#lk-q-1", "/absolute.html", "data:image/png;base64,AA"],
)
def test_other_addresses_stay(address):
    html = f'<a href="{address}">x</a>'
    assert rebase(html, LESSON, BOOKLET) == html


def test_a_booklet_with_directory_addresses():
    html = '<a href="quiz/">q</a><img src="images/a.png" alt="">'
    moved = rebase(html, "lessons/primary/trusted-adults/", "lessons/primary/booklet/")
    assert moved == '<a href="../trusted-adults/quiz/">q</a><img src="../trusted-adults/images/a.png" alt="">'
    assert relative_url("lessons/primary/x/quiz.html", "lessons/primary/booklet.html") == "x/quiz.html"


def test_ids_and_every_reference_to_them_get_the_prefix():
    html = (
        '<h2 id="steps">S</h2><form id="lk-q-1" aria-labelledby="lk-q-1-t lk-q-1-h">'
        '<input type="radio" name="lk-q-1" id="lk-q-1-a"><label for="lk-q-1-a">A</label></form>'
        '<a href="#steps">up</a><a href="quiz.html#lk-q-1">there</a>'
    )
    assert prefix_ids(html, "m3-lesson") == (
        '<h2 id="m3-lesson-steps">S</h2><form id="m3-lesson-lk-q-1" aria-labelledby="m3-lesson-lk-q-1-t '
        'm3-lesson-lk-q-1-h"><input type="radio" name="m3-lesson-lk-q-1" id="m3-lesson-lk-q-1-a">'
        '<label for="m3-lesson-lk-q-1-a">A</label></form><a href="#m3-lesson-steps">up</a>'
        '<a href="quiz.html#lk-q-1">there</a>'
    )


def test_headings_go_down_and_stop_at_h6():
    html = '<h2 id="a">A</h2><h3>B</h3><h5 class="x">C</h5><header>h</header><hr>'
    assert shift_headings(html, 2) == '<h4 id="a">A</h4><h5>B</h5><h6 class="x">C</h6><header>h</header><hr>'


def test_the_quiz_becomes_a_printout():
    html = '<div class="lk-summary" data-lk-summary data-lk-page="x" hidden></div>'
    assert as_printout(html) == f'<div class="lk-summary" {BOOKLET_SUMMARY_ATTRIBUTE} data-lk-page="x" hidden></div>'


def test_a_part_does_all_of_it():
    html = '<h2 id="a">A</h2><a href="family.html">f</a><div data-lk-summary></div>'
    made = part("lesson", "Plan", html, LESSON, BOOKLET, "m1-lesson", 2)
    assert made.html == (
        f'<h4 id="m1-lesson-a">A</h4><a href="trusted-adults/family.html">f</a><div {BOOKLET_SUMMARY_ATTRIBUTE}></div>'
    )
    assert (made.kind, made.label, made.anchor) == ("lesson", "Plan", "m1-lesson")


def test_labelled_regions_are_named_after_their_module():
    html = '<section class="lk-card" aria-label="About this lesson"><p aria-hidden="true">x</p></section>'
    made = part("lesson", "Plan", html, LESSON, BOOKLET, "m1-lesson", 1, "Safe &amp; sound")
    assert 'aria-label="About this lesson: Safe &amp; sound"' in made.html
