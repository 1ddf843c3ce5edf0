"""The quiz script and stylesheet in a real browser (Debian's Chromium through Playwright).

Every test runs on the fixture pages (tests/browser/fixtures, rendered by the real Markdown extension
in conftest.py) in Vietnamese and English, over file:// (a USB stick) and over HTTP on 127.0.0.1. The ``make_quiz``
fixture fails a test whose page logged a console error or asked any other host for anything.
Expected texts come from strings.py, never from copies.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import expect

M = 4  # questions on the fixture page
LANGS = ["vi", "en"]
TRANSPORTS = ["file", "http"]
BOTH = pytest.mark.parametrize("lang,transport", [(lang, t) for lang in LANGS for t in TRANSPORTS],
                               ids=lambda v: v)
# For long lists of cases: each language and each transport once.
CROSSED = pytest.mark.parametrize("lang,transport", [("vi", "file"), ("en", "http")], ids=lambda v: v)
LOOKS = ["plain", "material"]  # the page alone, and inside Material for MkDocs' stylesheets


def opened(make_quiz, lang, transport="file", look="plain", **context_options):
    """The fixture page opened; ``look="material"`` loads Material's own CSS first (as on the site)."""
    if look == "material":
        pytest.importorskip("material")
    page = lang if look == "plain" else f"{lang}-{look}"
    return make_quiz(lang, transport, page=page, **context_options).open()


def none_chosen(S):
    return S["result_none"].replace("{check}", S["check"])


def score(S, n):
    return S["score"].replace("{n}", str(n)).replace("{m}", str(M))


# -- the contract the outside tests rely on (spec §4, "In the browser") ------------------------------

def test_page_is_ready_and_follows_the_contract(quiz):
    page, S = quiz.page, quiz.S
    # Native radios and check boxes named by the option's text.
    expect(page.get_by_role("radio")).to_have_count(5)
    expect(page.get_by_role("checkbox")).to_have_count(6)
    label = page.locator("label[for='lk-q-1-2']").inner_text()
    expect(page.get_by_role("radio", name=label, exact=True)).to_be_checked(checked=False)
    # One Check button per question, named from strings.py.
    expect(page.get_by_role("button", name=S["check"], exact=True)).to_have_count(M)
    expect(quiz.status()).to_have_text(score(S, 0))
    expect(page.locator("[data-lk-summary]")).to_be_visible()
    # The no-JS answer key is hidden once the script runs; nothing is answered yet.
    for details in page.locator("details.lk-answer").all():
        expect(details).to_be_hidden()
    expect(page.locator(".lk-feedback:visible")).to_have_count(0)
    expect(page.locator("[data-lk-complete]")).to_be_hidden()


# -- answering ----------------------------------------------------------------------------------

def test_single_choice_right(quiz):
    S = quiz.S
    quiz.answer(1, 2)
    expect(quiz.result(1)).to_have_text(S["result_right"])
    expect(quiz.feedback(1, 2)).to_be_visible()
    expect(quiz.feedback(1, 1)).to_be_hidden()
    expect(quiz.feedback(1, 3)).to_be_hidden()
    expect(quiz.mark(1, 2)).to_have_text("✓ " + S["mark_right"])
    expect(quiz.question(1).locator(".lk-explanation")).to_be_visible()
    expect(quiz.status()).to_have_text(score(S, 1))
    # Inputs are locked until "try again"; "show answers" makes no sense after a right answer.
    for k in (1, 2, 3):
        expect(quiz.option(1, k)).to_be_disabled()
    expect(quiz.button(1, "check")).to_be_hidden()
    expect(quiz.button(1, "try_again")).to_be_visible()
    expect(quiz.button(1, "show_answers")).to_be_hidden()
    assert quiz.focused() == "p.lk-question__result"
    # The mark and the feedback describe the chosen input for screen readers.
    described = quiz.option(1, 2).get_attribute("aria-describedby").split()
    assert described == ["lk-q-1-2-mark", "lk-q-1-2-fb"]
    expect(quiz.option(1, 2)).to_have_accessible_description(re.compile(re.escape(S["mark_right"])))


