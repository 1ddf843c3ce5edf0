"""The ``lessonkit check`` command: output format and order, summary, JSON, exit codes, paths, script.

Also runs ``scripts/check_lessons.py`` as a real script (subprocess) to prove it works outside pytest.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest
from checkerlib import EN, RE_PROBLEM, REPO, VI, Project, main

SUMMARY_ERR = "lessons/primary/demo/index.vi.md:7: error: 'duration' is 5 minutes; it must be 10 to 90"


def _break_several(project: Project) -> None:
    """Problems in both files, on lines that are reached out of order by the rules."""
    project.replace(VI, "Hãy kể với người lớn tin cậy, hoặc nhờ người lớn gọi 111.", "Hãy kể.")  # warning, line 52
    project.replace(VI, "duration: 35", "duration: 5")  # vi 7, en 7 (parity)
    project.replace(EN, "something important.", "an organ.")  # en 20
    project.replace(EN, "title: My trusted adults", "title: 5")  # en 2
    project.replace(VI, "## Hoạt động\n", "## Hoạt động\n///\n")  # vi 19, after the front matter rules


def test_output_is_sorted_by_path_then_line(project):
    _break_several(project)
    result = project.check()
    keys = []
    for line in result.problem_lines:
        match = RE_PROBLEM.match(line)
        keys.append((match["path"], int(match["line"])))
    assert keys == sorted(keys)
    assert [k[0] for k in keys] == [EN] * 3 + [VI] * 3
    assert result.problem_lines[0] == f"{EN}:2: error: 'title' must be text"
    assert result.lines[-1] == "1 module checked: 5 errors, 1 warning"
    assert result.rc == 1


def test_every_output_line_is_a_problem_or_the_summary(project):
    _break_several(project)
    lines = project.check().lines
    assert all(RE_PROBLEM.match(line) for line in lines[:-1])
    assert len(lines) == 7


@pytest.mark.parametrize(
    "modules, summary", [(1, "1 module checked"), (2, "2 modules checked"), (3, "3 modules checked")]
)
def test_summary_counts_modules(project, modules, summary):
    for n in range(1, modules):
        project.add_module("primary", f"more-{n}")
    assert project.check().lines == [f"{summary}: 0 errors, 0 warnings"]


def test_summary_singular_and_plural(project):
    project.replace(VI, "duration: 35", "duration: 5")
    project.replace(EN, "duration: 35", "duration: 5")
    assert project.check().lines[-1] == "1 module checked: 2 errors, 0 warnings"
    project.replace(EN, "duration: 5", "duration: 35")
    project.replace(VI, "/// student", "/// teacher")
    project.replace(VI, "Hãy kể với người lớn tin cậy, hoặc nhờ người lớn gọi 111.", "Hãy kể.")
    assert project.check().lines[-1] == "1 module checked: 2 errors, 2 warnings"


def test_json_structure(project):
    _break_several(project)
    text = project.check()
    result = project.check_json()
    data = result.json()
    assert set(data) == {"modules", "errors", "warnings", "problems"}
    assert (data["modules"], data["errors"], data["warnings"]) == text.summary == (1, 5, 1)
    for problem in data["problems"]:
        assert set(problem) == {"path", "line", "severity", "code", "message"}
        assert isinstance(problem["line"], int) and problem["line"] >= 1
        assert problem["severity"] in ("error", "warning")
        assert problem["code"] and problem["code"] == problem["code"].lower()
    assert [f"{p['path']}:{p['line']}: {p['severity']}: {p['message']}" for p in data["problems"]] == text.problem_lines
    assert {p["code"] for p in data["problems"]} == {
        "field-type",
        "avoid-word",
        "translation-mismatch",
        "duration-range",
        "block-stray-end",
        "quiz-ends-with-help",
    }
    assert result.rc == 1
    assert "\\u" not in result.out  # UTF-8, not escaped


def test_json_of_a_clean_project(project):
    result = project.check_json()
    assert result.json() == {"modules": 1, "errors": 0, "warnings": 0, "problems": []}
    assert result.rc == 0


def test_json_keeps_unicode(project):
    project.replace(VI, "một điều quan trọng.", "một điều về nội tạng.")
    result = project.check_json()
    assert "'nội tạng' is on the primary avoid list" in result.out


def test_exit_0_with_warnings_only(project):
    project.replace(VI, "/// student", "/// teacher")
    assert project.check().rc == 0
    assert project.check_json().rc == 0


def test_exit_2_for_a_path_that_does_not_exist(project):
    result = project.check("lessons/primary/nope")
    assert result.rc == 2
    assert result.out == ""
    assert result.err.strip() == "lessonkit check: error: no such file or folder: lessons/primary/nope"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "xml"],
        ["check", "--frobnicate"],
        ["frobnicate"],
        [],
        ["new", "primary"],
        ["coverage", "extra"],
    ],
)
def test_exit_2_for_bad_arguments(project, args):
    result = project.cli(*args)
    assert result.rc == 2
    assert "error:" in result.err and "usage:" in result.err
    assert "Traceback" not in result.err


def test_exit_2_for_a_root_that_is_not_a_folder(project, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = main(["--root", str(tmp_path / "nowhere"), "check"])
    assert rc == 2
    assert "is not a folder" in err.getvalue()


def test_help_exits_0(project):
    result = project.cli("check", "--help")
    assert result.rc == 0 and "--format" in result.out


def test_check_one_module_restricts_the_output(project):
    other = project.add_module("primary", "other")
    project.replace(f"{other}/index.en.md", "duration: 35", "duration: 5")
    project.replace(VI, "duration: 35", "duration: 4")
    all_ = project.check()
    assert all_.summary == (2, 4, 0)
    one = project.check("lessons/primary/demo")
    assert one.problem_lines == [
        f"{EN}:7: error: 'duration' is 35 here but 4 in {VI}: both languages must agree",
        f"{VI}:7: error: 'duration' is 4 minutes; it must be 10 to 90",
    ]
    assert one.lines[-1] == "1 module checked: 2 errors, 0 warnings"
    assert one.rc == 1
    assert project.check("lessons/primary/demo/").problem_lines == one.problem_lines
    assert project.check(str(project.root / "lessons/primary/demo")).problem_lines == one.problem_lines
    two = project.check(other)
    assert all(line.startswith(other + "/") for line in two.problem_lines) and len(two.problem_lines) == 2
    assert project.check("lessons/primary").summary == (2, 4, 0)
    assert project.check("lessons/primary/demo", other).summary == (2, 4, 0)


def test_check_a_clean_module_while_another_is_broken(project):
    other = project.add_module("primary", "other")
    project.replace(f"{other}/index.en.md", "duration: 35", "duration: 5")
    result = project.check("lessons/primary/demo")
    assert result.lines == ["1 module checked: 0 errors, 0 warnings"] and result.rc == 0


def test_check_one_file(project):
    project.replace(VI, "duration: 35", "duration: 4")
    result = project.check(EN)
    assert result.problem_lines == [f"{EN}:7: error: 'duration' is 35 here but 4 in {VI}: both languages must agree"]
    assert result.lines[-1] == "1 module checked: 1 error, 0 warnings"
    assert result.rc == 1


def test_root_is_found_from_a_subfolder(project, monkeypatch):
    project.replace(VI, "duration: 35", "duration: 4")
    monkeypatch.chdir(project.root / "lessons" / "primary")
    out = io.StringIO()
    with redirect_stdout(out):
        rc = main(["check", "demo"])
    assert rc == 1
    assert f"{VI}:7: error: 'duration' is 4 minutes; it must be 10 to 90" in out.getvalue().splitlines()


# --- the script, run for real ---------------------------------------------------------------------


def test_script_on_a_clean_project(project):
    result = project.script()
    assert (result.rc, result.out, result.err) == (0, "1 module checked: 0 errors, 0 warnings\n", "")


def test_script_reports_problems_and_exits_1(project):
    project.replace(VI, "duration: 35", "duration: 5")
    project.replace(EN, "duration: 35", "duration: 5")
    result = project.script()
    assert result.rc == 1
    assert result.out.splitlines() == [
        "lessons/primary/demo/index.en.md:7: error: 'duration' is 5 minutes; it must be 10 to 90",
        SUMMARY_ERR,
        "1 module checked: 2 errors, 0 warnings",
    ]
    assert result.err == ""


def test_script_json_and_path(project):
    project.add_module("primary", "other")
    project.replace(VI, "một điều quan trọng.", "một điều, gọi 1800 1567.")
    result = project.script("--format", "json", "lessons/primary/demo")
    data = json.loads(result.out)
    assert data["modules"] == 1 and data["errors"] == 1
    assert data["problems"] == [
        {
            "path": VI,
            "line": 20,
            "severity": "error",
            "code": "never-word",
            "message": "'1800 1567' must never appear in a lesson (curriculum.yml 'never' list)",
        }
    ]
    assert result.rc == 1


def test_script_usage_errors_exit_2(project):
    result = project.script("lessons/nope")
    assert result.rc == 2 and "no such file or folder: lessons/nope" in result.err
    result = project.script("--format", "yaml")
    assert result.rc == 2 and "invalid choice" in result.err and "Traceback" not in result.err


def test_script_on_the_real_project_does_not_crash():
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts/check_lessons.py"), "--format", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    assert data["modules"] >= 1
    assert data["errors"] == sum(p["severity"] == "error" for p in data["problems"])
    assert proc.returncode == (1 if data["errors"] else 0)
