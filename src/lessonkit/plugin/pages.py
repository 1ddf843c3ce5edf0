"""What the plugin's pages say: the Markdown of generated pages and the values their templates show.

Markup lives in the templates (``theme/lessonkit/*.html``); this module only gathers the values, in the
page's language, from the lesson model, ``curriculum.yml`` and ``helplines.yml``. Each kind of page has
its Markdown and its context here, taking a :class:`PageRequest`; the renderer's table
(:mod:`.render`) says which belong to which kind.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import __version__
from ..labels import labels_for
from ..markdown.helplines import hotline_sentence
from ..model import Catalogue, Curriculum, LessonFile, Module
from ..model.helplines import Helplines
from ..model.registry import Kind, Registry, SitePage


def _no_link(target: SitePage | None) -> str | None:
    return None


def _no_qr(entry: SitePage) -> dict[str, Any] | None:
    return None


@dataclass(frozen=True)
class PageRequest:
    """One page being made, and what its Markdown and context are made from: the page's record, the
    project, and (once the page exists in the build) the addresses of other pages relative to it."""

    entry: SitePage
    catalogue: Catalogue
    registry: Registry
    helplines: Helplines | None = None
    #: The address of another registered page relative to this one (None for no page).
    link: Callable[[SitePage | None], str | None] = _no_link
    #: The site's home and help pages relative to this one (None on that page itself).
    home_url: str | None = None
    help_url: str | None = None
    #: The QR code of a lesson page's pupils' page (with ``site_url`` only).
    qr: Callable[[SitePage], dict[str, Any] | None] = _no_qr

    @property
    def lang(self) -> str:
        return self.entry.lang

    @property
    def curriculum(self) -> Curriculum:
        cur = self.catalogue.curriculum
        assert cur is not None  # a broken curriculum stopped the build before any page
        return cur

    @property
    def lesson(self) -> LessonFile:
        """The module's file in the page's language (pages of a module only)."""
        assert self.entry.module is not None
        return self.entry.module.files[self.lang]

    def sentence(self, label: str) -> Markup:
        """The label ``label`` with the main hotline filled in (nothing without helplines.yml)."""
        return hotline_sentence(self.helplines, self.lang, label) if self.helplines else Markup("")


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
    """``(label, value)`` rows describing a module, in ``lang``: level, grades, ages, time (and periods),
    subjects (by their names at the module's level), the experiential activity's form if given, topics."""
    labels = labels_for(lang)
    data = module_file.fields
    level = cur.levels[data["level"]]
    grades = data["grades"]
    low, high = cur.age_range(grades) or (0, 0)
    minutes = data["duration"]
    periods = level.periods(minutes)
    duration = labels["duration_value"].format(minutes=minutes)
    if periods:
        counted = labels["periods_one" if periods == 1 else "periods_other"].format(n=periods)
        duration = labels["duration_periods"].format(minutes=minutes, periods=counted)
    facts = [
        (labels["level"], level.name.get(lang, level.key)),
        (labels["grades"], ", ".join(str(g) for g in sorted(grades))),
        (labels["ages"], labels["ages_value"].format(low=low, high=high)),
        (labels["duration"], duration),
        (labels["subjects"], ", ".join(cur.subject_name(s, level.key, lang) for s in data["subjects"])),
    ]
    form = cur.forms.get(data.get("form") or "")
    if form is not None:
        facts.append((labels["form"], form.name.get(lang, form.key)))
    return facts + [(labels["topics"], ", ".join(cur.topics[t].name.get(lang, t) for t in data["topics"]))]


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


# -- the Markdown of each generated kind -----------------------------------------------------------


def student_page(request: PageRequest) -> str:
    return student_markdown(request.lesson, request.lang)


def family_page(request: PageRequest) -> str:
    return family_markdown(request.lesson, request.lang)


def catalogue_page(request: PageRequest) -> str:
    level = request.curriculum.levels[request.entry.level or ""]
    return titled_markdown(
        level.name.get(request.lang, level.key),
        level.description.get(request.lang, ""),
        hidden=not request.entry.in_search,
    )


def overview_page(request: PageRequest) -> str:
    t = labels_for(request.lang)
    return titled_markdown(t["overview_title"], t["overview_description"], hidden=not request.entry.in_search)


def not_found_page(request: PageRequest) -> str:
    return titled_markdown(labels_for(request.lang)["not_found_title"], hidden=not request.entry.in_search)


# -- what each kind's template shows ----------------------------------------------------------------


def lesson_context(request: PageRequest) -> dict[str, Any]:
    """The lesson page: the card of its facts and objectives, the links to its pupils' and family pages,
    the QR code, the sources."""
    lesson, lang, module = request.lesson, request.lang, request.entry.module
    return {
        "facts": module_facts(lesson, request.curriculum, lang),
        "objectives": [o.text for o in lesson.objectives],
        "sources": [s for s in lesson.fields.get("sources") or [] if isinstance(s, dict)],
        "student_url": request.link(request.registry.find(Kind.STUDENT, lang, module)),
        "family_url": request.link(request.registry.find(Kind.FAMILY, lang, module)),
        "qr": request.qr(request.entry),
    }


def catalogue_context(request: PageRequest) -> dict[str, Any]:
    """A level's catalogue: every module of the level in the page's language, and its GIFT file."""
    cur, lang, registry = request.curriculum, request.lang, request.registry
    level = cur.levels[request.entry.level or ""]
    present = [m for m in request.catalogue.by_level(level.key) if lang in m.files]
    has_questions = any(m.files[lang].questions for m in present)
    return {
        "description": level.description.get(lang, ""),
        "modules": [module_entry(m, lang, cur, registry, request.link) for m in present],
        "gift_url": gift_name(level.key, lang) if has_questions else None,
        "gift_name": gift_name(level.key, lang),
    }


def coverage_context(request: PageRequest) -> dict[str, Any]:
    """The curriculum overview (coverage page)."""
    return overview_context(request.catalogue.modules, request.curriculum, request.lang, request.registry, request.link)


def not_found_context(request: PageRequest) -> dict[str, Any]:
    """The 404 page: the way home, the help page, and who to tell."""
    return {"home_url": request.home_url, "help_url": request.help_url, "sentence": request.sentence("quiz_help")}


def gift_name(level: str, lang: str) -> str:
    """The GIFT file of a level, beside its catalogue page in that language's part of the site."""
    return f"{level}-{lang}.gift"


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
                "form": base.get("form"),
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
            "levels": [
                {
                    "key": lv.key,
                    "name": lv.name,
                    "grades": list(lv.grades),
                    "period": lv.period,
                    # The names of the subjects taught at this level, as the level names them.
                    "subjects": {k: s.names_at(lv.key) for k, s in cur.subjects.items() if lv.key in s.levels},
                }
                for lv in cur.levels.values()
            ],
            "subjects": {k: s.name for k, s in cur.subjects.items()},
            "forms": {k: f.name for k, f in cur.forms.items()},
            "topics": {k: t.name for k, t in cur.topics.items()},
            "modules": records,
        }
    )
    return record
