"""The published outputs in real Chromium: the QR code scans, the unzipped package works from file://."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ZBARIMG = shutil.which("zbarimg")


@pytest.mark.skipif(ZBARIMG is None, reason="zbarimg is missing (apt-get install -y zbar-tools)")
def test_qr_code_decodes_to_the_pupils_page(portal, chromium, tmp_path: Path) -> None:
    base, site = portal
    page = chromium.new_page()
    try:
        page.goto((site.site / "lessons/primary/safe-secrets/index.html").as_uri())
        code = page.locator(".lk-qr svg")
        box = code.bounding_box()
        assert box is not None and box["width"] >= 200  # big enough for a projected screen
        shot = tmp_path / "qr.png"
        code.screenshot(path=str(shot))
    finally:
        page.close()
    done = subprocess.run([ZBARIMG, "--quiet", "--raw", str(shot)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{base}lessons/primary/safe-secrets/quiz.html"


def test_unzipped_package_works_from_file(packaged_site, chromium) -> None:
    """Navigation, language switch, search and a quiz whose progress survives a reload, over file://."""
    top = packaged_site
    context = chromium.new_context()
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((top / "index.html").as_uri())
        page.locator(".md-nav--primary a[href$='lessons/primary/index.html']").first.click()
        assert page.url.endswith("lessons/primary/index.html")
        page.locator("a[href$='safe-secrets/quiz.html']").first.click()
        page.locator("#lk-q-1-1").check()
        page.get_by_role("button", name="Kiểm tra").first.click()
        page.wait_for_selector("#lk-q-1 .lk-question__result:not(:empty)")
        page.reload()
        assert page.locator("#lk-q-1-1").is_checked()  # saved progress, in this browser only
        with page.expect_navigation():
            page.locator(".md-select a[hreflang='en']").first.evaluate("a => a.click()")  # the language menu
        assert page.url.endswith("/en/lessons/primary/safe-secrets/quiz.html")
        assert page.get_attribute("html", "lang") == "en"
        page.goto((top / "index.html").as_uri())
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.keyboard.type("bi mat")  # Vietnamese without diacritics, on a Vietnamese page
        page.wait_for_selector(".md-search-result__item, [data-lk-search-result]", timeout=20_000)
    finally:
        context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def packaged_site(packaged) -> Path:
    _, unpacked = packaged
    [top] = list(unpacked.iterdir())
    return top
