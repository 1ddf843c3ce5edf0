"""lessonkit: lesson modules in Markdown, checked against a curriculum and built into a bilingual site.

The package holds one lesson model (:mod:`lessonkit.model`) used by both the checker
(:mod:`lessonkit.cli`) and the MkDocs plugin (:mod:`lessonkit.plugin`), so the two can never disagree.
"""

__version__ = "0.1.0"

#: The site's languages, default first. Every module has one file per language.
LANGUAGES: tuple[str, ...] = ("vi", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]
