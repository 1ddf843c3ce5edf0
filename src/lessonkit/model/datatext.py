"""The data files are text (docs/reference.en.md#page-safety): every value of ``curriculum.yml`` and
``helplines.yml`` is written into pages, JSON, GIFT and the sitemap as text, never as HTML, so a value
that holds markup is refused rather than shown as code; a phone number is a phone number; an address is
an ``https:`` (or ``http:``) address of another site or a path in the site.

- ``data-html``: any text value (at any depth) that the HTML tokenizer reads as markup (``<b>``,
  ``<script>``, ``</p>``, a comment); ``a < b`` and ``<3`` are text and pass;
- ``data-phone``: a hotline ``number`` other than digits, spaces, ``+``, ``-`` and ``.``;
- ``data-url``: a ``url`` that is not ``https://host…``, ``http://host…`` or a path in the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .messages import msg
from .problems import ProblemList
from .safety import RE_URL_JUNK, first_markup
from .yamlsrc import Located, YamlError, load_located

#: The last part of the path of a text that is a mapping's key, not a value.
KEY = object()
RE_PHONE = re.compile(r"[0-9+][0-9 +.\-]*\Z")
RE_WEB = re.compile(r"https?://[^/\s?#@\\]+(?:[/?#]\S*)?\Z", re.I)
RE_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:", re.I)


def site_or_web_address(value: str) -> bool:
    """``https://host…``, ``http://host…``, or a path in the site (no scheme, not ``//host``)."""
    compact = RE_URL_JUNK.sub("", value)
    if RE_WEB.match(value.strip()) and compact == value.strip():
        return True
    return bool(compact) and not RE_SCHEME.match(compact) and not compact.replace("\\", "/").startswith("//")


def _strings(
    value: object, path: tuple[object, ...] = (), seen: set[int] | None = None
) -> Iterator[tuple[tuple[object, ...], str]]:
    """Every text value (and text key) under ``value``, with the path to it; a mapping or list that YAML
    aliases repeat is read once (so an alias bomb costs nothing)."""
    seen = set() if seen is None else seen
    if isinstance(value, (dict, list)):
        if id(value) in seen:
            return
        seen.add(id(value))
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield (*path, key, KEY), key
            yield from _strings(item, (*path, key), seen)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index), seen)
    elif isinstance(value, str):
        yield path, value


def _name(path: tuple[object, ...]) -> str:
    return ".".join(str(p) for p in path if p is not KEY) or "(document)"


def check_data_text(doc: Located, rel: str, problems: ProblemList, *, phones: bool = False) -> None:
    """Add ``data-html``, ``data-url`` (every ``url`` key) and, with ``phones``, ``data-phone`` (every
    ``number`` key) errors for ``doc``, each on its value's line."""
    for path, text in _strings(doc.value):
        is_key = bool(path) and path[-1] is KEY
        path = path[:-1] if is_key else path
        line = doc.line_of(*path)
        markup = first_markup(text)
        if markup is not None:
            problems.error(rel, line, "data-html", msg("data-html", field=_name(path), markup=markup))
            continue
        if is_key:
            continue
        key = path[-1] if path else None
        if key == "url" and not site_or_web_address(text):
            problems.error(rel, line, "data-url", msg("data-url", field=_name(path), value=text))
        elif phones and key == "number" and not RE_PHONE.match(text.strip()):
            problems.error(rel, line, "data-phone", msg("data-phone", field=_name(path), value=text))


def check_data_file(path: Path, rel: str, *, phones: bool = False) -> ProblemList:
    """:func:`check_data_text` on the YAML file at ``path`` (nothing when it cannot be read: the file's
    own loader reports that)."""
    problems = ProblemList()
    try:
        doc = load_located(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlError):
        return problems
    check_data_text(doc, rel, problems, phones=phones)
    return problems
