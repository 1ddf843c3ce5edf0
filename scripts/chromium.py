"""Debian's Chromium as the tests and the benchmarks start it (one place for the path and the flags)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: Flags for Debian's Chromium headless in a container: no sandbox (tests run as root), no GPU, and
#: nothing that calls home at start (there is no network but the package registries).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


MISSING = "Chromium is missing: apt-get install -y chromium (scripts/setup.sh does), or set CHROMIUM"


def chromium_path() -> str | None:
    """Chromium to drive: ``$CHROMIUM`` if set, else the first of ``chromium``/``chromium-browser`` on PATH."""
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).exists() else shutil.which(named)
    return shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    """:func:`chromium_path`, or stop the script with :data:`MISSING` (never Playwright's own browser)."""
    path = chromium_path()
    if path is None:
        raise SystemExit(MISSING)
    return path
