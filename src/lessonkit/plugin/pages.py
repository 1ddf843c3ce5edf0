"""What the plugin's pages say: the Markdown of generated pages and the values their templates show.

Markup lives in the templates (``theme/lessonkit/*.html``); this module only gathers the values, in the
page's language, from the lesson model, ``curriculum.yml`` and ``helplines.yml``.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from markupsafe import Markup

from .. import __version__
from ..helplines import Helplines
from ..labels import labels_for
from ..model import Curriculum, LessonFile, Module
from ..registry import Kind, Registry


def yaml_quote(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)


def front_matter(title: str, description: str = "", *, hidden: bool = False) -> list[str]:
    """The front matter of a generated page; ``hidden`` pages are kept out of search."""
    lines = ["---", f"title: {yaml_quote(title)}"]
    if description:
        lines.append(f"description: {yaml_quote(description)}")
    if hidden:
        # Kept out of search: every word of it is on the lesson page already, and a smaller index loads faster.
        lines += ["search:", "  exclude: true"]
    return lines + ["---", ""]


def module_facts(module_file: LessonFile, cur: Curriculum, lang: str) -> list[tuple[str, str]]:
    """``(label, value)`` rows describing a module, in ``lang``: level, grades, ages, time, subjects, topics."""
    labels = labels_for(lang)
    data = module_file.fields
    level = cur.levels[data["level"]]
    grades = data["grades"]
    low, high = cur.age_range(grades) or (0, 0)
    return [
        (labels["level"], level.name.get(lang, level.key)),
        (labels["grades"], ", ".join(str(g) for g in sorted(grades))),
        (labels["ages"], labels["ages_value"].format(low=low, high=high)),
        (labels["duration"], labels["duration_value"].format(minutes=data["duration"])),
        (labels["subjects"], ", ".join(cur.subjects[s].name.get(lang, s) for s in data["subjects"])),
        (labels["topics"], ", ".join(cur.topics[t].name.get(lang, t) for t in data["topics"])),
    ]


def _blocks_markdown(page: LessonFile, names: tuple[str, ...]) -> list[str]:
    """The source lines of ``page``'s top-level blocks named ``names``, in source order."""
    source = page.text.replace("\r\n", "\n").split("\n")
    parts: list[str] = []
    for block in page.blocks:
        if block.parent is None and block.name in names and block.end is not None:
            parts += source[block.start - 1 : block.end] + [""]
    return parts


def student_markdown(page: LessonFile, lang: str) -> str:
    """The pupils' page of a module: its ``/// student`` blocks and quiz questions, in source order."""
    labels = labels_for(lang)
    title = labels["student_title"].format(title=page.fields["title"])
    parts = front_matter(title, page.fields["description"], hidden=True) + [labels["student_intro"], ""]
    return "\n".join(parts + _blocks_markdown(page, ("student", "quiz")))


def family_markdown(page: LessonFile, lang: str) -> str:
    """A module's family sheet: its ``/// family`` blocks, then who to tell and which numbers to call."""
    labels = labels_for(lang)
    title = labels["family_title"].format(title=page.fields["title"])
    parts = front_matter(title, page.fields["description"], hidden=True) + [labels["family_intro"], ""]
    parts += _blocks_markdown(page, ("family",))
    return "\n".join(parts + [f"## {labels['family_help']}", "", "/// helplines", "///", ""])


def titled_markdown(title: str, description: str = "", *, hidden: bool = False) -> str:
    """A generated page whose body comes from a template (catalogues, the overview, 404)."""
    return "\n".join(front_matter(title, description, hidden=hidden))


def hotline_sentence(helplines: Helplines, lang: str, label: str) -> Markup:
    """The label ``label`` in ``lang`` with the main hotline filled in: its number as a tel: link, its
    name and its note (``{number}``, ``{name}``, ``{note}``), HTML-escaped."""
    line = helplines.main
    number = f'<a href="tel:{escape(line.number, quote=True)}"><strong>{escape(line.number)}</strong></a>'
    text = escape(labels_for(lang)[label]).replace("{name}", escape(line.name.get(lang, "")))
    return Markup(text.replace("{note}", escape(line.note.get(lang, ""))).replace("{number}", number))


def help_html(helplines: Helplines | None, lang: str) -> str:
    """The few lines of help at the end of a quiz: a trusted adult and the main hotline."""
    return f"<p>{hotline_sentence(helplines, lang, 'quiz_help')}</p>" if helplines else ""


