"""The USB package: the strictly built site in one reproducible ``.zip``, with its ``.zip.sha256``.

Two packages of the same commit are byte-identical on any day and machine: entries are written in
sorted order with one fixed timestamp (``SOURCE_DATE_EPOCH``, else the last commit's date, else
1 January 1980), fixed permissions and one compression level.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import time
import unicodedata
import zipfile
from pathlib import Path

#: Zip files cannot hold a date before 1980.
ZIP_EPOCH = 315532800


def source_date_epoch(root: Path) -> int:
    """The build's one date: ``SOURCE_DATE_EPOCH``, else the last commit's, else 1980-01-01 (UTC)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return max(int(value), ZIP_EPOCH)
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=30, check=False
        )
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return max(int(done.stdout.strip()), ZIP_EPOCH)
    except OSError:
        pass
    return ZIP_EPOCH


def write_zip(site: Path, target: Path, top: str, epoch: int, extra: dict[str, str]) -> str:
    """Write ``site`` into ``target`` under the folder ``top`` (plus ``extra`` files: name -> text) and
    return the archive's SHA-256 in hex."""
    stamp = time.gmtime(epoch)[:6]
    entries = sorted((p for p in site.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site).as_posix())
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in sorted(extra.items()):
            archive.writestr(_info(f"{top}/{name}", stamp), text.encode("utf-8"))
        for path in entries:
            archive.writestr(_info(f"{top}/{path.relative_to(site).as_posix()}", stamp), path.read_bytes())
    return hashlib.sha256(target.read_bytes()).hexdigest()


def _info(name: str, stamp: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, whatever the machine: the same bytes everywhere
    return info


def write_checksum(target: Path, digest: str, named: str | None = None) -> Path:
    """``<name>.zip.sha256`` beside the zip, in the format ``sha256sum -c`` reads. ``sha256sum -c`` opens
    the zip by the name written in the file, from the folder it runs in: ``named`` is that name (the
    zip's path from the folder where the check is meant to run, ``dist/x.zip``); by default the zip's
    own name (the check runs beside it)."""
    path = target.with_name(target.name + ".sha256")
    path.write_text(f"{digest}  {named or target.name}\n", encoding="utf-8")
    return path


def slug(text: str, limit: int = 60) -> str:
    """An ASCII file name from any text: ``Phòng, chống…`` -> ``phong-chong…`` (``đ`` -> ``d``)."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].rstrip("-") or "site"
