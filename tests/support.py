"""Helpers shared by the test packages: building a project for real with ``mkdocs build``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
