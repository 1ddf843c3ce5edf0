"""Figures for a growing curriculum: build time, page and site size, first search, first visit. Prints; tests nothing.

For each size (default 20, 50 and 500 modules) the script makes two temporary projects from this
repository and builds both, in the same run:

- **ours**: the repository's mkdocs.yml, docs/ and lessons/ data files, with N modules: the real ones,
  then copies of them under new ids (``<id>-2``, ``<id>-3`` …), both languages, a quiz each;
- **plain**: the same Markdown (module pages, pupils' pages, docs/ pages; the catalogues and the
  overview as plain lists of their modules) under docs/, built by Material + static-i18n + search +
  offline with the same theme features plus ``navigation.prune``, without this project's plugin.

It prints, for both: wall time and CPU time, pages, time per page (CPU time: other work on the machine
changes it less than wall time), site bytes per module, a lesson page's HTML; for ours also a pupils'
page's HTML, the search files, and in Chromium (``--no-browser`` skips it): the first search result
after the first keystroke over ``file://`` with the CPU slowed 4x (median of 3 fresh pages; the query
typed as fast as the browser takes keys, and at one key every 100 ms), and the bytes of a first visit
to a lesson page and a pupils' page served with gzip (everything the first load fetches, headers
included), with the console errors and failed requests seen, against tests/budgets.yml. The lesson
and pupils' pages are the samples of tests/budgets.yml. With Lighthouse 12 (``--lighthouse PATH``, the
LIGHTHOUSE variable, or ``lighthouse`` on PATH), the median of 3 mobile runs of performance and
accessibility on both pages, served with gzip; without it, it says so. The machine's load average is
printed too: with other work running, times are longer.

    .venv/bin/python scripts/bench_scale.py [--sizes 20 50 500] [--no-plain] [--no-browser]
        [--lighthouse node_modules/.bin/lighthouse] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from chromium import CHROMIUM_ARGS, require_chromium  # noqa: E402  (scripts/, next to this file)
from wire import GzipServer, first_visit  # noqa: E402

from lessonkit.model import Settings, load  # noqa: E402
from lessonkit.plugin.pages import front_matter, student_markdown  # noqa: E402

QUERY = "nguoi lon tin cay"  # typed without diacritics, as pupils do on a phone
SLOWDOWN = 4  # CPU slow-down for the first search (a cheap phone, an old computer)
TYPING_DELAYS = (0, 100)  # ms between keys: as fast as the browser takes them, a fast typist
SEARCH_TIMEOUT_MS = 30_000
LIGHTHOUSE_RUNS = 3
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# -- projects --------------------------------------------------------------------------------------


def module_folders() -> list[Path]:
    """The repository's modules, level by level (the level order of curriculum.yml), by id."""
    catalogue = load(REPO)
    return [module.folder for module in catalogue.modules]


def make_ours(n: int, dest: Path) -> Path:
    """A copy of this project with ``n`` modules: the real ones first, then copies under new ids."""
    project = dest / "ours"
    project.mkdir(parents=True)
    # `watch:` names folders for `mkdocs serve` that the copy does not have (src/): drop it.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"^watch:.*\n", "", config, flags=re.M), encoding="utf-8")
    for folder in ("docs", "overrides"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, project / folder)
    lessons = project / "lessons"
    lessons.mkdir()
    for item in (REPO / "lessons").iterdir():
        if item.is_file():
            shutil.copy2(item, lessons / item.name)
    real = module_folders()
    for i in range(n):
        source = real[i % len(real)]
        copy = i // len(real)
        name = source.name if copy == 0 else f"{source.name}-{copy + 1}"
        shutil.copytree(source, lessons / source.parent.name / name)
    return project


def markdown_extensions_block(mkdocs_yml: str) -> str:
    """The ``markdown_extensions:`` block of a mkdocs.yml, as written (it may hold Python tags)."""
    lines = mkdocs_yml.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("markdown_extensions:"))
    end = next(
        (
            j
            for j in range(start + 1, len(lines))
            if lines[j] and not lines[j][0].isspace() and not lines[j].startswith("#")
        ),
        len(lines),
    )
    return "\n".join(lines[start:end]) + "\n"


