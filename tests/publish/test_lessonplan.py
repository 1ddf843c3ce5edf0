"""The lesson-plan documents (docs/reference.en.md#lesson-plan): every module's ``.docx`` in both languages,
read back with python-docx.

Two catalogues: the repository's own lessons (every document the site publishes) and the sample project
``tests/publish/lessonplan/`` (one module per level, with tables, nested and numbered lists, images,
details blocks, several right answers), whose outlines are golden files.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader

from lessonkit.model import Catalogue, Module, load
from lessonkit.model.vocabulary import OBJECTIVE_KINDS, STEP_KINDS, vocabulary
from lessonkit.publish.lessonplan import PERIOD_MINUTES, LessonPlans, frame_of, lesson_plan_docx, words

from ..support import REPO, build
from .docx_reader import headings, items, open_docx, outline

SAMPLE = Path(__file__).parent / "lessonplan"
GOLDEN = Path(__file__).parent / "golden"
EPOCH = 1_750_000_000  # 2025-06-15 15:06:40 UTC
CREATOR = {"vi": "Trường mẫu", "en": "Sample school"}


@cache
def catalogue(root: Path) -> Catalogue:
    return load(root)


@cache
def document(root: Path, module_id: str, lang: str, epoch: int = EPOCH) -> bytes:
    cat = catalogue(root)
    module = next(m for m in cat.modules if m.id == module_id)
    assert cat.curriculum is not None
    return lesson_plan_docx(module, lang, cat.curriculum, epoch=epoch, creator=CREATOR[lang])


def every_document() -> list:
    params = []
    for root, name in ((REPO, "real"), (SAMPLE, "sample")):
        for module in catalogue(root).modules:
            for lang in module.files:
                params.append(pytest.param(root, module.id, lang, id=f"{name}-{module.id}-{lang}"))
    return params


def module_of(root: Path, module_id: str) -> Module:
    return next(m for m in catalogue(root).modules if m.id == module_id)


def frame(root: Path, module: Module) -> str:
    cur = catalogue(root).curriculum
    assert cur is not None
    return frame_of(cur.levels.get(module.level))


def w(lang: str, frame_name: str, key: str, **values: object) -> str:
    table = words(lang)
    text = table.get(f"{frame_name}.{key}", table.get(key, ""))
    return text.format(**values)


# -- every document ---------------------------------------------------------------------------------


@pytest.mark.parametrize("root, module_id, lang", every_document())
def test_the_sections_follow_the_ministrys_frame(root, module_id, lang):
    """Top-level headings in the frame's order, then the safeguarding note and the appendix; under
    I. the three groups of objectives (secondary); under III. the four activities in order."""
    module = module_of(root, module_id)
    kind = frame(root, module)
    found = headings(open_docx(document(root, module_id, lang)))
    top = [text for level, text in found if level == 1]
    wanted = [w(lang, kind, "objectives"), w(lang, kind, "equipment"), w(lang, kind, "process")]
    if kind == "primary":
        wanted.append(w(lang, kind, "adjustments"))
    assert top[: len(wanted)] == wanted
    assert top[len(wanted) :] == [top[len(wanted)], w(lang, kind, "appendix")]  # the safeguarding note, the appendix
    assert found[0][0] == 0 and found[0][1].endswith(module.files[lang].fields["title"].strip())
    spans = {text: i for i, (level, text) in enumerate(found) if level == 1}
    under_i = [t for level, t in found[spans[wanted[0]] + 1 : spans[wanted[1]]] if level == 2]
    if kind == "secondary":
        assert under_i == [w(lang, kind, f"objectives_{key}") for key in OBJECTIVE_KINDS]
    else:
        assert under_i == []
    process = found[spans[wanted[2]] + 1 : spans[top[len(wanted) - (0 if kind == "secondary" else 1)]]]
    activities = [t for level, t in process if level == 2]
    names = vocabulary(lang).kinds
    assert [re.sub(r" \(.*\)$", "", t) for t in activities] == [
        w(lang, kind, "activity", n=n, kind=names[key], minutes=0, unit="").split(" (")[0]
        for n, key in enumerate(STEP_KINDS, start=1)
    ]


@pytest.mark.parametrize("root, module_id, lang", every_document())
def test_every_step_is_in_its_activity_with_its_minutes_and_parts(root, module_id, lang):
    module = module_of(root, module_id)
    kind = frame(root, module)
    page = module.files[lang]
    vocab = vocabulary(lang)
    found = headings(open_docx(document(root, module_id, lang)))
    steps = [(i, t) for i, (level, t) in enumerate(found) if level == 3]
    assert [t for _, t in steps] == [
        w(lang, kind, "step", number=s.number, title=s.title, minutes=s.minutes, unit=vocab.unit(s.minutes))
        for s in page.steps
    ]
    assert len(steps) == len(page.steps) >= 4
    for (index, _), step in zip(steps, page.steps, strict=True):
        activity = next(t for level, t in reversed(found[:index]) if level == 2)
        assert activity.startswith(
            w(
                lang,
                kind,
                "activity",
                n=STEP_KINDS.index(step.kind) + 1,
                kind=vocab.kinds[step.kind],
                minutes=0,
                unit="",
            ).split(" (")[0]
        )
        assert [t for _, t in found[index + 1 : index + 5]] == [
            w(lang, kind, k) for k in ("aim", "content", "product", "organisation")
        ]
    minutes = {key: sum(s.minutes for s in page.steps if s.kind == key) for key in STEP_KINDS}
    for n, key in enumerate(STEP_KINDS, start=1):
        unit = vocab.unit(minutes[key])
        assert (2, w(lang, kind, "activity", n=n, kind=vocab.kinds[key], minutes=minutes[key], unit=unit)) in found


@pytest.mark.parametrize("root, module_id, lang", every_document())
def test_each_steps_aim_and_product_are_under_their_headings(root, module_id, lang):
    page = module_of(root, module_id).files[lang]
    body = items(open_docx(document(root, module_id, lang)))
    kind = frame(root, module_of(root, module_id))
    aims = [body[i + 1].text for i, item in enumerate(body) if item.kind == "H" and item.text == w(lang, kind, "aim")]
    products = [
        body[i + 1].text for i, item in enumerate(body) if item.kind == "H" and item.text == w(lang, kind, "product")
    ]
    plain = re.compile(r"[*_`]")
    assert aims == [plain.sub("", s.aim) for s in page.steps]
    assert products == [plain.sub("", s.product) for s in page.steps]


@pytest.mark.parametrize("root, module_id, lang", every_document())
def test_the_quiz_is_there_with_the_right_answers(root, module_id, lang):
    page = module_of(root, module_id).files[lang]
    kind = frame(root, module_of(root, module_id))
    body = items(open_docx(document(root, module_id, lang)))
    starts = [i for i, item in enumerate(body) if item.kind == "P" and re.match(r"^\S+ \d+\.", item.text)]
    questions = [i for i in starts if body[i].text.startswith(w(lang, kind, "question", n=0).split(" ")[0])]
    assert len(questions) == len(page.questions) >= 3
    answer = w(lang, kind, "answer")
    for number, (index, question) in enumerate(zip(questions, page.questions, strict=True), start=1):
        assert body[index].text.startswith(w(lang, kind, "question", n=number) + " ")
        options = body[index + 1 : index + 1 + len(question.options)]
        assert all(o.kind == "L" and o.fmt == "upperLetter" and o.level == 0 for o in options)
        assert len({o.num for o in options}) == 1  # one list per question, lettered from A
        right = ", ".join(chr(ord("A") + i) for i in question.correct_positions)
        assert body[index + 1 + len(question.options)].text == f"{answer} {right}"
    assert questions[0] > max(i for i, item in enumerate(body) if item.kind == "H" and item.level == 1)


@pytest.mark.parametrize("root, module_id, lang", every_document())
def test_no_placeholder_or_raw_markup(root, module_id, lang):
    body = items(open_docx(document(root, module_id, lang)))
    text = "\n".join(item.text for item in body)
    for leftover in ("{", "}", "None", "TODO", "///", "[x]", "[ ]", "**", "](", "</", "&amp;", "&lt;", "\u2026\u2026"):
        assert leftover not in text, f"{leftover!r} in the document"
    assert all(item.text.strip() for item in body if item.kind == "H")
    # No space where HTML had a line end (one before a picture is the text's own).
    assert all(
        item.text == item.text.lstrip(" ") and not item.text.endswith("  ") for item in body if item.kind in "HLP"
    )
    assert all(item.text == item.text.strip() for item in body if item.kind == "H")


@pytest.mark.parametrize("root, module_id, lang", every_document())
def test_the_header_has_blanks_and_the_lessons_facts(root, module_id, lang):
    module = module_of(root, module_id)
    kind = frame(root, module)
    doc = open_docx(document(root, module_id, lang))
    body = items(doc)
    blanks = body[:3]
    labels = [("school", "teacher"), ("group", "prepared"), ("class", "taught")]
    for item, (left, right) in zip(blanks, labels, strict=True):
        assert item.text == f"{w(lang, kind, left)}: \t {w(lang, kind, right)}: \t"
    for paragraph in doc.paragraphs[:3]:
        tabs = paragraph._p.pPr.find(qn("w:tabs"))
        assert [t.get(qn("w:leader")) for t in tabs] == ["dot", "dot"]
    fields = module.files[lang].fields
    minutes = fields["duration"]
    periods = -(-minutes // PERIOD_MINUTES[kind])
    unit = w(lang, kind, "period_one" if periods == 1 else "period_other")
    period = PERIOD_MINUTES[kind]
    note = w(lang, kind, "time_note", period=period) if minutes % period else ""
    time = w(lang, kind, "time", periods=periods, unit=unit, minutes=minutes, note=note)
    assert body[5].text == f"{w(lang, kind, 'time_label')} {time}"
    grades = ", ".join(str(g) for g in sorted(fields["grades"]))
    assert body[4].text.startswith(w(lang, kind, "subject_label")) and body[4].text.endswith(
        f"{w(lang, kind, 'grades_label')} {grades}"
    )


@pytest.mark.parametrize("root, module_id, lang", every_document())
def test_objectives_and_equipment(root, module_id, lang):
    module = module_of(root, module_id)
    kind = frame(root, module)
    page = module.files[lang]
    body = items(open_docx(document(root, module_id, lang)))
    start = next(i for i, item in enumerate(body) if item.text == w(lang, kind, "objectives"))
    end = next(i for i, item in enumerate(body) if item.text == w(lang, kind, "equipment"))
    listed = [item.text for item in body[start:end] if item.kind == "L"]
    plain = re.compile(r"[*_`]")
    if kind == "secondary":
        assert listed == [plain.sub("", o.text) for key in OBJECTIVE_KINDS for o in page.objectives if o.kind == key]
    else:
        assert listed == [plain.sub("", o.text) for o in page.objectives]
    process = next(i for i, item in enumerate(body) if item.text == w(lang, kind, "process"))
    assert any(item.text for item in body[end + 1 : process])  # the preparation section's content


def test_every_document_is_a_valid_a4_document_in_times_new_roman():
    for param in every_document():
        root, module_id, lang = param.values
        doc = open_docx(document(root, module_id, lang))
        section = doc.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297), module_id
        styles = doc.styles
        assert styles["Normal"].font.name == "Times New Roman" and styles["Normal"].font.size == Pt(13)
        assert styles["Title"].font.size == Pt(14) and styles["Heading 1"].font.size == Pt(14)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
            fonts = styles[name].element.rPr.find(qn("w:rFonts"))
            assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman", name
            assert fonts.get(qn("w:asciiTheme")) is None, name  # a theme font would win over ours
        language = styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}").get(qn("w:val"))
        assert language == {"vi": "vi-VN", "en": "en-GB"}[lang]
        assert doc.core_properties.language == language
        assert doc.core_properties.title == module_of(root, module_id).files[lang].fields["title"].strip()


# -- bytes ------------------------------------------------------------------------------------------


def test_the_same_lesson_gives_the_same_bytes_on_any_day():
    first = document(SAMPLE, "secret-or-surprise", "vi")
    module = module_of(SAMPLE, "secret-or-surprise")
    cur = catalogue(SAMPLE).curriculum
    again = lesson_plan_docx(module, "vi", cur, epoch=EPOCH, creator=CREATOR["vi"])
    assert again == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = [i.filename for i in archive.infolist()]
        assert names[0] == "[Content_Types].xml"
        assert {i.date_time for i in archive.infolist()} == {(2025, 6, 15, 15, 6, 40)}
        assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names
    props = open_docx(first).core_properties
    assert props.created == props.modified and props.created.year == 2025 and props.author == CREATOR["vi"]
    later = lesson_plan_docx(module, "vi", cur, epoch=EPOCH + 86_400, creator=CREATOR["vi"])
    assert later != first and outline(open_docx(later)) == outline(open_docx(first))


def test_a_document_does_not_depend_on_the_process_or_the_clock(tmp_path):
    """Written by another process, under another time zone: the same bytes."""
    script = (
        "import sys; from pathlib import Path; from lessonkit.model import load;"
        "from lessonkit.publish.lessonplan import lesson_plan_docx;"
        f"c = load(Path({str(SAMPLE)!r})); m = [m for m in c.modules if m.id == 'online-friend'][0];"
        f"sys.stdout.buffer.write(lesson_plan_docx(m, 'en', c.curriculum, epoch={EPOCH}, creator='Sample school'))"
    )
    env = {**os.environ, "TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env, timeout=120, check=True)
    assert done.stdout == document(SAMPLE, "online-friend", "en")


# -- the sample project: what the Markdown becomes ---------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("module_id", ["secret-or-surprise", "online-friend", "job-check"])
def test_golden_structure(module_id, lang):
    """One module per level: the whole document as an outline (headings, lists with their kind and
    level, tables, paragraphs), compared with its golden file."""
    text = outline(open_docx(document(SAMPLE, module_id, lang)))
    expected = GOLDEN / f"{module_id}.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(text, encoding="utf-8")
        pytest.fail(f"UPDATE_GOLDEN is set: wrote {expected.name}; review the diff, then run without it")
    assert text == expected.read_text(encoding="utf-8")


def test_markdown_becomes_runs_lists_tables_and_pictures():
    doc = open_docx(document(SAMPLE, "secret-or-surprise", "vi"))
    body = items(doc)
    runs = [(r.text, bool(r.bold), bool(r.italic)) for p in doc.paragraphs for r in p.runs]
    assert ("BẤT NGỜ", True, False) in runs and ("Lắng nghe:", False, True) in runs
    nested = [i for i in body if i.kind == "L" and i.level == 1]
    assert [i.text for i in nested] == ["Bố mẹ hoặc người chăm sóc em", "Cô giáo chủ nhiệm"]
    assert {i.fmt for i in nested} == {"decimal"}
    numbered = [i for i in body if i.kind == "L" and i.fmt == "decimal" and i.level == 0]
    assert [i.text for i in numbered] == ["HS vẽ bàn tay.", "HS viết tên người lớn tin cậy."]
    assert numbered[0].num != nested[0].num  # each numbered list counts from its own start
    assert [i.text for i in body if i.kind == "T"] == [
        "Tình huống | Thẻ / Quà sinh nhật cho bà | BẤT NGỜ / Ai đó dặn em giấu bố mẹ | KỂ NGAY"
    ]
    header = doc.tables[0].rows[0].cells[0].paragraphs[0].runs[0]
    assert header.bold
    quote = [p for p in doc.paragraphs if p._p.style == "Quote"]
    assert [p.text for p in quote] == ["Bất ngờ thì vui,\nbí mật làm lo thì kể ngay!"] or [p.text for p in quote] == [
        "Bất ngờ thì vui, bí mật làm lo thì kể ngay!"
    ]
    assert len(doc.inline_shapes) == 1  # hand.png, embedded
    assert "Xem thêm trang của Tổng đài 111 (https://tongdai111.vn/)." in [i.text for i in body]
    assert "Nếu lớp đông" in [i.text for i in body]  # the details block's summary


def test_pupils_material_goes_to_the_appendix_and_the_step_points_to_it():
    body = items(open_docx(document(SAMPLE, "secret-or-surprise", "vi")))
    texts = [i.text for i in body]
    assert "Học liệu cho học sinh: xem Phụ lục 1." in texts
    appendix = texts.index("PHỤ LỤC")
    assert texts[appendix + 1] == "Phụ lục 1: Học liệu của bước 2, Câu chuyện: Bí mật của Na"
    assert (
        "Bí mật của Na (nhân vật hư cấu)" in texts[appendix:]
        and "Bí mật của Na (nhân vật hư cấu)" not in texts[:appendix]
    )
    assert "Phụ lục 2: Thông điệp chính" in texts and "Phụ lục 3: Câu hỏi kiểm tra và đáp án" in texts
    assert texts.index("Câu hỏi thảo luận") < appendix  # teacher blocks stay in their step
    family = "Hôm nay con học phân biệt bất ngờ vui với bí mật làm con lo."
    assert not any(family in t for t in texts)  # the family text is the family sheet's


def test_the_appendix_starts_on_a_new_page():
    doc = open_docx(document(SAMPLE, "online-friend", "en"))
    heading = next(p for p in doc.paragraphs if p.text == "APPENDIX")
    assert heading.paragraph_format.page_break_before


def test_primary_notes_after_the_lesson_are_dotted_lines():
    doc = open_docx(document(SAMPLE, "secret-or-surprise", "en"))
    paragraphs = doc.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "IV. Notes after the lesson")
    lines = paragraphs[at + 1 : at + 7]
    assert [p.text for p in lines] == ["\t"] * 6
    assert all(p._p.pPr.find(qn("w:tabs"))[0].get(qn("w:leader")) == "dot" for p in lines)


def test_a_period_that_is_not_whole_says_how_long_a_period_is():
    body = items(open_docx(document(SAMPLE, "secret-or-surprise", "vi")))
    assert body[5].text == "Thời gian thực hiện: 2 tiết (40 phút; mỗi tiết 35 phút)"
    body = items(open_docx(document(SAMPLE, "job-check", "en")))
    assert body[5].text == "Time: 2 periods (90 minutes)"


# -- in a build: once per module and language, kept between builds -----------------------------------


def test_documents_are_kept_between_builds_and_written_again_when_the_lesson_changes(tmp_path):
    cat = catalogue(SAMPLE)
    assert cat.curriculum is not None
    module = module_of(SAMPLE, "online-friend")
    cache_dir = tmp_path / "cache"
    plans = LessonPlans(cat.curriculum, epoch=EPOCH, creator=CREATOR, cache=cache_dir)
    plans.write(module, "en", tmp_path / "a" / "lesson-plan.docx")
    assert plans.written == 1 and len(list(cache_dir.glob("*.docx"))) == 1
    again = LessonPlans(cat.curriculum, epoch=EPOCH, creator=CREATOR, cache=cache_dir)
    again.write(module, "en", tmp_path / "b" / "lesson-plan.docx")
    assert again.written == 0
    assert (tmp_path / "b" / "lesson-plan.docx").read_bytes() == document(SAMPLE, "online-friend", "en")
    changed = load(SAMPLE)  # a fresh copy of the model, with one word changed in memory
    page = next(m for m in changed.modules if m.id == "online-friend").files["en"]
    page.text = page.text.replace("Four message cards", "Five message cards")
    other = LessonPlans(cat.curriculum, epoch=EPOCH + 1, creator=CREATOR, cache=cache_dir)
    other.write(next(m for m in changed.modules if m.id == "online-friend"), "en", tmp_path / "c" / "lesson-plan.docx")
    assert other.written == 1 and len(list(cache_dir.glob("*.docx"))) == 2
    other.prune()
    assert len(list(cache_dir.glob("*.docx"))) == 1


def test_without_a_cache_every_document_is_written(tmp_path):
    cat = catalogue(SAMPLE)
    assert cat.curriculum is not None
    plans = LessonPlans(cat.curriculum, epoch=EPOCH, creator=CREATOR)
    for module in cat.modules:
        plans.write(module, "vi", tmp_path / module.id / "lesson-plan.docx")
    assert plans.written == 3 and not list(tmp_path.rglob("*.tmp"))
    plans.prune()  # nothing to prune, no error


# -- LibreOffice opens every document ------------------------------------------------------------------

SOFFICE_MISSING = "LibreOffice is missing: apt-get install -y libreoffice-writer-nogui (scripts/setup.sh test does)"


def test_libreoffice_converts_every_document_to_pdf(tmp_path):
    """LibreOffice headless opens every document and writes a PDF that holds its text (Vietnamese
    included); a profile of its own, so that other runs of LibreOffice on the machine do not interfere."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip(SOFFICE_MISSING)
    sources = tmp_path / "docx"
    sources.mkdir()
    expected = {}
    for param in every_document():
        root, module_id, lang = param.values
        name = f"{'sample' if root == SAMPLE else 'real'}-{module_id}-{lang}"
        (sources / f"{name}.docx").write_bytes(document(root, module_id, lang))
        expected[name] = module_of(root, module_id).files[lang]
    out = tmp_path / "pdf"
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(out)]
        + sorted(str(p) for p in sources.glob("*.docx")),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Error" not in done.stderr, done.stderr
    pages = {}
    for name, page in expected.items():
        pdf = out / f"{name}.pdf"
        assert pdf.is_file(), f"no PDF for {name}: {done.stdout}{done.stderr}"
        reader = PdfReader(pdf)
        pages[name] = len(reader.pages)
        text = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
        assert " ".join(page.fields["title"].split()) in text, name
        assert page.steps[0].title.split(":")[0] in text, name
    assert all(count >= 2 for count in pages.values()), pages


