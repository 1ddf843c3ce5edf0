"""The curriculum taxonomy (``lessons/curriculum.yml``): levels, grades, ages, subjects, topics, words.

A level may give the length of its class period (``period``, in minutes). A subject gives the grades it is
taught in (``grades``; ``levels`` is the older shorthand for every grade of those levels), may have another
name at some levels (``level_names``: the 2018 programme calls the experiential activity "Hoạt động trải
nghiệm" at primary and "Hoạt động trải nghiệm, hướng nghiệp" at lower and upper secondary), and may list
the forms a module of it takes in the timetable (``forms``: flag-salute assembly, themed activity, class
meeting, club), which a module names in its optional ``form`` field.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .langmap import check_language_keys
from .messages import Message, Param, msg
from .problems import ProblemList
from .yamlsrc import Located, read_data_file

TOP_LEVEL_KEYS = ("levels", "ages", "subjects", "topics", "never")
LEVEL_KEYS = {"name", "description", "grades", "min_questions", "avoid", "lesson_plan", "period"}
SUBJECT_KEYS = ("name", "grades", "levels", "level_names", "forms")
#: The lesson-plan frames a level may follow (``lesson_plan``): primary (Official Letter 2345, one list of
#: objectives) or secondary (Official Letter 5512, objectives labelled knowledge, competence, qualities).
LESSON_PLANS = ("primary", "secondary")
#: The minutes a level's ``period`` may be (a class period in Viet Nam is 35 or 45 minutes).
PERIOD_RANGE = (10, 90)


@dataclass(frozen=True)
class Level:
    key: str
    name: dict[str, str]
    description: dict[str, str]
    grades: tuple[int, ...]
    min_questions: int
    avoid: tuple[str, ...]
    #: The lesson-plan frame of the level's modules (one of :data:`LESSON_PLANS`).
    lesson_plan: str = LESSON_PLANS[0]
    #: Minutes of one class period ("tiết") at this level; None when curriculum.yml does not say.
    period: int | None = None

    @property
    def labelled_objectives(self) -> bool:
        """Whether the level's objectives are labelled knowledge, competence and qualities."""
        return self.lesson_plan == "secondary"

    def periods(self, minutes: int) -> int | None:
        """How many whole periods ``minutes`` is, or None (no period given, or not a whole number)."""
        if not self.period or minutes <= 0 or minutes % self.period:
            return None
        return minutes // self.period


@dataclass(frozen=True)
class Form:
    """A form the experiential activity takes in the timetable (a subject's ``forms``)."""

    key: str
    name: dict[str, str]
    subject: str


@dataclass(frozen=True)
class Subject:
    key: str
    name: dict[str, str]
    #: The levels the subject is taught at (derived from ``grades`` when curriculum.yml gives grades).
    levels: tuple[str, ...]
    #: The grades the subject is taught in.
    grades: tuple[int, ...] = ()
    #: The subject's name at a level where it has another one: level key -> language -> name.
    level_names: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The forms a module of this subject may take (``form`` in the front matter), by key.
    forms: dict[str, Form] = field(default_factory=dict)

    def name_at(self, level: str | None, lang: str) -> str:
        """The subject's name in ``lang`` at ``level`` (its own name there if it has one)."""
        names = self.level_names.get(level or "") or self.name
        return names.get(lang) or self.name.get(lang) or self.key

    def names_at(self, level: str) -> dict[str, str]:
        """The subject's name at ``level`` in every language."""
        return {**self.name, **self.level_names.get(level, {})}


@dataclass(frozen=True)
class Topic:
    key: str
    name: dict[str, str]


