#!/usr/bin/env python3
"""Benchmark the checker on 1,000 synthetic modules (2,000 files); prints figures, it is not a test.

Generates realistic modules (front matter, ~600 words of lesson text with teacher and student blocks,
links, 5 quiz questions) spread over the three levels in a temporary folder with a copy of
lessons/curriculum.yml, then measures:

- in-process ``load`` + ``validate`` (the work of ``lessonkit check``): wall time, median of 3 runs;
- peak memory of one in-process run (tracemalloc) and the process's maximum RSS;
- one run of ``scripts/check_lessons.py`` in a subprocess (interpreter start-up included);

and the ratio against the target: all 2,000 files in 2 s.

    python scripts/bench_checker.py [--modules N] [--keep] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lessonkit.model import load, validate  # noqa: E402

TARGET_SECONDS = 2.0
LEVELS = {
    "primary": (
        [1, 2, 3, 4, 5],
        ["ethics", "experiential-activities", "nature-and-society"],
        ["trusted-adults", "body-safety", "say-no-go-tell", "safe-secrets", "asking-for-help"],
    ),
    "lower-secondary": (
        [6, 7, 8, 9],
        ["civic-education", "experiential-activities", "informatics"],
        ["what-is-trafficking", "online-grooming", "job-offers", "helping-a-friend", "warning-signs"],
    ),
    "upper-secondary": (
        [10, 11, 12],
        ["economic-and-legal-education", "experiential-activities", "local-education"],
        ["the-law", "safe-migration", "scam-compounds", "victim-support", "reporting"],
    ),
}
WORDS = {
    "vi": [
        "em",
        "bạn",
        "người",
        "lớn",
        "tin",
        "cậy",
        "thầy",
        "cô",
        "bố",
        "mẹ",
        "an",
        "toàn",
        "kể",
        "lại",
        "nói",
        "không",
        "rời",
        "đi",
        "giúp",
        "đỡ",
        "câu",
        "chuyện",
        "lớp",
        "học",
        "hoạt",
        "động",
        "thảo",
        "luận",
        "nhóm",
        "tình",
        "huống",
        "lời",
        "mời",
        "việc",
        "làm",
        "trên",
        "mạng",
        "cảnh",
        "giác",
        "hỏi",
        "ý",
        "kiến",
        "gia",
        "đình",
        "trường",
        "học",
        "sinh",
        "bảo",
        "vệ",
        "quyền",
        "lắng",
        "nghe",
        "tôn",
        "trọng",
        "cảm",
        "xúc",
        "lo",
        "lắng",
        "dũng",
        "cảm",
        "bí",
        "mật",
    ],
    "en": [
        "you",
        "friend",
        "trusted",
        "adult",
        "teacher",
        "parents",
        "safe",
        "tell",
        "say",
        "no",
        "go",
        "away",
        "help",
        "story",
        "class",
        "activity",
        "discuss",
        "group",
        "situation",
        "offer",
        "job",
        "online",
        "careful",
        "ask",
        "family",
        "school",
        "pupil",
        "protect",
        "rights",
        "listen",
        "respect",
        "feelings",
        "worried",
        "brave",
        "secret",
        "the",
        "a",
        "and",
        "to",
        "of",
        "when",
        "if",
    ],
}
HEAD = {
    "vi": ("## Chuẩn bị", "## Tiến trình bài học", "## Thông điệp chính", "## Câu hỏi"),
    "en": ("## Materials", "## Lesson steps", "## Key messages", "## Quiz"),
}


#: The four kinds of step in their order, the step block's two labels and the unit of minutes.
STEP_WORDS = {
    "vi": ("Mở đầu", "Hình thành kiến thức mới", "Luyện tập", "Vận dụng", "Mục tiêu", "Sản phẩm", "phút"),
    "en": ("Opening", "New knowledge", "Practice", "Application", "Aim", "Product", "minutes"),
}
#: Objectives of secondary levels are labelled (curriculum.yml lesson_plan: secondary); primary's are not.
_SECONDARY = {"vi": ("Kiến thức: ", "Năng lực: ", "Phẩm chất: "), "en": ("Knowledge: ", "Competence: ", "Qualities: ")}
OBJECTIVE_LABELS = {
    lang: {"primary": ("", "", ""), "lower-secondary": labels, "upper-secondary": labels}
    for lang, labels in _SECONDARY.items()
}


def sentence(rng: random.Random, lang: str, words: int) -> str:
    text = " ".join(rng.choice(WORDS[lang]) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, lang: str, words: int) -> str:
    out, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 16))
        out.append(sentence(rng, lang, n))
        left -= n
    return " ".join(out)


def module_text(seed: int, lang: str, level: str, module_id: str, image: bool) -> str:
    """One language file: the same seed gives the same tags and quiz shape in both languages."""
    tags = random.Random(seed)
    grades, subjects, topics = LEVELS[level]
    first = tags.randrange(len(grades))
    rng = random.Random(f"{seed}-{lang}")
    duration = tags.choice([35, 40, 45])
    minutes = (5, duration - 20, 10, 5)
    front = "\n".join(
        [
            "---",
            f"title: {sentence(rng, lang, 5)[:-1]}",
            "description: >-",
            f"  {paragraph(rng, lang, 30)[:290]}",
            f"level: {level}",
            f"grades: [{', '.join(map(str, grades[first : first + 2]))}]",
            f"duration: {duration}",
            f"subjects: [{', '.join(tags.sample(subjects, 2))}]",
            f"topics: [{', '.join(tags.sample(topics, 2))}]",
            "objectives:",
            *(f'  - "{label}{sentence(rng, lang, 12)}"' for label in OBJECTIVE_LABELS[lang][level]),
            "sources:",
            "  - title: Tổng đài quốc gia bảo vệ trẻ em 111",
            "    url: https://tongdai111.vn/",
            "---",
        ]
    )
    h = HEAD[lang]
    body = [h[0], "", f"- {sentence(rng, lang, 8)}", f"- {sentence(rng, lang, 8)}", "", h[1], ""]
    for step in range(1, 5):
        kind, aim, product = STEP_WORDS[lang][step - 1], STEP_WORDS[lang][4], STEP_WORDS[lang][5]
        body += [f"### {step}. {sentence(rng, lang, 4)[:-1]} ({minutes[step - 1]} {STEP_WORDS[lang][6]})", ""]
        body += [f"/// step | {kind}", f"{aim}: {sentence(rng, lang, 10)}", f"{product}: {sentence(rng, lang, 10)}"]
        body += ["///", "", paragraph(rng, lang, 35), ""]
        if step == 2:
            body += ["/// teacher", paragraph(rng, lang, 30), "///", ""]
    if image:
        body += ["![Hình minh hoạ](images/picture.png)", ""]
    body += [f"[{sentence(rng, lang, 3)}](quiz.md) · [Level](../index.md) · [111](https://tongdai111.vn/)", ""]
    body += [h[2], "", "/// student", *(f"- {sentence(rng, lang, 10)}" for _ in range(3)), "///", ""]
    body += [h[3], ""]
    for q in range(1, 6):
        correct = tags.randrange(3)
        body.append(f"/// quiz | {sentence(rng, lang, 12)[:-1]}?")
        for option in range(3):
            body += [
                f"- [{'x' if option == correct else ' '}] {sentence(rng, lang, 6)}",
                f"    {sentence(rng, lang, 8)}",
            ]
        explanation = sentence(rng, lang, 15) + (" 111." if q == 5 else "")
        body += ["", explanation, "///", ""]
    return front + "\n\n" + "\n".join(body)


def generate(root: Path, modules: int) -> tuple[int, int]:
    """Write the project; returns (files, words of Markdown)."""
    (root / "lessons").mkdir(parents=True)
    shutil.copy(REPO / "lessons" / "curriculum.yml", root / "lessons" / "curriculum.yml")
    files = words = 0
    levels = list(LEVELS)
    for n in range(modules):
        level = levels[n % len(levels)]
        module_id = f"module-{n:04d}"
        folder = root / "lessons" / level / module_id
        folder.mkdir(parents=True)
        image = n % 5 == 0
        if image:
            (folder / "images").mkdir()
            (folder / "images" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        for lang in ("vi", "en"):
            text = module_text(n, lang, level, module_id, image)
            (folder / f"index.{lang}.md").write_text(text, encoding="utf-8")
            files += 1
            words += len(text.split())
    return files, words


def check_once(root: Path) -> tuple[float, int, int]:
    start = time.perf_counter()
    catalogue = load(root)
    problems = validate(catalogue)
    elapsed = time.perf_counter() - start
    return elapsed, len(catalogue.modules), len(problems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the generated project and print its path")
    parser.add_argument("--profile", action="store_true", help="print the 25 most expensive functions (cProfile)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="lessonkit-bench-"))
    try:
        files, words = generate(tmp, args.modules)
        print(f"generated: {args.modules} modules, {files} files, {words / files:.0f} words per file, in {tmp}")

        times, modules, problems = [], 0, 0
        for _ in range(3):
            gc.collect()
            elapsed, modules, problems = check_once(tmp)
            times.append(elapsed)
        median = statistics.median(times)
        print(f"files checked: {files} ({modules} modules), problems found: {problems}")
        print(
            f"in-process load+validate: median {median:.3f} s of 3 ({', '.join(f'{t:.3f}' for t in times)}), "
            f"{median / files * 1000:.2f} ms per file"
        )

        gc.collect()
        tracemalloc.start()
        check_once(tmp)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        print(f"peak memory: {peak / 2**20:.1f} MiB traced (tracemalloc), max RSS {rss / 1024:.1f} MiB")

        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "check_lessons.py")],
            cwd=tmp,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        cli = time.perf_counter() - start
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr.strip()[-200:]
        print(
            f"CLI (subprocess, scripts/check_lessons.py): {cli:.3f} s wall, max RSS {child / 1024:.1f} MiB, "
            f"exit {proc.returncode}: {summary}"
        )

        scale = 2000 / files
        print(
            f"target: 2,000 files in {TARGET_SECONDS:.1f} s -> in-process {median * scale / TARGET_SECONDS:.2f}x, "
            f"CLI {cli * scale / TARGET_SECONDS:.2f}x of the target "
            f"({'met' if max(median, cli) * scale <= TARGET_SECONDS else 'MISSED'})"
        )

        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            check_once(tmp)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    finally:
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
