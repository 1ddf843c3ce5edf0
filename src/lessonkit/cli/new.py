"""``lessonkit new LEVEL ID``: a new module in both languages, valid from the start."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path
from string import Template

from .. import LANGUAGES
from ..model import load, validate
from ..model.messages import msg
from ..model.module import RE_MODULE_ID
from .lang import add_lang_option, chosen_lang

#: Placeholder questions; the last one already points to a trusted adult and 111.
QUESTION = {
    "vi": ("/// quiz | Câu hỏi {n}: một tình huống, em sẽ làm gì?\n"
           "- [ ] Một lựa chọn sai nhưng nghe có lý.\n"
           "    Phản hồi: vì sao chưa đúng, nói nhẹ nhàng.\n"
           "- [x] Lựa chọn đúng.\n"
           "    Phản hồi: vì sao đúng.\n\n"
           "{explanation}\n"
           "///\n"),
    "en": ("/// quiz | Question {n}: a situation - what would you do?\n"
           "- [ ] A wrong option that sounds believable.\n"
           "    Feedback: why it is not right, said kindly.\n"
           "- [x] The right option.\n"
           "    Feedback: why it is right.\n\n"
           "{explanation}\n"
           "///\n"),
}
EXPLANATION = {
    "vi": ("Giải thích chung cho câu hỏi.", "Khi thấy không an toàn, hãy kể với người lớn tin cậy hoặc gọi 111."),
    "en": ("An explanation of the whole question.", "When something feels unsafe, tell a trusted adult or call 111."),
}
TITLE = {"vi": "Tên bài học", "en": "Lesson title"}


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("new", help="create a new module in both languages from the level's template")
    parser.add_argument("level", help="a level key of curriculum.yml, e.g. primary")
    parser.add_argument("id", help="the module id: lowercase letters, digits and hyphens, e.g. trusted-adults")
    add_lang_option(parser)
    parser.set_defaults(run=run)


def render(lang: str, level: str, grades: list[int], questions: int) -> str:
    template = Template(resources.files("lessonkit.templates").joinpath(f"module.{lang}.md").read_text("utf-8"))
    quiz = "\n".join(
        QUESTION[lang].format(n=n, explanation=EXPLANATION[lang][n == questions]) for n in range(1, questions + 1))
    return template.substitute(title=TITLE[lang], level=level, grades=f"[{', '.join(map(str, grades))}]",
                               questions=quiz.rstrip("\n"))


def _error(message: str) -> None:
    print(f"lessonkit new: error: {message}", file=sys.stderr)


def run(root: Path, args: argparse.Namespace) -> int:
    message_lang = chosen_lang(args)
    catalogue = load(root)
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
    level = cur.levels[args.level]
    folder = catalogue.lessons_dir / args.level / args.id
    folder.mkdir(parents=True)
    questions = max(level.min_questions, 1)
    for lang in LANGUAGES:
        (folder / f"index.{lang}.md").write_text(render(lang, args.level, list(level.grades[:3]), questions),
                                                  encoding="utf-8")
    rel = catalogue.rel(folder)
    problems = [p for p in validate(load(root)) if p.path.startswith(rel + "/")]
    for problem in problems:
        print(problem.format(message_lang), file=sys.stderr)
    print(msg("new.created", rel=rel, files=", ".join(f"index.{code}.md" for code in LANGUAGES)).text(message_lang))
    return 1 if any(p.is_error for p in problems) else 0
