"""The real site in real Chromium: navigation, language switch, search and quizzes, over file:// and HTTP.

The repository's own site is built once (``real_site``); these tests use it as a pupil or teacher would.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe

from lessonkit.model import load

from ..support import REPO
from .conftest import STRINGS, QuietHandler, QuizPage

CATALOGUE = load(REPO)
FIRST_PRIMARY = CATALOGUE.by_level("primary")[0]
FIRST_UPPER = CATALOGUE.by_level("upper-secondary")[0]


@pytest.fixture(scope="module")
def site_http(real_site):
    """The built site served on 127.0.0.1 (random port)."""
    handler = functools.partial(QuietHandler, directory=str(real_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def url(real_site, site_http, path: str, transport: str) -> str:
    return (real_site.site / path).as_uri() if transport == "file" else f"{site_http}/{path}"


@pytest.fixture
def opened(browser, real_site, site_http):
    """Factory for pages of the real site; at teardown: no console error, no request to another host."""
    pages: list[QuizPage] = []

    def open_page(path: str, lang: str, transport: str = "file", ready: bool = False, **options) -> QuizPage:
        page = QuizPage(
            browser,
            url(real_site, site_http, path, transport),
            lang,
            transport,
            viewport={"width": 1400, "height": 900},
            **options,
        )
        pages.append(page)
        page.open(wait=ready)
        return page

    yield open_page
    problems = [(p.url, p.errors, p.foreign_requests()) for p in pages if p.errors or p.foreign_requests()]
    for page in pages:
        page.close()
    assert not problems, problems


def test_navigate_switch_language_and_search_from_file(opened) -> None:
    home = opened("index.html", "vi")
    page = home.page
    assert page.locator("html").get_attribute("lang") == "vi"
    level_name = CATALOGUE.curriculum.levels["primary"].name
    page.locator(".md-nav--primary").get_by_role("link", name=level_name["vi"], exact=True).first.click()
    page.wait_for_url(re.compile(r"/lessons/primary/index\.html$"))
    title_vi = FIRST_PRIMARY.files["vi"].fields["title"]
    # The menu lists the levels; a level's catalogue lists its modules.
    page.locator("article").get_by_role("link", name=title_vi, exact=True).first.click()
    page.wait_for_url(re.compile(rf"/lessons/primary/{FIRST_PRIMARY.id}/index\.html$"))
    assert page.locator("h1").inner_text() == title_vi

    # The switcher goes to the same lesson in English, and back.
    page.hover(".md-header__option .md-select")
    page.locator('.md-select a[hreflang="en"]').click()
    page.wait_for_url(re.compile(rf"/en/lessons/primary/{FIRST_PRIMARY.id}/index\.html$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == FIRST_PRIMARY.files["en"].fields["title"]
    page.hover(".md-header__option .md-select")
    page.locator('.md-select a[hreflang="vi"]').click()
    page.wait_for_url(re.compile(rf"/lessons/primary/{FIRST_PRIMARY.id}/index\.html$"))
    assert "/en/" not in page.url

    # Search works offline, with Vietnamese words, and without their diacritics as pupils type on phones.
    box = page.locator("input.md-search__input")
    box.click()
    for query in ("tin cậy", "nguoi lon tin cay"):
        results = search(page, query)
        assert results.count() > 0, query
        # One read of every href: the list may be re-rendered as more results arrive, so no element-by-element walk.
        hrefs = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert all("quiz.html" not in (href or "") for href in hrefs)


def search(page, query: str):
    """Type ``query`` in the search box as a pupil does and wait until its results (or none) are shown:
    the site's search marks the list it shows with the query it answers (``data-lk-query``)."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query)
    quoted = '"' + query.replace("\\", "\\\\").replace('"', '\\"') + '"'
    page.locator(f"ol[data-lk-query={quoted}]").wait_for(state="attached", timeout=15_000)
    return page.locator(".md-search-result__item")


def test_search_without_diacritics_over_http(opened) -> None:
    page = opened("index.html", "vi", "http").page
    page.locator("input.md-search__input").click()
    assert search(page, "viec nhe luong cao").count() > 0
    # Each page searches its own language.
    page = opened("en/index.html", "en", "http").page
    page.locator("input.md-search__input").click()
    assert search(page, "trusted adult").count() > 0


@pytest.mark.parametrize("transport", ["file", "http"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pupil_takes_the_quiz_and_progress_survives_reload(opened, lang: str, transport: str) -> None:
    prefix = "" if lang == "vi" else "en/"
    quiz = opened(f"{prefix}lessons/primary/{FIRST_PRIMARY.id}/quiz.html", lang, transport, ready=True)
    page = quiz.page
    total = page.locator("form.lk-question").count()
    assert total == len(FIRST_PRIMARY.files[lang].questions)
    first = page.locator("#lk-q-1")
    first.locator(".lk-option[data-lk-correct='true'] input").first.check()
    if first.get_attribute("data-lk-type") == "multiple":
        for box in first.locator(".lk-option[data-lk-correct='true'] input").all():
            box.check()
    first.get_by_role("button", name=STRINGS[lang]["check"], exact=True).click()
    status = page.get_by_role("status")
    assert f"1/{total}" in status.inner_text()
    assert first.locator(".lk-option input:checked + label ~ .lk-feedback").first.is_visible()
    quiz.reload()
    assert f"1/{total}" in page.get_by_role("status").inner_text()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", ["index", "quiz"])
def test_axe_finds_no_violation(opened, lang: str, kind: str) -> None:
    prefix = "" if lang == "vi" else "en/"
    # Over HTTP: axe-core reads the stylesheets with XMLHttpRequest, which file:// refuses.
    page = opened(f"{prefix}lessons/upper-secondary/{FIRST_UPPER.id}/{kind}.html", lang, "http", ready=True).page
    results = Axe().run(page)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert not violations, violations
