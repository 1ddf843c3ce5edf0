"""lessonkit: lesson modules in Markdown, checked against a curriculum and built into a bilingual site.

The package holds one lesson model (:mod:`lessonkit.model`) used by both the checker
(:mod:`lessonkit.cli`) and the MkDocs plugin (:mod:`lessonkit.plugin`), so the two can never disagree.
"""

__version__ = "0.1.0"
