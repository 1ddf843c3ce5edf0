"""The checker and the build agree: every refusal of the build is a refusal of the checker, same message.

``SITES`` names every place in ``src/lessonkit/`` where the build refuses a project: each
``PluginError`` it raises (the page-safety refusal of a rendered page among them), and each problem the
Markdown extension reports while rendering a page (``state.problems.append``). :func:`test_every_refusal_site_is_listed` reads the source with ``ast``
and fails when a place appears that the list does not name, or a listed one is gone: the list cannot
drift from the code.

``REFUSALS`` gives, for each place, an input that reaches it and the problem the checker reports for
that input. Each input goes through the checker (exactly that problem, exit 1) and through a real
``mkdocs build --strict``, which must refuse it and print the same problem line. Render-time refusals
are reached first by the build's own check of the project, with the checker's message; the words the
extension would use at render time are compared with the checker's too.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import markdown
import pytest
from checkerlib import DEMO_EN, EN, Q1, VI, P, Project, expect, make_project

from lessonkit.markdown import LessonkitExtension, RenderState
from lessonkit.model import check_project
from lessonkit.model.messages import msg
from tests.support import build

SRC = Path(__file__).resolve().parents[2] / "src" / "lessonkit"
HELPLINES = "lessons/helplines.yml"

MKDOCS_YML = """\
site_name: Parity
theme:
  name: material
  language: vi
  font: false
plugins:
  - search:
      lang: [vi, en]
  - lessonkit
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
        - {locale: vi, name: Tiếng Việt, default: true, build: true}
        - {locale: en, name: English, build: true}
markdown_extensions:
  - attr_list
  - md_in_html
  - pymdownx.superfences
"""
DOCS = {
    "docs/index.vi.md": "---\ntitle: Trang chủ\n---\n\nCác bài học: [Tiểu học](lessons/primary/index.md).\n",
    "docs/index.en.md": "---\ntitle: Home\n---\n\nLessons: [Primary](lessons/primary/index.md).\n",
    "docs/help.vi.md": "---\ntitle: Trợ giúp\n---\n\n/// helplines\n///\n",
    "docs/help.en.md": "---\ntitle: Help\n---\n\n/// helplines\n///\n",
}


def parity_project(root: Path) -> Project:
    """The checker's demo project, made buildable: mkdocs.yml, a home page and a help page."""
    project = make_project(root)
    project.write("mkdocs.yml", MKDOCS_YML)
    for rel, text in DOCS.items():
        project.write(rel, text)
    return project


