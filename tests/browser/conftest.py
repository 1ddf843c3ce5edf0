"""Browser fixtures for the quiz script: the fixture pages, a local HTTP server and Debian's Chromium.

The fixture pages are rendered, not written by hand: ``fixtures/quiz-fixture.<lang>.md`` goes through
the real Markdown extension (questions, a pupils' block, the summary with the real help lines) into the
shell ``fixtures/page.html``, so the tests drive the renderer's own HTML and every expected text comes
from ``strings.py``. ``render_site`` writes the pages and a copy of the quiz assets into a folder with
the repository's layout, so the pages' relative links (``../../../src/lessonkit/quiz/assets/…``) work
there over ``file://`` and HTTP.
"""

from __future__ import annotations

import functools
import html
import http.server
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest

from lessonkit.markdown import LessonkitExtension, RenderState
from lessonkit.model.helplines import load_helplines
from lessonkit.model.problems import ProblemList
from lessonkit.quiz.strings import strings_for

STRINGS = {lang: strings_for(lang) for lang in ("vi", "en")}

REPO = Path(__file__).resolve().parents[2]
ASSETS = REPO / "src" / "lessonkit" / "quiz" / "assets"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_DIR = Path("tests") / "browser" / "fixtures"  # the same place inside the rendered folder
PAGES = {"vi": "quiz-fixture.html", "en": "quiz-fixture.en.html"}
TITLES = {"vi": "Bài kiểm tra thử", "en": "Practice quiz"}
RE_STRINGS = re.compile(r' data-lk-strings="[^"]*"')


def render_content(lang: str, text: str | None = None) -> str:
    """The fixture Markdown of ``lang`` (or ``text``) as the site renders it: the real extension with
    the real help lines and a page key."""
    problems = ProblemList()
    helplines = load_helplines(REPO / "lessons" / "helplines.yml", "lessons/helplines.yml", problems)
    assert helplines is not None and not problems, problems
    prefix = "" if lang == "vi" else f"{lang}/"
    state = RenderState(lang=lang, helplines=helplines, page_key=f"{prefix}fixtures/quiz/")
    md = markdown.Markdown(extensions=[LessonkitExtension(state), "admonition", "pymdownx.superfences"])
    if text is None:
        text = (FIXTURES / f"quiz-fixture.{lang}.md").read_text(encoding="utf-8")
    content = md.convert(text)
    assert not state.problems, state.problems
    return content


def fill_page(lang: str, content: str) -> str:
    """The page shell of ``lang`` around ``content``."""
    shell = (FIXTURES / "page.html").read_text(encoding="utf-8")
    values = {"lang": lang, "title": html.escape(TITLES[lang]), "content": content}
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], shell)


def student_block_only(text: str) -> str:
    """The pupils' block of a fixture Markdown, without the questions (a page with no quiz)."""
    return text[: text.index("/// quiz")]


def material_stylesheets() -> list[Path]:
    """Material for MkDocs' own stylesheets from the installed package (none if it is missing)."""
    try:
        import material
    except ImportError:
        return []
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return sorted(folder.glob("main.*.min.css")) + sorted(folder.glob("palette.*.min.css"))


def with_material(page: str, stylesheets: list[str]) -> str:
    """The page as Material lays it out: its stylesheets first, the content in ``.md-typeset``."""
    links = "".join(f'<link rel="stylesheet" href="{href}">\n' for href in stylesheets)
    ours = '<link rel="stylesheet" href="../../../src/'
    page = page.replace(ours, links + ours)
    page = page.replace(
        "<body>",
        '<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">',
    )
    page = page.replace('<div class="lk-page ', '<div class="md-typeset"><div class="lk-page ')
    return page.replace("</div>\n</main>", "</div></div>\n</main>")


def render_site(root: Path) -> dict[str, Path]:
    """Write both fixture pages, their variants and the assets under ``root``.

    Returns the written pages by name: ``vi``, ``en``; ``vi-corrupt`` (invalid data-lk-strings),
    ``vi-missing`` (none), ``vi-noquiz`` (the pupils' block alone, no question), ``vi-material``
    (inside Material's stylesheets, when installed) …"""
    shutil.copytree(ASSETS, root / ASSETS.relative_to(REPO), dirs_exist_ok=True)
    material = material_stylesheets()
    for css in material:
        (root / "material").mkdir(exist_ok=True)
        shutil.copy(css, root / "material" / css.name)
    out = root / FIXTURE_DIR
    out.mkdir(parents=True, exist_ok=True)
    pages = {}
    for lang, name in PAGES.items():
        source = (FIXTURES / f"quiz-fixture.{lang}.md").read_text(encoding="utf-8")
        filled = fill_page(lang, render_content(lang, source))
        assert len(RE_STRINGS.findall(filled)) == 1
        variants = {
            lang: filled,
            f"{lang}-corrupt": RE_STRINGS.sub(' data-lk-strings="{&quot;score&quot;: &quot;oops"', filled),
            f"{lang}-missing": RE_STRINGS.sub("", filled),
            f"{lang}-noquiz": fill_page(lang, render_content(lang, student_block_only(source))),
        }
        if material:
            variants[f"{lang}-material"] = with_material(filled, [f"../../../material/{c.name}" for c in material])
        for key, text in variants.items():
            path = out / name.replace("quiz-fixture", f"quiz-fixture{key[len(lang) :]}")
            path.write_text(text, encoding="utf-8")
            pages[key] = path
    return pages


