"""``lessonkit package``: a reproducible zip that a teacher unzips and opens from ``file://``."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
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


def test_readme_documents_the_department_steps() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for needed in ("site_url", "lessonkit package", "sha256sum -c", "GIFT"):
        assert needed in readme, needed
