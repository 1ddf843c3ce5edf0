"""blocks.scan_blocks: headers, options, nesting, fences skipped, and every block error with its line."""

from __future__ import annotations

from lessonkit.model.blocks import scan_blocks
from lessonkit.model.problems import ProblemList


def scan(text: str):
    problems = ProblemList()
    blocks = scan_blocks(list(enumerate(text.split("\n"), start=1)), "page.md", problems)
    return blocks, [(p.line, p.code) for p in problems]


def test_block_with_argument_options_and_content():
    blocks, problems = scan("intro\n/// quiz | Who?\n    type: multiple\n- [x] A\n///\nafter")
    assert problems == []
    (block,) = blocks
    assert (block.name, block.argument, block.start, block.end, block.length) == ("quiz", "Who?", 2, 5, 3)
    assert block.options == {"type": "multiple"} and block.option_lines == {"type": 3}
    assert block.content == [(4, "- [x] A")]
    assert block.top_level


def test_nesting():
    text = "//// details | More\n/// teacher\nnote\n///\ntext\n////"
    blocks, problems = scan(text)
    assert problems == []
    outer, inner = blocks
    assert (outer.name, outer.end, inner.name, inner.end) == ("details", 6, "teacher", 4)
    assert inner.parent is outer and outer.children == [inner]
    assert outer.content == [(5, "text")]


def test_fences_are_skipped():
    text = "```markdown\n/// quiz | Example\n///\n```\n~~~~\n///\n~~~~\n/// student\n```\n///\n```\n///"
    blocks, problems = scan(text)
    assert problems == []
    assert [(b.name, b.start, b.end) for b in blocks] == [("student", 8, 12)]
    assert blocks[0].content == [(9, "```"), (10, "///"), (11, "```")]


def test_a_shorter_fence_does_not_close_a_longer_one():
    blocks, problems = scan("````\n```\n/// quiz | x\n````\n")
    assert blocks == [] and problems == []


def test_a_quiz_is_raw_inside():
    blocks, problems = scan("/// quiz | Q\n```\n- [x] A\n///")
    assert [(b.name, b.end) for b in blocks] == [("quiz", 4)]
    assert blocks[0].content == [(2, "```"), (3, "- [x] A")]
    assert problems == []


def test_errors():
    text = "///\n/// quizz | x\n///\n/// quiz: Q\n/// teacher\n////\n/// student\n    a: b: c\n"
    blocks, problems = scan(text)
    assert problems == [
        (1, "block-stray-end"),
        (2, "block-unknown"),
        (4, "block-malformed"),
        (6, "block-end-mismatch"),
        (8, "block-options"),
        (7, "block-unclosed"),
    ]
    assert [b.name for b in blocks] == ["quizz", "teacher", "student"]


def test_options_that_are_not_a_mapping():
    _, problems = scan("/// student\n    just indented text\n///")
    assert problems == [(2, "block-options")]


def test_header_forms():
    blocks, problems = scan("   ///   Teacher   \n///\n/// tab |   Một   \n///")
    assert problems == []
    assert [(b.name, b.argument) for b in blocks] == [("teacher", None), ("tab", "Một")]
