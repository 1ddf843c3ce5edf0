"""``lessonkit serve [--dev-addr HOST:PORT]``: the author's preview with live reload.

The whole site is built once, as the build for publishing builds it; then a saved lesson redoes only
its module's pages (checked again, re-rendered in every language), and the page in the browser
reloads by itself. What the checker refuses shows in the browser, in the page's language, until it is
corrected. See :mod:`lessonkit.preview`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model import read_settings
from ..preview.run import serve
from .lang import add_lang_option, chosen_lang

DEFAULT_ADDRESS = "127.0.0.1:8000"


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "serve", help="preview the site with live reload: a saved lesson shows in about a second"
    )
    parser.add_argument(
        "--dev-addr", default=DEFAULT_ADDRESS, metavar="HOST:PORT", help=f"where to serve (default {DEFAULT_ADDRESS})"
    )
    add_lang_option(parser)
    parser.set_defaults(run=run)


def run(root: Path, args: argparse.Namespace) -> int:
    host, _, port = str(args.dev_addr).rpartition(":")
    if not host or not port.isdigit():
        print(f"lessonkit serve: error: --dev-addr must be HOST:PORT, not '{args.dev_addr}'", file=sys.stderr)
        return 2
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        print(f"lessonkit serve: error: no mkdocs.yml in {root}", file=sys.stderr)
        return 2
    try:
        return serve(config_file, host, int(port), read_settings(root).languages, chosen_lang(args))
    except OSError as error:  # the address is taken, or not this machine's
        print(f"lessonkit serve: error: cannot serve on {args.dev_addr}: {error.strerror or error}", file=sys.stderr)
        return 2
