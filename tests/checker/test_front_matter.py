"""Front matter rules (docs/reference.en.md#front-matter): fields, types, level, grades, subjects, topics, ranges, sources, YAML.

Each test breaks one thing in the valid demo module and asserts the exact ``PATH:LINE: severity:
MESSAGE`` lines (and the JSON problem codes) the checker reports.
"""

from __future__ import annotations

import pytest
from checkerlib import DEMO_VI, EN, VI, P, both, expect, problems_of, set_step_minutes

SUGGEST = "(did you mean '{}'?)"


def test_missing_field(project):
    project.replace(VI, "duration: 35\n", "")
    expect(project, P(VI, 1, "error", "missing-field", "missing field 'duration'"))


@pytest.mark.parametrize(
    "field", ["title", "description", "level", "grades", "subjects", "topics", "objectives", "sources"]
)
def test_every_field_is_required(project, field):
    text = project.read(EN)
    head, body = text.split("\n---\n", 1)
    lines = head.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith(" "):
        end += 1
    project.write(EN, "\n".join(lines[:start] + lines[end:]) + "\n---\n" + body)
    result = expect(project, P(EN, 1, "error", "missing-field", f"missing field '{field}'"), only=False)
    assert result.summary[1] >= 1


def test_unknown_field_with_suggestion(project):
    project.replace(VI, "grades: [1, 2, 3]", "grade: [1, 2, 3]")
    expect(
        project,
        P(VI, 1, "error", "missing-field", "missing field 'grades'"),
        P(VI, 6, "error", "unknown-field", "unknown field 'grade' " + SUGGEST.format("grades")),
    )


def test_unknown_field_without_close_match_lists_the_fields(project):
    project.replace(EN, "duration: 35\n", "duration: 35\nage: [6, 8]\n")
    line = project.line(EN, "age: [6, 8]")
    expect(
        project,
        P(
            EN,
            line,
            "error",
            "unknown-field",
            "unknown field 'age' (allowed: title, description, level, grades, duration, subjects, "
            "topics, objectives, sources, form)",
        ),
    )


@pytest.mark.parametrize(
    "old, new, line, message",
    [
        ("title: Người lớn tin cậy của em", "title: 123", 2, "'title' must be text"),
        ("title: Người lớn tin cậy của em", "title: [Người lớn, tin cậy]", 2, "'title' must be text"),
        ("title: Người lớn tin cậy của em", "title: ''", 2, "'title' must be text"),
        (
            "grades: [1, 2, 3]",
            "grades: 1, 2, 3",
            6,
            "'grades' must be a non-empty list of grade numbers, e.g. [1, 2, 3]",
        ),
        ("grades: [1, 2, 3]", "grades: []", 6, "'grades' must be a non-empty list of grade numbers, e.g. [1, 2, 3]"),
        (
            "grades: [1, 2, 3]",
            "grades: [1, two]",
            6,
            "'grades' must be a non-empty list of grade numbers, e.g. [1, 2, 3]",
        ),
        ("duration: 35", "duration: 35 minutes", 7, "'duration' must be a whole number of minutes"),
        ("duration: 35", "duration: 35.5", 7, "'duration' must be a whole number of minutes"),
        ("duration: 35", "duration: true", 7, "'duration' must be a whole number of minutes"),
        (
            "subjects: [experiential-activities, ethics]",
            "subjects: ethics",
            8,
            "'subjects' must be a non-empty list of subject keys",
        ),
        (
            "topics: [trusted-adults, asking-for-help]",
            "topics: []",
            9,
            "'topics' must be a non-empty list of topic keys",
        ),
    ],
)
def test_wrong_type(project, old, new, line, message):
    project.replace(VI, old, new)
    field = new.split(":")[0]
    expected = [P(VI, line, "error", "field-type", message)]
    if field != "title":  # a shared field of another type also differs from the English file
        expected.append(P(EN, line, "error", "translation-mismatch", _mismatch(project, field)))
    expect(project, *expected)


