"""The engine's future: ProperDocs, the maintained fork of MkDocs 1.6, builds the same site byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..support import Build, copy_project


def test_properdocs_builds_the_sample_identically(basic_site: Build, tmp_path: Path) -> None:
    pytest.importorskip("properdocs", reason="properdocs is a test dependency (pip install -e '.[test]')")
    project = copy_project("basic", tmp_path)
    site = tmp_path / "properdocs-site"
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ours = {p.relative_to(basic_site.site).as_posix(): p for p in basic_site.site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    assert sorted(ours) == sorted(theirs)
    differ = [name for name in ours if ours[name].read_bytes() != theirs[name].read_bytes()]
    assert differ == [], differ[:5]