@dataclass
class Curriculum:
    """The parsed taxonomy. Only built when ``curriculum.yml`` has no error."""

    levels: dict[str, Level] = field(default_factory=dict)
    ages: dict[int, tuple[int, int]] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    never: tuple[str, ...] = ()

    @property
    def forms(self) -> dict[str, Form]:
        """Every form of every subject, by key (a form key belongs to one subject)."""
        return {key: form for subject in self.subjects.values() for key, form in subject.forms.items()}

    def subjects_in(self, grades: list[int] | tuple[int, ...]) -> list[str]:
        """The keys of the subjects taught in every one of ``grades``, in curriculum order."""
        return [s.key for s in self.subjects.values() if all(g in s.grades for g in grades)]

    def subject_name(self, key: str, level: str | None, lang: str) -> str:
        """The name in ``lang`` of the subject ``key`` at ``level`` (the key itself for an unknown one)."""
        subject = self.subjects.get(key)
        return subject.name_at(level, lang) if subject else key

    def level_of_grade(self, grade: int) -> str | None:
        for level in self.levels.values():
            if grade in level.grades:
                return level.key
        return None

    def age_range(self, grades: list[int] | tuple[int, ...]) -> tuple[int, int] | None:
        """The typical age range of pupils in these grades, derived from ``ages``."""
        spans = [self.ages[g] for g in grades if g in self.ages]
        if not spans:
            return None
        return min(s[0] for s in spans), max(s[1] for s in spans)


