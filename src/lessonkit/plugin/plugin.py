"""The ``lessonkit`` MkDocs plugin: lessons/ into the multilingual site.

Thin hooks that hand the work to small parts:

- ``on_config`` loads and checks the project with the lesson model (errors stop the build with the
  checker's messages, warnings go through the ``mkdocs.`` logger so ``--strict`` fails on them) and
  builds the :class:`~lessonkit.model.registry.Registry` of every page the plugin adds;
- ``on_files`` adds those pages in two phases around mkdocs-static-i18n (see :meth:`_add_files`);
- ``on_nav`` hands the navigation to :class:`~.navigation.NavigationBuilder`;
- ``on_page_content`` wraps each page in its template (``theme/lessonkit/``): the lesson card and
  sources, the catalogues, the coverage page, the family sheet, the 404 page;
- ``on_post_build`` writes the search index, ``catalogue.json``, the sitemap and the GIFT files,
  minifies our scripts and styles, and removes the theme's unused search index.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

import material
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from .. import csp
from ..compact import compact_html
from ..labels import labels_for
from ..markdown import LessonkitExtension, RenderState
from ..markdown.helplines import hotline_sentence
from ..minify import minify_into
from ..model import Catalogue, Module, Problem, Settings, check_project, load_module, validate_module
from ..model.helplines import Helplines
from ..model.module import LessonFile, read_markdown
from ..model.registry import Kind, Registry, SitePage, module_dir
from ..safety.rendered import MarkdownSettings, PageRenderer, page_problems
from ..search import SCRIPT as SEARCH_SCRIPT
from ..search import SearchIndex
from ..search import strings_for as search_strings
from ..strings import add_locales_dir
from .config import LessonkitConfig
from .engine import (
    CompiledTemplates,
    LanguageBuild,
    add_theme_dir,
    build_language,
    drop_static_template,
    drop_worker_shims,
    escape_title,
    keep_as_404_html,
    language_versions,
    page_language,
    page_text,
    render_again,
    search_excluded,
    site_languages,
    site_names,
    strip_language,
    use_language,
)
from .logs import quiet_routine_info
from .navigation import NavigationBuilder, menu_for
from .pages import PageRequest
from .publishing import Publisher
from .render import Renderer
from .themefiles import drop_unused_theme_files

log = get_plugin_logger(__name__)

PACKAGE = Path(__file__).resolve().parent.parent
THEME_ICONS = Path(material.__file__).resolve().parent / "templates" / ".icons"
#: Files the plugin ships into every site: (source in the package, path in the site).
ASSETS = (
    (PACKAGE / "assets" / "stylesheets" / "site.css", "assets/lessonkit/site.css"),
    (PACKAGE / "quiz" / "assets" / "quiz.css", "assets/lessonkit/quiz.css"),
    (PACKAGE / "quiz" / "assets" / "quiz.js", "assets/lessonkit/quiz.js"),
    (PACKAGE / "assets" / "javascripts" / "site.js", "assets/lessonkit/site.js"),
    # Loaded in the head, by the template, only on pages that have language alternates.
    (PACKAGE / "assets" / "javascripts" / "head.js", "assets/lessonkit/head-alternates.js"),
    # The site's search: a small script with every page; the rest loads when a reader searches.
    (SEARCH_SCRIPT, "assets/lessonkit/search.js"),
    # The theme's school icon (the site's logo) as a small favicon, for theme.favicon in mkdocs.yml.
    (THEME_ICONS / "material" / "school.svg", "assets/lessonkit/favicon.svg"),
)
#: Our scripts that every page loads at the end of its body (others load where a template says).
BODY_SCRIPTS = ("assets/lessonkit/quiz.js", "assets/lessonkit/site.js", "assets/lessonkit/search.js")
MAX_LISTED = 50
#: A block header that pymdown-extensions left as a paragraph of text.
RE_LITERAL_BLOCK = re.compile(r"<p>\s*/{3,}\s*([\w-]*)")


@dataclass(frozen=True)
class ModuleUpdate:
    """What :meth:`LessonkitPlugin.update_module` did: the module's problems (its pages were not
    rendered again if one is an error), where its pages are, and whether only a full build will do
    (a page added or removed: a family block added, a language file removed …)."""

    module_id: str
    rel: str
    problems: list[Problem]
    urls: list[str]
    needs_full_build: bool = False


class LessonkitPlugin(BasePlugin[LessonkitConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state = RenderState()
        self.extension = LessonkitExtension(self.state)
        self.catalogue: Catalogue | None = None
        self.helplines: Helplines | None = None
        self.registry: Registry | None = None
        self.languages: tuple[str, ...] = ()
        self.settings = Settings()
        self.renderer = Renderer()
        self.scripts = csp.TemplateScripts()
        self.navigation: NavigationBuilder | None = None
        self.publisher: Publisher | None = None
        self.search = SearchIndex()
        self.root = Path(".")
        #: (language-free path, language) -> File of the site pages other pages link to (home, help).
        self._site_files: dict[tuple[str, str], File] = {}
        #: Every problem the checker found in the project (what stopped the build, if it stopped).
        self.problems: list[Problem] = []
        #: The templates compiled in the first language's build, for the others' (our renderer's
        #: environment autoescapes: its own cache).
        self._compiled_ours, self._compiled_theme = CompiledTemplates(), CompiledTemplates()
        #: Each language's build, kept for the preview only (see :meth:`keep_for_preview`).
        self._builds: dict[str, LanguageBuild] | None = None

    # -- configuration -------------------------------------------------------------------------

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        quiet_routine_info()
        # static-i18n runs the whole build once per language: load, check and register only once.
        if self.catalogue is None:
            self.root = Path(config.config_file_path or ".").resolve().parent
            add_locales_dir(self.root / self.config.locales_dir)
            self.languages = site_languages(config)
            docs = Path(config.docs_dir).resolve()
            # The project's layout, one value for the checker's rules and every part of the plugin.
            self.settings = Settings(
                lessons_dir=self.config.lessons_dir,
                docs_dir=docs.relative_to(self.root).as_posix() if docs.is_relative_to(self.root) else str(docs),
                helplines=self.config.helplines,
                languages=self.languages,
                site_name=str(config.site_name),
                site_url=config.site_url or None,
            )
            # What the checker checks, with its messages: a project it passes is one the build accepts.
            checked = check_project(self.root, self.settings)
            self.catalogue, self.helplines, self.problems = checked.catalogue, checked.helplines, checked.problems
            self.state.helplines, self.state.helplines_path = self.helplines, self.settings.helplines
            _report(checked.problems)
            self.registry = Registry.build(self.catalogue, self.languages, not_found=self.config.not_found_page)
            self.navigation = NavigationBuilder(self.catalogue, self.registry, config.nav)
            self.publisher = Publisher(
                self.catalogue,
                self.registry,
                config.site_url or None,
                _site_pages(Path(config.docs_dir), self.languages),
                config.use_directory_urls,
                site_names(config, self.languages),
            )
        add_theme_dir(config, PACKAGE / "theme")
        # Our pages render before MkDocs hands plugins its environment (on_env): the renderer takes the
        # theme's own, with the search path above (the site's overrides first).
        # Each language's build makes a new environment: the templates compiled for the first serve the others.
        env = config.theme.get_env()
        env.bytecode_cache = self._compiled_ours
        self.renderer.use(env)
        if self.config.not_found_page:
            drop_static_template(config, "404.html")  # ours is a page per language
        # Ours lists every language version with absolute addresses, or none without site_url.
        drop_static_template(config, "sitemap.xml")
        # The inline scripts the Content-Security-Policy trusts: those of the templates, nothing else.
        self.scripts = csp.TemplateScripts.load(list(config.theme.dirs))
        if self.extension not in config.markdown_extensions:
            config.markdown_extensions.append(self.extension)
        for _, dest in ASSETS:
            if dest.endswith(".css") and dest not in config.extra_css:
                config.extra_css.append(dest)
            elif dest in BODY_SCRIPTS and dest not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(dest)
        return config

    @event_priority(-100)
    def _drop_worker_shims(self, config: MkDocsConfig) -> MkDocsConfig:
        """After the theme's offline plugin, which adds a worker shim from another host (unpkg) for the
        theme's search: the site's own search runs in the page, so no worker shim is needed or loaded."""
        drop_worker_shims(config)
        return config

    on_config = CombinedEvent(_configure, _drop_worker_shims)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """The search box's labels (``partials/search.html``) and the footer's (``partials/copyright.html``),
        in every language."""
        env.globals["lk_search_strings"] = {lang: search_strings(lang) for lang in self.languages}
        env.globals["lk_labels"] = {lang: labels_for(lang) for lang in self.languages}
        env.bytecode_cache = self._compiled_theme  # before MkDocs renders a page with it
        if self._builds is not None:
            self._builds[build_language(config, self.languages)].env = env
        return env

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """``mkdocs serve`` rebuilds when a lesson, curriculum.yml or helplines.yml changes."""
        catalogue = self._catalogue()
        server.watch(str(catalogue.lessons_dir))
        helplines = catalogue.root / self.config.helplines
        if helplines.exists() and not helplines.is_relative_to(catalogue.lessons_dir):
            server.watch(str(helplines))
        return server

    # -- files ---------------------------------------------------------------------------------
    #
    # Why two phases: mkdocs-static-i18n (its on_files runs at priority -100) localizes only files whose
    # source lies under docs_dir, and it replaces the Files collection with its own, re-creating each
    # File for the language being built (a generated File, or one whose abs_src_path lies outside
    # docs_dir, is dropped with "Unhandled file case" or crashes its path checks). So, before it, every
    # registered page is added as an ordinary File under docs_dir; after it, on the Files it returns,
    # relocated pages are pointed back at their real file in lessons/ and generated pages get their text.

    @event_priority(50)
    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Before static-i18n: every registered page as a File under docs_dir, module assets, our assets."""
        catalogue, registry = self._catalogue(), self._registry()
        # Known only now: the offline plugin turns directory URLs off in its own on_config, after ours.
        self._publisher().use_directory_urls = config.use_directory_urls
        for entry in registry:
            if files.get_file_from_path(entry.src_uri) is not None:
                docs, lessons = self.settings.docs_dir, self.settings.lessons_dir
                raise PluginError(
                    f"{docs}/{entry.src_uri} conflicts with a page built from {lessons}/: remove it from {docs}/"
                )
            # Generated pages find their place in the menu in on_nav: MkDocs need not list them as left out.
            files.append(
                File(
                    entry.src_uri,
                    config.docs_dir,
                    config.site_dir,
                    config.use_directory_urls,
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
        drop_unused_theme_files(files, config.docs_dir)
        for module in catalogue.modules:
            for asset in module.assets:
                # Beside the module's pages in the site, read from its folder in lessons_dir. Outside
                # docs_dir, static-i18n passes assets through unchanged: one copy serves both languages.
                src = f"{module_dir(module)}/{asset.relative_to(module.folder).as_posix()}"
                file = File(src, str(catalogue.root), config.site_dir, config.use_directory_urls)
                file.abs_src_path = str(asset)
                files.append(file)
        # The sitemap is ours (written after the build): no theme's template of it is copied as a file.
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (theirs := files.get_file_from_path(name)) is not None:
                files.remove(theirs)
        for source, dest in ASSETS:
            theirs = files.get_file_from_path(dest)
            if theirs is not None and theirs.abs_src_path != str(source):
                files.remove(theirs)
            if source.is_file() and files.get_file_from_path(dest) is None:
                files.append(File.generated(config, dest, abs_src_path=str(source)))
        return files

    @event_priority(-200)
    def _point_files(self, files: Files, config: MkDocsConfig) -> Files:
        """After static-i18n: relocated pages read their real file, generated pages get their Markdown."""
        registry = self._registry()
        wanted = {self.config.help_page, "index.md"}
        # Each language's build adds its own (the preview renders pages of every language later).
        self._site_files |= {
            (path, page_language(f, self.languages)): f
            for f in files.documentation_pages()
            if (path := strip_language(f.src_uri, self.languages)) in wanted
        }
        for file in files:
            entry = registry.get(file.src_uri)
            if entry is None:
                continue
            if entry.source is not None:
                file.abs_src_path = str(entry.source)
            else:
                file.content_string = self.renderer.markdown(self._request(entry))
            if entry.kind is Kind.NOT_FOUND:
                # static-i18n's language switch links the page's other versions through these Files.
                for version in language_versions(file):
                    keep_as_404_html(version)
        return files

    on_files = CombinedEvent(_add_files, _point_files)

    # -- navigation ----------------------------------------------------------------------------

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.navigation is not None
        lang = build_language(config, self.languages)
        built = self.navigation.build(nav, config, files, lang)
        if self._builds is not None:
            self._builds[lang] = LanguageBuild(lang, config, files, built)
        return built

    # -- pages ---------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.state.lang = page_language(page.file, self.languages)
        self.state.page_key = page.file.url
        self.state.problems.clear()
        escape_title(page)
        return markdown

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """What the theme templates add to every page (``lk_*``): the help banner (who to tell, the main
        hotline), the Content-Security-Policy, and the publishing head (alternates, canonical, JSON-LD)."""
        lang = page_language(page.file, self.languages)
        assert self.navigation is not None
        menu_for(self.navigation, page, nav, lang)
        ours = cast(dict[str, Any], context)  # the theme's context, with our own keys
        ours["lk_help"] = (
            self.renderer.render(
                "banner.html", lang, sentence=self._sentence(lang, "banner"), help_url=self._help_url(page, lang)
            )
            if self.helplines
            else ""
        )
        ours["lk_csp"] = csp.policy()
        entry = self._registry().get(page.file.src_uri)
        ours.update(self._publisher().head(strip_language(page.file.src_uri, self.languages), lang, entry))
        return context

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        rel = self._rel(page.file, config)
        if self.state.problems:
            raise PluginError(f"{rel}: " + "; ".join(self.state.problems))
        literal = _literal_block(html)
        if literal is not None:
            raise PluginError(
                f"{rel}: a block '/// {literal}' was left as literal text in the page; "
                "check its header and closing line (run 'lessonkit check')"
            )
        html = self._safe_content(html, page, config)
        entry = self._registry().get(page.file.src_uri)
        if not search_excluded(page):  # its final HTML, read when the index is written
            self.search.add_later(page_language(page.file, self.languages), page.file.url, page_text(page))
        if entry is None:
            return html
        if not entry.in_nav:
            # The theme opens a table of contents with a control that only the navigation holds.
            page.toc = TableOfContents([])
        return self.renderer.page(self._request(entry, page, config), html)

    # -- page safety (lessonkit.safety) ------------------------------------------------------------

    def _safe_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """The page's content as the allowlist writes it; whatever that would remove or change stops the
        build with the checker's messages (``PATH:LINE``, found on the page's source the same way)."""
        source = self._source_file(page, config)
        settings = MarkdownSettings(tuple(config.markdown_extensions), dict(config.mdx_configs or {}))
        renderer = PageRenderer(settings, self.helplines)
        cleaned, problems = page_problems(html, source, lambda text: renderer.render(text, source.lang))
        if problems:
            raise PluginError("\n".join(p.format() for p in problems))
        return cleaned

    def _source_file(self, page: Page, config: MkDocsConfig) -> LessonFile:
        """The Markdown file a page's content comes from: the module file (its pupils' and family pages
        too), the ``docs/`` page, or for a page made from the data files an empty one named after it."""
        lang = page_language(page.file, self.languages)
        entry = self._registry().get(page.file.src_uri)
        if entry is not None and entry.module is not None and lang in entry.module.files:
            return entry.module.files[lang]
        rel = self._rel(page.file, config)
        path = self.root / rel
        if entry is None and path.is_file():
            return read_markdown(path, rel, lang)
        return LessonFile(path, rel, lang)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Smaller pages (the templates' indentation removed), then the page's Content-Security-Policy
        gets the hashes of the inline scripts the templates wrote (of the bytes as they are served)."""
        return csp.apply(compact_html(output), self.scripts)

    def _write_outputs(self, config: MkDocsConfig) -> None:
        """Each language: its search index and GIFT files. Once (in the default language's build):
        ``catalogue.json`` and ``sitemap.xml`` at the site root, and our scripts and styles minified."""
        registry = self._registry()
        lang = build_language(config, self.languages)
        self.search.write(config.site_dir)  # this language's index, search/<lang>/
        self._publisher().write_language(Path(config.site_dir), lang)
        if lang == registry.default_language:
            self._publisher().write_site(Path(config.site_dir))
        if lang == self.languages[-1]:  # each language's build copies the assets again: the last one minifies
            minify_into(Path(config.site_dir), list(ASSETS))

    @event_priority(-150)
    def _drop_theme_index(self, config: MkDocsConfig) -> None:
        """The theme's search plugin stays for its place in the header, but its index is never read (the
        site's own search replaces it): remove the file it writes, and the offline plugin's copy. After
        static-i18n and the offline plugin (-100), which write them again once every language is built."""
        for name in ("search_index.json", "search_index.js"):  # the .js: the offline plugin's copy
            (Path(config.site_dir) / "search" / name).unlink(missing_ok=True)

    on_post_build = CombinedEvent(_write_outputs, _drop_theme_index)

    # -- the preview (lessonkit serve) -----------------------------------------------------------

    def keep_for_preview(self) -> None:
        """Keep each language's files, navigation and templates after the build, so that
        :meth:`update_module` can redo one module's pages (before the build; never for publishing)."""
        self._builds = {}

    def module_files(self) -> dict[Path, frozenset[Path]]:
        """Each module's folder and the files the build read from it (its lesson files, its assets)."""
        return {
            m.folder.resolve(): frozenset(
                p.resolve() for p in [*(f.path for f in m.files.values()), *m.assets, *m.extra_markdown]
            )
            for m in self._catalogue().modules
        }

    def module_urls(self, folder: Path) -> list[str]:
        """Where the pages of the module in ``folder`` are in the site (``lessons/x/y/index.html``), in
        every language."""
        registry, directory_urls = self._registry(), self._publisher().use_directory_urls
        module = self._module_in(folder)
        urls = [p.url(registry.default_language, directory_urls) for p in registry.of_module(module)] if module else []
        return [u + "index.html" if u.endswith("/") or not u else u for u in urls]

    def update_module(self, folder: Path) -> ModuleUpdate:
        """Read the module in ``folder`` again, check it by the checker's rules and, when it has no error,
        render its pages again in every language, as the full build did (its kinds' rows of the renderer,
        the same templates and navigation), and copy its assets. Pages of other modules, the catalogues,
        the overview, the search index and the published data stay as the full build made them."""
        catalogue, registry, builds = self._catalogue(), self._registry(), self._builds
        old = self._module_in(folder)
        if old is None or not builds:
            return ModuleUpdate(folder.name, str(folder), [], [], needs_full_build=True)
        new = load_module(catalogue, old.folder)
        position = catalogue.modules.index(old)
        catalogue.modules[position] = new
        help_number = self.helplines.main.number if self.helplines and self.helplines.hotlines else None
        problems = validate_module(catalogue, new, help_number, settings=self.settings)
        urls = self.module_urls(folder)
        if any(p.is_error for p in problems) or not registry.replace_module(old, new):
            catalogue.modules[position] = old  # the build's state stays that of the module's last good version
            full = not any(p.is_error for p in problems)
            return ModuleUpdate(new.id, new.rel, problems, urls, needs_full_build=full)
        for lang, build in builds.items():
            use_language(build.config, lang)
            for entry in registry.of_module(new):
                file = build.files.get_file_from_path(entry.src_uri) if entry.lang == lang else None
                if file is None or file.page is None:
                    continue
                if entry.source is None:
                    file.content_string = self.renderer.markdown(self._request(entry))
                render_again(file.page, build)
        use_language(next(iter(builds.values())).config, self.languages[-1])  # as the full build left it
        site = Path(next(iter(builds.values())).config.site_dir)
        for asset in new.assets:
            target = site / module_dir(new) / asset.relative_to(new.folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset, target)
        return ModuleUpdate(new.id, new.rel, problems, urls)

    def _module_in(self, folder: Path) -> Module | None:
        folder = folder.resolve()
        return next((m for m in self._catalogue().modules if m.folder.resolve() == folder), None)

    # -- helpers -------------------------------------------------------------------------------

    def _request(self, entry: SitePage, page: Page | None = None, config: MkDocsConfig | None = None) -> PageRequest:
        """What a page of ours is made from; with its ``page``, the addresses of other pages from it."""
        registry = self._registry()
        request = PageRequest(entry, self._catalogue(), registry, self.helplines, qr=self._publisher().qr)
        if page is None or config is None:
            return request
        directory_urls = config.use_directory_urls

        def link(target: SitePage | None) -> str | None:
            if target is None:
                return None
            return get_relative_url(target.url(registry.default_language, directory_urls), page.file.url)

        return replace(
            request,
            link=link,
            home_url=self._link_to("index.md", page, entry.lang),
            help_url=self._help_url(page, entry.lang),
        )

    def _sentence(self, lang: str, label: str) -> Markup:
        return hotline_sentence(self.helplines, lang, label) if self.helplines else Markup("")

    def _help_url(self, page: Page, lang: str) -> str | None:
        """The help page in ``lang``, relative to ``page`` (none on the help page itself)."""
        return self._link_to(self.config.help_page, page, lang)

    def _link_to(self, path: str, page: Page, lang: str) -> str | None:
        """A site page (language-free ``path`` under docs_dir) in ``lang``, relative to ``page``."""
        file = self._site_files.get((path, lang))
        if file is None or file is page.file:
            return None
        return file.url_relative_to(page.file)

    def _catalogue(self) -> Catalogue:
        if self.catalogue is None:  # pragma: no cover - on_config always runs first
            raise PluginError("lessonkit: the lessons were not loaded")
        return self.catalogue

    def _publisher(self) -> Publisher:
        if self.publisher is None:  # pragma: no cover - on_config always runs first
            raise PluginError("lessonkit: the pages were not registered")
        return self.publisher

    def _registry(self) -> Registry:
        if self.registry is None:  # pragma: no cover - on_config always runs first
            raise PluginError("lessonkit: the pages were not registered")
        return self.registry

    def _rel(self, file: File, config: MkDocsConfig) -> str:
        entry = self._registry().get(file.src_uri)
        if entry is not None and entry.source is not None:
            return self._catalogue().rel(entry.source)
        path = Path(file.abs_src_path) if file.abs_src_path else Path(config.docs_dir) / file.src_uri
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return file.src_uri


def _site_pages(docs_dir: Path, languages: tuple[str, ...]) -> dict[str, list[str]]:
    """The site's own pages in ``docs_dir``: language-free path -> the languages it is written in."""
    pages: dict[str, list[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []:
        rel = path.relative_to(docs_dir).as_posix()
        for lang in languages:
            if rel.endswith(f".{lang}.md"):
                pages.setdefault(rel[: -len(f".{lang}.md")] + ".md", []).append(lang)
    return pages


def _literal_block(html: str) -> str | None:
    """The name of a ``/// name`` block that Markdown left as text (a misspelt header), if any."""
    found = RE_LITERAL_BLOCK.search(html)
    return found.group(1) if found else None


def _report(problems: list[Problem]) -> None:
    """Warnings to the log (``--strict`` fails on them); errors stop the build."""
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        if not problem.is_error:
            log.warning(problem.format())
    if errors:
        listed = "\n".join(p.format() for p in errors[:MAX_LISTED])
        more = f"\n… and {len(errors) - MAX_LISTED} more" if len(errors) > MAX_LISTED else ""
        raise PluginError(
            f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the lessons "
            f"(run 'lessonkit check' for the full list):\n{listed}{more}"
        )
