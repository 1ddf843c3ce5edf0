"""The basic sample project published under a sub-path: built with ``site_url`` and served on 127.0.0.1
the way a portal serves it (the 404 page of the language for any missing address)."""

from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from pathlib import Path

import pytest

from ..support import Build, build, copy_project
from .packaging import package

SUB_PATH = "/giao-duc/pcmbn/"


class PortalHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH; a missing address gets the 404 page of its language."""

    def log_message(self, format, *args):  # keep pytest output readable
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory) / SUB_PATH.strip("/")
        rest = self.path.split("?", 1)[0][len(SUB_PATH) :] if self.path.startswith(SUB_PATH) else ""
        page = root / ("en/404.html" if rest.startswith("en/") else "404.html")
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(tmp_path_factory: pytest.TempPathFactory, name: str, directory_urls: bool = False):
    """Build the basic sample for the sub-path of a fresh server (directory URLs off, as the sample has
    them, or on) and serve it: yields ``(base URL with the sub-path, Build)``."""
    root = tmp_path_factory.mktemp(name)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PortalHandler, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    project = copy_project("basic", tmp_path_factory.mktemp(f"{name}-project"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") + f"site_url: {base}\n"
    if directory_urls:
        text = text.replace("use_directory_urls: false", "use_directory_urls: true")
    config.write_text(text, encoding="utf-8")
    result = build(project, site=root / SUB_PATH.strip("/"))
    assert result.returncode == 0, result.output
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, result
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def portal(tmp_path_factory: pytest.TempPathFactory):
    """``(base URL with the sub-path, Build)``: the sample site built for that address and served there."""
    yield from _serve(tmp_path_factory, "portal")


@pytest.fixture(scope="session")
def pretty_portal(tmp_path_factory: pytest.TempPathFactory):
    """The same with directory URLs on (``lessons/primary/x/``), as a portal may prefer them."""
    yield from _serve(tmp_path_factory, "pretty", directory_urls=True)


@pytest.fixture(scope="session")
def published(portal) -> Build:
    return portal[1]


@pytest.fixture(scope="session")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The basic sample packaged: (the zip, the folder it was unzipped into)."""
    project = copy_project("basic", tmp_path_factory.mktemp("pkg"))
    out = tmp_path_factory.mktemp("dist")
    done = package(project, out, epoch="1767225600")
    assert done.returncode == 0, done.stdout + done.stderr
    [archive] = sorted(out.glob("*.zip"))
    unpacked = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(unpacked)
    return archive, unpacked
