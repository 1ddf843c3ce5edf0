"""What the projector view shows of a step, and what it keeps for the teacher's notes."""

from __future__ import annotations

import markdown
import pytest

from lessonkit.model.blocks import scan_blocks
from lessonkit.model.problems import ProblemList
from lessonkit.model.quiz import parse_question
from lessonkit.present.deck import inline, question_screen, split_step, student_blocks

STEP = """Write two numbers on the board. Say the rhyme:

> Sad or worried? Tell someone:
> call one – one – one!
>
> Danger now? Shout and run,
get a grown-up: one – one – three!

Then add: "You may know 114 too."

/// step | Opening
Aim: Pupils remember 111 and 113.
Product: The class says the rhyme.
///

/// student | Hằng's two offers
**Card 1.** Office staff wanted.
///

/// teacher
**Discussion questions**

- Why keep it secret? *Listen for:* so nobody can stop it.

> A quote inside the teacher's notes stays with the teacher.
///

- A list after the blocks
    > a quote inside a list item: part of the item, for the teacher
"""


def lines_of(text: str, start: int = 10) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), start=start))


def test_a_step_splits_into_quotes_and_pupils_blocks_shown_and_the_rest_for_the_teacher() -> None:
    lines = lines_of(STEP)
    problems = ProblemList()
    blocks = scan_blocks(lines, "x.md", problems)
    parts = split_step(lines, blocks)
    assert parts.shown == [
        "> Sad or worried? Tell someone:\n> call one – one – one!\n>\n> Danger now? Shout and run,\n"
        "get a grown-up: one – one – three!",
        "### Hằng's two offers\n\n**Card 1.** Office staff wanted.",
    ]
    # The teacher's instructions and the teacher block, in source order; the step block left out.
    assert parts.notes.startswith("Write two numbers on the board. Say the rhyme:")
    assert 'Then add: "You may know 114 too."' in parts.notes
    assert "/// teacher" in parts.notes and "*Listen for:*" in parts.notes
    assert "stays with the teacher" in parts.notes
    assert "Aim:" not in parts.notes and "/// step" not in parts.notes
    assert parts.notes.rstrip().endswith("> a quote inside a list item: part of the item, for the teacher")
    for part in parts.shown:
        assert "Listen for" not in part and "Write two numbers" not in part


@pytest.mark.parametrize(
    "text,shown",
    [
        ("Plain instructions only.", []),
        ("> one\n\n> two", ["> one\n\n> two"]),
        ("> one\n\nbetween\n\n> two", ["> one", "> two"]),
        ("  > indented a little", ["> indented a little"]),
        ("    > code, not a quote", []),
    ],
)
def test_quotes_are_found_as_markdown_reads_them(text: str, shown: list[str]) -> None:
    lines = lines_of(text)
    assert [p.strip() for p in split_step(lines, []).shown] == shown


def test_key_messages_are_the_pupils_blocks_outside_the_steps() -> None:
    text = "/// student\n- in a step\n///\n\n/// student\n- a key message\n///\n"
    lines = lines_of(text, start=1)
    blocks = scan_blocks(lines, "x.md", ProblemList())
    assert student_blocks(blocks, [(1, 3)]) == ["- a key message"]


def test_a_question_screen_keeps_the_answer_as_positions_only() -> None:
    md = markdown.Markdown()

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    body = ["- [ ] **Go** along", "    Feedback A.", "- [x] Shout *help*", "    Feedback B.", "", "Why."]
    question, problems = parse_question("Someone pulls you?", {}, list(enumerate(body, start=2)), 1)
    assert not problems
    screen = question_screen(1, question, render)
    assert screen.answer == "2"
    assert [o.letter for o in screen.options] == ["A", "B"]
    assert screen.options[0].text == "<strong>Go</strong> along"
    assert screen.options[1].feedback == "<p>Feedback B.</p>"
    assert screen.explanation == "<p>Why.</p>"
    assert inline(render, "one\n\ntwo") == "<p>one</p>\n<p>two</p>"
