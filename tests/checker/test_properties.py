"""Property-based tests (hypothesis): whatever an author writes, the checker reports, never crashes.

Random front matter (YAML-ish text, random values of random types for the real and random field
names) and random quiz text (option lines, indentation, block lines, unicode) are written into the
demo module; the CLI runs in-process. It must never raise, never print a traceback, exit 0, 1 or 2,
and print only ``PATH:LINE: severity: MESSAGE`` lines and the summary (JSON: a consistent document).
One subprocess run of scripts/check_lessons.py covers a handful of nasty inputs.
"""

from __future__ import annotations

import json

import pytest
import yaml
from checkerlib import DEMO_EN, DEMO_VI, EN, RE_PROBLEM, VI, Project, assert_sane, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIELDS = ["title", "description", "level", "grades", "duration", "subjects", "topics", "objectives", "sources"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BODY_VI = DEMO_VI.split("\n---\n", 1)[1]
BODY_EN = DEMO_EN.split("\n---\n", 1)[1]
META_VI = yaml.safe_load(DEMO_VI.split("---\n")[1])


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Project:
    """One project for every example: each example rewrites the demo module's files."""
    return make_project(tmp_path_factory.mktemp("props"))


# --- front matter --------------------------------------------------------------------------------

YAML_TOKENS = (
    list(":-[]{}#'\"&*!|>%@`,? \t\n")
    + list("abcgrdetl123")
    + [
        "title",
        "grades",
        "level: primary",
        "\n  - ",
        ": ",
        "\u1ea1",
        "\u00a0",
        "\ufeff",
        "\\n",
        "---",
        "&a ",
        "*a",
        "!!str ",
    ]
)
YAMLISH = st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=5), max_size=60).map("".join)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.dates()
    | st.sampled_from(["primary", "ethics", "trusted-adults", "111", "https://x.vn/"])
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8) | st.integers(0, 20), children, max_size=4)
    ),
    max_leaves=12,
)
FIELD_NAMES = st.sampled_from(FIELDS) | st.text(min_size=1, max_size=12)


@SETTINGS
@given(text=YAMLISH)
def test_random_yamlish_front_matter(shared, text):
    shared.write(VI, f"---\n{text}\n---\n{BODY_VI}")
    assert_sane(shared)


@SETTINGS
@given(
    changes=st.dictionaries(FIELD_NAMES, VALUES, max_size=5),
    drop=st.sets(st.sampled_from(FIELDS), max_size=3),
    english=st.booleans(),
)
def test_random_field_values(shared, changes, drop, english):
    meta = {k: v for k, v in META_VI.items() if k not in drop}
    meta.update(changes)
    try:
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        front = repr(meta)
    shared.write(EN if english else VI, f"---\n{front}---\n{BODY_EN if english else BODY_VI}")
    shared.write(VI if english else EN, DEMO_VI if english else DEMO_EN)
    assert_sane(shared)


# --- quiz text -----------------------------------------------------------------------------------

QUIZ_LINES = st.sampled_from(
    [
        "/// quiz | Câu hỏi?",
        "/// quiz | Question 111?",
        "/// quiz",
        "/// quiz |",
        "/// quiz: x",
        "///",
        "////",
        "/// quizz | x",
        "/// teacher",
        "/// student",
        "//// details | x",
        "    type: single",
        "    type: multiple",
        "    type: [x",
        "    points: 2",
        "- [ ] sai",
        "- [x] đúng",
        "- [X] yes",
        "- []",
        "- [ ]",
        "* [x] b",
        "1. [x] n",
        "    phản hồi",
        "\tfeedback",
        "  two spaces",
        "",
        "",
        "Giải thích, gọi 111.",
        "- item",
        "```",
        "~~~",
        "> quote",
        "![x](https://example.org/a.png)",
        "[l](../x/index.md)",
        "1800 1567",
        "organ",
        "---",
        "...",
        "\x00",
        "\u200b",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂",
        "\r",
    ]
) | st.text(max_size=40)


@SETTINGS
@given(lines=st.lists(QUIZ_LINES, max_size=40), both_files=st.booleans())
def test_random_quiz_text(shared, lines, both_files):
    quiz = "\n".join(lines)
    shared.write(VI, DEMO_VI + "\n" + quiz + "\n")
    shared.write(EN, DEMO_EN + ("\n" + quiz + "\n" if both_files else ""))
    assert_sane(shared)


@SETTINGS
@given(lines=st.lists(QUIZ_LINES, max_size=30))
def test_random_quiz_in_place_of_the_quizzes(shared, lines):
    body = "\n".join(lines)
    head = DEMO_VI[: DEMO_VI.index("/// quiz")]
    shared.write(VI, head + body)
    shared.write(EN, DEMO_EN)
    assert_sane(shared)


@SETTINGS
@given(data=st.binary(max_size=200))
def test_random_bytes_as_a_module(shared, data):
    shared.write(VI, data)
    shared.write(EN, DEMO_EN)
    assert_sane(shared)


# --- one subprocess run on nasty inputs ----------------------------------------------------------

NASTY = {
    "nul-in-front-matter": "---\ntitle: a\x00b\n---\n" + BODY_VI,
    "not-utf8": b"---\ntitle: \xff\xfe\n---\n",
    "deep-yaml": "---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\n" + BODY_VI,
    "alias-tree": "---\na0: &a0 [x, x, x]\n"
    + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]\n" for i in range(1, 8))
    + "title: *a7\n---\n"
    + BODY_VI,
    "alias-bomb-in-grades": "---\n"
    + "x0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9))
    + DEMO_VI[4:].replace("grades: [1, 2, 3]", "grades: *a8"),
    "newline-in-key": '---\n"grade\\ns": [1]\nlevel: "prim\\nary"\n---\n' + BODY_VI,
    "only-dashes": "---\n",
    "deep-blocks": BODY_VI + "\n//// details | x\n" * 300,
    "huge-line": "---\ntitle: " + "x" * 200_000 + "\n---\n" + BODY_VI,
    "date-key": "---\n2024-02-31: x\ntitle: 2024-02-31\n---\n" + BODY_VI,
    "empty": "",
}


def test_nasty_inputs_via_the_script(tmp_path):
    project = make_project(tmp_path)
    for name, text in NASTY.items():
        project.write(f"lessons/primary/{name}/index.vi.md", text)
        project.write(f"lessons/primary/{name}/index.en.md", DEMO_EN)
    result = project.script()
    assert "Traceback" not in result.err, result.err
    assert result.err == ""
    assert result.rc == 1
    lines = result.out.splitlines()
    assert lines[-1].startswith(f"{len(NASTY) + 1} modules checked: ")
    assert all(RE_PROBLEM.match(line) for line in lines[:-1]), [x for x in lines[:-1] if not RE_PROBLEM.match(x)][:3]
    flagged = {line.split("/")[2] for line in lines[:-1]}
    assert set(NASTY) <= flagged
    assert json.loads(project.script("--format", "json").out)["modules"] == len(NASTY) + 1
