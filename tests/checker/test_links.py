"""Links and images (docs/reference.en.md#layout): nothing loads from another host, relative links resolve in the site.

A module links to other modules, its level's catalogue (``../index.md``), its own student page
(``quiz.md``) and site pages; outside sources are ordinary links. Every link here is added to line 20
of the demo module's Vietnamese file. What would load from another host is refused once, by page
safety on the rendered page (tests/checker/test_safety.py), not by the link rule as well.
"""

from __future__ import annotations

import pytest
from checkerlib import VI, P, expect, png

from lessonkit.model.messages import msg

LINE = 20


def _add(project, markdown: str) -> None:
    project.replace(VI, "một điều quan trọng.", f"một điều quan trọng. {markdown}")


def test_missing_image(project):
    _add(project, "![Bàn tay](images/hand.png)")
    expect(project, P(VI, LINE, "error", "link", "link target 'images/hand.png' not found"))


def test_image_in_the_module_folder(project):
    _add(project, "![Bàn tay](images/hand.png)")
    project.write("lessons/primary/demo/images/hand.png", png())
    expect(project)


@pytest.mark.parametrize(
    "markdown, target",
    [
        ("![x](https://example.org/a.png)", "https://example.org/a.png"),
        ("![x](//example.org/a.png)", "//example.org/a.png"),
        ("![x](HTTP://example.org/a.png)", "HTTP://example.org/a.png"),
        ('<img src="http://example.org/a.png" alt="x">', "http://example.org/a.png"),
    ],
)
def test_a_picture_from_another_host(project, markdown, target):
    """One problem, one message: page safety's, with the reason and what to write instead."""
    _add(project, markdown)
    message = msg("unsafe-url.image", url=target)
    assert message.text().startswith(f"'{target}' is a picture from another place: the site must work offline")
    expect(project, P(VI, LINE, "error", "unsafe-url", message.text()))
    assert project.check("--lang", "vi").problem_lines == [f"{VI}:{LINE}: error: {message.text('vi')}"]


@pytest.mark.parametrize(
    "markdown, element",
    [
        ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "iframe"),
        ('<script src="https://cdn.example.org/x.js"></script>', "script"),
        ('<video src="https://example.org/a.mp4"></video>', "video"),
    ],
)
def test_an_element_loading_from_another_host(project, markdown, element):
    """Refused once, for the element itself (no element that loads a file is allowed at all)."""
    _add(project, markdown)
    result = expect(project, only=False)
    assert result.summary[1:] == (1, 0), result.out
    assert result.problem_lines[0].startswith(f"{VI}:{LINE}: error: '<{element}>' "), result.out


def test_absolute_link(project):
    _add(project, "[Trợ giúp](/help/)")
    expect(
        project,
        P(
            VI,
            LINE,
            "error",
            "link",
            "absolute link '/help/' breaks when the site is opened from a USB stick: use a relative link",
        ),
    )


def test_link_to_another_module_that_exists(project):
    project.add_module("primary", "other")
    project.add_module("upper-secondary", "older")
    _add(project, "[Bài khác](../other/index.md), [bài lớp trên](../../upper-secondary/older/index.md#muc-2)")
    result = expect(project)
    assert result.summary == (3, 0, 0)


def test_link_to_a_module_that_does_not_exist(project):
    _add(project, "[Bài khác](../nope/index.md)")
    expect(project, P(VI, LINE, "error", "link", "link target '../nope/index.md' not found"))


@pytest.mark.parametrize(
    "markdown",
    [
        "[Trang học sinh](quiz.md)",
        "[Các bài tiểu học](../index.md)",
        "[Tổng đài 111](https://tongdai111.vn/)",
        "[Thư](mailto:hotro@example.org), [gọi](tel:111)",
        "[Lên đầu trang](#hoat-dong)",
        '<a href="https://tongdai111.vn/">111</a>',
    ],
)
def test_links_that_are_fine(project, markdown):
    _add(project, markdown)
    expect(project)


def test_link_to_a_site_page(project):
    _add(project, "[Trợ giúp](../../../help.md)")
    expect(project, P(VI, LINE, "error", "link", "link target '../../../help.md' not found"))
    project.write("docs/help.vi.md", "---\ntitle: Trợ giúp\n---\n")
    project.write("docs/help.en.md", "---\ntitle: Help\n---\n")
    expect(project)


def test_link_outside_the_site(project):
    _add(project, "[x](../../../../secret.md)")
    expect(project, P(VI, LINE, "error", "link", "link '../../../../secret.md' points outside the site"))


def test_catalogue_of_another_level_is_generated(project):
    _add(project, "[Trung học cơ sở](../../lower-secondary/index.md)")
    expect(project)


def test_links_in_code_are_not_checked(project):
    project.replace(VI, "## Hoạt động\n", "## Hoạt động\n\n```markdown\n![x](https://example.org/a.png)\n```\n")
    expect(project)
