"""Load every module of ``lessons/`` with the curriculum: the one entry point of the lesson model."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .curriculum import Curriculum, load_curriculum
from .messages import msg
from .module import Module, read_markdown
from .problems import ProblemList

CURRICULUM_FILE = "curriculum.yml"
#: Languages of a project whose mkdocs.yml does not name them (the i18n plugin's ``languages:``).
FALLBACK_LANGUAGES: tuple[str, ...] = ("vi", "en")
DATA_FILES = frozenset({CURRICULUM_FILE, "helplines.yml"})


@dataclass
class Catalogue:
    """Everything under ``lessons/``: the curriculum (``None`` if broken) and the modules, in order."""

    root: Path
    lessons_dir: Path
    curriculum: Curriculum | None
    modules: list[Module] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)
    #: The site's languages, default first: every module has one file per language.
    languages: tuple[str, ...] = FALLBACK_LANGUAGES

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def by_level(self, level: str) -> list[Module]:
        return [m for m in self.modules if m.level == level]

    def find(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)


def _sort_key(module: Module, default_language: str) -> tuple:
    grades = module.files.get(default_language) or next(iter(module.files.values()), None)
    first = grades.fields.get("grades") if grades else None
    low = min(first) if isinstance(first, list) and first and all(isinstance(g, int) for g in first) else 99
    return (module.level, low, module.id)


def load(root: Path, lessons_dir: str = "lessons", languages: tuple[str, ...] = FALLBACK_LANGUAGES) -> Catalogue:
    """Read ``<root>/<lessons_dir>``: curriculum.yml and every module folder, in ``languages``.

    Loading never judges the content beyond what is needed to read it: call
    :func:`lessonkit.model.validate` for the rules. Problems found while reading (YAML that does not
    parse, a file that is not UTF-8, a malformed block) are kept in ``catalogue.problems`` and in each
    file's ``problems``.
    """
    root = root.resolve()
    base = root / lessons_dir
    problems = ProblemList()
    curriculum = load_curriculum(base / CURRICULUM_FILE, _rel(root, base / CURRICULUM_FILE), problems, languages)
    catalogue = Catalogue(root, base, curriculum, problems=problems, languages=languages)
    if not base.is_dir():
        problems.error(_rel(root, base), 1, "lessons-missing", msg("lessons-missing", folder=lessons_dir))
        return catalogue
    for entry in sorted(base.iterdir()):
        rel = _rel(root, entry)
        if entry.name.startswith("."):
            continue
        if entry.is_file():
            if entry.name not in DATA_FILES:
                problems.warning(rel, 1, "stray-file", msg("stray-file.lessons"))
            continue
        if curriculum is not None and entry.name not in curriculum.levels:
            problems.error(
                rel,
                1,
                "unknown-level-folder",
                msg("unknown-level-folder", folder=entry.name, levels=", ".join(curriculum.levels)),
            )
            continue
        for folder in sorted(entry.iterdir()):
            if folder.name.startswith("."):
                continue
            if folder.is_file():
                problems.warning(_rel(root, folder), 1, "stray-file", msg("stray-file.level"))
                continue
            catalogue.modules.append(_load_module(root, entry.name, folder, languages))
    catalogue.modules.sort(key=lambda module: _sort_key(module, languages[0]))
    return catalogue


def load_module(catalogue: Catalogue, folder: Path) -> Module:
    """The module in ``folder`` (``<lessons_dir>/<level>/<id>``) read again, as :func:`load` reads it: for a
    preview that redoes one module after a save, without reading the others."""
    return _load_module(catalogue.root, folder.parent.name, folder, catalogue.languages)


def _load_module(root: Path, level: str, folder: Path, languages: tuple[str, ...]) -> Module:
    module = Module(folder.name, level, folder, _rel(root, folder))
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.parent == folder and path.name.startswith("index.") and path.suffix == ".md":
            lang = path.name[len("index.") : -len(".md")]
            if lang in languages:
                module.files[lang] = read_markdown(path, _rel(root, path), lang)
                continue
        if path.suffix == ".md":
            module.extra_markdown.append(path)
        else:
            module.assets.append(path)
    return module


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
