"""What a teacher and a pupil see on a school PC (1366 px) and a phone (412 px), issue 18: the coverage
table readable, the lesson card's buttons apart, the key messages as large as the questions, the footer
in the page's language, the site's name with its diacritics."""

from __future__ import annotations

import pytest

from lessonkit.labels import labels_for
from lessonkit.model import load

from ..support import REPO, Build

CATALOGUE = load(REPO)
LESSON = CATALOGUE.by_level("primary")[0]
WIDTHS = (1366, 412)


@pytest.fixture
def opened(chromium, real_site: Build):
    pages = []

    def open_page(path: str, width: int):
        page = chromium.new_page(viewport={"width": width, "height": 900})
        pages.append(page)
        page.goto((real_site.site / path).as_uri())
        return page

    yield open_page
    for page in pages:
        page.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_coverage_table_fits_a_school_pc(opened, prefix: str) -> None:
    page = opened(f"{prefix}lessons/index.html", 1366)
    region = page.locator(".lk-matrix")
    assert region.evaluate("m => m.scrollWidth <= m.clientWidth")  # every grade column in view
    # Topic names in a column wide enough: none takes more than two lines (they wrapped a word a line).
    lines = page.locator(".lk-matrix th[scope=row]").evaluate_all(
        "ths => ths.map(th => Math.round(th.querySelector('a').getClientRects().length))"
    )
    assert lines and max(lines) <= 2, lines
    cells = page.locator(".lk-matrix td").evaluate_all("tds => tds.map(td => td.getBoundingClientRect().width)")
    assert max(cells) <= 40  # short grade columns


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_coverage_table_on_a_phone_keeps_the_topic_in_view(opened, prefix: str) -> None:
    page = opened(f"{prefix}lessons/index.html", 412)
    region = page.locator(".lk-matrix")
    topic = page.locator(".lk-matrix th[scope=row]").first
    before = topic.bounding_box()
    assert before is not None and before["width"] <= 412 * 0.4  # the topic column leaves room for grades
    region.evaluate("m => { m.scrollLeft = m.scrollWidth; }")
    after = topic.bounding_box()
    assert after is not None and abs(after["x"] - before["x"]) < 1  # sticky: it stays while grades scroll
    last = page.locator(".lk-matrix thead th").last.bounding_box()
    assert last is not None and last["x"] + last["width"] <= 412  # the last grade is reachable


@pytest.mark.parametrize("width", WIDTHS)
def test_the_lesson_cards_two_buttons_do_not_touch(opened, width: int) -> None:
    page = opened(f"lessons/{LESSON.level}/{LESSON.id}/index.html", width)
    first, second = (b.bounding_box() for b in page.locator(".lk-card__student .md-button").all())
    assert first is not None and second is not None
    apart_x = second["x"] - (first["x"] + first["width"])
    apart_y = second["y"] - (first["y"] + first["height"])
    assert max(apart_x, apart_y) >= 8, (first, second)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_key_messages_are_not_smaller_than_the_questions(opened, prefix: str) -> None:
    page = opened(f"{prefix}lessons/{LESSON.level}/{LESSON.id}/quiz.html", 412)
    size = "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    messages = page.locator(".lk-audience--student li").evaluate_all(size)
    questions = page.locator(".lk-question__text, .lk-option > label").evaluate_all(size)
    assert messages and questions and min(messages) >= max(questions), (messages, questions)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_footer_speaks_the_page_language(opened, lang: str) -> None:
    page = opened("index.html" if lang == "vi" else "en/index.html", 1366)
    footer = page.locator(".md-copyright").inner_text()
    before = labels_for(lang)["made_with"].split("{tool}")[0].strip()
    assert before in footer and "Material for MkDocs" in footer
    if lang == "vi":
        assert "Made with" not in footer


def test_the_english_site_name_has_its_diacritics(opened) -> None:
    page = opened("en/index.html", 1366)
    assert "Hải Phòng" in page.title() and "Hai Phong" not in page.content()
