"""The repository's own site, built with --strict: every module of lessons/ at both URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessonkit.model import load

from ..support import Build
from .test_build import anchors

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = load(REPO)


@pytest.mark.parametrize("module", CATALOGUE.modules, ids=lambda m: f"{m.level}/{m.id}")
def test_every_module_is_published_in_both_languages(real_site: Build, module) -> None:
    for prefix, lang in (("", "vi"), ("en/", "en")):
        for page in ("index.html", "quiz.html"):
            path = real_site.site / f"{prefix}lessons/{module.level}/{module.id}/{page}"
            assert path.is_file(), path
            html = path.read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html
            assert html.count('data-lk-question=""') == len(module.files[lang].questions)


def test_every_level_has_a_catalogue_listing_its_modules(real_site: Build) -> None:
    cur = CATALOGUE.curriculum
    assert cur is not None
    for level in cur.levels:
        html = real_site.page(f"lessons/{level}/index.html")
        for module in CATALOGUE.by_level(level):
            links = {(a["href"], " ".join(a["text"].split())) for a in anchors(html)}
            assert (f"{module.id}/index.html", module.files["vi"].fields["title"]) in links


def test_site_pages_exist_in_both_languages(real_site: Build) -> None:
    for name in ("index", "help", "about", "teacher-guide", "authoring", "reference"):
        assert (real_site.site / f"{name}.html").is_file()
        assert (real_site.site / f"en/{name}.html").is_file()
