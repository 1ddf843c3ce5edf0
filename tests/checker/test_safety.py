"""Page safety (docs/reference.en.md#page-safety): nothing in a lesson or a site page can run code or load a page.

Every refused form goes through the CLI (``lessonkit check``): the file, the line, the message in
English and in Vietnamese, exit code 1, nothing on stderr. What a page holds is held to the allowlist
(:mod:`lessonkit.safety`): an element it does not name is refused as an element (its attributes and
addresses go with it), an attribute it does not name on an element it names is refused as an attribute,
and an address is quoted as the rendered page holds it (entities decoded, Markdown's brackets and title
gone). What is fine (code examples, a picture from the module folder, ``a < b`` in a title) is checked
to pass. The scanner itself is then tried on
spellings a browser reads as the same thing, and with hypothesis on text it must never choke on.
"""

from __future__ import annotations

import pytest
from checkerlib import EN, Q1, VI, P, Project, assert_sane, expect, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessonkit.model.messages import msg
from lessonkit.model.safety import first_markup, scan_markdown, unsafe_scheme

LINE = 20  # the demo's story line: "Giáo viên kể chuyện bạn Huy muốn kể với bà một điều quan trọng."
ANCHOR = "một điều quan trọng."
SEE_EN = " (see the authoring guide, 'Content rules')"
SEE_VI = " (xem mục 'Quy tắc nội dung' trong hướng dẫn soạn bài)"


#: A picture the examples point to, written into the demo module so that only page safety speaks (a
#: module folder publishes pictures only: what the examples embed or load lives on another host).
PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)


def _files(project: Project) -> None:
    project.write("lessons/primary/demo/a.png", PNG)


def _add(project: Project, markdown: str, rel: str = VI) -> None:
    """Put ``markdown`` at the end of line 20 of the demo's Vietnamese file (it may add lines)."""
    _files(project)
    project.replace(rel, ANCHOR, f"{ANCHOR} {markdown}")


def _refused(project: Project, rel: str, line: int, code: str, key: str, **params: object) -> None:
    """The CLI reports exactly this one error, in English and in Vietnamese, and exits 1."""
    message = msg(key, **params)
    expect(project, P(rel, line, "error", code, message.text("en")))
    vi = project.check("--lang", "vi")
    assert f"{rel}:{line}: error: {message.text('vi')}" in vi.lines, vi.out
    assert vi.rc == 1 and vi.err == ""
    assert message.text("vi") != message.text("en")


# --- every refused form, through the CLI ------------------------------------------------------------

ELEMENTS = [
    ("<script>alert(1)</script>", "script", "unsafe-html.script"),
    ("<SCRIPT SRC=x.js></SCRIPT>", "script", "unsafe-html.script"),
    ("<ScRiPt>alert(1)</sCrIpT>", "script", "unsafe-html.script"),
    ("<script/>", "script", "unsafe-html.script"),
    ('<iframe src="a.png"></iframe>', "iframe", "unsafe-html.embed"),
    ('<frame src="a.html">', "frame", "unsafe-html.embed"),
    ('<object data="a.png"></object>', "object", "unsafe-html.embed"),
    ('<embed src="a.png">', "embed", "unsafe-html.embed"),
    ('<applet code="A.class"></applet>', "applet", "unsafe-html.embed"),
    ('<portal src="a.png"></portal>', "portal", "unsafe-html.embed"),
    ('<form action="https://example.org/save"><label>Tên</label></form>', "form", "unsafe-html.form"),
    ("<style>body { display: none }</style>", "style", "unsafe-html.style"),
    ('<link rel="stylesheet" href="a.png">', "link", "unsafe-html.head"),
    ('<meta http-equiv="refresh" content="0; url=quiz.html">', "meta", "unsafe-html.head"),
    ('<base href="../">', "base", "unsafe-html.head"),
]


@pytest.mark.parametrize("markdown, tag, key", ELEMENTS, ids=[e[0][:24] for e in ELEMENTS])
def test_refused_element(project, markdown, tag, key):
    _add(project, markdown)
    _refused(project, VI, LINE, "unsafe-html", key, tag=tag)


