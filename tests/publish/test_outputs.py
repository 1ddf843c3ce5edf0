"""Publishing outputs of a build under a sub-path: sitemap, head links, JSON-LD, catalogue.json, 404, QR."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from lessonkit.model import load

from ..support import Build

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
MODULES = [("primary", "safe-secrets"), ("lower-secondary", "online-friends"), ("upper-secondary", "job-offers")]


class Head(HTMLParser):
    """The links and JSON-LD of a page, and every href/src of it."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.jsonld: list[str] = []
        self.urls: list[str] = []
        self.base: str | None = None
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "link":
            self.links.append(a)
        if tag == "base":
            self.base = a.get("href")
            return
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")
        for key in ("href", "src"):
            if key in a:
                self.urls.append(a[key])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data


def head(html: str) -> Head:
    parser = Head()
    parser.feed(html)
    return parser


def test_sitemap_lists_every_page_once_with_its_alternates(portal) -> None:
    base, site = portal
    tree = ElementTree.parse(site.site / "sitemap.xml")
    urls = tree.getroot().findall("s:url", NS)
    locs = [u.find("s:loc", NS).text for u in urls]
    assert len(locs) == len(set(locs))
    pages = {p.relative_to(site.site).as_posix() for p in site.site.rglob("*.html") if p.name != "404.html"}
    assert {loc[len(base) :] for loc in locs} == pages
    for url in urls:
        loc = url.find("s:loc", NS).text
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", NS)}
        assert set(alternates) == {"vi", "en", "x-default"}, loc
        assert loc in alternates.values() and alternates["x-default"] == alternates["vi"]
        assert all(href.startswith(base) for href in alternates.values())


def test_without_site_url_the_sitemap_has_no_address(basic_site: Build) -> None:
    root = ElementTree.parse(basic_site.site / "sitemap.xml").getroot()
    assert root.findall("s:url", NS) == [] and "None" not in (basic_site.site / "sitemap.xml").read_text()
    html = basic_site.page("lessons/primary/safe-secrets/index.html")
    assert not [link for link in head(html).links if link.get("rel") in ("alternate", "canonical")]


def test_each_page_links_its_language_versions(portal) -> None:
    base, site = portal
    for path in ("index.html", "en/lessons/primary/safe-secrets/quiz.html"):
        links = head(site.page(path)).links
        alternates = {
            link["hreflang"]: link["href"] for link in links if link.get("rel") == "alternate" and "hreflang" in link
        }
        assert alternates["vi"] == base + path.removeprefix("en/")
        assert alternates["en"] == base + ("en/" + path if not path.startswith("en/") else path)
        assert alternates["x-default"] == alternates["vi"]
        assert [link["href"] for link in links if link.get("rel") == "canonical"] == [base + path]


