"""Every arrow points down: the package's layers, read from the source with ``ast``.

No module of ``src/lessonkit`` imports inside a function (or under ``if TYPE_CHECKING``) to dodge an
import cycle, and each part imports only the parts below it: the model (with the registry, the help
lines and the quiz syntax) knows nothing of Markdown, MkDocs or the command line; the Markdown layer
never calls up into the MkDocs adapter (``plugin/``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .support import REPO

PACKAGE = REPO / "src" / "lessonkit"
#: Modules at the package's root that are leaves: they import no other part of the package but each other.
BASE = {"__init__", "strings", "labels", "minify", "compact", "csp"}
#: Modules that are a part of their own, below the rest of their package: the page-safety sanitizer, which
#: the Markdown layer marks its own markup with, while ``safety.rendered`` renders pages with that layer.
MODULE_PARTS = {
    "lessonkit.safety.allowlist": "sanitize",
    "lessonkit.safety.sanitize": "sanitize",
    "lessonkit.safety.locate": "sanitize",
}
#: Each part of the package and the parts it may import (besides itself and the base modules).
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "model": set(),
    "sanitize": {"model"},
    "quiz": {"model"},
    "search": {"model"},
    "publish": {"model"},
    "markdown": {"model", "quiz", "sanitize"},
    "safety": {"model", "sanitize", "markdown"},
    "plugin": {"model", "quiz", "search", "publish", "markdown", "sanitize", "safety"},
    "preview": {"model", "plugin"},
    "cli": {"model", "publish", "sanitize", "safety", "preview"},
    "templates": set(),
}


def _part(module: str) -> str:
    """``lessonkit.model.rules`` -> ``model``; a root module -> ``base``."""
    for name, part in MODULE_PARTS.items():
        if module == name or module.startswith(name + "."):
            return part
    parts = module.split(".")
    if len(parts) == 1 or (len(parts) == 2 and parts[1] in BASE):
        return "base"
    return parts[1]


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        found.append((name, path))
    return found


def _submodule(package: str, name: str) -> str:
    folder = PACKAGE.parent.joinpath(*package.split("."))
    return f"{package}.{name}" if (folder / f"{name}.py").is_file() or (folder / name).is_dir() else package


def _imports(name: str, path: Path) -> list[tuple[int, str, bool]]:
    """``(line, imported module, at module level?)`` of every import of the package in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # ``from .. import x``: x is a module of the package, or a name its ``__init__`` defines.
            targets = [target] if node.module else [_submodule(target, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, t, id(node) in top_level) for t in targets]
    return found


MODULES = _modules()


def test_the_layers_cover_every_part() -> None:
    assert {_part(name) for name, _ in MODULES} <= set(ALLOWED)


@pytest.mark.parametrize(("name", "path"), MODULES, ids=[name for name, _ in MODULES])
def test_imports_point_down(name: str, path: Path) -> None:
    mine = _part(name)
    wrong = []
    for line, target, at_top in _imports(name, path):
        where = f"{path.relative_to(REPO)}:{line}"
        if not at_top:
            wrong.append(f"{where}: imports {target} inside a function or a block, not at the top")
        if target == "lessonkit" or target.startswith("lessonkit."):
            theirs = _part(target)
            if theirs not in {mine, "base"} | ALLOWED[mine]:
                wrong.append(f"{where}: {mine} imports {theirs} ({target}), which is not below it")
    assert not wrong, "\n".join(wrong)


def test_the_checks_see_a_wrong_import(tmp_path: Path) -> None:
    """The rule reads what it is meant to read: an import inside a function, and an arrow pointing up."""
    bad = tmp_path / "lessonkit" / "markdown" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from ..plugin import pages\n\n\ndef f():\n    from ..model import rules\n", encoding="utf-8")
    found = _imports("lessonkit.markdown.bad", bad)
    assert found == [(1, "lessonkit.plugin", True), (5, "lessonkit.model", False)]
    assert _part("lessonkit.plugin.pages") not in ALLOWED["markdown"]
