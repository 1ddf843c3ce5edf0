"""The site's navigation: the site's own ``nav:`` from mkdocs.yml, with one section per school level.

When ``nav:`` is given, its order is kept and the level sections slot in where the curriculum overview
(``lessons/index.md``) stands: each level's section (its catalogue as the section's index, then its
modules in grade order), then the overview itself. Without ``nav:`` the order is home, the levels, the
overview, then the other site pages by path. Pupils' pages, family pages and 404 pages are never in
the navigation: they keep no previous/next links.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section, _add_parent_links, _add_previous_and_next_links
from mkdocs.structure.pages import Page

from ..model import Catalogue
from ..registry import Kind, Registry
from .languages import strip_language

#: The entry of ``nav:`` where the generated level sections go.
LEVELS_ANCHOR = "lessons/index.md"

NavItem = Page | Section | Link


def _section(title: str, children: Sequence[Any]) -> Section:
    return Section(title, list(children))


class NavigationBuilder:
    """Builds one language's navigation from ``nav:`` (or the default order) and the registry."""

    def __init__(self, catalogue: Catalogue, registry: Registry, site_nav: list[Any] | None) -> None:
        self.catalogue = catalogue
        self.registry = registry
        self.site_nav = site_nav

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
        pages = [p for p in _walk(items) if isinstance(p, Page)]
        for item in items:
            item.parent = None
        # Pages left out of the navigation (pupils' pages, family pages) keep no links from the default one.
        for file in files.documentation_pages():
            if file.page is not None and file.page not in pages:
                file.page.parent = file.page.previous_page = file.page.next_page = None
        _add_parent_links(items)
        _add_previous_and_next_links(pages)
        built = Navigation(items, pages)
        built.homepage = nav.homepage
        return built

    def _levels(self, page: Any, lang: str) -> list[NavItem]:
        """One section per level, then the overview: what stands for ``lessons/index.md``."""
        cur = self.catalogue.curriculum
        items: list[NavItem] = []
        if cur is not None:
            for level in cur.levels.values():
                children = [p for p in [page(f"lessons/{level.key}/index.md")] if p is not None]
                for module in self.catalogue.by_level(level.key):
                    entry = self.registry.find(Kind.LESSON, lang, module)
                    if entry is not None and (found := page(entry.site_path)) is not None:
                        children.append(found)
                items.append(_section(level.name.get(lang, level.key), children))
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
        for path in sorted(p for p in by_path if p != "index.md" and not p.startswith("lessons/")):
            found = page(path)
            if found is not None:
                items.append(found)
        return items


def _walk(items: Sequence[Any]) -> list[NavItem]:
    out: list[NavItem] = []
    for item in items:
        out.append(item)
        if isinstance(item, Section):
            out.extend(_walk(item.children))
    return out