def test_single_choice_wrong(quiz):
    S = quiz.S
    quiz.answer(1, 3)
    expect(quiz.result(1)).to_have_text(S["result_wrong"])
    expect(quiz.feedback(1, 3)).to_be_visible()
    expect(quiz.feedback(1, 2)).to_be_hidden()  # the right answer is not given away
    expect(quiz.mark(1, 3)).to_have_text("✗ " + S["mark_wrong"])
    expect(quiz.mark(1, 2)).to_be_hidden()
    expect(quiz.page.locator("#lk-q-1 .lk-option--wrong")).to_have_count(1)
    expect(quiz.status()).to_have_text(score(S, 0))
    expect(quiz.button(1, "show_answers")).to_be_visible()
    # Focus goes to "try again", the next thing to do.
    assert quiz.focused() == "button.lk-retry md-button"


def test_true_false_without_explanation(quiz):
    S = quiz.S
    quiz.answer(3, 2)
    expect(quiz.result(3)).to_have_text(S["result_right"])
    expect(quiz.feedback(3, 2)).to_be_visible()
    expect(quiz.status()).to_have_text(score(S, 1))


def test_multiple_choice_needs_exactly_the_right_set(quiz):
    S = quiz.S
    expect(quiz.question(2).locator(".lk-question__hint")).to_have_text(S["choose_all"])
    quiz.answer(2, 1)  # right, but not all
    expect(quiz.result(2)).to_have_text(S["result_partial"])
    expect(quiz.mark(2, 1)).to_have_text("✓ " + S["mark_right"])
    expect(quiz.mark(2, 3)).to_be_hidden()
    expect(quiz.status()).to_have_text(score(S, 0))

    quiz.button(2, "try_again").click()
    quiz.answer(2, 1, 2, 3)  # all the right ones and a wrong one
    expect(quiz.result(2)).to_have_text(S["result_wrong"])
    expect(quiz.mark(2, 2)).to_have_text("✗ " + S["mark_wrong"])
    expect(quiz.status()).to_have_text(score(S, 0))

    quiz.button(2, "try_again").click()
    quiz.answer(2, 1, 3)
    expect(quiz.result(2)).to_have_text(S["result_right"])
    expect(quiz.feedback(2, 1)).to_be_visible()
    expect(quiz.feedback(2, 3)).to_be_visible()
    expect(quiz.feedback(2, 2)).to_be_hidden()
    expect(quiz.status()).to_have_text(score(S, 1))


def test_check_boxes_with_one_right_option(quiz):
    S = quiz.S
    quiz.answer(4, 1, 2)
    expect(quiz.result(4)).to_have_text(S["result_wrong"])
    quiz.button(4, "try_again").click()
    quiz.answer(4, 1)
    expect(quiz.result(4)).to_have_text(S["result_right"])


def test_nothing_chosen_is_said_kindly_and_not_counted(quiz):
    S = quiz.S
    quiz.button(1, "check").click()
    expect(quiz.result(1)).to_have_text(none_chosen(S))
    expect(quiz.option(1, 1)).to_be_enabled()
    expect(quiz.button(1, "check")).to_be_visible()
    expect(quiz.page.locator(".lk-feedback:visible")).to_have_count(0)
    expect(quiz.status()).to_have_text(score(S, 0))
    # Pressing again changes the live region (so it is announced again) but says the same thing.
    before = quiz.result(1).text_content()
    quiz.button(1, "check").click()
    after = quiz.result(1).text_content()
    assert before != after and before.strip() == after.strip() == none_chosen(S)
    # Choosing something clears the message.
    quiz.option(1, 1).check()
    expect(quiz.result(1)).to_have_text("")


def test_try_again_resets_the_question(quiz):
    S = quiz.S
    quiz.answer(1, 1)
    quiz.button(1, "try_again").click()
    for k in (1, 2, 3):
        expect(quiz.option(1, k)).to_be_enabled()
        expect(quiz.option(1, k)).not_to_be_checked()
        expect(quiz.feedback(1, k)).to_be_hidden()
        expect(quiz.mark(1, k)).to_be_hidden()
        assert quiz.option(1, k).get_attribute("aria-describedby") is None
    expect(quiz.question(1).locator(".lk-explanation")).to_be_hidden()
    expect(quiz.result(1)).to_have_text("")
    expect(quiz.button(1, "check")).to_be_visible()
    expect(quiz.button(1, "try_again")).to_be_hidden()
    assert quiz.focused() == "lk-q-1-1"
    # A right answer can be taken back too, and the score follows.
    quiz.answer(1, 2)
    expect(quiz.status()).to_have_text(score(S, 1))
    quiz.button(1, "try_again").click()
    expect(quiz.status()).to_have_text(score(S, 0))


