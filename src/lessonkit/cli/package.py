"""``lessonkit package [--out DIR]``: the site, built strictly, as one zip for a USB stick, and its checksum."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from ..labels import labels_for
from ..model import read_settings
from ..model.messages import msg
from ..publish.package import slug, source_date_epoch, write_checksum, write_zip
from .lang import add_lang_option, chosen_lang

README_NAME = "README.txt"


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("package", help="build the site strictly into one .zip (and .zip.sha256) for schools")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="folder for the zip (default: dist/)")
    add_lang_option(parser)
    parser.set_defaults(run=run)


def readme(languages: tuple[str, ...], top: str, zip_name: str) -> str:
    """How to open the package, in every language of the site (CRLF: Windows Notepad shows it well)."""
    parts = [labels_for(lang)["package_readme"].format(folder=top, zip=zip_name).strip() for lang in languages]
    return "\r\n".join(("\n\n" + "-" * 60 + "\n\n").join(parts).split("\n")) + "\r\n"


def run(root: Path, args: argparse.Namespace) -> int:
    lang = chosen_lang(args)
    settings = read_settings(root)
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    top = slug(settings.site_name or root.name)
    target = out / f"{top}.zip"
    epoch = source_date_epoch(root)
    print(msg("package.building").text(lang), file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="lessonkit-package-") as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch)}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "-q",
                "-f",
                str(root / "mkdocs.yml"),
                "-d",
                str(site),
            ],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            sys.stderr.write(done.stdout + done.stderr)
            print(msg("package.failed").text(lang), file=sys.stderr)
            return 1
        digest = write_zip(site, target, top, epoch, {README_NAME: readme(settings.languages, top, target.name)})
    # The check runs from here (the project root, as the README says): the .sha256 names the zip as
    # seen from here (dist/x.zip), so `sha256sum -c dist/*.zip.sha256` passes as written. A zip written
    # outside this folder is named bare, and checked from its own folder.
    here = _relative(target)
    checksum = write_checksum(target, digest, here)
    check = (
        f"sha256sum -c {_relative(checksum)}"
        if here is not None
        else f"cd {shlex.quote(str(checksum.parent))} && sha256sum -c {shlex.quote(checksum.name)}"
    )
    print(msg("package.written", zip=_shown(target), sha=_shown(checksum), check=check).text(lang))
    return 0


def _relative(path: Path) -> str | None:
    """``path`` from the working folder, or ``None`` when it lies outside."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return None


def _shown(path: Path) -> str:
    return _relative(path) or path.as_posix()
