"""Helpers for the checker tests: a minimal valid project in a temporary folder, and a CLI runner.

The ``project`` fixture (conftest.py) writes ``lessons/curriculum.yml`` (a small copy of the real
taxonomy), ``lessons/helplines.yml`` and one valid module ``lessons/primary/demo/`` in both languages, checks that it is clean
(0 errors, 0 warnings), and returns a :class:`Project` whose helpers change one file and run
``lessonkit check`` in-process. :func:`expect` asserts the exact problems of a run.
"""

from __future__ import annotations

import io
import json
import re
import struct
import subprocess
import sys
import zlib
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from lessonkit.cli.main import main

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "check_lessons.py"

CURRICULUM = """\
# A small copy of the real taxonomy (lessons/curriculum.yml) for the checker tests.
levels:
  primary:
    name: {vi: Tiểu học, en: Primary school}
    grades: [1, 2, 3, 4, 5]
    min_questions: 3
    lesson_plan: primary
    # Only primary gives its period here: the demo's secondary variants keep 35 minutes (a test adds 45).
    period: 35
    avoid: [mại dâm, nội tạng, prostitution, organ, sold as a wife]
  lower-secondary:
    name: {vi: Trung học cơ sở, en: Lower secondary school}
    grades: [6, 7, 8, 9]
    min_questions: 5
    lesson_plan: secondary
    avoid: []
  upper-secondary:
    name: {vi: Trung học phổ thông, en: Upper secondary school}
    grades: [10, 11, 12]
    min_questions: 5
    lesson_plan: secondary
    avoid: []
ages:
  1: [6, 7]
  2: [7, 8]
  3: [8, 9]
  4: [9, 10]
  5: [10, 11]
  6: [11, 12]
  7: [12, 13]
  8: [13, 14]
  9: [14, 15]
  10: [15, 16]
  11: [16, 17]
  12: [17, 18]
subjects:
  ethics:
    name: {vi: Đạo đức, en: Ethics}
    levels: [primary]  # the older shorthand for every grade of the level
  nature-and-society:
    name: {vi: Tự nhiên và Xã hội, en: Nature and society}
    grades: [1, 2, 3]
  science:
    name: {vi: Khoa học, en: Science}
    grades: [4, 5]
  informatics:
    name: {vi: Tin học, en: Informatics}
    grades: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    level_names:
      primary: {vi: Tin học và Công nghệ, en: Informatics and technology}
  civic-education:
    name: {vi: Giáo dục công dân, en: Civic education}
    grades: [6, 7, 8, 9]
  economic-and-legal-education:
    name: {vi: Giáo dục kinh tế và pháp luật, en: Economic and legal education}
    grades: [10, 11, 12]
  experiential-activities:
    name: {vi: "Hoạt động trải nghiệm, hướng nghiệp", en: Experiential and career-guidance activities}
    grades: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    level_names:
      primary: {vi: Hoạt động trải nghiệm, en: Experiential activities}
    forms:
      flag-salute:
        name: {vi: Sinh hoạt dưới cờ, en: Flag-salute assembly}
      theme-activity:
        name: {vi: Hoạt động giáo dục theo chủ đề, en: Themed educational activity}
      class-meeting:
        name: {vi: Sinh hoạt lớp, en: Class meeting}
      club:
        name: {vi: Câu lạc bộ, en: Club}
topics:
  trusted-adults: {name: {vi: Người lớn tin cậy, en: Trusted adults}}
  asking-for-help: {name: {vi: Tìm kiếm sự giúp đỡ, en: Asking for help}}
  safe-secrets: {name: {vi: Bí mật an toàn và không an toàn, en: Safe and unsafe secrets}}
  online-safety: {name: {vi: An toàn trên mạng, en: Online safety}}
  job-offers: {name: {vi: Lời mời "việc nhẹ lương cao", en: '"Easy job, high pay" offers'}}
never:
  - 1800 1567
  - "18001567"
  - ma cô
"""