def test_show_answers_reveals_everything_and_counts_as_not_right(quiz):
    S = quiz.S
    quiz.answer(2, 2)
    quiz.button(2, "show_answers").click()
    expect(quiz.result(2)).to_have_text(S["result_shown"])
    for k in (1, 2, 3, 4):
        expect(quiz.feedback(2, k)).to_be_visible()
    expect(quiz.mark(2, 1)).to_have_text("✓ " + S["mark_answer"])
    expect(quiz.mark(2, 3)).to_have_text("✓ " + S["mark_answer"])
    expect(quiz.mark(2, 2)).to_have_text("✗ " + S["mark_wrong"])  # the pupil's wrong choice
    expect(quiz.mark(2, 4)).to_be_hidden()
    expect(quiz.status()).to_have_text(score(S, 0))
    expect(quiz.button(2, "show_answers")).to_be_hidden()
    expect(quiz.button(2, "try_again")).to_be_visible()
    assert "lk-question__result" in quiz.focused()


@pytest.mark.parametrize("right,message", [(4, "complete_all"), (3, "complete_most"), (2, "complete_some"),
                                           (0, "complete_some")])
def test_completion_message_depends_on_the_score(quiz, right, message):
    S = quiz.S
    answers = {1: (2,), 2: (1, 3), 3: (2,), 4: (1,)}
    wrong = {1: (1,), 2: (2,), 3: (1,), 4: (2,)}
    for q in range(1, M + 1):
        if q <= right:
            quiz.answer(q, *answers[q])
        else:
            expect(quiz.page.locator("[data-lk-complete]")).to_be_hidden()
            quiz.answer(q, *wrong[q])
            expect(quiz.page.locator("[data-lk-complete]")).to_be_hidden()  # a wrong answer is not done
            quiz.button(q, "show_answers").click()
    expect(quiz.page.locator("[data-lk-complete]")).to_be_visible()
    expect(quiz.page.locator("[data-lk-complete-message]")).to_have_text(S[message])
    expect(quiz.status()).to_have_text(score(S, right))
    # Trying a question again means the quiz is no longer complete.
    quiz.button(1, "try_again").click()
    expect(quiz.page.locator("[data-lk-complete]")).to_be_hidden()


# -- saving progress ------------------------------------------------------------------------------

def test_reload_keeps_progress(quiz):
    S = quiz.S
    quiz.answer(1, 2)  # right
    quiz.answer(2, 2)  # wrong
    quiz.answer(3, 1)
    quiz.button(3, "show_answers").click()
    quiz.option(4, 2).check()  # chosen, not checked yet
    quiz.reload()
    expect(quiz.status()).to_have_text(score(S, 1))
    expect(quiz.result(1)).to_have_text(S["result_right"])
    expect(quiz.feedback(1, 2)).to_be_visible()
    expect(quiz.option(1, 2)).to_be_checked()
    expect(quiz.option(1, 2)).to_be_disabled()
    expect(quiz.result(2)).to_have_text(S["result_wrong"])
    expect(quiz.feedback(2, 2)).to_be_visible()
    expect(quiz.button(2, "show_answers")).to_be_visible()
    expect(quiz.result(3)).to_have_text(S["result_shown"])
    expect(quiz.feedback(3, 2)).to_be_visible()
    expect(quiz.option(4, 2)).to_be_checked()
    expect(quiz.option(4, 2)).to_be_enabled()
    expect(quiz.result(4)).to_have_text("")
    # Finishing after the reload completes the quiz.
    quiz.button(2, "try_again").click()
    quiz.answer(2, 1, 3)
    quiz.option(4, 2).uncheck()
    quiz.answer(4, 1)
    expect(quiz.page.locator("[data-lk-complete-message]")).to_have_text(S["complete_most"])
    quiz.reload()
    expect(quiz.page.locator("[data-lk-complete-message]")).to_have_text(S["complete_most"])
    expect(quiz.status()).to_have_text(score(S, 3))


def saved(quiz):
    raw = quiz.page.evaluate("k => localStorage.getItem(k)", quiz.storage_key())
    return None if raw is None else json.loads(raw)


