"""The rules of the lesson format (docs/reference.en.md#front-matter, #quiz, #page-safety), applied to a loaded catalogue.

:func:`validate` returns every problem, sorted; it never raises on bad content. The checker prints
these problems and the build plugin refuses the errors, so both always agree.
"""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Callable
from typing import Any

from .catalogue import Catalogue
from .curriculum import Curriculum, Level
from .family import check_family
from .lessonplan import DURATION_RANGE, check_lesson_plan
from .links import check_target, iter_targets
from .messages import Message, Param, counted, language_name, msg
from .module import RE_MODULE_ID, LessonFile, Module
from .problems import Problem, ProblemList
from .quiz import Question
from .registry import Registry, module_dir
from .safety import check_front_matter_text
from .scaffold import check_scaffold
from .settings import Settings
from .words import find_words

FIELDS = ("title", "description", "level", "grades", "duration", "subjects", "topics", "objectives", "sources")
#: Fields a module may leave out: ``form``, the experiential activity's form in the timetable.
OPTIONAL_FIELDS = ("form",)
DESCRIPTION_MAX = 300
OBJECTIVES_RANGE = (2, 6)
#: Fields both language files must agree on (objectives: only their number).
SHARED_FIELDS = ("level", "grades", "duration", "subjects", "topics", "form")
#: repr() for values in messages, bounded (YAML aliases can nest a list of millions of items in a few lines).
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring, _SHORT.maxother = 2, 12, 12, 80, 80


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def validate(
    catalogue: Catalogue, help_number: str | None = None, *, settings: Settings | None = None
) -> list[Problem]:
    """Every problem of the catalogue: loading problems, then the rules for every module, in the project
    laid out as ``settings`` says (the defaults without)."""
    settings = settings or Settings()
    problems = ProblemList(catalogue.problems)
    generated = generated_paths(catalogue)
    ids: dict[str, Module] = {}
    for module in catalogue.modules:
        _validate_one(catalogue, module, generated, problems, help_number, settings, ids)
    return sorted(set(problems))


def validate_module(
    catalogue: Catalogue, module: Module, help_number: str | None = None, *, settings: Settings | None = None
) -> list[Problem]:
    """The problems of one ``module`` of the catalogue, by the same rules and with the same messages as
    :func:`validate` (its files, its fields against the curriculum, its links, its quiz, its id against
    the other modules'): what a preview shows after a save, without checking every other module."""
    settings = settings or Settings()
    problems = ProblemList()
    ids = {m.id: m for m in catalogue.modules if m.folder != module.folder}
    _validate_one(catalogue, module, generated_paths(catalogue), problems, help_number, settings, ids)
    return sorted(set(problems))


def _validate_one(
    catalogue: Catalogue,
    module: Module,
    generated: set[str],
    problems: ProblemList,
    help_number: str | None,
    settings: Settings,
    ids: dict[str, Module],
) -> None:
    for page in module.files.values():
        problems.extend(page.problems)
    _check_module(catalogue, module, catalogue.curriculum, generated, problems, help_number, settings.docs_dir)
    first = ids.setdefault(module.id, module)
    if first is not module:
        where = _anchor(module, catalogue.default_language)
        problems.error(where[0], 1, "duplicate-id", msg("duplicate-id", id=module.id, other=first.rel))


def generated_paths(catalogue: Catalogue) -> set[str]:
    """Site paths (relative to docs/) of the pages the build adds, from the one page registry."""
    return Registry.build(catalogue, catalogue.languages).site_paths()


def _anchor(module: Module, default_language: str) -> tuple[str, int]:
    page = module.files.get(default_language) or next(iter(module.files.values()), None)
    return (page.rel, 1) if page else (module.rel, 1)


