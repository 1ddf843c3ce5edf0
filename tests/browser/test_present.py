"""The projector view in a real browser (Debian's Chromium through Playwright): a primary and an
upper-secondary module, in Vietnamese and English, over file:// and HTTP.

The pages are those of the repository's own site, built once with --strict (``real_site``); every
expected text comes from the lesson model or the string catalogue.
The ``deck`` fixture fails a test whose page logged a console error, broke its Content-Security-Policy
or asked any other host for anything.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from lessonkit.labels import labels_for
from lessonkit.model import load
from lessonkit.present import strings_for
from lessonkit.quiz.strings import strings_for as quiz_strings

from ..support import REPO, Build

CATALOGUE = load(REPO)
#: A primary and an upper-secondary module.
MODULES = ("calling-for-help", "safe-job-seeking")
LANGS = ("vi", "en")
TRANSPORTS = ("file", "http")
EVERY = pytest.mark.parametrize(
    "lang,transport,module", [(lang, t, m) for lang in LANGS for t in TRANSPORTS for m in MODULES], ids=lambda v: v
)
CROSSED = pytest.mark.parametrize(
    "lang,transport,module",
    [("vi", "file", MODULES[0]), ("en", "http", MODULES[1]), ("vi", "http", MODULES[1]), ("en", "file", MODULES[0])],
    ids=lambda v: v,
)
VIOLATIONS = """
window.__lk_violations = [];
document.addEventListener("securitypolicyviolation", e => window.__lk_violations.push(e.violatedDirective + " " + e.blockedURI));
"""
RE_MARKUP = re.compile(r"[*_`>#]|\[[ xX]\]|^\s*[-+]\s+", re.M)


def module_file(module: str, lang: str):
    found = next(m for m in CATALOGUE.modules if m.id == module)
    return found.files[lang]


def plain(markdown: str, length: int = 45) -> str:
    """The first words of a piece of Markdown as a reader sees them (no emphasis marks, one space)."""
    text = " ".join(RE_MARKUP.sub("", markdown).split())
    return text[:length].rsplit(" ", 1)[0]


def teacher_phrases(module: str, lang: str) -> list[str]:
    """A phrase of each ``/// teacher`` block of the module's steps."""
    page = module_file(module, lang)
    first, last = page.steps[0].body[0], page.steps[-1].body[1]
    return [
        plain("\n".join(t for _, t in b.content))
        for b in page.blocks
        if b.name == "teacher" and b.parent is None and first <= b.start <= last
    ]


@pytest.fixture(scope="module")
def present_site(real_site: Build):
    """The built site and its projector pages and answer cards, by (language, module id or "cards")."""
    root = real_site.site
    pages = {}
    for lang in LANGS:
        prefix = "" if lang == "vi" else f"{lang}/"
        pages[(lang, "cards")] = root / f"{prefix}lessons/cards.html"
        for module in CATALOGUE.modules:
            pages[(lang, module.id)] = root / f"{prefix}lessons/{module.level}/{module.id}/present.html"
    return root, pages


@pytest.fixture(scope="module")
def present_http(present_site):
    root, _ = present_site

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class Deck:
    """One projector page in a fresh browser context, recording errors, policy violations and requests."""

    def __init__(self, browser, url: str, lang: str, module: str, **options):
        self.url, self.lang, self.module = url, lang, module
        self.t, self.q = strings_for(lang), quiz_strings(lang)
        self.file = module_file(module, lang)
        self.steps = self.file.steps
        self.count = 4 + len(self.steps) + len(self.file.questions)
        options.setdefault("viewport", {"width": 1280, "height": 720})
        self.context = browser.new_context(**options)
        self.context.add_init_script(VIOLATIONS)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self):
        self.page.goto(self.url)
        self.wait_ready()
        return self

    def wait_ready(self):
        self.page.wait_for_selector("html[data-lk-present='ready']", state="attached", timeout=15_000)

    def button(self, key: str):
        return self.page.get_by_role("button", name=self.t[key], exact=True)

    def position(self):
        return self.page.locator("[data-lk-pos]")

    def current(self):
        return self.page.locator("[data-lk-screen]:visible")

    def visible_text(self) -> str:
        return " ".join(self.page.evaluate("() => document.body.innerText").split())

    def go_to(self, n: int):
        """Screen ``n`` (from 1) through the list of screens."""
        self.button("screens").click()
        self.page.locator(f"[data-lk-go='{n}']").click()
        expect(self.position()).to_have_text(f"{n} / {self.count}")

    def first_question(self) -> int:
        return 2 + len(self.steps) + 1

    def foreign_requests(self) -> list[str]:
        own = urlsplit(self.url)
        bad = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme == "data" or (parts.scheme == "file" and own.scheme == "file"):
                continue
            if (parts.scheme, parts.netloc) != (own.scheme, own.netloc):
                bad.append(url)
        return bad