def test_saved_entry_format(quiz):
    quiz.answer(2, 1, 3)
    data = saved(quiz)
    key = quiz.question(2).get_attribute("data-lk-key")
    assert data == {"v": 1, "q": {"lk-q-2": {"k": key, "c": ["1", "3"], "s": "checked"}}}


def test_entry_of_a_changed_question_is_ignored(quiz):
    S = quiz.S
    key2 = quiz.question(2).get_attribute("data-lk-key")
    data = {"v": 1, "q": {"lk-q-1": {"k": "old-hash", "c": ["2"], "s": "checked"},
                          "lk-q-2": {"k": key2, "c": ["1", "3"], "s": "checked"}}}
    quiz.page.evaluate("([k, v]) => localStorage.setItem(k, v)", [quiz.storage_key(), json.dumps(data)])
    quiz.reload()
    expect(quiz.option(1, 2)).not_to_be_checked()
    expect(quiz.result(1)).to_have_text("")
    expect(quiz.result(2)).to_have_text(S["result_right"])
    expect(quiz.status()).to_have_text(score(S, 1))


def key_of(quiz, q):
    return quiz.question(q).get_attribute("data-lk-key")


CORRUPT = [
    "{", "null", "[]", "42", '"text"', "true", '{"q": null}', '{"q": []}', '{"q": "x"}',
    '{"q": {"lk-q-1": "x"}}', '{"q": {"lk-q-1": null}}', '{"q": {"lk-q-1": []}}',
    '{"q": {"lk-q-1": {"k": "@1", "c": "2", "s": "checked"}}}',
    '{"q": {"lk-q-1": {"k": "@1", "c": [2], "s": "checked"}}}',
    '{"q": {"lk-q-1": {"k": "@1", "c": ["9"], "s": "checked"}}}',
    '{"q": {"lk-q-1": {"k": "@1", "c": ["1", "2"], "s": "checked"}}}',
    '{"q": {"lk-q-1": {"k": "@1", "c": ["2"], "s": "done"}}}',
    '{"q": {"lk-q-1": {"k": "@1", "c": [null], "s": "checked"}}}',
    '{"q": {"lk-q-1": {"k": 1, "c": ["2"], "s": "checked"}}}',
    '{"q": {"__proto__": {"k": "@1"}, "constructor": 1, "toString": 2}}',
]


@CROSSED
@pytest.mark.parametrize("raw", CORRUPT, ids=range(len(CORRUPT)))
def test_corrupt_storage_is_ignored(make_quiz, lang, transport, raw):
    quiz = make_quiz(lang, transport).open()
    raw = raw.replace("@1", key_of(quiz, 1))
    quiz.page.evaluate("([k, v]) => localStorage.setItem(k, v)", [quiz.storage_key(), raw])
    quiz.reload()
    expect(quiz.status()).to_have_text(score(quiz.S, 0))
    expect(quiz.option(1, 2)).not_to_be_checked()
    quiz.answer(1, 2)
    expect(quiz.status()).to_have_text(score(quiz.S, 1))
    assert saved(quiz)["q"]["lk-q-1"]["c"] == ["2"]  # the bad entry is overwritten by a good one


# Any JSON value, and entries that look almost right, at any place of the saved object.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8)
ENTRIES = st.fixed_dictionaries({
    "k": st.sampled_from(["@1", "@2", "", "x"]) | JSON_VALUES,
    "c": st.lists(st.sampled_from(["1", "2", "3", "4", "5", ""]) | JSON_VALUES, max_size=4) | JSON_VALUES,
    "s": st.sampled_from(["open", "checked", "shown", "right", ""]) | JSON_VALUES,
})
SAVED = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries({"v": JSON_VALUES, "q": st.dictionaries(
        st.sampled_from(["lk-q-1", "lk-q-2", "lk-q-3", "lk-q-4", "x"]), ENTRIES | JSON_VALUES, max_size=4)}),
)


@pytest.mark.parametrize("transport", TRANSPORTS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=SAVED)
def test_any_saved_value_never_breaks_the_page(make_quiz, transport, value):
    # One page for all the examples (the fixture lives as long as the test); errors are checked each time.
    quiz = getattr(make_quiz, "cached", None)
    if quiz is None:
        quiz = make_quiz.cached = make_quiz("vi", transport).open()
    raw = json.dumps(value).replace("@1", key_of(quiz, 1)).replace("@2", key_of(quiz, 2))
    quiz.page.evaluate("([k, v]) => localStorage.setItem(k, v)", [quiz.storage_key(), raw])
    quiz.reload()
    text = quiz.status().text_content()
    assert re.search(r"\b[0-4]/4\b", text), text
    assert not quiz.errors, quiz.errors
    # The first question can always be answered afresh.
    if quiz.button(1, "try_again").is_visible():
        quiz.button(1, "try_again").click()
    quiz.answer(1, 2)
    expect(quiz.result(1)).to_have_text(quiz.S["result_right"])