def _check_module(
    catalogue: Catalogue,
    module: Module,
    cur: Curriculum | None,
    generated: set[str],
    problems: ProblemList,
    help_number: str | None,
    docs_dir: str,
) -> None:
    anchor, _ = _anchor(module, catalogue.default_language)
    if not RE_MODULE_ID.match(module.id):
        problems.error(anchor, 1, "module-id", msg("module-id", id=module.id))
    for lang in catalogue.languages:
        if lang not in module.files:
            problems.error(
                anchor if module.files else module.rel,
                1,
                "missing-language",
                msg("missing-language.module", language=language_name(lang), lang=lang),
            )
    for path in module.extra_markdown:
        problems.warning(
            catalogue.rel(path),
            1,
            "stray-markdown",
            msg("stray-markdown", name=path.name, langs=", ".join(catalogue.languages)),
        )
    for page in module.files.values():
        if page.meta is None and not any(p.code.startswith(("front-matter", "file-")) for p in page.problems):
            problems.error(page.rel, 1, "front-matter-missing", msg("front-matter-missing"))
            continue
        if page.meta is None:
            continue
        _check_fields(page, module, cur, problems)
        check_front_matter_text(page, problems)
        check_scaffold(page, problems)
        if cur is not None:
            _check_words(page, module, cur, problems)
        _check_links(catalogue, page, module, generated, problems, docs_dir)
        if not page.past_bounds:
            _check_quiz(page, module, cur, problems, help_number)
    if any(page.past_bounds for page in module.files.values()):
        return  # a body that was not read (model.bounds): comparing it would only repeat that error
    _check_parity(module, problems, catalogue.default_language)
    check_family(module, problems, catalogue.default_language)
    level = cur.levels.get(module.level) if cur is not None else None
    check_lesson_plan(module, level, problems, catalogue.default_language)


def _check_fields(page: LessonFile, module: Module, cur: Curriculum | None, problems: ProblemList) -> None:
    """The front matter: known fields only, each present and of its type, then against the curriculum."""
    meta = page.meta
    assert meta is not None
    if not isinstance(meta.value, dict):
        problems.error(page.rel, meta.line, "front-matter-type", msg("front-matter-type"))
        return
    _check_field_names(page, meta.value, problems)
    typed = _check_field_types(page, meta.value, problems)
    if cur is not None:
        _check_against_curriculum(page, module, cur, typed, problems)


def _check_field_names(page: LessonFile, data: dict, problems: ProblemList) -> None:
    """No unknown field (a typo is an error, with a guess), no missing one."""
    known = FIELDS + OPTIONAL_FIELDS
    for key in data:
        if key not in known:
            guess = difflib.get_close_matches(str(key), known, n=1)
            hint = (
                msg("hint.did-you-mean", guess=guess[0])
                if guess
                else msg("hint.allowed-fields", allowed=", ".join(known))
            )
            problems.error(page.rel, page.line_of(key), "unknown-field", msg("unknown-field", field=key, hint=hint))
    for key in FIELDS:
        if key not in data:
            problems.error(page.rel, 1, "missing-field", msg("missing-field", field=key))


def _is_list_of(value: Any, item: Callable[[Any], bool], allow_empty: bool = False) -> bool:
    return isinstance(value, list) and (allow_empty or bool(value)) and all(item(v) for v in value)


#: field -> (is the value of the right type?, the wording of the message when not).
FIELD_TYPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "title": (_is_text, "text"),
    "description": (_is_text, "text"),
    "level": (_is_text, "level"),
    "grades": (lambda v: _is_list_of(v, _is_int), "grades"),
    "duration": (_is_int, "duration"),
    "subjects": (lambda v: _is_list_of(v, _is_text), "subjects"),
    "topics": (lambda v: _is_list_of(v, _is_text), "topics"),
    "objectives": (lambda v: _is_list_of(v, _is_text, allow_empty=True), "objectives"),
    "sources": (lambda v: isinstance(v, list) and bool(v), "sources"),
    "form": (_is_text, "form"),
}


def _check_field_types(page: LessonFile, data: dict, problems: ProblemList) -> set[str]:
    """Each present field of its type, and the rules of one field alone; returns the fields that are."""
    rel = page.rel
    typed = set()
    for key, (ok, kind) in FIELD_TYPES.items():
        if key not in data:
            continue
        if ok(data[key]):
            typed.add(key)
        else:
            problems.error(rel, page.line_of(key), "field-type", msg(f"field-type.{kind}", field=key))
    if "description" in typed and len(data["description"].strip()) > DESCRIPTION_MAX:
        problems.error(
            rel,
            page.line_of("description"),
            "description-length",
            msg("description-length", count=len(data["description"].strip()), max=DESCRIPTION_MAX),
        )
    if "duration" in typed and not DURATION_RANGE[0] <= data["duration"] <= DURATION_RANGE[1]:
        problems.error(
            rel,
            page.line_of("duration"),
            "duration-range",
            msg("duration-range", minutes=data["duration"], low=DURATION_RANGE[0], high=DURATION_RANGE[1]),
        )
    if "objectives" in typed and not OBJECTIVES_RANGE[0] <= len(data["objectives"]) <= OBJECTIVES_RANGE[1]:
        problems.error(
            rel,
            page.line_of("objectives"),
            "objectives-count",
            msg("objectives-count", count=len(data["objectives"]), low=OBJECTIVES_RANGE[0], high=OBJECTIVES_RANGE[1]),
        )
    if "sources" in typed:
        _check_sources(page, data["sources"], problems)
    if "grades" in typed and len(set(data["grades"])) != len(data["grades"]):
        problems.error(rel, page.line_of("grades"), "grades-repeat", msg("grades-repeat"))
    return typed


