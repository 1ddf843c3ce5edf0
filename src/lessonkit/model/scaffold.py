"""Text left from the ``lessonkit new`` scaffold (docs/reference.en.md#problem-codes, ``scaffold-text``).

A new module is valid from the start, so nothing else stops "Lesson title" or "Write the second
objective." from reaching pupils. Every placeholder the scaffold writes is known from the scaffold
itself (``lessonkit/templates/module.<lang>.md`` and the catalogue's ``scaffold`` texts), so a module
still holding one gets a warning at its line, in any language. The safeguarding note, the help
number and the level's tags are real content: the scaffold writes them from data, not as placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Template

import yaml

from ..strings import SOURCE_LANGUAGE, texts
from .messages import msg
from .module import LessonFile
from .problems import ProblemList

#: A list, task-list or numbered-list marker, or a quiz block's header, before a line's text.
RE_MARKER = re.compile(r"^(?:///\s*quiz\s*\|\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)")
#: Lines of the template that are structure, not text: headings, block fences, front matter, a label
#: alone in bold (``**Discussion questions**``, which a module keeps above its own questions).
RE_STRUCTURE = re.compile(r"^(?:#|///|---|\.\.\.|\*\*[^*]+\*\*:?$)")
SHOWN = 60


def normalize(line: str) -> str:
    """A line's text as a reader sees it: markers and surrounding spaces gone, spaces collapsed."""
    return " ".join(RE_MARKER.sub("", line.strip()).split())


@dataclass(frozen=True)
class Placeholders:
    """The scaffold's placeholder texts of one language: exact texts, and patterns (numbered ones)."""

    exact: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    def __contains__(self, line: str) -> bool:
        text = normalize(line)
        # A labelled objective ("Knowledge: Write the first objective…") holds the placeholder after its label.
        return bool(text) and any(
            t in self.exact or any(p.fullmatch(t) for p in self.patterns) for t in (text, text.partition(": ")[2]) if t
        )


def placeholders(lang: str) -> Placeholders:
    """The placeholders ``lessonkit new`` writes in ``lang`` (read from its template and texts)."""
    folder = resources.files("lessonkit.templates")
    name = f"module.{lang}.md" if folder.joinpath(f"module.{lang}.md").is_file() else f"module.{SOURCE_LANGUAGE}.md"
    words = texts("scaffold", lang)
    return _placeholders(folder.joinpath(name).read_text("utf-8"), tuple(sorted(words.items())))


@cache
def _placeholders(template: str, words: tuple[tuple[str, str], ...]) -> Placeholders:
    scaffold = dict(words)
    exact: set[str] = {normalize(scaffold["title"]), normalize(scaffold["explanation"])}
    patterns: list[re.Pattern[str]] = []
    for line in scaffold["question"].splitlines():
        text = normalize(line)
        if not text or "{explanation}" in text or text == "///":
            continue
        if "{n}" in text:
            patterns.append(re.compile(r"\d+".join(re.escape(part) for part in text.split("{n}"))))
        else:
            exact.add(text)
    exact.update(normalize(text) for key, text in scaffold.items() if key.startswith("objective_"))
    _, front, body = template.split("---\n", 2)
    meta = yaml.safe_load(Template(front).safe_substitute(objectives="")) or {}
    exact.add(normalize(str(meta.get("description", ""))))
    exact.update(normalize(str(o)) for o in meta.get("objectives") or [])
    for line in body.splitlines():
        if "$" not in line and not RE_STRUCTURE.match(line.strip()):
            exact.add(normalize(line))
    exact.discard("")
    return Placeholders(frozenset(exact), tuple(patterns))


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def check_scaffold(page: LessonFile, problems: ProblemList) -> None:
    """A warning (``scaffold-text``) at every line of ``page`` that still holds a scaffold placeholder."""
    found = placeholders(page.lang)
    fields = page.fields
    for key in ("title", "description"):
        value = fields.get(key)
        if isinstance(value, str) and value in found:
            problems.warning(page.rel, page.line_of(key), "scaffold-text", msg("scaffold-text", text=_shown(value)))
    objectives = fields.get("objectives")
    for index, value in enumerate(objectives if isinstance(objectives, list) else []):
        if isinstance(value, str) and value in found:
            problems.warning(
                page.rel, page.line_of("objectives", index), "scaffold-text", msg("scaffold-text", text=_shown(value))
            )
    for number, line in page.body:
        if line in found:
            problems.warning(page.rel, number, "scaffold-text", msg("scaffold-text", text=_shown(normalize(line))))
