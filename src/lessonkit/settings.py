"""What a project's ``mkdocs.yml`` says about it, read without starting MkDocs (for the command line).

The build reads the same values from MkDocs' validated configuration; the checker, ``lessonkit new``
and ``lessonkit package`` read them here, so that site specifics stay in the site's own files.
"""

from __future__ import annotations

import unicodedata
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' own tags (``!ENV``, ``!!python/name:…``) as nothing."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)

#: Languages of a project whose mkdocs.yml does not say (no i18n plugin, no theme language).
FALLBACK_LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Settings:
    """The values of ``mkdocs.yml`` that the command line needs."""

    site_name: str
    site_url: str | None
    languages: tuple[str, ...]
    site_dir: str

    @property
    def default_language(self) -> str:
        return self.languages[0]


def read_settings(root: Path) -> Settings:
    """The settings of the project at ``root`` (defaults where ``mkdocs.yml`` is missing or silent)."""
    path = root / "mkdocs.yml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) if path.is_file() else {}
    except yaml.YAMLError:
        data = {}  # the build reports a broken mkdocs.yml with its own message
    data = data if isinstance(data, dict) else {}
    return Settings(site_name=str(data.get("site_name") or root.name), site_url=data.get("site_url") or None,
                    languages=_languages(data), site_dir=str(data.get("site_dir") or "site"))


def _languages(data: dict[str, Any]) -> tuple[str, ...]:
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("i18n"), dict):
            langs = [lang for lang in entry["i18n"].get("languages") or [] if isinstance(lang, dict) and lang.get("locale")]
            built = [lang for lang in langs if lang.get("build", True)]
            default = [str(lang["locale"]) for lang in built if lang.get("default")]
            if default:
                return tuple(default[:1] + [str(lang["locale"]) for lang in built if str(lang["locale"]) != default[0]])
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("language"):
        return (str(theme["language"]),)
    return FALLBACK_LANGUAGES


def slug(text: str, limit: int = 60) -> str:
    """An ASCII file name from any text: ``Phòng, chống…`` -> ``phong-chong…`` (``đ`` -> ``d``)."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].rstrip("-") or "site"
