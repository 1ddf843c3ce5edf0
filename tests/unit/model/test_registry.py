"""model/registry.py: the page kinds, the pages of a catalogue and their addresses."""

from __future__ import annotations

import pytest

from lessonkit.model import Catalogue
from lessonkit.model.registry import KINDS, SITE_LESSONS, Kind, Registry, Scope, address, module_dir


@pytest.mark.parametrize(
    ("path", "lang", "directory_urls", "expected"),
    [
        ("index.md", "vi", False, "index.html"),
        ("index.md", "en", True, "en/"),
        ("help.md", "vi", False, "help.html"),
        ("help.md", "en", True, "en/help/"),
        ("lessons/primary/x/index.md", "en", False, "en/lessons/primary/x/index.html"),
        ("lessons/primary/x/index.md", "vi", True, "lessons/primary/x/"),
        ("lessons/primary/x/quiz.md", "vi", True, "lessons/primary/x/quiz/"),
        ("404.md", "vi", True, "404.html"),  # where a server looks for it, with directory URLs too
        ("404.md", "en", False, "en/404.html"),
    ],
)
def test_addresses_as_mkdocs_with_static_i18n_writes_them(path, lang, directory_urls, expected) -> None:
    assert address(path, lang, "vi", directory_urls) == expected


def test_each_kind_is_one_record() -> None:
    assert len({k.value for k in KINDS}) == len(KINDS)
    assert all(k.path.endswith(".md") for k in KINDS)
    hidden = {k for k in KINDS if not k.in_nav}
    assert hidden == {Kind.STUDENT, Kind.FAMILY, Kind.NOT_FOUND}
    assert {k for k in KINDS if not k.in_search} == hidden | {Kind.CATALOGUE, Kind.OVERVIEW}
    assert [k for k in KINDS if k.relocated] == [Kind.LESSON]
    assert str(Kind.NOT_FOUND) == "not-found" and Kind.LESSON.path.startswith(SITE_LESSONS + "/")


def test_the_pages_of_a_catalogue_in_order(catalogue: Catalogue, registry: Registry) -> None:
    module = catalogue.modules[0]
    levels = list(catalogue.curriculum.levels) if catalogue.curriculum else []
    per_language = 2 + len(levels)
    assert len(registry) == 2 * per_language + 2 * 3 * len(catalogue.modules)
    first = [(p.kind, p.lang, p.site_path) for p in list(registry)[:per_language]]
    assert first[:2] == [(Kind.OVERVIEW, "vi", "lessons/index.md"), (Kind.NOT_FOUND, "vi", "404.md")]
    assert first[2] == (Kind.CATALOGUE, "vi", f"lessons/{levels[0]}/index.md")
    lesson = registry.find(Kind.LESSON, "en", module)
    assert lesson is not None and lesson.source == module.files["en"].path and lesson.in_nav and lesson.in_search
    assert lesson.src_uri == f"lessons/{module.level}/{module.id}/index.en.md"
    assert lesson.url("vi", False) == f"en/lessons/{module.level}/{module.id}/index.html"
    student = registry.find(Kind.STUDENT, "vi", module.id)
    assert student is not None and student.source is None and not student.in_nav
    assert registry.get(student.src_uri) is student
    assert registry.find(Kind.CATALOGUE, "vi", level=module.level) is not None
    assert len(registry.of_kind(Kind.FAMILY, "en")) == len(catalogue.modules)
    assert f"{module_dir(module)}/quiz.md" in registry.site_paths()


def test_a_site_with_its_own_404_page_and_a_kind_that_needs_a_block(catalogue: Catalogue) -> None:
    assert not Registry.build(catalogue, ("vi", "en"), not_found=False).of_kind(Kind.NOT_FOUND)
    needs = Kind("needs", "lessons/{level}/{id}/needs.md", Scope.MODULE, block="no-such-block")
    level = Kind("per-level", "lessons/{level}/more.md", Scope.LEVEL)
    built = Registry.build(catalogue, ("en",), kinds=[needs, level])
    assert not built.of_kind(needs) and len(built.of_kind(level)) == len(catalogue.curriculum.levels)
    assert {p.lang for p in built} == {"en"}
