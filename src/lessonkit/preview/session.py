"""The preview's builder: one process that keeps the site's build in memory and redoes what a save asks.

:meth:`Preview.full_build` builds the whole site with MkDocs as the build for publishing does (the same
``mkdocs.yml``, plugins and templates; every language), into a new folder, keeping each language's
files, navigation and templates (the plugin's :meth:`~lessonkit.plugin.plugin.LessonkitPlugin.keep_for_preview`).
:meth:`Preview.update` then redoes one module: its files checked again by the checker's rules, its pages
re-rendered in every language with that state (the plugin's ``update_module``). What the checker
refuses is shown in the browser instead of the page, in the page's language; warnings, which a strict
build refuses, in the banner. A failed full build shows its messages on every page; the next save
builds again.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from ..model import Problem
from ..plugin.plugin import LessonkitPlugin
from .changes import Layout
from .server import Refused, Served

log = logging.getLogger("lessonkit.preview")
PLUGIN = "lessonkit"


class _Collect(logging.Handler):
    """The warnings and errors MkDocs and the plugins log while the preview builds."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def lines(self, level: int) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == level]


@contextmanager
def _collected() -> Iterator[_Collect]:
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def _clock() -> str:
    return time.strftime("%H:%M:%S")


class Preview:
    """The site's build kept between saves, and what it tells the server (:class:`~.server.Served`)."""

    def __init__(self, config_file: Path, served: Served, languages: tuple[str, ...], console_lang: str = "en") -> None:
        self.config_file = config_file.resolve()
        self.root = self.config_file.parent
        self.served = served
        self.languages = languages
        #: The language of the messages printed in the console (the checker's ``--lang``).
        self.console_lang = console_lang
        self.config: MkDocsConfig | None = None
        self.plugin: LessonkitPlugin | None = None
        self._sites = Path(tempfile.mkdtemp(prefix="lessonkit-preview-"))
        self._count = 0

    @property
    def ready(self) -> bool:
        """Whether the last full build worked: only then can one module be redone on its own."""
        return self.plugin is not None and self.served.state.site_error is None

    def close(self) -> None:
        if self.config is not None:
            self.config.plugins.on_shutdown()
        shutil.rmtree(self._sites, ignore_errors=True)

    # -- the whole site --------------------------------------------------------------------------

    def full_build(self) -> None:
        """Build the whole site into a new folder; serve it once done (the old one until then)."""
        self.served.change(building=True)
        self._count += 1
        site = self._sites / f"site-{self._count}"
        started = time.perf_counter()
        plugin: LessonkitPlugin | None = None
        with _collected() as logged:
            try:
                config = load_config(config_file=str(self.config_file), site_dir=str(site))
                found = config.plugins.get(PLUGIN)
                if not isinstance(found, LessonkitPlugin):
                    raise RuntimeError(f"{self.config_file.name}: the '{PLUGIN}' plugin is not in 'plugins:'")
                plugin = found
                plugin.keep_for_preview()
                config.plugins.on_startup(command="build", dirty=False)
                build(config)
            except (Exception, SystemExit) as error:  # every failure is shown, none stops the preview
                self._refuse_site(plugin, logged, error)
                shutil.rmtree(site, ignore_errors=True)
                return
        old = self.served.state.site
        if self.config is not None:
            self.config.plugins.on_shutdown()
        self.config, self.plugin = config, plugin
        self.served.change(
            site=site,
            building=False,
            site_error=None,
            page_errors={},
            built_at=_clock(),
            updated=(),
            warnings=tuple(logged.lines(logging.WARNING)),
        )
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        log.info("Built the whole site in %.1f s", time.perf_counter() - started)

    def _refuse_site(self, plugin: LessonkitPlugin | None, logged: _Collect, error: BaseException) -> None:
        """Every page shows why the site cannot be built: the checker's problems in each language,
        else what MkDocs or a plugin said."""
        problems: list[Problem] = plugin.problems if plugin is not None else []
        if any(p.is_error for p in problems):
            lines = {lang: [p.format(lang) for p in problems] for lang in self.languages}
        else:
            said = logged.lines(logging.ERROR) or [str(error) or type(error).__name__]
            lines = {lang: said for lang in self.languages}
        for line in (
            [p.format(self.console_lang) for p in problems]
            if any(p.is_error for p in problems)
            else lines[self.languages[0]]
        ):
            log.error(line)
        self.plugin = None
        self.served.change(building=False, site_error=Refused(lines))

    # -- one module ------------------------------------------------------------------------------

    def layout(self, package: Path) -> Layout:
        """What to watch, and which files belong to which module of the last build."""
        plugin = self.plugin
        lessons = self.root / (plugin.config.lessons_dir if plugin else "lessons")
        inputs = [self.root / "docs", self.root / "overrides", lessons / "curriculum.yml"]
        if plugin is not None and self.config is not None:
            inputs = [
                Path(self.config.docs_dir),
                self.root / plugin.config.helplines,
                self.root / plugin.config.locales_dir,
            ]
            inputs.append(lessons / "curriculum.yml")
            if self.config.theme.custom_dir:
                inputs.append(Path(self.config.theme.custom_dir))
        return Layout(
            root=self.root,
            lessons_dir=lessons.resolve(),
            config_file=self.config_file,
            site_inputs=tuple(p.resolve() for p in inputs),
            package=package.resolve(),
            modules=plugin.module_files() if plugin is not None and self.ready else {},
        )

    def update(self, folders: set[Path]) -> bool:
        """Redo the modules in ``folders``; False when that takes a full build (a page added or removed)."""
        plugin = self.plugin
        if plugin is None or not self.ready:
            return False
        state = self.served.state
        page_errors = dict(state.page_errors)
        updated = list(state.updated)
        warnings: list[str] = []
        started = time.perf_counter()
        with _collected() as logged:
            for folder in sorted(folders):
                try:
                    done = plugin.update_module(folder)
                except Exception as error:  # a template or Markdown failure is shown, never fatal
                    said = [line for line in str(error).splitlines() if line.strip()] or [type(error).__name__]
                    for line in said:
                        log.error(line)
                    rel = folder.relative_to(self.root).as_posix() if folder.is_relative_to(self.root) else folder.name
                    refused = Refused({lang: said for lang in self.languages}, rel)
                    for url in plugin.module_urls(folder):
                        page_errors[url] = refused
                    continue
                if done.needs_full_build:
                    return False
                for url in done.urls:
                    page_errors.pop(url, None)
                errors = [p for p in done.problems if p.is_error]
                if errors:
                    refused = Refused(
                        {lang: [p.format(lang) for p in done.problems] for lang in self.languages}, done.rel
                    )
                    for problem in done.problems:
                        log.error(problem.format(self.console_lang))
                    for url in done.urls:
                        page_errors[url] = refused
                    continue
                warnings += [p.format() for p in done.problems]
                if done.module_id not in updated:
                    updated.append(done.module_id)
        warnings += logged.lines(logging.WARNING)
        self.served.change(page_errors=page_errors, updated=tuple(updated), warnings=tuple(warnings))
        log.info("Redid %s in %.2f s", ", ".join(f.name for f in sorted(folders)), time.perf_counter() - started)
        return True
