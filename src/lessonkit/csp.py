"""The Content-Security-Policy of every page (docs/reference.en.md#page-safety): nothing from another host, no inline script the
site did not write itself.

The theme template writes the policy as ``<meta http-equiv="Content-Security-Policy">`` at the top of
the head, with :data:`HASHES` where the inline scripts' hashes go; :func:`apply` fills them in once the
page is rendered. Only the inline scripts the site's templates write are hashed, never whatever inline
script a page happens to hold: :class:`TemplateScripts` reads every ``<script>`` without ``src`` from
the theme's templates (the site's ``overrides/``, the plugin's ``theme/``, Material's), and a script of
the page is hashed only when it is one of them as written, with nothing but a site setting (an
expression of ``config`` or ``base_url``, quote- and tag-free) where the template has ``{{ … }}`` (the
theme writes a few small ones, and one of them differs with the page's depth). A script that content
put into a page (the sanitizer lets none through) gets no hash, so the browser does not run it. What
each directive allows, and why:

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
from dataclasses import dataclass
from pathlib import Path

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
#: A Jinja expression, statement or comment in a template.
RE_JINJA = re.compile(r"\{\{(.*?)\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
#: What a ``{{ … }}`` of a site setting may become in a trusted script: no quote, tag, backslash or line.
SETTING_VALUE = r"""[^"'`<>\\\n]*"""
#: Expressions that are site settings (the theme's ``config``, the page's ``base_url``), not page data.
RE_SETTING = re.compile(r"\s*(config\.[\w.]+|base_url)(\s*\|\s*d\(\s*base_url\s*\))?\s*")


@dataclass(frozen=True)
class TemplateScripts:
    """The inline scripts the site's templates write: one pattern per script, to be matched whole."""

    patterns: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def load(cls, dirs: list[str] | list[Path]) -> TemplateScripts:
        """The inline JavaScript of every template (``*.html``) under ``dirs``; a script whose
        ``{{ … }}`` is anything but a site setting, or that holds a ``{% … %}`` statement, is left out
        (it is not trusted, so a page holding it does not run it)."""
        patterns: dict[str, re.Pattern[str]] = {}
        for folder in dirs:
            for path in sorted(Path(folder).rglob("*.html")):
                if "assets" in path.relative_to(folder).parts:
                    continue
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                for script in _inline_scripts(text):
                    pattern = _pattern(script)
                    if pattern is not None:
                        patterns.setdefault(pattern, re.compile(pattern, re.S))
        return cls(tuple(patterns.values()))

    def trusts(self, body: str) -> bool:
        return any(p.fullmatch(body) for p in self.patterns)


def _inline_scripts(html: str) -> list[str]:
    """The bodies of the inline JavaScript elements of ``html``."""
    found = []
    for match in RE_INLINE_SCRIPT.finditer(html):
        kind = RE_TYPE.search(match.group(1))
        if (kind.group(1).lower() if kind else "") in JAVASCRIPT_TYPES:
            found.append(match.group(2))
    return found


def _pattern(template: str) -> str | None:
    """A regular expression for what ``template`` (a script's body in a Jinja template) renders to."""
    parts, at = [], 0
    for match in RE_JINJA.finditer(template):
        expression = match.group(1)
        if expression is None or not RE_SETTING.fullmatch(expression):
            return None
        parts += [re.escape(template[at : match.start()]), SETTING_VALUE]
        at = match.end()
    parts.append(re.escape(template[at:]))
    return "".join(parts)


def policy() -> str:
    """The policy as the template writes it (with the placeholder for the hashes)."""
    return "; ".join(f"{name} {value}" for name, value in POLICY)


def script_hashes(html: str, trusted: TemplateScripts) -> list[str]:
    """``'sha256-…'`` of every inline JavaScript of ``html`` that the templates write (``trusted``), in
    order, without repeats."""
    found: list[str] = []
    for body in _inline_scripts(html):
        if not trusted.trusts(body):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in found:
            found.append(token)
    return found


def apply(html: str, trusted: TemplateScripts) -> str:
    """``html`` with the placeholder of its policy replaced by the hashes of its inline scripts that the
    templates write (``trusted``)."""
    if HASHES not in html:
        return html
    return html.replace(HASHES, " ".join(script_hashes(html, trusted)), 1)
