"""``lessonkit``: check lessons, create a new module, report coverage, package the site for schools.

Exit codes: 0 no error, 1 errors found, 2 usage error (bad arguments, a path that does not exist).
Never prints a traceback for bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..model.catalogue import CURRICULUM_FILE
from ..model.settings import DEFAULT_LESSONS_DIR, MKDOCS_FILE
from . import check, coverage, new, package, serve

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # type: ignore[name-defined]  # noqa: F821
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def find_root(start: Path) -> Path:
    """The project root: the nearest folder upwards holding ``mkdocs.yml`` (which says where the lessons
    are) or, in a project without one, ``lessons/curriculum.yml``; else ``start``."""
    for folder in [start, *start.parents]:
        if (folder / MKDOCS_FILE).is_file() or (folder / DEFAULT_LESSONS_DIR / CURRICULUM_FILE).is_file():
            return folder
    return start


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lessonkit", description="Check, create and report on lesson modules.")
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="project root (default: the nearest folder upwards with mkdocs.yml or lessons/curriculum.yml)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    check.add_parser(commands)
    new.add_parser(commands)
    coverage.add_parser(commands)
    package.add_parser(commands)
    serve.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    root = (args.root or find_root(Path.cwd())).resolve()
    if not root.is_dir():
        print(f"lessonkit: error: root '{args.root}' is not a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(root, args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def check_main() -> int:
    """``check-lessons``: the same as ``lessonkit check``."""
    return main(["check", *sys.argv[1:]])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
