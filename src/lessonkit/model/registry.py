"""The one registry of the pages the build adds to a site: one typed record per page and language.

Every part of the project that needs to know which pages exist asks the registry: both halves of the
plugin's ``on_files``, ``on_page_content``, the navigation, ``catalogue.json``, the sitemap, and the
checker when it resolves a link such as ``../index.md`` or ``quiz.md``. A new page kind is one entry
here (a :class:`Kind` in :data:`KINDS`), one row of the plugin's renderer table and one template.

The registry knows nothing of MkDocs: it works on the lesson model alone, so that the checker can use
it without loading the engine.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import ClassVar

from .catalogue import Catalogue
from .module import Module


class Scope(StrEnum):
    """How many pages of a kind there are, in each language."""

    SITE = "site"  #: one page for the whole site
    LEVEL = "level"  #: one page per school level of the curriculum
    MODULE = "module"  #: one page per module


@dataclass(frozen=True, eq=False)
class Kind:
    """What a page is: one record per kind, the one place that says where its pages sit and what shows
    them. ``value`` is the name used in CSS classes (``lk-page--lesson``); kinds compare by identity.

    ``path`` is where each page sits in the virtual tree under ``docs_dir`` (language-free, as links
    name it), with ``{level}`` and ``{id}`` filled in; ``in_nav`` and ``in_search`` say whether the
    navigation and the search show its pages; a ``relocated`` kind is the module's own file (the
    lesson page), the others are generated; a kind with a ``block`` has a page only for a module file
    that has that block.
    """

    value: str
    path: str
    scope: Scope
    in_nav: bool = True
    in_search: bool = True
    relocated: bool = False
    block: str | None = None

    # The project's kinds (below), each a Kind.
    LESSON: ClassVar[Kind]
    STUDENT: ClassVar[Kind]
    FAMILY: ClassVar[Kind]
    CATALOGUE: ClassVar[Kind]
    OVERVIEW: ClassVar[Kind]
    NOT_FOUND: ClassVar[Kind]

    def __str__(self) -> str:
        return self.value


#: The folder of the site (under ``docs_dir``, as links name it) that holds the lesson pages, whatever
#: folder of the project (``lessons_dir``) they are read from: its files are the modules' files.
SITE_LESSONS = "lessons"


#: A module's lesson page, read from its own file in ``lessons_dir`` (relocated, not generated).
Kind.LESSON = Kind("lesson", f"{SITE_LESSONS}/{{level}}/{{id}}/index.md", Scope.MODULE, relocated=True)
#: A module's pupils' page: key messages and the quiz (its words are on the lesson page already).
Kind.STUDENT = Kind("student", f"{SITE_LESSONS}/{{level}}/{{id}}/quiz.md", Scope.MODULE, in_nav=False, in_search=False)
#: A module's family sheet: the family blocks and the help numbers, for a module that has family blocks.
Kind.FAMILY = Kind(
    "family", f"{SITE_LESSONS}/{{level}}/{{id}}/family.md", Scope.MODULE, in_nav=False, in_search=False, block="family"
)
#: A level's catalogue of modules (out of search: it repeats the titles and descriptions of its modules).
Kind.CATALOGUE = Kind("catalogue", f"{SITE_LESSONS}/{{level}}/index.md", Scope.LEVEL, in_search=False)
#: The curriculum overview: grades × topics (out of search, like the catalogues).
Kind.OVERVIEW = Kind("overview", f"{SITE_LESSONS}/index.md", Scope.SITE, in_search=False)
#: The page a server shows for a missing address (``404.html``).
Kind.NOT_FOUND = Kind("not-found", "404.md", Scope.SITE, in_nav=False, in_search=False)


def module_dir(module: Module) -> str:
    """A module's folder in the site (``lessons/primary/x``): its lesson page's, where its assets go."""
    return posixpath.dirname(Kind.LESSON.path.format(level=module.level, id=module.id))


#: Every kind of page the build adds, in the order their pages are registered: a new kind is one entry.
KINDS: list[Kind] = [Kind.OVERVIEW, Kind.NOT_FOUND, Kind.CATALOGUE, Kind.LESSON, Kind.STUDENT, Kind.FAMILY]


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
        return self.kind.in_nav

    @property
    def in_search(self) -> bool:
        return self.kind.in_search

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
        #: The kinds of page registered (what :meth:`replace_module` registers for a module again).
        self.kinds: list[Kind] = list(KINDS)
        self.default_language = languages[0]
        self._pages: dict[str, SitePage] = {}
        self._by_what: dict[tuple[Kind, str, str], SitePage] = {}
        for page in pages:
            self._pages[page.src_uri] = page
            self._by_what[(page.kind, page.lang, _what(page.module, page.level))] = page

    @classmethod
    def build(
        cls,
        catalogue: Catalogue,
        languages: tuple[str, ...],
        *,
        not_found: bool = True,
        kinds: Sequence[Kind] | None = None,
    ) -> Registry:
        """The pages of ``catalogue`` in ``languages`` (default first), of every kind of ``kinds`` (all of
        :data:`KINDS`): per language the site's pages, then those of each level; then per module and
        language its pages. No 404 page when ``not_found`` is false (a site that brings its own)."""
        chosen = [k for k in (KINDS if kinds is None else kinds) if not_found or k is not Kind.NOT_FOUND]
        levels = list(catalogue.curriculum.levels) if catalogue.curriculum else []
        pages: list[SitePage] = []
        for lang in languages:
            pages += [SitePage(kind, lang, kind.path) for kind in chosen if kind.scope is Scope.SITE]
            for level in levels:
                pages += [
                    SitePage(kind, lang, kind.path.format(level=level), level=level)
                    for kind in chosen
                    if kind.scope is Scope.LEVEL
                ]
        for module in catalogue.modules:
            pages += module_pages(module, languages, chosen)
        registry = cls(pages, languages)
        registry.kinds = chosen
        return registry

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

    def of_module(self, module: Module | str) -> list[SitePage]:
        """Every page of a module (or of the module with that id), in every language."""
        wanted = _what(module, None)
        return [p for p in self._pages.values() if p.module is not None and p.module.id == wanted]

    def replace_module(self, old: Module, new: Module) -> bool:
        """Register the pages of ``new`` (the same module read again) instead of those of ``old``, when it
        has the same pages (kinds and languages); False, and nothing changed, when a page would be added
        or removed (the whole site is then built again)."""
        pages = module_pages(new, self.languages, self.kinds)
        before = {p.src_uri for p in self._pages.values() if p.module is old}
        if {p.src_uri for p in pages} != before:
            return False
        for page in pages:
            self._pages[page.src_uri] = page
            self._by_what[(page.kind, page.lang, _what(page.module, page.level))] = page
        return True

    def site_paths(self) -> set[str]:
        """Language-free paths under ``docs_dir`` of every page, for resolving links in Markdown."""
        return {page.site_path for page in self._pages.values()}


def module_pages(module: Module, languages: tuple[str, ...], kinds: Sequence[Kind]) -> list[SitePage]:
    """The pages of ``module`` in ``languages`` of each module-wide kind of ``kinds``: one per language
    file, but those of a kind with a ``block`` only where the file has that block."""
    pages: list[SitePage] = []
    for lang, file in module.files.items():
        if lang not in languages:
            continue
        for kind in kinds:
            if kind.scope is not Scope.MODULE or (
                kind.block and not any(block.name == kind.block for block in file.blocks)
            ):
                continue
            path = kind.path.format(level=module.level, id=module.id)
            source = file.path if kind.relocated else None
            pages.append(SitePage(kind, lang, path, module, module.level, source=source))
    return pages


def _what(module: Module | str | None, level: str | None) -> str:
    """What a page is about: a module id, else a level key, else nothing (site-wide pages)."""
    if isinstance(module, Module):
        return module.id
    return module or level or ""
