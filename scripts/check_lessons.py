#!/usr/bin/env python3
"""Check every lesson module against curriculum.yml and the lesson format.

The same as ``lessonkit check``: ``python scripts/check_lessons.py [PATH …] [--format json] [--lang vi]``.
Exit 0 when there is no error, 1 with errors, 2 for a usage error.
"""

import sys
from pathlib import Path

# Run from a checkout without installing: the package lives in src/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from lessonkit.cli.main import main

if __name__ == "__main__":
    sys.exit(main(["check", *sys.argv[1:]]))
