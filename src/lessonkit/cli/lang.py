"""``--lang``: the language of what a command prints for people (problems, summaries, reports).

English is the default, so existing scripts and tests see the same output; a teacher can choose
Vietnamese with ``--lang vi`` or once for all with ``LESSONKIT_LANG=vi``. Codes, paths and the
``PATH:LINE: error|warning:`` frame stay the same in every language: tools parse them.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from ..model.messages import DEFAULT_MESSAGE_LANGUAGE, MESSAGE_LANGUAGES, msg

ENV_VAR = "LESSONKIT_LANG"


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=MESSAGE_LANGUAGES,
        default=None,
        help=f"language of the messages: {', '.join(MESSAGE_LANGUAGES)} "
        f"(default: ${ENV_VAR}, else {DEFAULT_MESSAGE_LANGUAGE})",
    )


def chosen_lang(args: argparse.Namespace) -> str:
    """``--lang``, else ``$LESSONKIT_LANG`` (``vi``, ``vi_VN.UTF-8`` and ``VI`` all mean vi), else English.

    An unknown value in the environment is not a usage error (it may be set for every command of a
    shell): it is reported on stderr, in both languages since we cannot tell which one is wanted.
    """
    if getattr(args, "lang", None):
        return str(args.lang)
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        return DEFAULT_MESSAGE_LANGUAGE
    code = re.split(r"[-_.@]", value.lower(), maxsplit=1)[0]
    if code in MESSAGE_LANGUAGES:
        return code
    warning = msg("cli.bad-lang-env", var=ENV_VAR, value=value, langs=", ".join(MESSAGE_LANGUAGES))
    for lang in MESSAGE_LANGUAGES:
        print(f"lessonkit: warning: {warning.text(lang)}", file=sys.stderr)
    return DEFAULT_MESSAGE_LANGUAGE
