"""Sample projects built for real with ``mkdocs build`` (one small project per scenario)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECTS = Path(__file__).parent / "projects"


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


def build(project: Path, strict: bool = True) -> Build:
    """Run ``mkdocs build`` on ``project`` in a subprocess, as a user would."""
    site = project / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)] + (["--strict"] if strict else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=env, timeout=600)
    return Build(project, site, done.returncode, done.stdout + done.stderr)


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The basic sample project, built once with --strict."""
    result = build(copy_project("basic", tmp_path_factory.mktemp("basic")))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def basic_copy(tmp_path: Path) -> Path:
    """A fresh copy of the basic sample project to break."""
    return copy_project("basic", tmp_path)
