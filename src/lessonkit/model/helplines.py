"""Who to tell and which numbers to call (``lessons/helplines.yml``): one source for every page.

The help page, the lesson cards and the quiz results all read it, so a number is changed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .langmap import check_language_keys, check_language_lists
from .messages import and_list, msg
from .problems import ProblemList
from .words import find_words
from .yamlsrc import read_data_file


@dataclass(frozen=True)
class Hotline:
    number: str
    name: dict[str, str]
    note: dict[str, str]
    source: dict[str, str] | None = None


@dataclass
class Helplines:
    hotlines: list[Hotline] = field(default_factory=list)
    trusted_adults: dict[str, list[str]] = field(default_factory=dict)
    report_to: dict[str, str] = field(default_factory=dict)

    @property
    def main(self) -> Hotline:
        """The first hotline: the one quiz results point to (111)."""
        return self.hotlines[0]


def _texts(value: object, langs: tuple[str, ...]) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang].strip() for lang in langs)


def load_helplines(
    path: Path, rel: str, problems: ProblemList, never: tuple[str, ...] = (), languages: tuple[str, ...] = ("vi", "en")
) -> Helplines | None:
    """Read and check the file; ``None`` (with problems added) when it cannot be used."""
    read = read_data_file(path, rel, problems, "helplines")
    if read is None:
        return None
    doc, text = read
    before = len(problems)
    data = doc.value if isinstance(doc.value, dict) else {}
    result = Helplines()
    hotlines = data.get("hotlines")
    if not isinstance(hotlines, list) or not hotlines:
        problems.error(rel, doc.line_of("hotlines"), "helplines-structure", msg("helplines-structure.hotlines"))
        hotlines = []
    for index, item in enumerate(hotlines):
        line = doc.line_of("hotlines", index)
        if not isinstance(item, dict) or not isinstance(item.get("number"), str) or not item["number"].strip():
            problems.error(rel, line, "helplines-number", msg("helplines-number"))
            continue
        for key in ("name", "note"):
            if key in doc.items["hotlines"].items[index].items:
                node = doc.items["hotlines"].items[index].items[key]
                what = msg("what.hotline", number=item["number"], key=key)
                check_language_keys(node, languages, rel, problems, what)
            if not _texts(item.get(key), languages):
                problems.error(
                    rel,
                    line,
                    "helplines-text",
                    msg("helplines-text", number=item["number"], key=key, langs=and_list(languages)),
                )
        source = item.get("source")
        if source is not None and not (isinstance(source, dict) and source.get("title") and source.get("url")):
            problems.error(rel, line, "helplines-source", msg("helplines-source", number=item["number"]))
        result.hotlines.append(
            Hotline(item["number"].strip(), dict(item.get("name") or {}), dict(item.get("note") or {}), source)
        )

    def structure(key: str, wording: str) -> None:
        problems.error(
            rel,
            doc.line_of(key),
            "helplines-structure",
            msg(f"helplines-structure.{wording}", langs=and_list(languages)),
        )

    for key in ("trusted_adults", "report_to"):
        if key in doc.items:
            check_language_keys(doc.items[key], languages, rel, problems, msg("what.key", key=key))
    if "trusted_adults" in doc.items:
        adults_node = doc.items["trusted_adults"]
        what = msg("what.key", key="trusted_adults")
        check_language_lists(adults_node, languages, rel, problems, what, doc.line_of("trusted_adults"))
    adults = data.get("trusted_adults")
    if isinstance(adults, dict) and all(isinstance(adults.get(lang), list) and adults[lang] for lang in languages):
        result.trusted_adults = {lang: [str(x) for x in adults[lang]] for lang in languages}
    else:
        structure("trusted_adults", "adults")
    if _texts(data.get("report_to"), languages):
        result.report_to = dict(data["report_to"])
    else:
        structure("report_to", "report")
    lines = list(enumerate(text.split("\n"), start=1))
    for line, _, found in find_words(lines, never):
        problems.error(rel, line, "never-word", msg("never-word.published", found=found))
    return result if len(problems) == before else None
