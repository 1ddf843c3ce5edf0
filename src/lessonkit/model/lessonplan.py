"""The rules of a module's lesson plan (docs/reference.en.md#steps), applied to both its language files.

- every file has a steps section with at least :data:`MIN_STEPS` steps, each heading numbered in order
  with its minutes, each step with a ``step`` block (:mod:`.steps` reads them and finds the problems of
  one file alone);
- the steps' minutes add up to ``duration``;
- the kinds of activity follow the Ministry's order (never going back) and each kind appears;
- the language files agree step by step: the same number of steps, the same minutes, the same kinds;
- in a level whose lesson plans follow the secondary frame (curriculum.yml ``lesson_plan: secondary``),
  every objective is labelled knowledge, competence or qualities (``Kiến thức:``…), in that order, each
  label at least once, alike in every language.
"""

from __future__ import annotations

from typing import Any

from .curriculum import Level
from .messages import counted, msg
from .module import LessonFile, Module
from .problems import ProblemList
from .steps import Step
from .vocabulary import OBJECTIVE_KINDS, RE_LABEL, STEP_KINDS, all_vocabularies, suggest_label, vocabulary

MIN_STEPS = 2
#: Minutes a module's ``duration`` may have (the front-matter rule refuses others).
DURATION_RANGE = (10, 90)


def check_lesson_plan(module: Module, level: Level | None, problems: ProblemList, default_language: str) -> None:
    """Add the problems of ``module``'s steps and objectives to ``problems``.

    Only language files whose front matter could be read take part (the others have an error already).
    """
    pages = [page for page in module.files.values() if isinstance(page.meta and page.meta.value, dict)]
    for page in pages:
        _check_steps(page, problems)
        if level is not None and level.labelled_objectives:
            _check_objectives(page, level, problems)
    base = module.files.get(default_language)
    if base is None or base not in pages:
        return
    for page in pages:
        if page is not base:
            _check_step_parity(page, base, problems)
            if level is not None and level.labelled_objectives:
                _check_objective_parity(page, base, problems)


def _check_steps(page: LessonFile, problems: ProblemList) -> None:
    read = page.read_steps()
    for line, code, message in read.problems:
        problems.error(page.rel, line, code, message)
    if not read.section:
        return
    steps = read.steps
    if len(steps) < MIN_STEPS:
        problems.error(
            page.rel, read.section, "steps-count", msg("steps-count", steps=counted("step", len(steps)), min=MIN_STEPS)
        )
    written = page.fields.get("duration")
    duration = written if _is_int(written) else None
    # A duration out of range has its own error: the steps' sum would only repeat it.
    if (
        steps
        and all(step.minutes for step in steps)
        and duration is not None
        and DURATION_RANGE[0] <= duration <= DURATION_RANGE[1]
    ):
        total = sum(step.minutes for step in steps)
        if total != duration:
            problems.error(
                page.rel,
                read.section,
                "steps-minutes",
                msg("steps-minutes", total=total, duration=duration, line=page.line_of("duration")),
            )
    _check_kinds(page, steps, read.section, problems)


def _check_kinds(page: LessonFile, steps: tuple[Step, ...], section: int, problems: ProblemList) -> None:
    """The kinds never go back in the Ministry's order, and each one appears (once every step has one)."""
    vocab = vocabulary(page.lang)
    previous: Step | None = None
    for step in steps:
        if not step.kind:
            continue
        if previous is not None and STEP_KINDS.index(step.kind) < STEP_KINDS.index(previous.kind):
            problems.error(
                page.rel,
                step.block_line,
                "step-kinds",
                msg(
                    "step-kinds.order",
                    position=step.number,
                    kind=vocab.kinds[step.kind],
                    previous=vocab.kinds[previous.kind],
                    order=vocab.kind_order(),
                ),
            )
            continue
        previous = step
    if not steps or not all(step.kind for step in steps):
        return
    present = {step.kind for step in steps}
    for kind in STEP_KINDS:
        if kind not in present:
            problems.error(
                page.rel,
                section,
                "step-kinds",
                msg("step-kinds.missing", kind=vocab.kinds[kind], order=vocab.kind_order()),
            )


