"""Fixtures of the preview's tests: a fresh copy of the basic sample project to edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..support import copy_project


@pytest.fixture
def basic_copy(tmp_path: Path) -> Path:
    return copy_project("basic", tmp_path)
