"""Golden HTML of the site's blocks, and the errors of the quiz block.

Each ``golden/<case>.md`` is rendered with the real extension and compared with ``golden/<case>.<lang>.html``.
After a deliberate change of the HTML, regenerate with ``UPDATE_GOLDEN=1`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest

from lessonkit.markdown import LessonkitExtension, RenderState

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.md"))


def render(text: str, lang: str = "vi") -> tuple[str, RenderState]:
    state = RenderState(lang=lang)
    md = markdown.Markdown(extensions=[LessonkitExtension(state), "pymdownx.superfences"])
    return md.convert(text), state


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", CASES)
def test_golden_html(case: str, lang: str) -> None:
    html, state = render((GOLDEN / f"{case}.md").read_text(encoding="utf-8"), lang)
    assert not state.problems
    expected = GOLDEN / f"{case}.{lang}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(html + "\n", encoding="utf-8")
    assert html + "\n" == expected.read_text(encoding="utf-8")


def test_questions_are_numbered_per_page() -> None:
    text = (GOLDEN / "single.md").read_text(encoding="utf-8")
    html, _ = render(text + "\n" + text)
    assert 'id="lk-q-1"' in html and 'id="lk-q-2"' in html and "Câu 2." in html
    again, _ = render(text)  # a new page starts again at 1
    assert 'id="lk-q-2"' not in again


@pytest.mark.parametrize("body,message", [
    ("- [ ] A\n    a\n- [ ] B\n    b\n", "no option is marked correct"),
    ("- [x] A\n    a\n", "at least 2 options"),
    ("- [x] A\n- [ ] B\n    b\n", "option has no feedback"),
    ("Intro text.\n- [x] A\n    a\n- [ ] B\n    b\n", "text before the options"),
])
def test_errors_are_reported_not_rendered_silently(body: str, message: str) -> None:
    _, state = render(f"/// quiz | Question?\n{body}///\n")
    assert any(message in p for p in state.problems), state.problems


@pytest.mark.parametrize("header", [
    "/// quiz | Question?\n    type: several\n",   # an invalid option value
    "/// quiz | Question?\n    colour: red\n",     # an unknown option
    "/// quiz\n",                                  # no question
])
def test_invalid_headers_leave_literal_text_that_the_plugin_refuses(header: str) -> None:
    from lessonkit.plugin.plugin import RE_LITERAL_BLOCK

    html, _ = render(header + "- [x] A\n    a\n- [ ] B\n    b\n///\n")
    assert RE_LITERAL_BLOCK.search(html), html
