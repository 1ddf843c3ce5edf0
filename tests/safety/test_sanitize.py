"""The sanitizer (lessonkit.safety.sanitize) on the real renderer: every route of issue 19 is refused,
what the real site uses passes, and, on random Markdown with HTML fragments, what is written holds only
allowlisted elements, attributes and addresses, and nothing is dropped without a refusal."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessonkit import csp
from lessonkit.safety.allowlist import ELEMENTS, OWN_ELEMENTS, attribute_allowed
from lessonkit.safety.rendered import PageRenderer, markdown_settings
from lessonkit.safety.sanitize import OWN_ATTRIBUTE, sanitize, url_message

ROOT = Path(__file__).resolve().parents[2]
RENDERER = PageRenderer(markdown_settings(ROOT), None)

#: Every route of issue 19 that put something into a page: (Markdown, what the refusal names).
ROUTES = [
    ('[x](https://a.b){ style="background:url(https://e/x)" }', "style"),
    ("![i](a.png){ src=https://e/x.png }", "https://e/x.png"),
    ('![i](a.png){ srcset="https://e/x.png 2x" }', "srcset"),
    ("[x](a.png){ title='a\" onmouseover=\"alert(1)' onmouseover=alert(1) }", "onmouseover"),
    ("/// details | x\n    attrs: {onclick: alert(1)}\n\nhi\n///", "onclick"),
    ("/// teacher\n    attrs: {onclick: alert(1)}\n\nhi\n///", "onclick"),
    ("/// tab | x\n    attrs: {onclick: alert(1)}\n\nhi\n///", "onclick"),
    ("- item\n\n    [r]: javascript:alert(1)\n\n    [x][r]", "javascript:"),
    ("term\n:   [x][r]\n\n    [r]: javascript:alert(1)", "javascript:"),
    ("<javascript:alert(1)>", "javascript"),
    ("[a](blob:https://x/y)", "blob:"),
    ("[a](filesystem:https://x/y)", "filesystem:"),
    ("`a\nb` <script>alert(1)</script>", "<script>"),
    ("~~~\nx\n~~~~\n<script>alert(1)</script>", "<script>"),
    ("~~~ !\n<script>alert(1)</script>\n~~~", "<script>"),
    ("[x](`javascript:alert(1)`)", "javascript:"),
    ("<scr\x02ipt>alert(1)</script>", "<script>"),
    ('<img src=x onerror="alert(1)">', "onerror"),
    ('<a href="javascript:alert(1)">x</a>', "javascript:"),
    ("<plaintext>", "<plaintext>"),
    ("<img src=https://e/x.png>", "https://e/x.png"),
    ('<img srcset="https://e/x.png 2x">', "srcset"),
    ("<picture><source srcset=https://e/x></picture>", "<picture>"),
    ("<video poster=https://e/x></video>", "<video>"),
    ("<audio src=https://e/x>", "<audio>"),
    ("<track src=https://e/x>", "<track>"),
    ('<p style="background:url(https://e/x)">x</p>', "style"),
    ("<p style=\"@import 'https://e/x'\">x</p>", "style"),
    ("<a ping=https://e href=x>x</a>", "ping"),
    ("<input type=image src=https://e/x>", "<input>"),
    ("<svg><image href=https://e/x /></svg>", "<svg>"),
    ("<svg><use href=https://e/x /></svg>", "<svg>"),
    ("<math href=https://e>x</math>", "<math>"),
    ("<table background=https://e/x><tr><td>x</td></tr></table>", "background"),
    ("<button form=f formaction=https://e>x</button>", "<button>"),
    ("<portal src=https://e></portal>", "<portal>"),
    ("<applet code=x></applet>", "<applet>"),
    ("<textarea>x</textarea>", "<textarea>"),
    ("<svg><set attributeName=onclick to=alert(1) /></svg>", "<svg>"),
    ('<form class="lk-question" data-lk-question>x</form>', "<form>"),
    ('<a href="//evil.example/x">x</a>', "//evil.example"),
    ('<img src="data:image/png;base64,AAAA">', "data:"),
    ("<iframe srcdoc='x'></iframe>", "<iframe>"),
    ("<meta http-equiv=refresh content='0;url=https://e'>", "<meta>"),
    ("<base href=https://e/>", "<base>"),
]
#: What the real site and the format reference use, and must keep.
FINE = [
    "<kbd>Ctrl</kbd> + <mark>C</mark>, <b>đậm</b>, <sub>2</sub><br>",
    "[ok](https://example.org) [thư](mailto:a@example.org) [gọi](tel:111) [trang](../index.md#x)",
    "![Bàn tay](images/hand.png){ width=40 }",
    "| a | b |\n|:--|--:|\n| 1 | 2 |",
    "/// details | Xem\n    type: note\n\nnội dung\n///",
    '!!! note "Ghi chú"\n    nội dung',
    "## Đề mục { #muc .lop }",
    "/// tab | Một\nA\n///\n\n/// tab | Hai\nB\n///",
    "```python\nprint('<script>')\n```",
    "*[HTML]: Hyper Text\n\nHTML ở đây",
    "<!-- ghi chú cho giáo viên -->",
    "a < b và 3 > 2, <3",
    "/// quiz | Câu hỏi?\n- [x] Đúng.\n    Đúng rồi.\n- [ ] Sai.\n    Chưa đúng.\n///",
    "/// student\n- ý chính\n///",
]


def render(markdown: str) -> str:
    return RENDERER.render("Xin chào.\n\n" + markdown + "\n", "vi")


@pytest.mark.parametrize("markdown, named", ROUTES, ids=[r[0][:30] for r in ROUTES])
def test_every_route_is_refused(markdown, named):
    written, violations = sanitize(render(markdown))
    assert violations, f"{markdown!r} passed"
    assert any(named.lower() in v.message.text().lower() for v in violations), [v.message.text() for v in violations]
    assert all(v.message.text("vi") != v.message.text("en") for v in violations)
    # Whatever was refused, what would be written holds none of it.
    assert "<script" not in written.lower() and "javascript:" not in written.lower()
    assert OWN_ATTRIBUTE not in written


@pytest.mark.parametrize("markdown", FINE, ids=[f[:30] for f in FINE])
def test_what_the_site_uses_passes(markdown):
    html = render(markdown)
    written, violations = sanitize(html)
    assert violations == [], [v.message.text() for v in violations]
    assert OWN_ATTRIBUTE not in written


def test_the_site_own_markup_is_marked_and_a_copy_by_hand_is_not():
    """The quiz's form and controls pass because the extension marked them; the same markup copied into
    a page by hand carries no valid mark and is refused."""
    quiz = render("/// quiz | Q?\n- [x] A.\n    a\n- [ ] B.\n    b\n///")
    written, violations = sanitize(quiz)
    assert violations == [] and "<form" in written and "<input" in written and "<button" in written
    _, violations = sanitize(written)
    assert {v.tag for v in violations} >= {"form", "input", "button"}


@pytest.mark.parametrize(
    "address, ok",
    [
        ("https://tongdai111.vn/", True),
        ("../index.md#x", True),
        ("mailto:a@b.c", True),
        ("tel:111", True),
        ("JaVa\tScRiPt:alert(1)", False),
        ("\x01javascript:x", False),
        ("//evil", False),
        ("\\\\evil", False),
        ("data:image/png;base64,AA", False),
        ("ftp://x", False),
    ],
)
def test_link_addresses(address, ok):
    assert (url_message(address, site_only=False) is None) is ok


def test_pictures_come_from_the_site_only():
    assert url_message("images/a.png", site_only=True) is None
    assert url_message("https://e/x.png", site_only=True) is not None
    # another host without a scheme is still a picture from another place, not a link to write in full
    for address in ("https://e/x.png", "//e/x.png", "\\\\e\\x.png", " //e/x.png"):
        found = url_message(address, site_only=True)
        assert found is not None and found.key == "unsafe-url.image", address
    link = url_message("//e/x.png", site_only=False)
    assert link is not None and link.key == "unsafe-url.host"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, "", ""))
        self.found += [(tag, name, value or "") for name, value in attrs]


FRAGMENTS = st.sampled_from(
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:x">a</a>',
        "<iframe src=//e>", "<svg><use href=//e /></svg>", "<style>*{}</style>", "<b>", "</b>", "<kbd>x</kbd>",
        "<p style=color:red>", "<a href=https://e ping=//e>", "<plaintext>", "<!--", "-->", "<![CDATA[x]]>",
        "{ onclick=x }", "{: style=x }", "[r]: javascript:x", "[x][r]", "](javascript:x)", "<javascript:x>",
        "`", "```", "~~~", "/// details | x", "///", "    attrs: {onclick: x}", "- ", "> ", "\x02", "&#106;",
        "<form>", "<input type=image src=//e>", "<math>", "<table background=//e>", "![i](//e/x.png)", "\n", "\n\n",
        "text", "*em*", "<br>", "<div markdown>", "</div>", "<a href=\"x\" title='\"'>", "<!DOCTYPE x>",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, min_size=1, max_size=14).map("".join))
def test_random_markdown_writes_only_allowlisted_markup(markdown):
    """Through the real renderer: the written HTML holds allowlisted elements, attributes and addresses
    only; the CSP trusts no inline script of it; a page with no refusal lost nothing."""
    html = render(markdown)
    written, violations = sanitize(html)
    collect = _Collect()
    collect.feed(written)
    collect.close()
    for tag, name, value in collect.found:
        assert tag in ELEMENTS | OWN_ELEMENTS, (tag, written)
        if name:
            assert attribute_allowed(tag, name, value), (tag, name, value)
            if name in ("href", "src"):
                assert url_message(value, site_only=name == "src") is None, (tag, value)
    assert csp.script_hashes(written, csp.TemplateScripts()) == []
    if not violations:
        assert sanitize(written)[0] == written


@pytest.mark.parametrize("html", ["<!--<!--><![>", "<p>a</p><![CDATA[<script>x</script>]]>", "<![if x]>b<![endif]>"])
def test_marked_sections_are_refused_not_a_crash(html):
    """``<![…`` (which the standard library's parser asserts on, for ``<![>``) is refused as markup."""
    written, violations = sanitize(html)
    assert any(v.code == "unsafe-html" for v in violations)
    # A browser reads ``<![…>`` as a comment up to the first ``>``: no element comes of it.
    assert "<script>" not in written.lower()
