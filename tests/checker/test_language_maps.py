"""A text holding a comma, unquoted inside ``{…}`` or ``[…]``, is cut by YAML: the checker refuses every
form of it, in every data file and in front matter, naming the file and line (issue 18, item 1)."""

from __future__ import annotations

import pytest
import yaml
from checkerlib import EN, REPO, VI, P, expect, problems_of

from lessonkit.model.project import check_project

CUR = "lessons/curriculum.yml"
HELP = "lessons/helplines.yml"


def comma(key: str, text: str) -> str:
    return f"'{key}' is read as a key of its own, which cuts the text before it at a comma: put the whole text in quotes: \"{text}\""


def test_a_note_cut_at_a_comma_in_helplines(project):
    project.replace(
        HELP,
        "note: {vi: Khi có nguy hiểm ngay lúc này., en: When there is danger right now.}",
        "note: {vi: Khi cần tìm kiếm, cứu nạn., en: When someone needs to be found or rescued.}",
    )
    line = project.line(HELP, "cứu nạn.")
    text = expect(project, P(HELP, line, "error", "yaml-comma", comma("cứu nạn.", "Khi cần tìm kiếm, cứu nạn.")))
    assert text.rc == 1
    vi = project.check("--lang", "vi")
    assert f"{HELP}:{line}: error: 'cứu nạn.' bị đọc thành một mục riêng" in vi.out


def test_a_topic_name_cut_at_a_comma_in_both_languages(project):
    project.replace(
        CUR,
        "  online-safety: {name: {vi: An toàn trên mạng, en: Online safety}}",
        "  no-stigma: {name: {vi: Không kỳ thị, không đổ lỗi, en: No stigma, no blame}}",
    )
    line = project.line(CUR, "no-stigma")
    expect(
        project,
        P(CUR, line, "error", "yaml-comma", comma("không đổ lỗi", "Không kỳ thị, không đổ lỗi")),
        P(CUR, line, "error", "yaml-comma", comma("no blame", "No stigma, no blame")),
    )


def test_a_subject_name_cut_in_block_style_map(project):
    # The value of one language in flow style inside a block map: the same cut, on its own line.
    project.replace(
        CUR,
        '    name: {vi: "Hoạt động trải nghiệm, hướng nghiệp", en: Experiential and career-guidance activities}',
        "    name: {vi: Hoạt động trải nghiệm, hướng nghiệp, en: Experiential and career-guidance activities}",
    )
    line = project.line(CUR, "Hoạt động trải nghiệm, hướng nghiệp")
    expect(project, P(CUR, line, "error", "yaml-comma", comma("hướng nghiệp", "Hoạt động trải nghiệm, hướng nghiệp")))


def test_a_stray_language_key(project):
    # Not a comma: a key that is not a language of the site (a typo, or a cut with a value of its own).
    project.replace(
        CUR,
        "    name: {vi: Trung học cơ sở, en: Lower secondary school}",
        "    name:\n      vi: Trung học cơ sở\n      vn: THCS\n      en: Lower secondary school",
    )
    line = project.line(CUR, "vn: THCS")
    expect(
        project,
        P(
            CUR,
            line,
            "error",
            "language-keys",
            "level 'lower-secondary', 'name': 'vn' is not one of the site's languages (vi, en);"
            " a text that holds a comma must be in quotes",
        ),
    )


def test_a_stray_key_in_a_description_and_in_report_to(project):
    project.replace(
        CUR,
        "    grades: [1, 2, 3, 4, 5]",
        "    description:\n      vi: Bài học cho lớp 1–5\n      fr: Leçons\n      en: Lessons for grades 1–5\n"
        "    grades: [1, 2, 3, 4, 5]",
    )
    project.replace(HELP, "  en: The commune", "  vi, en: The commune")
    expect(
        project,
        P(
            CUR,
            project.line(CUR, "fr: Leçons"),
            "error",
            "language-keys",
            "level 'primary', 'description': 'fr' is not one of the site's languages (vi, en);"
            " a text that holds a comma must be in quotes",
        ),
        P(
            HELP,
            project.line(HELP, "vi, en: The commune"),
            "error",
            "language-keys",
            "'report_to': 'vi, en' is not one of the site's languages (vi, en); a text that holds a comma must be in quotes",
        ),
        P(
            HELP,
            project.line(HELP, "report_to:"),
            "error",
            "helplines-structure",
            "'report_to' needs text in vi and en",
        ),
    )


def test_trusted_adults_cut_into_two(project):
    project.replace(
        HELP, "  vi: [Bố mẹ hoặc người chăm sóc em, Giáo viên chủ nhiệm]", "  vi: [Bố mẹ, Thầy, cô hiệu trưởng]"
    )
    project.replace(
        HELP, "  en: [Your parents or carers, Your homeroom teacher]", "  en: [Your parents, The principal]"
    )
    expect(
        project,
        P(
            HELP,
            project.line(HELP, "trusted_adults:"),
            "error",
            "language-lists",
            "'trusted_adults': the lists of the languages differ in length (vi: 3 and en: 2);"
            " an item that holds a comma must be in quotes",
        ),
    )


