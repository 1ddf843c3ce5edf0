"""plugin/publishing.py: the head of every page (alternates, canonical, JSON-LD), the QR code, and the
files written once (catalogue.json, sitemap.xml) and per language (GIFT), without building a site."""

from __future__ import annotations

import json
from pathlib import Path

from lessonkit.model import Catalogue
from lessonkit.model.registry import Kind, Registry
from lessonkit.plugin.publishing import Publisher

SITE = "https://portal.example/pc/"


def publisher(catalogue: Catalogue, registry: Registry, site_url: str | None = SITE) -> Publisher:
    pages = {"index.md": ["vi", "en"], "help.md": ["vi", "en"], "only-vi.md": ["vi"]}
    return Publisher(catalogue, registry, site_url, pages, False, {"vi": "Bài học", "en": "Lessons"})


def test_a_page_in_two_languages_names_both_and_x_default(catalogue: Catalogue, registry: Registry) -> None:
    head = publisher(catalogue, registry).head("help.md", "en", None)
    assert head["lk_canonical"] == SITE + "en/help.html"
    assert head["lk_alternates"] == [
        {"lang": "vi", "url": SITE + "help.html"},
        {"lang": "en", "url": SITE + "en/help.html"},
        {"lang": "x-default", "url": SITE + "help.html"},
    ]
    assert publisher(catalogue, registry).head("only-vi.md", "vi", None)["lk_alternates"] == []
    bare = publisher(catalogue, registry, None).head("help.md", "en", None)
    assert bare["lk_canonical"] is None and bare["lk_alternates"] == []


def test_module_pages_carry_json_ld_and_the_404_page_a_base(catalogue: Catalogue, registry: Registry) -> None:
    module = catalogue.modules[0]
    lesson = registry.find(Kind.LESSON, "vi", module)
    student = registry.find(Kind.STUDENT, "en", module)
    missing = registry.find(Kind.NOT_FOUND, "en")
    assert lesson is not None and student is not None and missing is not None
    made = publisher(catalogue, registry)
    assert '"@type":"LearningResource"' in made.head(lesson.site_path, "vi", lesson)["lk_jsonld"]
    assert '"@type":"Quiz"' in made.head(student.site_path, "en", student)["lk_jsonld"]
    head = made.head(missing.site_path, "en", missing)
    assert head["lk_base"] == "/pc/en/" and head["lk_canonical"] is None and head["lk_jsonld"] is None


def test_the_qr_code_points_to_the_pupils_page_only_with_a_site_url(catalogue: Catalogue, registry: Registry) -> None:
    module = catalogue.modules[0]
    lesson = registry.find(Kind.LESSON, "en", module)
    assert lesson is not None
    qr = publisher(catalogue, registry).qr(lesson)
    assert qr is not None and qr["url"] == SITE + f"en/lessons/{module.level}/{module.id}/quiz.html"
    assert qr["svg"].startswith("<svg ")
    assert publisher(catalogue, registry, None).qr(lesson) is None


def test_the_files_of_the_site_and_of_each_language(catalogue: Catalogue, registry: Registry, tmp_path: Path) -> None:
    made = publisher(catalogue, registry)
    made.write_site(tmp_path)
    made.write_language(tmp_path, "en")
    record = json.loads((tmp_path / "catalogue.json").read_text(encoding="utf-8"))
    assert [m["id"] for m in record["modules"]] == [m.id for m in catalogue.modules]
    sitemap = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert SITE + "help.html" in sitemap and "404.html" not in sitemap
    module = catalogue.modules[0]
    gift = tmp_path / "en" / "lessons" / module.level / f"{module.level}-en.gift"
    assert gift.is_file() and "Lessons" in gift.read_text(encoding="utf-8")
