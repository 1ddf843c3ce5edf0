"""``lessonkit new LEVEL ID``: a new module in both languages, valid from the start."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from string import Template

from ..model import ProblemList, load, read_settings, validate
from ..model.helplines import Hotline, load_helplines
from ..model.messages import msg
from ..model.module import RE_MODULE_ID
from ..model.vocabulary import OBJECTIVE_KINDS, vocabulary
from ..strings import SOURCE_LANGUAGE, texts
from .lang import add_lang_option, chosen_lang


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("new", help="create a new module in both languages from the level's template")
    parser.add_argument("level", help="a level key of curriculum.yml, e.g. primary")
    parser.add_argument("id", help="the module id: lowercase letters, digits and hyphens, e.g. trusted-adults")
    add_lang_option(parser)
    parser.set_defaults(run=run)


def step_minutes(duration: int) -> tuple[int, int, int, int]:
    """The four scaffold steps' minutes, adding up to ``duration``: 5 to open and 5 to close (less in a
    very short lesson), the rest shared two to three, in fives where it can: 5, 10, 15, 5 for 35 minutes,
    5, 15, 20, 5 for 45."""
    edge = min(5, duration // 4)
    middle = duration - 2 * edge
    story = 5 * round(middle * 0.4 / 5) or middle * 2 // 5
    return edge, story, middle - story, edge


def render(
    lang: str,
    level: str,
    grades: list[int],
    questions: int,
    hotline: Hotline,
    labelled: bool = False,
    duration: int = 35,
) -> str:
    """A module file in ``lang`` from the level's template: placeholder objectives (labelled knowledge,
    competence and qualities when ``labelled``, as secondary lesson plans group them), placeholder steps
    with their ``step`` blocks, placeholder questions (the last points to a trusted adult and the site's
    main hotline, from helplines.yml) and that hotline as its first source."""
    words = texts("scaffold", lang)
    folder = resources.files("lessonkit.templates")
    name = f"module.{lang}.md" if folder.joinpath(f"module.{lang}.md").is_file() else f"module.{SOURCE_LANGUAGE}.md"
    template = Template(folder.joinpath(name).read_text("utf-8"))
    hotline_name = hotline.name.get(lang) or next(iter(hotline.name.values()), "")
    quiz = "\n".join(
        words["question"].format(
            n=n,
            explanation=(words["explanation_last"] if n == questions else words["explanation"]).format(
                number=hotline.number
            ),
        )
        for n in range(1, questions + 1)
    )
    source = hotline.source or {"title": f"{hotline_name} {hotline.number}", "url": "https://"}
    if labelled:
        labels = vocabulary(lang).objectives
        objectives = [f"{labels[key]}: {words[f'objective_{n}']}" for n, key in enumerate(OBJECTIVE_KINDS, start=1)]
    else:
        objectives = [words["objective_1"], words["objective_2"]]
    minutes = step_minutes(duration)
    return template.substitute(
        title=words["title"],
        duration=sum(minutes),
        minutes_1=minutes[0],
        minutes_2=minutes[1],
        minutes_3=minutes[2],
        minutes_4=minutes[3],
        level=level,
        grades=f"[{', '.join(map(str, grades))}]",
        questions=quiz.rstrip("\n"),
        objectives="\n".join(f"  - {_yaml_text(text)}" for text in objectives),
        number=hotline.number,
        hotline_name=hotline_name,
        safeguarding=words["safeguarding"],
        source_title=_yaml_text(source["title"]),
        source_url=source["url"],
    )


def _yaml_text(text: str) -> str:
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)


def _error(message: str) -> None:
    print(f"lessonkit new: error: {message}", file=sys.stderr)


def run(root: Path, args: argparse.Namespace) -> int:
    message_lang = chosen_lang(args)
    settings = read_settings(root)
    catalogue = load(root, settings.lessons_dir, settings.languages)
    cur = catalogue.curriculum
    if cur is None:
        for problem in catalogue.problems:
            print(problem.format(message_lang), file=sys.stderr)
        _error(msg("new.curriculum-broken").text(message_lang))
        return 1
    if args.level not in cur.levels:
        _error(msg("new.unknown-level", level=args.level, known=", ".join(cur.levels)).text(message_lang))
        return 2
    if not RE_MODULE_ID.match(args.id):
        _error(msg("new.bad-id", id=args.id).text(message_lang))
        return 2
    existing = catalogue.find(args.id)
    if existing is not None:
        _error(msg("new.exists", id=args.id, rel=existing.rel).text(message_lang))
        return 2
    helpline_problems = ProblemList()
    helplines = load_helplines(
        root / settings.helplines, settings.helplines, helpline_problems, cur.never, settings.languages
    )
    if helplines is None or not helplines.hotlines:
        for problem in helpline_problems:
            print(problem.format(message_lang), file=sys.stderr)
        return 1
    level = cur.levels[args.level]
    folder = catalogue.lessons_dir / args.level / args.id
    folder.mkdir(parents=True)
    questions = max(level.min_questions, 1)
    for lang in settings.languages:
        # One period of the level (35 minutes at primary, 45 at secondary), or 35 when curriculum.yml gives none.
        text = render(
            lang,
            args.level,
            list(level.grades[:3]),
            questions,
            helplines.main,
            level.labelled_objectives,
            level.period or 35,
        )
        (folder / f"index.{lang}.md").write_text(text, encoding="utf-8")
    rel = catalogue.rel(folder)
    problems = [
        p
        for p in validate(load(root, settings.lessons_dir, settings.languages), helplines.main.number)
        if p.path.startswith(rel + "/") and p.code != "scaffold-text"  # every placeholder is, yet: no news
    ]
    for problem in problems:
        print(problem.format(message_lang), file=sys.stderr)
    print(
        msg("new.created", rel=rel, files=", ".join(f"index.{code}.md" for code in settings.languages)).text(
            message_lang
        )
    )
    return 1 if any(p.is_error for p in problems) else 0
