"""Running ``lessonkit package`` as a user would, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def package(project: Path, out: Path, *env_prefix: str, epoch: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    cmd = [
        *env_prefix,
        sys.executable,
        "-m",
        "lessonkit.cli.main",
        "--root",
        str(project),
        "package",
        "--out",
        str(out),
    ]
    return subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=env, timeout=900)
