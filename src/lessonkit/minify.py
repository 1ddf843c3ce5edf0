"""Smaller scripts and stylesheets for a first visit on a cheap phone: the site's own assets, minified.

The sources stay readable in the package; the build writes them minified into the site
(:func:`minify_into`). Minifying is deterministic: the same source gives the same bytes.
"""

from __future__ import annotations

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


def minify_into(site_dir: Path, assets: list[tuple[Path, str]]) -> None:
    """Write each ``(source, path in the site)`` script or stylesheet minified over its copy in the site."""
    for source, dest in assets:
        target = site_dir / dest
        text = minified(source) if source.is_file() and target.is_file() else None
        if text is not None:
            target.write_text(text, encoding="utf-8", newline="\n")
