"""The preview's web server: the site as last built, a page of messages where the build refuses, and a
live reload that works under the site's Content-Security-Policy.

Every request is answered at once from what :class:`Served` holds, whatever the builder is doing: the
site folder of the last full build (updated in place, module by module, between full builds), the
checker's messages of a module that has errors (its pages answer with them, in the page's language),
the messages of a failed full build (every page answers with them), or a page saying the first build
is under way. A full build writes a new folder and the server switches to it when it is done, so that a
half-written site is never served.

Live reload: each HTML page gets ``<script src="/__lessonkit/reload.js">`` (a file of the server's own
origin, which the site's ``script-src 'self'`` allows, so the policy stays as the build wrote it) and
a small banner saying what the preview may not have refreshed. The script asks
``/__lessonkit/epoch?since=N``, which answers when the site changes (or after a while, and the script
asks again); a different answer reloads the page. The published site never has either.
"""

from __future__ import annotations

import contextlib
import http.server
import mimetypes
import posixpath
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

PREFIX = "/__lessonkit/"
ASSETS = Path(__file__).resolve().parent / "assets"
#: How long a reload request waits for a change before it answers with the same epoch.
POLL_SECONDS = 20.0


@dataclass
class Refused:
    """What the build refuses, in each language: the lines to show (``PATH:LINE: error: …``)."""

    lines: dict[str, list[str]]
    #: The module's folder (relative to the project) for a module's errors; empty for the whole site.
    where: str = ""


@dataclass
class State:
    """A snapshot of what the server shows; :class:`Served` replaces it as a whole."""

    site: Path | None = None
    epoch: int = 0
    building: bool = False
    #: The failed full build, if the last one failed: every page shows its messages.
    site_error: Refused | None = None
    #: Site path of a page (``lessons/primary/x/index.html``) -> the refusal of its module.
    page_errors: dict[str, Refused] = field(default_factory=dict)
    #: When the last full build finished (a local time), and the modules updated since.
    built_at: str = ""
    updated: tuple[str, ...] = ()
    #: Warnings of the last build or update: a strict build refuses them.
    warnings: tuple[str, ...] = ()


class Served:
    """What the server shows, changed by the builder and read by every request (thread-safe)."""

    def __init__(self) -> None:
        self._state = State(epoch=time.time_ns() // 1_000_000)
        self._changed = threading.Condition()

    @property
    def state(self) -> State:
        with self._changed:
            return self._state

    def change(self, **values: Any) -> None:
        """Replace some values and tell the browsers (a new epoch)."""
        with self._changed:
            now = self._state.__dict__ | values
            now["epoch"] = max(self._state.epoch + 1, time.time_ns() // 1_000_000)
            self._state = State(**now)
            self._changed.notify_all()

    def quietly(self, **values: Any) -> None:
        """Replace some values without reloading the browsers."""
        with self._changed:
            self._state = State(**(self._state.__dict__ | values))

    def wait(self, since: int, timeout: float) -> int:
        """The epoch once it differs from ``since`` (or after ``timeout`` seconds)."""
        with self._changed:
            self._changed.wait_for(lambda: self._state.epoch != since, timeout)
            return self._state.epoch


class Pages(Protocol):
    """Makes the preview's own HTML (:class:`~.pages.PreviewPages`): the banner and the pages of messages."""

    def banner(self, state: State, lang: str) -> str: ...

    def refused(self, refused: Refused, lang: str, state: State) -> str: ...

    def building(self, lang: str, state: State) -> str: ...


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], served: Served, pages: Pages, languages: tuple[str, ...]) -> None:
        self.served = served
        self.pages = pages
        self.languages = languages
        super().__init__(address, _Handler)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # the builder's messages stay readable
        pass

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        url = urlsplit(self.path)
        path = unquote(url.path)
        if path.startswith(PREFIX):
            self._own(path[len(PREFIX) :], parse_qs(url.query), head)
            return
        state = self.server.served.state
        rel = posixpath.normpath("/" + path).lstrip("/")
        if rel in ("", "."):
            rel = ""
        if path.endswith("/") and rel:
            rel += "/"
        lang = self._language(rel)
        if state.site is None:
            self._html(200, self.server.pages.building(lang, state), state, head)
            return
        file = self._file(state.site, rel)
        is_page = file is None or file.suffix == ".html"
        if is_page and state.site_error is not None:
            self._html(500, self.server.pages.refused(state.site_error, lang, state), state, head)
            return
        key = file.relative_to(state.site).as_posix() if file is not None else rel
        if key in state.page_errors:
            self._html(500, self.server.pages.refused(state.page_errors[key], lang, state), state, head)
            return
        if file is None:
            missing = self._file(state.site, ("" if lang == self.server.languages[0] else f"{lang}/") + "404.html")
            if missing is None:
                self._send(404, "text/plain; charset=utf-8", b"404 Not Found", head)
            else:
                self._html(404, missing.read_text(encoding="utf-8"), state, head, page=True)
            return
        if file.suffix == ".html":
            self._html(200, file.read_text(encoding="utf-8"), state, head, page=True)
            return
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self._send(200, kind, file.read_bytes(), head)

    def _own(self, name: str, query: dict[str, list[str]], head: bool) -> None:
        """The preview's own files and the reload request."""
        if name == "epoch":
            since = query.get("since", ["0"])[0]
            epoch = self.server.served.wait(int(since) if since.isdigit() else 0, POLL_SECONDS)
            self._send(200, "text/plain; charset=utf-8", str(epoch).encode("ascii"), head)
            return
        asset = ASSETS / name
        if "/" in name or not asset.is_file():
            self._send(404, "text/plain; charset=utf-8", b"404 Not Found", head)
            return
        kind = "text/javascript" if asset.suffix == ".js" else "text/css"
        self._send(200, f"{kind}; charset=utf-8", asset.read_bytes(), head)

    def _language(self, rel: str) -> str:
        first = rel.split("/", 1)[0]
        return first if first in self.server.languages[1:] else self.server.languages[0]

    @staticmethod
    def _file(site: Path, rel: str) -> Path | None:
        """The file of the site at ``rel`` (a folder: its index.html), never outside the site."""
        path = site / rel
        if rel.endswith("/") or not rel or path.is_dir():
            path = path / "index.html"
        try:
            path.resolve().relative_to(site.resolve())
        except ValueError:
            return None
        return path if path.is_file() else None

    def _html(self, status: int, text: str, state: State, head: bool, page: bool = False) -> None:
        """A page, with the reload script and (on the site's pages) the preview's banner."""
        lang = self._language(posixpath.normpath("/" + unquote(urlsplit(self.path).path)).lstrip("/"))
        if page:
            text = _insert_after_body(text, self.server.pages.banner(state, lang))
        script = f'<script src="{PREFIX}reload.js" data-lk-epoch="{state.epoch}"></script>'
        at = text.rfind("</body>")
        text = text[:at] + script + text[at:] if at >= 0 else text + script
        self._send(status, "text/html; charset=utf-8", text.encode("utf-8"), head)

    def _send(self, status: int, kind: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser went away
                self.wfile.write(body)


def _insert_after_body(html: str, banner: str) -> str:
    """``banner`` as the first thing in the page's ``<body>``."""
    start = html.find("<body")
    end = html.find(">", start) if start >= 0 else -1
    return html[: end + 1] + banner + html[end + 1 :] if end >= 0 else banner + html
