"""The page budgets of tests/budgets.yml, on the repository's own site (built once, ``real_site``).

Every page's HTML is measured on disk; a first visit to each kind's sample page, in both languages,
in Chromium with an empty cache, over HTTP from a server that compresses text with gzip (level 6, as
common servers do): every request, its headers and body as they came over the wire. A first visit
must also show no console error, no failed request and no request to another host.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from lessonkit.model import load

from ..support import REPO
from .conftest import QuietHandler

BUDGETS = yaml.safe_load((REPO / "tests" / "budgets.yml").read_text(encoding="utf-8"))["kinds"]
PATTERNS = {kind: re.compile(spec["pattern"]) for kind, spec in BUDGETS.items()}
CATALOGUE = load(REPO)
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def kind_of(path: str) -> list[str]:
    """The kinds whose pattern matches the page at ``path`` (relative to the site)."""
    own = path[3:] if path.startswith("en/") else path
    return [kind for kind, pattern in PATTERNS.items() if pattern.search(own)]


def modules_listed(kind: str, path: str) -> int:
    """How many modules the page lists: a catalogue its level's, the overview all, others none."""
    own = path[3:] if path.startswith("en/") else path
    if kind == "catalogue":
        return len(CATALOGUE.by_level(own.split("/")[1]))
    if kind == "overview":
        return len(CATALOGUE.modules)
    return 0


def budget(kind: str, measure: str, path: str) -> int:
    spec = BUDGETS[kind]
    return spec[measure] + spec.get(f"{measure}_per_module", 0) * modules_listed(kind, path)


class GzipHandler(QuietHandler):
    """Sends text files gzip-compressed to a browser that accepts it."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            not path.is_file()
            or path.suffix not in COMPRESSIBLE
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def gzip_site(real_site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(real_site.site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_every_page_is_of_one_kind(real_site) -> None:
    pages = [p.relative_to(real_site.site).as_posix() for p in real_site.site.rglob("*.html")]
    assert pages
    wrong = {page: kinds for page in pages if len(kinds := kind_of(page)) != 1}
    assert not wrong, f"pages of no kind or of several in tests/budgets.yml: {wrong}"
    for kind, spec in BUDGETS.items():
        assert kind_of(spec["sample"]) == [kind], f"{kind}: its sample {spec['sample']} is not of its kind"
        assert (real_site.site / spec["sample"]).is_file(), spec["sample"]


def test_every_page_fits_its_html_budget(real_site) -> None:
    over = []
    for page in sorted(real_site.site.rglob("*.html")):
        path = page.relative_to(real_site.site).as_posix()
        (kind,) = kind_of(path)
        size, limit = page.stat().st_size, budget(kind, "html", path)
        if size > limit:
            over.append(f"{path} ({kind}): {size} bytes of HTML, budget {limit}")
    assert not over, "\n".join(over)


def first_visit(browser, url: str) -> tuple[int, list[str], list[str]]:
    """(bytes on the wire, the URLs fetched, what went wrong) of a first visit to ``url``."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    finished, problems = [], []
    own = urlsplit(url).netloc
    context.route(re.compile(r"^(?!http://127\.0\.0\.1:)"), lambda route: route.abort())
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("requestfinished", lambda r: finished.append(r))
    try:
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)
        total = 0
        for request in finished:
            sizes = request.sizes()
            total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
            response = request.response()
            if response is not None and response.status >= 400:
                problems.append(f"HTTP {response.status}: {request.url}")
            if urlsplit(request.url).netloc != own:
                problems.append(f"another host: {request.url}")
        return total, [r.url for r in finished], problems
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", sorted(BUDGETS))
def test_first_visit_fits_its_budget(browser, real_site, gzip_site, kind: str, lang: str) -> None:
    path = ("en/" if lang == "en" else "") + BUDGETS[kind]["sample"]
    if not (real_site.site / path).is_file():
        pytest.skip(f"the site has no {path}")
    total, urls, problems = first_visit(browser, f"{gzip_site}/{path}")
    assert not problems, problems
    assert not [u for u in urls if "/search/" in urlsplit(u).path], "a first visit loads no search data"
    limit = budget(kind, "first_visit", path)
    assert total <= limit, f"{path}: {total} bytes on the wire in {len(urls)} requests, budget {limit}: {urls}"