#: Elements the allowlist does not name, also those the site writes itself (with its secret mark): written
#: by hand, each is refused as an element, whatever address or event attribute it carries.
OTHER_ELEMENTS = [
    ('<input name="q">', "input"),
    ('<button formaction="javascript:x">x</button>', "button"),
    ('<form2 action="javascript:x">', "form2"),
    ('<svg onload="alert(1)"></svg>', "svg"),
    ('<video poster="javascript:x"></video>', "video"),
    ('<audio src="a.png"></audio>', "audio"),
    ('<picture><img src="a.png" alt="x"></picture>', "picture"),
    ('<track src="a.png">', "track"),
    ("<textarea>x</textarea>", "textarea"),
    ("<plaintext>", "plaintext"),
    ('<math href="javascript:x">x</math>', "math"),
]


@pytest.mark.parametrize("markdown, tag", OTHER_ELEMENTS, ids=[e[0][:24] for e in OTHER_ELEMENTS])
def test_element_outside_the_allowlist(project, markdown, tag):
    _add(project, markdown)
    _refused(project, VI, LINE, "unsafe-html", "unsafe-html.other", tag=tag)


def test_an_element_inside_a_refused_one_is_held_to_the_allowlist_too(project):
    _add(project, '<svg><a xlink:href="javascript:x">x</a></svg>')
    expect(
        project,
        P(VI, LINE, "error", "unsafe-attribute", msg("unsafe-attribute.other", name="xlink:href", tag="a").text()),
        P(VI, LINE, "error", "unsafe-html", msg("unsafe-html.other", tag="svg").text()),
    )


ATTRIBUTES = [
    ('<table background="javascript:x"><tr><td>x</td></tr></table>', "table", "background"),
    ('<img src="a.png" alt="x" srcset="a.png 1x, javascript:x 2x">', "img", "srcset"),
    ('<a href="https://tongdai111.vn/" ping="https://example.org/">x</a>', "a", "ping"),
    ("## Đề mục {: href='javascript:x' }", "h2", "href"),
]


@pytest.mark.parametrize("markdown, tag, name", ATTRIBUTES, ids=[a[0][:28] for a in ATTRIBUTES])
def test_attribute_outside_the_allowlist(project, markdown, tag, name):
    """An attribute the element may not carry is refused, address or not, attribute list included."""
    _add(project, "\n\n" + markdown if markdown.startswith("#") else markdown)
    line = LINE + 2 if markdown.startswith("#") else LINE
    _refused(project, VI, line, "unsafe-attribute", "unsafe-attribute.other", name=name, tag=tag)


def test_a_style_attribute(project):
    _add(project, '<span style="background:url(https://example.org/a.png)">x</span>')
    _refused(project, VI, LINE, "unsafe-attribute", "unsafe-attribute.style", tag="span")


def test_element_split_over_lines_is_reported_on_its_first_line(project):
    _add(project, '<iframe\n  width="560"\n  src="a.png">\n</iframe>')
    _refused(project, VI, LINE, "unsafe-html", "unsafe-html.embed", tag="iframe")


EVENTS = [
    ('<img src="a.png" alt="x" onerror="alert(1)">', 0, "onerror"),
    ('<a href="../index.md" ONCLICK="go()">x</a>', 0, "onclick"),
    ("<p onmouseover=alert(1)>x</p>", 0, "onmouseover"),
    ('<img src="a.png" alt="x" onload="alert(1)">', 0, "onload"),
    ("<a onclick>chưa có gì để chạy</a>", 0, "onclick"),
    ('<img src="a.png"\n  alt="x"\n  onerror="alert(1)">', 2, "onerror"),
    ("<img/onerror=alert(1) src=a.png>", 0, "onerror"),
    ('## Đề mục {: onclick="alert(1)" }', 0, "onclick"),
]


@pytest.mark.parametrize("markdown, below, name", EVENTS, ids=[e[0][:24] for e in EVENTS])
def test_event_attribute(project, markdown, below, name):
    """Reported on the attribute's own line, also on a continuation line of a tag."""
    _add(project, "\n\n" + markdown if markdown.startswith("#") else markdown)
    line = LINE + 2 if markdown.startswith("#") else LINE + below
    _refused(project, VI, line, "unsafe-attribute", "unsafe-attribute.event", name=name)


