"""Every level's booklet, printed by Chromium (docs/reference.en.md#booklet): a cover and the contents, then
each module's lesson plan (with the answer key), pupils' worksheet (without answers) and family sheet,
each part starting on a new A4 page; read back with pypdf.

On the repository's own site and on the lesson-plan sample project (tests/publish/lessonplan/). The page
counts are printed (``pytest -s``).
"""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from lessonkit.labels import labels_for
from lessonkit.model import Catalogue, load
from lessonkit.model.registry import Kind, Registry, SitePage
from lessonkit.quiz.strings import strings_for

from ..support import REPO, Build, build

SAMPLE = REPO / "tests" / "publish" / "lessonplan"
CATALOGUES = {"real": load(REPO), "sample": load(SAMPLE)}
PARTS = (("lesson", "booklet_lesson"), ("student", "booklet_student"), ("family", "booklet_family"))
RE_PAGE_NUMBER = re.compile(r"^\d+\s+")


def booklets(name: str) -> list:
    entries = Registry.build(CATALOGUES[name], ("vi", "en")).of_kind(Kind.BOOKLET)
    return [pytest.param(name, e, id=f"{name}-{e.lang}-{e.level}") for e in entries]


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("booklet") / "project"
    shutil.copytree(SAMPLE, project)
    result = build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def site(request: pytest.FixtureRequest, name: str) -> Build:
    return request.getfixturevalue("real_site" if name == "real" else "sample_site")


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())  # NFKC: the PDF's ligatures (ﬀ) as letters


def printed(chromium, path: Path) -> list[str]:
    """The text of each printed page, without its page number."""
    page = chromium.new_page()
    try:
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        page.close()
    return [RE_PAGE_NUMBER.sub("", normal(p.extract_text() or "")) for p in PdfReader(io.BytesIO(pdf)).pages]


def answers(catalogue: Catalogue, entry: SitePage) -> list[str]:
    """What only the answer key shows: its marks and every option's feedback."""
    quiz = strings_for(entry.lang)
    found = [normal(quiz["mark_answer"]), "✓"]
    for module in catalogue.by_level(entry.level or ""):
        for question in module.files[entry.lang].questions:
            found += [normal(re.sub(r"[*_`]", "", o.feedback)) for o in question.options]
    return found


@pytest.mark.parametrize(("name", "entry"), booklets("real") + booklets("sample"))
def test_each_part_starts_a_page_and_worksheets_hold_no_answers(chromium, site: Build, name, entry) -> None:
    catalogue = CATALOGUES[name]
    t = labels_for(entry.lang)
    pages = printed(chromium, site.site / entry.url("vi", False))
    title = normal(t["booklet_title"].format(level=catalogue.curriculum.levels[entry.level].name[entry.lang]))
    assert pages[0].startswith(title) and pages[1].startswith(normal(t["booklet_contents"]))
    starts: list[tuple[int, str, str]] = []  # (page, module, part) where each part starts
    for module in catalogue.by_level(entry.level or ""):
        module_title = normal(module.files[entry.lang].fields["title"])
        for kind, label in PARTS:
            if kind == "family" and not any(b.name == "family" for b in module.files[entry.lang].blocks):
                continue
            heading = normal(t["booklet_part"].format(label=t[label], title=module_title))
            found = [i for i, text in enumerate(pages) if text.startswith(heading)]
            assert len(found) == 1, f"{heading!r} starts {len(found)} pages"
            starts.append((found[0], module.id, kind))
    assert [s[0] for s in starts] == sorted(s[0] for s in starts) and len({s[0] for s in starts}) == len(starts)
    key = answers(catalogue, entry)
    ends = [s[0] for s in starts[1:]] + [len(pages)]
    for (first, module_id, kind), end in zip(starts, ends, strict=True):
        text = " ".join(pages[first:end])
        shown = [a for a in key if a and a in text]
        if kind == "student":
            assert not shown, f"{module_id}: the worksheet shows answers: {shown[:3]}"
        elif kind == "lesson" and CATALOGUES[name].by_level(entry.level or ""):
            assert normal(strings_for(entry.lang)["mark_answer"]) in text, f"{module_id}: no answer key"
    print(f"{name} {entry.url('vi', False)}: {len(pages)} pages for {len(starts)} parts")


@pytest.mark.parametrize(("name", "entry"), booklets("sample"))
def test_the_booklet_is_one_page_that_loads_nothing_from_another_host(chromium, site: Build, name, entry) -> None:
    page = chromium.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto((site.site / entry.url("vi", False)).as_uri())
        page.wait_for_load_state("load")
        ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
        assert len(ids) == len(set(ids)), "ids are not unique"
        assert page.locator("h1").count() == 1
        # A printout: the quiz script leaves the booklet's questions alone.
        assert page.locator("[data-lk-quiz='ready']").count() == 0
        assert page.locator(".lk-question__actions").first.is_hidden()
    finally:
        page.close()
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
    assert not errors, errors
