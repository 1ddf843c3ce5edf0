"""Golden HTML of the site's blocks, the page summary and the read-aloud buttons, and the errors of the
quiz block.

Each ``golden/<case>.md`` is rendered with the real extension and compared with ``golden/<case>.<lang>.html``.
After a deliberate change of the HTML, regenerate with ``UPDATE_GOLDEN=1``: the test then writes the files
and fails, so that nobody mistakes a rewrite for a pass; review the diff and run again without it.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from lessonkit.markdown import LessonkitExtension, RenderState
from lessonkit.model.helplines import Helplines, Hotline
from lessonkit.quiz.strings import SCRIPT_STRINGS, strings_for
from lessonkit.safety.sanitize import OWN_ATTRIBUTE, OWN_TOKEN

STRINGS = {lang: strings_for(lang) for lang in ("vi", "en")}

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.md"))
PAGE_KEY = "lessons/primary/demo/quiz/"
SINGLE = (GOLDEN / "single.md").read_text(encoding="utf-8")
HELP = Helplines(
    hotlines=[Hotline("111", {"vi": "Tổng đài 111", "en": "Hotline 111"}, {"vi": "Miễn phí.", "en": "Free."})]
)


def render(text: str, lang: str = "vi", extra: tuple[str, ...] = (), **state_fields: object) -> tuple[str, RenderState]:
    state = RenderState(lang=lang, **state_fields)  # type: ignore[arg-type]
    md = markdown.Markdown(extensions=[LessonkitExtension(state), "pymdownx.superfences", "toc", *extra])
    # The secret mark of the site's own markup (lessonkit.safety.sanitize) differs on every run and never
    # reaches a page: the sanitizer removes it.
    return md.convert(text).replace(f' {OWN_ATTRIBUTE}="{OWN_TOKEN}"', ""), state


VOID = frozenset({"input", "br", "img", "hr", "meta", "link"})


class Elements(HTMLParser):
    """Every start tag of a page as ``(tag, attributes)``, in order, and the text inside each."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._open: list[tuple[str, int]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self.text.append("")
        if tag not in VOID:
            self._open.append((tag, len(self.tags) - 1))

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        for _, index in self._open:
            self.text[index] += data

    def find(self, predicate) -> list[tuple[dict[str, str], str]]:  # type: ignore[no-untyped-def]
        return [
            (attrs, " ".join(self.text[i].split())) for i, (tag, attrs) in enumerate(self.tags) if predicate(tag, attrs)
        ]


def has_class(name: str):  # type: ignore[no-untyped-def]
    return lambda tag, attrs: name in attrs.get("class", "").split()


# -- golden files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", CASES)
def test_golden_html(case: str, lang: str) -> None:
    html, state = render((GOLDEN / f"{case}.md").read_text(encoding="utf-8"), lang, page_key=PAGE_KEY)
    assert not state.problems
    expected = GOLDEN / f"{case}.{lang}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(html + "\n", encoding="utf-8")
        pytest.fail(f"UPDATE_GOLDEN is set: wrote {expected.name}; review the diff, then run without it")
    assert html + "\n" == expected.read_text(encoding="utf-8")


def test_questions_are_numbered_per_page() -> None:
    html, _ = render(SINGLE + "\n" + SINGLE)
    assert 'id="lk-q-1"' in html and 'id="lk-q-2"' in html and "Câu 2." in html
    again, _ = render(SINGLE)  # a new page starts again at 1
    assert 'id="lk-q-2"' not in again


# -- the page summary (written by the extension's tree processor) -------------------------------------


def test_one_summary_right_after_the_last_question() -> None:
    html, _ = render(SINGLE + "\nBetween.\n\n" + SINGLE + "\nAfter the quiz.\n", page_key=PAGE_KEY)
    assert html.count("data-lk-summary") == 1
    last_form = html.rindex("</form>")
    summary = html.index('<section aria-labelledby="lk-summary-title"')
    assert html[last_form:summary] == "</form>\n"
    assert summary < html.index("After the quiz.")


def test_summary_follows_a_question_nested_in_another_block() -> None:
    nested = "/// details | More\n    open: true\n\n" + SINGLE + "///\n\nAfter.\n"
    html, _ = render(nested, extra=("pymdownx.blocks.details",))
    details_end = html.index("</details>", html.index("</form>"))
    assert html.index("</form>") < html.index("data-lk-summary") < details_end < html.index("After.")


def test_no_summary_without_questions() -> None:
    html, _ = render((GOLDEN / "audience.md").read_text(encoding="utf-8"), page_key=PAGE_KEY)
    assert "data-lk-summary" not in html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_carries_the_page_key_and_the_strings_the_script_says(lang: str) -> None:
    html, _ = render(SINGLE, lang, page_key=PAGE_KEY)
    [(attrs, _text)] = Elements(html).find(lambda tag, a: "data-lk-summary" in a)
    assert attrs["data-lk-page"] == PAGE_KEY
    strings = json.loads(attrs["data-lk-strings"])
    assert list(strings) == list(SCRIPT_STRINGS)
    table = STRINGS[lang]
    assert strings["result_none"] == table["result_none"].replace("{check}", table["check"])
    assert "{check}" not in attrs["data-lk-strings"]
    for key in SCRIPT_STRINGS:
        if key != "result_none":
            assert strings[key] == table[key]


