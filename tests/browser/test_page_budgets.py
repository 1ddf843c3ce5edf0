"""The page budgets of tests/budgets.yml, on the repository's own site (built once, ``real_site``).

Every page's HTML is measured on disk; a first visit to each kind's sample page, in both languages,
in Chromium with an empty cache, over HTTP with gzip, measured as the benchmark measures it
(``scripts/wire.py``): every request, its headers and body as they came over the wire. A first visit
must also show no console error, no failed request and no request to another host.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from lessonkit.model import load
from scripts.wire import GzipServer, first_visit

from ..support import REPO

BUDGETS = yaml.safe_load((REPO / "tests" / "budgets.yml").read_text(encoding="utf-8"))["kinds"]
PATTERNS = {kind: re.compile(spec["pattern"]) for kind, spec in BUDGETS.items()}
CATALOGUE = load(REPO)


def kind_of(path: str) -> list[str]:
    """The kinds whose pattern matches the page at ``path`` (relative to the site)."""
    own = path[3:] if path.startswith("en/") else path
    return [kind for kind, pattern in PATTERNS.items() if pattern.search(own)]


def modules_listed(kind: str, path: str) -> int:
    """How many modules the page lists: a catalogue or a booklet its level's, the overview all, others none."""
    own = path[3:] if path.startswith("en/") else path
    if kind in ("catalogue", "booklet"):
        return len(CATALOGUE.by_level(own.split("/")[1]))
    if kind == "overview":
        return len(CATALOGUE.modules)
    return 0


def budget(kind: str, measure: str, path: str) -> int:
    spec = BUDGETS[kind]
    return spec[measure] + spec.get(f"{measure}_per_module", 0) * modules_listed(kind, path)


@pytest.fixture(scope="module")
def gzip_site(real_site):
    with GzipServer(real_site.site) as server:
        yield server.base


def test_every_page_is_of_one_kind(real_site) -> None:
    pages = [p.relative_to(real_site.site).as_posix() for p in real_site.site.rglob("*.html")]
    assert pages
    wrong = {page: kinds for page in pages if len(kinds := kind_of(page)) != 1}
    assert not wrong, f"pages of no kind or of several in tests/budgets.yml: {wrong}"
    for kind, spec in BUDGETS.items():
        assert kind_of(spec["sample"]) == [kind], f"{kind}: its sample {spec['sample']} is not of its kind"
        assert (real_site.site / spec["sample"]).is_file(), spec["sample"]


def test_every_page_fits_its_html_budget(real_site) -> None:
    over = []
    for page in sorted(real_site.site.rglob("*.html")):
        path = page.relative_to(real_site.site).as_posix()
        (kind,) = kind_of(path)
        size, limit = page.stat().st_size, budget(kind, "html", path)
        if size > limit:
            over.append(f"{path} ({kind}): {size} bytes of HTML, budget {limit}")
    assert not over, "\n".join(over)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", sorted(BUDGETS))
def test_first_visit_fits_its_budget(browser, real_site, gzip_site, kind: str, lang: str) -> None:
    path = ("en/" if lang == "en" else "") + BUDGETS[kind]["sample"]
    if not (real_site.site / path).is_file():
        pytest.skip(f"the site has no {path}")
    visit = first_visit(browser, f"{gzip_site}/{path}")
    assert not visit.problems, visit.problems
    assert not [u for u in visit.urls if "/search/" in urlsplit(u).path], "a first visit loads no search data"
    limit = budget(kind, "first_visit", path)
    assert visit.bytes <= limit, (
        f"{path}: {visit.bytes} bytes on the wire in {len(visit.urls)} requests, budget {limit}: {visit.urls}"
    )
