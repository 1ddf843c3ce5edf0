"""The quiz script and stylesheet stay within their size budget (8 KB gzipped together, as shipped):
``scripts/bench_quiz.py`` measures them and exits non-zero above it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "scripts" / "bench_quiz.py"


def bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("lk_bench_quiz", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH), "--sizes-only", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_script_and_styles_are_within_the_budget() -> None:
    module = bench()
    sizes = module.measure()
    assert sizes.shipped_gzip <= module.BUDGET == 8 * 1024, sizes
    assert sizes.minified_gzip < sizes.shipped_gzip
    done = run()
    assert done.returncode == 0, done.stderr
    assert f"together, gzipped as shipped: {sizes.shipped_gzip} bytes" in done.stdout


def test_over_the_budget_the_benchmark_fails_loudly(tmp_path: Path) -> None:
    # Incompressible text: gzip cannot bring it under the budget.
    noise = os.urandom(6 * 1024).hex()
    (tmp_path / "quiz.js").write_text(f"/* {noise} */\n", encoding="utf-8")
    (tmp_path / "quiz.css").write_text(f"/* {noise} */\n", encoding="utf-8")
    done = run("--assets", str(tmp_path))
    assert done.returncode == 1
    assert "OVER BUDGET" in done.stderr and "8192 byte budget" in done.stderr
