"""Fixtures of the checker tests; the project, its texts and the helpers live in checkerlib.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from checkerlib import Project, make_project


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests expect English unless they ask for another language: ignore the caller's LESSONKIT_LANG."""
    monkeypatch.delenv("LESSONKIT_LANG", raising=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A valid project with one clean module, checked clean before the test changes it."""
    proj = make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    clean = proj.check()
    assert clean.rc == 0, clean.out + clean.err
    assert clean.lines == ["1 module checked: 0 errors, 0 warnings"], clean.out
    assert clean.err == ""
    return proj