def test_srcdoc(project):
    _add(project, '<div srcdoc="&lt;b&gt;x&lt;/b&gt;">x</div>')
    _refused(project, VI, LINE, "unsafe-attribute", "unsafe-attribute.srcdoc")


URLS = [
    ('<a href="javascript:alert(1)">x</a>', "javascript:alert(1)", "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "JaVaScRiPt:alert(1)", "javascript:"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "javascript:alert(1)", "javascript:"),
    ('<a href="&#x6A;avascript:alert(1)">x</a>', "javascript:alert(1)", "javascript:"),
    ('<a href="&#X6a&#x61;vascript:alert(1)">x</a>', "javascript:alert(1)", "javascript:"),
    ('<a href="javascript&colon;alert(1)">x</a>', "javascript:alert(1)", "javascript:"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "jav ascript:alert(1)", "javascript:"),
    ('<a href="jav\tascript:alert(1)">x</a>', "jav ascript:alert(1)", "javascript:"),
    ('<a href=" \x01javascript:alert(1)">x</a>', "\x01javascript:alert(1)", "javascript:"),
    ("<a href=javascript:alert(1)>x</a>", "javascript:alert(1)", "javascript:"),
    ('<a href="vbscript:msgbox(1)">x</a>', "vbscript:msgbox(1)", "vbscript:"),
    ('<img src="javascript:x" alt="x">', "javascript:x", "javascript:"),
    ("[Bấm vào đây](javascript:alert(1))", "javascript:alert(1)", "javascript:"),
    ("[Bấm](JAVASCRIPT:alert(1))", "JAVASCRIPT:alert(1)", "javascript:"),
    ("[Bấm](&#106;avascript:alert(1))", "javascript:alert(1)", "javascript:"),
    ("[Bấm](<javascript:alert(1)>)", "javascript:alert(1)", "javascript:"),
    ('[Bấm](  javascript:alert(1) "tiêu đề")', "javascript:alert(1)", "javascript:"),
    ("<javascript://%0aalert(1)>", "javascript://%0aalert(1)", "javascript:"),
    ('<img src="data:text/html;base64,PHNjcmlwdD4=">', "data:text/html;base64,PHNjcmlwdD4=", "data:"),
    ("![Hình](data:image/svg+xml;base64,PHN2Zz4=)", "data:image/svg+xml;base64,PHN2Zz4=", "data:"),
    ("[Tải về](DATA:text/plain,xin-chao)", "DATA:text/plain,xin-chao", "data:"),
    # Pictures come from the site itself: a picture written into the page is refused too.
    ('<img src="data:image/png;base64,iVBORw0KGgo=" alt="chấm đỏ">', "data:image/png;base64,iVBORw0KGgo=", "data:"),
    ("![chấm đỏ](data:image/gif;base64,R0lGODlhAQABAAAAACw=)", "data:image/gif;base64,R0lGODlhAQABAAAAACw=", "data:"),
    ("[Bấm vào đây](../index.md){: href='javascript:x' }", "javascript:x", "javascript:"),
]


@pytest.mark.parametrize("markdown, shown, scheme", URLS, ids=[u[0][:28] for u in URLS])
def test_unsafe_address(project, markdown, shown, scheme):
    _add(project, "\n\n" + markdown if markdown.startswith("#") else markdown)
    line = LINE + 2 if markdown.startswith("#") else LINE
    key = "unsafe-url.data" if scheme == "data:" else "unsafe-url.script"
    _refused(project, VI, line, "unsafe-url", key, url=" ".join(shown.split()), scheme=scheme)


def test_address_split_over_lines(project):
    """Browsers drop line breaks inside an address: the finding is on the attribute's line."""
    _add(project, '<a title="x"\n   href="java\nscript:alert(1)">x</a>')
    _refused(project, VI, LINE + 1, "unsafe-url", "unsafe-url.script", url="java script:alert(1)", scheme="javascript:")


def test_markdown_link_target_split_over_lines(project):
    _add(project, "[Bấm vào đây](\n  java\n  script:alert(1))")
    _refused(project, VI, LINE, "unsafe-url", "unsafe-url.script", url="java script:alert(1)", scheme="javascript:")


@pytest.mark.parametrize(
    "definition, below",
    [
        ("[trang]: javascript:alert(1)", 0),
        ("[trang]:\n    javascript:alert(1)", 1),
        ("[trang]: <javascript:alert(1)>", 0),
    ],
)
def test_reference_definition(project, definition, below):
    """Reported on the line that spells the address."""
    _add(project, "[Bấm vào đây][trang]\n\n" + definition)
    shown = "javascript:alert(1)"
    _refused(project, VI, LINE + 2 + below, "unsafe-url", "unsafe-url.script", url=shown, scheme="javascript:")


def test_every_finding_is_reported(project):
    _add(
        project,
        '<script>x</script> <iframe src="a.png"></iframe> <img src="a.png" alt="" onload="x"> [a](javascript:x)',
    )
    result = project.check_json()
    assert sorted((p["line"], p["code"], p["message"][:10]) for p in result.json()["problems"]) == [
        (LINE, "unsafe-attribute", "event attr"),
        (LINE, "unsafe-html", "'<iframe>'"),
        (LINE, "unsafe-html", "'<script>'"),
        (LINE, "unsafe-url", "'javascrip"),
    ]
    assert result.rc == 1


# --- where: quiz text, feedback, explanations, blocks, docs pages, English file --------------------


def test_in_the_quiz_question(project):
    _files(project)
    project.replace(VI, "Em nên làm gì?", 'Em nên làm gì? <img src="a.png" onerror="alert(1)">')
    _refused(project, VI, Q1, "unsafe-attribute", "unsafe-attribute.event", name="onerror")


def test_in_an_option(project):
    project.replace(VI, "- [ ] Đi ngay, vì bạn ấy rất tốt với em.", "- [ ] Đi ngay <script>alert(1)</script>")
    _refused(project, VI, Q1 + 1, "unsafe-html", "unsafe-html.script", tag="script")


def test_in_feedback(project):
    project.replace(
        VI,
        "    Người bạn tốt không bao giờ bảo em giấu bố mẹ.",
        "    Người bạn tốt không bao giờ bảo em giấu bố mẹ. [Xem](javascript:alert(1))",
    )
    _refused(project, VI, Q1 + 2, "unsafe-url", "unsafe-url.script", url="javascript:alert(1)", scheme="javascript:")


def test_in_an_explanation(project):
    _files(project)
    project.replace(VI, "đó là dấu hiệu cần kể ngay.", 'đó là dấu hiệu cần kể ngay. <iframe src="a.png"></iframe>')
    line = project.line(VI, "<iframe")
    _refused(project, VI, line, "unsafe-html", "unsafe-html.embed", tag="iframe")


def test_in_a_teacher_block(project):
    project.replace(VI, "Hỏi cả lớp: vì sao Huy thấy lo?", "Hỏi cả lớp: <style>p{}</style>")
    _refused(project, VI, project.line(VI, "<style>"), "unsafe-html", "unsafe-html.style", tag="style")


def test_in_the_english_file(project):
    _files(project)
    project.replace(EN, "something important.", 'something important. <embed src="a.png">')
    _refused(project, EN, LINE, "unsafe-html", "unsafe-html.embed", tag="embed")


def test_in_a_docs_page(project):
    project.write("docs/index.vi.md", '---\ntitle: Trang chủ\n---\n\nXin chào <object data="a.swf"></object>\n')
    project.write("docs/index.en.md", "---\ntitle: Home\n---\n\nHello\n")
    _refused(project, "docs/index.vi.md", 5, "unsafe-html", "unsafe-html.embed", tag="object")


def test_in_a_quiz_in_a_docs_page(project):
    project.write("docs/index.vi.md", "---\ntitle: Trang chủ\n---\n")
    project.write(
        "docs/index.en.md",
        '---\ntitle: Home\n---\n\n/// quiz | Try <a href="javascript:x">it</a>\n'
        "- [x] Yes\n    Right.\n- [ ] No\n    Not quite.\n///\n",
    )
    _refused(
        project, "docs/index.en.md", 5, "unsafe-url", "unsafe-url.script", url="javascript:x", scheme="javascript:"
    )


# --- what is fine ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown",
    [
        'Đừng bao giờ viết `<script>` hay `<iframe src="x">` trong bài.',
        'Ví dụ: ``<a href="javascript:x">`` là không an toàn.',
        '\n\n```html\n<script>alert(1)</script>\n<a href="javascript:x" onclick="y">x</a>\n```\n',
        "\n\n~~~\n[x](javascript:alert(1))\n~~~\n",
        '<img src="a.png" alt="chấm đỏ">',
        "![chấm đỏ](a.png)",
        '<a href="https://tongdai111.vn/" title="Tổng đài 111">111</a>',
        "[Gọi 111](tel:111), [thư](mailto:a@example.org), <https://tongdai111.vn/onboarding>",
        "Dữ liệu: data: là một chữ thường trong câu, javascript: cũng vậy.",
        "3 < 5 và 5 > 3, <3",
        "<!-- ghi chú cho giáo viên -->",
        "<kbd>Ctrl</kbd> + <mark>C</mark>, <b>đậm</b>, <br>",
        "<!-- a -- > vẫn là ghi chú --> <!---->",
    ],
)
def test_fine(project, markdown):
    _add(project, markdown)
    expect(project)


def test_code_inside_an_html_element_is_not_an_example(project):
    """Markdown passes a raw HTML block through as it is, backticks and all."""
    _add(project, "\n\n<div>\n`<script>alert(1)</script>`\n</div>\n")
    _refused(project, VI, LINE + 3, "unsafe-html", "unsafe-html.script", tag="script")


def test_code_span_opened_inside_a_tag_is_not_an_example(project):
    _add(project, '\n\n<iframe title="`" src="a.html"></iframe>`\n')
    _refused(project, VI, LINE + 2, "unsafe-html", "unsafe-html.embed", tag="iframe")


def test_a_fence_never_closed_is_not_an_example(project):
    """Markdown prints an unclosed fence as text: what follows it is HTML again."""
    project.write(VI, project.read(VI) + "\n```\n<script>alert(1)</script>\n")
    _refused(project, VI, project.line(VI, "<script>"), "unsafe-html", "unsafe-html.script", tag="script")


def test_inside_a_comment_that_browsers_end_at_once(project):
    """``<!-->`` is a whole comment for a browser: the script after it runs."""
    _add(project, "<!--><script>alert(1)</script>-->")
    _refused(project, VI, LINE, "unsafe-html", "unsafe-html.script", tag="script")


def test_a_comment_ended_by_a_bang_hides_nothing(project):
    """``--!>`` ends a comment for a browser too."""
    _add(project, "<!-- ghi chú --!><script>alert(1)</script> -->")
    _refused(project, VI, LINE, "unsafe-html", "unsafe-html.script", tag="script")