# -- in the site -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample project built twice for real, the second time from the first build's cache."""
    project = tmp_path_factory.mktemp("lessonplan") / "project"
    shutil.copytree(SAMPLE, project)
    first = build(project, site=project / "site-1")
    assert first.returncode == 0, first.output
    cached = {p.name: p.stat().st_mtime_ns for p in (project / ".cache/plugin/lessonkit").glob("*.docx")}
    second = build(project, site=project / "site-2")
    assert second.returncode == 0, second.output
    return project, first, second, cached


def test_the_build_writes_each_document_beside_its_lesson_page(built):
    _, first, second, _ = built
    for module in catalogue(SAMPLE).modules:
        for lang in ("vi", "en"):
            prefix = "" if lang == "vi" else "en/"
            folder = f"{prefix}lessons/{module.level}/{module.id}"
            data = (first.site / folder / "lesson-plan.docx").read_bytes()
            assert headings(open_docx(data))[0][1].endswith(module.files[lang].fields["title"].strip())
            assert (second.site / folder / "lesson-plan.docx").read_bytes() == data  # the same bytes again
            label = {"vi": "Kế hoạch bài dạy (Word)", "en": "Lesson plan (Word)"}[lang]
            link = f'<a class="md-button" href="lesson-plan.docx" download>{label}</a>'
            assert link in first.page(f"{folder}/index.html")


def test_a_second_identical_build_copies_the_documents_from_the_cache(built):
    project, _, _, cached = built
    after = {p.name: p.stat().st_mtime_ns for p in (project / ".cache/plugin/lessonkit").glob("*.docx")}
    assert len(cached) == 6 and after == cached  # none written again


def test_each_level_catalogue_links_its_booklet(built):
    _, first, _, _ = built
    for level in ("primary", "lower-secondary", "upper-secondary"):
        for prefix, label in (("", "In cả cấp học (tập in)"), ("en/", "Print the whole level (booklet)")):
            assert f'<a class="md-button" href="booklet.html">{label}</a>' in first.page(
                f"{prefix}lessons/{level}/index.html"
            )
            assert (first.site / f"{prefix}lessons/{level}/booklet.html").is_file()
