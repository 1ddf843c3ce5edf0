"""The author's loop, measured: how long a saved edit takes to show in the preview. Prints; tests nothing.

For each size (default 24 and 500 modules) the script makes the two projects of ``bench_scale.py``
(``ours``: this project with copies of the real modules; ``plain``: the same Markdown built by
Material + static-i18n + search without this project's plugin), starts a preview server for each on
127.0.0.1 and, in the same run:

- the time from start until the sample lesson page is served;
- three edits, one sentence changed in the sample module (its Vietnamese file, then its English one,
  then the Vietnamese again, each edit replacing the sentence the one before added): the time from the file's write until the served page (of that language)
  shows the new sentence, polled every 50 ms; the median of the three, for both, and ours / plain;
- ours only: the time until a lesson with a checker error (a duration out of range) answers with a page
  listing the checker's message (``PATH:LINE: error: …``), or that no answer came within the limit;
  then the time until the page comes back once the mistake is undone;
- ours only: the time until a new module (a copy of the sample under a new id) is listed in its
  level's catalogue.

Ours is previewed with ``lessonkit serve`` when the installed lessonkit has it (``--preview auto``),
else with ``mkdocs serve`` (the README's command before it); ``--preview mkdocs`` forces the latter. The
plain project always runs ``mkdocs serve``. The machine's load average is printed with the figures: with
other work running, times are longer.

    .venv/bin/python scripts/bench_preview.py [--sizes 24 500] [--preview auto|lessonkit|mkdocs]
        [--no-plain] [--edits 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from bench_scale import make_ours, make_plain, sample_pages  # noqa: E402  (scripts/, next to this file)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
POLL = 0.05  # seconds between two requests while waiting for a change
REQUEST_TIMEOUT = 5.0  # one request; mkdocs serve holds requests while it builds
START_LIMIT = 900.0  # the first build of 500 modules takes minutes on a loaded machine
EDIT_LIMIT = 600.0
ERROR_LIMIT = 30.0
SITE_PAGE = 'class="md-content"'  # in every page the theme renders  # an error page that takes longer than this is no answer for an author
#: A sentence the edits append to the first paragraph of the lesson (a word the checker accepts).
MARK = "Câu đo {n}."
MARK_EN = "Measured sentence {n}."


# -- servers ---------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def has_lessonkit_serve() -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "lessonkit.cli.main", "serve", "--help"], capture_output=True, env=ENV, cwd=REPO
    )
    return done.returncode == 0


def preview_command(kind: str, port: int) -> list[str]:
    if kind == "lessonkit":
        return [sys.executable, "-m", "lessonkit.cli.main", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    return [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]


class Server:
    """A preview server in its own process group, its output in a log file."""

    def __init__(self, command: list[str], project: Path, port: int, log: Path) -> None:
        self.base = f"http://127.0.0.1:{port}/"
        self.log = log
        self._out = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            command, cwd=project, env=ENV, stdout=self._out, stderr=subprocess.STDOUT, start_new_session=True
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # the group this script started
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._out.close()

    def get(self, path: str) -> tuple[int, str] | None:
        """Status and text of ``path``, or None when no answer came within the request timeout."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=REQUEST_TIMEOUT) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError):
            return None

    def wait_for(self, path: str, wanted, limit: float) -> float | None:
        """Seconds until ``wanted(status, text)`` holds for ``path``; None if not within ``limit``."""
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            if self.process.poll() is not None:
                raise SystemExit(f"the preview stopped ({self.process.returncode}); see {self.log}")
            answer = self.get(path)
            if answer is not None and wanted(*answer):
                return time.perf_counter() - start
            time.sleep(POLL)
        return None


# -- edits -----------------------------------------------------------------------------------------