DEMO_VI = """\
---
title: Người lớn tin cậy của em
description: >-
  Em nhận ra những người lớn có thể giúp em và luyện cách kể với họ khi thấy không an toàn.
level: primary
grades: [1, 2, 3]
duration: 35
subjects: [experiential-activities, ethics]
topics: [trusted-adults, asking-for-help]
objectives:
  - Kể tên được ít nhất ba người lớn tin cậy ở nhà và ở trường.
  - Biết cách nói "Không", rời đi và kể ngay khi thấy không an toàn.
sources:
  - title: Tổng đài quốc gia bảo vệ trẻ em 111
    url: https://tongdai111.vn/
---

## Hoạt động

Giáo viên kể chuyện bạn Huy muốn kể với bà một điều quan trọng.

/// teacher
Hỏi cả lớp: vì sao Huy thấy lo?
///

/// student
- Em có quyền nói "Không", rời đi và kể ngay với người lớn tin cậy.
///

## Câu hỏi

/// quiz | Một bạn mới quen trên mạng rủ em đi chơi xa và dặn em đừng kể với bố mẹ. Em nên làm gì?
- [ ] Đi ngay, vì bạn ấy rất tốt với em.
    Người bạn tốt không bao giờ bảo em giấu bố mẹ.
- [x] Từ chối và kể ngay với bố mẹ hoặc thầy cô.
    Đúng! Người lớn tin cậy sẽ giúp em an toàn.
- [ ] Giữ bí mật để bạn ấy không buồn.
    Đây là một bí mật không an toàn.

Khi ai đó bảo em giữ bí mật với bố mẹ, đó là dấu hiệu cần kể ngay.
///

/// quiz | Ai là người lớn tin cậy của em?
- [x] Cô giáo chủ nhiệm.
    Đúng, cô luôn sẵn lòng lắng nghe em.
- [x] Bố mẹ em.
    Đúng, bố mẹ luôn muốn em an toàn.
- [ ] Một người lạ cho em kẹo.
    Người lạ chưa phải là người lớn tin cậy.
///

/// quiz | Em có thể kể với người lớn tin cậy khi thấy không an toàn.
    type: multiple
- [x] Đúng.
    Đúng! Kể ngay là việc làm dũng cảm.
- [ ] Sai.
    Em luôn có thể kể, dù đã hứa giữ bí mật.

Hãy kể với người lớn tin cậy, hoặc nhờ người lớn gọi 111.
///

## Tiến trình bài học

### 1. Khởi động: Ai giúp em? (5 phút)

/// step | Mở đầu
Mục tiêu: HS nhớ lại những người lớn hay giúp em.
Sản phẩm: Mỗi HS nói tên một người lớn em tin.
///

### 2. Câu chuyện: Huy muốn kể (10 phút)

/// step | Hình thành kiến thức mới
Mục tiêu: HS biết khi nào cần kể với người lớn tin cậy.
Sản phẩm: HS nói được vì sao Huy nên kể với bà.
///

### 3. Đóng vai: Em kể với người lớn (15 phút)

/// step | Luyện tập
Mục tiêu: HS luyện cách kể với người lớn tin cậy.
Sản phẩm: Từng cặp HS đóng vai kể với người lớn.
///

### 4. Tổng kết: Bàn tay tin cậy (5 phút)

/// step | Vận dụng
Mục tiêu: HS chọn người lớn tin cậy của mình ở nhà và ở trường.
Sản phẩm: Mỗi HS viết tên ba người lớn tin cậy lên hình bàn tay.
///

/// family
Hôm nay con đã học cách nhận ra người lớn tin cậy và kể ngay khi thấy không an toàn.
Ở nhà, bố mẹ hãy cùng con kể tên ba người lớn tin cậy. Khi cần giúp đỡ, hãy gọi 111.
///
"""

