"""Module-level rules: both languages present, translation parity, minimum questions, word lists, ids.

Each test breaks one thing in the valid demo module (or adds a module) and asserts the exact problems.
"""

from __future__ import annotations

import pytest
from checkerlib import EN, EXTRA_QUESTION, LAST_QUESTION, Q1, Q2, Q3, VI, P, expect, steps_sum, variant

AGREE = "both languages must agree"


# --- languages ------------------------------------------------------------------------------------


def test_missing_english_file(project):
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


def test_missing_vietnamese_file(project):
    project.path(VI).unlink()
    expect(
        project,
        P(
            EN,
            1,
            "error",
            "missing-language",
            "the Vietnamese file index.vi.md is missing: every module needs both languages",
        ),
    )


def test_module_folder_without_files(project):
    project.path("lessons/primary/empty").mkdir()
    folder = "lessons/primary/empty"
    expect(
        project,
        P(
            folder,
            1,
            "error",
            "missing-language",
            "the English file index.en.md is missing: every module needs both languages",
        ),
        P(
            folder,
            1,
            "error",
            "missing-language",
            "the Vietnamese file index.vi.md is missing: every module needs both languages",
        ),
    )


def test_stray_markdown_in_module_is_a_warning(project):
    project.write("lessons/primary/demo/index.fr.md", "# Bonjour\n")
    expect(
        project,
        P(
            "lessons/primary/demo/index.fr.md",
            1,
            "warning",
            "stray-markdown",
            "'index.fr.md' is not a language file of the module (expected index.<lang>.md with lang one "
            "of vi, en): it is not published",
        ),
    )


# --- translation parity ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, field, mine, theirs",
    [
        ("grades: [1, 2, 3]", "grades: [1, 2]", "grades", [1, 2], [1, 2, 3]),
        ("duration: 35", "duration: 70", "duration", 70, 35),
        (
            "subjects: [experiential-activities, ethics]",
            "subjects: [ethics]",
            "subjects",
            ["ethics"],
            ["experiential-activities", "ethics"],
        ),
        (
            "topics: [trusted-adults, asking-for-help]",
            "topics: [trusted-adults]",
            "topics",
            ["trusted-adults"],
            ["trusted-adults", "asking-for-help"],
        ),
    ],
)
def test_translation_must_agree_on_shared_fields(project, old, new, field, mine, theirs):
    project.replace(EN, old, new)
    line = project.line(EN, f"{field}:")
    also = []
    if field == "duration":  # the English steps still add up to the Vietnamese duration
        also.append(P(EN, project.line(EN, "## Lesson steps"), "error", "steps-minutes", steps_sum(35, mine, line)))
    expect(
        project,
        P(EN, line, "error", "translation-mismatch", f"'{field}' is {mine!r} here but {theirs!r} in {VI}: {AGREE}"),
        *also,
    )


def test_translation_level_mismatch(project):
    project.replace(EN, "level: primary", "level: lower-secondary")
    expect(
        project,
        P(EN, 5, "error", "level-folder", "level 'lower-secondary' does not match the folder 'primary'"),
        P(EN, 5, "error", "translation-mismatch", f"'level' is 'lower-secondary' here but 'primary' in {VI}: {AGREE}"),
        P(EN, 6, "error", "grade-level", "grade 1 is not in lower-secondary (grades 6, 7, 8, 9)"),
        P(EN, 6, "error", "grade-level", "grade 2 is not in lower-secondary (grades 6, 7, 8, 9)"),
        P(EN, 6, "error", "grade-level", "grade 3 is not in lower-secondary (grades 6, 7, 8, 9)"),
        P(EN, 8, "error", "subject-level", "subject 'ethics' is not taught at lower-secondary (only at primary)"),
    )


def test_translation_same_tags_in_another_order_agree(project):
    project.replace(EN, "subjects: [experiential-activities, ethics]", "subjects: [ethics, experiential-activities]")
    project.replace(EN, "grades: [1, 2, 3]", "grades: [3, 1, 2]")
    expect(project)


def test_translation_objectives_count(project):
    project.replace(EN, "sources:", "  - Draw a trusted hand.\nsources:")
    expect(project, P(EN, 10, "error", "translation-mismatch", f"3 objectives here but 2 in {VI}: {AGREE}"))


def test_translation_number_of_questions(project):
    extra = EXTRA_QUESTION["en"].format(n=4)
    project.replace(EN, LAST_QUESTION["en"], extra + LAST_QUESTION["en"])
    expect(project, P(EN, Q3 + extra.count("\n"), "error", "translation-quiz", f"4 quiz questions here but 3 in {VI}"))


