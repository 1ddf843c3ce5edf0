"""Broken lessons stop the build with the checker's message naming file and line, never a traceback."""

from __future__ import annotations

from pathlib import Path

from ..support import build

MODULE = "lessons/primary/safe-secrets"


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_refused(project: Path, expected: str) -> None:
    result = build(project)
    assert result.returncode != 0
    assert expected in result.output, result.output
    assert "Traceback" not in result.output


def test_missing_language_file(basic_copy: Path) -> None:
    (basic_copy / MODULE / "index.en.md").unlink()
    assert_refused(basic_copy, f"{MODULE}/index.vi.md:1: error: the English file index.en.md is missing")


def test_misspelt_field(basic_copy: Path) -> None:
    edit(basic_copy, f"{MODULE}/index.vi.md", "grades: [1, 2, 3]", "grade: [1, 2, 3]")
    assert_refused(basic_copy, f"{MODULE}/index.vi.md:5: error: unknown field 'grade' (did you mean 'grades'?)")


def test_malformed_front_matter(basic_copy: Path) -> None:
    edit(basic_copy, f"{MODULE}/index.en.md", "duration: 35", "duration: [35")
    assert_refused(basic_copy, f"{MODULE}/index.en.md:")
    assert_refused(basic_copy, "malformed YAML")


def test_broken_quiz(basic_copy: Path) -> None:
    edit(basic_copy, f"{MODULE}/index.vi.md", "- [x] Kể với người lớn tin cậy.", "- [ ] Kể với người lớn tin cậy.")
    assert_refused(basic_copy, "error: no option is marked correct with '[x]'")


def test_misspelt_block_name(basic_copy: Path) -> None:
    edit(basic_copy, f"{MODULE}/index.vi.md", "/// student", "/// studnet")
    assert_refused(basic_copy, "error: unknown block 'studnet'")


def test_missing_translation_of_a_site_page(basic_copy: Path) -> None:
    (basic_copy / "docs" / "help.en.md").unlink()
    assert_refused(basic_copy, "docs/help.vi.md:1: error: the English version help.en.md of this page is missing")


def test_broken_curriculum(basic_copy: Path) -> None:
    edit(basic_copy, "lessons/curriculum.yml", "    min_questions: 3", "    min_questions: [3")
    assert_refused(basic_copy, "lessons/curriculum.yml:")


def test_warnings_pass_a_normal_build_and_fail_strict(basic_copy: Path) -> None:
    # A last question without 111 is a warning, not an error.
    path = basic_copy / MODULE / "index.en.md"
    text = path.read_text(encoding="utf-8")
    last = text.rindex("Tell a trusted adult or call 111.")
    path.write_text(
        text[:last] + "Tell a trusted adult." + text[last + len("Tell a trusted adult or call 111.") :],
        encoding="utf-8",
    )
    strict = build(basic_copy, strict=True)
    assert strict.returncode != 0 and "warning: the last question's explanation should point" in strict.output
    normal = build(basic_copy, strict=False)
    assert normal.returncode == 0, normal.output


def test_page_in_docs_clashing_with_a_lesson(basic_copy: Path) -> None:
    clash = basic_copy / "docs" / MODULE
    clash.mkdir(parents=True)
    (clash / "index.vi.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (clash / "index.en.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    # Refused before anything is built, with the checker's own line.
    assert_refused(
        basic_copy,
        f"docs/{MODULE}/index.en.md:1: error: this page conflicts with a page built from lessons/: remove it from docs/",
    )


def test_a_new_module_from_the_scaffold_builds_but_strict_refuses_its_placeholders(basic_copy: Path) -> None:
    """`lessonkit new` gives a valid module in both languages: it builds; a --strict build (the site's)
    refuses it while it still holds the scaffold's placeholders, and only for them (issue 18)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "lessonkit.cli.main", "--root", str(basic_copy), "new", "primary", "my-new-lesson"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    strict = build(basic_copy)
    assert strict.returncode == 1 and "'Lesson title' is text from the 'lessonkit new' template" in strict.output
    warnings = [line for line in strict.output.splitlines() if line.startswith("WARNING")]
    assert warnings and all("is text from the 'lessonkit new' template" in line for line in warnings), warnings
    result = build(basic_copy, strict=False)
    assert result.returncode == 0, result.output
    assert (result.site / "lessons/primary/my-new-lesson/index.html").is_file()
    assert (result.site / "en/lessons/primary/my-new-lesson/quiz.html").is_file()
