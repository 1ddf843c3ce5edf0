"""``lessonkit coverage``: which grades and topics have modules, in which languages."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..model import Catalogue, load, read_settings
from ..model.messages import msg
from .lang import add_lang_option, chosen_lang


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("coverage", help="which grades and topics have modules, in which languages")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_lang_option(parser)
    parser.set_defaults(run=run)


def _scalars(value: object) -> list:
    """The hashable items of a front matter list (a field of the wrong type, as the checker reports it, is none)."""
    return [v for v in value if isinstance(v, (int, str))] if isinstance(value, list) else []


def report(catalogue: Catalogue) -> dict:
    """Grades and topics with the ids of the modules that cover them, per language."""
    cur = catalogue.curriculum
    assert cur is not None  # run() reports a broken curriculum before it asks for a report
    languages = catalogue.languages
    grades: dict[int, dict[str, list[str]]] = {
        g: {lang: [] for lang in languages} for level in cur.levels.values() for g in level.grades
    }
    topics: dict[str, dict[str, list[str]]] = {t: {lang: [] for lang in languages} for t in cur.topics}
    for module in catalogue.modules:
        for lang, page in module.files.items():
            for grade in _scalars(page.fields.get("grades")):
                if grade in grades:
                    grades[grade][lang].append(module.id)
            for topic in _scalars(page.fields.get("topics")):
                if topic in topics:
                    topics[topic][lang].append(module.id)
    return {
        "modules": len(catalogue.modules),
        "grades": [
            {"grade": g, "level": cur.level_of_grade(g), **{lang: ids for lang, ids in v.items()}}
            for g, v in grades.items()
        ],
        "topics": [
            {"topic": t, "name": cur.topics[t].name, **{lang: ids for lang, ids in v.items()}}
            for t, v in topics.items()
        ],
        "uncovered_grades": [g for g, v in grades.items() if not all(v.values())],
        "uncovered_topics": [t for t, v in topics.items() if not all(v.values())],
    }


def run(root: Path, args: argparse.Namespace) -> int:
    lang = chosen_lang(args)

    def say(key: str, /, **params: object) -> str:
        return msg(key, **params).text(lang)

    settings = read_settings(root)
    catalogue = load(root, settings.lessons_dir, settings.languages)
    if catalogue.curriculum is None:
        for problem in catalogue.problems:
            print(problem.format(lang), file=sys.stderr)
        return 1
    data = report(catalogue)
    if args.format == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    width = max(len(t["topic"]) for t in data["topics"]) if data["topics"] else 5
    codes = "  ".join(f"{code:>3}" for code in catalogue.languages)
    print(say("coverage.modules", count=data["modules"]))
    print(f"\n{say('coverage.grade'):>5}  {say('coverage.level'):<16}  {codes}  {say('coverage.module-ids')}")
    for row in data["grades"]:
        counts = "  ".join(f"{len(row[code]):>3}" for code in catalogue.languages)
        print(f"{row['grade']:>5}  {row['level']:<16}  {counts}  {', '.join(sorted(set(row[catalogue.languages[0]])))}")
    print(f"\n{say('coverage.topic'):<{width}}  {codes}  {say('coverage.module-ids')}")
    for row in data["topics"]:
        counts = "  ".join(f"{len(row[code]):>3}" for code in catalogue.languages)
        print(f"{row['topic']:<{width}}  {counts}  {', '.join(sorted(set(row[catalogue.languages[0]])))}")
    gaps_g = ", ".join(map(str, data["uncovered_grades"])) or say("coverage.no-grade")
    gaps_t = ", ".join(data["uncovered_topics"]) or say("coverage.no-topic")
    print("\n" + say("coverage.uncovered-grades", grades=gaps_g))
    print(say("coverage.uncovered-topics", topics=gaps_t))
    return 0
