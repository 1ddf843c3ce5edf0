"""The adapter: the one module that touches MkDocs', mkdocs-static-i18n's and the theme's objects
beyond their documented hooks, written for the versions of :data:`WRITTEN_FOR` (a test pins them, so
that an upgrade is a review of this file).

- the site's languages, read from static-i18n's configuration (nothing about them is in the code): the
  first is the default one (``default: true``), published at the site root, the others under
  ``/<lang>/``; the language of a build and of a page, a page's language versions, each language's
  ``site_name``;
- the theme's templates compiled once for every language (:class:`CompiledTemplates`);
- a 404 page kept at ``404.html`` with directory URLs (MkDocs' cached ``dest_uri``, ``url`` and
  ``abs_dest_path`` rewritten);
- the navigation: MkDocs' private helpers that link parents and previous/next pages, and the per-page
  menu, put in place in the navigation's items (the theme reads the ``nav`` MkDocs gives every page, and
  the ``active`` flags MkDocs sets on those very sections; a copy per page would lose them);
- the preview: a language's configuration set again as static-i18n sets it for that language's build,
  and one page rendered again with MkDocs' own private steps (read, Markdown, every plugin's page
  events, the theme's template, the file written), with the files, navigation and templates of its
  language's build kept from the last full build;
- the search: a page's front-matter ``search: exclude``, read for the site's index and set for the
  theme's own search plugin, which indexes nothing; page titles escaped for the theme (front-matter text
  is text) and read back as text for the index.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links
from mkdocs.structure.pages import Page

#: The distributions this adapter was written and tested for (pinned in pyproject.toml).
WRITTEN_FOR = {"mkdocs": "1.6.1", "mkdocs-static-i18n": "1.3.1", "mkdocs-material": "9.8.2"}


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


def site_names(config: MkDocsConfig, languages: tuple[str, ...]) -> dict[str, str]:
    """The site's name in each language (static-i18n's per-language ``site_name``, else the site's)."""
    names = {lang: str(config.site_name) for lang in languages}
    i18n = config.plugins.get("i18n")
    for entry in getattr(getattr(i18n, "config", None), "languages", None) or []:
        if entry.locale in names and getattr(entry, "site_name", None):
            names[entry.locale] = str(entry.site_name)
    return names


def language_versions(file: File) -> list[File]:
    """The file and static-i18n's Files of its other language versions (its language switch links them)."""
    return [file, *getattr(file, "alternates", {}).values()]


# -- the theme ---------------------------------------------------------------------------------------


def add_theme_dir(config: MkDocsConfig, folder: Path) -> None:
    """Put ``folder`` of templates between the site's ``custom_dir`` and the theme's own, so that every
    project using the plugin gets them and a site can still override them."""
    theme_dir = str(folder)
    if theme_dir not in config.theme.dirs:
        custom = config.theme.custom_dir
        config.theme.dirs.insert(1 if custom and config.theme.dirs[0] == custom else 0, theme_dir)


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, for environments made alike: static-i18n builds every language
    with a new environment of the theme (MkDocs makes one per build), which would compile every
    template again; with this cache each language after the first loads them compiled. Jinja checks
    each template's source against what was compiled (a changed template is compiled again). Give
    environments of different settings (autoescaping, whitespace) different caches."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def drop_static_template(config: MkDocsConfig, name: str) -> None:
    """The theme writes no ``name`` of its own (the plugin writes that file)."""
    if name in config.theme.static_templates:
        config.theme.static_templates.remove(name)


def drop_worker_shims(config: MkDocsConfig) -> None:
    """No worker shim from another host: the theme's offline plugin adds one (``iframe-worker``, from
    unpkg) for the theme's search, which the site replaces with its own, run in the page."""
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in str(p)]


# -- the 404 page ------------------------------------------------------------------------------------


