"""The whole project (``check_project``): what the build checks before it renders, the checker checks.

helplines.yml (which the build reads and the checker used to skip), a ``docs/`` page at the address of
a page built from ``lessons/``, the folders named in ``mkdocs.yml``, and the real lessons and pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checkerlib import REPO, VI, P, Project, expect

from lessonkit.model import Settings, check_project, generated_pages, read_settings

HELPLINES = "lessons/helplines.yml"
CLASH = "this page conflicts with a page built from lessons/: remove it from docs/"


def test_a_clean_project(project):
    catalogue, helplines, problems = check_project(project.root)
    assert problems == []
    assert [m.id for m in catalogue.modules] == ["demo"]
    assert helplines is not None and helplines.main.number == "111"


def test_problems_are_sorted_and_each_once(project):
    project.replace(VI, "duration: 35", "duration: 5")
    project.replace(HELPLINES, "hotlines:", "hotlines: []\nold:")
    problems = check_project(project.root).problems
    assert problems == sorted(set(problems)) and len(problems) >= 2


# --- helplines.yml: the checker reads what the build reads -----------------------------------------


def test_empty_hotlines(project):
    project.write(HELPLINES, project.read(HELPLINES).replace("hotlines:\n", "hotlines: []\nunused:\n", 1))
    result = expect(project, P(HELPLINES, 2, "error", "helplines-structure", "'hotlines' must be a non-empty list"))
    assert result.rc == 1
    assert check_project(project.root).helplines is None


def test_missing_helplines(project):
    project.path(HELPLINES).unlink()
    expect(
        project,
        P(
            HELPLINES,
            1,
            "error",
            "helplines-missing",
            "helplines.yml not found: the help page and quiz results need it",
        ),
    )
    vi = project.check("--lang", "vi")
    assert (
        f"{HELPLINES}:1: error: không tìm thấy helplines.yml: trang trợ giúp và phần kết quả câu hỏi cần tệp này"
        in vi.lines
    )


def test_a_never_word_in_helplines(project):
    project.replace(HELPLINES, "Miễn phí, 24/7.", "Miễn phí, 24/7, trước đây là 1800 1567.")
    expect(
        project,
        P(
            HELPLINES,
            project.line(HELPLINES, "1800 1567"),
            "error",
            "never-word",
            "'1800 1567' must never be published (curriculum.yml 'never' list)",
        ),
    )


def test_helplines_problems_count_when_checking_one_module(project):
    project.replace(HELPLINES, '- number: "113"', "- number: 113")
    line = project.line(HELPLINES, "- number: 113")
    wanted = P(HELPLINES, line, "error", "helplines-number", "each hotline needs a 'number' written as text in quotes")
    expect(project, wanted, args=("lessons/primary/demo",))


# --- docs/ pages at the address of a built page -----------------------------------------------------


def test_generated_pages(project):
    project.add_module("upper-secondary", "older", langs=("vi",))
    pages = generated_pages(check_project(project.root).catalogue)
    assert {"lessons/index.vi.md", "lessons/index.en.md", "404.vi.md", "404.en.md"} <= set(pages)
    assert "lessons/lower-secondary/index.en.md" in pages
    assert {
        "lessons/primary/demo/index.vi.md",
        "lessons/primary/demo/quiz.en.md",
        "lessons/upper-secondary/older/quiz.vi.md",
    } <= set(pages)
    assert "lessons/upper-secondary/older/quiz.en.md" not in pages
    assert "lessons/primary/demo/family.vi.md" in pages  # the demo module has family blocks
    assert len(pages) == len(set(pages)) == 2 + 2 + 6 + 4 + 2 + 3  # overview, 404, catalogues, modules, family


@pytest.mark.parametrize(
    "page",
    [
        "lessons/primary/demo/index.vi.md",
        "lessons/primary/demo/quiz.en.md",
        "lessons/primary/index.vi.md",
        "lessons/index.en.md",
    ],
)
def test_a_docs_page_clashing_with_a_built_page(project, page):
    other = page.replace(".vi.", ".en.") if ".vi." in page else page.replace(".en.", ".vi.")
    project.write(f"docs/{page}", "---\ntitle: x\n---\n")
    project.write(f"docs/{other}", "---\ntitle: x\n---\n")
    expect(
        project, P(f"docs/{page}", 1, "error", "page-clash", CLASH), P(f"docs/{other}", 1, "error", "page-clash", CLASH)
    )
    vi = project.check("--lang", "vi")
    assert (
        f"docs/{page}:1: error: trang này trùng với một trang được tạo từ thư mục lessons/: hãy xóa trang này "
        "khỏi docs/"
    ) in vi.lines


def test_other_docs_pages_under_lessons_are_checked_like_any_page(project):
    project.write("docs/lessons/extra.vi.md", "---\ntitle: Thêm\n---\n\n<script>alert(1)</script>\n")
    expect(
        project,
        P(
            "docs/lessons/extra.vi.md",
            1,
            "error",
            "missing-language",
            "the English version lessons/extra.en.md of this page is missing",
        ),
        P(
            "docs/lessons/extra.vi.md",
            5,
            "error",
            "unsafe-html",
            "'<script>' would run code in the pupils' browsers: remove it; quizzes and blocks give the page its "
            "interactivity (see the authoring guide, 'Content rules')",
        ),
    )


# --- mkdocs.yml: the checker looks where the build looks ---------------------------------------------


def test_settings_of_the_real_site():
    settings = read_settings(REPO)
    assert (settings.lessons_dir, settings.docs_dir, settings.helplines) == ("lessons", "docs", "lessons/helplines.yml")
    assert settings.languages == ("vi", "en") and settings.site_name.startswith("Phòng, chống mua bán người")


@pytest.mark.parametrize(
    "text, settings",
    [
        ("site_name: x\n", Settings(site_name="x")),
        (
            "docs_dir: pages\nplugins:\n  - search\n  - lessonkit:\n      lessons_dir: modules\n      helplines: data/help.yml\n",
            Settings("modules", "pages", "data/help.yml"),
        ),
        ("plugins:\n  lessonkit: {helplines: h.yml}\n  search: {}\n", Settings(helplines="h.yml")),
        ("plugins: [lessonkit]\ndocs_dir: ''\n", Settings()),
        (
            "docs_dir: !ENV [DOCS, site-pages]\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/name:x.y\n",
            Settings(),
        ),
        ("plugins:\n  - lessonkit: {lessons_dir: [a]}\n", Settings()),
        ("[not, a, mapping]\n", Settings()),
        ("docs_dir: [\n", Settings()),
    ],
)
def test_settings_from_mkdocs_yml(tmp_path, text, settings):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert read_settings(tmp_path) == settings


def test_settings_without_a_readable_mkdocs_yml(tmp_path):
    assert read_settings(tmp_path) == Settings()
    (tmp_path / "mkdocs.yml").write_bytes(b"docs_dir: \xff\xfe\n")
    assert read_settings(tmp_path) == Settings()


def test_the_checker_uses_the_folders_of_mkdocs_yml(project):
    project.write(
        "mkdocs.yml", "site_name: x\ndocs_dir: pages\nplugins:\n  - lessonkit:\n      helplines: data/help.yml\n"
    )
    project.write("pages/index.vi.md", "---\ntitle: Trang chủ\n---\n")
    expect(
        project,
        P(
            "data/help.yml",
            1,
            "error",
            "helplines-missing",
            "helplines.yml not found: the help page and quiz results need it",
        ),
        P(
            "pages/index.vi.md",
            1,
            "error",
            "missing-language",
            "the English version index.en.md of this page is missing",
        ),
    )
    project.write("data/help.yml", project.read(HELPLINES))
    project.write("pages/index.en.md", "---\ntitle: Home\n---\n")
    expect(project)


# --- the real project ---------------------------------------------------------------------------------


def test_the_real_lessons_and_pages_pass():
    """Every real module and docs/ page passes every rule, page safety included, with nothing to warn."""
    settings = read_settings(REPO)
    catalogue, helplines, problems = check_project(REPO, settings)
    assert [p.format() for p in problems] == []
    assert helplines is not None and len(catalogue.modules) >= 20


NEVER = "must never appear in a lesson (curriculum.yml 'never' list)"


@pytest.mark.parametrize(
    "text, found",
    [
        ("Hà không biết người đó là ai nhưng thấy tiền dễ kiếm.", "thấy tiền dễ kiếm"),
        ("Bạn ấy ham việc nhẹ lương cao nên mới đi.", "ham việc nhẹ"),
        ("Vì HÁM TIỀN mà đi.", "HÁM TIỀN"),
        ("Bạn ấy tham lương cao.", "tham lương cao"),
        ("She was greedy.", "greedy"),
    ],
)
def test_the_real_never_list_refuses_a_motive_of_greed(project, text, found):
    """The site's word list refuses a greed motive given to someone who was used (issue 24)."""
    project.write("lessons/curriculum.yml", (REPO / "lessons/curriculum.yml").read_text(encoding="utf-8"))
    project.replace(VI, "một điều quan trọng.", f"một điều quan trọng. {text}")
    expect(project, P(VI, 20, "error", "never-word", f"'{found}' {NEVER}"))