def module_entry(module: Module, lang: str, cur: Curriculum, registry: Registry, link: Any) -> dict[str, Any]:
    """What a catalogue or the overview shows of a module; ``link(page)`` gives a page's address."""
    page = module.files[lang]
    family = registry.find(Kind.FAMILY, lang, module)
    return {
        "id": module.id,
        "title": page.fields["title"],
        "description": " ".join(str(page.fields["description"]).split()),
        "facts": module_facts(page, cur, lang)[1:],
        "url": link(registry.find(Kind.LESSON, lang, module)),
        "student_url": link(registry.find(Kind.STUDENT, lang, module)),
        "family_url": link(family) if family else None,
    }


def overview_context(
    modules: list[Module], cur: Curriculum, lang: str, registry: Registry, link: Any
) -> dict[str, Any]:
    """The coverage page: a grade × topic matrix, then the modules by grade and by topic; gaps stay visible."""
    labels = labels_for(lang)
    present = [m for m in modules if lang in m.files]
    entries = {m.id: module_entry(m, lang, cur, registry, link) for m in present}

    def grades_of(module: Module) -> list[int]:
        return list(module.files[lang].fields.get("grades") or [])

    def topics_of(module: Module) -> list[str]:
        return list(module.files[lang].fields.get("topics") or [])

    grades = [g for level in cur.levels.values() for g in level.grades]
    matrix = [
        {
            "key": topic.key,
            "name": topic.name.get(lang, topic.key),
            "cells": [
                {
                    "grade": g,
                    "modules": [entries[m.id] for m in present if g in grades_of(m) and topic.key in topics_of(m)],
                }
                for g in grades
            ],
        }
        for topic in cur.topics.values()
    ]
    by_grade = [
        {
            "label": str(g),
            "second": level.name.get(lang, level.key),
            "modules": [entries[m.id] for m in present if g in grades_of(m)],
        }
        for level in cur.levels.values()
        for g in level.grades
    ]
    by_topic = []
    for topic in cur.topics.values():
        found = [m for m in present if topic.key in topics_of(m)]
        span = cur.age_range(sorted({g for m in found for g in grades_of(m)}))
        ages = labels["ages_value"].format(low=span[0], high=span[1]) if span else "–"
        by_topic.append(
            {
                "key": topic.key,
                "label": topic.name.get(lang, topic.key),
                "second": ages,
                "modules": [entries[m.id] for m in found],
            }
        )
    return {"count": len(present), "grades": grades, "matrix": matrix, "by_grade": by_grade, "by_topic": by_topic}


def catalogue_record(
    modules: list[Module], cur: Curriculum, registry: Registry, use_directory_urls: bool, site_url: str | None = None
) -> dict[str, Any]:
    """The machine-readable catalogue (``catalogue.json``): every module's tags in every language."""
    languages = registry.languages
    default = registry.default_language

    def url(kind: Kind, module: Module, lang: str) -> str | None:
        page = registry.find(kind, lang, module)
        return page.url(default, use_directory_urls) if page else None

    records = []
    for module in modules:
        base = module.files[default].fields
        ages = cur.age_range(base["grades"])
        records.append(
            {
                "id": module.id,
                "level": module.level,
                "grades": sorted(base["grades"]),
                "ages": list(ages) if ages else None,
                "duration": base["duration"],
                "subjects": list(base["subjects"]),
                "topics": list(base["topics"]),
                "questions": len(module.files[default].questions),
                "title": {lang: module.files[lang].fields["title"] for lang in languages},
                "description": {lang: " ".join(module.files[lang].fields["description"].split()) for lang in languages},
                "objectives": {lang: [o.text for o in module.files[lang].objectives] for lang in languages},
                "sources": list(base["sources"]),
                "url": {lang: url(Kind.LESSON, module, lang) for lang in languages},
                "student_url": {lang: url(Kind.STUDENT, module, lang) for lang in languages},
                "family_url": {lang: url(Kind.FAMILY, module, lang) for lang in languages},
            }
        )
    record: dict[str, Any] = {"generator": f"lessonkit {__version__}"}
    if site_url:
        record["site_url"] = site_url
    record.update(
        {
            "languages": list(languages),
            "levels": [{"key": lv.key, "name": lv.name, "grades": list(lv.grades)} for lv in cur.levels.values()],
            "subjects": {k: s.name for k, s in cur.subjects.items()},
            "topics": {k: t.name for k, t in cur.topics.items()},
            "modules": records,
        }
    )
    return record
