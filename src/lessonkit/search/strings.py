"""Every string of the site search that a reader sees: the ``search`` section of the string catalogue.

The search partial (``theme/partials/search.html``) writes them all into the page: the labels in the
markup, the messages the script (``assets/search.js``) shows in ``data-lk-*`` attributes of the form
(the script fills ``{n}``).
The page's language picks the table, so results, labels and messages are all in that language.
"""

from __future__ import annotations

from ..strings import texts


def strings_for(lang: str) -> dict[str, str]:
    """The search strings in ``lang``: the ``search`` section of the string catalogue."""
    return texts("search", lang)