def test_the_same_thing_twice_is_reported_on_each_line(project):
    _add(project, "\n\n<script>alert(1)</script>\n\nGiữa hai đoạn.\n\n<script>alert(1)</script>\n")
    message = msg("unsafe-html.script", tag="script").text()
    expect(
        project,
        P(VI, LINE + 2, "error", "unsafe-html", message),
        P(VI, LINE + 6, "error", "unsafe-html", message),
    )


# --- front matter: plain text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, field, markup",
    [
        ("title: Người lớn tin cậy của em", "title: Người lớn <b>tin cậy</b> của em", "title", "<b>"),
        ("title: Người lớn tin cậy của em", "title: Người lớn tin cậy</i>", "title", "</i>"),
        ("title: Người lớn tin cậy của em", "title: Người lớn <!-- x --> tin cậy", "title", "<!-- x -->"),
        ("title: Người lớn tin cậy của em", "title: <!DOCTYPE html> tin cậy", "title", "<!DOCTYPE html>"),
        (
            "title: Người lớn tin cậy của em",
            "title: 'Người lớn <img src=x onerror=alert(1)>'",
            "title",
            "<img src=x onerror=alert(1)>",
        ),
        (
            "  Em nhận ra những người lớn",
            "  Em nhận ra <script>alert(1)</script> những người lớn",
            "description",
            "<script>",
        ),
        ("  - Kể tên được ít nhất ba", '  - Kể tên <a href="x">được</a> ít nhất ba', "objectives", '<a href="x">'),
        (
            "  - title: Tổng đài quốc gia bảo vệ trẻ em 111",
            "  - title: Tổng đài <em>111</em>",
            "sources: title",
            "<em>",
        ),
    ],
)
def test_markup_in_front_matter_text(project, old, new, field, markup):
    project.replace(VI, old, new)
    line = project.line(VI, "description:" if field == "description" else new.strip().split("<")[0].strip())
    _refused(project, VI, line, "front-matter-html", "front-matter-html", field=field, markup=markup)


