"""Helpers shared by the test packages: building a project for real with ``mkdocs build``."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts.chromium import CHROMIUM_ARGS, MISSING, chromium_path  # noqa: F401  (re-exported for the tests)

REPO = Path(__file__).resolve().parents[1]
PROJECTS = REPO / "tests" / "site" / "projects"


@dataclass
class Build:
    project: Path
    site: Path
    returncode: int
    output: str

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def copy_project(name: str, dest: Path) -> Path:
    target = dest / name
    shutil.copytree(PROJECTS / name, target)
    return target


def build(project: Path, strict: bool = True, site: Path | None = None) -> Build:
    """Run ``mkdocs build`` on ``project`` in a subprocess, as a user would."""
    site = site or project / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)] + (["--strict"] if strict else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=env, timeout=900)
    return Build(project, site, done.returncode, done.stdout + done.stderr)


#: ``mkdocs build`` with the checker's problems and the sanitizer's refusals dropped, in its own process:
#: what content would write if both missed it, to show what the Content-Security-Policy still stops.
LENIENT = """
import sys
from lessonkit.plugin import plugin
real_check = plugin.check_project
plugin.check_project = lambda *a, **k: real_check(*a, **k)._replace(problems=[])
plugin.page_problems = lambda html, page, render=None: (html, [])
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-d", sys.argv[1]]
cli()
"""


def lenient_build(project: Path, site: Path | None = None) -> Build:
    """Build ``project`` with page safety's refusals off (:data:`LENIENT`): for tests of the CSP only."""
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-c", LENIENT, str(site)]
    done = subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=env, timeout=900)
    return Build(project, site, done.returncode, done.stdout + done.stderr)


class PreviewProcess:
    """``lessonkit serve`` on ``project`` in its own process, as an author starts it, on a free port."""

    def __init__(self, project: Path, log: Path) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}/"
        self.log = log
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        cmd = [sys.executable, "-m", "lessonkit.cli.main", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        self._out = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(cmd, cwd=project, env=env, stdout=self._out, stderr=subprocess.STDOUT)

    def get(self, path: str, timeout: float = 10) -> tuple[int, str] | None:
        """Status and text of ``path``; None when nothing answered within ``timeout`` seconds."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as answer:
                return answer.status, answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")
        except OSError:
            return None

    def wait_for(self, path: str, wanted: Callable[[int, str], bool], seconds: float = 300) -> tuple[int, str]:
        """The first answer for ``path`` that is ``wanted``; fails after ``seconds`` (a loaded machine)."""
        deadline = time.monotonic() + seconds
        last = None
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.output()
            last = self.get(path)
            if last is not None and wanted(*last):
                return last
            time.sleep(0.1)
        raise AssertionError(f"{path}: not as wanted within {seconds} s; last answer {last!r}\n{self.output()}")

    def output(self) -> str:
        self._out.flush()
        return self.log.read_text(encoding="utf-8")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._out.close()
