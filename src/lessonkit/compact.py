"""Smaller built pages: the indentation the theme's templates leave in every page, removed.

The theme's templates indent their HTML and leave many blank lines: a tenth of a page's bytes even
after gzip. :func:`compact_html` removes the white space at the start of each line and the blank lines,
except inside ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>``, where white space is content. A
line break stays wherever there was one, so the text reads and wraps the same, and the result is the
same for the same input.
"""

from __future__ import annotations

import re

#: Elements whose content is kept exactly as it is.
RE_KEEP = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
RE_INDENT = re.compile(r"\n[ \t\r\n]+")


def compact_html(html: str) -> str:
    """``html`` without the white space that starts its lines (blank lines included), outside the
    elements of :data:`RE_KEEP`."""
    out, at = [], 0
    for match in RE_KEEP.finditer(html):
        out.append(RE_INDENT.sub("\n", html[at : match.start()]))
        out.append(match.group(0))
        at = match.end()
    out.append(RE_INDENT.sub("\n", html[at:]))
    return "".join(out)