def test_summary_without_a_page_key_leaves_the_key_to_the_script() -> None:
    html, _ = render(SINGLE)
    [(attrs, _text)] = Elements(html).find(lambda tag, a: "data-lk-summary" in a)
    assert "data-lk-page" not in attrs


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_has_the_status_region_the_help_and_start_again(lang: str) -> None:
    html, _ = render(SINGLE, lang, helplines=HELP)
    page = Elements(html)
    [(score, _)] = page.find(has_class("lk-score"))
    assert score["role"] == "status" and score["aria-live"] == "polite"
    [(_, help_text)] = page.find(has_class("lk-help"))
    assert "111" in help_text and HELP.main.name[lang] in help_text
    assert 'href="tel:111"' in html
    [(_, restart)] = page.find(has_class("lk-restart"))
    assert restart == STRINGS[lang]["start_again"]


def test_summary_heading_stays_out_of_the_table_of_contents() -> None:
    state = RenderState(lang="vi")
    md = markdown.Markdown(extensions=[LessonkitExtension(state), "toc"])
    md.convert("## Câu hỏi\n\n" + SINGLE)
    assert [t["name"] for t in md.toc_tokens] == ["Câu hỏi"]  # type: ignore[attr-defined]


def test_the_summary_parses_as_well_formed_markup() -> None:
    html, _ = render(SINGLE, helplines=HELP, page_key=PAGE_KEY)
    start = html.index('<section aria-labelledby="lk-summary-title"')
    etree.fromstring(html[start : html.index("</section>", start) + len("</section>")])


# -- what the script needs, written by the renderer ---------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_question_has_its_buttons_marks_and_result(lang: str) -> None:
    table = STRINGS[lang]
    page = Elements(render((GOLDEN / "multiple.md").read_text(encoding="utf-8"), lang)[0])
    buttons = page.find(lambda tag, a: tag == "button")
    names = [text for _, text in buttons]
    assert names == [
        table["read_aloud"],
        table["check"],
        table["try_again"],
        table["show_answers"],
        table["start_again"],
    ]
    hidden = [("hidden" in attrs) for attrs, _ in buttons]
    assert hidden == [True, False, True, True, False]
    marks = page.find(has_class("lk-mark"))
    assert [a["id"] for a, _ in marks] == ["lk-q-1-1-mark", "lk-q-1-2-mark", "lk-q-1-3-mark"]
    assert all("hidden" in a and text == "" for a, text in marks)
    assert len(page.find(has_class("lk-mark__icon"))) == len(page.find(has_class("lk-mark__word"))) == 3
    [(result, _)] = page.find(has_class("lk-question__result"))
    assert result["aria-live"] == "polite" and result["tabindex"] == "-1"
    [(_, hint)] = page.find(has_class("lk-question__hint"))
    assert hint == table["choose_all"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_read_aloud_buttons_on_questions_and_student_blocks_only(lang: str) -> None:
    text = (GOLDEN / "audience.md").read_text(encoding="utf-8") + "\n/// family\nAt home.\n///\n\n" + SINGLE
    page = Elements(render(text, lang)[0])
    read = page.find(lambda tag, a: tag == "button" and "data-lk-read" in a)
    assert [name for _, name in read] == [STRINGS[lang]["read_aloud"]] * 2
    for attrs, _ in read:
        assert attrs["type"] == "button" and attrs["aria-pressed"] == "false" and "hidden" in attrs
    html = render(text, lang)[0]
    student = html.index("lk-audience--student")
    teacher, family = html.index("lk-audience--teacher"), html.index('class="lk-family"')
    first_read = html.index("data-lk-read")
    assert student < first_read < html.index("</div>", student)  # inside the student block
    assert html.count("data-lk-read", teacher, student) == 0
    assert html.count("data-lk-read", family, html.index("<form")) == 0
    # The question's button is the form's own child, before (outside) the fieldset that checking disables.
    form = html.index("<form")
    assert form < html.index("data-lk-read", form) < html.index("<fieldset", form)


def test_the_speaker_icon_is_hidden_from_screen_readers() -> None:
    page = Elements(render(SINGLE)[0])
    [(svg, _)] = page.find(lambda tag, a: tag == "svg")
    assert svg["aria-hidden"] == "true" and svg["focusable"] == "false"


# -- errors ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body,message",
    [
        ("- [ ] A\n    a\n- [ ] B\n    b\n", "no option is marked correct"),
        ("- [x] A\n    a\n", "at least 2 options"),
        ("- [x] A\n- [ ] B\n    b\n", "option has no feedback"),
        ("Intro text.\n- [x] A\n    a\n- [ ] B\n    b\n", "text before the options"),
    ],
)
def test_errors_are_reported_not_rendered_silently(body: str, message: str) -> None:
    _, state = render(f"/// quiz | Question?\n{body}///\n")
    assert any(message in p for p in state.problems), state.problems


@pytest.mark.parametrize(
    "header",
    [
        "/// quiz | Question?\n    type: several\n",  # an invalid option value
        "/// quiz | Question?\n    colour: red\n",  # an unknown option
        "/// quiz\n",  # no question
    ],
)
def test_invalid_headers_leave_literal_text_that_the_plugin_refuses(header: str) -> None:
    from lessonkit.plugin.plugin import RE_LITERAL_BLOCK

    html, _ = render(header + "- [x] A\n    a\n- [ ] B\n    b\n///\n")
    assert RE_LITERAL_BLOCK.search(html), html
