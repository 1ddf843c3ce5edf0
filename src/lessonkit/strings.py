"""One string catalogue for every text a person sees: one YAML file per language, one fallback rule.

``src/lessonkit/locales/<lang>.yml`` holds sections of ``key: text``:

- ``labels``: the pages the plugin writes (lesson card, catalogues, family sheet, banner, 404 …);
- ``quiz``: the quiz (the renderer writes them into the page, and the script reads them from there);
- ``search``: the search box and its results (the theme partial writes them into the page);
- ``messages``: the checker's messages (``model/messages.py`` renders them);
- ``scaffold``: the texts ``lessonkit new`` writes into a new module;
- ``format``: the words of the lesson format in each language, which authors write and the checker reads
  (the steps section's heading, the unit of minutes, the kinds of step activity, the ``step`` block's
  and the objectives' labels); the pages show the same words;
- ``languages``: the names of the languages.

Placeholders are ``{name}`` (``str.format``); every language has every key with the same placeholders
(``tests/unit/test_strings.py``). A site can add a language, or change a text, with a file of its own
(``locales/<lang>.yml`` beside ``mkdocs.yml``, the plugin's ``locales_dir``), read over the package's.

The one fallback rule: a key missing in a language is taken from English, the catalogue's source
language (the checker's machine-readable output is English too).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

SOURCE_LANGUAGE = "en"
SECTIONS = ("labels", "quiz", "search", "messages", "scaffold", "format", "languages")
PACKAGE_LOCALES = Path(__file__).resolve().parent / "locales"
_extra_dirs: list[Path] = []


class CatalogueError(ValueError):
    """A catalogue file that cannot be used (not YAML, not sections of texts)."""


def add_locales_dir(folder: Path) -> None:
    """Read ``folder/<lang>.yml`` too, over the package's files (a site's own texts and languages)."""
    folder = folder.resolve()
    if folder.is_dir() and folder not in _extra_dirs:
        _extra_dirs.append(folder)
        _load.cache_clear()


def available() -> tuple[str, ...]:
    """Every language some catalogue file exists for, the source language first."""
    found = {p.stem for folder in (PACKAGE_LOCALES, *_extra_dirs) for p in folder.glob("*.yml")}
    return tuple([SOURCE_LANGUAGE] + sorted(found - {SOURCE_LANGUAGE}))


@cache
def _load(lang: str) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {name: {} for name in SECTIONS}
    for folder in (PACKAGE_LOCALES, *_extra_dirs):
        path = folder / f"{lang}.yml"
        if not path.is_file():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise CatalogueError(f"{path.name}: not valid YAML ({exc})") from None
        if not isinstance(data, dict):
            raise CatalogueError(f"{path.name}: must be sections of 'key: text'")
        for name, entries in data.items():
            if name not in merged or not isinstance(entries, dict):
                raise CatalogueError(f"{path.name}: unknown section '{name}' (sections: {', '.join(SECTIONS)})")
            merged[name].update({str(k): str(v) for k, v in entries.items()})
    return merged


def own(section: str, lang: str) -> dict[str, str]:
    """The texts of ``section`` that ``lang``'s files give, without fallback (for the completeness test)."""
    return dict(_load(lang)[section])


def texts(section: str, lang: str) -> dict[str, str]:
    """Every text of ``section`` in ``lang``; a key ``lang`` lacks comes from English."""
    base = _load(SOURCE_LANGUAGE)[section]
    return {**base, **_load(lang)[section]} if lang != SOURCE_LANGUAGE else dict(base)


def text(section: str, key: str, lang: str) -> str:
    """One text; ``KeyError`` for a key no catalogue has (a typo fails in tests, not at a teacher's desk)."""
    found = texts(section, lang)
    if key not in found:
        raise KeyError(f"no '{key}' in the '{section}' strings")
    return found[key]
