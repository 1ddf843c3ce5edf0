"""Work a build does once, not once per language (static-i18n runs the whole build per language): the
checker runs once, and every template is compiled once (the other languages load it compiled)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from lessonkit.plugin import plugin


def test_the_checker_runs_and_each_template_compiles_once_per_build(
    basic_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    checks: list[Path] = []
    check = plugin.check_project
    monkeypatch.setattr(plugin, "check_project", lambda root, *a, **k: checks.append(root) or check(root, *a, **k))
    compiled: Counter[str | None] = Counter()
    compile_ = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiled[name] += 1
        return compile_(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    config = load_config(config_file=str(basic_copy / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    assert (tmp_path / "site" / "en" / "index.html").is_file()  # both languages were built
    assert len(checks) == 1
    assert compiled["main.html"] == 1 and compiled["lessonkit/page.html"] == 1
    # The theme's search plugin reads its language's words through an environment of its own, twice
    # per language (two small templates): not ours to share.
    again = {name: n for name, n in compiled.items() if n > 1 and name and not name.startswith("partials/language")}
    assert again == {}
