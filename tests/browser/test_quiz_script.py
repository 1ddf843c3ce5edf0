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
BOTH = pytest.mark.parametrize("lang,transport", [(lang, t) for lang in LANGS for t in TRANSPORTS], ids=lambda v: v)
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


# -- the contract the outside tests rely on (docs/reference.en.md#quiz, "In the browser") ------------------------------


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


@pytest.mark.parametrize(
    "right,message", [(4, "complete_all"), (3, "complete_most"), (2, "complete_some"), (0, "complete_some")]
)
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
    data = {
        "v": 1,
        "q": {
            "lk-q-1": {"k": "old-hash", "c": ["2"], "s": "checked"},
            "lk-q-2": {"k": key2, "c": ["1", "3"], "s": "checked"},
        },
    }
    quiz.page.evaluate("([k, v]) => localStorage.setItem(k, v)", [quiz.storage_key(), json.dumps(data)])
    quiz.reload()
    expect(quiz.option(1, 2)).not_to_be_checked()
    expect(quiz.result(1)).to_have_text("")
    expect(quiz.result(2)).to_have_text(S["result_right"])
    expect(quiz.status()).to_have_text(score(S, 1))


def key_of(quiz, q):
    return quiz.question(q).get_attribute("data-lk-key")


CORRUPT = [
    "{",
    "null",
    "[]",
    "42",
    '"text"',
    "true",
    '{"q": null}',
    '{"q": []}',
    '{"q": "x"}',
    '{"q": {"lk-q-1": "x"}}',
    '{"q": {"lk-q-1": null}}',
    '{"q": {"lk-q-1": []}}',
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
    max_leaves=8,
)
ENTRIES = st.fixed_dictionaries(
    {
        "k": st.sampled_from(["@1", "@2", "", "x"]) | JSON_VALUES,
        "c": st.lists(st.sampled_from(["1", "2", "3", "4", "5", ""]) | JSON_VALUES, max_size=4) | JSON_VALUES,
        "s": st.sampled_from(["open", "checked", "shown", "right", ""]) | JSON_VALUES,
    }
)
SAVED = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries(
        {
            "v": JSON_VALUES,
            "q": st.dictionaries(
                st.sampled_from(["lk-q-1", "lk-q-2", "lk-q-3", "lk-q-4", "x"]), ENTRIES | JSON_VALUES, max_size=4
            ),
        }
    ),
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
    "full": "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
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
    quiz = opened(make_quiz, "vi", "file", look, viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True)
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
    for selector in (
        "details.lk-answer",
        ".lk-feedback",
        ".lk-explanation",
        ".lk-mark",
        ".lk-key",
        ".lk-retry",
        ".lk-show",
        "[data-lk-complete]",
    ):
        expect(page.locator(selector + ":visible")).to_have_count(0)
    # No bullets and no indent from Material's list styles.
    style = page.eval_on_selector(
        "ul.lk-options", "e => [getComputedStyle(e).listStyleType, getComputedStyle(e).marginLeft]"
    )
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
        selector, "els => els.map(e => getComputedStyle(e).display !== 'none' && !!e.getClientRects().length)"
    )


def box_content(quiz, q, k):
    return quiz.page.eval_on_selector(f"label[for='lk-q-{q}-{k}']", "e => getComputedStyle(e, '::before').content")


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
    for hidden in (
        ".lk-question__actions",
        ".lk-question__result",
        ".lk-answer",
        ".lk-summary",
        ".lk-mark",
        ".lk-option > input",
    ):
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
    for hidden in (
        ".lk-feedback",
        ".lk-explanation",
        ".lk-key",
        ".lk-mark",
        ".lk-question__actions",
        ".lk-question__result",
        ".lk-answer",
        ".lk-summary",
        ".lk-option > input",
        "button",
    ):
        assert not any(shown_in_print(quiz, hidden)), hidden
    assert all(shown_in_print(quiz, ".lk-option > label"))
    for q, k in ((1, 1), (1, 2), (2, 1), (3, 2)):
        assert box_content(quiz, q, k) == '""'  # an empty box for every option
    border = quiz.page.eval_on_selector("label[for='lk-q-1-2']", "e => getComputedStyle(e, '::before').borderTopStyle")
    assert border == "solid"


