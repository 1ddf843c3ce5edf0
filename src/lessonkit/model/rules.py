"""The rules of the lesson format (spec §2–§4), applied to a loaded catalogue.

:func:`validate` returns every problem, sorted; it never raises on bad content. The checker prints
these problems and the build plugin refuses the errors, so both always agree.
"""

from __future__ import annotations

import difflib
import reprlib
from typing import Any, Callable

from .. import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES
from .catalogue import Catalogue
from .curriculum import Curriculum
from .links import check_target, iter_targets
from .module import RE_MODULE_ID, LessonFile, Module
from .problems import Problem, ProblemList
from .words import find_words

FIELDS = ("title", "description", "level", "grades", "duration", "subjects", "topics", "objectives", "sources")
DESCRIPTION_MAX = 300
DURATION_RANGE = (10, 90)
OBJECTIVES_RANGE = (2, 6)
#: Fields both language files must agree on (objectives: only their number).
SHARED_FIELDS = ("level", "grades", "duration", "subjects", "topics")
HELP_NUMBER = "111"
#: repr() for values in messages, bounded (YAML aliases can nest a list of millions of items in a few lines).
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring, _SHORT.maxother = 2, 12, 12, 80, 80


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _lang_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, {}).get("en", lang)


def validate(catalogue: Catalogue) -> list[Problem]:
    """Every problem of the catalogue: loading problems, then the rules for every module."""
    problems = ProblemList(catalogue.problems)
    cur = catalogue.curriculum
    generated = generated_paths(catalogue)
    ids: dict[str, Module] = {}
    for module in catalogue.modules:
        for page in module.files.values():
            problems.extend(page.problems)
        _check_module(catalogue, module, cur, generated, problems)
        first = ids.setdefault(module.id, module)
        if first is not module:
            where = _anchor(module)
            problems.error(where[0], 1, "duplicate-id",
                           f"module id '{module.id}' is already used by {first.rel}: ids must be unique across levels")
    return sorted(set(problems))


def generated_paths(catalogue: Catalogue) -> set[str]:
    """Site paths (relative to docs/) of the pages the build generates: catalogues, student pages."""
    paths: set[str] = set()
    levels = catalogue.curriculum.levels if catalogue.curriculum else {}
    for level in levels:
        paths.add(f"lessons/{level}/index.md")
    for module in catalogue.modules:
        paths.add(f"lessons/{module.level}/{module.id}/quiz.md")
    return paths


def _anchor(module: Module) -> tuple[str, int]:
    page = module.files.get(DEFAULT_LANGUAGE) or next(iter(module.files.values()), None)
    return (page.rel, 1) if page else (module.rel, 1)


def _check_module(catalogue: Catalogue, module: Module, cur: Curriculum | None, generated: set[str],
                  problems: ProblemList) -> None:
    anchor, _ = _anchor(module)
    if not RE_MODULE_ID.match(module.id):
        problems.error(anchor, 1, "module-id",
                       f"module folder '{module.id}' is not a valid id: use lowercase letters, digits and hyphens "
                       "(e.g. 'trusted-adults')")
    for lang in LANGUAGES:
        if lang not in module.files:
            problems.error(anchor if module.files else module.rel, 1, "missing-language",
                           f"the {_lang_name(lang)} file index.{lang}.md is missing: every module needs both languages")
    for path in module.extra_markdown:
        problems.warning(catalogue.rel(path), 1, "stray-markdown",
                         f"'{path.name}' is not a language file of the module (expected index.<lang>.md with lang "
                         f"one of {', '.join(LANGUAGES)}): it is not published")
    for page in module.files.values():
        if page.meta is None and not any(p.code.startswith(("front-matter", "file-")) for p in page.problems):
            problems.error(page.rel, 1, "front-matter-missing", "no front matter: the file must start with '---' and the curriculum tags")
            continue
        if page.meta is None:
            continue
        _check_fields(page, module, cur, problems)
        if cur is not None:
            _check_words(page, module, cur, problems)
        _check_links(catalogue, page, module, generated, problems)
        _check_quiz(page, module, cur, problems)
    _check_parity(module, problems)


