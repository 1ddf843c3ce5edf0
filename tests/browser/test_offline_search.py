"""The site's own search in real Chromium, over file:// and HTTP, in both languages.

Two sites: the repository's real site (``real_site``, built once for the session), for what a reader
does on it; and a small one written here with :class:`lessonkit.search.SearchIndex` and the real search
partial and script, whose pages are made to test the ranking. Over HTTP, pages are served with the
Content-Security-Policy the site is meant to work under (``script-src 'self'`` plus the hashes of the
theme's inline scripts, ``connect-src 'self'``); any request to another host is aborted and fails the
test.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import re
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from lessonkit.model import load
from lessonkit.search import SCRIPT, SearchIndex, strings_for
from lessonkit.search.text import fold, tokens

from ..support import REPO
from .conftest import QuietHandler

STRINGS = {lang: strings_for(lang) for lang in ("vi", "en")}

CATALOGUE = load(REPO)
TRUSTED = next(m for m in CATALOGUE.modules if m.id == "trusted-adults")
SUMMER = next(m for m in CATALOGUE.modules if m.id == "summer-job-detectives")
LESSON = f"lessons/{TRUSTED.level}/{TRUSTED.id}/index.html"
PUPILS = f"lessons/{TRUSTED.level}/{TRUSTED.id}/quiz.html"
PREFIX = {"vi": "", "en": "en/"}
RE_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


def csp_for(html: str) -> str:
    """The policy the site must work under, with the hashes of the page's inline scripts."""
    hashes = []
    for attrs, body in RE_INLINE_SCRIPT.findall(html):
        if "application/json" in attrs or "application/ld+json" in attrs:
            continue  # data, never run
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return (
        "default-src 'self'; script-src 'self' " + " ".join(hashes) + "; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'"
    )


class CSPHandler(QuietHandler):
    """Serves a folder; HTML pages carry the Content-Security-Policy header of :func:`csp_for`."""

    def end_headers(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self.send_header("Content-Security-Policy", csp_for(path.read_text(encoding="utf-8")))
        super().end_headers()


@pytest.fixture(scope="module")
def serve():
    """Factory: ``serve(folder)`` -> the base URL of a CSP-sending server on 127.0.0.1."""
    servers = []

    def start(folder: Path) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CSPHandler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class Reader:
    """One page in a fresh browser context: every request, console error, page error and CSP violation."""

    def __init__(self, browser, url: str, **options):
        self.own = urlsplit(url)
        self.context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context.route(re.compile(r"^(?!file:|data:|http://127\.0\.0\.1:)"), lambda route: route.abort())
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.context.on("requestfailed", lambda r: self.failed.append(r.url))
        self.context.add_init_script(
            "document.addEventListener('securitypolicyviolation',"
            " e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
        )
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        self.box = self.page.locator("input.md-search__input")
        self.status = self.page.locator("#lk-search-status")
        self.items = self.page.locator(".md-search-result__item")

    def index_requests(self) -> list[str]:
        return [u for u in self.requests if "/search/" in urlsplit(u).path]

    def foreign(self) -> list[str]:
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme not in ("file", "data")
            and (urlsplit(u).scheme, urlsplit(u).netloc) != (self.own.scheme, self.own.netloc)
        ]

    def search(self, query: str, clear: bool = True):
        """Type ``query`` as a reader does and wait until its results (or none) are shown."""
        if clear:
            self.box.fill("")
        self.box.click()
        self.box.press_sequentially(query)
        self.page.locator(f"ol[data-lk-query={_css_string(query)}]").wait_for(state="attached", timeout=15_000)
        return self.items

    def titles(self) -> list[str]:
        return [t.strip() for t in self.items.locator("h1").all_inner_texts()]

    def marks(self) -> list[str]:
        return [m.lower() for m in self.page.locator(".md-search-result mark").all_inner_texts()]

    def close(self) -> None:
        self.context.close()


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def reader(browser):
    """Factory ``reader(url)``; at teardown: no console error, failed request or other host."""
    opened: list[Reader] = []

    def make(url: str, **options) -> Reader:
        opened.append(Reader(browser, url, **options))
        return opened[-1]

    yield make
    problems = [(r.page.url, r.errors, r.failed, r.foreign()) for r in opened if r.errors or r.failed or r.foreign()]
    for r in opened:
        r.close()
    assert not problems, problems


