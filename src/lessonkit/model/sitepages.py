"""The site's own pages in ``docs/``: every page in every language, blocks and quizzes well formed, and
nothing in them that runs code or loads another page (docs/reference.en.md#blocks, #page-safety)."""

from __future__ import annotations

from pathlib import Path

from .messages import language_name, msg
from .module import read_markdown
from .problems import ProblemList
from .safety import check_front_matter_text


def check_site_pages(root: Path, docs_dir: str, languages: tuple[str, ...]) -> ProblemList:
    """Problems of ``docs/``: a page missing in a language, a broken block or quiz, no title, markup in
    the title or description (what the body renders to is :mod:`lessonkit.safety.rendered`'s to check).

    Pages under ``docs/lessons/`` are checked like the others; whether one of them clashes with a page
    the build makes from ``lessons/`` is :func:`lessonkit.model.project.check_clashes`' to say.
    """
    problems = ProblemList()
    base = root / docs_dir
    if not base.is_dir():
        return problems
    pages: dict[str, set[str]] = {}
    for path in sorted(base.rglob("*.md")):
        rel_docs = path.relative_to(base).as_posix()
        parts = path.name.split(".")
        lang = parts[-2] if len(parts) >= 3 else None
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        if lang not in languages:
            problems.error(
                rel, 1, "page-language", msg("page-language", stem=path.stem, first=languages[0], second=languages[-1])
            )
            continue
        stem = rel_docs[: -len(f".{lang}.md")]
        pages.setdefault(stem, set()).add(lang)
        page = read_markdown(path, rel, lang)
        problems.extend(page.problems)
        check_front_matter_text(page, problems)
        if page.meta is not None and not (isinstance(page.fields.get("title"), str) and page.fields["title"].strip()):
            problems.error(rel, 1, "page-title", msg("page-title"))
    for stem, langs in pages.items():
        present = sorted(langs)[0]
        for lang in languages:
            if lang not in langs:
                problems.error(
                    f"{docs_dir}/{stem}.{present}.md",
                    1,
                    "missing-language",
                    msg("missing-language.page", language=language_name(lang), stem=stem, lang=lang),
                )
    return problems
