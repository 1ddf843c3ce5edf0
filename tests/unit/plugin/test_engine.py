"""plugin/engine.py: the one module that touches MkDocs', static-i18n's and the theme's objects, pinned
to the versions it was written for."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section

from lessonkit.plugin.engine import (
    WRITTEN_FOR,
    add_theme_dir,
    drop_worker_shims,
    escape_title,
    keep_as_404_html,
    page_language,
    page_text,
    put_in_menu,
    search_excluded,
    site_languages,
    site_names,
    strip_language,
)

from ...support import PROJECTS


@pytest.mark.parametrize("dist", sorted(WRITTEN_FOR))
def test_the_engine_is_the_one_the_adapter_was_written_for(dist: str) -> None:
    assert version(dist) == WRITTEN_FOR[dist], (
        f"{dist} {version(dist)} is installed; plugin/engine.py was written for {WRITTEN_FOR[dist]}: "
        "review what it touches, then raise the version here and in pyproject.toml"
    )


def test_the_languages_come_from_static_i18n() -> None:
    config = load_config(str(PROJECTS / "basic" / "mkdocs.yml"))
    assert site_languages(config) == ("vi", "en")
    assert site_names(config, ("vi", "en")) == {"vi": "Sample lessons", "en": "Sample lessons"}
    add_theme_dir(config, Path("/x/theme"))
    add_theme_dir(config, Path("/x/theme"))
    assert config.theme.dirs.count("/x/theme") == 1 and config.theme.dirs[0] == "/x/theme"


def test_a_pages_language_and_its_language_free_path() -> None:
    assert page_language(SimpleNamespace(locale="en", src_uri="a.vi.md"), ("vi", "en")) == "en"
    assert page_language(SimpleNamespace(src_uri="lessons/x/quiz.en.md"), ("vi", "en")) == "en"
    assert page_language(SimpleNamespace(src_uri="other.md"), ("vi", "en")) == "vi"
    assert strip_language("lessons/x/index.en.md", ("vi", "en")) == "lessons/x/index.md"
    assert strip_language("assets/a.css", ("vi", "en")) == "assets/a.css"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_404_page_stays_at_404_html(tmp_path: Path, prefix: str) -> None:
    file = File("404.md", str(tmp_path / "docs"), str(tmp_path / "site"), True, dest_uri=f"{prefix}404/index.html")
    keep_as_404_html(file)
    assert (file.dest_uri, file.url) == (f"{prefix}404.html", f"{prefix}404.html")
    assert Path(file.abs_dest_path) == tmp_path / "site" / f"{prefix}404.html"
    other = File("help.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    keep_as_404_html(other)
    assert other.dest_uri == "help/index.html"


def test_no_worker_shim_from_another_host() -> None:
    config = SimpleNamespace(extra={"polyfills": ["https://unpkg.com/iframe-worker/shim", "local.js"]})
    drop_worker_shims(config)  # type: ignore[arg-type]
    assert config.extra["polyfills"] == ["local.js"]


def test_a_menu_item_is_put_in_place_inside_sections() -> None:
    old, new = SimpleNamespace(), SimpleNamespace()
    inner = Section("Levels", [SimpleNamespace(), old])
    items = [SimpleNamespace(), inner]
    assert put_in_menu(items, {id(old)}, new) and inner.children[1] is new
    assert not put_in_menu(items, {id(old)}, new)


def page(title: str, content: str, meta: dict) -> SimpleNamespace:
    return SimpleNamespace(title=title, content=content, meta=meta)


def test_titles_are_escaped_for_the_theme_and_read_back_as_text() -> None:
    shown = page("", "", {"title": "Bạn & <em>tôi</em>"})
    escape_title(shown)  # type: ignore[arg-type]
    assert shown.meta["title"] == "Bạn &amp; &lt;em&gt;tôi&lt;/em&gt;"
    shown.title = shown.meta["title"]
    assert page_text(shown)()[0] == "Bạn & <em>tôi</em>"  # type: ignore[arg-type]


def test_the_search_reads_exclude_and_the_themes_search_skips_every_page() -> None:
    kept = page("A", "<p>trước</p>", {"description": "Mô tả"})
    hidden = page("B", "<p>ẩn</p>", {"search": {"exclude": True, "boost": 2}})
    assert not search_excluded(kept) and search_excluded(hidden)  # type: ignore[arg-type]
    assert kept.meta["search"] == {"exclude": True} and hidden.meta["search"] == {"exclude": True, "boost": 2}
    read = page_text(kept)  # type: ignore[arg-type]
    kept.content = "<p>sau</p>"  # what later plugins made of the page
    assert read() == ("A", "<p>sau</p>", "Mô tả")
