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
  # Debian packages the tests drive: Chromium (Playwright's own browser download does not work here),
  # a QR decoder (zbarimg), faketime (builds under another clock), Java for the W3C Nu checker and
  # LibreOffice Writer (opens every lesson-plan document and converts it to PDF).
  need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v zbarimg >/dev/null || need+=(zbar-tools)
  command -v faketime >/dev/null || need+=(faketime)
  command -v java >/dev/null || need+=(default-jre-headless)
  command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
  if [ ${#need[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
else
  .venv/bin/python -m pip install --quiet -e .
fi
