"""Settings of the ``lessonkit`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class LessonkitConfig(base.Config):
    #: Folder of the lesson modules and curriculum.yml, relative to mkdocs.yml.
    lessons_dir = c.Type(str, default="lessons")
    #: Who to tell and which numbers to call, relative to mkdocs.yml.
    helplines = c.Type(str, default="lessons/helplines.yml")