@pytest.fixture(scope="module")
def site_url(real_site, serve):
    """``site_url(path, transport)``: the address of a page of the real site."""
    base = serve(real_site.site)

    def url(path: str, transport: str) -> str:
        return (real_site.site / path).as_uri() if transport == "file" else f"{base}/{path}"

    return url


# -- the real site -------------------------------------------------------------------------------


@pytest.mark.parametrize("transport", ["file", "http"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_nothing_of_the_index_loads_before_a_search(reader, site_url, lang: str, transport: str) -> None:
    r = reader(site_url(PREFIX[lang] + LESSON, transport))
    r.page.wait_for_timeout(500)
    assert r.index_requests() == [], "the page loaded search data before any search"
    assert any(u.endswith("/assets/lessonkit/search.js") for u in r.requests)
    r.box.focus()
    # The three are asked for together, but their request events may arrive in any order: wait for all.
    for _ in range(300):  # up to 15 s on a busy machine
        seen = {urlsplit(u).path.rsplit("/", 1)[1] for u in r.index_requests()}
        if {"engine.js", "index.js", "search.css"} <= seen:
            break
        r.page.wait_for_timeout(50)
    assert {urlsplit(u).path.rsplit("/search/", 1)[1] for u in r.index_requests()} == {
        "engine.js",
        f"{lang}/index.js",
        "search.css",
    }
    r.search("111")
    assert r.items.count() > 0
    loaded = [urlsplit(u).path.rsplit("/search/", 1)[1] for u in r.index_requests()]
    assert all(p.startswith(f"{lang}/") or p in ("engine.js", "search.css") for p in loaded), loaded
    assert f"{lang}/t/11.js" in loaded and any(p.startswith(f"{lang}/d/") for p in loaded)
    assert not any("search_index" in u for u in r.requests)  # the theme's own search never starts


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_results_are_in_the_page_language(reader, site_url, lang: str) -> None:
    r = reader(site_url(PREFIX[lang] + "index.html", "file"))
    r.search("111")
    links = [a.get_attribute("href") for a in r.page.locator(".md-search-result__link").all()]
    assert links
    in_english = ["/en/" in href for href in links]
    assert all(in_english) if lang == "en" else not any(in_english), links
    # Words of the other language find nothing.
    r.search("tuyên truyền" if lang == "en" else "counselling")
    assert r.items.count() == 0
    assert r.status.inner_text() == STRINGS[lang]["none"]


@pytest.mark.parametrize("transport", ["file", "http"])
def test_queries_without_diacritics_find_vietnamese_words(reader, site_url, transport: str) -> None:
    r = reader(site_url(LESSON, transport))
    r.search("nguoi lon tin cay")
    assert r.titles()[0] == TRUSTED.files["vi"].fields["title"]
    assert {"người", "lớn", "tin", "cậy"} <= set(r.marks())
    r.search("viec nhe luong cao")
    assert r.titles()[0] == SUMMER.files["vi"].fields["title"]
    r.search("duong day nong")  # "d" finds "đ": the modules that speak of a "đường dây nóng"
    hotline = {
        m.files["vi"].fields["title"] for m in CATALOGUE.modules if "đường dây nóng" in m.files["vi"].text.lower()
    }
    assert hotline and hotline <= set(r.titles())
    count = r.items.count()
    assert r.status.inner_text() == (STRINGS["vi"]["one"] if count == 1 else STRINGS["vi"]["other"].format(n=count))


def test_english_search_and_section_links(reader, site_url) -> None:
    r = reader(site_url("en/" + LESSON, "file"))
    r.search("trusted adult")
    assert r.titles()[0] == TRUSTED.files["en"].fields["title"]
    section = r.items.first.locator(".md-search-result__link").nth(1)
    href = section.get_attribute("href")
    anchor = href.split("#", 1)[1]
    section.click()
    r.page.wait_for_url(re.compile(r"#"))
    assert r.page.evaluate("decodeURIComponent(location.hash.slice(1))") == anchor
    assert r.page.locator(f"[id={_css_string(anchor)}]").count() == 1


def test_keyboard_only(reader, site_url) -> None:
    r = reader(site_url(LESSON, "file"))
    page = r.page
    for _ in range(40):  # Tab from the top of the page to the search field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("the search field is not reachable with Tab")
    page.keyboard.type("nguoi lon tin cay")
    page.locator('ol[data-lk-query="nguoi lon tin cay"]').wait_for(state="attached")
    links = page.locator(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links.nth(0).evaluate("a => a.href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links.nth(1).evaluate("a => a.href")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert page.evaluate("!document.getElementById('__search').checked")
    assert page.locator(".md-search__output").is_hidden()
    # Enter opens the first result.
    r.box.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(LESSON) + "$"))
    assert page.locator("h1").first.inner_text() == TRUSTED.files["vi"].fields["title"]


@pytest.mark.parametrize(("key", "width"), [("/", 1366), ("s", 1366), ("f", 412)])
def test_the_themes_keys_put_the_cursor_in_the_search_box(reader, site_url, key: str, width: int) -> None:
    """'/', 's' or 'f' from anywhere on the page, then typing searches (issue 18); typed in a field, the
    key is only a letter."""
    r = reader(site_url(PUPILS, "file"), viewport={"width": width, "height": 800})
    page = r.page
    page.locator("h1").first.click()  # the cursor is in the page, not in a field
    page.keyboard.press(key)
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
    assert r.box.input_value() == ""  # the key only moved the cursor
    page.keyboard.type("nguoi lon")
    page.locator('ol[data-lk-query="nguoi lon"]').wait_for(state="attached")
    assert r.items.first.is_visible()
    page.keyboard.press("Escape")
    r.box.fill("")
    r.box.press_sequentially(f"a{key}b")  # typed in the search box itself: just a letter
    assert r.box.input_value() == f"a{key}b"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_labels_and_messages_are_in_the_page_language(reader, site_url, lang: str) -> None:
    r = reader(site_url(PREFIX[lang] + PUPILS, "file"))
    words = STRINGS[lang]
    assert r.box.get_attribute("placeholder") == words["placeholder"]
    assert r.page.get_by_role("search").get_attribute("aria-label") == words["label"]
    assert r.page.get_by_role("textbox", name=words["label"]).count() == 1
    r.box.focus()
    # Functions, not expression strings: the page's CSP forbids evaluating strings.
    r.page.wait_for_function(
        "idle => document.getElementById('lk-search-status').textContent.trim() === idle", arg=words["idle"]
    )
    assert r.status.get_attribute("role") == "status"
    r.search("111")
    more = r.page.get_by_role("button", name=words["more"])
    assert r.items.count() == 10 and more.is_visible()  # more than ten pages have "111"
    shown = r.items.count()
    more.click()
    r.page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=shown)
    assert r.page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    while more.is_visible():
        shown = r.items.count()
        # Pressed twice at once, as on a slow phone: the next batch still comes once.
        r.page.evaluate("() => { const b = document.querySelector('.lk-search-more button'); b.click(); b.click(); }")
        r.page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=shown)
    found = r.items.count()
    hrefs = r.page.locator(".md-search-result__item > a:first-child").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) == found and len(set(hrefs)) == found, "a page is listed twice"
    assert r.status.inner_text() == words["other"].format(n=found)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_no_violation_with_results_shown(reader, site_url, lang: str) -> None:
    r = reader(site_url(PREFIX[lang] + LESSON, "http"))
    r.search("111")
    results = Axe().run(r.page)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert not violations, violations


