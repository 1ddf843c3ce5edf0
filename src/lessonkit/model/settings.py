"""Where a project keeps things, as one value: the folders, the help lines file and the languages that
``mkdocs.yml`` gives, read by the checker (:func:`read_settings`) and made by the build plugin from its
configuration, then handed to :func:`~lessonkit.model.check_project`, the rules and the plugin's parts.

The defaults stand for what a project's ``mkdocs.yml`` does not say.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .catalogue import FALLBACK_LANGUAGES

DEFAULT_LESSONS_DIR = "lessons"
DEFAULT_DOCS_DIR = "docs"
DEFAULT_HELPLINES = "lessons/helplines.yml"
MKDOCS_FILE = "mkdocs.yml"
PLUGIN_NAME = "lessonkit"


@dataclass(frozen=True)
class Settings:
    """Where the build finds things, relative to the project root, and what the command line needs to
    know of the site: its name, its published address and its languages (default first)."""

    lessons_dir: str = DEFAULT_LESSONS_DIR
    docs_dir: str = DEFAULT_DOCS_DIR
    helplines: str = DEFAULT_HELPLINES
    languages: tuple[str, ...] = FALLBACK_LANGUAGES
    site_name: str = ""
    site_url: str | None = None

    @property
    def default_language(self) -> str:
        return self.languages[0]


class _SettingsLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml``: its Python and ``!ENV`` tags stand for values set elsewhere, read as nothing."""


_SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(root: Path) -> Settings:
    """``docs_dir`` and the ``lessonkit`` plugin's ``lessons_dir`` and ``helplines`` from ``mkdocs.yml``.

    The defaults stand in for whatever ``mkdocs.yml`` does not say, and for all of it when the file is
    missing or is not YAML: the build reports a broken ``mkdocs.yml`` itself.
    """
    try:
        config = yaml.load((root / MKDOCS_FILE).read_text(encoding="utf-8"), Loader=_SettingsLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError, RecursionError):
        return Settings()
    if not isinstance(config, dict):
        return Settings()
    plugin = _plugin_config(config.get("plugins"), PLUGIN_NAME)
    defaults = Settings()
    return Settings(
        lessons_dir=_text(plugin.get("lessons_dir"), defaults.lessons_dir),
        docs_dir=_text(config.get("docs_dir"), defaults.docs_dir),
        helplines=_text(plugin.get("helplines"), defaults.helplines),
        languages=_languages(config),
        site_name=_text(config.get("site_name"), ""),
        site_url=_text(config.get("site_url"), "") or None,
    )


def _languages(config: dict[str, Any]) -> tuple[str, ...]:
    """The languages of mkdocs-static-i18n's ``languages:``, default first (else the theme's language)."""
    i18n = _plugin_config(config.get("plugins"), "i18n")
    entries = [e for e in i18n.get("languages") or [] if isinstance(e, dict) and isinstance(e.get("locale"), str)]
    built = [e for e in entries if e.get("build", True) is not False]
    default = [e["locale"] for e in built if e.get("default") is True]
    if default:
        return tuple(default[:1] + [e["locale"] for e in built if e["locale"] != default[0]])
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("language"), str) and not entries:
        return (theme["language"],)
    return FALLBACK_LANGUAGES


def _plugin_config(plugins: Any, wanted: str) -> dict[str, Any]:
    """The options of the entry ``wanted`` of ``plugins`` (empty when it has none)."""
    for name, options in _plugin_entries(plugins):
        if name == wanted:
            return options if isinstance(options, dict) else {}
    return {}


def _plugin_entries(plugins: Any) -> Iterator[tuple[Any, Any]]:
    """``(name, options)`` of each plugin, written as a list (``- lessonkit``, ``- lessonkit: {…}``) or
    as a mapping."""
    if isinstance(plugins, dict):
        yield from plugins.items()
    elif isinstance(plugins, list):
        for entry in plugins:
            if isinstance(entry, str):
                yield entry, None
            elif isinstance(entry, dict) and len(entry) == 1:
                yield next(iter(entry.items()))


def _text(value: Any, default: str) -> str:
    return value if isinstance(value, str) and value.strip() else default
