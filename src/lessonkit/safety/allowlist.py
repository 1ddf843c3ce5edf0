"""What a page's content may hold: the allowlist the sanitizer applies to every piece of HTML that comes
from content (docs/reference.en.md#page-safety). Everything not named here is refused.

It covers what Markdown and the site's extensions write (paragraphs, lists, tables, code with its
highlighting, admonitions and details, tabs, abbreviations, definition lists, footnotes, attribute-list
ids and classes, the quiz, the audience blocks, read aloud, the help box) and the formatting an author
may write by hand (``<kbd>``, ``<br>``, ``<sub>``, ``<mark>`` …).
"""

from __future__ import annotations

#: Elements anyone may write (in Markdown or as HTML).
ELEMENTS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q",
        "rp", "rt", "ruby", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
        "fieldset", "legend",
    }
)  # fmt: skip
#: Elements only the site's own extensions write (the quiz, read aloud, tabs): each carries the build's
#: secret mark (:data:`lessonkit.safety.sanitize.OWN_ATTRIBUTE`), which no author can know, so the same
#: element written by hand is refused.
OWN_ELEMENTS: frozenset[str] = frozenset({"form", "input", "button", "svg", "path"})

#: Attributes allowed on every element, and the prefixes of attribute names allowed on every element.
GENERIC_ATTRIBUTES: frozenset[str] = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex"})
GENERIC_PREFIXES: frozenset[str] = frozenset({"aria-", "data-lk-", "data-tabs"})

#: Attributes allowed on one element (besides the generic ones).
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "label": frozenset({"for"}),
    "time": frozenset({"datetime"}),
    "form": frozenset({"novalidate"}),
    "input": frozenset({"name", "value", "checked", "disabled"}),
    "button": frozenset({"disabled"}),
    "svg": frozenset({"viewBox", "width", "height", "focusable", "xmlns"}),
    "path": frozenset({"d"}),
}
#: Attributes allowed on one element with one of a few values only (exactly as written).
ATTRIBUTE_VALUES: dict[str, dict[str, frozenset[str]]] = {
    "input": {"type": frozenset({"radio", "checkbox"})},
    "button": {"type": frozenset({"button", "submit"})},
    # Markdown's tables write a column's alignment as a style; no other style is allowed anywhere.
    "td": {"style": frozenset({"text-align: left;", "text-align: center;", "text-align: right;"})},
    "th": {"style": frozenset({"text-align: left;", "text-align: center;", "text-align: right;"})},
}

#: Attributes whose value is an address, and what the address may be.
LINK_ATTRIBUTES: dict[str, str] = {"a": "href"}
#: Addresses of pictures: a path in the site only.
SITE_ATTRIBUTES: dict[str, str] = {"img": "src"}
#: Schemes a link may have (any other is refused, as is an address to another host without one).
LINK_SCHEMES: frozenset[str] = frozenset({"https", "http", "mailto", "tel"})


def attribute_allowed(tag: str, name: str, value: str) -> bool:
    """Whether element ``tag`` may carry attribute ``name`` (lowercase) with ``value`` (addresses aside)."""
    if name in GENERIC_ATTRIBUTES or any(name.startswith(prefix) for prefix in GENERIC_PREFIXES):
        return True
    if name in {a.lower() for a in ATTRIBUTES.get(tag, ())}:
        return True
    allowed = ATTRIBUTE_VALUES.get(tag, {}).get(name)
    return allowed is not None and value in allowed
