"""What a first visit costs on the wire: one way to measure it, for the page-budget test and the benchmark.

A site is served from 127.0.0.1 by :class:`GzipServer`, which compresses text with gzip (level 6, as
common servers do, with no timestamp so that the bytes do not change between runs); :func:`first_visit`
opens one page in a fresh browser context (an empty cache, a phone's viewport) and adds up every
response's headers and body as they came over the wire. Requests to any other host are aborted and
reported, as are console errors, page errors, failed requests and HTTP errors.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

#: The files sent compressed; images and fonts are sent as they are.
COMPRESSIBLE = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"})
PHONE = {"width": 412, "height": 823}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; text files go gzip-compressed to a client that accepts it."""

    def log_message(self, format, *args):  # keep the output readable
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or path.suffix not in COMPRESSIBLE or not accepts:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class GzipServer:
    """:class:`GzipHandler` for ``root`` on a free port of 127.0.0.1, in a thread, for a ``with`` block."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(GzipHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> GzipServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclass
class Visit:
    """A first visit: bytes on the wire (headers and bodies), the URLs fetched, what went wrong."""

    bytes: int = 0
    urls: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def first_visit(browser, url: str) -> Visit:
    """Open ``url`` (on 127.0.0.1) in a fresh context of Playwright's ``browser`` and measure the visit."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    visit, finished = Visit(), []
    own = urlsplit(url).netloc
    context.route(re.compile(r"^(?!http://127\.0\.0\.1:)"), lambda route: route.abort())
    page.on("console", lambda m: m.type == "error" and visit.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: visit.problems.append(f"error: {e}"))
    page.on("requestfailed", lambda r: visit.problems.append(f"failed: {r.url}"))
    page.on("requestfinished", lambda r: finished.append(r))
    try:
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)
        for request in finished:
            sizes = request.sizes()
            visit.bytes += sizes["responseHeadersSize"] + sizes["responseBodySize"]
            visit.urls.append(request.url)
            response = request.response()
            if response is not None and response.status >= 400:
                visit.problems.append(f"HTTP {response.status}: {request.url}")
            if urlsplit(request.url).netloc != own:
                visit.problems.append(f"another host: {request.url}")
        return visit
    finally:
        context.close()
