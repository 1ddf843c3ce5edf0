"""Search works in a site opened from file://, with nothing loaded from other hosts.

Builds tests/site/projects/offline_search for real (mkdocs build --strict),
with our shim src/lessonkit/assets/javascripts/iframe-worker-shim.js copied
into its docs, then drives Debian's Chromium (Playwright) over file:// URLs.

Browser fixtures live in this file on purpose (tests/browser/conftest.py
belongs to someone else); their names are prefixed to avoid clashes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "tests" / "site" / "projects" / "offline_search"
SHIM = REPO / "src" / "lessonkit" / "assets" / "javascripts" / "iframe-worker-shim.js"
SHIM_IN_SITE = "assets/javascripts/iframe-worker-shim.js"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Material's own bundle names two CDN scripts that it only loads on demand:
# a ResizeObserver polyfill (never, in a current browser) and Mermaid (only
# if a page has a `.mermaid` diagram). Anything else mentioning unpkg fails.
BUNDLE_CDN_URLS = {
    "https://unpkg.com/resize-observer-polyfill",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
}

QUERY = "người lớn tin cậy"

REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """Build the sample project (with the shim) into a temporary directory."""
    work = tmp_path_factory.mktemp("offline_search")
    project = work / "project"
    shutil.copytree(SAMPLE, project)
    target = project / "docs" / SHIM_IN_SITE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, target)

    site = work / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(site),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"mkdocs build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    assert (site / SHIM_IN_SITE).is_file()
    assert (site / "search" / "search_index.js").is_file()  # written by `offline`
    return site


@pytest.fixture(scope="module")
def offline_site_copies(offline_site, tmp_path_factory) -> dict[str, Path]:
    """The built site as copied by users: plainly, and under a folder whose
    name starts with "worker" (Material's iframe path splits URLs on "/worker")."""
    base = tmp_path_factory.mktemp("usb")
    copies = {"plain": base / "site", "worker-folder": base / "workers-usb" / "site"}
    for path in copies.values():
        shutil.copytree(offline_site, path)
    return copies


def _wait_for_chromium(seconds: float = 600) -> bool:
    """apt may still be installing Chromium when the tests start."""
    deadline = time.monotonic() + seconds
    while not os.access(CHROMIUM, os.X_OK):
        if time.monotonic() > deadline:
            return False
        time.sleep(5)
    return True


@pytest.fixture(scope="module")
def offline_chromium():
    if not _wait_for_chromium():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class PageWatch:
    """A fresh browser context that records requests and errors; any request
    that is not to a file:// (or data:) URL is recorded and aborted."""

    def __init__(self, browser):
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.page_errors: list[str] = []
        self.console_errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        self.context.on("request", lambda req: self.requests.append(req.url))
        self.context.route(re.compile(r"^(?!file:|data:)"), self._block)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        self.page.on("console", self._console)

    def _block(self, route):
        self.blocked.append(route.request.url)
        route.abort()

    def _console(self, msg):
        if msg.type == "error":
            self.console_errors.append(f"{msg.text} @ {msg.location}")

    def remote_requests(self) -> list[str]:
        urls = self.requests + self.blocked
        return sorted({u for u in urls if not u.startswith(("file:", "data:"))})


@pytest.fixture
def offline_page(offline_chromium):
    watch = PageWatch(offline_chromium)
    try:
        yield watch
    finally:
        watch.context.close()


# --------------------------------------------------------------------------
# Build output
# --------------------------------------------------------------------------


class _RefCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("src"):
            self.refs.append((tag, attrs["src"]))
        if tag == "link" and attrs.get("href"):
            self.refs.append((f"link rel={attrs.get('rel')}", attrs["href"]))


def _tokens_around(text: str, needle: str) -> list[str]:
    """Each occurrence of `needle`, widened to the quoted/space-delimited token
    (a plain regex with a leading `[^...]*` is quadratic on minified JS)."""
    delims = " \t\r\n\"'`()\\"
    tokens, at = [], text.find(needle)
    while at >= 0:
        start = at
        while start > 0 and text[start - 1] not in delims and at - start < 300:
            start -= 1
        end = at
        while end < len(text) and text[end] not in delims and end - at < 300:
            end += 1
        tokens.append(text[start:end])
        at = text.find(needle, end)
    return tokens


def test_build_loads_nothing_from_other_hosts(offline_site: Path):
    problems = []
    # Every file a page can load (source maps are only read by DevTools; the
    # bundle's map merely repeats its comments and the two URLs above).
    for path in sorted(offline_site.rglob("*")):
        if not path.is_file() or path.suffix not in {".html", ".js", ".css", ".xml", ".json"}:
            continue
        rel = path.relative_to(offline_site).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")

        for url in _tokens_around(text, "unpkg"):
            if not (rel.startswith("assets/javascripts/bundle.") and url in BUNDLE_CDN_URLS):
                problems.append(f"{rel}: mentions {url}")

        if path.suffix == ".html":
            collector = _RefCollector()
            collector.feed(text)
            problems += [f"{rel}: <{tag}> -> {url}" for tag, url in collector.refs if REMOTE.match(url)]
        elif path.suffix == ".css":
            problems += [
                f"{rel}: {m}" for m in re.findall(r"""(?:@import|url\()\s*["']?(?:https?:)?//[^"')\s]+""", text)
            ]

    assert not problems, "remote references in the built site:\n" + "\n".join(problems)

    # The shim is the polyfill Material renders in <head>, before its bundle.
    for page, prefix in (("index.html", ""), ("bai-hoc/an-toan.html", "../")):
        html = (offline_site / page).read_text(encoding="utf-8")
        shim = html.find(f'<script src="{prefix}{SHIM_IN_SITE}"></script>')
        bundle = html.find(f'<script src="{prefix}assets/javascripts/bundle.')
        assert 0 <= shim < html.find("</head>") < bundle, page


# --------------------------------------------------------------------------
# In the browser, from file://
# --------------------------------------------------------------------------


def _search(page, query: str):
    search = page.locator("[data-md-component=search]")
    assert search.is_visible(), "Material hid the search box (Worker failed?)"
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    items = page.locator(".md-search-result__item")
    items.first.wait_for(state="visible", timeout=15_000)
    return items


@pytest.mark.parametrize("start", ["index.html", "bai-hoc/an-toan.html"])
@pytest.mark.parametrize("where", ["plain", "worker-folder"])
def test_vietnamese_search_from_file_url(offline_site_copies, offline_page, where, start):
    site = offline_site_copies[where]
    page = offline_page.page
    page.goto((site / start).as_uri())
    assert page.evaluate("location.protocol") == "file:"
    assert page.evaluate("window.Worker.lessonkitShim === true"), "shim not active"

    items = _search(page, QUERY)
    titles = [t.strip() for t in items.locator("h1").all_inner_texts()]
    assert titles == ["Giữ an toàn"], titles
    marks = [m.lower() for m in page.locator(".md-search-result mark").all_inner_texts()]
    assert {"người", "lớn", "tin", "cậy"} <= set(marks), marks

    # The result links to the page, relative to the file:// page we are on.
    items.first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/bai-hoc/an-toan\.html"))
    assert page.url.startswith((site / "bai-hoc").as_uri())

    # The worker loaded the Vietnamese lunr files, from the site itself.
    lunr = [u for u in offline_page.requests if "/lunr/" in u]
    assert any(u.endswith("/lunr.vi.min.js") for u in lunr), lunr
    assert all(u.startswith(site.as_uri() + "/assets/javascripts/lunr/") for u in lunr), lunr

    assert offline_page.remote_requests() == []
    assert offline_page.page_errors == []
    assert offline_page.console_errors == []


def test_english_search_from_file_url(offline_site_copies, offline_page):
    page = offline_page.page
    page.goto((offline_site_copies["plain"] / "index.html").as_uri())
    items = _search(page, "trusted adult")
    titles = [t.strip() for t in items.locator("h1").all_inner_texts()]
    assert titles == ["Staying safe"], titles
    assert offline_page.remote_requests() == []
    assert offline_page.page_errors == []


def test_without_shim_search_is_hidden(offline_site, offline_page, tmp_path):
    """Control: the problem the shim solves is real in this Chromium."""
    site = tmp_path / "site"
    shutil.copytree(offline_site, site)
    (site / SHIM_IN_SITE).unlink()
    page = offline_page.page
    page.goto((site / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert not page.evaluate("'lessonkitShim' in window.Worker")
    page.wait_for_function(
        "document.querySelector('[data-md-component=search]').hidden === true",
        timeout=10_000,
    )
    assert offline_page.remote_requests() == []


def test_shim_does_nothing_over_http(offline_chromium):
    """Under http(s) the real Worker stays (checked on a page served by
    Playwright's router, so no server or network is needed)."""
    context = offline_chromium.new_context()
    try:
        shim = SHIM.read_text(encoding="utf-8")
        context.route(
            "http://lessonkit.test/**",
            lambda route: route.fulfill(
                status=200, content_type="text/html", body=f"<!doctype html><script>{shim}</script>"
            ),
        )
        page = context.new_page()
        page.goto("http://lessonkit.test/")
        assert page.evaluate("String(window.Worker).includes('[native code]')")
        assert not page.evaluate("'lessonkitShim' in window.Worker")
    finally:
        context.close()


def test_shim_worker_api_from_file_url(offline_page, tmp_path):
    """The shim on its own: queued messages, both message APIs in both
    directions, ordered importScripts resolved against the worker's URL."""
    (tmp_path / "worker" / "lib").mkdir(parents=True)
    shutil.copyfile(SHIM, tmp_path / "shim.js")
    (tmp_path / "worker" / "lib" / "a.js").write_text("self.order = ['a'];\n")
    (tmp_path / "worker" / "lib" / "b.js").write_text("self.order.push('b');\n")
    # importScripts returns a Promise under the shim (undefined in a real
    # worker); Promise.resolve() makes the script correct in both.
    (tmp_path / "worker" / "w.js").write_text(
        "var ready = Promise.resolve(importScripts('lib/a.js', 'lib/b.js'));\n"
        "self.onmessage = function (e) {\n"
        "  ready.then(function () {\n"
        "    self.postMessage({ echo: e.data, order: self.order, via: 'onmessage' });\n"
        "  });\n"
        "};\n"
        "addEventListener('message', function (e) {\n"
        "  postMessage({ echo: e.data, via: 'listener' });\n"
        "});\n"
    )
    (tmp_path / "index.html").write_text("<!doctype html><meta charset=utf-8><script src='shim.js'></script><body>\n")
    page = offline_page.page
    page.goto((tmp_path / "index.html").as_uri())
    result = page.evaluate("""() => new Promise((resolve, reject) => {
        const w = new Worker('worker/w.js');
        const got = {onmessage: [], listener: []};
        w.onmessage = (e) => got.onmessage.push(e.data);
        w.addEventListener('message', (e) => {
            got.listener.push(e.data);
            if (got.listener.length === 4) { w.terminate(); resolve(got); }
        });
        w.onerror = (e) => reject(new Error(e.message));
        const msg = {text: 'xin chào', n: 1};
        w.postMessage(msg);      // queued: the iframe is not loaded yet
        msg.n = 2;               // must not leak into the copy already sent
        setTimeout(() => w.postMessage(msg), 50);
        setTimeout(() => reject(new Error('timeout: ' + JSON.stringify(got))), 5000);
    })""")
    assert result["onmessage"] == result["listener"]
    by_via = sorted((m["via"], m["echo"]["n"]) for m in result["listener"])
    assert by_via == [("listener", 1), ("listener", 2), ("onmessage", 1), ("onmessage", 2)]
    assert all(m["echo"]["text"] == "xin chào" for m in result["listener"])
    assert all(m["order"] == ["a", "b"] for m in result["listener"] if m["via"] == "onmessage")
    assert page.locator("iframe").count() == 0  # terminate() removed it
    assert offline_page.remote_requests() == []
    assert offline_page.page_errors == []
    assert offline_page.console_errors == []
