"""What a saved file asks of the preview: nothing, its module's pages again, the whole site, or a restart.

The preview redoes as little as it can and never less than it must:

- a file of a module it knows (a lesson file, a picture beside it) -> that module only
  (:attr:`Action.MODULE`): its files are checked again and its pages re-rendered in every language;
- a module added or removed, a file added to or removed from a module, ``curriculum.yml``,
  ``helplines.yml``, ``mkdocs.yml``, ``docs/``, the theme's overrides, the site's own string catalogue,
  the package's templates, styles, scripts or strings -> the whole site (:attr:`Action.FULL`): the
  navigation, the catalogues and every page may change;
- the package's Python code -> a restart of the preview (:attr:`Action.RESTART`): code that is already
  loaded does not change by itself;
- anything else (the built ``site/``, tests, editors' backup and swap files) -> nothing.

A file is judged by what is on disk when the batch is handled, not by the kind of event: editors save
by writing a temporary file and renaming it, or by deleting and writing again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

#: Names editors write beside the file they save (swap files, backups, lock files).
EDITOR_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", ".bak", "~")


class Action(IntEnum):
    """What a change asks for; a batch asks for the most of its changes."""

    NOTHING = 0
    MODULE = 1
    FULL = 2
    RESTART = 3


@dataclass(frozen=True)
class Layout:
    """Where things are, as absolute paths: what the preview watches and how it reads a change."""

    root: Path
    lessons_dir: Path
    config_file: Path
    #: Folders and files whose change rebuilds the whole site (docs/, overrides/, helplines.yml …).
    site_inputs: tuple[Path, ...]
    #: The lessonkit package's folder: its Python code restarts the preview, its other files rebuild.
    package: Path
    #: module folder -> the files the last build read from it (lesson files, assets, stray Markdown).
    modules: dict[Path, frozenset[Path]] = field(default_factory=dict)


@dataclass
class Plan:
    """What to do for a batch of changed paths: the action, and the module folders it touches."""

    action: Action = Action.NOTHING
    modules: set[Path] = field(default_factory=set)
    reasons: list[str] = field(default_factory=list)

    def ask(self, action: Action, reason: str) -> None:
        if action > self.action:
            self.action = action
        if action >= Action.FULL:
            self.reasons.append(reason)


def is_editor_file(path: Path) -> bool:
    name = path.name
    return (
        name.startswith((".", "#")) or name.endswith(EDITOR_SUFFIXES) or name == "4913" or "__pycache__" in path.parts
    )


def plan(paths: Iterable[Path], layout: Layout) -> Plan:
    """The plan for a batch of changed ``paths`` (absolute), judged by what is on disk now."""
    found = Plan()
    for path in paths:
        if is_editor_file(path):
            continue
        if path.is_relative_to(layout.package):
            if path.suffix == ".py":
                found.ask(Action.RESTART, _rel(path, layout.root))
            elif path.suffix not in (".pyc",):
                found.ask(Action.FULL, _rel(path, layout.root))
            continue
        if path == layout.config_file or any(path == p or path.is_relative_to(p) for p in layout.site_inputs):
            found.ask(Action.FULL, _rel(path, layout.root))
            continue
        if not path.is_relative_to(layout.lessons_dir):
            continue
        parts = path.relative_to(layout.lessons_dir).parts
        folder = layout.lessons_dir.joinpath(*parts[:2]) if len(parts) >= 3 else None
        known = layout.modules.get(folder) if folder is not None else None
        if path.is_dir():
            continue  # a folder's files say what changed in it
        if folder is not None and known is not None and path in known and path.is_file():
            found.modules.add(folder)
            found.ask(Action.MODULE, _rel(path, layout.root))
        else:  # a module or a file of one added or removed, curriculum.yml, helplines.yml in lessons/
            found.ask(Action.FULL, _rel(path, layout.root))
    return found


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
