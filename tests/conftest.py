"""Fixtures shared by every test package."""

from __future__ import annotations

import pytest

from .support import CHROMIUM_ARGS, MISSING, REPO, Build, build, chromium_path, copy_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own site, built once with --strict into a temporary folder."""
    result = build(REPO, site=tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The basic sample project, built once with --strict."""
    result = build(copy_project("basic", tmp_path_factory.mktemp("basic")))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, driven by Playwright (found through $CHROMIUM or PATH)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        pytest.skip(MISSING)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, timeout=60_000)
        yield browser
        browser.close()