@pytest.mark.parametrize(
    "title",
    [
        "Em <3 người lớn tin cậy",
        "Khi a < b và b > c",
        "Bố & mẹ",
        "\"Không\" là 'Không'",
        "Tôi </3 thích",
        "1 <2 3",
        "a<b",
    ],
)
def test_plain_text_in_front_matter(project, title):
    project.replace(VI, "title: Người lớn tin cậy của em", f"title: '{title.replace(chr(39), chr(39) * 2)}'")
    expect(project)


def test_markup_in_a_docs_page_title(project):
    project.write("docs/index.vi.md", "---\ntitle: Trang <i>chủ</i>\n---\n")
    project.write("docs/index.en.md", "---\ntitle: Home\ndescription: <b>Hello</b>\n---\n")
    expect(
        project,
        P(
            "docs/index.en.md",
            3,
            "error",
            "front-matter-html",
            msg("front-matter-html", field="description", markup="<b>").text(),
        ),
        P(
            "docs/index.vi.md",
            2,
            "error",
            "front-matter-html",
            msg("front-matter-html", field="title", markup="<i>").text(),
        ),
    )


# --- the wording, in both languages ------------------------------------------------------------------


def test_messages_say_what_to_write_instead():
    """A few messages in full, so the wording is pinned down in both languages."""
    assert msg("unsafe-html.embed", tag="iframe").text() == (
        "'<iframe>' embeds another page or file: link to the video's or the page's address with a Markdown link "
        "instead of embedding it, e.g. [Watch the video](https://…)" + SEE_EN
    )
    assert msg("unsafe-html.embed", tag="iframe").text("vi") == (
        "thẻ '<iframe>' nhúng một trang hay một tệp khác vào bài: thay vì nhúng, hãy dẫn tới địa chỉ của video hoặc "
        "của trang đó bằng một liên kết Markdown, ví dụ [Xem video](https://…)" + SEE_VI
    )
    assert msg("unsafe-attribute.event", name="onclick").text() == (
        "event attribute 'onclick' would run code when the page is used: remove it; quizzes and blocks give the "
        "page its interactivity" + SEE_EN
    )
    assert msg("unsafe-url.script", url="javascript:x", scheme="javascript:").text() == (
        "'javascript:x' is a javascript: address, which runs code instead of opening a page: use an https:// "
        "address, or a relative link to a page of the site" + SEE_EN
    )
    assert msg("unsafe-url.script", url="javascript:x", scheme="javascript:").text("vi") == (
        "'javascript:x' là địa chỉ dạng javascript:, sẽ chạy mã lệnh thay vì mở một trang: hãy dùng địa chỉ "
        "https://, hoặc đường dẫn tương đối tới một trang của trang web" + SEE_VI
    )
    for key in (
        "unsafe-html.script",
        "unsafe-html.embed",
        "unsafe-html.form",
        "unsafe-html.style",
        "unsafe-html.head",
        "unsafe-attribute.event",
        "unsafe-attribute.srcdoc",
        "unsafe-url.script",
        "unsafe-url.data",
        "front-matter-html",
        "avoid-word",
    ):
        message = msg(key, tag="x", name="onx", url="u", scheme="s:", field="f", markup="<b>", found="w", level="l")
        assert message.text().endswith(SEE_EN) and message.text("vi").endswith(SEE_VI), key
        assert "facts" not in message.text() + message.text("vi"), key


