"""The sections a lesson plan reads (docs/reference.en.md#lesson-plan): every module file has its preparation
section (equipment and materials) and its safeguarding section, under the headings of its language.

Each test changes the valid demo module and asserts the exact problems: file, line, message, exit code.
"""

from __future__ import annotations

import pytest
from checkerlib import EN, VI, P, Project, expect

from lessonkit.model.messages import msg

PREPARATION = {VI: "## Chuẩn bị", EN: "## Materials"}
SAFEGUARDING = {VI: "## Lưu ý an toàn cho giáo viên", EN: "## Safeguarding note"}


def no_equipment(heading: str, lang: str = "en") -> str:
    return msg("lesson-plan-section.equipment", heading=heading, file="lesson-plan.docx").text(lang)


def no_safeguarding(heading: str, lang: str = "en") -> str:
    return msg("lesson-plan-section.safeguarding", heading=heading, file="lesson-plan.docx").text(lang)


def drop_section(project: Project, rel: str, heading: str) -> None:
    """Remove the section ``heading`` of ``rel``: its heading line and what follows up to the next heading
    or block that is not its own (the demo's sections are a list, or one teacher block)."""
    lines = project.read(rel).split("\n")
    start = lines.index(heading)
    end = start + 1
    while end < len(lines) and not lines[end].startswith(("## ", "/// family")):
        end += 1
    project.write(rel, "\n".join(lines[:start] + lines[end:]))


def test_the_demo_has_both_sections(project):
    for rel in (VI, EN):
        text = project.read(rel).split("\n")
        assert PREPARATION[rel] in text and SAFEGUARDING[rel] in text
    expect(project)


@pytest.mark.parametrize("rel", [VI, EN])
def test_a_file_without_its_preparation_section_is_refused(project, rel):
    drop_section(project, rel, PREPARATION[rel])
    result = expect(project, P(rel, 1, "error", "lesson-plan-section", no_equipment(PREPARATION[rel][3:])))
    assert result.rc == 1 and "Traceback" not in result.out + result.err


@pytest.mark.parametrize("rel", [VI, EN])
def test_a_file_without_its_safeguarding_section_is_refused(project, rel):
    drop_section(project, rel, SAFEGUARDING[rel])
    expect(project, P(rel, 1, "error", "lesson-plan-section", no_safeguarding(SAFEGUARDING[rel][3:])))


def test_headings_are_those_of_the_files_language(project):
    """An English heading in the Vietnamese file does not count: the document reads the file's language."""
    project.replace(VI, PREPARATION[VI], PREPARATION[EN])
    expect(project, P(VI, 1, "error", "lesson-plan-section", no_equipment("Chuẩn bị")))


def test_case_and_spaces_do_not_matter(project):
    project.replace(VI, PREPARATION[VI], "##   chuẩn   BỊ")
    project.replace(EN, SAFEGUARDING[EN], "## safeguarding NOTE")
    expect(project)


def test_a_heading_in_fenced_code_or_in_a_block_is_not_the_section(project):
    drop_section(project, EN, PREPARATION[EN])
    text = project.read(EN)
    project.write(EN, text + "\n```markdown\n## Materials\n```\n\n/// details | Example\n## Materials\n///\n")
    expect(project, P(EN, 1, "error", "lesson-plan-section", no_equipment("Materials")))


def test_the_message_in_vietnamese(project):
    drop_section(project, VI, SAFEGUARDING[VI])
    result = project.check("--lang", "vi")
    wanted = f"{VI}:1: error: {no_safeguarding('Lưu ý an toàn cho giáo viên', 'vi')}"
    assert wanted in result.lines, result.out
    assert "kế hoạch bài dạy (lesson-plan.docx)" in wanted and result.rc == 1