RE_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def first_paragraph_line(text: str) -> int:
    """The index of the first line of body text that is a plain paragraph (not a heading, list or block)."""
    body_start = RE_FRONT_MATTER.match(text)
    lines = text.splitlines()
    skip = text[: body_start.end()].count("\n") if body_start else 0
    for i in range(skip, len(lines)):
        line = lines[i]
        if line and line[0].isalpha() and (i + 1 >= len(lines) or not lines[i + 1].startswith(("=", "-"))):
            return i
    raise SystemExit("no paragraph to edit in the sample lesson")


def with_sentence(text: str, sentence: str) -> str:
    lines = text.splitlines(keepends=True)
    i = first_paragraph_line(text)
    while i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith(("#", "-", "/", "*", ">", "|")):
        i += 1  # the paragraph's last line
    lines[i] = lines[i].rstrip("\n") + " " + sentence + "\n"
    return "".join(lines)


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


@dataclass
class Figures:
    name: str
    modules: int
    start: float | None = None
    edits: list[float | None] = field(default_factory=list)
    error_page: str = ""
    recovered: str = ""
    new_module: str = ""

    @property
    def median(self) -> float | None:
        times = [t for t in self.edits if t is not None]
        return statistics.median(times) if len(times) == len(self.edits) and times else None


def en_path(path: str) -> str:
    return f"en/{path}"


def measure(
    name: str,
    project: Path,
    command: list[str],
    port: int,
    modules: int,
    sources: dict[str, Path],
    page: str,
    edits: int,
    errors: bool,
    catalogue: str,
    new_id: str,
) -> Figures:
    """Start the preview of ``project``, time its first page, ``edits`` edits and (``errors``) a broken
    lesson, its recovery and a new module."""
    figures = Figures(name, modules)
    originals = {lang: path.read_text(encoding="utf-8") for lang, path in sources.items()}
    server = Server(command, project, port, project.parent / f"{name}-serve.log")
    try:
        # The site's page, not a page of the preview's own (``lessonkit serve`` answers at once, first
        # with a page saying the first build is under way).
        figures.start = server.wait_for(page, lambda status, text: status == 200 and SITE_PAGE in text, START_LIMIT)
        if figures.start is None:
            raise SystemExit(f"{name}: the preview did not serve {page} within {START_LIMIT:.0f} s; see {server.log}")
        time.sleep(1.0)  # let the watcher settle after the first build
        for n in range(1, edits + 1):
            lang = "vi" if n % 2 else "en"
            sentence = (MARK if lang == "vi" else MARK_EN).format(n=f"{n}{os.getpid() % 1000}")
            url = page if lang == "vi" else en_path(page)
            write(sources[lang], with_sentence(originals[lang], sentence))
            seconds = server.wait_for(url, lambda status, text, s=sentence: status == 200 and s in text, EDIT_LIMIT)
            figures.edits.append(seconds)
            time.sleep(1.0)  # the next edit replaces this sentence (no undo: one rebuild per edit)
            print(f"  {name}, {modules} modules, edit {n} ({lang}): " + _seconds(seconds), flush=True)
        if errors:
            broken = re.sub(r"^duration: \d+", "duration: 900", originals["vi"], count=1, flags=re.M)
            rel = sources["vi"].relative_to(project).as_posix()
            write(sources["vi"], broken)
            wanted = re.compile(re.escape(rel) + r":\d+: error: ")
            seconds = server.wait_for(page, lambda status, text: bool(wanted.search(text)), ERROR_LIMIT)
            figures.error_page = _seconds(seconds) if seconds is not None else f"no answer within {ERROR_LIMIT:.0f} s"
            write(sources["vi"], originals["vi"])
            seconds = server.wait_for(
                page, lambda status, text: status == 200 and not wanted.search(text) and SITE_PAGE in text, EDIT_LIMIT
            )
            figures.recovered = _seconds(seconds)
            print(f"  {name}, {modules} modules: error page {figures.error_page}, back {figures.recovered}", flush=True)
            time.sleep(1.0)
            folder = sources["vi"].parent
            copy = folder.parent / new_id
            shutil.copytree(folder, copy)
            seconds = server.wait_for(
                catalogue, lambda status, text: status == 200 and f"{new_id}/index.html" in text, EDIT_LIMIT
            )
            figures.new_module = _seconds(seconds)
            print(f"  {name}, {modules} modules: new module in its catalogue {figures.new_module}", flush=True)
            shutil.rmtree(copy)
    finally:
        server.stop()
        for lang, path in sources.items():
            write(path, originals[lang])
    return figures