def _is_str(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Reader:
    """Reads one curriculum.yml, collecting problems instead of raising."""

    def __init__(self, rel: str, doc: Located, problems: ProblemList, languages: tuple[str, ...]) -> None:
        self.languages = languages
        self.rel = rel
        self.doc = doc
        self.problems = problems
        #: A level's grades are unusable: a subject's grades are not checked against them (one message).
        self.grades_broken = False

    def error(self, line: int, code: str, message: Message) -> None:
        self.problems.error(self.rel, line, code, message)

    def names(self, where: Located, path: tuple[Any, ...], what: Message) -> dict[str, str]:
        value = where.value
        line = where.line_of(*path)
        if not isinstance(value, dict):
            self.error(
                line, "curriculum-name", msg("curriculum-name.languages", what=what, langs=", ".join(self.languages))
            )
            return {}
        for lang in self.languages:
            if not _is_str(value.get(lang)):
                self.error(line, "curriculum-name", msg("curriculum-name.language", what=what, lang=lang))
        check_language_keys(where, self.languages, self.rel, self.problems, msg("what.field", what=what, key="name"))
        return {k: v for k, v in value.items() if isinstance(k, str) and _is_str(v)}

    def read(self) -> Curriculum | None:
        doc = self.doc
        if not isinstance(doc.value, dict):
            self.error(
                doc.line, "curriculum-structure", msg("curriculum-structure.top", keys=", ".join(TOP_LEVEL_KEYS))
            )
            return None
        before = len(self.problems)
        for key in TOP_LEVEL_KEYS:
            if key not in doc.value:
                self.error(1, "curriculum-missing-key", msg("curriculum-missing-key", key=key))
        for key in doc.value:
            if key not in TOP_LEVEL_KEYS:
                self.error(doc.line_of(key), "curriculum-unknown-key", msg("curriculum-unknown-key.top", key=key))
        cur = Curriculum()
        self._levels(cur)
        self._ages(cur)
        self._subjects(cur)
        self._topics(cur)
        self._never(cur)
        return cur if len(self.problems) == before else None

    def _mapping(self, key: str) -> Located | None:
        node = self.doc.items.get(key)
        if node is None:
            return None
        if not isinstance(node.value, dict) or not node.value:
            self.error(self.doc.line_of(key), "curriculum-structure", msg("curriculum-structure.mapping", key=key))
            return None
        return node

    def _word_list(self, node: Located | None, line: int, what: Param) -> tuple[str, ...]:
        if node is None or node.value is None:
            return ()
        if not isinstance(node.value, list) or not all(_is_str(w) or _is_int(w) for w in node.value):
            self.error(line, "curriculum-words", msg("curriculum-words.list", what=what))
            return ()
        # A word with no letter or digit ("-", ".") would match every line of every module.
        if any(not any(ch.isalnum() for ch in str(w)) for w in node.value):
            self.error(line, "curriculum-words", msg("curriculum-words.alnum", what=what))
            return ()
        return tuple(str(w) for w in node.value)

    def _entries(self, section: str, kind: str) -> Iterator[tuple[Any, Located, int, Message]]:
        """``(key, node, line, what)`` of each entry of ``section`` that is a mapping; any other entry is
        reported (``curriculum-structure.<kind>``)."""
        mapping = self._mapping(section)
        if mapping is None:
            return
        for key, node, line in _items(mapping):
            what = msg(f"what.{kind}", key=key)
            if not isinstance(node.value, dict):
                self.error(line, "curriculum-structure", msg(f"curriculum-structure.{kind}", what=what))
                continue
            yield key, node, line, what

    def _levels(self, cur: Curriculum) -> None:
        for key, node, line, where in self._entries("levels", "level"):
            for unknown in set(node.value) - LEVEL_KEYS:
                self.error(
                    node.line_of(unknown),
                    "curriculum-unknown-key",
                    msg("curriculum-unknown-key.level", key=unknown, what=where),
                )
            name = self.names(node.items["name"], (), where) if "name" in node.items else {}
            if "name" not in node.value:
                self.error(line, "curriculum-name", msg("curriculum-name.none", what=where))
            description = node.value.get("description") or {}
            if not isinstance(description, dict):
                self.error(
                    node.line_of("description"),
                    "curriculum-structure",
                    msg("curriculum-structure.description", what=where),
                )
                description = {}
            elif "description" in node.items:
                check_language_keys(
                    node.items["description"],
                    self.languages,
                    self.rel,
                    self.problems,
                    msg("what.field", what=where, key="description"),
                )
            grades = node.value.get("grades")
            if not isinstance(grades, list) or not grades or not all(_is_int(g) for g in grades):
                self.error(
                    node.keys.get("grades", line), "curriculum-grades", msg("curriculum-grades.list", what=where)
                )
                self.grades_broken = True
                grades = []
            minq = node.value.get("min_questions")
            if not isinstance(minq, int) or isinstance(minq, bool) or minq < 0:
                self.error(
                    node.keys.get("min_questions", line),
                    "curriculum-min-questions",
                    msg("curriculum-min-questions", what=where),
                )
                minq = 0
            avoid = self._word_list(node.items.get("avoid"), node.line_of("avoid"), msg("what.avoid", level=where))
            plan = node.value.get("lesson_plan", LESSON_PLANS[0])
            if plan not in LESSON_PLANS:
                self.error(
                    node.line_of("lesson_plan"),
                    "curriculum-lesson-plan",
                    msg("curriculum-lesson-plan", what=where, plans=", ".join(LESSON_PLANS)),
                )
                plan = LESSON_PLANS[0]
            period = node.value.get("period")
            if period is not None and not (_is_int(period) and PERIOD_RANGE[0] <= period <= PERIOD_RANGE[1]):
                self.error(
                    node.line_of("period"),
                    "curriculum-period",
                    msg("curriculum-period", what=where, low=PERIOD_RANGE[0], high=PERIOD_RANGE[1]),
                )
                period = None
            cur.levels[str(key)] = Level(
                str(key), name, dict(description), tuple(grades), minq, avoid, str(plan), period
            )
        seen: dict[int, str] = {}
        for level in cur.levels.values():
            for grade in level.grades:
                if grade in seen:
                    self.error(
                        self.doc.line_of("levels", level.key, "grades"),
                        "curriculum-grades",
                        msg("curriculum-grades.twice", grade=grade, first=seen[grade], second=level.key),
                    )
                seen[grade] = level.key

    def _ages(self, cur: Curriculum) -> None:
        ages = self._mapping("ages")
        if ages is None:
            return
        for grade, node, line in _items(ages):
            span = node.value
            if not _is_int(grade):
                self.error(line, "curriculum-ages", msg("curriculum-ages.not-grade", grade=grade))
                continue
            if not (isinstance(span, list) and len(span) == 2 and all(_is_int(a) for a in span) and span[0] <= span[1]):
                self.error(line, "curriculum-ages", msg("curriculum-ages.span", grade=grade))
                continue
            cur.ages[grade] = (span[0], span[1])
        for level in cur.levels.values():
            for grade in level.grades:
                if grade not in cur.ages:
                    self.error(
                        ages.line, "curriculum-ages", msg("curriculum-ages.missing", grade=grade, level=level.key)
                    )

    def _subjects(self, cur: Curriculum) -> None:
        all_grades = {g: level.key for level in cur.levels.values() for g in level.grades}
        form_owner: dict[str, str] = {}
        for key, node, line, what in self._entries("subjects", "subject"):
            for unknown in node.value:
                if unknown not in SUBJECT_KEYS:
                    guess = difflib.get_close_matches(str(unknown), SUBJECT_KEYS, n=1)
                    hint = (
                        msg("hint.did-you-mean", guess=guess[0])
                        if guess
                        else msg("hint.allowed-fields", allowed=", ".join(SUBJECT_KEYS))
                    )
                    self.error(
                        node.line_of(unknown),
                        "curriculum-unknown-key",
                        msg("curriculum-unknown-key.subject", key=unknown, what=what, hint=hint),
                    )
            name = self.names(node.items["name"], (), what) if "name" in node.items else {}
            if "name" not in node.value:
                self.error(line, "curriculum-name", msg("curriculum-name.none", what=what))
            grades = self._subject_grades(node, line, what, cur, all_grades)
            levels = tuple(lv.key for lv in cur.levels.values() if any(g in grades for g in lv.grades))
            if not cur.levels:  # no usable levels: keep what the subject says, for the messages after
                levels = tuple(str(x) for x in node.value.get("levels") or [] if isinstance(x, str))
            level_names = self._level_names(node, what, levels)
            forms = self._forms(node, what, str(key), form_owner)
            cur.subjects[str(key)] = Subject(str(key), name, levels, grades, level_names, forms)

    def _subject_grades(
        self, node: Located, line: int, what: Message, cur: Curriculum, all_grades: dict[int, str]
    ) -> tuple[int, ...]:
        """The grades a subject is taught in: its ``grades``, or every grade of its ``levels``."""
        if "grades" in node.value and "levels" in node.value:
            self.error(
                node.line_of("levels"), "curriculum-subject-grades", msg("curriculum-subject-grades.both", what=what)
            )
            return ()
        if "levels" in node.value:
            levels = node.value["levels"]
            if not isinstance(levels, list) or not levels:
                self.error(
                    node.line_of("levels"),
                    "curriculum-subject-levels",
                    msg("curriculum-subject-levels.list", what=what),
                )
                return ()
            for level in levels:
                if level not in cur.levels and "levels" in self.doc.value:
                    self.error(
                        node.line_of("levels"),
                        "curriculum-subject-levels",
                        msg("curriculum-subject-levels.unknown", what=what, level=level),
                    )
            return tuple(g for lv in cur.levels.values() if lv.key in levels for g in lv.grades)
        grades = node.value.get("grades")
        if "grades" not in node.value:
            self.error(line, "curriculum-subject-grades", msg("curriculum-subject-grades.none", what=what))
            return ()
        if not isinstance(grades, list) or not grades or not all(_is_int(g) for g in grades):
            self.error(
                node.line_of("grades"), "curriculum-subject-grades", msg("curriculum-subject-grades.list", what=what)
            )
            return ()
        if len(set(grades)) != len(grades):
            self.error(
                node.line_of("grades"), "curriculum-subject-grades", msg("curriculum-subject-grades.twice", what=what)
            )
        for index, grade in enumerate(grades):
            if grade not in all_grades and cur.levels and not self.grades_broken:
                self.error(
                    node.line_of("grades", index),
                    "curriculum-subject-grades",
                    msg("curriculum-subject-grades.unknown", what=what, grade=grade),
                )
        return tuple(sorted(set(grades)))

    def _level_names(self, node: Located, what: Message, levels: tuple[str, ...]) -> dict[str, dict[str, str]]:
        """A subject's ``level_names``: its name at some of its levels, in every language."""
        if "level_names" not in node.value:
            return {}
        names_node = node.items.get("level_names")
        if names_node is None or not isinstance(names_node.value, dict) or not names_node.value:
            self.error(
                node.line_of("level_names"), "curriculum-structure", msg("curriculum-structure.level-names", what=what)
            )
            return {}
        found: dict[str, dict[str, str]] = {}
        for level, child, child_line in _items(names_node):
            if level not in levels:
                self.error(
                    child_line,
                    "curriculum-subject-levels",
                    msg("curriculum-subject-levels.named", what=what, level=level, levels=", ".join(levels)),
                )
                continue
            found[str(level)] = self.names(child, (), msg("what.subject-at", what=what, level=level))
        return found

    def _forms(self, node: Located, what: Message, subject: str, owner: dict[str, str]) -> dict[str, Form]:
        """A subject's ``forms``: key -> a name in every language; a form key belongs to one subject."""
        if "forms" not in node.value:
            return {}
        forms_node = node.items.get("forms")
        if forms_node is None or not isinstance(forms_node.value, dict) or not forms_node.value:
            self.error(node.line_of("forms"), "curriculum-structure", msg("curriculum-structure.forms", what=what))
            return {}
        found: dict[str, Form] = {}
        for key, child, child_line in _items(forms_node):
            form_what = msg("what.form", key=key)
            if not isinstance(child.value, dict) or "name" not in child.items:
                self.error(child_line, "curriculum-name", msg("curriculum-name.every-language", what=form_what))
                continue
            if str(key) in owner:
                self.error(child_line, "curriculum-form", msg("curriculum-form.twice", form=key, first=owner[str(key)]))
                continue
            for unknown in child.value:
                if unknown != "name":
                    self.error(
                        child.line_of(unknown),
                        "curriculum-unknown-key",
                        msg("curriculum-unknown-key.level", key=unknown, what=form_what),
                    )
            owner[str(key)] = subject
            found[str(key)] = Form(str(key), self.names(child.items["name"], (), form_what), subject)
        return found

    def _topics(self, cur: Curriculum) -> None:
        topics = self._mapping("topics")
        if topics is None:
            return
        for key, node, line in _items(topics):
            what = msg("what.topic", key=key)
            if not isinstance(node.value, dict) or "name" not in node.items:
                self.error(line, "curriculum-name", msg("curriculum-name.every-language", what=what))
                continue
            cur.topics[str(key)] = Topic(str(key), self.names(node.items["name"], (), what))

    def _never(self, cur: Curriculum) -> None:
        if "never" in self.doc.value:
            cur.never = self._word_list(self.doc.items.get("never"), self.doc.line_of("never"), msg("what.never"))


def _items(mapping: Located) -> Iterator[tuple[Any, Located, int]]:
    """``(key, node, line)`` of each entry of a YAML mapping."""
    for key, node in mapping.items.items():
        yield key, node, mapping.line_of(key)


def load_curriculum(
    path: Path, rel: str, problems: ProblemList, languages: tuple[str, ...] = ("vi", "en")
) -> Curriculum | None:
    """Read and check ``curriculum.yml`` (names in every one of ``languages``); ``None`` (with problems
    added) when it cannot be used."""
    read = read_data_file(path, rel, problems, "curriculum")
    return _Reader(rel, read[0], problems, languages).read() if read else None
