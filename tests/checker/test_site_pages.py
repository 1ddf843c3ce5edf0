"""docs/ pages (docs/reference.en.md#blocks): every page in every language, with a title and well-formed blocks."""

from __future__ import annotations

from checkerlib import P, expect


def test_page_missing_its_english_version(project):
    project.write("docs/index.vi.md", "---\ntitle: Trang chủ\n---\n\nXin chào.\n")
    expect(
        project,
        P(
            "docs/index.vi.md",
            1,
            "error",
            "missing-language",
            "the English version index.en.md of this page is missing",
        ),
    )


def test_page_missing_its_vietnamese_version_in_a_subfolder(project):
    project.write("docs/guide/safety.en.md", "---\ntitle: Safety\n---\n")
    expect(
        project,
        P(
            "docs/guide/safety.en.md",
            1,
            "error",
            "missing-language",
            "the Vietnamese version guide/safety.vi.md of this page is missing",
        ),
    )


def test_pages_in_both_languages_are_fine(project):
    project.write("docs/index.vi.md", "---\ntitle: Trang chủ\n---\n")
    project.write("docs/index.en.md", "---\ntitle: Home\n---\n")
    expect(project)


def test_page_without_language_suffix(project):
    project.write("docs/about.md", "---\ntitle: About\n---\n")
    expect(
        project,
        P(
            "docs/about.md",
            1,
            "error",
            "page-language",
            "page has no language suffix: name it about.vi.md and about.en.md",
        ),
    )


def test_page_without_title(project):
    project.write("docs/index.vi.md", "---\ntitle: Trang chủ\n---\n")
    project.write("docs/index.en.md", "---\nhide: [toc]\n---\n")
    expect(project, P("docs/index.en.md", 1, "error", "page-title", "page has no 'title' in its front matter"))


def test_page_with_a_broken_quiz(project):
    project.write("docs/index.vi.md", "---\ntitle: Trang chủ\n---\n")
    project.write("docs/index.en.md", "---\ntitle: Home\n---\n\n/// quiz | Try it\n- [x] Yes\n    Right.\n")
    expect(
        project,
        P("docs/index.en.md", 5, "error", "block-unclosed", "the 'quiz' block is never closed with '///'"),
        P("docs/index.en.md", 5, "error", "quiz-too-few-options", "a question needs at least 2 options, found 1"),
    )


def test_page_problems_are_not_shown_when_checking_a_module(project):
    project.write("docs/index.vi.md", "---\ntitle: Trang chủ\n---\n")
    result = project.check("lessons/primary/demo")
    assert result.lines == ["1 module checked: 0 errors, 0 warnings"]
    assert project.check("docs").problem_lines == [
        "docs/index.vi.md:1: error: the English version index.en.md of this page is missing"
    ]
