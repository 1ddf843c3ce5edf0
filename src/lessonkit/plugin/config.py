"""Settings of the ``lessonkit`` MkDocs plugin: where a site keeps its own data, never in the code."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class LessonkitConfig(base.Config):
    #: Folder of the lesson modules and curriculum.yml, relative to mkdocs.yml.
    lessons_dir = c.Type(str, default="lessons")
    #: Who to tell and which numbers to call, relative to mkdocs.yml.
    helplines = c.Type(str, default="lessons/helplines.yml")
    #: The site's help page (language-free path under docs_dir): the banner on every page links to it.
    help_page = c.Type(str, default="help.md")
    #: A folder of the site's own string catalogues (``<lang>.yml``), read over the package's: a new
    #: language, or other words for a label (relative to mkdocs.yml; ignored when it does not exist).
    locales_dir = c.Type(str, default="locales")
    #: Write a 404 page per language (404.html, en/404.html) instead of the theme's English one.
    not_found_page = c.Type(bool, default=True)
    #: Where lesson-plan documents are kept between builds (relative to mkdocs.yml), so that a build
    #: writes again only those whose lesson changed; empty: every build writes every document.
    cache_dir = c.Type(str, default=".cache/plugin/lessonkit")
