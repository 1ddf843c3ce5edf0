"""The ``step`` block: golden HTML of the teacher's line on the lesson page, in both languages; what it
reports when it cannot be read; and it stays off the pupils' page and the family sheet.

After a deliberate change of the HTML, regenerate with ``UPDATE_GOLDEN=1`` (the test then writes the files
and fails); review the diff and run again without it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest

from lessonkit.markdown import LessonkitExtension, RenderState
from lessonkit.model import read_markdown
from lessonkit.plugin.pages import family_markdown, student_markdown

GOLDEN = Path(__file__).parent / "golden"


def render(text: str, lang: str) -> tuple[str, RenderState]:
    state = RenderState(lang=lang)
    md = markdown.Markdown(extensions=[LessonkitExtension(state), "pymdownx.superfences", "toc"])
    return md.convert(text), state


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_golden_html(lang: str) -> None:
    html, state = render((GOLDEN / f"step.{lang}.md").read_text(encoding="utf-8"), lang)
    assert state.problems == []
    expected = GOLDEN / f"step.{lang}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(html + "\n", encoding="utf-8")
        pytest.fail(f"UPDATE_GOLDEN is set: wrote {expected.name}; review the diff, then run without it")
    assert html + "\n" == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "lang, line, words",
    [
        ("vi", "Mở đầu · Mục tiêu: HS nhớ", ("Mở đầu", "Mục tiêu:", "Sản phẩm:")),
        ("en", "Opening · Aim: Pupils remember", ("Opening", "Aim:", "Product:")),
    ],
)
def test_one_line_with_the_kind_and_the_labels_of_the_page_language(lang: str, line: str, words: tuple) -> None:
    html, _ = render((GOLDEN / f"step.{lang}.md").read_text(encoding="utf-8"), lang)
    start = html.index('<p class="lk-step"')
    paragraph = html[start : html.index("</p>", start)]
    text = " ".join(re.sub(r"<[^>]+>", "", paragraph).split())
    assert text.startswith(line)
    assert all(word in text for word in words)
    assert 'data-lk-kind="mo-dau"' in paragraph and paragraph.count('aria-hidden="true"') == 2


def test_an_unreadable_block_is_reported_with_the_checkers_words() -> None:
    _, state = render("/// step | Mo dau\nMục tiêu: Một câu.\n///\n", "vi")
    assert state.problems == [
        "step 'Mo dau': unknown kind of activity 'Mo dau' (did you mean 'Mở đầu'?): one of 'Mở đầu', "
        "'Hình thành kiến thức mới', 'Luyện tập', 'Vận dụng'",
        "step 'Mo dau': the 'step' block has no 'Sản phẩm:' sentence: write what pupils produce or can do at the "
        "end of the step",
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_not_on_the_pupils_page_nor_the_family_sheet(tmp_path: Path, lang: str) -> None:
    body = (GOLDEN / f"step.{lang}.md").read_text(encoding="utf-8")
    source = f"---\ntitle: T\ndescription: D\n---\n\n{body}\n/// student\n- Key.\n///\n\n/// family\nAt home.\n///\n"
    path = tmp_path / f"index.{lang}.md"
    path.write_text(source, encoding="utf-8")
    page = read_markdown(path, path.name, lang)
    assert [block.name for block in page.blocks] == ["step", "student", "family"]
    for generated in (student_markdown(page, lang), family_markdown(page, lang)):
        assert "/// step" not in generated and "Mục tiêu" not in generated and "Aim:" not in generated
    assert "- Key." in student_markdown(page, lang) and "At home." in family_markdown(page, lang)