BROKEN_STORAGE = {
    # setItem throws as when the storage is full.
    "full": "Storage.prototype.setItem = function () {"
            " throw new DOMException('full', 'QuotaExceededError'); };",
    # Every method throws.
    "throwing": "['getItem', 'setItem', 'removeItem'].forEach(m => { Storage.prototype[m] = function () {"
                " throw new DOMException('no', 'SecurityError'); }; });",
    # Reading window.localStorage itself throws (storage blocked by the browser's settings).
    "blocked": "Object.defineProperty(window, 'localStorage', { get() {"
               " throw new DOMException('blocked', 'SecurityError'); } });",
}


@BOTH
@pytest.mark.parametrize("mode", BROKEN_STORAGE)
def test_quiz_works_when_storage_fails(make_quiz, lang, transport, mode):
    quiz = make_quiz(lang, transport)
    quiz.context.add_init_script(BROKEN_STORAGE[mode])
    quiz.open()
    S = quiz.S
    quiz.answer(1, 2)
    quiz.answer(2, 1, 3)
    quiz.answer(3, 1)
    quiz.button(3, "show_answers").click()
    quiz.answer(4, 1)
    expect(quiz.status()).to_have_text(score(S, 3))
    expect(quiz.page.locator("[data-lk-complete-message]")).to_have_text(S["complete_most"])
    quiz.page.get_by_role("button", name=S["start_again"], exact=True).click()
    expect(quiz.status()).to_have_text(score(S, 0))
    # Without saving, a reload simply starts afresh.
    quiz.answer(1, 2)
    quiz.reload()
    expect(quiz.status()).to_have_text(score(S, 0))


def test_start_again_clears_everything(quiz):
    S = quiz.S
    quiz.answer(1, 2)
    quiz.answer(2, 2)
    quiz.answer(3, 2)
    quiz.answer(4, 2)
    quiz.button(4, "show_answers").click()
    assert saved(quiz) is not None
    quiz.page.get_by_role("button", name=S["start_again"], exact=True).click()
    expect(quiz.status()).to_have_text(score(S, 0))
    expect(quiz.page.locator(".lk-feedback:visible")).to_have_count(0)
    expect(quiz.page.locator(".lk-mark:visible")).to_have_count(0)
    expect(quiz.page.locator(".lk-explanation:visible")).to_have_count(0)
    expect(quiz.page.locator("input:checked")).to_have_count(0)
    expect(quiz.page.locator("input:disabled")).to_have_count(0)
    expect(quiz.page.get_by_role("button", name=S["check"], exact=True)).to_have_count(M)
    expect(quiz.page.locator("[data-lk-complete]")).to_be_hidden()
    for q in range(1, M + 1):
        expect(quiz.result(q)).to_have_text("")
    assert saved(quiz) is None
    assert quiz.focused() == "lk-q-1-1"
    quiz.reload()
    expect(quiz.status()).to_have_text(score(S, 0))
    expect(quiz.page.locator("input:checked")).to_have_count(0)


# -- keyboard, screen readers, phones -----------------------------------------------------------------

def tab_to(quiz, target: str, key: str = "Tab", limit: int = 8):
    """Press Tab until the element with id/description ``target`` has focus."""
    for _ in range(limit):
        quiz.page.keyboard.press(key)
        if quiz.focused() == target:
            return
    raise AssertionError(f"{target} not reached by {key}; focus is on {quiz.focused()}")


