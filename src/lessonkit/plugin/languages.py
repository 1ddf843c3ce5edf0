"""The site's languages, read from mkdocs-static-i18n's configuration: nothing about them is in the code.

The first language is the default one (static-i18n's ``default: true``): it is published at the site
root, the others under ``/<lang>/``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


def site_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The languages the site is built in, default first (the theme's language without static-i18n)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return (str(config.theme.get("language") or "en"),)
    entries = [lang for lang in i18n.config.languages if getattr(lang, "build", True)]
    # static-i18n itself refuses a configuration without exactly one default language.
    defaults = [lang.locale for lang in entries if lang.default] or [entries[0].locale]
    return tuple(defaults[:1] + [lang.locale for lang in entries if lang.locale != defaults[0]])


def build_language(config: MkDocsConfig, languages: tuple[str, ...]) -> str:
    """The language static-i18n is building now (it runs the whole build once per language)."""
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None)
    return lang if lang in languages else languages[0]


def page_language(file: File, languages: tuple[str, ...]) -> str:
    """The language of a page: static-i18n's ``locale`` on the file, else its ``.<lang>.md`` suffix."""
    locale = getattr(file, "locale", None)
    if locale in languages:
        return str(locale)
    for lang in languages:
        if file.src_uri.endswith(f".{lang}.md"):
            return lang
    return languages[0]


def strip_language(src_uri: str, languages: tuple[str, ...]) -> str:
    """``lessons/x/index.en.md`` -> ``lessons/x/index.md``: the path the way ``nav:`` and links name it."""
    for lang in languages:
        suffix = f".{lang}.md"
        if src_uri.endswith(suffix):
            return src_uri[: -len(suffix)] + ".md"
    return src_uri