def _check_sources(page: LessonFile, sources: list, problems: ProblemList) -> None:
    """Each source a ``title`` and an ``http(s)://`` ``url``, nothing else."""
    for index, source in enumerate(sources):
        line = page.line_of("sources", index)
        if not isinstance(source, dict) or not _is_text(source.get("title")) or not _is_text(source.get("url")):
            problems.error(page.rel, line, "source-type", msg("source-type.fields"))
            continue
        extra = set(source) - {"title", "url"}
        if extra:
            problems.error(page.rel, line, "source-type", msg("source-type.unknown", field=sorted(map(str, extra))[0]))
        if not str(source["url"]).startswith(("https://", "http://")):
            problems.error(
                page.rel, page.line_of("sources", index, "url"), "source-url", msg("source-url", url=source["url"])
            )


def _check_against_curriculum(
    page: LessonFile, module: Module, cur: Curriculum, typed: set[str], problems: ProblemList
) -> None:
    """Level, grades, subjects and topics are those of curriculum.yml, and fit together."""
    data = page.fields

    def error(line: int, code: str, **params: object) -> None:
        problems.error(page.rel, line, code, msg(code, **params))

    level = cur.levels.get(data["level"]) if "level" in typed else None
    if "level" in typed and level is None:
        error(page.line_of("level"), "unknown-level", level=data["level"], known=", ".join(cur.levels))
    if "level" in typed and data["level"] != module.level:
        error(page.line_of("level"), "level-folder", level=data["level"], folder=module.level)
    if level is not None and "grades" in typed:
        for index, grade in enumerate(data["grades"]):
            if grade not in level.grades:
                error(
                    page.line_of("grades", index),
                    "grade-level",
                    grade=grade,
                    level=level.key,
                    grades=", ".join(map(str, level.grades)),
                )
    if "subjects" in typed:
        _check_subjects(page, cur, level, data["grades"] if "grades" in typed else None, problems)
        if len(set(data["subjects"])) != len(data["subjects"]):
            error(page.line_of("subjects"), "subjects-repeat")
    if "form" in typed:
        _check_form(page, cur, data["subjects"] if "subjects" in typed else None, problems)
    if level is not None and "duration" in typed:
        _check_periods(page, level, data["duration"], problems)
    if "topics" in typed:
        for index, key in enumerate(data["topics"]):
            if key not in cur.topics:
                error(page.line_of("topics", index), "unknown-topic", topic=key, hint=_suggest(key, cur.topics))
        if len(set(data["topics"])) != len(data["topics"]):
            error(page.line_of("topics"), "topics-repeat")


def _check_subjects(
    page: LessonFile, cur: Curriculum, level: Level | None, grades: list[int] | None, problems: ProblemList
) -> None:
    """Each subject is one of curriculum.yml, taught at the module's level and in at least one of its
    grades; and every grade of the module has at least one of its subjects (a slot in the timetable)."""
    keys = page.fields["subjects"]
    inside = [g for g in grades or [] if level is not None and g in level.grades]
    before = len(problems)
    for index, key in enumerate(keys):
        line = page.line_of("subjects", index)
        subject = cur.subjects.get(key)
        if subject is None:
            problems.error(
                page.rel, line, "unknown-subject", msg("unknown-subject", subject=key, hint=_suggest(key, cur.subjects))
            )
        elif level is not None and level.key not in subject.levels:
            problems.error(
                page.rel,
                line,
                "subject-level",
                msg("subject-level", subject=key, level=level.key, levels=", ".join(subject.levels)),
            )
        elif inside and not any(g in subject.grades for g in inside):
            problems.error(
                page.rel,
                line,
                "subject-grades",
                msg(
                    "subject-grades",
                    subject=key,
                    taught=_grade_list(subject.grades),
                    grades=_grade_list(inside),
                    hint=_suggest_subject(key, cur, inside),
                ),
            )
    if len(problems) != before or len(inside) != len(grades or []):
        return  # the grades or subjects are wrong already: one message each is enough
    for index, grade in enumerate(grades or []):
        if not any(grade in cur.subjects[key].grades for key in keys):
            taught = cur.subjects_in([grade])
            hint = msg("hint.subjects-of-grade", subjects=", ".join(taught)) if taught else ""
            problems.error(
                page.rel,
                page.line_of("grades", index),
                "grade-subjects",
                msg("grade-subjects", grade=grade, subjects=", ".join(keys), hint=hint),
            )


