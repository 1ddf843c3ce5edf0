"""``lessonkit package``: a reproducible zip that a teacher unzips and opens from ``file://``."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ..support import REPO, Build, build, copy_project
from .packaging import package

FAKETIME = shutil.which("faketime")


def test_zip_has_one_top_folder_a_readme_and_its_checksum(packaged) -> None:
    archive, unpacked = packaged
    [top] = list(unpacked.iterdir())
    assert (top / "index.html").is_file() and (top / "en" / "index.html").is_file()
    readme = (top / "README.txt").read_text(encoding="utf-8")
    assert "index.html" in readme and "Giải nén" in readme and "Unzip" in readme
    checksum = archive.with_name(archive.name + ".sha256").read_text(encoding="utf-8")
    assert checksum == f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  {archive.name}\n"
    check = subprocess.run(
        ["sha256sum", "-c", checksum.split()[1] + ".sha256"], cwd=archive.parent, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_package_refuses_a_broken_project(tmp_path: Path) -> None:
    project = copy_project("basic", tmp_path)
    page = project / "lessons/primary/safe-secrets/index.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("grades: [1, 2, 3]", "grade: [1, 2, 3]"), encoding="utf-8")
    done = package(project, tmp_path / "dist", epoch="1767225600")
    assert done.returncode == 1
    assert "index.en.md:" in done.stderr and "grade" in done.stderr and "Traceback" not in done.stderr
    assert not list((tmp_path / "dist").glob("*.zip"))


@pytest.mark.skipif(FAKETIME is None, reason="faketime is missing (apt-get install -y faketime)")
def test_two_builds_under_different_clocks_are_byte_identical(tmp_path: Path) -> None:
    """The same commit built on two days gives the same zip and the same files (sitemap included)."""
    project = copy_project("basic", tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-qm",
            "x",
            "--date",
            "2026-07-30T08:00:00+07:00",
        ],
        cwd=project,
        check=True,
        env={**os.environ, "GIT_COMMITTER_DATE": "2026-07-30T08:00:00+07:00"},
    )
    digests = []
    for clock in ("2027-01-02 03:04:05", "2031-06-07 22:33:44"):
        out = tmp_path / clock[:4]
        done = package(project, out, FAKETIME, "-f", clock)  # no SOURCE_DATE_EPOCH: the commit's date
        assert done.returncode == 0, done.stdout + done.stderr
        [archive] = out.glob("*.zip")
        digests.append(hashlib.sha256(archive.read_bytes()).hexdigest())
        with zipfile.ZipFile(archive) as opened:
            assert {info.date_time for info in opened.infolist()} == {(2026, 7, 30, 1, 0, 0)}
    assert digests[0] == digests[1]


def test_two_site_builds_are_identical(basic_site: Build, tmp_path: Path) -> None:
    again = build(copy_project("basic", tmp_path), site=tmp_path / "again")
    assert again.returncode == 0, again.output
    first = {p.relative_to(basic_site.site): p.read_bytes() for p in basic_site.site.rglob("*") if p.is_file()}
    second = {p.relative_to(again.site): p.read_bytes() for p in again.site.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def _readme_block(after: str) -> list[str]:
    """The command lines of the README's first ``sh`` block after the text ``after``."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(after) :].split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_package_steps_pass_as_written(tmp_path: Path) -> None:
    """The department's two commands, exactly as the README writes them, from a project root; then the
    check the package command prints, exactly as printed (issue 18: the check failed on a good copy)."""
    lines = _readme_block("**Make the USB package for schools without internet.**")
    assert lines == [".venv/bin/lessonkit package", "sha256sum -c dist/*.zip.sha256"]
    project = copy_project("basic", tmp_path)
    (project / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    outputs = []
    for line in lines:
        done = subprocess.run(["bash", "-c", line], cwd=project, capture_output=True, text=True, env=env, timeout=900)
        assert done.returncode == 0, f"{line}\n{done.stdout}{done.stderr}"
        outputs.append(done.stdout)
    [archive] = (project / "dist").glob("*.zip")
    assert outputs[1] == f"dist/{archive.name}: OK\n"
    printed = re.search(r"\(check it with: (.*)\)$", outputs[0], re.M)
    assert printed is not None and printed[1] == "sha256sum -c " + f"dist/{archive.name}.sha256", outputs[0]
    again = subprocess.run(["bash", "-c", printed[1]], cwd=project, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stdout + again.stderr


def test_a_package_written_elsewhere_prints_a_check_that_passes(tmp_path: Path) -> None:
    project = copy_project("basic", tmp_path)
    out = tmp_path / "usb stick"
    done = package(project, out, epoch="1767225600")
    assert done.returncode == 0, done.stdout + done.stderr
    printed = re.search(r"\(check it with: (.*)\)$", done.stdout, re.M)
    assert printed is not None and printed[1].startswith("cd "), done.stdout
    check = subprocess.run(["bash", "-c", printed[1]], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert check.returncode == 0 and check.stdout.endswith(": OK\n"), check.stdout + check.stderr


def test_the_zip_readme_gives_both_checks_in_both_languages(packaged) -> None:
    archive, unpacked = packaged
    [top] = list(unpacked.iterdir())
    readme = (top / "README.txt").read_text(encoding="utf-8")
    vi, en = readme.split("-" * 60)
    for text in (vi, en):
        assert f"certutil -hashfile {archive.name} SHA256" in text
        assert f"sha256sum {archive.name}" in text
    assert "Windows" in vi and "trên Windows" in vi


def test_the_package_leaves_out_what_the_site_never_loads(packaged) -> None:
    """The theme's search worker, its lunr language files and every source map: about 2.5 MB."""
    archive, _ = packaged
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
    assert not [n for n in names if n.endswith(".map") or "/javascripts/lunr/" in n or "/javascripts/workers/" in n]
    assert any("/assets/javascripts/bundle." in n for n in names)  # the theme's script itself stays


def test_readme_documents_the_department_steps() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for needed in ("site_url", "lessonkit package", "sha256sum -c", "GIFT"):
        assert needed in readme, needed
