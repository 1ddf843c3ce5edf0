"""The preview's own HTML, from the theme's templates (``lessonkit/preview-*.html``) and the string
catalogue (the ``preview_*`` labels), in the language of the page asked for."""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..labels import labels_for
from .server import PREFIX, Refused, State

THEME = Path(__file__).resolve().parent.parent / "theme"
#: Modules named in the banner before "…".
LISTED = 5


class PreviewPages:
    """The banner and the pages of messages (:class:`~.server.Pages`)."""

    def __init__(self, theme: Path = THEME) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(theme)), autoescape=True, trim_blocks=True, lstrip_blocks=True
        )

    def _render(self, name: str, lang: str, **context: object) -> str:
        template = self.env.get_template(f"lessonkit/{name}")
        return template.render(t=labels_for(lang), lang=lang, assets=PREFIX, **context)

    def banner(self, state: State, lang: str) -> str:
        t = labels_for(lang)
        if state.building:
            message = t["preview_rebuilding"]
        elif state.updated:
            names = ", ".join(state.updated[:LISTED]) + (", …" if len(state.updated) > LISTED else "")
            message = t["preview_partial"].format(time=state.built_at, modules=names)
        else:
            message = t["preview_fresh"].format(time=state.built_at)
        return self._render("preview-banner.html", lang, message=message, warnings=list(state.warnings))

    def refused(self, refused: Refused, lang: str, state: State) -> str:
        t = labels_for(lang)
        lines = refused.lines.get(lang) or next(iter(refused.lines.values()), [])
        if refused.where:
            title, intro = t["preview_refused_title"], t["preview_refused_intro"].format(where=refused.where)
        else:
            title, intro = t["preview_site_refused_title"], t["preview_site_refused_intro"]
        return self._render("preview-page.html", lang, title=title, intro=intro, lines=lines)

    def building(self, lang: str, state: State) -> str:
        t = labels_for(lang)
        return self._render(
            "preview-page.html", lang, title=t["preview_building_title"], intro=t["preview_building"], lines=[]
        )