def _grade_list(grades: list[int] | tuple[int, ...]) -> str:
    return ", ".join(str(g) for g in sorted(grades))


def _suggest_subject(key: str, cur: Curriculum, grades: list[int]) -> Message:
    """A subject taught in every one of ``grades`` whose key looks like ``key``, or the list of them."""
    taught = cur.subjects_in(grades)
    guess = difflib.get_close_matches(str(key), taught, n=1)
    if guess:
        return msg("hint.did-you-mean", guess=guess[0])
    return msg("hint.subjects-of-grades", grades=_grade_list(grades), subjects=", ".join(taught))


def _check_form(page: LessonFile, cur: Curriculum, subjects: list[str] | None, problems: ProblemList) -> None:
    """``form`` is a form of one of the module's subjects (of the experiential activity)."""
    key = page.fields["form"]
    line = page.line_of("form")
    form = cur.forms.get(key)
    if form is None:
        guess = difflib.get_close_matches(str(key), list(cur.forms), n=1)
        hint = (
            msg("hint.did-you-mean", guess=guess[0])
            if guess
            else msg("hint.allowed-fields", allowed=", ".join(cur.forms) or "–")
        )
        problems.error(page.rel, line, "unknown-form", msg("unknown-form", form=key, hint=hint))
    elif subjects is not None and form.subject not in subjects:
        problems.error(page.rel, line, "form-subject", msg("form-subject", form=key, subject=form.subject))


def _check_periods(page: LessonFile, level: Level, minutes: int, problems: ProblemList) -> None:
    """A warning when ``duration`` is not a whole number of the level's periods (35 or 45 minutes)."""
    period = level.period
    if not period or minutes % period == 0 or not DURATION_RANGE[0] <= minutes <= DURATION_RANGE[1]:
        return
    lower, upper = minutes // period * period, (minutes // period + 1) * period
    fits = [m for m in (lower, upper) if DURATION_RANGE[0] <= m <= DURATION_RANGE[1]]
    if not fits:
        return
    level_name = level.key
    if len(fits) == 2:
        message = msg(
            "duration-periods.two", minutes=minutes, level=level_name, period=period, first=fits[0], second=fits[1]
        )
    else:
        message = msg("duration-periods.one", minutes=minutes, level=level_name, period=period, first=fits[0])
    problems.warning(page.rel, page.line_of("duration"), "duration-periods", message)


def _suggest(key: str, known: dict) -> Message:
    guess = difflib.get_close_matches(str(key), list(known), n=1)
    return msg("hint.did-you-mean", guess=guess[0]) if guess else msg("hint.see-curriculum")


def _check_words(page: LessonFile, module: Module, cur: Curriculum, problems: ProblemList) -> None:
    lines = list(enumerate(page.text.split("\n"), start=1))
    level = cur.levels.get(module.level)
    if level is not None:
        for line, _, found in find_words(lines, level.avoid):
            problems.error(page.rel, line, "avoid-word", msg("avoid-word", found=found, level=level.key))
    for line, _, found in find_words(lines, cur.never):
        problems.error(page.rel, line, "never-word", msg("never-word.lesson", found=found))


def _check_links(
    catalogue: Catalogue, page: LessonFile, module: Module, generated: set[str], problems: ProblemList, docs_dir: str
) -> None:
    """Links resolve in the site's tree, from the module's folder there, as MkDocs resolves them."""
    for line, target in iter_targets(page.body):
        reason = check_target(
            target,
            module_dir(module),
            catalogue.root / docs_dir,
            catalogue.lessons_dir,
            generated,
            catalogue.languages,
        )
        if reason:
            problems.error(page.rel, line, "link", reason)


