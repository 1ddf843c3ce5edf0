"""``lessonkit serve`` through its real server, in its own process, on the basic sample project: a saved
edit shows, a broken lesson answers at once with the checker's messages in the page's language and
comes back when fixed, a new module appears in the navigation and its catalogue, a broken curriculum
shows on every page, and no request waits for a build."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from lessonkit.labels import labels_for

from ..support import PreviewProcess

LESSON = "lessons/primary/safe-secrets/index.html"
SOURCE = Path("lessons/primary/safe-secrets/index.vi.md")


@pytest.fixture
def preview(basic_copy: Path, tmp_path: Path) -> Iterator[PreviewProcess]:
    server = PreviewProcess(basic_copy, tmp_path / "serve.log")
    try:
        # At once, before the first build is done: a page saying so, never a request that waits.
        status, text = server.wait_for(LESSON, lambda status, text: True, 60)
        assert status == 200 and "__lessonkit/reload.js" in text
        server.wait_for(LESSON, lambda status, text: "Bí mật an toàn" in text)
        yield server
    finally:
        server.stop()


def edit(project: Path, path: Path, old: str, new: str) -> str:
    file = project / path
    before = file.read_text(encoding="utf-8")
    assert old in before
    file.write_text(before.replace(old, new), encoding="utf-8")
    return before


def test_a_saved_edit_shows_with_the_preview_s_banner(preview: PreviewProcess, basic_copy: Path) -> None:
    edit(basic_copy, SOURCE, "Mục tiêu: HS nhớ lại", "Mục tiêu: HS nhắc lại")
    _, text = preview.wait_for(LESSON, lambda status, text: "HS nhắc lại" in text)
    assert 'content="default-src' in text  # the page's own policy, as the build wrote it
    preview.wait_for(LESSON, lambda status, text: "safe-secrets" in text.split("lk-preview-banner", 1)[-1][:2000])
    _, english = preview.get("en/" + LESSON) or (0, "")
    assert "lk-preview-banner" in english and labels_for("en")["preview_name"] in english


def test_a_broken_lesson_shows_its_messages_and_comes_back(preview: PreviewProcess, basic_copy: Path) -> None:
    good = edit(basic_copy, SOURCE, "duration: 35", "duration: 900")
    wanted = re.compile(re.escape(SOURCE.as_posix()) + r":6: error: ")
    status, text = preview.wait_for(LESSON, lambda status, text: bool(wanted.search(text)))
    assert status == 500 and labels_for("vi")["preview_refused_title"] in text and 'lang="vi"' in text
    assert "__lessonkit/reload.js" in text
    _, english = preview.wait_for("en/lessons/primary/safe-secrets/quiz.html", lambda s, t: bool(wanted.search(t)))
    assert labels_for("en")["preview_refused_title"] in english and 'lang="en"' in english
    assert preview.get("lessons/upper-secondary/job-offers/index.html")[0] == 200  # type: ignore[index]
    (basic_copy / SOURCE).write_text(good, encoding="utf-8")
    preview.wait_for(LESSON, lambda status, text: status == 200 and "Bí mật an toàn" in text)


def test_a_new_module_appears_in_the_navigation_and_its_catalogue(preview: PreviewProcess, basic_copy: Path) -> None:
    shutil.copytree(basic_copy / "lessons/primary/safe-secrets", basic_copy / "lessons/primary/new-module")
    for lang in ("vi", "en"):
        path = Path(f"lessons/primary/new-module/index.{lang}.md")
        title = "Bí mật an toàn" if lang == "vi" else "Safe secrets"
        edit(basic_copy, path, f"title: {title}", f"title: {title} 2")
    for where, title in (("", "Bí mật an toàn 2"), ("en/", "Safe secrets 2")):
        _, catalogue = preview.wait_for(f"{where}lessons/primary/index.html", lambda s, t: "new-module/index.html" in t)
        assert title in catalogue
        _, page = preview.wait_for(f"{where}lessons/primary/new-module/index.html", lambda s, t: s == 200)
        menu = page[page.index('class="md-nav md-nav--primary"') :]
        assert re.search(
            r'<a href="index\.html" class="md-nav__link md-nav__link--active">\s*<span class="md-ellipsis">\s*'
            + re.escape(title),
            menu,
        ), menu[:3000]
    # Saved again, the new module is redone on its own like the others.
    edit(basic_copy, Path("lessons/primary/new-module/index.vi.md"), "Mục tiêu: HS nhớ lại", "Mục tiêu: HS mới")
    preview.wait_for("lessons/primary/new-module/index.html", lambda s, t: "HS mới" in t)


def test_a_broken_curriculum_shows_on_every_page_and_comes_back(preview: PreviewProcess, basic_copy: Path) -> None:
    good = edit(basic_copy, Path("lessons/curriculum.yml"), "levels:", "levelz:")
    status, text = preview.wait_for("en/index.html", lambda s, t: "lessons/curriculum.yml:" in t and ": error: " in t)
    assert status == 500 and labels_for("en")["preview_site_refused_title"] in text
    (basic_copy / "lessons/curriculum.yml").write_text(good, encoding="utf-8")
    preview.wait_for("en/index.html", lambda s, t: s == 200 and "lk-preview-banner" in t)