def _check_fields(page: LessonFile, module: Module, cur: Curriculum | None, problems: ProblemList) -> None:
    meta = page.meta
    assert meta is not None
    rel = page.rel
    if not isinstance(meta.value, dict):
        problems.error(rel, meta.line, "front-matter-type", "front matter must be 'field: value' lines")
        return
    data = meta.value
    for key in data:
        if key not in FIELDS:
            guess = difflib.get_close_matches(str(key), FIELDS, n=1)
            hint = f" (did you mean '{guess[0]}'?)" if guess else f" (allowed: {', '.join(FIELDS)})"
            problems.error(rel, meta.line_of(key), "unknown-field", f"unknown field '{key}'{hint}")
    for key in FIELDS:
        if key not in data:
            problems.error(rel, 1, "missing-field", f"missing field '{key}'")

    def check(key: str, ok: Callable[[Any], bool], message: str) -> bool:
        if key not in data:
            return False
        if not ok(data[key]):
            problems.error(rel, meta.line_of(key), "field-type", f"'{key}' {message}")
            return False
        return True

    check("title", _is_text, "must be text")
    if check("description", _is_text, "must be text") and len(data["description"].strip()) > DESCRIPTION_MAX:
        problems.error(rel, meta.line_of("description"), "description-length",
                       f"'description' has {len(data['description'].strip())} characters; at most {DESCRIPTION_MAX}")
    level_ok = check("level", _is_text, "must be a level key such as 'primary'")
    grades_ok = check("grades", lambda v: isinstance(v, list) and v and all(_is_int(g) for g in v),
                      "must be a non-empty list of grade numbers, e.g. [1, 2, 3]")
    if check("duration", _is_int, "must be a whole number of minutes"):
        low, high = DURATION_RANGE
        if not low <= data["duration"] <= high:
            problems.error(rel, meta.line_of("duration"), "duration-range",
                           f"'duration' is {data['duration']} minutes; it must be {low} to {high}")
    subjects_ok = check("subjects", lambda v: isinstance(v, list) and v and all(_is_text(s) for s in v),
                        "must be a non-empty list of subject keys")
    topics_ok = check("topics", lambda v: isinstance(v, list) and v and all(_is_text(s) for s in v),
                      "must be a non-empty list of topic keys")
    if check("objectives", lambda v: isinstance(v, list) and all(_is_text(s) for s in v), "must be a list of sentences"):
        low, high = OBJECTIVES_RANGE
        if not low <= len(data["objectives"]) <= high:
            problems.error(rel, meta.line_of("objectives"), "objectives-count",
                           f"{len(data['objectives'])} objectives; a module has {low} to {high}")
    if check("sources", lambda v: isinstance(v, list) and v, "must be a list of at least one source (title and url)"):
        for index, source in enumerate(data["sources"]):
            line = meta.line_of("sources", index)
            if not isinstance(source, dict) or not _is_text(source.get("title")) or not _is_text(source.get("url")):
                problems.error(rel, line, "source-type", "each source needs a 'title' and a 'url'")
                continue
            extra = set(source) - {"title", "url"}
            if extra:
                problems.error(rel, line, "source-type", f"unknown source field '{sorted(map(str, extra))[0]}' (a source has title and url)")
            if not str(source["url"]).startswith(("https://", "http://")):
                problems.error(rel, meta.line_of("sources", index, "url"), "source-url", f"source url '{source['url']}' is not a web address: write it in full, starting with https://")
    if grades_ok and len(set(data["grades"])) != len(data["grades"]):
        problems.error(rel, meta.line_of("grades"), "grades-repeat", "'grades' lists a grade twice")
    if cur is None:
        return
    level = cur.levels.get(data.get("level")) if level_ok else None
    if level_ok and level is None:
        problems.error(rel, meta.line_of("level"), "unknown-level",
                       f"unknown level '{data['level']}' (known: {', '.join(cur.levels)})")
    if level_ok and data["level"] != module.level:
        problems.error(rel, meta.line_of("level"), "level-folder",
                       f"level '{data['level']}' does not match the folder '{module.level}'")
    if level is not None and grades_ok:
        for index, grade in enumerate(data["grades"]):
            if grade not in level.grades:
                problems.error(rel, meta.line_of("grades", index), "grade-level",
                               f"grade {grade} is not in {level.key} (grades {', '.join(map(str, level.grades))})")
    if subjects_ok:
        for index, key in enumerate(data["subjects"]):
            subject = cur.subjects.get(key)
            line = meta.line_of("subjects", index)
            if subject is None:
                problems.error(rel, line, "unknown-subject", f"unknown subject '{key}'{_suggest(key, cur.subjects)}")
            elif level is not None and level.key not in subject.levels:
                problems.error(rel, line, "subject-level",
                               f"subject '{key}' is not taught at {level.key} (only at {', '.join(subject.levels)})")
        if len(set(data["subjects"])) != len(data["subjects"]):
            problems.error(rel, meta.line_of("subjects"), "subjects-repeat", "'subjects' lists a subject twice")
    if topics_ok:
        for index, key in enumerate(data["topics"]):
            if key not in cur.topics:
                problems.error(rel, meta.line_of("topics", index), "unknown-topic", f"unknown topic '{key}'{_suggest(key, cur.topics)}")
        if len(set(data["topics"])) != len(data["topics"]):
            problems.error(rel, meta.line_of("topics"), "topics-repeat", "'topics' lists a topic twice")


