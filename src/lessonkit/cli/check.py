"""``lessonkit check [PATH …]``: every problem as ``PATH:LINE: error|warning: MESSAGE``, then a summary.

It checks what the build checks before it renders (:func:`lessonkit.model.check_project`), and every
page rendered as the build renders it against the allowlist of what a page may hold
(:func:`lessonkit.safety.rendered.check_rendered_pages`), in the folders the build uses (``mkdocs.yml``, :func:`lessonkit.model.read_settings`): a project the checker
passes is one the build accepts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..model import Problem, check_project, read_settings
from ..model.catalogue import CURRICULUM_FILE
from ..model.messages import counted, msg
from ..safety.rendered import check_rendered_pages, markdown_settings
from .lang import add_lang_option, chosen_lang


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="check modules against curriculum.yml and the lesson format")
    parser.add_argument(
        "paths", nargs="*", type=Path, help="modules, level folders or files to report on (default: all of lessons/)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_lang_option(parser)
    parser.set_defaults(run=run)


def select(
    problems: list[Problem], root: Path, paths: list[Path], always: frozenset[str] = frozenset()
) -> list[Problem]:
    """The problems inside ``paths`` (all when none are given).

    Problems of the files every module depends on (curriculum problems, and those of the files named
    in ``always``, such as helplines.yml) are always kept.
    """
    if not paths:
        return problems
    prefixes = []
    for path in paths:
        rel = path.resolve().relative_to(root).as_posix() if path.resolve().is_relative_to(root) else path.as_posix()
        prefixes.append("" if rel == "." else rel)
    return [
        p
        for p in problems
        if p.code.startswith("curriculum")
        or p.path in always
        or any(not pre or p.path == pre or p.path.startswith(pre.rstrip("/") + "/") for pre in prefixes)
    ]


def run(root: Path, args: argparse.Namespace) -> int:
    lang = chosen_lang(args)
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"lessonkit check: error: {msg('cli.no-such-path', path=missing[0]).text(lang)}", file=sys.stderr)
        return 2
    settings = read_settings(root)
    catalogue, helplines, found = check_project(root, settings)
    # Every page rendered as the build renders it, held to the allowlist of what a page may hold.
    rendered = check_rendered_pages(catalogue, root, settings.docs_dir, helplines, markdown_settings(root))
    found = sorted(set(found) | set(rendered))
    shared = frozenset(
        {Path(settings.helplines).as_posix(), f"{Path(settings.lessons_dir).as_posix()}/{CURRICULUM_FILE}"}
    )
    problems = select(found, root, args.paths, shared)
    checked = [
        m
        for m in catalogue.modules
        if not args.paths
        or select(
            [Problem(rel, 1, "error", "x", "") for rel in (m.rel + "/", *(f.rel for f in m.files.values()))],
            root,
            args.paths,
        )
    ]
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if args.format == "json":
        json.dump(
            {
                "modules": len(checked),
                "errors": errors,
                "warnings": warnings,
                "problems": [p.as_dict(lang) for p in problems],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    else:
        for problem in problems:
            print(problem.format(lang))
        print(
            msg(
                "cli.summary",
                modules=counted("module", len(checked)),
                errors=counted("error", errors),
                warnings=counted("warning", warnings),
            ).text(lang)
        )
    return 1 if errors else 0
