"""The 404 page without ``site_url``, as a server answers any missing address (issue 18, item 2):
below the root its stylesheets are not found, and the style it carries keeps it readable; at the
root, where they load, that style changes nothing."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..support import Build

WIDTHS = (1366, 412)
#: Every element's box and the properties the page's own style sets, in document order.
COMPUTED = """() => [...document.querySelectorAll('body *')].map(e => {
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  return [e.tagName, e.className && e.className.baseVal === undefined ? e.className : '', s.display,
          s.width, s.height, s.maxWidth, s.marginLeft, Math.round(r.x), Math.round(r.y)];
})"""


UNSTYLED = """() => [...document.styleSheets].filter(s => s.href).every(s => {
  try { return !s.cssRules.length } catch (e) { return true }
})"""
ICONS = """() => [...document.querySelectorAll('svg')].filter(s => s.getClientRects().length)
  .map(s => s.getBoundingClientRect()).map(r => [r.width, r.height])"""


class NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """A server that answers a missing address with the 404 page of its language, at any depth."""

    def log_message(self, format, *args):  # keep pytest output readable
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        page = Path(self.directory) / ("en/404.html" if self.path.startswith("/en/") else "404.html")
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server(basic_site: Build) -> Iterator[str]:
    assert "site_url" not in (basic_site.site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(NotFoundHandler, directory=str(basic_site.site))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["lessons/primary/a/b/missing.html", "en/x/y/z/missing.html"])
def test_a_deep_404_is_readable_without_its_stylesheets(server, chromium, path: str, width: int) -> None:
    page = chromium.new_page(viewport={"width": width, "height": 800})
    try:
        answer = page.goto(server + path)
        assert answer is not None and answer.status == 404
        assert page.evaluate(UNSTYLED)  # the theme's stylesheets were not found at this depth
        icons = page.evaluate(ICONS)
        assert icons and all(w <= 32 and h <= 32 for w, h in icons), icons
        assert page.evaluate("[...document.querySelectorAll('.md-toggle')].every(e => !e.getClientRects().length)")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        title = page.locator("h1").bounding_box()
        assert title is not None and title["y"] < 800  # the title in the first screen, not below giant icons
        assert page.locator("a[href='tel:111']").count() >= 1
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["missing.html", "en/missing.html"])
def test_the_404_style_changes_nothing_where_the_stylesheets_load(server, chromium, path: str, width: int) -> None:
    page = chromium.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto(server + path)
        assert page.locator("#lk-not-found-style").count() == 1
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        with_style, shot = page.evaluate(COMPUTED), page.screenshot()
        page.evaluate("document.getElementById('lk-not-found-style').remove()")
        assert page.evaluate(COMPUTED) == with_style
        assert page.screenshot() == shot
    finally:
        page.close()