DEMO_EN = """\
---
title: My trusted adults
description: >-
  Pupils find the grown-ups who can help them and practise telling them when they feel unsafe.
level: primary
grades: [1, 2, 3]
duration: 35
subjects: [experiential-activities, ethics]
topics: [trusted-adults, asking-for-help]
objectives:
  - Name at least three trusted adults at home and at school.
  - Know how to say "No", go away and tell straight away when they feel unsafe.
sources:
  - title: National child protection hotline 111
    url: https://tongdai111.vn/
---

## Activity

The teacher tells the story of Huy, who wants to tell his grandma something important.

/// teacher
Ask the class: why does Huy feel worried?
///

/// student
- You can say "No", go away and tell a trusted adult straight away.
///

## Quiz

/// quiz | A new online friend invites you on a long trip and says not to tell your parents. What should you do?
- [ ] Go straight away, because they are very kind to you.
    A good friend never asks you to hide things from your parents.
- [x] Say no and tell your parents or teacher straight away.
    Right! A trusted adult will help you stay safe.
- [ ] Keep it secret so they are not sad.
    This is an unsafe secret.

When someone asks you to keep a secret from your parents, that is a sign to tell straight away.
///

/// quiz | Who are your trusted adults?
- [x] My homeroom teacher.
    Yes, she is always ready to listen.
- [x] My parents.
    Yes, your parents want you to be safe.
- [ ] A stranger who gives me sweets.
    A stranger is not yet a trusted adult.
///

/// quiz | You can tell a trusted adult when you feel unsafe.
    type: multiple
- [x] True.
    Right! Telling is brave.
- [ ] False.
    You can always tell, even if you promised to keep a secret.

Tell a trusted adult, or ask a grown-up to call 111.
///

## Lesson steps

### 1. Warm-up: Who helps me? (5 minutes)

/// step | Opening
Aim: Pupils recall the grown-ups who help them.
Product: Each pupil names one adult they trust.
///

### 2. Story: Huy wants to tell (10 minutes)

/// step | New knowledge
Aim: Pupils learn when to tell a trusted adult.
Product: Pupils say why Huy should tell his grandma.
///

### 3. Role play: Telling a grown-up (15 minutes)

/// step | Practice
Aim: Pupils practise telling a trusted adult.
Product: Each pair acts out telling a grown-up.
///

### 4. Wrap-up: My trusted hand (5 minutes)

/// step | Application
Aim: Pupils choose their trusted adults at home and at school.
Product: Each pupil writes three trusted adults on a drawing of their hand.
///

/// family
Today your child learned to recognise trusted adults and to tell straight away when they feel unsafe.
At home, name three trusted adults together. When you need help, call 111.
///
"""

HELPLINES = """\
# Who to tell and which numbers to call (a small copy of the real lessons/helplines.yml).
hotlines:
  - number: "111"
    name: {vi: Tổng đài quốc gia bảo vệ trẻ em, en: National child protection hotline}
    note: {vi: "Miễn phí, 24/7.", en: "Free, 24 hours a day."}
    source: {title: Tổng đài 111, url: "https://tongdai111.vn/"}
  - number: "113"
    name: {vi: Công an, en: Police}
    note: {vi: Khi có nguy hiểm ngay lúc này., en: When there is danger right now.}
trusted_adults:
  vi: [Bố mẹ hoặc người chăm sóc em, Giáo viên chủ nhiệm]
  en: [Your parents or carers, Your homeroom teacher]
report_to:
  vi: Ủy ban nhân dân xã, phường hoặc công an gần nhất.
  en: The commune or ward People's Committee or the nearest police.
"""

VI = "lessons/primary/demo/index.vi.md"
EN = "lessons/primary/demo/index.en.md"
RE_PROBLEM = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<severity>error|warning): (?P<message>.*)$")
RE_SUMMARY = re.compile(r"^(\d+) modules? checked: (\d+) errors?, (\d+) warnings?$")


@dataclass
class Result:
    """One CLI run: exit code, standard output and standard error."""

    rc: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def problem_lines(self) -> list[str]:
        return [line for line in self.lines if RE_PROBLEM.match(line)]

    @property
    def summary(self) -> tuple[int, int, int]:
        """(modules, errors, warnings) from the last line of the text output."""
        match = RE_SUMMARY.match(self.lines[-1])
        assert match, f"no summary line in {self.out!r}"
        return int(match[1]), int(match[2]), int(match[3])

    def json(self) -> dict:
        return json.loads(self.out)


