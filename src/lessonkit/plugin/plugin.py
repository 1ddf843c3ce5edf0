"""The ``lessonkit`` MkDocs plugin: lessons/ into the bilingual site.

- ``on_config`` loads and validates every module with the lesson model: errors stop the build with
  the checker's messages, warnings go through the ``mkdocs.`` logger so ``--strict`` fails on them.
- ``on_files`` runs twice around mkdocs-static-i18n (priority -100): before it, each module file, each
  pupils' page and each level catalogue is added as a page under ``docs_dir`` so that static-i18n
  localizes it; after it, the module pages point back at their real files in ``lessons/`` and the
  generated pages get their Markdown.
- ``on_nav`` builds the navigation by level, with level names in the page's language: each level's
  catalogue, and a module only on its own page (a page's size does not grow with the curriculum).
- ``on_page_content`` adds the lesson card, the quiz summary and the page-mode wrapper.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links
from mkdocs.structure.pages import Page

from .. import DEFAULT_LANGUAGE, LANGUAGES
from ..compact import compact_html
from ..helplines import Helplines, load_helplines
from ..markdown import LessonkitExtension, RenderState
from ..model import Catalogue, Module, Problem, ProblemList, check_site_pages, load, validate
from ..quiz.render import summary_html
from ..search import SCRIPT as SEARCH_SCRIPT, STRINGS as SEARCH_STRINGS, SearchIndex  # search:
from .config import LessonkitConfig
from .pages import (banner_html, card_html, catalogue_markdown, catalogue_record, help_html, overview_markdown,
                    sources_html, student_markdown)

log = get_plugin_logger(__name__)

PACKAGE = Path(__file__).resolve().parent.parent
THEME_ICONS = Path(material.__file__).resolve().parent / "templates" / ".icons"
#: Files the plugin ships into every site: (source in the package, path in the site).
ASSETS = (
    (PACKAGE / "assets" / "stylesheets" / "site.css", "assets/lessonkit/site.css"),
    (PACKAGE / "quiz" / "assets" / "quiz.css", "assets/lessonkit/quiz.css"),
    (PACKAGE / "quiz" / "assets" / "quiz.js", "assets/lessonkit/quiz.js"),
    (PACKAGE / "assets" / "javascripts" / "site.js", "assets/lessonkit/site.js"),
    (SEARCH_SCRIPT, "assets/lessonkit/search.js"),  # search:
    # The theme's school icon (the site's logo) as a small favicon, for theme.favicon in mkdocs.yml.
    (THEME_ICONS / "material" / "school.svg", "assets/lessonkit/favicon.svg"),
)
#: Site pages after the levels in the navigation, in this order (others follow, by name).
NAV_ORDER = ("teacher-guide", "authoring", "help", "about")
RE_LITERAL_BLOCK = re.compile(r"<p>\s*/{3,}\s*([\w-]*)")
MAX_LISTED = 50


class _Kind:
    LESSON, STUDENT, CATALOGUE, OVERVIEW = "lesson", "student", "catalogue", "overview"


class LessonkitPlugin(BasePlugin[LessonkitConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state = RenderState()
        self.extension = LessonkitExtension(self.state)
        self.catalogue: Catalogue | None = None
        self.helplines: Helplines | None = None
        #: src_uri of every page the plugin adds -> (kind, module or level key, language).
        self.added: dict[str, tuple[str, Module | str, str]] = {}
        self.real_paths: dict[str, Path] = {}
        self.generated: dict[str, Callable[[], str]] = {}
        self._help_files: dict[str, File] = {}
        self.search = SearchIndex()  # search:
        #: Per level: its place in the menu, its section, its catalogue page and its module pages (on_nav).
        self._menus: list[tuple[int, Section, Page | None, list[Page]]] = []

    # -- configuration -------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # static-i18n runs the whole build once per language: load and report only once.
        if self.catalogue is None:
            root = Path(config.config_file_path or ".").resolve().parent
            self.catalogue = load(root, self.config.lessons_dir)
            problems = ProblemList(validate(self.catalogue))
            docs = Path(config.docs_dir).resolve()
            problems.extend(check_site_pages(root, docs.relative_to(root).as_posix() if docs.is_relative_to(root) else str(docs)))
            never = self.catalogue.curriculum.never if self.catalogue.curriculum else ()
            self.helplines = load_helplines(root / self.config.helplines, self.config.helplines, problems, never)
            self.state.helplines = self.helplines
            _report(problems)
        # The plugin's theme templates (page head, help banner) sit between the site's custom_dir and
        # the theme, so that every project using the plugin gets them and a site can still override them.
        theme_dir = str(PACKAGE / "theme")
        if theme_dir not in config.theme.dirs:
            custom = config.theme.custom_dir
            config.theme.dirs.insert(1 if custom and config.theme.dirs[0] == custom else 0, theme_dir)
        if self.extension not in config.markdown_extensions:
            config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        for _, dest in ASSETS:
            if dest.endswith(".css") and dest not in config.extra_css:
                config.extra_css.append(dest)
            elif "lessonkit" in dest and dest.endswith(".js") and dest not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(dest)  # type: ignore[arg-type]
        return config

    def on_env(self, env, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        env.globals["lk_search_strings"] = SEARCH_STRINGS  # search: labels of partials/search.html
        return env

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        """``mkdocs serve`` rebuilds when a lesson, curriculum.yml or helplines.yml changes."""
        catalogue = self._catalogue()
        server.watch(str(catalogue.lessons_dir))
        helplines = catalogue.root / self.config.helplines
        if helplines.exists() and not helplines.is_relative_to(catalogue.lessons_dir):
            server.watch(str(helplines))
        return server

    # -- files ---------------------------------------------------------------------------------

    @event_priority(50)
    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Before static-i18n: add every lesson page under docs_dir, where it localizes pages."""
        catalogue = self._catalogue()
        cur = catalogue.curriculum
        assert cur is not None  # a broken curriculum stopped the build in on_config
        self.added.clear()
        for lang in LANGUAGES:
            self._add_page(files, config, f"lessons/index.{lang}.md", (_Kind.OVERVIEW, "", lang),
                           generate=lambda lang=lang: overview_markdown(catalogue.modules, cur, lang))
        for level in cur.levels:
            modules = catalogue.by_level(level)
            for lang in LANGUAGES:
                src = f"lessons/{level}/index.{lang}.md"
                self._add_page(files, config, src, (_Kind.CATALOGUE, level, lang),
                               generate=lambda level=level, modules=modules, lang=lang: catalogue_markdown(level, modules, cur, lang))
        for module in catalogue.modules:
            base = f"lessons/{module.level}/{module.id}"
            for lang, page in module.files.items():
                self._add_page(files, config, f"{base}/index.{lang}.md", (_Kind.LESSON, module, lang), real=page.path)
                self._add_page(files, config, f"{base}/quiz.{lang}.md", (_Kind.STUDENT, module, lang),
                               generate=lambda page=page, lang=lang: student_markdown(page, lang))
            for asset in module.assets:
                src = f"{base}/{asset.relative_to(module.folder).as_posix()}"
                # Outside docs_dir, static-i18n passes assets through unchanged: one copy serves both languages.
                files.append(File(src, str(catalogue.root), config.site_dir, config.use_directory_urls))
        for source, dest in ASSETS:
            theirs = files.get_file_from_path(dest)
            if theirs is not None and theirs.abs_src_path != str(source):
                files.remove(theirs)
            if source.is_file() and files.get_file_from_path(dest) is None:
                files.append(File.generated(config, dest, abs_src_path=str(source)))
        return files

    def _add_page(self, files: Files, config: MkDocsConfig, src: str, info: tuple[str, Module | str, str],
                  real: Path | None = None, generate: Callable[[], str] | None = None) -> None:
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"docs/{src} conflicts with a page built from lessons/: remove it from docs/")
        files.append(File(src, config.docs_dir, config.site_dir, config.use_directory_urls))
        self.added[src] = info
        if real is not None:
            self.real_paths[src] = real
        if generate is not None:
            self.generated[src] = generate

    @event_priority(-200)
    def _point_files(self, files: Files, config: MkDocsConfig) -> Files:
        """After static-i18n: read lesson pages from lessons/ and give generated pages their text."""
        self._help_files = {lang: f for lang in LANGUAGES if (f := self._file(files, f"help.{lang}.md")) is not None}
        for file in files:
            if file.src_uri in self.real_paths:
                file.abs_src_path = str(self.real_paths[file.src_uri])
            elif file.src_uri in self.generated:
                file.content_string = self.generated[file.src_uri]()
        return files

    on_files = CombinedEvent(_add_files, _point_files)

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):  # type: ignore[no-untyped-def]
        """``lk_help`` for the theme: who to tell and the main hotline, at the top of every page; the
        menu: on a module page, its level is a section of the catalogue and the page."""
        for position, section, index, _ in self._menus:
            own = page.parent is section and page is not index
            section.children = [p for p in (index, page if own else None) if p is not None]
            nav.items[position] = section if own or index is None else index
        lang = _page_language(page.file)
        help_file = self._help_files.get(lang)
        url = help_file.url_relative_to(page.file) if help_file is not None and help_file is not page.file else None
        context["lk_help"] = banner_html(self.helplines, lang, url)
        return context

    # -- navigation ----------------------------------------------------------------------------

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Home, each level's catalogue (named after the level), then the site's pages.

        A level's modules follow its catalogue in the page order (previous/next links) but not in the
        menu, so that a page's size does not grow with the curriculum: on a module's own page, its
        level becomes a section of the catalogue and that module (see ``on_page_context``); the
        catalogues list every module."""
        catalogue = self._catalogue()
        cur = catalogue.curriculum
        assert cur is not None
        lang = _build_language(config)
        by_norm = {_norm(f.src_uri): f for f in files.documentation_pages()}

        def page(norm: str) -> Page | None:
            file = by_norm.get(norm)
            if file is None:
                return None
            return file.page if file.page is not None else Page(None, file, config)

        items: list[Page | Section] = []
        home = page("index.md")
        if home is not None:
            items.append(home)
        self._menus = []
        for level in cur.levels.values():
            index = page(f"lessons/{level.key}/index.md")
            modules = [p for m in catalogue.by_level(level.key) if (p := page(f"lessons/{level.key}/{m.id}/index.md"))]
            section = Section(level.name.get(lang, level.key), [index] if index is not None else [])  # type: ignore[list-item]
            self._menus.append((len(items), section, index, modules))
            items.append(index if index is not None else section)
        overview = page("lessons/index.md")
        if overview is not None:
            items.append(overview)
        used = {"index.md"} | {n for n in by_norm if n.startswith("lessons/")}
        rest = [n for n in by_norm if n not in used]
        order = {f"{name}.md": i for i, name in enumerate(NAV_ORDER)}
        for norm in sorted(rest, key=lambda n: (order.get(n, len(order)), n)):
            p = page(norm)
            if p is not None:
                items.append(p)
        modules_of = {id(index if index is not None else section): modules for _, section, index, modules in self._menus}
        pages = [p for item in items
                 for p in ([item] if isinstance(item, Page) else item.children) + modules_of.get(id(item), [])]  # type: ignore[operator]
        for item in items:
            item.parent = None
        # Pages left out of the navigation (pupils' pages) keep no links from the default navigation.
        for file in files.documentation_pages():
            if file.page is not None and file.page not in pages:
                file.page.parent = file.page.previous_page = file.page.next_page = None
        _add_parent_links(items)
        for _, section, _, modules in self._menus:
            for module_page in modules:
                module_page.parent = section
        _add_previous_and_next_links(pages)  # type: ignore[arg-type]
        new = Navigation(items, pages)  # type: ignore[arg-type]
        new.homepage = nav.homepage
        return new

    # -- pages ---------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.state.lang = _page_language(page.file)
        self.state.problems.clear()
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        rel = self._rel(page.file, config)
        if self.state.problems:
            raise PluginError(f"{rel}: " + "; ".join(self.state.problems))
        literal = RE_LITERAL_BLOCK.search(html)
        if literal:
            raise PluginError(f"{rel}: a block '/// {literal.group(1)}' was left as literal text in the page; "
                              "check its header and closing line (run 'lessonkit check')")
        info = self.added.get(page.file.src_uri)
        lang = _page_language(page.file)
        self.search.add_page(page, lang)  # search: read when the language is built
        if "data-lk-question" in html:
            cut = html.rindex("</form>") + len("</form>")
            summary = summary_html(lang, page.file.url, self.helplines, help_html(self.helplines, lang))
            html = html[:cut] + summary + html[cut:]
        if info is None or info[0] in (_Kind.CATALOGUE, _Kind.OVERVIEW):
            return html
        kind, module, _ = info
        assert isinstance(module, Module)
        lesson_file = module.files[lang]
        cur = self._catalogue().curriculum
        assert cur is not None
        if kind == _Kind.LESSON:
            student = self._file(files, f"lessons/{module.level}/{module.id}/quiz.{lang}.md")
            url = student.url_relative_to(page.file) if student else ""
            html = card_html(lesson_file, cur, lang, url) + html + sources_html(lesson_file, lang)
        return f'<div class="lk-page lk-page--{kind}">{html}</div>'

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return compact_html(output)  # pages: the templates' indentation removed (a page's size)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Write ``catalogue.json`` at the site root, for the department to harvest."""
        self.search.write(config.site_dir)  # search: this language's index, search/<lang>/
        catalogue = self._catalogue()
        if catalogue.curriculum is None or _build_language(config) != DEFAULT_LANGUAGE:
            return
        record = catalogue_record(catalogue.modules, catalogue.curriculum, config.use_directory_urls)
        path = Path(config.site_dir) / "catalogue.json"
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    # -- helpers -------------------------------------------------------------------------------

    def _catalogue(self) -> Catalogue:
        if self.catalogue is None:  # pragma: no cover - on_config always runs first
            raise PluginError("lessonkit: the lessons were not loaded")
        return self.catalogue

    def _rel(self, file: File, config: MkDocsConfig) -> str:
        if file.src_uri in self.real_paths:
            return self._catalogue().rel(self.real_paths[file.src_uri])
        root = Path(config.config_file_path or ".").resolve().parent
        path = Path(file.abs_src_path) if file.abs_src_path else Path(config.docs_dir) / file.src_uri
        try:
            return path.resolve().relative_to(root).as_posix()
        except ValueError:
            return file.src_uri

    @staticmethod
    def _file(files: Files, src: str) -> File | None:
        return next((f for f in files if f.src_uri == src), None)


def _report(problems: list[Problem]) -> None:
    """Warnings to the log (``--strict`` fails on them); errors stop the build."""
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        if not problem.is_error:
            log.warning(problem.format())
    if errors:
        listed = "\n".join(p.format() for p in errors[:MAX_LISTED])
        more = f"\n… and {len(errors) - MAX_LISTED} more" if len(errors) > MAX_LISTED else ""
        raise PluginError(f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the lessons "
                          f"(run 'lessonkit check' for the full list):\n{listed}{more}")


def _norm(src_uri: str) -> str:
    """``lessons/x/index.en.md`` -> ``lessons/x/index.md``."""
    for lang in LANGUAGES:
        suffix = f".{lang}.md"
        if src_uri.endswith(suffix):
            return src_uri[: -len(suffix)] + ".md"
    return src_uri


def _page_language(file: File) -> str:
    locale = getattr(file, "locale", None)
    if locale in LANGUAGES:
        return locale
    for lang in LANGUAGES:
        if file.src_uri.endswith(f".{lang}.md"):
            return lang
    return DEFAULT_LANGUAGE


def _build_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE
