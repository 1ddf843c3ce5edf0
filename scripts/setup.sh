#!/usr/bin/env bash
# Set up a fresh machine for this project: a virtual environment in .venv with the pinned stack and the
# project's package. `scripts/setup.sh test` also installs the test tools and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install --quiet -e '.[test]'
  if [ ! -x /usr/bin/chromium ]; then
    # Browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
else
  .venv/bin/python -m pip install --quiet -e .
fi
