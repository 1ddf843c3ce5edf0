"""The pages the plugin writes: level catalogues, pupils' pages and the lesson card."""

from __future__ import annotations

import re
from html import escape

from ..helplines import Helplines
from ..labels import labels_for
from ..model import Curriculum, LessonFile, Module

RE_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Text that Markdown prints as it is."""
    return RE_MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def yaml_quote(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


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


def catalogue_markdown(level_key: str, modules: list[Module], cur: Curriculum, lang: str) -> str:
    """A level's catalogue page: every module with its title, description and tags, linked."""
    labels = labels_for(lang)
    level = cur.levels[level_key]
    # Kept out of search: it repeats the titles and descriptions of its modules, which search finds.
    lines = ["---", f"title: {yaml_quote(level.name.get(lang, level_key))}",
             f"description: {yaml_quote(level.description.get(lang, ''))}", "search:", "  exclude: true", "---", ""]
    if level.description.get(lang):
        lines += [md_escape(level.description[lang]), ""]
    present = [m for m in modules if lang in m.files]
    lines += [labels["catalogue_intro"].format(count=len(present)) if present else labels["catalogue_empty"], ""]
    for module in present:
        page = module.files[lang]
        data = page.fields
        lines += [f"## [{md_escape(data['title'])}]({module.id}/index.md)", "", md_escape(data["description"]), ""]
        facts = module_facts(page, cur, lang)[1:]
        lines += [" · ".join(f"**{md_escape(label)}:** {md_escape(value)}" for label, value in facts), ""]
        lines += [f"[{labels['catalogue_lesson']}]({module.id}/index.md) · "
                  f"[{labels['catalogue_student']}]({module.id}/quiz.md)", ""]
    return "\n".join(lines)


def student_markdown(page: LessonFile, lang: str) -> str:
    """The pupils' page of a module: its ``/// student`` blocks and quiz questions, in source order."""
    labels = labels_for(lang)
    title = labels["student_title"].format(title=page.fields["title"])
    source = page.text.replace("\r\n", "\n").split("\n")
    # Kept out of search: every word of it is on the lesson page already, and a smaller index loads faster.
    parts = ["---", f"title: {yaml_quote(title)}", f"description: {yaml_quote(page.fields['description'])}",
             "search:", "  exclude: true", "---", "",
             labels["student_intro"], ""]
    for block in page.blocks:
        if block.parent is None and block.name in ("student", "quiz") and block.end is not None:
            parts += source[block.start - 1:block.end] + [""]
    return "\n".join(parts)


def card_html(page: LessonFile, cur: Curriculum, lang: str, student_url: str) -> str:
    """The lesson card at the top of a lesson page: the tags, the objectives and the pupils' link."""
    labels = labels_for(lang)
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in module_facts(page, cur, lang))
    objectives = "".join(f"<li>{escape(str(o))}</li>" for o in page.fields["objectives"])
    return (
        f'<section class="lk-card" aria-label="{escape(labels["card_title"], quote=True)}">'
        f'<dl class="lk-card__facts">{rows}</dl>'
        f'<h2 class="lk-card__title">{escape(labels["objectives"])}</h2><ul class="lk-card__objectives">{objectives}</ul>'
        f'<p class="lk-card__student"><a class="md-button" href="{escape(student_url, quote=True)}">'
        f'{escape(labels["student_link"])}</a></p>'
        f'<p class="lk-print-hint">{escape(labels["print_hint"])}</p>'
        f"</section>"
    )


def hotline_sentence(helplines: Helplines, lang: str, label: str) -> str:
    """The label ``label`` in ``lang`` with the main hotline filled in: its number as a tel: link, its
    name and its note (``{number}``, ``{name}``, ``{note}``), HTML-escaped."""
    line = helplines.main
    number = f'<a href="tel:{escape(line.number, quote=True)}"><strong>{escape(line.number)}</strong></a>'
    text = escape(labels_for(lang)[label]).replace("{name}", escape(line.name.get(lang, "")))
    return text.replace("{note}", escape(line.note.get(lang, ""))).replace("{number}", number)


def help_html(helplines: Helplines | None, lang: str) -> str:
    """The few lines of help at the end of a quiz: a trusted adult and the main hotline."""
    return f"<p>{hotline_sentence(helplines, lang, 'quiz_help')}</p>" if helplines else ""