@pytest.fixture(scope="session")
def strings() -> dict[str, dict[str, str]]:
    """The STRINGS table of strings.py."""
    return STRINGS


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    return root, render_site(root)


@pytest.fixture(scope="session")
def http_base(site):
    """A local HTTP server on 127.0.0.1 (random port) serving the rendered folder."""
    root, _ = site
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(chromium):
    """The session's one Chromium (tests/conftest.py): one Playwright for the whole run."""
    return chromium


class QuizPage:
    """One fixture page in a fresh browser context, recording console errors and every request."""

    def __init__(self, browser, url: str, lang: str, transport: str, **context_options):
        self.url, self.lang, self.transport = url, lang, transport
        self.S = STRINGS[lang]
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    # -- navigation -------------------------------------------------------------------------
    def open(self, wait: bool = True):
        self.page.goto(self.url)
        if wait:
            self.wait_ready()
        return self

    def reload(self):
        self.page.reload()
        self.wait_ready()

    def wait_ready(self):
        self.page.wait_for_selector("html[data-lk-quiz='ready']", state="attached", timeout=15_000)

    # -- parts of the page --------------------------------------------------------------------
    def question(self, q: int):
        return self.page.locator(f"#lk-q-{q}")

    def option(self, q: int, k: int):
        return self.page.locator(f"#lk-q-{q}-{k}")

    def feedback(self, q: int, k: int):
        return self.page.locator(f"#lk-q-{q}-{k}-fb")

    def mark(self, q: int, k: int):
        return self.page.locator(f"#lk-q-{q}-{k}-mark")

    def result(self, q: int):
        return self.question(q).locator(".lk-question__result")

    def button(self, q: int, name: str):
        return self.question(q).get_by_role("button", name=self.S[name], exact=True)

    def status(self):
        return self.page.get_by_role("status")

    def storage_key(self) -> str:
        return "lk-quiz:" + self.page.locator("[data-lk-summary]").get_attribute("data-lk-page")

    def focused(self) -> str:
        """A short description of the focused element: its id, else tag.class."""
        return self.page.evaluate(
            "() => { const e = document.activeElement; return e.id || (e.tagName.toLowerCase() + '.' + e.className); }"
        )

    # -- actions ------------------------------------------------------------------------------
    def answer(self, q: int, *ks: int):
        """Choose options ``ks`` of question ``q`` and press its Check button."""
        for k in ks:
            self.option(q, k).check()
        self.button(q, "check").click()

    # -- checks -------------------------------------------------------------------------------
    def foreign_requests(self) -> list[str]:
        """Requests to anything but the page's own origin (file:// or 127.0.0.1:port) and data: URLs."""
        own = urlsplit(self.url)
        bad = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme == "data":
                continue
            if self.transport == "file" and parts.scheme == "file" and not parts.netloc:
                continue
            if self.transport == "http" and (parts.scheme, parts.netloc) == (own.scheme, own.netloc):
                continue
            bad.append(url)
        return bad

    def close(self):
        self.context.close()


TRANSPORTS = ["file", "http"]
LANGS = ["vi", "en"]


def page_url(site, http_base, name: str, transport: str) -> str:
    root, pages = site
    path = pages[name]
    if transport == "file":
        return path.as_uri()
    return f"{http_base}/{path.relative_to(root).as_posix()}"


@pytest.fixture
def make_quiz(browser, site, http_base):
    """Factory: ``make_quiz(lang, transport, page=None, **context_options)``; checks at teardown that
    no page had a console error or a request to another host."""
    made: list[QuizPage] = []

    def make(lang: str, transport: str, page: str | None = None, **context_options) -> QuizPage:
        quiz = QuizPage(browser, page_url(site, http_base, page or lang, transport), lang, transport, **context_options)
        made.append(quiz)
        return quiz

    yield make
    problems = [(q.url, q.errors, q.foreign_requests()) for q in made if q.errors or q.foreign_requests()]
    for quiz in made:
        quiz.close()
    assert not problems, f"console errors or foreign requests: {problems}"


@pytest.fixture(params=[(lang, t) for lang in LANGS for t in TRANSPORTS], ids=lambda p: f"{p[0]}-{p[1]}")
def quiz(request, make_quiz) -> QuizPage:
    """The fixture page in each language, over file:// and over HTTP, opened and ready."""
    lang, transport = request.param
    return make_quiz(lang, transport).open()