def _check_step_parity(page: LessonFile, base: LessonFile, problems: ProblemList) -> None:
    mine, theirs = page.read_steps(), base.read_steps()
    if not mine.section or not theirs.section:
        return
    if len(mine.steps) != len(theirs.steps):
        problems.error(
            page.rel,
            mine.section,
            "translation-steps",
            msg("translation-steps.count", here=len(mine.steps), there=len(theirs.steps), base=base.rel),
        )
        return
    here_words, there_words = vocabulary(page.lang), vocabulary(base.lang)
    for step, other in zip(mine.steps, theirs.steps, strict=True):
        if step.minutes and other.minutes and step.minutes != other.minutes:
            problems.error(
                page.rel,
                step.line,
                "translation-steps",
                msg(
                    "translation-steps.minutes",
                    position=step.number,
                    here=step.minutes,
                    there=other.minutes,
                    base=base.rel,
                    base_line=other.line,
                ),
            )
        if step.kind and other.kind and step.kind != other.kind:
            problems.error(
                page.rel,
                step.block_line,
                "translation-steps",
                msg(
                    "translation-steps.kind",
                    position=step.number,
                    here=here_words.kinds[step.kind],
                    there=there_words.kinds[other.kind],
                    base=base.rel,
                    base_line=other.block_line,
                ),
            )


def _written_objectives(page: LessonFile) -> list[str] | None:
    written = page.fields.get("objectives")
    if not isinstance(written, list) or not all(isinstance(item, str) for item in written):
        return None  # the field's own rule reports it
    return written


def _check_objectives(page: LessonFile, level: Level, problems: ProblemList) -> None:
    """Each objective labelled, the labels in order, each label at least once."""
    written = _written_objectives(page)
    if written is None or not written:
        return
    vocab = vocabulary(page.lang)
    labels = vocab.objectives
    order = " → ".join(labels[key] for key in OBJECTIVE_KINDS)
    objectives = page.objectives
    previous: str | None = None
    for index, (text, objective) in enumerate(zip(written, objectives, strict=True)):
        line = page.line_of("objectives", index)
        if objective.kind is None:
            problems.error(
                page.rel,
                line,
                "objective-label",
                msg(
                    "objective-label.missing",
                    number=index + 1,
                    labels=", ".join(f"'{labels[key]}:'" for key in OBJECTIVE_KINDS),
                    level=level.key,
                    hint=_label_hint(text, page.lang),
                ),
            )
            continue
        if previous is not None and OBJECTIVE_KINDS.index(objective.kind) < OBJECTIVE_KINDS.index(previous):
            problems.error(
                page.rel,
                line,
                "objective-label",
                msg(
                    "objective-label.order",
                    number=index + 1,
                    label=labels[objective.kind],
                    previous=labels[previous],
                    order=order,
                ),
            )
            continue
        previous = objective.kind
    if all(objective.kind for objective in objectives):
        present = {objective.kind for objective in objectives}
        for key in OBJECTIVE_KINDS:
            if key not in present:
                problems.error(
                    page.rel,
                    page.line_of("objectives"),
                    "objective-label",
                    msg("objective-label.kind", label=labels[key], level=level.key, order=order),
                )


def _label_hint(text: str, lang: str) -> Any:
    """A did-you-mean for an objective that starts with something like a label (``Kien thuc:``)."""
    match = RE_LABEL.match(text)
    if match is None:
        return ""
    others = [other.objectives for other in all_vocabularies(lang)[1:]]
    guess = suggest_label(match.group(1), lang, vocabulary(lang).objectives, others)
    return msg("hint.did-you-mean", guess=f"{guess}:") if guess else ""


def _check_objective_parity(page: LessonFile, base: LessonFile, problems: ProblemList) -> None:
    mine, theirs = page.objectives, base.objectives
    if _written_objectives(page) is None or _written_objectives(base) is None or len(mine) != len(theirs):
        return  # a different number of objectives is reported with the front matter
    here_words, there_words = vocabulary(page.lang).objectives, vocabulary(base.lang).objectives
    for index, (objective, other) in enumerate(zip(mine, theirs, strict=True)):
        if objective.kind and other.kind and objective.kind != other.kind:
            problems.error(
                page.rel,
                page.line_of("objectives", index),
                "translation-objectives",
                msg(
                    "translation-objectives.label",
                    number=index + 1,
                    here=here_words[objective.kind],
                    there=there_words[other.kind],
                    base=base.rel,
                ),
            )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
