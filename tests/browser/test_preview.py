"""The preview in Chromium, through the real ``lessonkit serve``: a saved edit reloads the open page by
itself under the site's Content-Security-Policy (the reload script is a file of the server's own
origin), a broken lesson turns the open page into its messages and the fixed lesson brings it back,
with no console error on the way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lessonkit.labels import labels_for

from ..support import PreviewProcess, copy_project

LESSON = "lessons/primary/safe-secrets/index.html"
SOURCE = Path("lessons/primary/safe-secrets/index.vi.md")
WAIT_MS = 300_000  # a loaded machine; the figures are the benchmark's (scripts/bench_preview.py)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project("basic", tmp_path)


@pytest.fixture
def preview(project: Path, tmp_path: Path) -> Iterator[PreviewProcess]:
    server = PreviewProcess(project, tmp_path / "serve.log")
    try:
        server.wait_for(LESSON, lambda status, text: "Bí mật an toàn" in text)
        yield server
    finally:
        server.stop()


def test_an_edit_reloads_the_open_page_and_a_broken_lesson_shows_then_recovers(
    chromium, preview: PreviewProcess, project: Path
) -> None:
    page = chromium.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto(preview.base + LESSON)
        page.wait_for_load_state("load")
        page.evaluate("window.__notReloaded = true")
        source = project / SOURCE
        good = source.read_text(encoding="utf-8")
        source.write_text(good.replace("Mục tiêu: HS nhớ lại", "Mục tiêu: HS nhắc lại"), encoding="utf-8")
        page.wait_for_function(
            "() => !window.__notReloaded && document.body.innerText.includes('HS nhắc lại')", timeout=WAIT_MS
        )
        assert labels_for("vi")["preview_name"] in page.inner_text(".lk-preview-banner")

        page.evaluate("window.__notReloaded = true")
        source.write_text(good.replace("duration: 35", "duration: 900"), encoding="utf-8")
        page.wait_for_selector(".lk-preview-messages", timeout=WAIT_MS)
        assert page.evaluate("!window.__notReloaded")
        assert page.title() == labels_for("vi")["preview_refused_title"]
        assert f"{SOURCE.as_posix()}:6: error:" in page.inner_text(".lk-preview-messages")

        source.write_text(good, encoding="utf-8")
        page.wait_for_selector("article.md-content__inner", timeout=WAIT_MS)
        assert "HS nhớ lại" in page.inner_text("article")
    finally:
        page.close()
    # The page of messages answers 500 (the page cannot be built), which Chromium notes; nothing else.
    assert [p for p in problems if "status of 500" not in p] == []
