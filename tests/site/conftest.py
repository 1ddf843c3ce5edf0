"""Sample projects built for real with ``mkdocs build`` (one small project per scenario)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..support import copy_project


@pytest.fixture
def basic_copy(tmp_path: Path) -> Path:
    """A fresh copy of the basic sample project to break."""
    return copy_project("basic", tmp_path)
