"""The same generator builds another curriculum with another help number, and a third language, with no
change to ``src/``: site specifics are data (helplines.yml, curriculum.yml, mkdocs.yml, catalogue files)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from lessonkit.strings import PACKAGE_LOCALES

from ..support import Build, build, copy_project

MODULES = [("primary", "swim-near-adults"), ("lower-secondary", "rip-currents"), ("upper-secondary", "rescue-basics")]


class Text(HTMLParser):
    """The text a reader sees (no script, style or SVG), and every attribute value a reader hears."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg"):
            self._skip += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "alt", "content", "href") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = Text()
    parser.feed(html)
    return " ".join(parser.parts)


def new_modules(project: Path) -> None:
    """Three modules from ``lessonkit new``, as an author starts them."""
    for level, module in MODULES:
        done = subprocess.run(
            [sys.executable, "-m", "lessonkit.cli.main", "--root", str(project), "new", level, module],
            capture_output=True,
            text=True,
            env={**os.environ},
        )
        assert done.returncode == 0, done.stdout + done.stderr


def build_as_started(project: Path) -> Build:
    """Build modules as ``lessonkit new`` left them: the scaffold's placeholders are warnings (a strict
    build refuses them), so the build is not strict, and they must be its only warnings."""
    result = build(project, strict=False)
    warnings = [line for line in result.output.splitlines() if line.startswith("WARNING")]
    assert warnings and all("is text from the 'lessonkit new' template" in line for line in warnings), warnings
    return result


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project("other_city", tmp_path_factory.mktemp("other"))
    new_modules(project)
    result = build_as_started(project)
    assert result.returncode == 0, result.output
    return result


def test_every_page_shows_only_its_own_help_number(other_site: Build) -> None:
    pages = sorted(other_site.site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        text = visible(path.read_text(encoding="utf-8"))
        assert not re.search(r"\b111\b", text), path.relative_to(other_site.site)
    for path in (
        "index.html",
        "lessons/primary/swim-near-adults/quiz.html",
        "en/lessons/upper-secondary/rescue-basics/index.html",
    ):
        assert re.search(r"\b112\b", visible(other_site.page(path))), path


def test_with_the_offline_plugin_nothing_of_the_themes_search_is_left(other_site: Build) -> None:
    assert not list(other_site.site.rglob("search_index.*"))
    for page in other_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "iframe-worker" not in html and "unpkg.com" not in html, page


def test_the_help_page_named_in_the_config_is_linked_from_every_page(other_site: Build) -> None:
    assert 'href="../../../ho-tro.html"' in other_site.page("lessons/primary/swim-near-adults/index.html")
    assert 'href="../../../../en/ho-tro.html"' not in other_site.page("en/lessons/primary/swim-near-adults/index.html")
    assert 'href="../../../ho-tro.html"' in other_site.page("en/lessons/primary/swim-near-adults/index.html")


def test_the_navigation_follows_the_sites_nav(other_site: Build) -> None:
    html = other_site.page("index.html")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    titles = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*(?:<span[^>]*>)?\s*([^<]+?)\s*<', nav)
    order = [t for t in titles if t in ("Tiểu học", "Tổng quan chương trình", "Hỗ trợ")]
    assert order[:1] == ["Tiểu học"] and order.index("Tổng quan chương trình") < order.index("Hỗ trợ")


# --- A third language: a catalogue file and a config entry -------------------------------------------

PSEUDO = "fr"  # a locale the theme knows; the texts are pseudo-translated, so any untranslated one shows


def pseudo(text: str) -> str:
    """``⟦text⟧`` with its ``{placeholders}`` kept: a pseudo-translation that shows what was translated."""
    return "⟦" + text + "⟧"


def add_pseudo_language(project: Path) -> None:
    # The catalogue file: every section of the English catalogue, pseudo-translated; the scaffold and the
    # format's words (the steps heading, "Aim:"…) stay English, as the module files below are English copies.
    source = yaml.safe_load((PACKAGE_LOCALES / "en.yml").read_text(encoding="utf-8"))
    catalogue = {
        section: {k: pseudo(v) if section not in ("scaffold", "format") else v for k, v in entries.items()}
        for section, entries in source.items()
    }
    (project / "locales").mkdir()
    (project / "locales" / f"{PSEUDO}.yml").write_text(yaml.safe_dump(catalogue, allow_unicode=True), encoding="utf-8")
    # The config entry.
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        - {locale: en, name: English, build: true}\n",
            "        - {locale: en, name: English, build: true}\n"
            f"        - {{locale: {PSEUDO}, name: Pseudo, build: true}}\n",
        ),
        encoding="utf-8",
    )
    # The site's own data and pages in the new language (written by its authors, copied from English here).
    for name in ("curriculum.yml", "helplines.yml"):
        path = project / "lessons" / name
        data = _with_language(yaml.safe_load(path.read_text(encoding="utf-8")))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for page in list((project / "docs").glob("*.en.md")) + list((project / "lessons").rglob("index.en.md")):
        page.with_name(page.name.replace(".en.md", f".{PSEUDO}.md")).write_text(
            page.read_text(encoding="utf-8"), encoding="utf-8"
        )


def _with_language(node: object) -> object:
    """Every ``{vi: …, en: …}`` text of a data file gets a pseudo-translated ``fr`` beside ``en``."""
    if isinstance(node, dict):
        out = {key: _with_language(value) for key, value in node.items()}
        if "en" in node and "vi" in node:
            english = node["en"]
            out[PSEUDO] = [pseudo(x) for x in english] if isinstance(english, list) else pseudo(str(english))
        return out
    if isinstance(node, list):
        return [_with_language(item) for item in node]
    return node


def test_a_third_language_is_a_catalogue_file_and_a_config_entry(tmp_path: Path) -> None:
    project = copy_project("other_city", tmp_path)
    new_modules(project)
    add_pseudo_language(project)
    result = build_as_started(project)
    assert result.returncode == 0, result.output
    lesson = result.page(f"{PSEUDO}/lessons/primary/swim-near-adults/index.html")
    assert f'<html lang="{PSEUDO}"' in lesson
    assert pseudo("Objectives") in lesson and pseudo("About this lesson") in lesson
    quiz = result.page(f"{PSEUDO}/lessons/primary/swim-near-adults/quiz.html")
    assert pseudo("Check") in quiz and "data-lk-strings" in quiz
    assert pseudo("Read aloud") in quiz or "lk-read" in quiz
    assert (result.site / f"{PSEUDO}/lessons/index.html").is_file() and (result.site / f"{PSEUDO}/404.html").is_file()