class Project:
    """A project in a temporary folder, with helpers to change its files and run the checker."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.path(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def replace(self, rel: str, old: str, new: str, count: int = 1) -> None:
        """Replace ``old`` (which must be in the file) by ``new``, ``count`` times (-1: all)."""
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, count))

    def line(self, rel: str, needle: str, nth: int = 1) -> int:
        """The 1-based line number of the ``nth`` line of ``rel`` that contains ``needle``."""
        hits = [i for i, text in enumerate(self.read(rel).splitlines(), start=1) if needle in text]
        assert len(hits) >= nth, f"{needle!r} found {len(hits)} times in {rel}"
        return hits[nth - 1]

    def add_module(self, level: str, module_id: str, langs: tuple[str, ...] = ("vi", "en")) -> str:
        """Write a valid module folder (the demo made fit for ``level``); returns its folder path."""
        questions = 3 if level == "primary" else 5
        for lang in langs:
            self.write(f"lessons/{level}/{module_id}/index.{lang}.md", variant(lang, level, questions))
        return f"lessons/{level}/{module_id}"

    def cli(self, *args: str) -> Result:
        """``lessonkit --root ROOT ARGS…`` in-process (the working directory is the root)."""
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            rc = main(["--root", str(self.root), *args])
        return Result(rc, out.getvalue(), err.getvalue())

    def check(self, *args: str) -> Result:
        return self.cli("check", *args)

    def check_json(self, *args: str) -> Result:
        return self.cli("check", "--format", "json", *args)

    def script(self, *args: str) -> Result:
        """``python scripts/check_lessons.py ARGS…`` run as a script from the project root."""
        proc = subprocess.run(
            [sys.executable, str(SCRIPT), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)


def make_project(root: Path) -> Project:
    project = Project(root)
    project.write("lessons/curriculum.yml", CURRICULUM)
    project.write("lessons/helplines.yml", HELPLINES)
    project.write(VI, DEMO_VI)
    project.write(EN, DEMO_EN)
    return project


class P(NamedTuple):
    """An expected problem, in the order the checker sorts them."""

    path: str
    line: int
    severity: str
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


def png(width: int = 1, height: int = 1) -> bytes:
    """A real PNG picture (white, 8-bit greyscale): the signature, then ``IHDR``, ``IDAT`` and ``IEND``
    chunks with their lengths and CRCs, as any image reader expects them."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xff" * width for _ in range(height))  # filter byte 0, then the pixels
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def problems_of(result: Result, severity: str | None = None) -> list[P]:
    """Every problem of a JSON run, as :class:`P`."""
    return [
        P(p["path"], p["line"], p["severity"], p["code"], p["message"])
        for p in result.json()["problems"]
        if severity is None or p["severity"] == severity
    ]


def expect(project: Project, *wanted: P, only: bool = True, args: tuple[str, ...] = ()) -> Result:
    """Check the project in text and JSON form; assert the ``wanted`` problems are reported exactly so.

    With ``only`` they must be all the problems, in sorted order. Also checks the exit code (1 with an
    error, else 0), the summary line and that nothing went to stderr. Returns the text run.
    """
    text = project.check(*args)
    data = project.check_json(*args)
    assert text.err == "" and data.err == "", text.err + data.err
    found = problems_of(data)
    for problem in wanted:
        assert problem.format() in text.lines, f"expected\n  {problem.format()}\ngot\n{text.out}"
        assert problem in found, f"expected {problem} in {found}"
    if only:
        assert text.problem_lines == [p.format() for p in sorted(set(wanted))], text.out
        assert found == sorted(set(wanted)), found
    errors = sum(1 for p in found if p.severity == "error")
    assert text.summary[1:] == (errors, len(found) - errors)
    assert text.rc == data.rc == (1 if errors else 0)
    return text


def both(project: Project, old: str, new: str, count: int = 1) -> None:
    """The same change in both language files of the demo module."""
    project.replace(VI, old, new, count)
    project.replace(EN, old, new, count)


LEVEL_TAGS = {
    "primary": ("grades: [1, 2, 3]", "subjects: [experiential-activities, ethics]"),
    "lower-secondary": ("grades: [6, 7]", "subjects: [experiential-activities, civic-education]"),
    "upper-secondary": ("grades: [10, 11]", "subjects: [experiential-activities, economic-and-legal-education]"),
}
EXTRA_QUESTION = {
    "vi": "/// quiz | Câu hỏi thêm {n}: em sẽ làm gì?\n- [ ] Im lặng.\n    Chưa đúng.\n- [x] Kể ngay.\n    Đúng.\n///\n\n",
    "en": "/// quiz | Extra question {n}: what would you do?\n- [ ] Stay quiet.\n    Not quite.\n- [x] Tell.\n    Right.\n///\n\n",
}
LAST_QUESTION = {"vi": "/// quiz | Em có thể kể", "en": "/// quiz | You can tell"}


