"""The one registry of the pages the build adds to a site: one typed record per page and language.

Every part of the project that needs to know which pages exist asks the registry: both halves of the
plugin's ``on_files``, ``on_page_content``, the navigation, ``catalogue.json``, the sitemap, and the
checker when it resolves a link such as ``../index.md`` or ``quiz.md``. A new page kind is one new
:class:`Kind`, one line in :meth:`Registry.build` and one renderer in the plugin.

The registry knows nothing of MkDocs: it works on the lesson model alone, so that the checker can use
it without loading the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .catalogue import Catalogue
from .module import Module


class Kind(StrEnum):
    """What a page is; the value is the name used in CSS classes (``lk-page--lesson``) and templates."""

    LESSON = "lesson"  #: a module's lesson page, read from ``lessons/`` (relocated, not generated)
    STUDENT = "student"  #: a module's pupils' page: key messages and the quiz
    FAMILY = "family"  #: a module's family sheet: the family blocks and the help numbers
    CATALOGUE = "catalogue"  #: a level's catalogue of modules
    OVERVIEW = "overview"  #: the curriculum overview: grades × topics
    NOT_FOUND = "not-found"  #: the page a server shows for a missing address (``404.html``)


#: Where each kind sits in the virtual tree under ``docs_dir`` (language-free, as links name it).
_PATHS = {
    Kind.LESSON: "lessons/{level}/{id}/index.md",
    Kind.STUDENT: "lessons/{level}/{id}/quiz.md",
    Kind.FAMILY: "lessons/{level}/{id}/family.md",
    Kind.CATALOGUE: "lessons/{level}/index.md",
    Kind.OVERVIEW: "lessons/index.md",
    Kind.NOT_FOUND: "404.md",
}
#: Kinds left out of the navigation and out of search (their words are on the lesson page already).
_HIDDEN = frozenset({Kind.STUDENT, Kind.FAMILY, Kind.NOT_FOUND})
#: And kinds left out of search only: they repeat the titles and descriptions of their modules.
_NOT_SEARCHED = _HIDDEN | {Kind.CATALOGUE, Kind.OVERVIEW}


@dataclass(frozen=True)
class SitePage:
    """One page the build adds, in one language.

    ``site_path`` is the page's language-free path under ``docs_dir`` (``lessons/primary/x/quiz.md``),
    the way a link in Markdown names it; ``src_uri`` is the same path with the language suffix that
    mkdocs-static-i18n reads (``lessons/primary/x/quiz.vi.md``). ``source`` is the real file for a page
    relocated from ``lessons/`` (lesson pages); generated pages have none.
    """

    kind: Kind
    lang: str
    site_path: str
    module: Module | None = None
    level: str | None = None
    source: Path | None = None

    @property
    def src_uri(self) -> str:
        return f"{self.site_path[:-3]}.{self.lang}.md"

    @property
    def in_nav(self) -> bool:
        return self.kind not in _HIDDEN

    @property
    def in_search(self) -> bool:
        return self.kind not in _NOT_SEARCHED

    def url(self, default_language: str, use_directory_urls: bool) -> str:
        """The page's address relative to the site root, as MkDocs writes it
        (``en/lessons/primary/x/quiz.html`` offline, ``en/lessons/primary/x/quiz/`` with directory URLs)."""
        return address(self.site_path, self.lang, default_language, use_directory_urls)


def address(site_path: str, lang: str, default_language: str, use_directory_urls: bool) -> str:
    """Where MkDocs with static-i18n publishes the page ``site_path`` (``help.md``) in ``lang``, relative to
    the site root: the default language at the root, the others under ``<lang>/``."""
    prefix = "" if lang == default_language else f"{lang}/"
    stem = site_path[:-3] if site_path.endswith(".md") else site_path
    if stem == "404":
        return f"{prefix}404.html"
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return prefix + (stem if use_directory_urls else f"{stem}index.html")
    return prefix + (f"{stem}/" if use_directory_urls else f"{stem}.html")


class Registry:
    """Every page the build adds, in every language, looked up by ``src_uri`` or by what it is."""

    def __init__(self, pages: Iterable[SitePage], languages: tuple[str, ...]) -> None:
        self.languages = languages
        self.default_language = languages[0]
        self._pages: dict[str, SitePage] = {}
        self._by_what: dict[tuple[Kind, str, str], SitePage] = {}
        for page in pages:
            self._pages[page.src_uri] = page
            self._by_what[(page.kind, page.lang, _what(page.module, page.level))] = page

    @classmethod
    def build(cls, catalogue: Catalogue, languages: tuple[str, ...], *, not_found: bool = True) -> Registry:
        """The pages of ``catalogue`` in ``languages`` (default first): overview, a catalogue per level,
        then per module its lesson page, pupils' page and (when it has family blocks) family page; and
        a 404 page per language unless ``not_found`` is false (a site that brings its own)."""
        levels = list(catalogue.curriculum.levels) if catalogue.curriculum else []
        pages: list[SitePage] = []
        for lang in languages:
            pages.append(SitePage(Kind.OVERVIEW, lang, _PATHS[Kind.OVERVIEW]))
            if not_found:
                pages.append(SitePage(Kind.NOT_FOUND, lang, _PATHS[Kind.NOT_FOUND]))
            for level in levels:
                pages.append(SitePage(Kind.CATALOGUE, lang, _PATHS[Kind.CATALOGUE].format(level=level), level=level))
        for module in catalogue.modules:
            for lang, file in module.files.items():
                if lang not in languages:
                    continue
                where = {"level": module.level, "id": module.id}
                pages.append(
                    SitePage(
                        Kind.LESSON, lang, _PATHS[Kind.LESSON].format(**where), module, module.level, source=file.path
                    )
                )
                pages.append(SitePage(Kind.STUDENT, lang, _PATHS[Kind.STUDENT].format(**where), module, module.level))
                if any(block.name == "family" for block in file.blocks):
                    pages.append(SitePage(Kind.FAMILY, lang, _PATHS[Kind.FAMILY].format(**where), module, module.level))
        return cls(pages, languages)

    def __iter__(self) -> Iterator[SitePage]:
        return iter(self._pages.values())

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, src_uri: str) -> SitePage | None:
        """The page whose suffixed path under ``docs_dir`` is ``src_uri``, if the build adds it."""
        return self._pages.get(src_uri)

    def find(
        self, kind: Kind, lang: str, module: Module | str | None = None, level: str | None = None
    ) -> SitePage | None:
        """The page of ``kind`` in ``lang`` for a module (or its id), or for a level, if there is one."""
        return self._by_what.get((kind, lang, _what(module, level)))

    def of_kind(self, kind: Kind, lang: str | None = None) -> list[SitePage]:
        return [p for p in self._pages.values() if p.kind is kind and (lang is None or p.lang == lang)]

    def site_paths(self) -> set[str]:
        """Language-free paths under ``docs_dir`` of every page, for resolving links in Markdown."""
        return {page.site_path for page in self._pages.values()}


def _what(module: Module | str | None, level: str | None) -> str:
    """What a page is about: a module id, else a level key, else nothing (site-wide pages)."""
    if isinstance(module, Module):
        return module.id
    return module or level or ""