def test_small_screen_opens_search_from_the_header(reader, site_url) -> None:
    r = reader(site_url(LESSON, "file"), viewport={"width": 412, "height": 823}, has_touch=True, is_mobile=True)
    r.page.locator(".md-header label[for=__search]").first.click()
    r.page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
    r.page.keyboard.type("goi 111")
    r.page.locator('ol[data-lk-query="goi 111"]').wait_for(state="attached")
    assert r.items.first.is_visible()


def test_a_meta_policy_from_file_url(reader, real_site, tmp_path) -> None:
    """From file://, a <meta> Content-Security-Policy (the way a copied site carries one) lets it work."""
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    page = site / LESSON
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("<head>", f'<head><meta http-equiv="Content-Security-Policy" content="{csp_for(html)}">', 1),
        encoding="utf-8",
    )
    r = reader(page.as_uri())
    r.search("nguoi lon tin cay")
    assert r.titles()[0] == TRUSTED.files["vi"].fields["title"]


def test_the_script_reads_words_as_the_index_does(reader, site_url) -> None:
    r = reader(site_url(LESSON, "file"))
    r.box.focus()  # loads the search's engine; its functions need no index
    r.page.wait_for_function("() => window.lkSearch && typeof lkSearch.words === 'function'")
    text = r.page.locator("article").inner_text() + " Ngu\u031bo\u031b\u0300i ĐƯỜNG ß ǅ ² 3½ e_mail ﬁ"
    words = r.page.evaluate("t => lkSearch.words(t)", text)
    assert words == tokens(text)
    assert r.page.evaluate("ws => ws.map(lkSearch.fold)", words) == [fold(w) for w in words]


