"""A project laid out otherwise, carried by one settings value through the checker and the build.

The sample project ``layout`` keeps its modules in ``content/modules/`` and its pages in ``pages/``, and
its default language is English (Vietnamese second, under ``vi/``): its ``mkdocs.yml`` says so, and its
content is the basic project's, put where that file says (so the two never drift apart). Nothing in the
code assumes ``lessons/``, ``docs/`` or Vietnamese first: it is checked and built strictly like the others.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lessonkit.model import check_project, read_settings

from ..support import PROJECTS, Build, build, copy_project

MODULE = "lessons/primary/safe-secrets"


def layout_project(dest: Path) -> Path:
    """The ``layout`` project: its mkdocs.yml, with the basic project's lessons and pages where it says."""
    project = copy_project("layout", dest)
    shutil.copytree(PROJECTS / "basic" / "lessons", project / "content" / "modules")
    shutil.copytree(PROJECTS / "basic" / "docs", project / "pages")
    return project


@pytest.fixture(scope="module")
def layout_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(layout_project(tmp_path_factory.mktemp("layout")))
    assert result.returncode == 0, result.output
    return result


def test_the_settings_say_where_things_are(tmp_path: Path) -> None:
    root = layout_project(tmp_path)
    settings = read_settings(root)
    assert (settings.lessons_dir, settings.docs_dir, settings.languages) == ("content/modules", "pages", ("en", "vi"))
    catalogue, helplines, problems = check_project(root, settings)
    assert problems == [] and helplines is not None
    assert catalogue.lessons_dir == (root / "content" / "modules").resolve() and len(catalogue.modules) == 3


def test_the_checker_finds_the_project_from_inside_it(tmp_path: Path) -> None:
    project = layout_project(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "lessonkit.cli.main", "check"],
        cwd=project / "content" / "modules" / "primary",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 modules checked: 0 errors" in done.stdout


def test_the_default_language_is_at_the_root(layout_site: Build) -> None:
    assert '<html lang="en"' in layout_site.page("index.html")
    assert '<html lang="vi"' in layout_site.page("vi/index.html")
    assert '<html lang="en"' in layout_site.page(f"{MODULE}/index.html")
    assert '<html lang="vi"' in layout_site.page(f"vi/{MODULE}/quiz.html")
    assert (layout_site.site / "404.html").is_file() and (layout_site.site / "vi" / "404.html").is_file()


def test_a_modules_files_are_copied_from_its_own_folder(layout_site: Build) -> None:
    [source] = (layout_site.project / "content" / "modules" / "primary" / "safe-secrets" / "images").iterdir()
    copied = layout_site.site / MODULE / "images" / source.name
    assert copied.read_bytes() == source.read_bytes()
    assert f'src="images/{source.name}"' in layout_site.page(f"{MODULE}/index.html")


def test_the_moodle_files_sit_beside_their_catalogues(layout_site: Build) -> None:
    assert (layout_site.site / "lessons" / "primary" / "primary-en.gift").is_file()
    assert (layout_site.site / "vi" / "lessons" / "primary" / "primary-vi.gift").is_file()


def test_a_missing_help_lines_file_is_named_where_the_project_keeps_it(tmp_path: Path) -> None:
    project = layout_project(tmp_path)
    (project / "content" / "modules" / "helplines.yml").unlink()
    result = build(project)
    assert result.returncode != 0
    assert "content/modules/helplines.yml:1: error: helplines.yml not found" in result.output
