"""Labels of the pages the plugin writes (lesson card, catalogues, pupils', family and 404 pages, the
banner, audience blocks): the ``labels`` section of the string catalogue (:mod:`lessonkit.strings`)."""

from __future__ import annotations

from .strings import texts


def labels_for(lang: str) -> dict[str, str]:
    """The labels in ``lang`` (a label the language lacks comes from English, the catalogue's one rule)."""
    return texts("labels", lang)
