"""The site's search: one index per language, loaded by the browser only when a reader searches.

- :class:`SearchIndex` (:mod:`.index`): ``add(lang, url, title, html, description)`` for each page,
  ``write(site_dir)`` once a language is built: the files under ``search/<lang>/``.
- :meth:`SearchIndex.add_later`: the plugin's one call per page (its text read when the index is written).
- :func:`strings_for` (:mod:`.strings`): the labels, for the theme partial ``partials/search.html``.
- :data:`SCRIPT`: the part of the browser's half loaded with every page (``assets/search.js``, shipped
  as ``assets/lessonkit/search.js``); it loads the rest, which ``write`` puts in the site's search
  folder (``engine.js``, ``search.css``), only when a reader starts a search.
"""

from __future__ import annotations

from pathlib import Path

from .index import SearchIndex
from .strings import strings_for

SCRIPT = Path(__file__).resolve().parent / "assets" / "search.js"

__all__ = ["SCRIPT", "SearchIndex", "strings_for"]