def test_the_real_never_list_leaves_the_warning_signs_alone(project):
    """What lessons rightly say about offers and victims is not caught by the greed phrases."""
    project.write("lessons/curriculum.yml", (REPO / "lessons/curriculum.yml").read_text(encoding="utf-8"))
    text = (
        'Lời mời "việc nhẹ lương cao", tiền xe được trả hết: dấu hiệu cảnh báo. Người bị lừa không có lỗi; '
        "người ta thấy thương bạn ấy. Bạn ấy cần tiền học thêm, lương cao bất thường là dấu hiệu lừa."
    )
    project.replace(VI, "một điều quan trọng.", f"một điều quan trọng. {text}")
    expect(project)


def test_the_real_docs_show_html_only_as_examples():
    """The authoring guide shows refused HTML in code: the scanner must see that it is code."""
    from lessonkit.model import read_markdown, scan_markdown

    page = read_markdown(REPO / "docs/authoring.en.md", "docs/authoring.en.md", "en")
    assert "<iframe>" in page.text and "javascript:" in page.text
    assert scan_markdown(page.body) == []


def test_check_project_takes_paths_relative_to_the_root(tmp_path, monkeypatch):
    project = Project(tmp_path)
    project.write("lessons/curriculum.yml", (REPO / "lessons/curriculum.yml").read_text(encoding="utf-8"))
    monkeypatch.chdir(Path("/"))
    problems = check_project(tmp_path).problems
    assert [p.format() for p in problems] == [
        "lessons/helplines.yml:1: error: helplines.yml not found: the help page and quiz results need it"
    ]