@pytest.mark.parametrize("lang", LANGS)
def test_printed_boxes_are_round_for_one_answer_and_square_for_several(make_quiz, lang):
    """As on screen: a radio button's box prints round, a check box's square (issue 18)."""
    quiz = opened(make_quiz, lang, "file", LOOKS[0])
    quiz.page.emulate_media(media="print")
    shapes = quiz.page.eval_on_selector_all(
        ".lk-option > label",
        """els => els.map(e => [e.previousElementSibling.type,
                                getComputedStyle(e, '::before').borderTopLeftRadius])""",
    )
    kinds = {kind for kind, _ in shapes}
    assert kinds == {"radio", "checkbox"}, shapes
    for kind, radius in shapes:
        assert (radius == "50%") == (kind == "radio"), shapes


# -- read aloud (docs/reference.en.md#read-aloud) -------------------------------------------------------------------------------

# Headless Chromium has no voices: a stand-in speechSynthesis (and SpeechSynthesisUtterance) with the
# voices given, installed before any script of the page runs. It records every utterance as spoken
# (text, lang, voice name) and every cancel(); like a browser, it reports the end of an utterance, or
# its interruption by cancel(), asynchronously. window.__lkSpeech drives it from the tests.
SPEECH_STANDIN = """
(() => {
  let voices = __VOICES__;
  let queue = [];
  const spoken = [];
  const later = (f) => setTimeout(f, 0);
  const fire = (u, type, error) => {
    const event = new Event(type);
    if (error) event.error = error;
    u.dispatchEvent(event);
    if (typeof u['on' + type] === 'function') u['on' + type](event);
  };
  class Utterance extends EventTarget {
    constructor(text) {
      super();
      Object.assign(this, { text: String(text), lang: '', voice: null, rate: 1, pitch: 1, volume: 1,
                            onstart: null, onend: null, onerror: null });
    }
  }
  const synth = new EventTarget();
  Object.assign(synth, {
    paused: false,
    get speaking() { return queue.length > 0; },
    get pending() { return queue.length > 1; },
    getVoices: () => voices.slice(),
    speak(u) {
      if (!(u instanceof Utterance)) throw new TypeError('speak() needs an utterance');
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null });
      queue.push(u);
    },
    cancel() {
      window.__lkSpeech.cancels += 1;
      const dropped = queue;
      queue = [];
      later(() => dropped.forEach((u) => fire(u, 'error', 'interrupted')));
    },
    pause() {}, resume() {},
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  window.__lkSpeech = {
    spoken: spoken, cancels: 0,
    queued: () => queue.map((u) => u.text),
    setVoices(list) { voices = list; synth.dispatchEvent(new Event('voiceschanged')); },
    finish() { const done = queue; queue = []; later(() => done.forEach((u) => fire(u, 'end'))); },
  };
})();
"""
NO_SPEECH = (
    "Object.defineProperty(window, 'speechSynthesis', { value: undefined }); delete window.SpeechSynthesisUtterance;"
)
VI_VN = {"name": "Tiếng Việt (Việt Nam)", "lang": "vi-VN", "localService": True, "default": False}
EN_US = {"name": "English (US)", "lang": "en-US", "localService": True, "default": True}
VOICES = {"vi": VI_VN, "en": EN_US}


def speaking(make_quiz, lang, voices, page=None, transport="file", wait=True, **context_options):
    """The fixture page with the stand-in offering ``voices``."""
    quiz = make_quiz(lang, transport, page=page, **context_options)
    quiz.context.add_init_script(SPEECH_STANDIN.replace("__VOICES__", json.dumps(voices)))
    quiz.open(wait=wait)
    if not wait:
        quiz.page.wait_for_load_state("load")
    return quiz


def read_buttons(quiz):
    return quiz.page.get_by_role("button", name=quiz.S["read_aloud"], exact=True)


def read_button(quiz, block: str):
    """The read-aloud button of a block: ``student`` or ``q1`` … ``q4``."""
    where = ".lk-audience--student" if block == "student" else f"#lk-q-{block[1:]}"
    return quiz.page.locator(f"{where} > button[data-lk-read]")


def spoken(quiz):
    return quiz.page.evaluate("() => window.__lkSpeech.spoken.slice()")