def test_an_empty_trusted_adult(project):
    project.replace(
        HELP, "  en: [Your parents or carers, Your homeroom teacher]", '  en:\n    - Your parents\n    - ""'
    )
    expect(
        project,
        P(HELP, project.line(HELP, '- ""'), "error", "language-lists", "'trusted_adults': item 2 in 'en' is empty"),
    )


@pytest.mark.parametrize(
    ("rel", "old", "new", "code", "message"),
    [
        (
            CUR,
            "{vi: Đạo đức, en: Ethics}",
            '{vi: "", en: Ethics}',
            "curriculum-name",
            "subject 'ethics' has no vi name",
        ),
        (
            CUR,
            "{vi: Tìm kiếm sự giúp đỡ, en: Asking for help}",
            "{vi: Tìm kiếm sự giúp đỡ, en: }",
            "curriculum-name",
            "topic 'asking-for-help' has no en name",
        ),
        (
            HELP,
            "{vi: Công an, en: Police}",
            '{vi: " ", en: Police}',
            "helplines-text",
            "hotline 113 needs a 'name' in vi and en",
        ),
    ],
)
def test_an_empty_name(project, rel, old, new, code, message):
    project.replace(rel, old, new)
    line = project.line(rel, new) if rel == CUR else project.line(rel, '- number: "113"')
    expect(project, P(rel, line, "error", code, message))


def test_a_lesson_source_cut_at_a_comma(project):
    for rel, title in ((VI, "Tổng đài quốc gia bảo vệ trẻ em 111"), (EN, "National child protection hotline 111")):
        project.replace(
            rel,
            f"  - title: {title}\n    url: https://tongdai111.vn/",
            "  - {title: Tổng đài 111, miễn phí, url: https://tongdai111.vn/}",
        )
    wanted = []
    for rel in (VI, EN):
        line = project.line(rel, "miễn phí")
        wanted.append(P(rel, line, "error", "yaml-comma", comma("miễn phí", "Tổng đài 111, miễn phí")))
        # The sources rule sees the stray key too; the comma message says why it is there.
        wanted.append(
            P(rel, line, "error", "source-type", "unknown source field 'miễn phí' (a source has title and url)")
        )
    expect(project, *wanted)


def test_a_docs_page_front_matter_cut_at_a_comma(project):
    project.write("docs/help.vi.md", "---\ntitle: Trợ giúp\nsocial: {title: Gọi 111, miễn phí}\n---\n\nGọi 111.\n")
    project.write("docs/help.en.md", "---\ntitle: Help\n---\n\nCall 111.\n")
    expect(
        project,
        P("docs/help.vi.md", 3, "error", "yaml-comma", comma("miễn phí", "Gọi 111, miễn phí")),
    )


def test_quoted_texts_and_block_style_pass(project):
    project.replace(
        HELP,
        "note: {vi: Khi có nguy hiểm ngay lúc này., en: When there is danger right now.}",
        'note:\n      vi: "Khi cần tìm kiếm, cứu nạn."\n      en: When someone needs to be found, or rescued.',
    )
    project.replace(
        HELP, "  vi: [Bố mẹ hoặc người chăm sóc em, Giáo viên chủ nhiệm]", '  vi: [Bố mẹ, "Thầy, cô hiệu trưởng"]'
    )
    expect(project)
    helplines = check_project(project.root).helplines
    assert helplines is not None
    assert helplines.hotlines[1].note["vi"] == "Khi cần tìm kiếm, cứu nạn."
    assert helplines.trusted_adults["vi"] == ["Bố mẹ", "Thầy, cô hiệu trưởng"]


def test_the_build_refuses_it_with_the_same_message(project):
    """check_project is what the build calls: the same problem, the same words."""
    project.replace(
        HELP,
        "note: {vi: Khi có nguy hiểm ngay lúc này., en: When there is danger right now.}",
        "note: {vi: Khi cần tìm kiếm, cứu nạn., en: When someone needs to be found or rescued.}",
    )
    found = [p for p in check_project(project.root).problems if p.code == "yaml-comma"]
    assert [p.format() for p in found] == [p.format() for p in problems_of(project.check_json())]


def _loose_texts(node, found):
    """Texts written unquoted (or maps written inside ``{…}``) in a composed YAML tree."""
    if isinstance(node, yaml.MappingNode):
        if node.flow_style:
            found.append((node.start_mark.line + 1, "{…}"))
        for _, value in node.value:
            _loose_texts(value, found)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _loose_texts(item, found)
    elif node.tag.endswith(":str") and not node.style and (" " in node.value or "," in node.value):
        found.append((node.start_mark.line + 1, node.value))
    return found


@pytest.mark.parametrize("rel", [CUR, HELP])
def test_the_real_data_files_are_in_the_safe_style(rel):
    """The authoring guide's style: block maps, every text in quotes, so no comma can cut one."""
    node = yaml.compose((REPO / rel).read_text(encoding="utf-8"))
    assert _loose_texts(node, []) == []
