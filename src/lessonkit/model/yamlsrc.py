"""YAML read with line numbers, so that every problem can name the line of the offending field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .messages import Message, msg
from .problems import ProblemList

# libyaml is many times faster; fall back to the pure-Python loader where it is missing.
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(Exception):
    """YAML that cannot be read: ``line`` is 1-based within the parsed text.

    ``detail`` is the catalogue message (for the checker's languages), ``message`` its English text.
    The reason itself comes from PyYAML and stays English.
    """

    def __init__(self, detail: Message, line: int) -> None:
        self.detail = detail
        self.message = detail.text()
        super().__init__(self.message)
        self.line = line


@dataclass
class Located:
    """A YAML value with the line of every mapping key and sequence item (1-based, in the text)."""

    value: Any
    line: int
    keys: dict[Any, int] = field(default_factory=dict)
    items: dict[Any, Located] = field(default_factory=dict)
    #: Keys of a flow mapping (``{…}``) written with no ``:`` and no value, each with the text as written
    #: from the value before it: ``{vi: Khi cần tìm kiếm, cứu nạn., en: …}`` reads ``cứu nạn.`` as a key,
    #: the text ``Khi cần tìm kiếm, cứu nạn.`` cut at its comma.
    bare: dict[Any, str] = field(default_factory=dict)

    def line_of(self, *path: Any) -> int:
        """The line of a nested key or item, or the closest enclosing one that exists."""
        node: Located = self
        line = self.line
        for part in path:
            if part in node.keys:
                line = node.keys[part]  # a key's own line, not that of a block value under it
            elif part in node.items:
                line = node.items[part].line
            if part not in node.items:
                return line
            node = node.items[part]
        return line


def _is_bare(key_node: yaml.Node, value_node: yaml.Node, text: str) -> bool:
    """A plain key with no ``:`` and no value after it (``{a: b, c}``, not ``{a: b, c: }``): only a flow
    mapping makes one."""
    return (
        isinstance(key_node, yaml.ScalarNode)
        and not key_node.style  # plain: None from PyYAML, "" from libyaml
        and isinstance(value_node, yaml.ScalarNode)
        and value_node.tag.endswith(":null")
        and value_node.value == ""
        and value_node.start_mark.index == value_node.end_mark.index
        and not text[key_node.end_mark.index :].lstrip().startswith(":")
    )


def _locate(
    node: yaml.Node, value: Any, offset: int, text: str = "", seen: dict[int, Located] | None = None
) -> Located:
    # An alias is the same node again: locate it once, or nested aliases take exponential time.
    seen = {} if seen is None else seen
    if id(node) in seen:
        return seen[id(node)]
    here = seen[id(node)] = Located(value, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
        previous: yaml.Node | None = None
        for key_node, value_node in node.value:
            try:
                key = key_node.value if key_node.tag.endswith(":str") else yaml.safe_load(key_node.value)
            except yaml.YAMLError:  # pragma: no cover - a scalar that was composed always loads
                key = key_node.value
            if key not in value:
                # The key was constructed into another type (an int grade, say): find it by text.
                matches = [k for k in value if str(k) == str(key_node.value)]
                key = matches[0] if matches else key
            here.keys[key] = key_node.start_mark.line + 1 + offset
            if key in value:
                here.items[key] = _locate(value_node, value[key], offset, text, seen)
            if node.flow_style and _is_bare(key_node, value_node, text):
                # The text as written runs from the plain value before it (where there is one) to this key.
                cut = isinstance(previous, yaml.ScalarNode) and not previous.style and previous.value != ""
                start = previous.start_mark.index if cut and previous is not None else key_node.start_mark.index
                here.bare[key] = text[start : key_node.end_mark.index] or str(key_node.value)
            previous = value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(value, list):
        for index, (item_node, item) in enumerate(zip(node.value, value, strict=False)):
            here.items[index] = _locate(item_node, item, offset, text, seen)
    return here


def bare_keys(doc: Located) -> list[tuple[int, Any, str]]:
    """``(line, key, text as written)`` of every bare key in a flow mapping of the document, by line:
    the mark of a text cut at a comma (see :attr:`Located.bare`)."""
    found: list[tuple[int, Any, str]] = []
    seen: set[int] = set()
    stack = [doc]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        found.extend((node.keys.get(key, node.line), key, whole) for key, whole in node.bare.items())
        stack.extend(node.items.values())
    return sorted(found, key=lambda f: (f[0], str(f[1])))


def report_bare_keys(doc: Located, rel: str, problems: ProblemList) -> None:
    """An error for every text cut at a comma in a flow mapping (``yaml-comma``), with the quoted fix."""
    for line, key, whole in bare_keys(doc):
        problems.error(rel, line, "yaml-comma", msg("yaml-comma", key=key, text=whole))


def load_located(text: str, offset: int = 0, *, aliases: bool = True) -> Located:
    """Parse one YAML document; ``offset`` is added to every line (the text's place in its file).

    Raises :class:`YamlError` with the line of the fault for text that is not YAML, and, without
    ``aliases``, on the first alias (``*name``): front matter is read again by MkDocs, where an alias
    bomb takes all the memory there is.
    """
    if not aliases and "*" in text:
        _refuse_aliases(text, offset)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, 1 + offset)
        value = loader.construct_document(node)
        return _locate(node, value, offset, text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark is not None else 1) + offset
        reason = exc.problem or exc.context
        raise YamlError(msg("yaml.malformed", reason=reason) if reason else msg("yaml.invalid"), line) from None
    except yaml.YAMLError as exc:
        # A reader error (a control character) has no mark and a two-line text: keep one line, find the line.
        bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
        line = text.count("\n", 0, bad.start()) + 1 if bad else 1
        detail = msg("yaml.malformed", reason=str(exc).splitlines()[0]) if str(exc) else msg("yaml.invalid")
        raise YamlError(detail, line + offset) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # Constructors can fail on odd scalars (a date like 2024-02-31, huge numbers).
        raise YamlError(msg("yaml.malformed", reason=str(exc)), 1 + offset) from None
    finally:
        loader.dispose()


def _refuse_aliases(text: str, offset: int) -> None:
    """Raise :class:`YamlError` at the first alias of ``text`` (faults of another kind are left to the parse)."""
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.AliasToken):
                raise YamlError(msg("yaml-alias"), token.start_mark.line + 1 + offset)
    except yaml.YAMLError:
        return


#: The messages of each data file kind: missing, unreadable (reason), not YAML (detail).
_DATA_FILE_MESSAGES = {
    "curriculum": (
        lambda: msg("curriculum-missing"),
        lambda reason: msg("curriculum-unreadable", reason=reason),
        lambda detail: msg("curriculum-yaml", yaml=detail),
    ),
    "helplines": (
        lambda: msg("helplines-missing"),
        lambda reason: msg("helplines-unreadable", reason=reason),
        lambda detail: msg("helplines-yaml", yaml=detail),
    ),
}


def read_data_file(path: Path, rel: str, problems: ProblemList, kind: str) -> tuple[Located, str] | None:
    """Read a YAML data file (``kind`` is ``curriculum`` or ``helplines``): its document and its text.

    ``None``, with a ``<kind>-missing``, ``<kind>-unreadable`` or ``<kind>-yaml`` problem added, when the
    file is missing, unreadable or not YAML.
    """
    missing, unreadable, malformed = _DATA_FILE_MESSAGES[kind]
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.error(rel, 1, f"{kind}-missing", missing())
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.error(rel, 1, f"{kind}-unreadable", unreadable(exc))
        return None
    try:
        doc = load_located(text)
    except YamlError as exc:
        problems.error(rel, exc.line, f"{kind}-yaml", malformed(exc.detail))
        return None
    report_bare_keys(doc, rel, problems)
    return doc, text