def _mismatch(project, field):
    import yaml

    mine = yaml.safe_load(project.read(EN).split("---")[1])[field]
    theirs = yaml.safe_load(project.read(VI).split("---")[1])[field]
    return f"'{field}' is {mine!r} here but {theirs!r} in {VI}: both languages must agree"


def test_wrong_type_in_both_files(project):
    both(project, "grades: [1, 2, 3]", "grades: 3")
    message = "'grades' must be a non-empty list of grade numbers, e.g. [1, 2, 3]"
    expect(project, P(EN, 6, "error", "field-type", message), P(VI, 6, "error", "field-type", message))


def test_front_matter_not_a_mapping(project):
    project.write(VI, "---\n- just\n- a list\n---\n" + project.read(VI).split("\n---\n", 1)[1])
    expect(project, P(VI, 2, "error", "front-matter-type", "front matter must be 'field: value' lines"))


def test_level_does_not_match_folder(project):
    both(project, "level: primary", "level: lower-secondary")
    both(project, "grades: [1, 2, 3]", "grades: [6, 7]")
    both(project, "subjects: [experiential-activities, ethics]", "subjects: [experiential-activities]")
    message = "level 'lower-secondary' does not match the folder 'primary'"
    expect(project, P(EN, 5, "error", "level-folder", message), P(VI, 5, "error", "level-folder", message))


def test_unknown_level(project):
    both(project, "level: primary", "level: primry")
    unknown = "unknown level 'primry' (known: primary, lower-secondary, upper-secondary)"
    folder = "level 'primry' does not match the folder 'primary'"
    expect(
        project,
        P(EN, 5, "error", "unknown-level", unknown),
        P(EN, 5, "error", "level-folder", folder),
        P(VI, 5, "error", "unknown-level", unknown),
        P(VI, 5, "error", "level-folder", folder),
    )


def test_grade_outside_level_names_the_line_of_the_item(project):
    both(project, "grades: [1, 2, 3]", "grades:\n  - 1\n  - 2\n  - 7")
    line = project.line(VI, "  - 7")
    assert line == 9
    message = "grade 7 is not in primary (grades 1, 2, 3, 4, 5)"
    expect(project, P(EN, line, "error", "grade-level", message), P(VI, line, "error", "grade-level", message))


def test_grade_repeated(project):
    both(project, "grades: [1, 2, 3]", "grades: [1, 2, 2]")
    message = "'grades' lists a grade twice"
    expect(project, P(EN, 6, "error", "grades-repeat", message), P(VI, 6, "error", "grades-repeat", message))


def test_subject_not_allowed_at_level(project):
    both(project, "subjects: [experiential-activities, ethics]", "subjects:\n  - ethics\n  - civic-education")
    line = project.line(VI, "  - civic-education")
    message = "subject 'civic-education' is not taught at primary (only at lower-secondary)"
    expect(project, P(EN, line, "error", "subject-level", message), P(VI, line, "error", "subject-level", message))


def test_unknown_subject_with_suggestion(project):
    both(project, "subjects: [experiential-activities, ethics]", "subjects: [experiential-activities, ethic]")
    message = "unknown subject 'ethic' " + SUGGEST.format("ethics")
    expect(project, P(EN, 8, "error", "unknown-subject", message), P(VI, 8, "error", "unknown-subject", message))


def test_unknown_topic_with_suggestion(project):
    both(project, "topics: [trusted-adults, asking-for-help]", "topics: [trusted-adult, asking-for-help]")
    message = "unknown topic 'trusted-adult' " + SUGGEST.format("trusted-adults")
    expect(project, P(EN, 9, "error", "unknown-topic", message), P(VI, 9, "error", "unknown-topic", message))


def test_unknown_topic_without_close_match(project):
    both(project, "topics: [trusted-adults, asking-for-help]", "topics: [trusted-adults, zzz]")
    message = "unknown topic 'zzz' (see curriculum.yml)"
    expect(project, P(EN, 9, "error", "unknown-topic", message), P(VI, 9, "error", "unknown-topic", message))