@pytest.fixture
def deck(chromium, present_site, present_http):
    root, pages = present_site
    made: list[Deck] = []

    def make(lang: str, transport: str, module: str, **options) -> Deck:
        path: Path = pages[(lang, module)]
        url = path.as_uri() if transport == "file" else f"{present_http}/{path.relative_to(root).as_posix()}"
        d = Deck(chromium, url, lang, module, **options)
        made.append(d)
        return d

    yield make
    problems = []
    for d in made:
        violations = d.page.evaluate("window.__lk_violations || []") if not d.page.is_closed() else []
        if d.errors or d.foreign_requests() or violations:
            problems.append((d.url, d.errors, d.foreign_requests(), violations))
        d.context.close()
    assert not problems, problems


# -- moving through the lesson -----------------------------------------------------------------


@EVERY
def test_every_step_title_in_order_with_next_and_with_page_down(deck, lang, transport, module) -> None:
    for way in ("next", "PageDown"):
        d = deck(lang, transport, module).open()
        expect(d.position()).to_have_text(f"1 / {d.count}")
        expect(d.current()).to_have_count(1)
        expect(d.current().locator("h2")).to_have_text(d.file.fields["title"])
        for i, step in enumerate(d.steps, start=2):
            if way == "next":
                d.button("next").click()
            else:
                d.page.keyboard.press("PageDown")
            expect(d.position()).to_have_text(f"{i} / {d.count}")
            expect(d.current().locator("h2")).to_have_text(f"{step.number}. {step.title}")
            expect(d.current().locator("[data-lk-time]")).to_have_text(f"{step.minutes}:00")
            # Screen readers hear the position and the new screen.
            expect(d.page.locator("[data-lk-announce]")).to_contain_text(f"{i} / {d.count}")
        d.context.close()


@CROSSED
def test_keys_clicker_swipe_list_home_end_and_the_address(deck, lang, transport, module) -> None:
    d = deck(lang, transport, module, has_touch=True).open()
    press = d.page.keyboard.press
    for key, expected in [
        ("ArrowRight", 2),
        ("Space", 3),
        ("ArrowLeft", 2),
        ("PageUp", 1),
        ("PageUp", 1),
        ("End", d.count),
        ("PageDown", d.count),
        ("Home", 1),
    ]:
        press(key)
        expect(d.position()).to_have_text(f"{expected} / {d.count}")
    expect(d.button("previous")).to_have_attribute("aria-disabled", "true")  # nothing before the first screen
    d.button("previous").click(force=True)
    expect(d.position()).to_have_text(f"1 / {d.count}")
    # Swipe left: the next screen; swipe right: back.
    for dx, expected in ((-200, 2), (200, 1)):
        d.page.evaluate(
            """dx => { const main = document.querySelector('main');
                const touch = (x) => new Touch({identifier: 1, target: main, clientX: x, clientY: 300});
                main.dispatchEvent(new TouchEvent('touchstart', {touches: [touch(400)], changedTouches: [touch(400)], bubbles: true}));
                main.dispatchEvent(new TouchEvent('touchend', {touches: [], changedTouches: [touch(400 + dx)], bubbles: true})); }""",
            dx,
        )
        expect(d.position()).to_have_text(f"{expected} / {d.count}")
    # The list of screens jumps anywhere, and the address names the screen: a reload stays there.
    d.go_to(3)
    assert d.page.url.endswith("#lk-s-3")
    d.page.reload()
    d.wait_ready()
    expect(d.position()).to_have_text(f"3 / {d.count}")
    # B (or a full stop) blanks the screen; any key brings it back without moving.
    for key in ("b", "Period"):
        press(key)
        expect(d.page.locator("[data-lk-blank-screen]")).to_be_visible()
        press("PageDown")
        expect(d.page.locator("[data-lk-blank-screen]")).to_be_hidden()
        expect(d.position()).to_have_text(f"3 / {d.count}")