def theme_features(mkdocs_yml: str) -> list[str]:
    """The theme features listed in a mkdocs.yml (``    - name`` lines under ``features:``)."""
    block = re.search(r"^  features:\n((?:    - .*\n)+)", mkdocs_yml, re.M)
    return re.findall(r"- (\S+)", block.group(1)) if block else []


def listing_markdown(title: str, modules: list, lang: str, *, in_level: bool) -> str:
    """A plain Markdown page that lists ``modules`` (title, link, description), as a catalogue does:
    from the level's folder (``in_level``) or from lessons/."""
    lines = [*front_matter(title), f"# {title}", ""]
    for module in modules:
        fields = module.files[lang].fields
        link = f"{module.id}/index.md" if in_level else f"{module.level}/{module.id}/index.md"
        lines += [f"## [{fields['title']}]({link})", "", str(fields.get("description", "")), ""]
    return "\n".join(lines)


def make_plain(ours: Path, dest: Path) -> Path:
    """The same Markdown as ``ours`` builds, as plain pages under docs/ for Material without lessonkit."""
    project = dest / "plain"
    docs = project / "docs"
    shutil.copytree(ours / "docs", docs)
    catalogue = load(ours)
    cur = catalogue.curriculum
    assert cur is not None
    # The overview and the catalogues as plain lists of the modules (the site's own are templates).
    for lang in Settings().languages:
        (docs / "lessons").mkdir(exist_ok=True)
        (docs / "lessons" / f"index.{lang}.md").write_text(
            listing_markdown("Curriculum", list(catalogue.modules), lang, in_level=False), encoding="utf-8"
        )
    for key, level in cur.levels.items():
        folder = docs / "lessons" / key
        folder.mkdir(parents=True, exist_ok=True)
        for lang in Settings().languages:
            text = listing_markdown(level.name.get(lang, key), catalogue.by_level(key), lang, in_level=True)
            (folder / f"index.{lang}.md").write_text(text, encoding="utf-8")
    for module in catalogue.modules:
        target = docs / "lessons" / module.level / module.id
        shutil.copytree(module.folder, target)
        for lang, page in module.files.items():
            (target / f"quiz.{lang}.md").write_text(student_markdown(page, lang), encoding="utf-8")
    text = (ours / "mkdocs.yml").read_text(encoding="utf-8")
    features = theme_features(text)
    if "navigation.prune" not in features:
        features.append("navigation.prune")
    config = (
        "site_name: Plain build\n"
        "docs_dir: docs\n"
        "theme:\n  name: material\n  language: vi\n  font: false\n"
        f"  features: [{', '.join(features)}]\n"
        "plugins:\n"
        "  - search:\n      lang: [vi, en]\n"
        "  - i18n:\n      docs_structure: suffix\n      fallback_to_default: false\n"
        "      languages:\n"
        "        - {locale: vi, name: Tiếng Việt, default: true, build: true}\n"
        "        - {locale: en, name: English, build: true}\n"
        "  - offline\n" + markdown_extensions_block(text)
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


# -- builds ----------------------------------------------------------------------------------------


@dataclass
class Built:
    name: str
    modules: int
    site: Path
    seconds: float
    cpu_seconds: float
    pages: int
    site_bytes: int
    lesson_html: int
    student_html: int
    search_bytes: int
    warnings: int
    figures: dict[str, str] = field(default_factory=dict)

    @property
    def per_page_ms(self) -> float:
        """CPU time per page: other work on the machine changes it less than wall time."""
        return 1000 * self.cpu_seconds / self.pages

    @property
    def bytes_per_module(self) -> float:
        return self.site_bytes / self.modules


def build(name: str, project: Path, modules: int, lesson: str, student: str, strict: bool, repeat: int) -> Built:
    """Build ``project`` ``repeat`` times; the figures of the run with the least CPU time."""
    site = project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)] + (["--strict"] if strict else [])
    runs = []
    for _ in range(repeat):
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        done = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)
        seconds, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"{name}: mkdocs build failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        runs.append((cpu, seconds, done.stdout + done.stderr))
    cpu, seconds, output = min(runs)
    files = [p for p in site.rglob("*") if p.is_file()]
    search = [p for p in files if p.relative_to(site).parts[0] == "search"]
    return Built(
        name=name,
        modules=modules,
        site=site,
        seconds=seconds,
        cpu_seconds=cpu,
        pages=sum(1 for p in files if p.suffix == ".html"),
        site_bytes=sum(p.stat().st_size for p in files),
        lesson_html=_size(site / lesson),
        student_html=_size(site / student),
        search_bytes=sum(p.stat().st_size for p in search),
        warnings=len(re.findall(r"^WARNING", output, re.M)),
    )


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0


