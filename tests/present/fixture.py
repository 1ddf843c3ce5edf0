"""Projector views rendered without MkDocs, for the script's browser tests: the real deck builder, the
real templates and the real assets, from real modules of the repository, in a folder laid out like the
site (``lessons/<level>/<id>/present.html``, ``assets/lessonkit/…``), so that they open over ``file://``
and HTTP like the built pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from lessonkit import csp
from lessonkit.helplines import load_helplines
from lessonkit.labels import labels_for
from lessonkit.markdown import LessonkitExtension, RenderState
from lessonkit.model import load
from lessonkit.model.problems import ProblemList
from lessonkit.present import CARDS_STYLESHEET, SCRIPT, STYLESHEET, build_deck, cards_context, present_context

REPO = Path(__file__).resolve().parents[2]
THEME = REPO / "src" / "lessonkit" / "theme"
#: A primary and an upper-secondary module.
MODULES = ("calling-for-help", "safe-job-seeking")


def renderer(lang: str):
    problems = ProblemList()
    helplines = load_helplines(REPO / "lessons" / "helplines.yml", "lessons/helplines.yml", problems)
    assert helplines is not None and not problems
    state = RenderState(lang=lang, helplines=helplines)
    md = markdown.Markdown(
        extensions=[
            LessonkitExtension(state),
            "admonition",
            "attr_list",
            "md_in_html",
            "tables",
            "pymdownx.superfences",
        ]
    )

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render, helplines


def render_present(root: Path) -> dict[tuple[str, str], Path]:
    """Every module of :data:`MODULES` in both languages, and the cards page, under ``root``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(THEME)), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    assets = root / "assets" / "lessonkit"
    assets.mkdir(parents=True, exist_ok=True)
    for source in (SCRIPT, STYLESHEET, CARDS_STYLESHEET):
        shutil.copy(source, assets / source.name)
    catalogue = load(REPO)
    pages: dict[tuple[str, str], Path] = {}
    for lang in ("vi", "en"):
        prefix = "" if lang == "vi" else "en/"
        render, helplines = renderer(lang)
        cards = root / prefix / "lessons" / "cards.html"
        cards.parent.mkdir(parents=True, exist_ok=True)
        cards.write_text(
            shell(
                env,
                lang,
                "cards",
                "Cards",
                env.get_template("lessonkit/cards.html").render(**cards_context(lang)),
                cards,
                root,
            ),
            encoding="utf-8",
        )
        pages[(lang, "cards")] = cards
        for module in catalogue.modules:
            if module.id not in MODULES:
                continue
            page = module.files[lang]
            out = root / prefix / "lessons" / module.level / module.id / "present.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            deck = build_deck(
                page, key=f"{prefix}lessons/{module.level}/{module.id}/present/", helplines=helplines, render=render
            )
            context = present_context(deck, "index.html", "../../cards.html")
            content = env.get_template("lessonkit/present.html").render(t=labels_for(lang), **context)
            out.write_text(shell(env, lang, "present", context["page_title"], content, out, root), encoding="utf-8")
            pages[(lang, module.id)] = out
    return pages


def shell(env: jinja2.Environment, lang: str, kind: str, title: str, content: str, out: Path, root: Path) -> str:
    up = "../" * (len(out.relative_to(root).parts) - 1)
    css = "present.css" if kind == "present" else "cards.css"
    html = env.get_template("lessonkit/shell.html").render(
        page={"content": Markup(content)},
        lk_shell={
            "lang": lang,
            "kind": kind,
            "title": title,
            "csp": csp.policy(),
            "stylesheet": f"{up}assets/lessonkit/{css}",
            "script": f"{up}assets/lessonkit/present.js",
            "favicon": "data:,",
        },
    )
    return csp.apply(html)
