"""Which files beside the pages are published (docs/reference.en.md#page-safety).

A module folder and ``docs/`` publish only what a lesson needs: pictures in a raster format (PNG, JPEG,
GIF, WebP), whose first bytes say they are one. Nothing that can run script when opened is published
(``.html``, ``.js``, ``.svg``, which runs its script when opened as a document, where a page's
``<meta>`` policy does not reach, and every other type); every other file is refused, not skipped:

- ``unsafe-file.type``: not a raster picture (by its name and its first bytes);
- ``unsafe-file.link``: a symbolic link (or a file in a linked folder) whose target lies outside the
  project;
- ``unsafe-file.clash``: a file of ``docs/`` at a site path the build writes itself (the theme's and the
  plugin's assets under ``assets/``, the search index under ``search/``, ``sitemap.xml``,
  ``catalogue.json``, ``404.html``).

Markdown pages and hidden files (``.name``) are not published files: they are not looked at here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .catalogue import Catalogue
from .messages import msg
from .problems import ProblemList

#: Picture formats a page may show, with the first bytes of each.
RASTER: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
KINDS = "PNG, JPEG, GIF, WebP"
#: Site paths (and folders, ending in ``/``) the build writes itself: no file of ``docs/`` may take them.
RESERVED = ("assets/", "search/", "sitemap.xml", "sitemap.xml.gz", "catalogue.json", "404.html")


def _raster(path: Path) -> bool:
    """A picture in one of :data:`RASTER`'s formats, by its name and its first bytes."""
    signatures = RASTER.get(path.suffix.lower())
    if signatures is None:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return False
    if path.suffix.lower() == ".webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return head.startswith(signatures)


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _check_file(root: Path, path: Path, problems: ProblemList) -> bool:
    """Errors for ``path`` if it may not be published; ``True`` when it may."""
    rel = _rel(root, path)
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        real = None
    if real is None or not real.is_relative_to(root.resolve()):
        problems.error(rel, 1, "unsafe-file", msg("unsafe-file.link", name=path.name))
        return False
    if not _raster(path):
        problems.error(rel, 1, "unsafe-file", msg("unsafe-file.type", name=path.name, kinds=KINDS))
        return False
    return True


def published_files(folder: Path) -> Iterable[Path]:
    """Every file under ``folder`` that would be published: not Markdown, not hidden."""
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or path.suffix == ".md":
            continue
        if path.is_file() or path.is_symlink():
            yield path


def check_published_files(catalogue: Catalogue, root: Path, docs_dir: str = "docs") -> ProblemList:
    """An error for every file of a module folder or of ``docs/`` that may not be published."""
    problems = ProblemList()
    for module in catalogue.modules:
        for path in published_files(module.folder):
            _check_file(root, path, problems)
    base = root / docs_dir
    for path in published_files(base):
        if not _check_file(root, path, problems):
            continue
        site = path.relative_to(base).as_posix()
        if any(site == r or (r.endswith("/") and site.startswith(r)) for r in RESERVED):
            problems.error(_rel(root, path), 1, "unsafe-file", msg("unsafe-file.clash", name=path.name, site=site))
    return problems
