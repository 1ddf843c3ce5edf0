"""The Content-Security-Policy of every page (docs/reference.en.md#page-safety): nothing from another host, no inline script the
site did not write itself.

The theme template writes the policy as ``<meta http-equiv="Content-Security-Policy">`` at the top of
the head, with :data:`HASHES` where the inline scripts' hashes go; :func:`apply` fills them in once the
page is rendered, from the inline scripts the page really has (the theme writes a few small ones, and
one of them differs with the page's depth). What each directive allows, and why:

- ``default-src 'none'``: anything not named below is refused;
- ``script-src 'self'`` and the hashes: the site's own script files, and exactly the inline scripts of
  this page (data blocks such as JSON-LD are not scripts and need nothing);
- ``style-src 'self' 'unsafe-inline'``: the site's stylesheets, and the ``style`` attributes the theme
  sets (colours, sizes); a style cannot run code;
- ``img-src 'self' data:``: the site's images and the theme's icons, which its CSS holds as ``data:`` SVG;
- ``font-src``, ``media-src``, ``manifest-src 'self'``: the site's own files only;
- ``connect-src 'self'``: requests the theme's script makes go to the site itself only;
- ``worker-src 'none'`` and ``frame-src 'none'``: the site's search runs in the page, so no worker and
  no frame is ever needed;
- ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'``: no plugins, no base to another
  host, no form sent anywhere else.
"""

from __future__ import annotations

import base64
import hashlib
import re

#: Placeholder the template writes where the inline scripts' hashes go.
HASHES = "__LESSONKIT_SCRIPT_HASHES__"

POLICY = (
    ("default-src", "'none'"),
    ("script-src", f"'self' {HASHES}"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("media-src", "'self'"),
    ("manifest-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'none'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

#: Inline ``<script>`` elements (no ``src``) and their type; only JavaScript ones run.
RE_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)([^>]*)>(.*?)</script\s*>", re.S | re.I)
RE_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
JAVASCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})


def policy() -> str:
    """The policy as the template writes it (with the placeholder for the hashes)."""
    return "; ".join(f"{name} {value}" for name, value in POLICY)


def script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` of every inline JavaScript of ``html``, in order, without repeats."""
    found: list[str] = []
    for match in RE_INLINE_SCRIPT.finditer(html):
        kind = RE_TYPE.search(match.group(1))
        if (kind.group(1).lower() if kind else "") not in JAVASCRIPT_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(match.group(2).encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in found:
            found.append(token)
    return found


def apply(html: str) -> str:
    """``html`` with the placeholder of its policy replaced by the hashes of its inline scripts."""
    if HASHES not in html:
        return html
    return html.replace(HASHES, " ".join(script_hashes(html)), 1)
