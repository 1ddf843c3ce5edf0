"""The site's navigation: the site's own ``nav:`` from mkdocs.yml, with the school levels slotted in.

When ``nav:`` is given, its order is kept and the levels slot in where the curriculum overview
(``lessons/index.md``) stands: each level's catalogue, then the overview itself. Without ``nav:`` the
order is home, the levels, the overview, then the other site pages by path. Pupils' pages, family pages
and 404 pages are never in the navigation: they keep no previous/next links.

A page's menu holds what a reader needs there, so that its size does not grow with the curriculum: the
levels' catalogues (which list every module) and the site pages; on a module's own page its level
becomes a section of the catalogue and that module (:meth:`NavigationBuilder.menu_for`). The modules
still follow their catalogue in the page order (previous/next links).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from ..model import Catalogue
from ..model.registry import SITE_LESSONS, Kind, Registry
from .engine import link_neighbours, link_parents, put_in_menu, strip_language

#: The entry of ``nav:`` where the generated level sections go: the curriculum overview.
LEVELS_ANCHOR = Kind.OVERVIEW.path

NavItem = Page | Section | Link


def _section(title: str, children: Sequence[Any]) -> Section:
    return Section(title, list(children))


@dataclass
class _Menu:
    """One level in the menu: its section (shown on its modules' pages), catalogue and module pages."""

    section: Section
    index: Page | None
    modules: list[Page]

    @property
    def item(self) -> NavItem:
        """What the menu shows of the level on any other page: its catalogue."""
        return self.index if self.index is not None else self.section


class NavigationBuilder:
    """Builds one language's navigation from ``nav:`` (or the default order) and the registry."""

    def __init__(self, catalogue: Catalogue, registry: Registry, site_nav: list[Any] | None) -> None:
        self.catalogue = catalogue
        self.registry = registry
        self.site_nav = site_nav
        #: The levels of each language's navigation (static-i18n builds one language at a time; the
        #: preview renders a page of any language again later).
        self.menus: dict[str, list[_Menu]] = {}

    def build(self, nav: Navigation, config: MkDocsConfig, files: Files, lang: str) -> Navigation:
        languages = self.registry.languages
        by_path = {strip_language(f.src_uri, languages): f for f in files.documentation_pages()}

        def page(path: str, title: str | None = None) -> Page | None:
            file = by_path.get(path)
            if file is None:
                return None
            entry = self.registry.get(file.src_uri)
            if entry is not None and not entry.in_nav:
                return None
            found = file.page if file.page is not None else Page(title, file, config)
            if title:
                found.title = title
            return found

        levels = self._levels(page, lang)
        if self.site_nav:
            items = self._from_config(self.site_nav, page, levels)
            if levels and not any(item is levels[-1] for item in _walk(items)):
                items[1:1] = levels  # nav: without lessons/index.md: the levels follow its first entry
        else:
            items = self._default(by_path, page, levels)
        in_menu = [p for p in _walk(items) if isinstance(p, Page)]
        menus = self.menus[lang]
        after = {id(menu.item): menu.modules for menu in menus}
        pages = [q for p in in_menu for q in [p, *after.get(id(p), [])]]
        for item in items:
            item.parent = None
        # Pages left out of the navigation (pupils' pages, family pages) keep no links from the default one.
        listed = {id(p) for p in pages}  # by identity: a list's `in` compares pages, N × N at 500 modules
        for file in files.documentation_pages():
            if file.page is not None and id(file.page) not in listed:
                file.page.parent = file.page.previous_page = file.page.next_page = None
        link_parents(items)
        for menu in menus:
            for module_page in menu.modules:
                module_page.parent = menu.section
        link_neighbours(pages)
        built = Navigation(items, pages)
        built.homepage = nav.homepage
        return built

    def _levels(self, page: Any, lang: str) -> list[NavItem]:
        """One section per level, then the overview: what stands for ``lessons/index.md``."""
        cur = self.catalogue.curriculum
        items: list[NavItem] = []
        self.menus[lang] = []
        if cur is not None:
            for level in cur.levels.values():
                index = page(Kind.CATALOGUE.path.format(level=level.key))
                modules = []
                for module in self.catalogue.by_level(level.key):
                    entry = self.registry.find(Kind.LESSON, lang, module)
                    if entry is not None and (found := page(entry.site_path)) is not None:
                        modules.append(found)
                menu = _Menu(_section(level.name.get(lang, level.key), [index] if index else []), index, modules)
                self.menus[lang].append(menu)
                items.append(menu.item)
        overview = page(LEVELS_ANCHOR)
        if overview is not None:
            items.append(overview)
        return items

    def _from_config(self, entries: list[Any], page: Any, levels: list[NavItem]) -> list[NavItem]:
        items: list[NavItem] = []
        for entry in entries:
            title, value = next(iter(entry.items())) if isinstance(entry, dict) and len(entry) == 1 else (None, entry)
            if isinstance(value, list):
                items.append(_section(title or "", self._from_config(value, page, levels)))
            elif not isinstance(value, str):
                continue
            elif value == LEVELS_ANCHOR:
                items.extend(levels)
            elif "://" in value or value.startswith(("mailto:", "/")):
                items.append(Link(title or value, value))
            elif (found := page(value, title)) is not None:
                items.append(found)
        return items

    @staticmethod
    def _default(by_path: dict[str, Any], page: Any, levels: list[NavItem]) -> list[NavItem]:
        items: list[NavItem] = [p for p in [page("index.md")] if p is not None]
        items += levels
        for path in sorted(p for p in by_path if p != "index.md" and not p.startswith(SITE_LESSONS + "/")):
            found = page(path)
            if found is not None:
                items.append(found)
        return items


def menu_for(builder: NavigationBuilder, page: Page, nav: Navigation, lang: str) -> None:
    """Set the menu for ``page``: on a module's page its level is a section of the catalogue and the
    page; everywhere else each level is its catalogue."""
    for menu in builder.menus.get(lang, []):
        own = page.parent is menu.section and page is not menu.index
        menu.section.children = [p for p in (menu.index, page if own else None) if p is not None]
        shown: NavItem = menu.section if own or menu.index is None else menu.index
        put_in_menu(nav.items, {id(menu.section), id(menu.item)}, shown)


def _walk(items: Sequence[Any]) -> list[NavItem]:
    out: list[NavItem] = []
    for item in items:
        out.append(item)
        if isinstance(item, Section):
            out.extend(_walk(item.children))
    return out
