"""Links and images in a module: do they resolve in the site?

Links inside a lesson resolve in the site's virtual tree (``docs/lessons/<level>/<id>/``), the same
way MkDocs resolves them at build time, so a module can link to another module
(``../other-id/index.md``), to its level's catalogue (``../index.md``), to its own student page
(``quiz.md``) and to site pages (``../../../help.md``).

What may not load from another host (a picture, a script, a frame …) is page safety's to refuse, on the
page as the build renders it (:mod:`lessonkit.safety`): one problem, one message. Here an address to
another host is an outside link, left to it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from .blocks import RE_FENCE
from .messages import Message, msg
from .registry import SITE_LESSONS
from .safety import unsafe_scheme

RE_MD_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
RE_HTML_SRC = re.compile(
    r"<(img|script|iframe|link|audio|video|source|embed|object)\b[^>]*?\s(src|href|data)\s*=\s*[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)
RE_CODE_SPAN = re.compile(r"(`+).+?\1")
RE_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:)?//", re.IGNORECASE)
RE_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)


def iter_targets(lines: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """``(line, target)`` for every link and image target outside fenced code and inline code."""
    fence: str | None = None
    for number, text in lines:
        match = RE_FENCE.match(text)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        if "`" in text:
            text = RE_CODE_SPAN.sub("", text)  # `![x](a.png)` in inline code is an example, not a link
        if "](" in text:
            for link in RE_MD_LINK.finditer(text):
                yield number, link.group(1)
        if "<" in text:
            for html in RE_HTML_SRC.finditer(text):
                yield number, html.group(3)


def check_target(
    target: str,
    virtual_dir: str,
    docs_dir: Path,
    lessons_dir: Path,
    generated: set[str],
    languages: tuple[str, ...],
) -> Message | None:
    """Why ``target`` is a problem, or ``None`` when it is fine.

    ``virtual_dir`` is the page's folder relative to ``docs_dir`` (``lessons/primary/x``), where the
    site's ``lessons/`` holds the files of ``lessons_dir``; ``generated`` holds the site paths the
    build creates (catalogues, student pages).
    """
    if unsafe_scheme(target):
        return None  # not a link to follow: page safety refuses it (model/safety.py)
    if RE_EXTERNAL.match(target) or RE_SCHEME.match(target):
        return None  # another site, mailto:, tel:: a picture or file loaded from there is page safety's
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    if path.startswith("/"):
        return msg("link.absolute", target=target)
    resolved = posixpath.normpath(posixpath.join(virtual_dir, path))
    if resolved.startswith("../") or resolved == "..":
        return msg("link.outside", target=target)
    if _exists(resolved, docs_dir, lessons_dir, generated, languages):
        return None
    return msg("link.not-found", target=target)


def _exists(resolved: str, docs_dir: Path, lessons_dir: Path, generated: set[str], languages: tuple[str, ...]) -> bool:
    candidates = [resolved]
    if resolved.endswith(".md"):
        stem = resolved[:-3]
        candidates += [f"{stem}.{lang}.md" for lang in languages]
    elif not posixpath.splitext(resolved)[1]:
        candidates += [f"{resolved}/index.md"] + [f"{resolved}/index.{lang}.md" for lang in languages]
    for candidate in candidates:
        if candidate in generated:
            return True
        if candidate == SITE_LESSONS or candidate.startswith(SITE_LESSONS + "/"):
            real = lessons_dir / candidate[len(SITE_LESSONS) + 1 :] if candidate != SITE_LESSONS else lessons_dir
        else:
            real = docs_dir / candidate
        if real.exists():
            return True
    return False
