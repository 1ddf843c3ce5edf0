"""The code's habits, checked like everything else: ruff (lint and format) and mypy on ``src/``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .support import REPO


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "command",
    [("ruff", "check", "src", "tests", "scripts"), ("ruff", "format", "--check", "src", "tests", "scripts")],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff(command: tuple[str, ...]) -> None:
    done = run(*command)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_on_src() -> None:
    done = run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr
