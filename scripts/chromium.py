"""Debian's Chromium as the tests and the benchmarks start it (one place for the path and the flags)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: Flags for Debian's Chromium here: no sandbox as root, and nothing that calls home at start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Chromium to drive: ``$CHROMIUM`` if set, else the first of ``chromium``/``chromium-browser`` on PATH."""
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).exists() else shutil.which(named)
    return shutil.which("chromium") or shutil.which("chromium-browser")