def test_translation_options_per_question(project):
    project.replace(
        EN,
        "    This is an unsafe secret.\n",
        "    This is an unsafe secret.\n- [ ] Ask a friend.\n    Better: a trusted adult.\n",
    )
    expect(project, P(EN, Q1, "error", "translation-quiz", f"question 1 has 4 options here but 3 in {VI} (line {Q1})"))


def test_translation_correct_positions(project):
    project.replace(EN, "- [ ] Go straight away", "- [x] Go straight away")
    project.replace(EN, "- [x] Say no and tell", "- [ ] Say no and tell")
    expect(
        project,
        P(EN, Q1, "error", "translation-quiz", f"question 1: correct option(s) 1 here but 2 in {VI} (line {Q1})"),
    )


def test_translation_correct_positions_of_a_multiple_choice_question(project):
    project.replace(VI, "- [ ] Một người lạ", "- [x] Một người lạ")
    expect(
        project,
        P(
            EN,
            Q2,
            "error",
            "translation-quiz",
            f"question 2: correct option(s) 1, 2 here but 1, 2, 3 in {VI} (line {Q2})",
        ),
    )


def test_translation_question_type(project):
    project.replace(EN, "    type: multiple\n", "")
    line = project.line(EN, "/// quiz | You can tell")
    expect(
        project,
        P(EN, line, "error", "translation-quiz", f"question 3 is 'single' here but 'multiple' in {VI} (line {Q3})"),
    )


def test_translation_text_may_differ(project):
    project.replace(EN, "Who are your trusted adults?", "Which grown-ups can you trust?")
    project.replace(EN, "Right! Telling is brave.", "Yes! It is brave to tell.")
    expect(project)


# --- minimum number of questions -----------------------------------------------------------------


def _drop_question(text: str, header: str) -> str:
    start = text.index(header)
    end = text.index("///\n", start + 3) + len("///\n\n")
    return text[:start] + text[end:]


def test_too_few_questions_for_primary(project):
    project.write(VI, _drop_question(project.read(VI), "/// quiz | Ai là"))
    project.write(EN, _drop_question(project.read(EN), "/// quiz | Who are"))
    line = project.line(VI, "/// quiz | Em có thể kể")
    message = "2 quiz questions; primary modules need at least 3"
    expect(project, P(EN, line, "error", "min-questions", message), P(VI, line, "error", "min-questions", message))


def test_no_question_at_all(project):
    for rel in (VI, EN):
        text = project.read(rel)
        steps = text.index("## Tiến trình bài học" if rel == VI else "## Lesson steps")
        project.write(rel, text[: text.index("/// quiz")] + text[steps:])  # the steps and the family text stay
    message = "0 quiz questions; primary modules need at least 3"
    expect(project, P(EN, 1, "error", "min-questions", message), P(VI, 1, "error", "min-questions", message))


@pytest.mark.parametrize("level", ["lower-secondary", "upper-secondary"])
def test_too_few_questions_for_secondary(project, level):
    folder = f"lessons/{level}/older"
    for lang in ("vi", "en"):
        project.write(f"{folder}/index.{lang}.md", variant(lang, level, questions=4))
    line = project.line(f"{folder}/index.vi.md", LAST_QUESTION["vi"])
    message = f"4 quiz questions; {level} modules need at least 5"
    expect(
        project,
        P(f"{folder}/index.en.md", line, "error", "min-questions", message),
        P(f"{folder}/index.vi.md", line, "error", "min-questions", message),
    )


@pytest.mark.parametrize("level", ["primary", "lower-secondary", "upper-secondary"])
def test_every_level_variant_is_clean(project, level):
    project.add_module(level, f"clean-{level}")
    result = expect(project)
    assert result.summary == (2, 0, 0)


# --- avoid and never lists -----------------------------------------------------------------------


def _avoid(found: str) -> str:
    return f"'{found}' is on the primary avoid list: choose words that fit the age (see the authoring guide, 'Content rules')"


def _never(found: str) -> str:
    return f"'{found}' must never appear in a lesson (curriculum.yml 'never' list)"


def test_avoid_word_in_primary(project):
    project.replace(EN, "something important.", "something about an organ.")
    expect(project, P(EN, 20, "error", "avoid-word", _avoid("organ")))


