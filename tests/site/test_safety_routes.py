"""Issue 19's routes through the real strict build (docs/reference.en.md#page-safety): the build refuses
each one with the checker's message at the same ``PATH:LINE``, and a script that content puts into a
page gets no hash in the page's Content-Security-Policy.

Two builds of the sample project cover every route at once, as an author could write them all: the
build stops before rendering on what the checker finds in the files and data (a copy with those
routes), and on the first page whose rendered HTML the allowlist refuses, with every refusal of that
page (a copy with the page routes, all in one module file). Each route is then a test of its own over
the shared run: its line in the checker's output, the same line in the build's, no traceback.

The CSP tests build a third copy with the checker's and the sanitizer's refusals switched off (in the
build process only, :func:`tests.support.lenient_build`), so that whatever each route can put into a page is written: a
script that reaches a page is never hashed, data-file and front-matter text lands as text.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lessonkit.model.messages import msg

from ..support import REPO, Build, build, copy_project, lenient_build

MODULE = "lessons/primary/safe-secrets"
PAGE = f"{MODULE}/index.vi.md"
CHECKER = REPO / "scripts" / "check_lessons.py"
RE_PROBLEM = re.compile(r"(\S+:\d+: error: .*)$")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)
ANCHOR = "![Bàn tay](images/hand.png)\n"


@dataclass(frozen=True)
class Route:
    """One way into a page: its name, the Markdown written after the picture of the sample module (a
    unique ``needle`` on the line the refusal belongs to) and the message expected there."""

    name: str
    markdown: str
    needle: str
    message: str


PAGE_ROUTES = [
    Route(
        "attr_list",
        '[Trang 111](https://tongdai111.vn/){ onclick="alert(1)" }',
        "alert(1)",
        msg("unsafe-attribute.event", name="onclick").text(),
    ),
    Route(
        "block attrs",
        '/// teacher\n    attrs: {onmouseover: "alert(2)"}\n\nGhi chú cho giáo viên.\n///',
        "alert(2)",
        msg("unsafe-attribute.event", name="onmouseover").text(),
    ),
    Route(
        "reference definition in a list",
        "- Mục một: [bấm vào đây][r]\n\n    [r]: javascript:alert(3)",
        "alert(3)",
        msg("unsafe-url.script", url="javascript:alert(3)", scheme="javascript:").text(),
    ),
    Route(
        "autolink javascript:",
        "<javascript:alert(4)>",
        "alert(4)",
        msg("unsafe-html.other", tag="javascript:alert(4)").text(),
    ),
    Route("raw script", "<script>alert(5)</script>", "alert(5)", msg("unsafe-html.script", tag="script").text()),
    Route(
        "img onerror",
        '<img src="images/hand.png" alt="Bàn tay" onerror="alert(6)">',
        "alert(6)",
        msg("unsafe-attribute.event", name="onerror").text(),
    ),
    # One message for a picture from another host (page safety's; the link rule leaves it alone).
    Route(
        "picture from another host",
        "![Bàn tay](https://example.org/hand-8.png)",
        "hand-8.png",
        msg("unsafe-url.image", url="https://example.org/hand-8.png").text(),
    ),
    Route(
        "picture from //host",
        '<img src="//example.org/hand-9.png" alt="Bàn tay">',
        "hand-9.png",
        msg("unsafe-url.image", url="//example.org/hand-9.png").text(),
    ),
    # Not a fence for Markdown (a longer run does not close it): a paragraph, and the script is HTML.
    Route(
        "fence closed by a longer fence",
        "~~~\nVí dụ\n~~~~\n<script>alert(7)</script>",
        "alert(7)",
        msg("unsafe-html.script", tag="script").text(),
    ),
]


FILE_ROUTES = [
    "helplines.yml <script>",
    "svg in a module folder",
    "html in a module folder",
    "js in a module folder",
    "file over the pupils' page",
    "js in docs",
    "symlink out of the project",
    "file over the theme's script",
]


def _file_routes(project: Path, outside: Path) -> list[tuple[str, str, str]]:
    """Break ``project`` by every route the checker finds before rendering; ``(name, PATH:LINE, message)``."""
    helplines = project / "lessons/helplines.yml"
    text = helplines.read_text(encoding="utf-8")
    helplines.write_text(
        text.replace("en: When there is danger right now.}", "en: <script>alert(8)</script>}", 1), encoding="utf-8"
    )
    line = next(n for n, t in enumerate(helplines.read_text(encoding="utf-8").split("\n"), 1) if "alert(8)" in t)
    module = project / MODULE
    (module / "images/badge.svg").write_text("<svg><script>alert(9)</script></svg>", encoding="utf-8")
    (module / "handout.html").write_text("<script>alert(10)</script>", encoding="utf-8")
    (module / "app.js").write_text("alert(11)", encoding="utf-8")
    (module / "quiz.html").write_text("<p>not the pupils' page</p>", encoding="utf-8")
    (project / "docs/extra.js").write_text("alert(12)", encoding="utf-8")
    outside.write_bytes(PNG)
    (module / "images/secret.png").symlink_to(outside)
    theme = project / "docs/assets/javascripts"
    theme.mkdir(parents=True)
    (theme / "bundle.png").write_bytes(PNG)
    kinds = "PNG, JPEG, GIF, WebP"
    return [
        (
            "helplines.yml <script>",
            f"lessons/helplines.yml:{line}",
            msg("data-html", field="hotlines.1.note.en", markup="<script>").text(),
        ),
        ("svg in a module folder", f"{MODULE}/images/badge.svg:1", msg("unsafe-file.type", name="badge.svg", kinds=kinds).text()),
        ("html in a module folder", f"{MODULE}/handout.html:1", msg("unsafe-file.type", name="handout.html", kinds=kinds).text()),
        ("js in a module folder", f"{MODULE}/app.js:1", msg("unsafe-file.type", name="app.js", kinds=kinds).text()),
        ("file over the pupils' page", f"{MODULE}/quiz.html:1", msg("unsafe-file.type", name="quiz.html", kinds=kinds).text()),
        ("js in docs", "docs/extra.js:1", msg("unsafe-file.type", name="extra.js", kinds=kinds).text()),
        ("symlink out of the project", f"{MODULE}/images/secret.png:1", msg("unsafe-file.link", name="secret.png").text()),
        (
            "file over the theme's script",
            "docs/assets/javascripts/bundle.png:1",
            msg("unsafe-file.clash", name="bundle.png", site="assets/javascripts/bundle.png").text(),
        ),
    ]  # fmt: skip


def _inject(project: Path, routes: list[Route]) -> dict[str, int]:
    """Write every route after the sample module's picture; the line of each route's needle."""
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    assert ANCHOR in text
    path.write_text(text.replace(ANCHOR, ANCHOR + "\n" + "\n\n".join(r.markdown for r in routes) + "\n", 1), "utf-8")
    lines = path.read_text(encoding="utf-8").split("\n")
    return {r.name: next(n for n, t in enumerate(lines, 1) if r.needle in t) for r in routes}


@dataclass(frozen=True)
class Run:
    checker: list[str]
    checker_rc: int
    checker_err: str
    build: Build

    @property
    def built(self) -> list[str]:
        return [m.group(1) for line in self.build.output.split("\n") if (m := RE_PROBLEM.search(line))]


def _run(project: Path) -> Run:
    env = {**os.environ, "LESSONKIT_LANG": "en"}
    done = subprocess.run(
        [sys.executable, str(CHECKER)], cwd=project, capture_output=True, text=True, env=env, timeout=300
    )
    return Run(
        [line for line in done.stdout.split("\n") if RE_PROBLEM.fullmatch(line)],
        done.returncode,
        done.stderr,
        build(project),
    )


@pytest.fixture(scope="module")
def page_run(tmp_path_factory) -> tuple[Run, dict[str, int]]:
    project = copy_project("basic", tmp_path_factory.mktemp("page-routes"))
    lines = _inject(project, PAGE_ROUTES)
    return _run(project), lines


@pytest.fixture(scope="module")
def file_run(tmp_path_factory) -> tuple[Run, list[tuple[str, str, str]]]:
    base = tmp_path_factory.mktemp("file-routes")
    project = copy_project("basic", base)
    routes = _file_routes(project, base / "outside.png")
    return _run(project), routes


def _assert_sane(run: Run) -> None:
    assert run.checker_rc == 1 and run.checker_err == "", run.checker_err
    assert run.build.returncode != 0, run.build.output
    assert "Traceback" not in run.build.output + run.checker_err, run.build.output


def test_the_build_refuses_a_page_with_the_checker_messages(page_run):
    """Every refusal of the page, the same in both, and nothing else: no route hides another."""
    run, _ = page_run
    _assert_sane(run)
    assert sorted(run.built) == sorted(run.checker), run.build.output
    assert len(run.checker) == len(PAGE_ROUTES), run.checker


@pytest.mark.parametrize("route", PAGE_ROUTES, ids=[r.name for r in PAGE_ROUTES])
def test_a_page_route(page_run, route: Route):
    run, lines = page_run
    expected = f"{PAGE}:{lines[route.name]}: error: {route.message}"
    assert expected in run.checker, "\n".join(run.checker)
    assert expected in run.built, run.build.output


def test_the_build_refuses_the_files_with_the_checker_messages(file_run):
    run, routes = file_run
    _assert_sane(run)
    assert sorted(run.built) == sorted(run.checker), run.build.output
    assert [name for name, _, _ in routes] == FILE_ROUTES
    assert len(run.checker) == len(routes), run.checker


@pytest.mark.parametrize("name", FILE_ROUTES)
def test_a_file_route(file_run, name):
    run, routes = file_run
    where, message = next((where, message) for route, where, message in routes if route == name)
    expected = f"{where}: error: {message}"
    assert expected in run.checker, "\n".join(run.checker)
    assert expected in run.built, run.build.output


# --- the CSP: a script that content puts into a page is never trusted -------------------------------

#: Scripts that content can put into a page, one marker each: (where, old text, new text, marker).
SCRIPT_ROUTES = [
    (PAGE, ANCHOR, ANCHOR + "\n<script>window.lkInjected='body'</script>\n", "body"),
    (PAGE, "Câu hỏi mẫu số 1: em sẽ làm gì?", "Câu hỏi <script>window.lkInjected='quiz'</script>?", "quiz"),
    (PAGE, "Ghi chú riêng cho giáo viên", "<script>window.lkInjected='teacher'</script>", "teacher"),
    (PAGE, ANCHOR, ANCHOR + "\n~~~\nx\n~~~~\n<script>window.lkInjected='fence'</script>\n", "fence"),
    ("docs/index.vi.md", "\n---\n", "\n---\n\n<script>window.lkInjected='docs'</script>\n", "docs"),
]
#: Text that content puts into a page through the data files and front matter: written as text.
TEXT_ROUTES = [
    ("lessons/helplines.yml", "vi: Công an,", "vi: \"<script>window.lkInjected='helplines'</script>\",", "helplines"),
    (PAGE, "title: Bí mật an toàn", "title: \"Bí mật <script>window.lkInjected='title'</script>\"", "title"),
    (PAGE, "  - Biết gọi 111 khi cần.", "  - \"<script>window.lkInjected='objective'</script>\"", "objective"),
]


class _Scripts(HTMLParser):
    """The inline scripts of a page, its Content-Security-Policy and its text, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.policy = ""
        self.scripts: list[str] = []
        self.text = ""
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policy = values.get("content") or ""
        if tag == "script":
            self._script = "" if "src" in values else values.get("type") or "text/javascript"
            if self._script == "text/javascript":
                self.scripts.append("")
        self.text += " ".join(v for _, v in attrs if v) + " "

    def handle_data(self, data):
        if self._script == "text/javascript":
            self.scripts[-1] += data
        elif self._script is None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def _sha256(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


@pytest.fixture(scope="module")
def lenient_site(tmp_path_factory) -> Path:
    project = copy_project("basic", tmp_path_factory.mktemp("csp-routes"))
    for rel, old, new, _ in SCRIPT_ROUTES + TEXT_ROUTES:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = lenient_build(project)
    assert done.returncode == 0, done.output
    return done.site


def _pages(site: Path) -> dict[str, _Scripts]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        parsed = _Scripts()
        parsed.feed(path.read_text(encoding="utf-8"))
        found[path.relative_to(site).as_posix()] = parsed
    return found


@pytest.fixture(scope="module")
def lenient_pages(lenient_site) -> dict[str, _Scripts]:
    return _pages(lenient_site)


@pytest.mark.parametrize("marker", [r[3] for r in SCRIPT_ROUTES])
def test_a_script_from_content_is_not_in_the_csp(lenient_pages, marker):
    """The script reaches a page (the sanitizer is off here), and the page's policy does not allow it."""
    body = f"window.lkInjected='{marker}'"
    reached = {rel: page for rel, page in lenient_pages.items() if body in page.scripts}
    assert reached, f"the '{marker}' route put no script into any page"
    for rel, page in reached.items():
        assert page.policy.startswith("default-src 'none'; script-src 'self' "), (rel, page.policy)
        sources = page.policy.split("script-src ", 1)[1].split(";", 1)[0].split()
        assert _sha256(body) not in sources, rel
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"} & set(sources), rel


@pytest.mark.parametrize("marker", [r[3] for r in TEXT_ROUTES])
def test_data_and_front_matter_land_as_text(lenient_pages, marker):
    """Even with the checker's refusal off, the value is shown as written (text or an attribute's
    value), never a script: not in the page's scripts, and its tag spelt out in the page's text."""
    body = f"window.lkInjected='{marker}'"
    assert not any(body in page.scripts for page in lenient_pages.values())
    landed = [rel for rel, page in lenient_pages.items() if f"<script>{body}</script>" in page.text]
    assert landed, f"the '{marker}' value reached no page as text"


def test_every_hash_is_of_a_template_script(lenient_pages):
    """The hashes a page's policy lists are those of its own scripts that hold no marker of content."""
    for rel, page in lenient_pages.items():
        if not page.policy:
            continue
        listed = {s for s in page.policy.split("script-src ", 1)[1].split(";", 1)[0].split() if s.startswith("'sha")}
        own = {_sha256(s) for s in page.scripts if "lkInjected" not in s}
        assert listed <= own, rel
