"""The plugin's markup: Jinja templates under ``theme/lessonkit/``, which a site overrides in ``overrides/``.

Templates are looked up through the theme's own folders (the site's ``custom_dir`` first, then the
plugin's ``theme/``, then Material), the way Material's plugins render their fragments, so a site can
change the lesson card or a catalogue by putting a file of the same name in ``overrides/lessonkit/``.
Autoescaping is on: front-matter text is text, wherever it lands.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup


class Templates:
    """Renders ``lessonkit/<name>`` with the theme's search path and autoescaping."""

    def __init__(self, dirs: list[str]) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(dirs),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )

    def render(self, name: str, **context: Any) -> Markup:
        """The HTML of template ``lessonkit/<name>`` (safe to join with other HTML)."""
        return Markup(self.env.get_template(f"lessonkit/{name}").render(**context).strip())