@pytest.mark.parametrize("minutes", [5, 9, 91, 120, 0, -10])
def test_duration_out_of_range(project, minutes):
    both(project, "duration: 35", f"duration: {minutes}")
    message = f"'duration' is {minutes} minutes; it must be 10 to 90"
    expect(project, P(EN, 7, "error", "duration-range", message), P(VI, 7, "error", "duration-range", message))


@pytest.mark.parametrize("minutes, plan", [(10, "35"), (90, "70")])
def test_duration_limits_are_allowed(project, minutes, plan):
    """No error at the limits; only the warning that they are not whole 35-minute periods (the plan
    offered stays inside the limits: 35 for 10, not 0; 70 for 90, not 105)."""
    both(project, "duration: 35", f"duration: {minutes}")
    set_step_minutes(project, minutes)
    message = (
        f"'duration' is {minutes} minutes, not a whole number of periods (a period at primary is 35 minutes): "
        f"plan for {plan} minutes"
    )
    expect(project, *(P(rel, 7, "warning", "duration-periods", message) for rel in (EN, VI)))


@pytest.mark.parametrize("count", [0, 1, 7])
def test_objectives_count(project, count):
    items = "".join(f"\n  - Objective number {n}." for n in range(count))
    for rel, _first in ((VI, "  - Kể tên"), (EN, "  - Name at least")):
        text = project.read(rel)
        start = text.index("objectives:")
        end = text.index("sources:")
        project.write(rel, text[:start] + ("objectives:" + items if count else "objectives: []") + "\n" + text[end:])
    message = f"{count} objectives; a module has 2 to 6"
    expect(project, P(EN, 10, "error", "objectives-count", message), P(VI, 10, "error", "objectives-count", message))


def test_six_objectives_are_allowed(project):
    items = "".join(f"\n  - Objective number {n}." for n in range(6))
    for rel in (VI, EN):
        text = project.read(rel)
        project.write(
            rel, text[: text.index("objectives:")] + "objectives:" + items + "\n" + text[text.index("sources:") :]
        )
    expect(project)


def test_description_too_long(project):
    project.replace(
        EN,
        "  Pupils find the grown-ups who can help them and practise telling them when they feel unsafe.",
        "  " + "x" * 301,
    )
    expect(project, P(EN, 3, "error", "description-length", "'description' has 301 characters; at most 300"))


def test_description_of_300_characters_is_allowed(project):
    project.replace(
        EN,
        "  Pupils find the grown-ups who can help them and practise telling them when they feel unsafe.",
        "  " + "word " * 59 + "word!",
    )
    expect(project)


def test_sources_missing(project):
    project.replace(
        VI, "sources:\n  - title: Tổng đài quốc gia bảo vệ trẻ em 111\n    url: https://tongdai111.vn/\n", ""
    )
    expect(project, P(VI, 1, "error", "missing-field", "missing field 'sources'"))


def test_sources_empty(project):
    project.replace(
        VI,
        "sources:\n  - title: Tổng đài quốc gia bảo vệ trẻ em 111\n    url: https://tongdai111.vn/\n",
        "sources: []\n",
    )
    expect(project, P(VI, 13, "error", "field-type", "'sources' must be a list of at least one source (title and url)"))


def test_source_without_url(project):
    project.replace(VI, "    url: https://tongdai111.vn/\n", "")
    expect(project, P(VI, 14, "error", "source-type", "each source needs a 'title' and a 'url'"))


def test_second_source_without_title_names_its_line(project):
    project.replace(
        EN, "    url: https://tongdai111.vn/\n", "    url: https://tongdai111.vn/\n  - url: https://example.org/\n"
    )
    expect(project, P(EN, 16, "error", "source-type", "each source needs a 'title' and a 'url'"))


def test_source_with_unknown_field(project):
    project.replace(EN, "    url: https://tongdai111.vn/\n", "    url: https://tongdai111.vn/\n    year: 2024\n")
    expect(project, P(EN, 14, "error", "source-type", "unknown source field 'year' (a source has title and url)"))