#: The demo's objectives, and labelled ones for a secondary module (curriculum ``lesson_plan: secondary``).
OBJECTIVES = {
    "vi": (
        """  - Kể tên được ít nhất ba người lớn tin cậy ở nhà và ở trường.
  - Biết cách nói "Không", rời đi và kể ngay khi thấy không an toàn.
""",
        """  - "Kiến thức: Kể tên được ít nhất ba người lớn tin cậy ở nhà và ở trường."
  - "Năng lực: Biết cách nói 'Không', rời đi và kể ngay khi thấy không an toàn."
  - "Phẩm chất: Quan tâm đến bạn bè và sẵn sàng kể với người lớn tin cậy."
""",
    ),
    "en": (
        """  - Name at least three trusted adults at home and at school.
  - Know how to say "No", go away and tell straight away when they feel unsafe.
""",
        """  - "Knowledge: Name at least three trusted adults at home and at school."
  - "Competence: Know how to say 'No', go away and tell straight away when they feel unsafe."
  - "Qualities: Care about their friends and be ready to tell a trusted adult."
""",
    ),
}


def variant(lang: str, level: str = "primary", questions: int = 3) -> str:
    """The demo module's ``lang`` file made valid for ``level``, with ``questions`` questions (≥ 3)."""
    text = DEMO_VI if lang == "vi" else DEMO_EN
    if level != "primary":
        text = text.replace(OBJECTIVES[lang][0], OBJECTIVES[lang][1])
    grades, subjects = LEVEL_TAGS[level]
    text = text.replace("level: primary", f"level: {level}")
    text = text.replace(LEVEL_TAGS["primary"][0], grades).replace(LEVEL_TAGS["primary"][1], subjects)
    extra = "".join(EXTRA_QUESTION[lang].format(n=n) for n in range(4, questions + 1))
    return text.replace(LAST_QUESTION[lang], extra + LAST_QUESTION[lang])


#: Header lines of the three demo questions (the same in both files; test_cli checks them).
Q1, Q2, Q3 = 32, 43, 52


def run_in_process(project: Project, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = main(["--root", str(project.root), *args])
    return rc, out.getvalue(), err.getvalue()


def assert_sane(project: Project) -> None:
    """The checker's invariants, in text and JSON form."""
    rc, out, err = run_in_process(project, "check")
    assert rc in (0, 1), (rc, out, err)
    assert "Traceback" not in out + err and err == ""
    lines = out.splitlines()
    summary = RE_SUMMARY.match(lines[-1])
    assert summary, out
    for line in lines[:-1]:
        match = RE_PROBLEM.match(line)
        assert match, f"not a problem line: {line!r}"
        assert int(match["line"]) >= 1
        assert (project.root / match["path"]).exists(), line
    errors = int(summary[2])
    assert rc == (1 if errors else 0)
    jrc, jout, jerr = run_in_process(project, "check", "--format", "json")
    assert jrc == rc and jerr == ""
    data = json.loads(jout)
    assert data["errors"] == errors and len(data["problems"]) == len(lines) - 1
    assert all(isinstance(p["line"], int) and p["line"] >= 1 for p in data["problems"])
    crc, _cout, cerr = run_in_process(project, "coverage", "--format", "json")
    assert crc in (0, 1) and "Traceback" not in cerr


#: The minutes of the demo's four steps (they add up to its duration, 35).
DEMO_STEP_MINUTES = (5, 10, 15, 5)


def set_step_minutes(project: Project, total: int, rels: tuple[str, ...] = (VI, EN)) -> None:
    """Give the demo's four steps minutes that add up to ``total``, in ``rels``."""
    part = total // 4
    minutes = (part, part, part, total - 3 * part)
    for rel in rels:
        text = project.read(rel)
        unit = "phút" if rel.endswith(".vi.md") else "minutes"
        for position, (old, new) in enumerate(zip(DEMO_STEP_MINUTES, minutes, strict=True), start=1):
            text = re.sub(rf"^(### {position}\. .*)\({old} {unit}\)$", rf"\g<1>({new} {unit})", text, flags=re.M)
        project.write(rel, text)


def steps_sum(total: int, duration: object, line: int) -> str:
    """The message of steps whose minutes do not add up to the duration."""
    return f"the steps' minutes add up to {total} but 'duration' is {duration} (line {line}): make them agree"
