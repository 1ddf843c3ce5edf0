"""The preview's builder (lessonkit.preview.session.Preview) on the basic sample project, in-process:
what it redoes for one module is what a full strict build writes for that module's pages, byte for
byte; what the checker refuses stays out of the site and is shown instead; a page added or removed
takes a full build."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessonkit.preview.server import Served
from lessonkit.preview.session import Preview

from ..support import build

MODULE = Path("lessons/primary/safe-secrets")
PAGES = [
    f"{prefix}lessons/primary/safe-secrets/{name}"
    for prefix in ("", "en/")
    for name in ("index.html", "quiz.html", "family.html")
]


@pytest.fixture
def preview(basic_copy: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    found = Preview(basic_copy / "mkdocs.yml", Served(), ("vi", "en"))
    found.full_build()
    assert found.ready and found.served.state.site is not None
    yield found
    found.close()


def pages(site: Path) -> dict[str, bytes]:
    return {path: (site / path).read_bytes() for path in PAGES}


def test_a_module_redone_unchanged_is_the_full_build_byte_for_byte(preview: Preview, basic_copy: Path) -> None:
    site = preview.served.state.site
    assert site is not None
    before = pages(site)
    for path in PAGES:
        (site / path).write_text("stale", encoding="utf-8")
    assert preview.update({(basic_copy / MODULE).resolve()})
    assert pages(site) == before
    assert preview.served.state.updated == ("safe-secrets",)


def test_an_edited_module_is_what_a_strict_build_of_the_edit_publishes(
    preview: Preview, basic_copy: Path, tmp_path: Path
) -> None:
    vi = basic_copy / MODULE / "index.vi.md"
    en = basic_copy / MODULE / "index.en.md"
    vi.write_text(
        vi.read_text(encoding="utf-8")
        .replace("Mục tiêu: HS nhớ lại", "Mục tiêu: HS kể lại")
        .replace("Thông điệp chính:", "Thông điệp chính đã sửa:"),
        encoding="utf-8",
    )
    en.write_text(en.read_text(encoding="utf-8").replace("- [ ]", "- [ ]", 1), encoding="utf-8")
    assert preview.update({(basic_copy / MODULE).resolve()})
    site = preview.served.state.site
    assert site is not None
    published = build(basic_copy, site=tmp_path / "published")
    assert published.returncode == 0, published.output
    assert pages(site) == pages(published.site)
    assert "HS kể lại" in (site / "lessons/primary/safe-secrets/index.html").read_text(encoding="utf-8")


def test_a_module_with_an_error_is_shown_refused_and_comes_back(preview: Preview, basic_copy: Path) -> None:
    site = preview.served.state.site
    assert site is not None
    before = pages(site)
    vi = basic_copy / MODULE / "index.vi.md"
    good = vi.read_text(encoding="utf-8")
    vi.write_text(good.replace("duration: 35", "duration: 900"), encoding="utf-8")
    assert preview.update({(basic_copy / MODULE).resolve()})
    assert pages(site) == before  # nothing of the refused version reaches the site
    errors = preview.served.state.page_errors
    assert set(errors) == set(PAGES)
    refused = errors["en/lessons/primary/safe-secrets/quiz.html"]
    assert refused.where == MODULE.as_posix()
    assert any(line.startswith(f"{MODULE.as_posix()}/index.vi.md:6: error: ") for line in refused.lines["en"])
    assert refused.lines["vi"] != refused.lines["en"]  # each language's messages
    vi.write_text(good, encoding="utf-8")
    assert preview.update({(basic_copy / MODULE).resolve()})
    assert preview.served.state.page_errors == {}


def test_a_page_added_or_removed_takes_a_full_build(preview: Preview, basic_copy: Path) -> None:
    for lang in ("vi", "en"):
        path = basic_copy / MODULE / f"index.{lang}.md"
        text = path.read_text(encoding="utf-8")
        start = text.index("/// family")
        path.write_text(text[:start] + text[text.index("///\n", start + 4) + 4 :], encoding="utf-8")
    assert not preview.update({(basic_copy / MODULE).resolve()})
    preview.full_build()
    site = preview.served.state.site
    assert site is not None and not (site / "lessons/primary/safe-secrets/family.html").exists()


def test_a_failed_full_build_shows_the_checker_s_messages_in_each_language(preview: Preview, basic_copy: Path) -> None:
    old = preview.served.state.site
    vi = basic_copy / MODULE / "index.vi.md"
    vi.write_text(vi.read_text(encoding="utf-8").replace("level: primary", "level: nowhere"), encoding="utf-8")
    preview.full_build()
    state = preview.served.state
    assert state.site == old and old is not None and old.is_dir()  # the last good site is kept
    assert state.site_error is not None and not preview.ready
    assert any(": error: " in line and "index.vi.md" in line for line in state.site_error.lines["vi"])
    assert state.site_error.lines["vi"] != state.site_error.lines["en"]
    assert not preview.update({(basic_copy / MODULE).resolve()})  # nothing to redo from: a full build