# -- browser ---------------------------------------------------------------------------------------


# Records the first key pressed and the first search result shown (observed, not polled).
SEARCH_PROBE = """
(() => {
  window.__lk = { key: null, result: null };
  document.addEventListener('keydown', () => { if (window.__lk.key === null) window.__lk.key = performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__lk.result === null && window.__lk.key !== null) {
      const item = document.querySelector('.md-search-result__item');
      if (item && item.getClientRects().length) window.__lk.result = performance.now();
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true });
})();
"""


def first_search_ms(browser, page_path: Path, delay: int, runs: int = 3) -> tuple[float | None, list[str]]:
    """Median time from the first keystroke to the first visible result, over file://, CPU slowed, the
    query typed with ``delay`` ms between keys right after a click in the field."""
    times, problems = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"error: {e}"))
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
        page.evaluate(SEARCH_PROBE)
        box = page.locator("input.md-search__input")
        if not box.count() or not box.first.is_visible():
            problems.append("no visible search field")
            context.close()
            return None, problems
        box.first.click()
        page.keyboard.type(QUERY, delay=delay)
        try:
            page.wait_for_function("() => window.__lk.result !== null", timeout=SEARCH_TIMEOUT_MS, polling=50)
            found = page.evaluate("window.__lk")
            times.append(found["result"] - found["key"])
        except Exception as error:
            problems.append(f"no result within {SEARCH_TIMEOUT_MS} ms: {str(error).splitlines()[0][:160]}")
        context.close()
    return (statistics.median(times) if times else None), problems