def _check_quiz(
    page: LessonFile, module: Module, cur: Curriculum | None, problems: ProblemList, help_number: str | None
) -> None:
    level = cur.levels.get(module.level) if cur else None
    count = len(page.questions)
    if level is not None and count < level.min_questions:
        line = page.questions[-1].line if page.questions else 1
        problems.error(
            page.rel,
            line,
            "min-questions",
            msg("min-questions", questions=counted("quiz-question", count), level=level.key, min=level.min_questions),
        )
    if page.questions:
        last = page.questions[-1]
        # The site's main hotline (the first of helplines.yml); without a readable file that is an error already.
        if help_number and help_number not in last.explanation:
            problems.warning(page.rel, last.line, "quiz-ends-with-help", msg("quiz-ends-with-help", number=help_number))
    if not any(b.name == "student" for b in page.blocks):
        problems.warning(page.rel, 1, "no-student-block", msg("no-student-block"))


def _check_parity(module: Module, problems: ProblemList, default_language: str) -> None:
    base = module.files.get(default_language)
    if base is None or base.meta is None or not isinstance(base.meta.value, dict):
        return
    for lang, page in module.files.items():
        if lang == default_language or page.meta is None or not isinstance(page.meta.value, dict):
            continue
        mine, theirs = page.fields, base.fields
        for key in OPTIONAL_FIELDS:
            if key in mine and key not in theirs:
                message = msg(
                    "translation-mismatch.absent-there", field=key, here=_SHORT.repr(mine[key]), base=base.rel
                )
            elif key in theirs and key not in mine:
                message = msg(
                    "translation-mismatch.absent-here", field=key, there=_SHORT.repr(theirs[key]), base=base.rel
                )
            else:
                continue
            problems.error(page.rel, page.line_of(key) if key in mine else 1, "translation-mismatch", message)
        for key in SHARED_FIELDS:
            if key in mine and key in theirs and _normal(mine[key]) != _normal(theirs[key]):
                problems.error(
                    page.rel,
                    page.line_of(key),
                    "translation-mismatch",
                    msg(
                        "translation-mismatch.field",
                        field=key,
                        here=_SHORT.repr(mine[key]),
                        there=_SHORT.repr(theirs[key]),
                        base=base.rel,
                    ),
                )
        a, b = mine.get("objectives"), theirs.get("objectives")
        if isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
            problems.error(
                page.rel,
                page.line_of("objectives"),
                "translation-mismatch",
                msg("translation-mismatch.objectives", here=len(a), there=len(b), base=base.rel),
            )
        if len(page.questions) != len(base.questions):
            line = page.questions[-1].line if page.questions else 1
            problems.error(
                page.rel,
                line,
                "translation-quiz",
                msg("translation-quiz.count", here=len(page.questions), there=len(base.questions), base=base.rel),
            )
            continue
        for number, (q, qb) in enumerate(zip(page.questions, base.questions, strict=True), start=1):
            mismatch = _quiz_mismatch(q, qb)
            if mismatch is not None:
                kind, here, there = mismatch
                problems.error(
                    page.rel,
                    q.line,
                    "translation-quiz",
                    msg(
                        f"translation-quiz.{kind}",
                        number=number,
                        here=here,
                        there=there,
                        base=base.rel,
                        base_line=qb.line,
                    ),
                )


def _quiz_mismatch(q: Question, qb: Question) -> tuple[str, Param, Param] | None:
    """How a translated question differs from the default language's: ``(what, here, there)``, or None."""
    if len(q.options) != len(qb.options):
        return "options", len(q.options), len(qb.options)
    if q.correct_positions != qb.correct_positions:
        return "correct", _positions(q.correct_positions), _positions(qb.correct_positions)
    if q.type != qb.type:
        return "type", q.type, qb.type
    return None


def _positions(positions: tuple[int, ...]) -> str | Message:
    """Option numbers from 1 (``1, 3``), or "none" in the message's language."""
    return ", ".join(str(i + 1) for i in positions) or msg("word.none")


def _normal(value: Any) -> Any:
    if isinstance(value, list):
        try:
            return sorted(value)
        except TypeError:
            return value
    return value