def overview_markdown(modules: list[Module], cur: Curriculum, lang: str) -> str:
    """The curriculum overview: which grades and topics have lessons, with links (for the department)."""
    labels = labels_for(lang)
    present = [m for m in modules if lang in m.files]
    lines = ["---", f"title: {yaml_quote(labels['overview_title'])}",
             f"description: {yaml_quote(labels['overview_description'])}", "search:", "  exclude: true", "---", "",
             labels["overview_intro"].format(count=len(present)), ""]

    def link(module: Module) -> str:
        return f"[{md_escape(module.files[lang].fields['title'])}]({module.level}/{module.id}/index.md)"

    def row(first: str, second: str, found: list[Module]) -> str:
        listed = "<br>".join(link(m) for m in found) if found else f"*{labels['none_yet']}*"
        return f"| {first} | {second} | {len(found)} | {listed} |"

    lines += [f"## {labels['by_grade']}", "", f"| {labels['grades']} | {labels['level']} | {labels['count']} | {labels['lessons']} |",
              "|---|---|---|---|"]
    for level in cur.levels.values():
        for grade in level.grades:
            found = [m for m in present if grade in (m.files[lang].fields.get("grades") or [])]
            lines.append(row(str(grade), md_escape(level.name.get(lang, level.key)), found))
    lines += ["", f"## {labels['by_topic']}", "", f"| {labels['topics']} | {labels['ages']} | {labels['count']} | {labels['lessons']} |",
              "|---|---|---|---|"]
    for topic in cur.topics.values():
        found = [m for m in present if topic.key in (m.files[lang].fields.get("topics") or [])]
        grades = sorted({g for m in found for g in m.files[lang].fields.get("grades") or []})
        span = cur.age_range(grades)
        ages = labels["ages_value"].format(low=span[0], high=span[1]) if span else "–"
        lines.append(row(md_escape(topic.name.get(lang, topic.key)), ages, found))
    return "\n".join(lines) + "\n"


def catalogue_record(modules: list[Module], cur: Curriculum, use_directory_urls: bool) -> dict:
    """The machine-readable catalogue (``catalogue.json``): every module's tags in both languages."""
    from .. import DEFAULT_LANGUAGE, LANGUAGES, __version__

    page = "" if use_directory_urls else "index.html"
    student = "quiz/" if use_directory_urls else "quiz.html"

    def prefix(lang: str) -> str:
        return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"

    records = []
    for module in modules:
        base = module.files[DEFAULT_LANGUAGE].fields
        ages = cur.age_range(base["grades"])
        records.append({
            "id": module.id,
            "level": module.level,
            "grades": sorted(base["grades"]),
            "ages": list(ages) if ages else None,
            "duration": base["duration"],
            "subjects": list(base["subjects"]),
            "topics": list(base["topics"]),
            "questions": len(module.files[DEFAULT_LANGUAGE].questions),
            "title": {lang: module.files[lang].fields["title"] for lang in LANGUAGES},
            "description": {lang: " ".join(module.files[lang].fields["description"].split()) for lang in LANGUAGES},
            "objectives": {lang: list(module.files[lang].fields["objectives"]) for lang in LANGUAGES},
            "sources": list(base["sources"]),
            "url": {lang: f"{prefix(lang)}lessons/{module.level}/{module.id}/{page}" for lang in LANGUAGES},
            "student_url": {lang: f"{prefix(lang)}lessons/{module.level}/{module.id}/{student}" for lang in LANGUAGES},
        })
    return {
        "generator": f"lessonkit {__version__}",
        "languages": list(LANGUAGES),
        "levels": [{"key": lv.key, "name": lv.name, "grades": list(lv.grades)} for lv in cur.levels.values()],
        "subjects": {k: s.name for k, s in cur.subjects.items()},
        "topics": {k: t.name for k, t in cur.topics.items()},
        "modules": records,
    }


def banner_html(helplines: Helplines | None, lang: str, help_url: str | None) -> str:
    """The line at the top of every page: a trusted adult and the main hotline, and the help page."""
    if helplines is None:
        return ""
    text = hotline_sentence(helplines, lang, "banner")
    if help_url:
        text += f' <a href="{escape(help_url, quote=True)}">{escape(labels_for(lang)["banner_more"])}</a>'
    return text


def sources_html(page: LessonFile, lang: str) -> str:
    """The module's cited sources, at the end of the lesson page: where each fact and number comes from."""
    items = "".join(
        f'<li><a href="{escape(str(src["url"]), quote=True)}">{escape(str(src["title"]))}</a></li>'
        for src in page.fields.get("sources") or [] if isinstance(src, dict))
    title = escape(labels_for(lang)["sources"])
    return f'<section class="lk-sources" aria-label="{title}"><h2>{title}</h2><ul>{items}</ul></section>'