@pytest.mark.parametrize("text", ["organise", "organisation", "reorgan", "organ_x", "organ2"])
def test_avoid_word_only_as_a_whole_word(project, text):
    project.replace(EN, "something important.", f"something about {text}.")
    expect(project)


def test_avoid_word_any_case_and_vietnamese_phrase(project):
    project.replace(EN, "something important.", "something.\n\nOrgan trade is a crime.")
    project.replace(VI, "một điều quan trọng.", "một điều về NỘI TẠNG.")
    expect(
        project, P(EN, 22, "error", "avoid-word", _avoid("Organ")), P(VI, 20, "error", "avoid-word", _avoid("NỘI TẠNG"))
    )


def test_avoid_phrase_across_spaces_and_in_front_matter(project):
    project.replace(EN, "title: My trusted adults", "title: Never  sold as a wife")
    expect(project, P(EN, 2, "error", "avoid-word", _avoid("sold as a wife")))


def test_avoid_list_is_per_level(project):
    folder = project.add_module("lower-secondary", "older")
    project.replace(f"{folder}/index.en.md", "something important.", "something about an organ.")
    expect(project)


@pytest.mark.parametrize(
    "number",
    [
        "1800 1567",
        "18001567",
        "1800-1567",
        "1800.1567",
        "1 800 1567",
        "1800 – 1567",
        "1800\u20111567",
        "(1800) 1567",
        "1800.15.67",
        "1800/1567",
    ],
)
def test_never_old_hotline(project, number):
    project.replace(VI, "một điều quan trọng.", f"một điều quan trọng, gọi {number}.")
    expect(project, P(VI, 20, "error", "never-word", _never(number.lstrip("("))))  # from the first digit


@pytest.mark.parametrize("number", ["1800 15678", "21800 1567", "180015670", "1800 156"])
def test_never_number_only_whole(project, number):
    project.replace(VI, "một điều quan trọng.", f"một điều quan trọng, số {number}.")
    expect(project)


@pytest.mark.parametrize("level", ["lower-secondary", "upper-secondary"])
def test_never_list_at_every_level(project, level):
    folder = project.add_module(level, "older")
    rel = f"{folder}/index.en.md"
    project.replace(rel, "something important.", "something important: call 1800-1567 or find a ma cô.")
    line = project.line(rel, "something important")
    expect(
        project,
        P(rel, line, "error", "never-word", _never("1800-1567")),
        P(rel, line, "error", "never-word", _never("ma cô")),
    )


def test_never_word_inside_a_quiz(project):
    project.replace(EN, "ask a grown-up to call 111.", "ask a grown-up to call 111, not 18001567.")
    expect(project, P(EN, 59, "error", "never-word", _never("18001567")))


# --- module ids ----------------------------------------------------------------------------------


def test_duplicate_id_across_levels(project):
    project.add_module("lower-secondary", "demo")
    expect(
        project,
        P(
            VI,
            1,
            "error",
            "duplicate-id",
            "module id 'demo' is already used by lessons/lower-secondary/demo: ids must be unique across levels",
        ),
    )


@pytest.mark.parametrize("name", ["Demo2", "my_module", "-demo", "demo-", "demo--two", "bài-học", "two words"])
def test_invalid_module_id(project, name):
    folder = project.add_module("primary", name)
    expect(
        project,
        P(
            f"{folder}/index.vi.md",
            1,
            "error",
            "module-id",
            f"module folder '{name}' is not a valid id: use lowercase letters, digits and hyphens "
            "(e.g. 'trusted-adults')",
        ),
    )


def test_unknown_level_folder(project):
    project.add_module("primary", "other")
    project.path("lessons/primary").rename(project.path("lessons/kindergarten"))
    project.add_module("primary", "demo")
    expect(
        project,
        P(
            "lessons/kindergarten",
            1,
            "error",
            "unknown-level-folder",
            "folder 'kindergarten' is not a level of curriculum.yml (primary, lower-secondary, upper-secondary)",
        ),
    )


def test_stray_files_are_warnings(project):
    project.write("lessons/notes.txt", "x")
    project.write("lessons/primary/readme.md", "x")
    expect(
        project,
        P(
            "lessons/notes.txt",
            1,
            "warning",
            "stray-file",
            "file is not part of any module (modules live in lessons/<level>/<id>/)",
        ),
        P(
            "lessons/primary/readme.md",
            1,
            "warning",
            "stray-file",
            "file is not part of any module (put it in a module folder lessons/<level>/<id>/)",
        ),
    )