# -- what the class sees, and what it does not ----------------------------------------------------


@EVERY
def test_no_teacher_note_and_no_feedback_is_visible_until_asked(deck, lang, transport, module) -> None:
    d = deck(lang, transport, module).open()
    phrases = teacher_phrases(module, lang)
    assert phrases
    feedback = [plain(o.feedback) for q in d.file.questions for o in q.options if o.feedback.strip()]
    explanations = [plain(q.explanation) for q in d.file.questions if q.explanation.strip()]
    seen = set()
    for n in range(1, d.count + 1):
        text = d.visible_text()
        for phrase in phrases + feedback + explanations:
            assert phrase not in text, (n, phrase)
        assert d.page.locator("[data-correct]").count() == 0
        notes = d.current().locator("[data-lk-notes]")
        if notes.count():
            expect(d.button("notes")).to_be_visible()
            expect(notes).to_be_hidden()
            d.button("notes").click()
            expect(notes).to_be_visible()
            seen |= {p for p in phrases if p in d.visible_text()}
            d.page.keyboard.press("n")  # the key closes them again
            expect(notes).to_be_hidden()
        else:
            expect(d.button("notes")).to_be_hidden()
        d.page.keyboard.press("PageDown")
    # Every teacher block of the steps was in the notes of some step.
    assert seen == set(phrases)


@CROSSED
def test_notes_close_when_the_screen_changes(deck, lang, transport, module) -> None:
    d = deck(lang, transport, module).open()
    d.page.keyboard.press("PageDown")
    d.page.keyboard.press("n")
    expect(d.current().locator("[data-lk-notes]")).to_be_visible()
    expect(d.button("notes")).to_have_attribute("aria-expanded", "true")
    d.page.keyboard.press("PageDown")
    d.page.keyboard.press("PageUp")
    expect(d.current().locator("[data-lk-notes]")).to_be_hidden()
    expect(d.button("notes")).to_have_attribute("aria-expanded", "false")


@EVERY
def test_the_countdown_shows_the_steps_minutes_and_runs(deck, lang, transport, module) -> None:
    d = deck(lang, transport, module)
    d.page.clock.install()
    d.open()
    step = d.steps[1]
    d.go_to(3)
    time = d.current().locator("[data-lk-time]")
    expect(time).to_have_text(f"{step.minutes}:00")
    d.button("start").click()
    expect(d.button("pause")).to_be_visible()  # the same button, now named Pause
    d.page.clock.run_for(65_000)
    expect(time).to_have_text(f"{step.minutes - 2}:55")
    d.button("pause").click()
    d.page.clock.run_for(30_000)
    expect(time).to_have_text(f"{step.minutes - 2}:55")
    # A reload keeps the time left.
    d.page.reload()
    d.wait_ready()
    expect(d.current().locator("[data-lk-time]")).to_have_text(f"{step.minutes - 2}:55")
    d.button("start").click()
    d.page.clock.run_for(step.minutes * 60_000)
    expect(d.current().locator("[data-lk-time]")).to_have_text("0:00")
    expect(d.page.locator("[data-lk-announce]")).to_have_text(d.t["time_up"])
    d.button("reset").click()
    expect(d.current().locator("[data-lk-time]")).to_have_text(f"{step.minutes}:00")


