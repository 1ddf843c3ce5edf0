"""Page safety beyond the Markdown body (docs/reference.en.md#page-safety), through ``lessonkit check``:
files beside the pages, the data files, bounded work on any input, and the CSP's trusted scripts."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from checkerlib import VI, P, Project, expect

from lessonkit import csp
from lessonkit.model.messages import msg
from lessonkit.safety.rendered import PageRenderer, markdown_settings
from lessonkit.safety.sanitize import sanitize

PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)
ANCHOR = "một điều quan trọng."
#: Seconds a check of one bad shape may take on a loaded two-core machine (the real ones take about one).
LIMIT = 30


# --- files beside the pages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content",
    [
        ("images/x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("page.html", b"<script>alert(1)</script>"),
        ("quiz.html", b"<p>not the pupils' page</p>"),
        ("index.html", b"<p>not the lesson</p>"),
        ("x.js", b"alert(1)"),
        ("fake.png", b"<svg onload=alert(1)>"),
    ],
)
def test_only_pictures_are_published_from_a_module_folder(project: Project, name, content):
    project.write(f"lessons/primary/demo/{name}", content)
    message = msg("unsafe-file.type", name=Path(name).name, kinds="PNG, JPEG, GIF, WebP")
    expect(project, P(f"lessons/primary/demo/{name}", 1, "error", "unsafe-file", message.text()))
    assert message.text("vi") in project.check("--lang", "vi").out


def test_a_picture_is_published(project: Project):
    project.write("lessons/primary/demo/images/a.png", PNG)
    expect(project)


def test_a_link_out_of_the_project_is_refused(project: Project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.png"
    outside.write_bytes(PNG)
    os.symlink(outside, project.path("lessons/primary/demo/secret.png"))
    message = msg("unsafe-file.link", name="secret.png")
    expect(project, P("lessons/primary/demo/secret.png", 1, "error", "unsafe-file", message.text()))


@pytest.mark.parametrize("site", ["assets/javascripts/bundle.png", "assets/lessonkit/quiz.png", "search/x.png"])
def test_a_docs_file_at_the_site_own_path_is_refused(project: Project, site):
    project.write(f"docs/{site}", PNG)
    message = msg("unsafe-file.clash", name=Path(site).name, site=site)
    expect(project, P(f"docs/{site}", 1, "error", "unsafe-file", message.text()))


def test_a_script_in_docs_is_refused(project: Project):
    project.write("docs/assets/javascripts/bundle.js", b"alert(1)")
    message = msg("unsafe-file.type", name="bundle.js", kinds="PNG, JPEG, GIF, WebP")
    expect(project, P("docs/assets/javascripts/bundle.js", 1, "error", "unsafe-file", message.text()))


# --- the data files are text ------------------------------------------------------------------------

HELPLINES = "lessons/helplines.yml"


@pytest.mark.parametrize(
    "old, new, line, key, params",
    [
        (
            "Tổng đài quốc gia bảo vệ trẻ em",
            "<script>alert(1)</script>",
            4,
            "data-html",
            {"field": "hotlines.0.name.vi", "markup": "<script>"},
        ),
        ("Miễn phí, 24/7.", "x <b>y</b>", 5, "data-html", {"field": "hotlines.0.note.vi", "markup": "<b>"}),
        (
            'number: "111"',
            'number: "111<img src=x>"',
            3,
            "data-html",
            {"field": "hotlines.0.number", "markup": "<img src=x>"},
        ),
        (
            'number: "113"',
            'number: "javascript:alert(1)"',
            7,
            "data-phone",
            {"field": "hotlines.1.number", "value": "javascript:alert(1)"},
        ),
        (
            'url: "https://tongdai111.vn/"',
            'url: "javascript:alert(1)"',
            6,
            "data-url",
            {"field": "hotlines.0.source.url", "value": "javascript:alert(1)"},
        ),
        (
            'url: "https://tongdai111.vn/"',
            'url: "//evil.example/"',
            6,
            "data-url",
            {"field": "hotlines.0.source.url", "value": "//evil.example/"},
        ),
    ],
)
def test_helplines_values_are_text(project: Project, old, new, line, key, params):
    project.replace(HELPLINES, old, new)
    message = msg(key, **params)
    result = project.check()
    assert f"{HELPLINES}:{line}: error: {message.text()}" in result.lines, result.out
    assert result.rc == 1 and result.err == ""


def test_curriculum_values_are_text(project: Project):
    project.replace("lessons/curriculum.yml", "Tiểu học", "Tiểu học<script>alert(1)</script>")
    result = project.check()
    assert any(
        "error: 'levels.primary.name.vi' is plain text but holds the HTML '<script>'" in line for line in result.lines
    ), result.out


def test_the_help_box_writes_data_as_text():
    """A value that slipped past the checker is still text in the page: the help box never reads it as
    Markdown or HTML."""
    from lessonkit.model.helplines import Helplines, Hotline

    data = Helplines(
        [Hotline("111", {"vi": "<script>alert(1)</script>"}, {"vi": "*x*"}, None)],
        {"vi": ["<b>x</b>"]},
        {"vi": "<img src=x onerror=alert(1)>"},
    )
    renderer = PageRenderer(markdown_settings(Path("/nonexistent")), data)
    html = renderer.render("/// helplines\n///\n", "vi")
    assert "&lt;script&gt;" in html and "&lt;img" in html and "<script" not in html and "<em>" not in html
    assert sanitize(html)[1] == []


# --- bounded work -----------------------------------------------------------------------------------

SHAPES = [
    ("- " * 10_000 + "x", "input-too-long"),
    ("\n".join("    " * i + "- x" for i in range(300)), "input-too-deep"),
    ("\n".join("> " * i + "x" for i in range(1, 60)), "input-too-deep"),
    ("\n".join(["/// details | x"] * 500 + ["y"] + ["///"] * 500), "input-too-deep"),
    ("{" * 200_000, "input-too-long"),
    ("{" + "a" * 150_000 + "}", "input-too-long"),
    ("[" * 100_000 + "](x", "input-too-long"),
    ("[" * 4_000 + "](x", "input-too-deep"),
    ("<img " * 40_000, "input-too-long"),
    ("<img " * 900, None),
    ("*_`<{" * 900, None),
    ("\n".join(["x " * 2_000] * 600), "input-too-long"),
]


@pytest.mark.parametrize("text, code", SHAPES, ids=[f"{s[0][:12]!r}x{len(s[0])}" for s in SHAPES])
def test_any_input_gets_a_message_or_passes_within_seconds(project: Project, text, code):
    project.replace(VI, ANCHOR, f"{ANCHOR}\n\n{text}\n")
    started = time.monotonic()
    result = project.check()
    assert time.monotonic() - started < LIMIT
    assert result.err == "" and "Traceback" not in result.out
    if code is None:
        assert all("error: " not in line or VI not in line or "quiz" in line for line in result.problem_lines)
    else:
        assert any(line.startswith(f"{VI}:") for line in result.problem_lines), result.out
        assert any(key in line for line in result.problem_lines for key in ("characters", "deep")), result.out


def test_a_yaml_alias_bomb_in_front_matter_is_refused_at_its_line(project: Project):
    bomb = "\n".join(
        ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
        + [
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
            for i in range(9)
        ]
    )
    project.write("docs/index.vi.md", f"---\ntitle: Trang chủ\n{bomb}\n---\n\nXin chào.\n")
    project.write("docs/index.en.md", "---\ntitle: Home\n---\n\nHello.\n")
    started = time.monotonic()
    result = project.check()
    assert time.monotonic() - started < LIMIT
    detail = msg("front-matter-yaml", yaml=msg("yaml-alias"))
    assert f"docs/index.vi.md:4: error: {detail.text()}" in result.lines, result.out


# --- the CSP trusts the templates' scripts only -----------------------------------------------------


def test_the_csp_hashes_the_template_scripts_and_nothing_from_content(tmp_path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "base.html").write_text(
        '<head><script>var scope="{{ base_url }}";go(scope)</script>'
        "<script>x({{ page.meta.location }})</script></head>",
        encoding="utf-8",
    )
    trusted = csp.TemplateScripts.load([str(theme)])
    page = (
        f'<meta content="{csp.HASHES}"><script>var scope="../..";go(scope)</script>'
        "<script>x(1)</script><p>content</p><script>alert(1)</script>"
        '<script>var scope="</script><script>alert(1)//";go(scope)</script>'
    )
    hashes = csp.script_hashes(page, trusted)
    assert hashes == csp.script_hashes('<script>var scope="../..";go(scope)</script>', trusted)
    assert len(hashes) == 1


def test_the_real_theme_scripts_are_trusted():
    import material

    from lessonkit.plugin.plugin import PACKAGE

    dirs = [
        str(Path(__file__).resolve().parents[2] / "overrides"),
        str(PACKAGE / "theme"),
        str(Path(material.__file__).parent / "templates"),
    ]
    trusted = csp.TemplateScripts.load(dirs)
    assert trusted.trusts(
        'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
    )
    assert not trusted.trusts("alert(1)")