# --- where the build refuses --------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """A place the build refuses: the file (under src/lessonkit/), the function (``Class.method``) and a
    phrase of the code that makes its message, which tells two places of one function apart."""

    path: str
    function: str
    phrase: str


SITES = {
    "lessons-refused": Site("plugin/plugin.py", "_report", "in the lessons"),
    "page-clash": Site("plugin/plugin.py", "LessonkitPlugin._add_files", "conflicts with a page built from"),
    "render-problems": Site("plugin/plugin.py", "LessonkitPlugin.on_page_content", "self.state.problems"),
    "literal-block": Site("plugin/plugin.py", "LessonkitPlugin.on_page_content", "was left as literal text"),
    "page-safety": Site("plugin/plugin.py", "LessonkitPlugin._safe_content", "p.format()"),
    "not-loaded": Site("plugin/plugin.py", "LessonkitPlugin._catalogue", "were not loaded"),
    "not-registered": Site("plugin/plugin.py", "LessonkitPlugin._registry", "were not registered"),
    "no-publisher": Site("plugin/plugin.py", "LessonkitPlugin._publisher", "were not registered"),
    "no-row": Site("plugin/render.py", "Renderer.row", "no renderer for pages of kind"),
    "no-markdown": Site("plugin/render.py", "Renderer.markdown", "are read from their own file"),
    "no-templates": Site("plugin/render.py", "Renderer.render", "templates were not loaded"),
    "quiz-render": Site("markdown/extension.py", "QuizBlock.on_end", "quiz '"),
    "step-render": Site("markdown/extension.py", "StepBlock.on_end", "step '"),
    "helplines-block": Site("markdown/extension.py", "HelplinesBlock.on_create", "could not be read"),
}
#: Places no project can reach, and why.
INTERNAL = {
    "not-loaded": "raised only if the build skipped on_config, which loads the lessons; no content reaches it",
    "not-registered": "raised only if the build skipped on_config, which registers the pages",
    "no-publisher": "raised only if the build skipped on_config, which makes the publisher",
    "no-row": "raised only for a page kind the registry has and the renderer's table lacks: a code error",
    "no-markdown": "raised only if a relocated kind (read from its own file) is asked for Markdown: a code error",
    "no-templates": "raised only if the build skipped on_config, which gives the renderer the theme's templates",
}


class _Refusals(ast.NodeVisitor):
    """Every ``PluginError(...)`` and ``<…>state.problems.append(...)`` call, with its function."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.scope: list[str] = []
        self.found: list[tuple[str, str, str]] = []

    def _enter(self, node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _enter

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        plugin_error = (isinstance(func, ast.Name) and func.id == "PluginError") or (
            isinstance(func, ast.Attribute) and func.attr == "PluginError"
        )
        problem = (
            isinstance(func, ast.Attribute)
            and func.attr == "append"
            and isinstance(func.value, ast.Attribute)
            and func.value.attr == "problems"
            and (
                (isinstance(func.value.value, ast.Name) and func.value.value.id == "state")
                or (isinstance(func.value.value, ast.Attribute) and func.value.value.attr == "state")
            )
        )
        if plugin_error or problem:
            message = " ".join(ast.unparse(arg) for arg in node.args)
            self.found.append((self.path, ".".join(self.scope), message))
        self.generic_visit(node)


def refusal_sites() -> list[tuple[str, str, str]]:
    """``(path, function, message code)`` of every place in src/lessonkit/ that refuses a project."""
    found: list[tuple[str, str, str]] = []
    for path in sorted(SRC.rglob("*.py")):
        visitor = _Refusals(path.relative_to(SRC).as_posix())
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        found += visitor.found
    return found


def _matches(site: Site, found: tuple[str, str, str]) -> bool:
    return (site.path, site.function) == found[:2] and site.phrase in found[2]


def test_every_refusal_site_is_listed():
    found = refusal_sites()
    assert found, "the scan found no refusal at all: is src/lessonkit/ where it was?"
    for place in found:
        names = [name for name, site in SITES.items() if _matches(site, place)]
        assert len(names) == 1, (
            f"the build refuses at {place[0]}:{place[1]} ({place[2]}), which SITES in tests/checker/test_parity.py "
            f"{'names twice' if names else 'does not name'}: add it, with an input in REFUSALS that the checker "
            "refuses with the same message"
            if not names
            else f"SITES names {place} as {names}"
        )
    for name, site in SITES.items():
        assert sum(_matches(site, place) for place in found) == 1, (
            f"SITES['{name}'] names no refusal of the build: {site}"
        )


def test_every_site_has_an_input_or_a_reason():
    covered = {name for refusal in REFUSALS for name in refusal.sites}
    assert covered | set(INTERNAL) == set(SITES)
    assert not covered & set(INTERNAL)


# --- what reaches them, and what the checker says --------------------------------------------------

CLASH = "conflicts with a page built from lessons/: remove it from docs/"


@dataclass(frozen=True)
class Refusal:
    """An input (``change`` applied to the parity project), the places of the build it reaches, the
    problems the checker reports for it, and the text the build's output holds (default: the problems'
    lines)."""

    name: str
    sites: tuple[str, ...]
    change: Callable[[Project], None]
    problems: tuple[P, ...]
    build_says: tuple[str, ...] = ()

    def said_by_the_build(self) -> tuple[str, ...]:
        return self.build_says or tuple(p.format() for p in self.problems)


def _unsafe_module(project: Project) -> None:
    project.replace(VI, "một điều quan trọng.", "một điều quan trọng. <script>alert(1)</script>")


def _picture_from_another_host(project: Project) -> None:
    project.replace(VI, "một điều quan trọng.", "một điều quan trọng. ![Bàn tay](https://example.org/hand.png)")


def _unsafe_docs_page(project: Project) -> None:
    project.replace("docs/index.en.md", "Lessons:", '<iframe src="https://example.org/"></iframe> Lessons:')


def _markup_in_a_title(project: Project) -> None:
    project.replace(EN, "title: My trusted adults", "title: My <b>trusted</b> adults")


def _empty_hotlines(project: Project) -> None:
    project.write(HELPLINES, project.read(HELPLINES).replace("hotlines:\n", "hotlines: []\nunused:\n", 1))


def _no_helplines(project: Project) -> None:
    project.path(HELPLINES).unlink()


def _clash(project: Project) -> None:
    for lang in ("vi", "en"):
        project.write(f"docs/lessons/primary/demo/index.{lang}.md", "---\ntitle: x\n---\n")


def _no_correct_option(project: Project) -> None:
    project.replace(VI, "- [x] Từ chối và kể ngay", "- [ ] Từ chối và kể ngay")
    project.replace(EN, "- [x] Say no and tell", "- [ ] Say no and tell")


def _misspelt_kind(project: Project) -> None:
    project.replace(EN, "/// step | Practice", "/// step | Practise")


def _misspelt_block(project: Project) -> None:
    project.replace("docs/index.vi.md", "Các bài học:", "/// studnet\nCác bài học:\n///\n")


NO_CORRECT = msg("quiz-no-correct").text()
PRACTICE_LINE = DEMO_EN.split("\n").index("/// step | Practice") + 1
MISSPELT_KIND = msg(
    "step-block.kind",
    kind="Practise",
    hint=msg("hint.did-you-mean", guess="Practice"),
    kinds="'Opening', 'New knowledge', 'Practice', 'Application'",
).text()
REFUSALS = [
    Refusal(
        "unsafe html in a module",
        ("page-safety",),
        _unsafe_module,
        (P(VI, 20, "error", "unsafe-html", msg("unsafe-html.script", tag="script").text()),),
    ),
    Refusal(
        "a picture from another host",
        ("page-safety",),
        _picture_from_another_host,
        (
            P(
                VI,
                20,
                "error",
                "unsafe-url",
                msg("unsafe-url.image", url="https://example.org/hand.png").text(),
            ),
        ),
    ),
    Refusal(
        "unsafe html in a docs page",
        ("page-safety",),
        _unsafe_docs_page,
        (P("docs/index.en.md", 5, "error", "unsafe-html", msg("unsafe-html.embed", tag="iframe").text()),),
    ),
    Refusal(
        "markup in a title",
        ("lessons-refused",),
        _markup_in_a_title,
        (P(EN, 2, "error", "front-matter-html", msg("front-matter-html", field="title", markup="<b>").text()),),
    ),
    Refusal(
        "empty hotlines",
        ("lessons-refused",),
        _empty_hotlines,
        (P(HELPLINES, 2, "error", "helplines-structure", msg("helplines-structure.hotlines").text()),),
    ),
    Refusal(
        "no helplines file",
        ("lessons-refused", "helplines-block"),
        _no_helplines,
        (P(HELPLINES, 1, "error", "helplines-missing", msg("helplines-missing").text()),),
    ),
    Refusal(
        "a docs page where a lesson page goes",
        ("page-clash",),
        _clash,
        (
            P("docs/lessons/primary/demo/index.en.md", 1, "error", "page-clash", msg("page-clash").text()),
            P("docs/lessons/primary/demo/index.vi.md", 1, "error", "page-clash", msg("page-clash").text()),
        ),
        build_says=("docs/lessons/primary/demo/index.en.md", CLASH),
    ),
    Refusal(
        "a quiz with no correct option",
        ("lessons-refused", "quiz-render", "render-problems"),
        _no_correct_option,
        (P(EN, Q1, "error", "quiz-no-correct", NO_CORRECT), P(VI, Q1, "error", "quiz-no-correct", NO_CORRECT)),
    ),
    Refusal(
        "a step block with a misspelt kind",
        ("lessons-refused", "step-render", "render-problems"),
        _misspelt_kind,
        (P(EN, PRACTICE_LINE, "error", "step-block", MISSPELT_KIND),),
    ),
    Refusal(
        "a block left as literal text",
        ("lessons-refused", "literal-block"),
        _misspelt_block,
        (
            P(
                "docs/index.vi.md",
                5,
                "error",
                "block-unknown",
                msg(
                    "block-unknown",
                    name="studnet",
                    known="admonition, details, family, helplines, quiz, step, student, tab, teacher",
                ).text(),
            ),
        ),
    ),
]


def test_the_parity_project_is_clean_and_builds(tmp_path):
    project = parity_project(tmp_path / "clean")
    expect(project)
    result = build(project.root, site=tmp_path / "site")
    assert result.returncode == 0, result.output
    assert (result.site / "lessons/primary/demo/index.html").is_file()


@pytest.mark.parametrize("refusal", REFUSALS, ids=[r.name for r in REFUSALS])
def test_the_checker_refuses(tmp_path, monkeypatch, refusal):
    project = parity_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    refusal.change(project)
    result = expect(project, *refusal.problems)
    assert result.rc == 1


@pytest.mark.parametrize("refusal", REFUSALS, ids=[r.name for r in REFUSALS])
def test_the_build_refuses_with_the_same_message(tmp_path, refusal):
    project = parity_project(tmp_path / "project")
    refusal.change(project)
    result = build(project.root, site=tmp_path / "site")
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    for text in refusal.said_by_the_build():
        assert text in result.output, f"the build did not say\n  {text}\nit said\n{result.output}"


# --- the words of render-time refusals ------------------------------------------------------------------


def _render(text: str, project: Project, lang: str = "vi") -> list[str]:
    """What the site's Markdown extension reports while rendering ``text`` in ``lang`` (the build turns it
    into an error)."""
    state = RenderState(lang=lang, helplines=check_project(project.root).helplines)
    markdown.Markdown(extensions=[LessonkitExtension(state)]).convert(text)
    return state.problems


def test_render_time_quiz_problems_are_the_checkers(tmp_path):
    project = parity_project(tmp_path)
    _no_correct_option(project)
    checker = {p.message for p in check_project(project.root).problems if p.code.startswith("quiz")}
    for rel, lang in ((VI, "vi"), (EN, "en")):
        body = project.read(rel).split("\n---\n", 1)[1]
        said = _render(body, project, lang)
        assert said, f"rendering {rel} reported nothing"
        assert all(any(m.endswith(": " + c) for c in checker) for m in said), (said, checker)


def test_render_time_step_problems_are_the_checkers(tmp_path):
    project = parity_project(tmp_path)
    _misspelt_kind(project)
    project.replace(VI, "Mục tiêu: HS luyện cách kể", "Muc tieu: HS luyện cách kể")
    checker = {p.message for p in check_project(project.root).problems if p.code.startswith("step")}
    assert len(checker) == 3, checker  # the kind; the misspelt label; so no aim
    for rel, lang in ((VI, "vi"), (EN, "en")):
        body = project.read(rel).split("\n---\n", 1)[1]
        said = _render(body, project, lang)
        assert said, f"rendering {rel} reported nothing"
        assert all(any(m.endswith(": " + c) for c in checker) for m in said), (said, checker)


def test_render_time_helplines_problem_is_refused_by_the_checker_first(tmp_path):
    project = parity_project(tmp_path)
    _no_helplines(project)
    assert _render(DOCS["docs/help.vi.md"].split("\n---\n", 1)[1], project) == [
        "helplines block: lessons/helplines.yml could not be read"
    ]
    assert [p.code for p in check_project(project.root).problems] == ["helplines-missing"]