@pytest.mark.parametrize("level,module", MODULES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_lesson_page_json_ld_matches_the_front_matter(portal, level: str, module: str, lang: str) -> None:
    base, site = portal
    catalogue = load(site.project)
    found = catalogue.find(module)
    assert found is not None and catalogue.curriculum is not None
    fields = found.files[lang].fields
    prefix = "" if lang == "vi" else "en/"
    [data] = [json.loads(j) for j in head(site.page(f"{prefix}lessons/{level}/{module}/index.html")).jsonld]
    assert data["@context"] == "https://schema.org" and data["@type"] == "LearningResource"
    assert data["name"] == fields["title"] and data["description"] == " ".join(fields["description"].split())
    assert data["inLanguage"] == lang
    assert data["educationalLevel"] == catalogue.curriculum.levels[level].name[lang]
    low, high = catalogue.curriculum.age_range(fields["grades"])
    assert data["typicalAgeRange"] == f"{low}-{high}"
    assert data["timeRequired"] == f"PT{fields['duration']}M"
    # Objectives without their labels (Kiến thức: …, in a secondary module's front matter)
    objectives = [o.text for o in found.files[lang].objectives]
    assert data["teaches"] == objectives and not any(":" in text for text in objectives)
    if level == "upper-secondary":
        assert [o.kind for o in found.files[lang].objectives] == ["knowledge", "competence", "qualities"]
    assert data["learningResourceType"] and data["audience"]["@type"] == "EducationalAudience"
    assert data["url"] == f"{base}{prefix}lessons/{level}/{module}/index.html"
    other = "en" if lang == "vi" else "vi"
    other_url = f"{base}{'' if other == 'vi' else 'en/'}lessons/{level}/{module}/index.html"
    if lang == "vi":
        assert [w["@id"] for w in data["workTranslation"]] == [other_url]
    else:
        assert data["translationOfWork"]["@id"] == other_url and data["translationOfWork"]["inLanguage"] == "vi"
    [quiz] = [json.loads(j) for j in head(site.page(f"{prefix}lessons/{level}/{module}/quiz.html")).jsonld]
    assert quiz["@type"] == "Quiz" and quiz["inLanguage"] == lang
    assert quiz["assesses"] == objectives
    assert {t["name"] for t in quiz["about"]} == {catalogue.curriculum.topics[t].name[lang] for t in fields["topics"]}


def test_catalogue_json_gives_the_site_url(portal, basic_site: Build) -> None:
    base, site = portal
    assert json.loads(site.page("catalogue.json"))["site_url"] == base
    assert "site_url" not in json.loads(basic_site.page("catalogue.json"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_404_pages_in_both_languages(basic_site: Build, lang: str) -> None:
    prefix = "" if lang == "vi" else "en/"
    html = basic_site.page(f"{prefix}404.html")
    assert f'<html lang="{lang}"' in html
    assert ("Không tìm thấy trang" if lang == "vi" else "Page not found") in html
    assert 'href="tel:111"' in html
    hrefs = head(html).urls
    assert "index.html" in hrefs and "help.html" in hrefs


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.parametrize("urls", ["offline", "directory"])
def test_every_link_works_under_the_sub_path_404s_included(request, urls: str) -> None:
    """Crawl the served site from its home page: every page, asset and link answers 200; a missing
    address deep under the sub-path answers with the 404 page, whose own links and styles work too.
    With directory URLs off (``x.html``, the site's own setting) and on (``x/``)."""
    base, site = request.getfixturevalue("portal" if urls == "offline" else "pretty_portal")
    seen: set[str] = set()
    queue = [base, base + "en/", base + "lessons/primary/a/b/c/missing.html", base + "en/x/y/missing.html"]
    broken = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body = fetch(url)
        if status != 200 and "missing" not in url:
            broken.append((url, status))
            continue
        if "missing" in url:
            assert status == 404, url
        if not urlsplit(url).path.endswith((".html", "/")):
            continue
        page = head(body.decode("utf-8"))
        here = urljoin(url, page.base) if page.base else url
        for ref in page.urls:
            if ref.startswith(("tel:", "mailto:", "https://", "data:")):
                continue
            target = urljoin(here, ref).split("#", 1)[0]
            if target.startswith(base) and target not in seen:
                queue.append(target)
            elif target.startswith("http://127.0.0.1") and not target.startswith(base):
                broken.append((f"{url} -> {ref}", "outside the sub-path"))
    assert not broken, broken[:10]
    files = [p.relative_to(site.site).as_posix() for p in site.site.rglob("*.html")]
    if urls == "directory":  # a folder's index.html is linked as the folder
        files = [re.sub(r"(^|/)index\.html$", r"\1", f) for f in files]
    pages = {base + f for f in files}
    assert pages - seen == set()  # every page is reachable by links
    # A server shows 404.html for a missing address, whatever the URLs look like.
    assert (site.site / "404.html").is_file() and (site.site / "en" / "404.html").is_file()
    assert not (site.site / "404").exists() and not (site.site / "en" / "404").exists()


def test_qr_code_only_with_site_url(portal, basic_site: Build) -> None:
    base, site = portal
    html = site.page("lessons/primary/safe-secrets/index.html")
    figure = re.search(r'<figure class="lk-qr">(.*?)</figure>', html, re.S)
    assert figure is not None
    assert f'href="{base}lessons/primary/safe-secrets/quiz.html"' in figure.group(1)
    assert "<svg" in figure.group(1) and 'role="img"' in figure.group(1)
    assert "lk-qr" not in basic_site.page("lessons/primary/safe-secrets/index.html")