# -- the whole-class quiz ------------------------------------------------------------------------


@EVERY
def test_show_answer_marks_exactly_the_right_options_and_shows_each_feedback(deck, lang, transport, module) -> None:
    d = deck(lang, transport, module).open()
    for i, question in enumerate(d.file.questions):
        d.go_to(d.first_question() + i)
        screen = d.current()
        options = screen.locator("[data-lk-option]")
        expect(options).to_have_count(len(question.options))
        for k in range(len(question.options)):
            expect(options.nth(k).locator(".lk-opt__letter")).to_have_text("ABCDEFGHIJ"[k])
        expect(screen.locator("[data-correct]")).to_have_count(0)
        expect(screen.locator("[data-lk-feedback]:visible")).to_have_count(0)
        d.button("show_answer").click()
        right = [k for k, o in enumerate(question.options) if o.correct]
        expect(screen.locator("[data-correct='true']")).to_have_count(len(right))
        for k, option in enumerate(question.options):
            item = options.nth(k)
            if option.correct:
                expect(item).to_have_attribute("data-correct", "true")
                expect(item.locator("[data-lk-mark]")).to_be_visible()
                expect(item.locator("[data-lk-mark]")).to_contain_text(d.q["mark_answer"])
            else:
                assert item.get_attribute("data-correct") is None
                expect(item.locator("[data-lk-mark]")).to_be_hidden()
            if option.feedback.strip():
                expect(item.locator("[data-lk-feedback]")).to_be_visible()
                expect(item.locator("[data-lk-feedback]")).to_contain_text(plain(option.feedback))
        if question.explanation.strip():
            expect(screen.locator("[data-lk-explanation]")).to_contain_text(plain(question.explanation))
        d.button("hide_answer").click()
        expect(screen.locator("[data-correct]")).to_have_count(0)
        expect(screen.locator("[data-lk-feedback]:visible")).to_have_count(0)


@CROSSED
def test_the_tally_draws_bars_and_the_summary_names_the_hardest_questions(deck, lang, transport, module) -> None:
    d = deck(lang, transport, module).open()
    questions = d.file.questions
    summary_screen = d.first_question() + len(questions)
    d.go_to(summary_screen)
    expect(d.current().locator("[data-lk-summary-empty]")).to_be_visible()
    # Hands per letter: question 1 mostly wrong, question 2 half right, question 3 all right.
    shares = {}
    for i, wrong_hands in ((0, 9), (1, 5), (2, 0)):
        question = questions[i]
        d.go_to(d.first_question() + i)
        d.button("tally").click()
        counts = [
            (10 - wrong_hands) if o.correct and k == question.correct_positions[0] else 0
            for k, o in enumerate(question.options)
        ]
        wrong = next(k for k, o in enumerate(question.options) if not o.correct)
        counts[wrong] = wrong_hands
        inputs = d.current().locator("[data-lk-count]")
        for k, n in enumerate(counts):
            inputs.nth(k).fill(str(n))
        widths = [
            d.current().locator("[data-lk-bar]").nth(k).evaluate("e => e.getBoundingClientRect().width")
            for k in range(len(counts))
        ]
        most = max(counts)
        for k, n in enumerate(counts):
            if n == most:
                assert widths[k] > 20
            if n == 0:
                assert widths[k] == 0
            if 0 < n < most:
                assert 0 < widths[k] < max(widths)
        expect(d.current().locator("[data-lk-bar-text]").nth(wrong)).to_have_text(
            d.t["tally_count"].format(count=wrong_hands)
        )
        shares[i] = (10 - wrong_hands) / 10
    d.page.reload()
    d.wait_ready()
    expect(d.current().locator("[data-lk-count]").nth(0)).to_be_visible()  # counts kept, the tally open
    d.go_to(summary_screen)
    items = d.current().locator("[data-lk-hard-item]:visible")
    expect(items).to_have_count(2)  # the question everyone got right is not hard
    expect(items.nth(0)).to_contain_text(d.t["summary_item"].format(percent=10, right=1, total=10))
    expect(items.nth(0)).to_contain_text(d.t["question"].format(n=1, m=len(questions)))
    expect(items.nth(1)).to_contain_text(d.t["summary_item"].format(percent=50, right=5, total=10))
    d.button("summary_clear").click()
    expect(d.current().locator("[data-lk-hard-item]:visible")).to_have_count(0)
    expect(d.current().locator("[data-lk-summary-empty]")).to_be_visible()