def test_the_guide_has_the_section_the_messages_name():
    from checkerlib import REPO

    assert "\n## Content rules\n" in (REPO / "docs/authoring.en.md").read_text(encoding="utf-8")
    assert "\n## Quy tắc nội dung\n" in (REPO / "docs/authoring.vi.md").read_text(encoding="utf-8")


# --- the scanner: spellings, positions --------------------------------------------------------------


def _scan(text: str, raw: tuple[int, ...] = ()) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in scan_markdown(list(enumerate(text.split("\n"), start=1)), raw)]


@pytest.mark.parametrize(
    "address, scheme",
    [
        ("javascript:x", "javascript"),
        ("  JAVASCRIPT:x", "javascript"),
        ("java\tscript:x", "javascript"),
        ("java script:x", "javascript"),
        ("j a v a s c r i p t :x", "javascript"),
        ("java\nscript:x", "javascript"),
        ("java\rscript:x", "javascript"),
        ("\x00javascript:x", "javascript"),
        ("jav&#x41;script:x", "javascript"),
        ("jav&#65;script:x", "javascript"),
        ("&#x6a&#x61&#x76&#x61script:x", "javascript"),
        ("javascript&#58;x", "javascript"),
        ("javascript&colon;x", "javascript"),
        ("java\u200bscript:x", "javascript"),
        ("<javascript:x>", "javascript"),
        ("vbscript:x", "vbscript"),
        ("VbScRiPt&colon;x", "vbscript"),
        ("data:text/html,x", "data"),
        ("data:image/svg+xml,<svg>", "data"),
        ("data:image/pngx,1", "data"),
        ("data:application/javascript,x", "data"),
        ("d&#97;ta:text/html,x", "data"),
        ("data:image/png;base64,AAAA", None),
        ("data:image/jpeg,AAAA", None),
        ("DATA:IMAGE/GIF;base64,A", None),
        ("data:image/webp;base64,A", None),
        ("https://tongdai111.vn/", None),
        ("../index.md", None),
        ("tel:111", None),
        ("mailto:a@b.vn", None),
        ("javascript", None),
        ("#javascript:x", None),
        ("./javascript:x", None),
        ("", None),
    ],
)
def test_unsafe_scheme(address, scheme):
    assert unsafe_scheme(address) == scheme


def test_code_spans_and_fences_are_examples():
    text = "a `<script>` b\n```\n<iframe>\n```\n~~~~\n<style>\n~~~~\n``<embed>``"
    assert _scan(text) == []


def test_a_fence_in_a_quiz_is_not_a_fence():
    """Quiz text is read as it is (blocks.py): a ``` line there opens no code block."""
    text = "/// quiz | Q\n```\n<script>x</script>\n```\n///"
    assert _scan(text) == []
    assert _scan(text, raw=(1, 2, 3, 4, 5)) == [(3, "unsafe-html")]


def test_an_escaped_backtick_opens_no_code_span():
    assert _scan("\\`<script>`") == [(1, "unsafe-html")]


def test_script_content_is_read_as_html_too():
    assert _scan("<style>\n</style><iframe>\n</style>") == [(1, "unsafe-html"), (2, "unsafe-html")]
    assert _scan("<script>document.write('<iframe src=x>')</script>") == [(1, "unsafe-html"), (1, "unsafe-html")]


@pytest.mark.parametrize(
    "text, found",
    [
        ("<![CDATA[><img src=x onerror=alert(1)>]]>", [(1, "unsafe-attribute")]),
        ("<!DOCTYPE x><script>", [(1, "unsafe-html")]),
        ("<?php ?><script>", [(1, "unsafe-html")]),
        ("<![x[ <script>", [(1, "unsafe-html")]),
        ("<!-- x --!><script>", [(1, "unsafe-html")]),
        # A browser ends these at the first '>': the tag never opens, there as here.
        ("<!DOCTYPE x [<script>]>", []),
        ("<?php <script> ?>", []),
        ("<!- <script> ->", []),
        ('<a title="<script>">x</a>', [(1, "unsafe-html")]),
        ('<a title="x>\n\n<script>\n">', [(3, "unsafe-html")]),
        ('<p title="`"><div>`\n`<script>`', [(2, "unsafe-html")]),
        ("<!-- `--!><script>alert(1)</script>` -->", [(1, "unsafe-html")]),
        ("<!-- `-->\n`<script>`", []),
    ],
)
def test_where_tokenizer_and_browser_could_part_ways(text, found):
    assert _scan(text) == found


