"""markdown/helplines.py: the one builder of the help markup (the hotline sentence, the helplines block)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown

from lessonkit.labels import labels_for
from lessonkit.markdown import LessonkitExtension, RenderState
from lessonkit.markdown.helplines import help_html, hotline_sentence, number_link, render_helplines
from lessonkit.model.helplines import Helplines, Hotline

HELP = Helplines(
    hotlines=[
        Hotline("111", {"vi": "Tổng đài <111>", "en": "Hotline & 111"}, {"vi": "Miễn phí.", "en": "Free."}),
        Hotline(
            "113",
            {"vi": "Công an", "en": "Police"},
            {"vi": "Khẩn cấp.", "en": "Danger."},
            {"title": "T", "url": "https://a.example/x"},
        ),
    ],
    trusted_adults={"vi": ["Bố mẹ"], "en": ["Parents"]},
    report_to={"vi": "Công an phường.", "en": "The ward police."},
)


def html(element: etree.Element) -> str:
    return etree.tostring(element, encoding="unicode", method="html")


def test_a_number_is_a_link_that_dials_it() -> None:
    assert html(number_link("111")) == '<a href="tel:111">111</a>'
    assert html(number_link("111", strong=True)) == '<a href="tel:111"><strong>111</strong></a>'
    assert html(number_link("113", css="lk-hotline-number")) == '<a href="tel:113" class="lk-hotline-number">113</a>'


def test_the_sentence_fills_in_the_main_hotline_escaped() -> None:
    sentence = hotline_sentence(HELP, "en", "banner")
    template = labels_for("en")["banner"]
    assert "{number}" in template and "{name}" in template
    assert str(sentence) == (
        template.replace("{number}", '<a href="tel:111"><strong>111</strong></a>').replace(
            "{name}", "Hotline &amp; 111"
        )
    )
    assert "Tổng đài &lt;111&gt;" in hotline_sentence(HELP, "vi", "banner")


def test_the_quiz_help_is_a_paragraph_or_nothing() -> None:
    assert help_html(HELP, "vi") == f"<p>{hotline_sentence(HELP, 'vi', 'quiz_help')}</p>"
    assert help_html(None, "vi") == ""


def test_the_block_lists_every_hotline_the_adults_and_where_to_report() -> None:
    box = etree.Element("div")
    render_helplines(box, HELP, "en")
    labels = labels_for("en")
    rows = box.findall("./table/tbody/tr")
    assert [html(row.find("th/a")) for row in rows] == [
        '<a href="tel:111" class="lk-hotline-number">111</a>',
        '<a href="tel:113" class="lk-hotline-number">113</a>',
    ]
    assert [row.find("td").text for row in rows] == ["Hotline & 111", "Police"]
    assert [h.text for h in box.findall("h3")] == [labels["trusted_adults"], labels["report_to"]]
    assert [li.text for li in box.findall("ul/li")] == ["Parents"]
    sources = box.find("p[@class='lk-sources']")
    assert sources is not None and sources.text == labels["source"] + ": "
    assert [a.get("href") for a in sources.findall("a")] == ["https://a.example/x"]


def test_the_block_in_a_page_and_without_a_helplines_file() -> None:
    state = RenderState(lang="vi", helplines=HELP)
    page = markdown.Markdown(extensions=[LessonkitExtension(state), "toc"]).convert("/// helplines\n///\n")
    assert page.count('class="lk-hotline-number"') == 2 and '<h3 id="' in page and not state.problems
    state = RenderState(lang="vi")
    markdown.Markdown(extensions=[LessonkitExtension(state)]).convert("/// helplines\n///\n")
    assert state.problems == ["helplines block: lessons/helplines.yml could not be read"]
