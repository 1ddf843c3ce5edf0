"""Family sheet rules (docs/reference.en.md#family): both language files have '/// family' blocks or neither; a module with
none gets a warning; the family text is module text, so the word lists apply to it.

Each test changes the family blocks of the valid demo module (both files end with one) and asserts the
exact problems.
"""

from __future__ import annotations

import pytest
from checkerlib import EN, VI, P, Project, expect, problems_of

from lessonkit.model import load
from lessonkit.model.family import family_blocks
from lessonkit.model.messages import msg

FAMILY_START = "\n/// family"


def drop_family(project: Project, rel: str) -> None:
    """Remove the family block (the last block of the demo file)."""
    text = project.read(rel)
    project.write(rel, text[: text.index(FAMILY_START)])


def family_line(project: Project, rel: str) -> int:
    return project.line(rel, "/// family")


def one_language(other: str, line: int) -> str:
    return (
        f"no '/// family' block here, but {other} has one (line {line}): the family text must be in both "
        "languages, or in neither"
    )


NO_FAMILY = "no '/// family' block: this module has no family sheet to tell parents and carers what the child learned"


def test_the_demo_has_family_blocks_in_both_languages(project):
    assert family_line(project, VI) > 1 and family_line(project, EN) > 1
    expect(project)


@pytest.mark.parametrize("lacking, having", [(EN, VI), (VI, EN)])
def test_family_text_in_one_language_only_is_an_error_on_the_file_that_lacks_it(project, lacking, having):
    line = family_line(project, having)
    drop_family(project, lacking)
    expect(project, P(lacking, 1, "error", "translation-family", one_language(having, line)))


def test_a_module_without_family_text_gets_a_warning(project):
    drop_family(project, VI)
    drop_family(project, EN)
    result = expect(project, P(VI, 1, "warning", "no-family-block", NO_FAMILY))
    assert result.rc == 0  # a warning: the module can still be published


def test_several_family_blocks_name_the_first(project):
    text = project.read(VI)
    first = family_line(project, VI)
    project.write(VI, text + "\n/// family\nMột đoạn nữa gửi gia đình.\n///\n")
    drop_family(project, EN)
    expect(project, P(EN, 1, "error", "translation-family", one_language(VI, first)))


def test_a_family_block_nested_in_another_block_counts(project):
    drop_family(project, EN)
    project.write(
        EN, project.read(EN) + "\n/// details | For families\n//// family\nAt home, talk together.\n////\n///\n"
    )
    expect(project)


def test_no_family_error_for_a_missing_language_file(project):
    project.path(EN).unlink()
    expect(
        project,
        P(
            VI,
            1,
            "error",
            "missing-language",
            "the English file index.en.md is missing: every module needs both languages",
        ),
    )


def test_no_family_error_for_a_file_whose_front_matter_cannot_be_read(project):
    text = project.read(EN)
    project.write(EN, text.replace("---\n\n## Activity", "\n## Activity", 1))  # front matter never closed
    found = problems_of(project.check_json())
    assert [p.code for p in found] == ["front-matter-unclosed"], found


# --- the family text is module text: the word lists apply ------------------------------------------


def test_avoid_words_apply_to_the_family_text(project):
    project.replace(EN, "recognise trusted adults", "recognise trusted adults and organ trade")
    project.replace(VI, "nhận ra người lớn tin cậy", "nhận ra người lớn tin cậy và nạn buôn bán nội tạng")
    line_en = project.line(EN, "organ trade")
    line_vi = project.line(VI, "nội tạng")
    assert line_en > family_line(project, EN) and line_vi > family_line(project, VI)
    expect(
        project,
        P(EN, line_en, "error", "avoid-word", msg("avoid-word", found="organ", level="primary").text()),
        P(VI, line_vi, "error", "avoid-word", msg("avoid-word", found="nội tạng", level="primary").text()),
    )


def test_the_never_list_applies_to_the_family_text(project):
    project.replace(VI, "hãy gọi 111.", "hãy gọi 1800 1567.")
    line = project.line(VI, "1800 1567")
    assert line > family_line(project, VI)
    expect(project, P(VI, line, "error", "never-word", msg("never-word.lesson", found="1800 1567").text()))


# --- in Vietnamese -------------------------------------------------------------------------------------


def test_family_messages_in_vietnamese(project):
    line = family_line(project, VI)
    drop_family(project, EN)
    assert project.check("--lang", "vi").problem_lines == [
        f"{EN}:1: error: tệp này chưa có khối '/// family', trong khi {VI} đã có (dòng {line}): phần gửi gia "
        "đình phải có ở cả hai ngôn ngữ, hoặc không có ở ngôn ngữ nào"
    ]
    drop_family(project, VI)
    assert project.check("--lang", "vi").problem_lines == [
        f"{VI}:1: warning: chưa có khối '/// family': bài học này chưa có phần gửi gia đình để bố mẹ, người "
        "chăm sóc biết các em đã học gì"
    ]


def test_lessonkit_new_writes_a_family_block_in_both_languages(project):
    result = project.cli("new", "upper-secondary", "family-demo")
    assert (result.rc, result.err) == (0, "")
    module = load(project.root).find("family-demo")
    assert module is not None
    for lang in ("vi", "en"):
        blocks = family_blocks(module.files[lang])
        assert len(blocks) == 1 and blocks[0].end is not None, lang
        assert "111" in "\n".join(text for _, text in blocks[0].content)
