"""plugin/pages.py: the Markdown of generated pages and the values each kind's template shows."""

from __future__ import annotations

import yaml

from lessonkit.labels import labels_for
from lessonkit.model import Catalogue
from lessonkit.model.helplines import Helplines, Hotline
from lessonkit.model.registry import Kind, Registry
from lessonkit.plugin.pages import (
    PageRequest,
    catalogue_context,
    catalogue_page,
    catalogue_record,
    family_markdown,
    front_matter,
    lesson_context,
    module_facts,
    not_found_context,
    overview_context,
    student_markdown,
)


def meta(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n")[1])


def test_front_matter_is_yaml_whatever_the_title_says() -> None:
    text = "\n".join(front_matter('Bài: "một"\n# hai', "mô tả  dài", hidden=True))
    assert meta(text) == {"title": 'Bài: "một" # hai', "description": "mô tả dài", "search": {"exclude": True}}
    assert meta("\n".join(front_matter("T"))) == {"title": "T"}


def test_the_pupils_and_family_pages_take_their_blocks(catalogue: Catalogue) -> None:
    lesson = catalogue.modules[0].files["vi"]
    student = student_markdown(lesson, "vi")
    assert meta(student)["title"] == labels_for("vi")["student_title"].format(title=lesson.fields["title"])
    assert "/// teacher" not in student and student.count("/// quiz") == len(lesson.questions)
    family = family_markdown(lesson, "en")
    assert "/// family" in family and family.rstrip().endswith("/// helplines\n///")
    assert "/// quiz" not in family


def test_a_lesson_card_and_its_links(catalogue: Catalogue, registry: Registry) -> None:
    module = catalogue.modules[0]
    entry = registry.find(Kind.LESSON, "en", module)
    assert entry is not None and catalogue.curriculum is not None

    def link(target):
        return f"→{target.kind}"

    context = lesson_context(PageRequest(entry, catalogue, registry, link=link))
    assert context["facts"] == module_facts(module.files["en"], catalogue.curriculum, "en")
    assert context["facts"][0][0] == labels_for("en")["level"]
    assert (context["student_url"], context["family_url"], context["qr"]) == ("→student", "→family", None)
    assert context["objectives"] == module.files["en"].fields["objectives"]


def test_a_catalogue_lists_its_level_and_its_moodle_file(catalogue: Catalogue, registry: Registry) -> None:
    module = catalogue.modules[0]
    entry = registry.find(Kind.CATALOGUE, "vi", level=module.level)
    assert entry is not None and catalogue.curriculum is not None
    request = PageRequest(entry, catalogue, registry, link=lambda target: target.site_path if target else None)
    assert meta(catalogue_page(request))["title"] == catalogue.curriculum.levels[module.level].name["vi"]
    context = catalogue_context(request)
    assert [m["id"] for m in context["modules"]] == [m.id for m in catalogue.by_level(module.level)]
    assert context["gift_url"] == context["gift_name"] == f"{module.level}-vi.gift"


def test_the_coverage_shows_every_grade_and_topic_gaps_included(catalogue: Catalogue, registry: Registry) -> None:
    cur = catalogue.curriculum
    assert cur is not None
    context = overview_context(catalogue.modules, cur, "en", registry, lambda target: None)
    assert context["count"] == 3 and len(context["matrix"]) == len(cur.topics)
    assert context["grades"] == [g for level in cur.levels.values() for g in level.grades]
    assert any(not cell["modules"] for row in context["matrix"] for cell in row["cells"])  # a gap shows


def test_the_404_page_says_who_to_tell(catalogue: Catalogue, registry: Registry) -> None:
    entry = registry.find(Kind.NOT_FOUND, "en")
    assert entry is not None
    help_lines = Helplines([Hotline("111", {"en": "Hotline"}, {"en": "Free"})])
    context = not_found_context(PageRequest(entry, catalogue, registry, help_lines, home_url="index.html"))
    assert context["home_url"] == "index.html" and context["help_url"] is None
    assert 'href="tel:111"' in context["sentence"]
    assert not_found_context(PageRequest(entry, catalogue, registry))["sentence"] == ""


def test_the_machine_readable_catalogue(catalogue: Catalogue, registry: Registry) -> None:
    assert catalogue.curriculum is not None
    record = catalogue_record(catalogue.modules, catalogue.curriculum, registry, False, "https://p.example/")
    assert record["languages"] == ["vi", "en"] and record["site_url"] == "https://p.example/"
    first = record["modules"][0]
    module = catalogue.modules[0]
    assert first["url"] == {
        "vi": f"lessons/{module.level}/{module.id}/index.html",
        "en": f"en/lessons/{module.level}/{module.id}/index.html",
    }
    assert set(first["title"]) == {"vi", "en"} and first["questions"] == len(module.files["vi"].questions)