def _suggest(key: str, known: dict) -> str:
    guess = difflib.get_close_matches(str(key), list(known), n=1)
    return f" (did you mean '{guess[0]}'?)" if guess else " (see curriculum.yml)"


def _check_words(page: LessonFile, module: Module, cur: Curriculum, problems: ProblemList) -> None:
    lines = list(enumerate(page.text.split("\n"), start=1))
    level = cur.levels.get(module.level)
    if level is not None:
        for line, phrase, found in find_words(lines, level.avoid):
            problems.error(page.rel, line, "avoid-word",
                           f"'{found}' is on the {level.key} avoid list: choose words that fit the age (facts §7)")
    for line, phrase, found in find_words(lines, cur.never):
        problems.error(page.rel, line, "never-word", f"'{found}' must never appear in a lesson (curriculum.yml 'never' list)")


def _check_links(catalogue: Catalogue, page: LessonFile, module: Module, generated: set[str],
                 problems: ProblemList) -> None:
    virtual_dir = f"lessons/{module.level}/{module.id}"
    docs_dir = catalogue.root / "docs"
    for line, target, loads in iter_targets(page.body):
        reason = check_target(target, loads, virtual_dir, docs_dir, catalogue.lessons_dir, generated)
        if reason:
            problems.error(page.rel, line, "link", reason)


def _check_quiz(page: LessonFile, module: Module, cur: Curriculum | None, problems: ProblemList) -> None:
    level = cur.levels.get(module.level) if cur else None
    count = len(page.questions)
    if level is not None and count < level.min_questions:
        line = page.questions[-1].line if page.questions else 1
        problems.error(page.rel, line, "min-questions",
                       f"{count} quiz question{'s' if count != 1 else ''}; {level.key} modules need at least {level.min_questions}")
    if page.questions:
        last = page.questions[-1]
        if HELP_NUMBER not in last.explanation:
            problems.warning(page.rel, last.line, "quiz-ends-with-help",
                             f"the last question's explanation should point to a trusted adult and {HELP_NUMBER}")
    if not any(b.name == "student" for b in page.blocks):
        problems.warning(page.rel, 1, "no-student-block",
                         "no '/// student' block: the pupils' page of this module will show only the quiz")


def _check_parity(module: Module, problems: ProblemList) -> None:
    base = module.files.get(DEFAULT_LANGUAGE)
    if base is None or base.meta is None or not isinstance(base.meta.value, dict):
        return
    for lang, page in module.files.items():
        if lang == DEFAULT_LANGUAGE or page.meta is None or not isinstance(page.meta.value, dict):
            continue
        mine, theirs = page.fields, base.fields
        for key in SHARED_FIELDS:
            if key in mine and key in theirs and _normal(mine[key]) != _normal(theirs[key]):
                problems.error(page.rel, page.line_of(key), "translation-mismatch",
                               f"'{key}' is {_SHORT.repr(mine[key])} here but {_SHORT.repr(theirs[key])} in {base.rel}: "
                               "both languages must agree")
        a, b = mine.get("objectives"), theirs.get("objectives")
        if isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
            problems.error(page.rel, page.line_of("objectives"), "translation-mismatch",
                           f"{len(a)} objectives here but {len(b)} in {base.rel}: both languages must agree")
        if len(page.questions) != len(base.questions):
            line = page.questions[-1].line if page.questions else 1
            problems.error(page.rel, line, "translation-quiz",
                           f"{len(page.questions)} quiz questions here but {len(base.questions)} in {base.rel}")
            continue
        for number, (q, qb) in enumerate(zip(page.questions, base.questions), start=1):
            if len(q.options) != len(qb.options):
                problems.error(page.rel, q.line, "translation-quiz",
                               f"question {number} has {len(q.options)} options here but {len(qb.options)} in {base.rel} (line {qb.line})")
            elif q.correct_positions != qb.correct_positions:
                here = ", ".join(str(i + 1) for i in q.correct_positions) or "none"
                there = ", ".join(str(i + 1) for i in qb.correct_positions) or "none"
                problems.error(page.rel, q.line, "translation-quiz",
                               f"question {number}: correct option(s) {here} here but {there} in {base.rel} (line {qb.line})")
            elif q.type != qb.type:
                problems.error(page.rel, q.line, "translation-quiz",
                               f"question {number} is '{q.type}' here but '{qb.type}' in {base.rel} (line {qb.line})")


def _normal(value: Any) -> Any:
    if isinstance(value, list):
        try:
            return sorted(value)
        except TypeError:
            return value
    return value
