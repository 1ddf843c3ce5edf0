"""The scripts in scripts/ stay runnable as the package changes (their figures are not tested here)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from .support import REPO

#: The commands (helpers such as wire.py and chromium.py are only imported by them and by the tests).
SCRIPTS = sorted(
    p for p in (REPO / "scripts").glob("*.py") if '__name__ == "__main__"' in p.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_each_script_starts(script: Path) -> None:
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage" in done.stdout.lower()


def _bench_scale(monkeypatch: pytest.MonkeyPatch):
    """scripts/bench_scale.py as a module (its name in sys.modules and scripts/ on sys.path for this test only)."""
    spec = importlib.util.spec_from_file_location("bench_scale", REPO / "scripts" / "bench_scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_scale", module)  # its dataclasses look their module up there
    monkeypatch.syspath_prepend(str(REPO / "scripts"))
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_makes_its_two_projects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _bench_scale(monkeypatch)
    real = len(bench.module_folders())
    ours = bench.make_ours(real + 2, tmp_path)
    modules = sorted(p.parent.relative_to(ours / "lessons").as_posix() for p in ours.glob("lessons/*/*/index.vi.md"))
    assert len(modules) == real + 2
    assert any(m.endswith("-2") for m in modules)  # copies under new ids

    plain = bench.make_plain(ours, tmp_path)
    docs = plain / "docs"
    for module in modules:
        for lang in ("vi", "en"):
            assert (docs / "lessons" / module / f"index.{lang}.md").is_file()
            assert (docs / "lessons" / module / f"quiz.{lang}.md").is_file()
    catalogue = (docs / "lessons" / modules[0].split("/")[0] / "index.vi.md").read_text(encoding="utf-8")
    assert f"({modules[0].split('/')[1]}/index.md)" in catalogue
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "navigation.prune" in config and "lessonkit" not in config.split("markdown_extensions:")[0]