def test_keyboard_only(quiz):
    S, kb = quiz.S, quiz.page.keyboard
    check = "button.lk-check md-button md-button--primary"
    retry = "button.lk-retry md-button"
    # Question 1: Tab into the radio group, arrows choose, Enter checks.
    tab_to(quiz, "lk-q-1-1")
    kb.press("ArrowDown")
    expect(quiz.option(1, 2)).to_be_checked()
    tab_to(quiz, check)
    # The focused button shows a visible focus outline.
    outline = quiz.page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    kb.press("Enter")
    expect(quiz.result(1)).to_have_text(S["result_right"])
    assert "lk-question__result" in quiz.focused()
    # Question 2: check boxes with Space.
    tab_to(quiz, "lk-q-2-1")
    kb.press("Space")
    tab_to(quiz, "lk-q-2-3")
    kb.press("Space")
    tab_to(quiz, check)
    kb.press("Space")
    expect(quiz.result(2)).to_have_text(S["result_right"])
    # Question 3: a wrong answer, then "try again" by keyboard.
    tab_to(quiz, "lk-q-3-1")
    kb.press("Space")
    tab_to(quiz, check)
    kb.press("Enter")
    expect(quiz.result(3)).to_have_text(S["result_wrong"])
    assert quiz.focused() == retry
    kb.press("Enter")
    assert quiz.focused() == "lk-q-3-1"
    kb.press("ArrowDown")
    tab_to(quiz, check)
    kb.press("Enter")
    expect(quiz.result(3)).to_have_text(S["result_right"])
    # Question 4: nothing chosen, then wrong, then "show answers".
    tab_to(quiz, "lk-q-4-1")
    tab_to(quiz, check)
    kb.press("Enter")
    expect(quiz.result(4)).to_have_text(none_chosen(S))
    tab_to(quiz, "lk-q-4-2", key="Shift+Tab")
    kb.press("Space")
    tab_to(quiz, check)
    kb.press("Enter")
    assert quiz.focused() == retry
    tab_to(quiz, "button.lk-show md-button")
    kb.press("Enter")
    expect(quiz.result(4)).to_have_text(S["result_shown"])
    expect(quiz.status()).to_have_text(score(S, 3))
    expect(quiz.page.locator("[data-lk-complete-message]")).to_have_text(S["complete_most"])
    # Start again, by keyboard.
    tab_to(quiz, "button.lk-restart md-button")
    kb.press("Enter")
    expect(quiz.status()).to_have_text(score(S, 0))
    assert quiz.focused() == "lk-q-1-1"


@BOTH
@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("state", ["fresh", "answered", "complete"])
def test_axe_finds_no_violations(make_quiz, lang, transport, look, state):
    from axe_playwright_python.sync_playwright import Axe

    quiz = opened(make_quiz, lang, transport, look)
    if state == "fresh":
        quiz.button(1, "check").focus()  # the focused button's colours are checked too
    if state in ("answered", "complete"):
        quiz.answer(1, 2)
        quiz.answer(2, 1, 2)
        quiz.button(3, "check").click()  # the "nothing chosen" message
    if state == "complete":
        quiz.button(2, "show_answers").click()
        quiz.answer(3, 2)
        quiz.answer(4, 1)
    # preload off: under file:// axe would fetch the stylesheets itself and log a CORS error.
    results = Axe().run(quiz.page, options={"resultTypes": ["violations"], "preload": False})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("look", LOOKS)
def test_touch_targets_and_width_on_a_phone(make_quiz, look):
    quiz = opened(make_quiz, "vi", "file", look, viewport={"width": 360, "height": 640}, has_touch=True,
                  is_mobile=True)
    quiz.answer(1, 1)
    quiz.button(1, "show_answers").click()
    small = quiz.page.evaluate("""() => [...document.querySelectorAll('.lk-option > label, button')]
        .filter(e => e.offsetParent).map(e => [e.textContent.trim(), e.getBoundingClientRect().height])
        .filter(([, h]) => h < 44)""")
    assert not small
    assert quiz.page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("lang", LANGS)
def test_inside_material_hidden_parts_stay_hidden(make_quiz, lang):
    """Material gives some elements a display (details, .md-button, lists) that must not undo hidden."""
    quiz = opened(make_quiz, lang, "file", "material")
    page, S = quiz.page, quiz.S
    for selector in ("details.lk-answer", ".lk-feedback", ".lk-explanation", ".lk-mark", ".lk-key",
                     ".lk-retry", ".lk-show", "[data-lk-complete]"):
        expect(page.locator(selector + ":visible")).to_have_count(0)
    # No bullets and no indent from Material's list styles.
    style = page.eval_on_selector("ul.lk-options",
                                  "e => [getComputedStyle(e).listStyleType, getComputedStyle(e).marginLeft]")
    assert style == ["none", "0px"]
    quiz.answer(1, 1)
    expect(quiz.button(1, "check")).to_be_hidden()
    expect(quiz.button(1, "show_answers")).to_be_visible()
    quiz.button(1, "show_answers").click()
    expect(quiz.button(1, "show_answers")).to_be_hidden()
    page.get_by_role("button", name=S["start_again"], exact=True).click()
    expect(page.locator(".lk-retry:visible, .lk-show:visible, .lk-feedback:visible")).to_have_count(0)


