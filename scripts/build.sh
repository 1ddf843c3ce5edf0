#!/usr/bin/env bash
# Set up (if needed) and build the site into site/: check every lesson, then `mkdocs build --strict`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/lessonkit check
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict
cat <<MSG

The site is in site/. Open site/index.html in a browser (it works from a USB stick, without internet),
or preview it with live reload: .venv/bin/mkdocs serve  (then http://127.0.0.1:8000/).
MSG
