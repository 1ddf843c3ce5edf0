"""Sample projects built for real with ``mkdocs build`` (one small project per scenario)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..support import Build, build, copy_project


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
