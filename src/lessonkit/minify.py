"""Smaller scripts and stylesheets for a first visit on a cheap phone: the site's own assets, minified.

The sources stay readable in the package; the build writes them minified into the site
(:func:`minify_into` for the assets of every page, :func:`write_minified` for the search's, which load
only when a reader searches). Minifying is deterministic: the same source gives the same bytes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import rcssmin
import rjsmin


def minified(path: Path) -> str | None:
    """The minified text of a ``.js`` or ``.css`` file (``None`` for any other file)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".js":
        return str(rjsmin.jsmin(text, keep_bang_comments=True))
    if path.suffix == ".css":
        return str(rcssmin.cssmin(text, keep_bang_comments=True))
    return None


def write_minified(source: Path, target: Path) -> None:
    """``source`` into ``target``: minified if it is a script or a stylesheet, else copied as it is.
    Written with ``\n`` line ends on any system, so that every build gives the same bytes."""
    text = minified(source)
    if text is None:
        shutil.copyfile(source, target)
    else:
        target.write_text(text, encoding="utf-8", newline="\n")


def minify_into(site_dir: Path, assets: list[tuple[Path, str]]) -> None:
    """Write each ``(source, path in the site)`` script or stylesheet minified over its copy in the site."""
    for source, dest in assets:
        target = site_dir / dest
        if source.is_file() and target.is_file():
            write_minified(source, target)