def _seconds(value: float | None) -> str:
    return f"{value:.2f} s" if value is not None else "none"


def _f(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "-"


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[24, 500])
    parser.add_argument("--preview", choices=("auto", "lessonkit", "mkdocs"), default="auto")
    parser.add_argument("--no-plain", action="store_true", help="do not run the plain comparison")
    parser.add_argument("--edits", type=int, default=3, help="edits per size (the median counts)")
    parser.add_argument("--keep", type=Path, help="make the projects in this folder and keep them")
    options = parser.parse_args()
    kind = options.preview
    if kind == "auto":
        kind = "lessonkit" if has_lessonkit_serve() else "mkdocs"
    lesson, _ = sample_pages()  # lessons/<level>/<id>/index.html
    level, module_id = lesson.split("/")[1:3]
    print(f"ours previewed with: {kind} serve; the plain project with: mkdocs serve")
    print(f"load average at the start: {load()} ({os.cpu_count()} CPUs)", flush=True)
    results: list[tuple[Figures, Figures | None]] = []
    with tempfile.TemporaryDirectory(prefix="lk-preview-") as temporary:
        root = options.keep.resolve() if options.keep else Path(temporary)
        for n in options.sizes:
            work = root / f"n{n}"
            if work.exists():
                shutil.rmtree(work)
            ours_project = make_ours(n, work)
            plain_project = None if options.no_plain else make_plain(ours_project, work)
            folder = ours_project / "lessons" / level / module_id
            sources = {lang: folder / f"index.{lang}.md" for lang in ("vi", "en")}
            ours = measure(
                "ours",
                ours_project,
                preview_command(kind, port := free_port()),
                port,
                n,
                sources,
                lesson,
                options.edits,
                True,
                f"lessons/{level}/index.html",
                f"{module_id}-bench-new",
            )
            plain = None
            if plain_project is not None:
                folder = plain_project / "docs" / "lessons" / level / module_id
                plain = measure(
                    "plain",
                    plain_project,
                    preview_command("mkdocs", port := free_port()),
                    port,
                    n,
                    {lang: folder / f"index.{lang}.md" for lang in ("vi", "en")},
                    lesson,
                    options.edits,
                    False,
                    "",
                    "",
                )
            results.append((ours, plain))
            print(f"[{n} modules done; load average {load()}]", flush=True)
    print(f"load average at the end: {load()}")
    print()
    head = f"{'modules':>7} {'preview':<16} {'first page s':>12} {'edits s':<20} {'median s':>9} {'ours/plain':>10}"
    print(head)
    print("-" * len(head))
    for ours, plain in results:
        for figures, label in ((ours, f"ours ({kind})"), (plain, "plain (mkdocs)")):
            if figures is None:
                continue
            ratio = ""
            if figures is ours and plain is not None and ours.median and plain.median:
                ratio = f"{ours.median / plain.median:.2f}"
            print(
                f"{figures.modules:>7} {label:<16} {_f(figures.start):>12} "
                f"{' '.join(_f(t) for t in figures.edits):<20} {_f(figures.median):>9} {ratio:>10}"
            )
    print()
    for ours, _ in results:
        print(
            f"{ours.modules} modules, ours: error page {ours.error_page}; back after the fix {ours.recovered}; "
            f"a new module in its catalogue {ours.new_module}"
        )


if __name__ == "__main__":
    main()