def said_texts(quiz):
    return [u["text"] for u in spoken(quiz)]


def forget_spoken(quiz):
    quiz.page.evaluate("() => { window.__lkSpeech.spoken.length = 0; }")


def text_of(quiz, selector):
    return " ".join(quiz.page.locator(selector).inner_text().split())


def option_line(quiz, q, k):
    letter = "ABCDEFGH"[k - 1]
    return quiz.S["read_option"].format(letter=letter, text=text_of(quiz, f"label[for='lk-q-{q}-{k}']"))


def expect_reading(quiz, block: str):
    """``block`` is being read: its button pressed (name unchanged), the block marked; no other."""
    button = read_button(quiz, block)
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(quiz.page.get_by_role("button", name=quiz.S["read_aloud"], exact=True, pressed=True)).to_have_count(1)
    expect(button.locator("xpath=..")).to_have_class(re.compile(r"\blk-reading\b"))
    expect(quiz.page.locator(".lk-reading")).to_have_count(1)


def expect_silent(quiz):
    expect(quiz.page.locator("button[data-lk-read][aria-pressed='true']")).to_have_count(0)
    expect(quiz.page.locator(".lk-reading")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", ["no-speech", "no-voices", "other-language", "real-headless"])
def test_no_read_aloud_without_a_voice_for_the_page(make_quiz, lang, case):
    if case == "real-headless":  # whatever this Chromium offers: here, no voice at all
        quiz = make_quiz(lang, "file").open()
        if quiz.page.evaluate(
            f"() => !!window.speechSynthesis && speechSynthesis.getVoices().some(v => v.lang.startsWith('{lang}'))"
        ):
            pytest.skip("this Chromium has a voice of its own")
    elif case == "no-speech":
        quiz = make_quiz(lang, "file")
        quiz.context.add_init_script(NO_SPEECH)
        quiz.open()
    else:
        other = VOICES["en" if lang == "vi" else "vi"]
        quiz = speaking(make_quiz, lang, [] if case == "no-voices" else [other])
    expect(quiz.page.locator("button[data-lk-read]")).to_have_count(M + 1)  # written, hidden
    expect(read_buttons(quiz)).to_have_count(0)
    expect(quiz.status()).to_have_text(score(quiz.S, 0))  # the quiz works as ever


@BOTH
def test_buttons_appear_with_a_voice_of_the_page_language(make_quiz, lang, transport):
    quiz = speaking(make_quiz, lang, [VOICES["en" if lang == "vi" else "vi"], VOICES[lang]], transport=transport)
    expect(read_buttons(quiz)).to_have_count(M + 1)
    for block in ("student", "q1", "q2", "q3", "q4"):
        expect(read_button(quiz, block)).to_be_visible()
        expect(read_button(quiz, block)).to_have_attribute("aria-pressed", "false")


def test_buttons_appear_after_a_late_voiceschanged_and_go_with_the_voice(make_quiz):
    quiz = speaking(make_quiz, "vi", [])
    expect(read_buttons(quiz)).to_have_count(0)
    quiz.page.evaluate("v => window.__lkSpeech.setVoices(v)", [EN_US])
    expect(read_buttons(quiz)).to_have_count(0)  # still no Vietnamese voice
    quiz.page.evaluate("v => window.__lkSpeech.setVoices(v)", [EN_US, VI_VN])
    expect(read_buttons(quiz)).to_have_count(M + 1)
    read_button(quiz, "q1").click()
    expect_reading(quiz, "q1")
    quiz.page.evaluate("() => window.__lkSpeech.setVoices([])")  # the voice went away while reading
    expect(read_buttons(quiz)).to_have_count(0)
    expect_silent(quiz)


@pytest.mark.parametrize(
    "lang,voices,chosen",
    [
        (
            "vi",
            [
                {"name": "vi region", "lang": "vi-VN", "default": True, "localService": True},
                {"name": "vi plain", "lang": "vi", "default": False, "localService": False},
            ],
            "vi plain",
        ),
        (
            "vi",
            [
                {"name": "remote", "lang": "vi-VN", "default": True, "localService": False},
                {"name": "device", "lang": "vi-VN", "default": False, "localService": True},
            ],
            "device",
        ),
        (
            "vi",
            [
                {"name": "first", "lang": "vi-VN", "default": False, "localService": True},
                {"name": "default", "lang": "vi-VN", "default": True, "localService": True},
            ],
            "default",
        ),
        ("vi", [EN_US, {"name": "android", "lang": "vi_VN", "default": False, "localService": False}], "android"),
        ("en", [VI_VN, {"name": "british", "lang": "en-GB", "default": False, "localService": False}], "british"),
    ],
    ids=["page-tag-first", "device-next", "default-last", "underscore-tag", "english-any-region"],
)
def test_the_best_voice_for_the_page_is_chosen(make_quiz, lang, voices, chosen):
    quiz = speaking(make_quiz, lang, voices)
    read_button(quiz, "student").click()
    said = spoken(quiz)
    assert said and all(u["voice"] == chosen for u in said), said
    tag = next(v["lang"] for v in voices if v["name"] == chosen).replace("_", "-")
    assert all(u["lang"] == tag for u in said), said


@pytest.mark.parametrize("lang", LANGS)
def test_a_question_is_read_with_its_options_then_with_its_feedback(make_quiz, lang):
    quiz = speaking(make_quiz, lang, [VOICES[lang]])
    read_button(quiz, "q2").click()
    expect_reading(quiz, "q2")
    legend = text_of(quiz, "#lk-q-2 legend")
    assert legend.startswith(quiz.S["question_number"].format(n=2))
    assert said_texts(quiz) == [legend, quiz.S["choose_all"]] + [option_line(quiz, 2, k) for k in (1, 2, 3, 4)]
    assert {u["lang"] for u in spoken(quiz)} == {VOICES[lang]["lang"]}
    if lang == "vi":
        assert said_texts(quiz)[2].startswith("Phương án A: ")
    else:
        assert said_texts(quiz)[2].startswith("A. ")
    quiz.page.evaluate("() => window.__lkSpeech.finish()")
    expect_silent(quiz)
    # After checking (one right, one wrong choice): the result, then what each chosen option says.
    forget_spoken(quiz)
    quiz.answer(2, 1, 2)
    read_button(quiz, "q2").click()
    S = quiz.S
    assert said_texts(quiz) == [
        legend,
        S["choose_all"],
        S["result_wrong"],
        option_line(quiz, 2, 1),
        S["mark_right"],
        text_of(quiz, "#lk-q-2-1-fb"),
        option_line(quiz, 2, 2),
        S["mark_wrong"],
        text_of(quiz, "#lk-q-2-2-fb"),
        text_of(quiz, "#lk-q-2 .lk-explanation"),
    ]


def test_a_student_block_is_read_line_by_line(make_quiz):
    quiz = speaking(make_quiz, "vi", [VI_VN])
    read_button(quiz, "student").click()
    expect_reading(quiz, "student")
    items = [" ".join(t.split()) for t in quiz.page.locator(".lk-audience--student li").all_inner_texts()]
    assert said_texts(quiz) == [text_of(quiz, ".lk-audience--student .admonition-title")] + items
    assert quiz.S["read_aloud"] not in " ".join(said_texts(quiz))


def test_pressing_again_stops_and_another_button_takes_over(make_quiz):
    quiz = speaking(make_quiz, "vi", [VI_VN])
    cancels = lambda: quiz.page.evaluate("() => window.__lkSpeech.cancels")  # noqa: E731
    queued = lambda: quiz.page.evaluate("() => window.__lkSpeech.queued()")  # noqa: E731
    read_button(quiz, "q1").click()
    expect_reading(quiz, "q1")
    before = cancels()
    read_button(quiz, "q1").click()  # the same button again: stop
    expect_silent(quiz)
    assert cancels() > before and queued() == []
    read_button(quiz, "q1").click()
    expect_reading(quiz, "q1")
    forget_spoken(quiz)
    read_button(quiz, "q3").click()  # another button: the first stops, the second reads
    expect_reading(quiz, "q3")
    assert queued() == said_texts(quiz) and said_texts(quiz)[0] == text_of(quiz, "#lk-q-3 legend")
    # The first reading's late "interrupted" events do not stop the second one.
    quiz.page.wait_for_timeout(100)
    expect_reading(quiz, "q3")
    quiz.page.evaluate("() => window.__lkSpeech.finish()")  # the reading comes to its end
    expect_silent(quiz)


def test_read_aloud_by_keyboard(make_quiz):
    quiz = speaking(make_quiz, "en", [EN_US])
    kb = quiz.page.keyboard
    tab_to(quiz, "button.lk-read")  # the first focusable thing: the pupils' block's button
    assert quiz.page.evaluate("() => document.activeElement.closest('.lk-audience--student') !== null")
    kb.press("Enter")
    expect_reading(quiz, "student")
    kb.press("Space")
    expect_silent(quiz)
    kb.press("Tab")  # the next control is question 1's button, before its options
    assert quiz.page.evaluate("() => document.activeElement.matches('#lk-q-1 > .lk-read')")
    kb.press("Space")
    expect_reading(quiz, "q1")
    kb.press("Tab")
    assert quiz.focused() == "lk-q-1-1"
    kb.press("ArrowDown")  # answering while the question is read
    expect(quiz.option(1, 2)).to_be_checked()
    kb.press("Shift+Tab")
    kb.press("Enter")
    expect_silent(quiz)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("look", LOOKS)
def test_axe_finds_nothing_on_the_read_aloud_controls(make_quiz, lang, look):
    from axe_playwright_python.sync_playwright import Axe

    if look == "material":
        pytest.importorskip("material")
    quiz = speaking(make_quiz, lang, [VOICES[lang]], page=lang if look == "plain" else f"{lang}-{look}")
    read_button(quiz, "q1").focus()
    results = Axe().run(quiz.page, options={"resultTypes": ["violations"], "preload": False})
    assert results.violations_count == 0, results.generate_report()
    read_button(quiz, "student").click()  # pressed, its block outlined
    quiz.answer(2, 1)
    results = Axe().run(quiz.page, options={"resultTypes": ["violations"], "preload": False})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("look", LOOKS)
def test_the_block_being_read_is_marked_also_in_forced_colours(make_quiz, look):
    if look == "material":
        pytest.importorskip("material")
    quiz = speaking(
        make_quiz,
        "vi",
        [VI_VN],
        page="vi" if look == "plain" else f"vi-{look}",
        viewport={"width": 360, "height": 640},
        has_touch=True,
        is_mobile=True,
    )
    outline = "e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]"
    for block in ("student", "q1"):
        button = read_button(quiz, block)
        assert button.bounding_box()["height"] >= 44
        button.click()
        style, width = button.locator("xpath=..").evaluate(outline)
        assert style != "none" and width >= 3
    quiz.page.emulate_media(forced_colors="active")
    style, width = quiz.page.locator(".lk-reading").evaluate(outline)
    assert style != "none" and width >= 3
    assert quiz.page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    quiz.page.emulate_media(media="print", forced_colors="none")
    assert not any(shown_in_print(quiz, ".lk-read"))
    assert quiz.page.locator(".lk-reading").evaluate("e => getComputedStyle(e).outlineStyle") == "none"


def test_a_page_without_questions_reads_its_student_block(make_quiz):
    quiz = speaking(make_quiz, "vi", [VI_VN], page="vi-noquiz", wait=False)
    expect(read_buttons(quiz)).to_have_count(1)
    read_button(quiz, "student").click()
    expect_reading(quiz, "student")
    assert said_texts(quiz)[0] == text_of(quiz, ".lk-audience--student .admonition-title")


def test_without_the_pages_strings_only_the_student_block_reads(make_quiz):
    quiz = speaking(make_quiz, "vi", [VI_VN], page="vi-corrupt", wait=False)
    expect(read_buttons(quiz)).to_have_count(1)
    expect(read_button(quiz, "student")).to_be_visible()
    expect(read_button(quiz, "q1")).to_be_hidden()


def test_leaving_the_page_stops_the_reading(make_quiz):
    quiz = speaking(make_quiz, "vi", [VI_VN])
    read_button(quiz, "q1").click()
    before = quiz.page.evaluate("() => window.__lkSpeech.cancels")
    quiz.page.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    expect_silent(quiz)
    assert quiz.page.evaluate("() => window.__lkSpeech.cancels") > before
