#!/usr/bin/env bash
# Set up (if needed, including Debian's Chromium) and run every test: the lesson checker on lessons/,
# then the whole pytest suite (unit, checker, sample projects built for real, browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/lessonkit check
NO_MKDOCS_2_WARNING=1 .venv/bin/python -m pytest "$@"
