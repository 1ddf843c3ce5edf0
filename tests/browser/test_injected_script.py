"""Under the site's Content-Security-Policy a script that content put into a page does not run in
Chromium, while the site's own scripts do (docs/reference.en.md#page-safety).

The sample project is built with page safety's refusals off (:func:`tests.support.lenient_build`), so
that an inline script and an event attribute reach the lesson's pupils' page, as if the checker and the
build had missed them; the browser must refuse both and still run the quiz.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..support import copy_project, lenient_build
from .conftest import QuizPage

MODULE = "lessons/primary/safe-secrets"
INJECTED = (
    "<script>document.documentElement.dataset.lkInjected = 'script'</script>\n\n"
    '<img src="missing.png" alt="x" onerror="document.documentElement.dataset.lkInjected = \'onerror\'">'
)


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory) -> Path:
    project = copy_project("basic", tmp_path_factory.mktemp("injected"))
    page = project / MODULE / "index.vi.md"
    text = page.read_text(encoding="utf-8")
    anchor = "Thông điệp chính: THONG-DIEP-HOC-SINH."
    assert anchor in text
    page.write_text(text.replace(anchor, f"{anchor}\n\n{INJECTED}\n", 1), encoding="utf-8")
    done = lenient_build(project)
    assert done.returncode == 0, done.output
    assert "lkInjected = 'script'" in (done.site / MODULE / "quiz.html").read_text(encoding="utf-8")
    return done.site


def test_an_injected_script_does_not_run_but_the_quiz_does(browser, injected_site):
    page = QuizPage(browser, (injected_site / MODULE / "quiz.html").as_uri(), "vi", "file")
    try:
        page.open(wait=True)  # the site's own quiz script ran
        page.page.wait_for_load_state("load")
        assert page.page.evaluate("document.documentElement.dataset.lkInjected") is None
        refused = [e for e in page.errors if "Content Security Policy" in e]
        assert len(refused) >= 2, page.errors  # the inline script and the event attribute
    finally:
        page.close()
