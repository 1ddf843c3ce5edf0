"""Figures for the quiz script and stylesheet: sizes and time to interactive.

Sizes: raw, minified (a small conservative minifier of our own, below) and gzipped (level 9). The
budget is 8 KB gzipped for script and stylesheet together, counted on the files as the site ships
them (not minified): above it the script says so on stderr and exits with status 1, before timing
anything. Time: from navigation start to the script having bound its handlers (it sets
``<html data-lk-quiz="ready">``), on the test fixture page in Debian's Chromium, median of several runs,
without and with 4x CPU slow-down (a cheap phone).

    .venv/bin/python scripts/bench_quiz.py [--runs 9] [--page path/to/a/built/page.html] [--sizes-only]
                                           [--assets folder/with/quiz.js+quiz.css]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import re
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ASSETS = REPO / "src" / "lessonkit" / "quiz" / "assets"
BUDGET = 8 * 1024  # gzipped, script and stylesheet together

# Records the moment the script says it is ready, without polling (observes the document: at this
# point <html> may not exist yet).
READY_PROBE = """
new MutationObserver((records, observer) => {
  if (document.documentElement.getAttribute('data-lk-quiz') === 'ready') {
    window.__lkReady = performance.now();
    observer.disconnect();
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-lk-quiz'] });
"""


def minify_js(source: str) -> str:
    """Drop comments and indentation, keep every line break (so no semicolon can go missing).

    Strings, template literals and regular-expression literals are copied untouched."""
    out, i, n = [], 0, len(source)
    last = ""  # the last significant character, to tell a regex from a division
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif source.startswith("/*", i):
            i = source.index("*/", i) + 2
        elif c in "'\"`" or (c == "/" and (last == "" or last in "(,=:[!&|?{};+-*%<>~^")):
            # A string or a regex literal: copy up to the closing quote, honouring escapes
            # (and, in a regex, a / inside a character class).
            j, in_class = i + 1, False
            while j < n:
                if source[j] == "\\":
                    j += 2
                    continue
                if c == "/" and source[j] == "[":
                    in_class = True
                elif c == "/" and source[j] == "]":
                    in_class = False
                elif source[j] == c and not in_class:
                    break
                j += 1
            out.append(source[i : j + 1])
            last, i = c, j + 1
        else:
            out.append(c)
            if not c.isspace():
                last = c
            i += 1
    lines = (line.strip() for line in "".join(out).splitlines())
    return "\n".join(line for line in lines if line)


def minify_css(source: str) -> str:
    """Drop comments, collapse white space, and drop it around braces, semicolons, commas and '>'."""
    text = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([{};,>])\s*", r"\1", text)
    text = re.sub(r":\s+", ":", text)  # only after a colon: before one it may be a descendant selector
    return text.replace(";}", "}").strip()


@dataclass(frozen=True)
class Sizes:
    """Bytes of the quiz script and stylesheet together."""

    shipped_gzip: int  #: gzipped as the site ships them: what the budget counts
    minified_gzip: int  #: minified, then gzipped: what a minifying server would send

    @property
    def within_budget(self) -> bool:
        return self.shipped_gzip <= BUDGET


def measure(assets: Path = ASSETS) -> Sizes:
    """The sizes of ``quiz.js`` and ``quiz.css`` in ``assets``, printing one row per file."""
    shipped = minified = 0
    print(f"{'file':<10} {'raw':>8} {'minified':>9} {'gzipped':>8} {'min+gzip':>9}")
    for name, minify in (("quiz.js", minify_js), ("quiz.css", minify_css)):
        raw = (assets / name).read_text(encoding="utf-8").encode()
        small = minify(raw.decode()).encode()
        row = [len(raw), len(small), len(gzip.compress(raw, 9)), len(gzip.compress(small, 9))]
        shipped += row[2]
        minified += row[3]
        print(f"{name:<10} {row[0]:>8} {row[1]:>9} {row[2]:>8} {row[3]:>9}")
    print(
        f"together, gzipped as shipped: {shipped} bytes = {shipped / BUDGET:.0%} of the {BUDGET} byte budget "
        f"(minified and gzipped: {minified} bytes)"
    )
    return Sizes(shipped, minified)


def check_budget(sizes: Sizes) -> bool:
    """Say loudly on stderr when the budget is exceeded; True when within it."""
    if not sizes.within_budget:
        print(
            f"OVER BUDGET: quiz.js + quiz.css are {sizes.shipped_gzip} bytes gzipped, "
            f"{sizes.shipped_gzip - BUDGET} bytes more than the {BUDGET} byte budget",
            file=sys.stderr,
        )
    return sizes.within_budget


def fixture_page(folder: Path) -> Path:
    """The Vietnamese test fixture, rendered by the tests' own helper (the real Markdown extension), in ``folder``."""
    spec = importlib.util.spec_from_file_location("lk_browser_conftest", REPO / "tests/browser/conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    return conftest.render_site(folder)["vi"]


def timings(url: str, runs: int) -> None:
    from chromium import CHROMIUM_ARGS, require_chromium  # scripts/, next to this file
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        for slowdown in (1, 4):
            ready, loaded, init = [], [], []
            for _ in range(runs + 1):  # the first run warms the caches and is not counted
                context = browser.new_context()
                context.add_init_script(READY_PROBE)
                page = context.new_page()
                if slowdown > 1:
                    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
                page.goto(url)
                page.wait_for_function("() => window.__lkReady !== undefined", timeout=10000)
                nav = page.evaluate(
                    "(() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return [window.__lkReady, n.domContentLoadedEventStart]; })()"
                )
                ready.append(nav[0])
                loaded.append(nav[1])
                # The script starts its work on DOMContentLoaded (or at once if that has passed).
                init.append(nav[0] - nav[1] if nav[0] >= nav[1] else float("nan"))
                context.close()
            ready, loaded, init = ready[1:], loaded[1:], init[1:]
            print(
                f"CPU x{slowdown}: navigation start -> quiz ready: median {statistics.median(ready):.1f} ms "
                f"(min {min(ready):.1f}, max {max(ready):.1f}); DOMContentLoaded at "
                f"{statistics.median(loaded):.1f} ms; the script's own work (DOMContentLoaded -> ready): "
                f"median {statistics.median(init):.2f} ms; {runs} runs"
            )
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--page", type=Path, help="time this page instead of the fixture (e.g. a built lesson)")
    parser.add_argument("--sizes-only", action="store_true", help="measure the sizes, time nothing")
    parser.add_argument("--assets", type=Path, default=ASSETS, help="measure quiz.js and quiz.css in this folder")
    options = parser.parse_args()
    if not check_budget(measure(options.assets)):
        return 1
    if options.sizes_only:
        return 0
    with tempfile.TemporaryDirectory(prefix="lk-bench-") as folder:
        page = options.page.resolve() if options.page else fixture_page(Path(folder))
        print(f"page: {page}")
        timings(page.as_uri(), options.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
