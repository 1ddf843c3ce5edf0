"""The theme's files that no page of the site loads: left out of the site, and so of the USB package.

The site's own search replaces the theme's (``theme/partials/search.html`` names nothing the theme's
script looks for), so the theme's search worker and its lunr language files are never fetched; source
maps serve only a developer's browser tools. Together they are about 2.5 MB of a school's USB copy.
"""

from __future__ import annotations

import os
import re

from mkdocs.structure.files import Files

#: Paths (relative to the theme's folder) of the theme's files that the site never loads.
UNUSED = re.compile(r"^assets/javascripts/(lunr|workers)/|\.map$")


def drop_unused_theme_files(files: Files, docs_dir: str) -> None:
    """Remove from ``files`` the theme's files matched by :data:`UNUSED` (never a file of ``docs_dir``)."""
    docs = os.path.abspath(docs_dir)
    for file in list(files):
        if UNUSED.search(file.src_uri) and os.path.abspath(file.src_dir or "") != docs:
            files.remove(file)
