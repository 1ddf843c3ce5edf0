"""Per-language values in the data files: ``{vi: …, en: …}`` maps of texts and of lists.

A text that holds a comma, written unquoted inside ``{…}`` or ``[…]``, is silently cut by YAML into a
text and a stray key, or into two list items. These checks make that visible: the keys of a
per-language map are exactly the site's languages, and the lists of one map are equally long, with no
empty item. (A key written with no value inside ``{…}`` is reported once, as ``yaml-comma``.)
"""

from __future__ import annotations

from .messages import Message, and_list, msg
from .problems import ProblemList
from .yamlsrc import Located


def check_language_keys(
    node: Located, languages: tuple[str, ...], rel: str, problems: ProblemList, what: Message
) -> None:
    """An error (``language-keys``) for every key of the map ``node`` that is not one of ``languages``."""
    if not isinstance(node.value, dict):
        return
    for key in node.value:
        if key in languages or key in node.bare:
            continue
        problems.error(
            rel,
            node.keys.get(key, node.line),
            "language-keys",
            msg("language-keys", what=what, key=key, langs=", ".join(languages)),
        )


def check_language_lists(
    node: Located, languages: tuple[str, ...], rel: str, problems: ProblemList, what: Message, line: int
) -> None:
    """Errors (``language-lists``) for lists of ``languages`` of different lengths (at ``line``, the map's
    key) and for empty items (at their own line)."""
    if not isinstance(node.value, dict):
        return
    lists = {lang: node.value[lang] for lang in languages if isinstance(node.value.get(lang), list)}
    for lang, items in lists.items():
        for index, item in enumerate(items):
            if not (isinstance(item, str) and item.strip()):
                where = node.items[lang].line_of(index) if lang in node.items else node.line
                problems.error(
                    rel, where, "language-lists", msg("language-lists.empty", what=what, lang=lang, n=index + 1)
                )
    if len({len(items) for items in lists.values()}) > 1:
        counts = and_list([f"{lang}: {len(items)}" for lang, items in lists.items()])
        problems.error(rel, line, "language-lists", msg("language-lists.lengths", what=what, counts=counts))