@EVERY
def test_the_end_screen_shows_who_to_tell_and_the_help_number(deck, lang, transport, module) -> None:
    d = deck(lang, transport, module).open()
    d.page.keyboard.press("End")
    expect(d.current().locator("h2")).to_have_text(d.t["end_title"])
    number = d.current().locator(".lk-end__number")
    expect(number).to_have_text("111")
    expect(number).to_have_attribute("href", "tel:111")
    expect(d.current()).to_contain_text(d.t["end_tell"])


def test_the_answer_cards_page_prints_four_big_letters(chromium, present_site) -> None:
    _, pages = present_site
    for lang in LANGS:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(pages[(lang, "cards")].as_uri())
        expect(page.locator(".lk-cards__letter")).to_have_text(["A", "B", "C", "D"])
        expect(page.get_by_role("button", name=strings_for(lang)["cards_print"])).to_be_visible()
        page.emulate_media(media="print")
        sizes = page.locator(".lk-cards__letter").evaluate_all(
            "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        assert min(sizes) > 300  # 120 mm
        expect(page.locator(".lk-cards-page__intro")).to_be_hidden()
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1  # one A4 sheet a pupil
        context.close()


# -- readable from the back row, on a phone, and printed -------------------------------------------


@pytest.mark.parametrize("width,height,least", [(1280, 720, 24), (1920, 1080, 36), (390, 844, 16)])
def test_no_text_is_smaller_than_the_projector_needs(deck, width: int, height: int, least: int) -> None:
    d = deck("vi", "file", MODULES[1], viewport={"width": width, "height": height}).open()
    for _ in range(d.count):
        d.page.keyboard.press("n")
        smallest = d.page.evaluate(
            """() => Math.min(...[...document.querySelectorAll('body *')]
                .filter(e => e.getClientRects().length && !e.closest('.lk-sr')
                        && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
        )
        assert smallest >= least - 0.01, (d.page.locator("[data-lk-pos]").inner_text(), smallest)
        # Nothing wider than the screen: no sideways scrolling.
        assert d.page.evaluate("() => document.documentElement.scrollWidth") <= width
        d.page.keyboard.press("Escape")
        d.page.keyboard.press("PageDown")


def test_printing_gives_one_screen_a_page(deck) -> None:
    d = deck("en", "file", MODULES[0]).open()
    d.page.emulate_media(media="print")
    expect(d.page.locator("[data-lk-screen]:visible")).to_have_count(d.count)
    expect(d.page.locator("[data-lk-notes]:visible, [data-lk-feedback]:visible, .lk-controls:visible")).to_have_count(0)
    breaks = d.page.locator("[data-lk-screen]").evaluate_all("els => els.map(e => getComputedStyle(e).breakAfter)")
    assert breaks[:-1] == ["page"] * (d.count - 1)


# -- accessible --------------------------------------------------------------------------------


def axe_violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]


@pytest.mark.parametrize("lang,module", [("vi", MODULES[0]), ("en", MODULES[1])])
def test_axe_finds_nothing_on_a_step_a_question_before_and_after_show_answer(deck, lang, module) -> None:
    d = deck(lang, "http", module).open()
    checked = []
    d.go_to(2)
    d.page.keyboard.press("n")
    checked.append(("step with notes", axe_violations(d.page)))
    d.go_to(d.first_question())
    checked.append(("question", axe_violations(d.page)))
    d.button("tally").click()
    d.current().locator("[data-lk-count]").nth(0).fill("4")
    d.button("show_answer").click()
    checked.append(("answer shown", axe_violations(d.page)))
    d.button("screens").click()
    checked.append(("list of screens", axe_violations(d.page)))
    d.page.keyboard.press("Escape")
    d.page.keyboard.press("End")
    checked.append(("end", axe_violations(d.page)))
    assert [c for c in checked if c[1]] == []


@pytest.mark.parametrize("lang,module", [("vi", MODULES[0]), ("en", MODULES[1])])
def test_read_aloud_reads_what_the_class_sees_of_the_screen(deck, lang, module) -> None:
    from .test_quiz_script import SPEECH_STANDIN, VOICES

    d = deck(lang, "file", module)
    d.context.add_init_script(SPEECH_STANDIN.replace("__VOICES__", json.dumps([VOICES[lang]])))
    d.open()
    read = d.page.get_by_role("button", name=d.q["read_aloud"], exact=True)
    said = lambda: d.page.evaluate("() => window.__lkSpeech.spoken.map(u => u.text)")  # noqa: E731
    expect(read).to_have_count(1)  # the current screen's
    read.click()
    assert said()[0] == d.file.fields["title"]
    # A step: its title, then what the class sees; never the notes.
    d.go_to(3)
    d.page.evaluate("() => { window.__lkSpeech.spoken.length = 0; }")
    read.click()
    text = said()
    assert text[0] == f"{d.steps[1].number}. {d.steps[1].title}"
    assert len(text) > 1
    for phrase in teacher_phrases(module, lang):
        assert not any(phrase[:20] in line for line in text)
    expect(read).to_have_attribute("aria-pressed", "true")
    read.click()  # again: stops
    expect(read).to_have_attribute("aria-pressed", "false")
    # A question: each option with its letter; the feedback only once shown.
    question = d.file.questions[0]
    d.go_to(d.first_question())
    d.page.evaluate("() => { window.__lkSpeech.spoken.length = 0; }")
    read.click()
    lines = said()
    assert any(line.startswith("A. ") for line in lines), lines
    assert any(line.startswith("B. ") for line in lines), lines
    feedback = plain(question.options[0].feedback, 30)
    assert not any(feedback in line for line in lines)
    d.page.evaluate("() => window.__lkSpeech.finish()")  # the reading ends by itself
    expect(read).to_have_attribute("aria-pressed", "false")
    d.button("show_answer").click()
    d.page.evaluate("() => { window.__lkSpeech.spoken.length = 0; }")
    read.click()
    assert any(feedback in line for line in said())
    d.page.keyboard.press("PageDown")  # a new screen stops the reading
    expect(d.page.locator("button[data-lk-read][aria-pressed='true']")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
def test_the_lesson_card_links_the_projector_view_and_back(deck, present_site, lang) -> None:
    _, pages = present_site
    module = next(m for m in CATALOGUE.modules if m.id == MODULES[0])
    lesson = pages[(lang, MODULES[0])].with_name("index.html")
    d = deck(lang, "file", MODULES[0])
    d.page.goto(lesson.as_uri())
    d.page.locator(".lk-card").get_by_role("link", name=labels_for(lang)["present_link"], exact=True).click()
    d.wait_ready()
    assert d.page.url.split("#")[0].endswith(f"lessons/{module.level}/{module.id}/present.html")
    d.button("screens").click()
    expect(d.page.locator(".lk-menu__keys")).to_have_text(d.t["shortcuts"])  # the keys, said in words
    d.page.get_by_role("link", name=d.t["back"], exact=True).click()
    d.page.wait_for_load_state("load")
    assert d.page.url.endswith(f"lessons/{module.level}/{module.id}/index.html")
    d.page.go_back()
    d.wait_ready()
    d.page.get_by_role("link", name=d.t["cards_link"]).first.click()
    expect(d.page.locator(".lk-cards__letter")).to_have_text(["A", "B", "C", "D"])
