"""``mkdocs serve`` rebuilds when a lesson changes (the plugin watches lessons/ by itself)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_lesson_changes(basic_copy: Path) -> None:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=basic_copy,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/lessons/primary/safe-secrets/"
        assert wait_for(url, "Bí mật an toàn", 120), "the served site never showed the lesson"
        lesson = basic_copy / "lessons" / "primary" / "safe-secrets" / "index.vi.md"
        lesson.write_text(
            lesson.read_text(encoding="utf-8").replace("title: Bí mật an toàn", "title: Bí mật đã đổi"),
            encoding="utf-8",
        )
        assert wait_for(url, "Bí mật đã đổi", 120), "the lesson change was not rebuilt"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    # A clean rebuild says what it did in a few lines (issue 18: about 170, a real warning scrolled away).
    log = server.stderr.read() if server.stderr else ""
    rebuild = log[log.index("Detected file changes") :].splitlines()
    assert len(rebuild) <= 5 and not any("WARNING" in line or "not included" in line for line in rebuild), log