def lighthouse_path(option: str | None) -> str | None:
    for candidate in (option, os.environ.get("LIGHTHOUSE"), shutil.which("lighthouse")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def lighthouse(binary: str, url: str) -> tuple[float, float]:
    """Median performance and accessibility scores (0-100) of mobile Lighthouse runs."""
    perf, a11y = [], []
    flags = " ".join(CHROMIUM_ARGS)
    for _ in range(LIGHTHOUSE_RUNS):
        done = subprocess.run(
            [
                binary,
                url,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                "--only-categories=performance,accessibility",
                f"--chrome-flags={flags}",
            ],
            env={**os.environ, "CHROME_PATH": require_chromium()},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        report = json.loads(done.stdout)
        perf.append(100 * (report["categories"]["performance"]["score"] or 0))
        a11y.append(100 * (report["categories"]["accessibility"]["score"] or 0))
    return statistics.median(perf), statistics.median(a11y)


def browser_figures(ours: Built, lesson: str, student: str, lighthouse_bin: str | None) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        try:
            for delay in TYPING_DELAYS:
                ms, problems = first_search_ms(browser, ours.site / lesson, delay)
                how = "typed at full speed" if delay == 0 else f"a key every {delay} ms"
                ours.figures[f"first search result, file://, CPU x4, {how}"] = (
                    f"{ms:.0f} ms after the first key" if ms is not None else "none"
                )
                if problems:
                    ours.figures[f"first search problems ({how})"] = "; ".join(sorted(set(problems))[:4])
            with GzipServer(ours.site) as server:
                for kind, path in (("lesson", lesson), ("pupils", student)):
                    visit = first_visit(browser, f"{server.base}/{path}")
                    limit = BUDGETS[kind]["first_visit"]
                    ours.figures[f"first visit, {kind} page, gzip"] = (
                        f"{visit.bytes} bytes ({visit.bytes / 1024:.1f} KiB) in {len(visit.urls)} requests; "
                        f"budget {limit}: " + ("within" if visit.bytes <= limit else "OVER")
                    )
                    ours.figures[f"{kind} page: console errors + failed requests"] = str(len(visit.problems)) + (
                        f" ({'; '.join(visit.problems[:3])})" if visit.problems else ""
                    )
                if lighthouse_bin is None:
                    ours.figures["Lighthouse"] = (
                        "not run: no lighthouse found (npm install lighthouse@12 in a "
                        "folder, then --lighthouse that/node_modules/.bin/lighthouse)"
                    )
                else:
                    for kind, path in (("lesson", lesson), ("pupils", student)):
                        try:
                            perf, a11y = lighthouse(lighthouse_bin, f"{server.base}/{path}")
                            ours.figures[f"Lighthouse mobile, {kind} page"] = (
                                f"performance {perf:.0f}, accessibility {a11y:.0f} (median of {LIGHTHOUSE_RUNS})"
                            )
                        except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
                            ours.figures[f"Lighthouse mobile, {kind} page"] = f"failed: {str(error)[:200]}"
        finally:
            browser.close()


# -- report ----------------------------------------------------------------------------------------

BUDGETS = {"lesson": {}, "pupils": {}}
BUDGETS.update(yaml.safe_load((REPO / "tests" / "budgets.yml").read_text(encoding="utf-8"))["kinds"])


def sample_pages() -> tuple[str, str]:
    """The site paths of the lesson page and the pupils' page that tests/budgets.yml measures."""
    return BUDGETS["lesson"]["sample"], BUDGETS["pupils"]["sample"]


def print_rows(results: list[tuple[Built, Built | None]]) -> None:
    head = (
        f"{'modules':>7} {'build':<5} {'wall s':>7} {'CPU s':>6} {'pages':>6} {'ms/page':>8} {'KB/module':>10} "
        f"{'lesson KB':>10} {'pupils KB':>10} {'search KB':>10} {'warnings':>8}"
    )
    print(head)
    print("-" * len(head))
    for ours, plain in results:
        for built in (ours, plain):
            if built is None:
                continue
            print(
                f"{built.modules:>7} {built.name:<5} {built.seconds:>7.1f} {built.cpu_seconds:>6.1f} {built.pages:>6} {built.per_page_ms:>8.1f} "
                f"{built.bytes_per_module / 1024:>10.1f} {built.lesson_html / 1024:>10.1f} "
                f"{built.student_html / 1024:>10.1f} {built.search_bytes / 1024:>10.1f} {built.warnings:>8}"
            )
    print()
    for ours, plain in results:
        lines = [f"{ours.modules} modules:"]
        if plain is not None:
            lines.append(f"  time per page, ours / plain: {ours.per_page_ms / plain.per_page_ms:.2f}")
        lines += [f"  {key}: {value}" for key, value in ours.figures.items()]
        print("\n".join(lines))
    if len(results) > 1:
        small, large = results[0][0], results[-1][0]
        print(
            f"\n{large.modules} vs {small.modules} modules (ours): time per page x"
            f"{large.per_page_ms / small.per_page_ms:.2f}, lesson page HTML x{large.lesson_html / small.lesson_html:.2f}, "
            f"site bytes per module x{large.bytes_per_module / small.bytes_per_module:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 50, 500])
    parser.add_argument("--no-plain", action="store_true", help="do not build the plain comparison")
    parser.add_argument("--no-browser", action="store_true", help="no Chromium figures")
    parser.add_argument("--lighthouse", help="path of the lighthouse command (Lighthouse 12)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="build each project this many times (the least CPU time counts)"
    )
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    options = parser.parse_args()
    lesson, student = sample_pages()
    lighthouse_bin = None if options.no_browser else lighthouse_path(options.lighthouse)
    results: list[tuple[Built, Built | None]] = []
    print(
        f"load average at the start: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="lk-scale-") as temporary:
        root = options.keep.resolve() if options.keep else Path(temporary)
        for n in options.sizes:
            work = root / f"n{n}"
            if work.exists():
                shutil.rmtree(work)
            ours_project = make_ours(n, work)
            ours = build("ours", ours_project, n, lesson, student, strict=True, repeat=options.repeat)
            plain = None
            if not options.no_plain:
                plain = build(
                    "plain", make_plain(ours_project, work), n, lesson, student, strict=False, repeat=options.repeat
                )
            if not options.no_browser:
                browser_figures(ours, lesson, student, lighthouse_bin)
            results.append((ours, plain))
            print(
                f"[{n} modules built: ours {ours.seconds:.1f} s"
                + (f", plain {plain.seconds:.1f} s]" if plain else "]"),
                flush=True,
            )
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    print_rows(results)


if __name__ == "__main__":
    main()