def keep_as_404_html(file: File) -> None:
    """A server shows ``404.html`` for a missing address: with directory URLs on, MkDocs would write the
    page as ``404/index.html``, where no server looks for it. Keep it at ``404.html`` (``en/404.html``)."""
    suffix = "404/index.html"
    if file.dest_uri == suffix or file.dest_uri.endswith("/" + suffix):
        dest = file.dest_uri[: -len(suffix)] + "404.html"
        # From the absolute path static-i18n gave the file (it leaves ``dest_dir`` unusable).
        where = Path(file.abs_dest_path)
        file.dest_uri = file.url = dest
        file.abs_dest_path = str(where.parent.parent / "404.html")


# -- the navigation ----------------------------------------------------------------------------------


def link_parents(items: list[Any]) -> None:
    """Set the parent of every item of the navigation, as MkDocs does for its own."""
    _add_parent_links(items)


def link_neighbours(pages: list[Page]) -> None:
    """Set every page's previous and next page, in the order given, as MkDocs does for its own."""
    _add_previous_and_next_links(pages)


def put_in_menu(items: list[Any], targets: set[int], new: Any) -> bool:
    """Put ``new`` where one of ``targets`` (ids of items) stands in the navigation's ``items`` (or in a
    section of it): the menu of the page being rendered."""
    for position, item in enumerate(items):
        if id(item) in targets:
            items[position] = new
            return True
        if isinstance(item, Section) and put_in_menu(item.children, targets, new):
            return True
    return False


# -- titles and the search ---------------------------------------------------------------------------


def escape_title(page: Page) -> None:
    """Front-matter text is text: the theme prints page titles as HTML (``<title>``, navigation, ``<h1>``)."""
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = Markup.escape(page.meta["title"])


def title_text(page: Page) -> str:
    """A page's title as text (titles reach the theme escaped)."""
    return unescape(str(page.title or ""))


def search_excluded(page: Page) -> bool:
    """Whether the page's front matter says ``search: exclude: true``; the page is then marked excluded
    for the theme's own search plugin in any case (the site's own search indexes it)."""
    meta: dict[str, Any] = page.meta if isinstance(page.meta, dict) else {}
    found = meta.get("search")
    options: dict[str, Any] = found if isinstance(found, dict) else {}
    meta["search"] = {**options, "exclude": True}
    return bool(options.get("exclude"))


def page_text(page: Page) -> Callable[[], tuple[str, str, str]]:
    """What the search indexes of a page, read when called (once every plugin has added to its HTML):
    its title and description as text, and its HTML."""

    def read() -> tuple[str, str, str]:
        description = page.meta.get("description") if isinstance(page.meta, dict) else None
        return title_text(page), page.content or "", description if isinstance(description, str) else ""

    return read


# -- the preview: one page again, between full builds --------------------------------------------------


@dataclass
class LanguageBuild:
    """What one language's build used, kept for the preview: the configuration (the same object for
    every language; :func:`use_language` sets it back), its files, its navigation and its templates."""

    lang: str
    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any = None


def use_language(config: MkDocsConfig, lang: str) -> None:
    """Set ``config`` as static-i18n sets it for the build of ``lang`` (the theme's language, the
    language's ``site_name`` and other overrides): it builds the languages one after the other on one
    configuration, so after a full build it holds the last language's."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == lang:
        return
    i18n.current_language = lang
    dirs = list(config.theme.dirs)  # it adds its sitemap's folder to the theme each time
    said = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n")
    level = said.level
    said.setLevel(logging.WARNING)  # what it says of each language's build was said in the full build
    try:
        i18n.on_config(config)
    finally:
        said.setLevel(level)
        config.theme.dirs[:] = dirs


def render_again(page: Page, build: LanguageBuild) -> None:
    """Read, render and write ``page`` again as the full build did (every plugin's page events, the
    theme's template, the same navigation), then check its anchors as the build does."""
    config, files = build.config, build.files
    _populate_page(page, config, files)
    _build_page(page, config, files.documentation_pages(), build.nav, build.env)
    page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
