"""Fixtures shared by every test package."""

from __future__ import annotations

import pytest

from .support import REPO, Build, build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own site, built once with --strict into a temporary folder."""
    result = build(REPO, site=tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.output
    return result