def test_lines_come_from_the_file():
    lines = [(40, "x"), (41, "<a"), (42, '  href="x"'), (43, "  onclick=1>"), (44, "[a](javascript:x)")]
    assert [(f.line, f.code) for f in scan_markdown(lines)] == [(43, "unsafe-attribute"), (44, "unsafe-url")]


@pytest.mark.parametrize(
    "text, markup",
    [
        ("Em <3 bạn", None),
        ("a < b > c", None),
        ("a<b", None),
        ("&amp; \"q\" 'q'", None),
        ("x <b>y", "<b>"),
        ("</b>", "</b>"),
        ("<!---->", "<!---->"),
        ("<!x>", "<!x>"),
        ("<?x?>", "<?x?>"),
        ("a <br/> b", "<br/>"),
    ],
)
def test_first_markup(text, markup):
    assert first_markup(text) == markup


# --- hypothesis: never raises, finds what a browser would run -----------------------------------------

HTMLISH = st.lists(
    st.sampled_from(
        [
            "<",
            ">",
            "</",
            "/>",
            "<!--",
            "-->",
            "<!",
            "<![",
            "]]>",
            "<?",
            "?>",
            "=",
            '"',
            "'",
            "`",
            "``",
            "```",
            "~~~",
            "\n",
            " ",
            "\t",
            "&",
            "&#",
            "&#x6a;",
            ";",
            "script",
            "iframe",
            "onclick",
            "href",
            "src",
            "javascript:",
            "data:",
            "](",
            "[",
            "]",
            "]:",
            "(",
            ")",
            "{:",
            "}",
            "a",
            "é",
            "\x00",
            "\u2028",
            "<div>",
            "</div>",
            "/// quiz | q",
            "///",
        ]
    )
    | st.text(max_size=6),
    max_size=80,
).map("".join)
PROSE = st.text(alphabet=st.sampled_from("abc đêơ 12.,!?\n"), max_size=200)
DANGER = st.sampled_from(
    [
        ("<script>x</script>", "unsafe-html"),
        ('<IFRAME src="a">', "unsafe-html"),
        ('<a href="javascript:x">', "unsafe-url"),
        ("<b onclick=x>", "unsafe-attribute"),
        ("[a](&#106;avascript:x)", "unsafe-url"),
        ("<style>", "unsafe-html"),
        ('<img src="data:text/html,x">', "unsafe-url"),
        ("<base href=x>", "unsafe-html"),
    ]
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=HTMLISH, raw=st.sets(st.integers(1, 20), max_size=5))
def test_the_scanner_never_raises(text, raw):
    lines = list(enumerate(text.split("\n"), start=1))
    found = scan_markdown(lines, raw)
    assert all(1 <= f.line <= len(lines) for f in found)
    assert all(f.message.text() and f.message.text("vi") for f in found)
    first_markup(text)


@SETTINGS
@given(before=PROSE, after=PROSE, danger=DANGER)
def test_what_a_browser_would_run_is_always_found(before, after, danger):
    snippet, code = danger
    text = before + snippet + after
    line = before.count("\n") + 1
    assert (line, code) in _scan(text)


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Project:
    return make_project(tmp_path_factory.mktemp("safety"))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(text=HTMLISH)
def test_the_cli_stays_sane_on_html_ish_bodies(shared, text):
    from checkerlib import DEMO_EN, DEMO_VI

    shared.write(VI, DEMO_VI + "\n" + text + "\n")
    shared.write(EN, DEMO_EN)
    shared.write("docs/index.vi.md", "---\ntitle: x\n---\n" + text)
    shared.write("docs/index.en.md", "---\ntitle: x\n---\n")
    assert_sane(shared)