# -- strings -------------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", ["corrupt", "missing"])
@pytest.mark.parametrize("lang", LANGS)
def test_without_the_pages_strings_the_quiz_stays_as_without_javascript(make_quiz, lang, variant):
    """The script has no copy of the strings: without valid ones on the page it leaves the quiz alone
    (answer key in <details>, no Check button, no summary) and logs no error."""
    quiz = make_quiz(lang, "file", page=f"{lang}-{variant}").open(wait=False)
    quiz.page.wait_for_load_state("load")
    expect(quiz.page.locator("details.lk-answer").first).to_be_visible()
    expect(quiz.page.locator(".lk-check").first).to_be_hidden()
    expect(quiz.page.locator("[data-lk-summary]")).to_be_hidden()
    assert quiz.page.evaluate("() => document.documentElement.getAttribute('data-lk-quiz')") is None


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_answer_key_is_there(make_quiz, lang):
    quiz = make_quiz(lang, "file", java_script_enabled=False).open(wait=False)
    expect(quiz.page.locator("details.lk-answer").first).to_be_visible()
    expect(quiz.page.locator(".lk-check").first).to_be_hidden()  # it would do nothing
    expect(quiz.page.locator("[data-lk-summary]")).to_be_hidden()


# -- print --------------------------------------------------------------------------------------------

def shown_in_print(quiz, selector):
    return quiz.page.eval_on_selector_all(
        selector, "els => els.map(e => getComputedStyle(e).display !== 'none' && !!e.getClientRects().length)")


def box_content(quiz, q, k):
    return quiz.page.eval_on_selector(f"label[for='lk-q-{q}-{k}']",
                                      "e => getComputedStyle(e, '::before').content")


@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("lang", LANGS)
def test_lesson_page_prints_as_the_teachers_copy(make_quiz, lang, look):
    quiz = opened(make_quiz, lang, "file", look)
    quiz.answer(1, 1)  # what a pupil did on screen does not change the printed key
    quiz.page.emulate_media(media="print")
    S = quiz.S
    assert all(shown_in_print(quiz, ".lk-feedback"))
    assert all(shown_in_print(quiz, ".lk-explanation"))
    keys = quiz.page.locator(".lk-key")
    expect(keys).to_have_count(5)  # one per right option
    for text in keys.all_inner_texts():
        assert text.strip() == "✓ " + S["mark_answer"]
    assert box_content(quiz, 1, 2) == '"✓"' and box_content(quiz, 1, 1) == '""'
    for hidden in (".lk-question__actions", ".lk-question__result", ".lk-answer", ".lk-summary", ".lk-mark",
                   ".lk-option > input"):
        assert not any(shown_in_print(quiz, hidden)), hidden


@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("lang", LANGS)
def test_student_page_prints_as_a_worksheet(make_quiz, lang, look):
    quiz = opened(make_quiz, lang, "file", look)
    quiz.page.eval_on_selector(".lk-page", "e => e.className = 'lk-page lk-page--student'")
    quiz.answer(1, 2)
    quiz.answer(2, 2)
    quiz.button(2, "show_answers").click()
    quiz.page.emulate_media(media="print")
    for hidden in (".lk-feedback", ".lk-explanation", ".lk-key", ".lk-mark", ".lk-question__actions",
                   ".lk-question__result", ".lk-answer", ".lk-summary", ".lk-option > input", "button"):
        assert not any(shown_in_print(quiz, hidden)), hidden
    assert all(shown_in_print(quiz, ".lk-option > label"))
    for q, k in ((1, 1), (1, 2), (2, 1), (3, 2)):
        assert box_content(quiz, q, k) == '""'  # an empty box for every option
    border = quiz.page.eval_on_selector("label[for='lk-q-1-2']", "e => getComputedStyle(e, '::before').borderTopStyle")
    assert border == "solid"
