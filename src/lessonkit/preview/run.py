"""``lessonkit serve``: the preview's loop. The server answers from one thread, the builder works in
this one, and a watcher feeds it the files that change (inotify, where the system has it)."""

from __future__ import annotations

import logging
import os
import queue
import signal
import sys
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from .changes import Action, Layout, plan
from .pages import PreviewPages
from .server import PreviewServer, Served
from .session import Preview

log = logging.getLogger("lessonkit.preview")
PACKAGE = Path(__file__).resolve().parent.parent
#: Seconds without a new change before a batch is handled (an editor's save is several events).
QUIET = 0.05


class _Changes(FileSystemEventHandler):
    def __init__(self, found: queue.Queue[Path]) -> None:
        self.found = found

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self.found.put(Path(os.fsdecode(path)))


def _watch(observer: BaseObserver, layout: Layout, handler: _Changes) -> None:
    """Watch the folders a change in which matters (not the whole project: no .venv, no site/)."""
    observer.unschedule_all()
    folders = {layout.lessons_dir, layout.package, *(p for p in layout.site_inputs if p.is_dir())}
    files = {layout.config_file, *(p for p in layout.site_inputs if not p.is_dir())}
    for folder in sorted(folders):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    for parent in sorted({f.parent for f in files} - folders):
        if parent.is_dir() and not any(parent.is_relative_to(f) for f in folders):
            observer.schedule(handler, str(parent), recursive=False)


def _batch(found: queue.Queue[Path]) -> set[Path]:
    """The changes of one save: the first, then every other until none came for a moment."""
    paths = {found.get()}
    while True:
        try:
            paths.add(found.get(timeout=QUIET))
        except queue.Empty:
            return paths


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # stopped by a service manager: clean up as after Ctrl+C


def serve(config_file: Path, host: str, port: int, languages: tuple[str, ...], console_lang: str = "en") -> int:
    """Serve the preview of the site of ``config_file`` until Ctrl+C; the console's messages in ``console_lang``."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    signal.signal(signal.SIGTERM, _interrupt)
    # Ctrl+C stops it even when started in the background by a shell, which would have it ignore SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    served = Served()
    server = PreviewServer((host, port), served, PreviewPages(), languages)
    threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
    log.info("Preview on http://%s:%d/ (Ctrl+C stops it)", host, port)
    preview = Preview(config_file, served, languages, console_lang)
    found: queue.Queue[Path] = queue.Queue()
    handler = _Changes(found)
    observer = Observer()
    observer.start()
    restart = False
    try:
        preview.full_build()
        layout = preview.layout(PACKAGE)
        _watch(observer, layout, handler)
        while True:
            todo = plan(_batch(found), layout)
            if todo.action is Action.NOTHING:
                continue
            if todo.action is Action.RESTART:
                log.info("The lessonkit code changed (%s): restarting", ", ".join(todo.reasons[:3]))
                restart = True
                break
            started = time.perf_counter()
            if todo.action is Action.MODULE and preview.update(todo.modules):
                continue
            log.info("Rebuilding the whole site: %s", ", ".join(todo.reasons[:3]) or "a module's pages changed")
            preview.full_build()
            layout = preview.layout(PACKAGE)
            _watch(observer, layout, handler)
            log.info("Whole site in %.1f s", time.perf_counter() - started)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.shutdown()
        server.server_close()
        preview.close()
    if restart:  # the same command again, with the new code; the browsers reconnect by themselves
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    return 0