def test_a_missing_index_says_so(browser, real_site, tmp_path) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    (site / "search" / "vi" / "index.js").unlink()
    r = Reader(browser, (site / LESSON).as_uri())
    try:
        r.box.focus()
        # A locator, not a predicate string: the page's CSP forbids evaluating strings.
        expect(r.page.locator("#lk-search-status")).to_have_text(STRINGS["vi"]["failed"], timeout=15_000)
    finally:
        r.close()


# -- ranking, on pages made for it ---------------------------------------------------------------

RANKING = {
    # url: (title, body)
    "a.html": ("Trồng cây", "<p>" + "Chúng em tin cây lớn lên. " * 6 + "</p>"),
    "b.html": ("Một lời hứa", "<p>Em kể với người lớn tin cậy.</p>"),
    "c.html": ("Bàn tay", '<p>Cây bút và tờ giấy.</p><h2 id="duong">Đường về nhà</h2><p>Em đi bộ.</p>'),
    "d.html": ("Giấy vẽ", '<p>Tờ giấy trắng.</p><h2 id="ban-tay">Vẽ bàn tay</h2><p>Đặt tay lên giấy.</p>'),
}


@pytest.fixture(scope="module")
def ranking_site(tmp_path_factory) -> Path:
    """Four Vietnamese pages, their index (with every shard cut by the third letter, as on a big
    site), and the real search partial and script."""
    from mkdocs.theme import Theme

    import lessonkit.search.index as index_module

    root = tmp_path_factory.mktemp("ranking")
    index = SearchIndex()
    for url, (title, body) in RANKING.items():
        index.add("vi", url, title, body)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_module, "SHARD_BYTES", 0)
        written = index.write(root)
    assert (root / "search" / "vi" / "t" / "ngu.js").is_file()
    assert root / "search" / "engine.js" in written
    (root / "assets" / "lessonkit").mkdir(parents=True)
    shutil.copy(SCRIPT, root / "assets" / "lessonkit" / "search.js")
    env = Theme(name="material", custom_dir=str(REPO / "src" / "lessonkit" / "theme")).get_env()
    partial = env.get_template("partials/search.html").render(
        config=SimpleNamespace(theme={"language": "vi"}), base_url=".", lk_search_strings=STRINGS
    )
    (root / "search.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tìm</title></head><body>'
        '<input type="checkbox" id="__search" hidden><header class="md-header">' + partial + "</header>"
        '<script src="assets/lessonkit/search.js"></script></body></html>',
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize("transport", ["file", "http"])
def test_exact_diacritics_rank_first(reader, ranking_site, serve, transport: str) -> None:
    url = (ranking_site / "search.html").as_uri() if transport == "file" else f"{serve(ranking_site)}/search.html"
    r = reader(url)
    r.search("tin cậy")
    assert r.titles() == ["Một lời hứa", "Trồng cây"]  # "cậy" as typed, before the higher score of "cây"
    r.search("tin cây")
    assert r.titles() == ["Trồng cây", "Một lời hứa"]
    r.search("tin cay")  # no diacritics: the score decides
    assert r.titles() == ["Trồng cây", "Một lời hứa"]
    r.search("ban tay")  # a title weighs more than text: the page named so, then the heading
    assert r.titles() == ["Bàn tay", "Giấy vẽ"]
    assert [h.strip() for h in r.items.nth(1).locator("h2").all_inner_texts()] == ["Vẽ bàn tay"]
    r.search("giay")  # every word must be in the section
    assert r.titles() == ["Bàn tay", "Giấy vẽ"] or r.titles() == ["Giấy vẽ", "Bàn tay"]
    r.search("cay but")
    assert r.titles() == ["Bàn tay"]
    r.search("ngư")  # the last word may be the start of one
    assert r.titles() == ["Một lời hứa"] and "người" in r.marks()
    r.search("ng")  # two letters: every shard cut from "ng"
    assert r.titles() == ["Một lời hứa"]
    r.search("duong")
    assert r.titles() == ["Bàn tay"] and "đường" in r.marks()
    r.search("khong co tu nay")
    assert r.titles() == [] and r.status.inner_text() == STRINGS["vi"]["none"]
    r.box.fill("")
    r.page.locator('ol[data-lk-query=""]').wait_for(state="attached")
    assert r.status.inner_text() == STRINGS["vi"]["idle"]