@pytest.mark.parametrize("url", ["tongdai111.vn", "www.tongdai111.vn/", "ftp://tongdai111.vn/", "//tongdai111.vn/"])
def test_source_url_not_https(project, url):
    project.replace(VI, "    url: https://tongdai111.vn/", f"    url: '{url}'")
    expect(
        project,
        P(
            VI,
            15,
            "error",
            "source-url",
            f"source url '{url}' is not a web address: write it in full, starting with https://",
        ),
    )


def _only_problem(project):
    result = project.check_json()
    found = problems_of(result)
    assert len(found) == 1, found
    assert result.rc == 1 and result.err == ""
    return found[0]


def test_malformed_yaml_names_the_line_of_the_fault(project):
    project.replace(VI, "duration: 35", "duration: 35: minutes")
    problem = _only_problem(project)
    assert problem[:4] == (VI, 7, "error", "front-matter-yaml")
    assert problem.message.startswith("front matter: malformed YAML: mapping values are not allowed")
    assert project.check().lines[0] == f"{VI}:7: error: {problem.message}"


def test_malformed_yaml_in_a_list(project):
    project.replace(EN, "  - Name at least three", "\t- Name at least three")
    line = project.line(EN, "\t- Name")
    problem = _only_problem(project)
    assert problem[:4] == (EN, line, "error", "front-matter-yaml")
    assert "cannot start any token" in problem.message


def test_malformed_yaml_unclosed_bracket(project):
    project.replace(EN, "topics: [trusted-adults, asking-for-help]", "topics: [trusted-adults, asking-for-help")
    problem = _only_problem(project)
    assert problem[:4] == (EN, project.line(EN, "objectives:"), "error", "front-matter-yaml")
    assert problem.message.startswith("front matter: malformed YAML: ")


def test_unclosed_front_matter(project):
    text = project.read(VI)
    project.write(VI, text.replace("url: https://tongdai111.vn/\n---\n", "url: https://tongdai111.vn/\n\n", 1))
    expect(project, P(VI, 1, "error", "front-matter-unclosed", "front matter is never closed with '---'"))


def test_no_front_matter(project):
    project.write(EN, project.read(EN).split("\n---\n", 1)[1])
    expect(
        project,
        P(
            EN,
            1,
            "error",
            "front-matter-missing",
            "no front matter: the file must start with '---' and the curriculum tags",
        ),
    )


def test_no_front_matter_is_reported_even_with_a_block_error(project):
    """A block problem in the body must not hide the missing front matter (it used to)."""
    project.write(EN, project.read(EN).split("\n---\n", 1)[1] + "\n///\n")
    line = len(project.read(EN).splitlines())
    expect(
        project,
        P(
            EN,
            1,
            "error",
            "front-matter-missing",
            "no front matter: the file must start with '---' and the curriculum tags",
        ),
        P(EN, line, "error", "block-stray-end", "closing '///' without an open block"),
    )


def test_byte_order_mark_is_not_content(project):
    """Windows Notepad saves UTF-8 with a BOM; MkDocs ignores it, so the checker does too."""
    project.write(VI, "\ufeff" + project.read(VI))
    expect(project)


def test_file_not_utf8(project):
    project.write(EN, project.read(EN).encode("utf-16"))
    expect(project, P(EN, 1, "error", "file-encoding", "file is not UTF-8 text"))


def test_crlf_line_endings_are_fine(project):
    crlf = DEMO_VI.replace("\n", "\r\n")
    project.write(VI, crlf.encode("utf-8"))
    expect(project)
    project.write(VI, crlf.replace("duration: 35", "duration: 5").encode("utf-8"))
    assert b"duration: 5\r\n" in project.path(VI).read_bytes()
    expect(
        project,
        P(VI, 7, "error", "duration-range", "'duration' is 5 minutes; it must be 10 to 90"),
        P(EN, 7, "error", "translation-mismatch", f"'duration' is 35 here but 5 in {VI}: both languages must agree"),
    )
