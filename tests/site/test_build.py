"""The basic sample project built with --strict: pages, URLs, switcher, catalogues, navigation."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from ..support import Build, build, copy_project

MODULES = [("primary", "safe-secrets"), ("lower-secondary", "online-friends"), ("upper-secondary", "job-offers")]


class Links(HTMLParser):
    """Collects ``<a>`` hrefs with their text and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[dict[str, str]] = []
        self._current: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._current = {k: v or "" for k, v in attrs}
            self._current["text"] = ""
            self.anchors.append(self._current)

    def handle_data(self, data):
        if self._current is not None:
            self._current["text"] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._current = None


def anchors(html: str) -> list[dict[str, str]]:
    parser = Links()
    parser.feed(html)
    return parser.anchors


@pytest.mark.parametrize("level,module", MODULES)
def test_every_module_at_both_urls(basic_site: Build, level: str, module: str) -> None:
    for prefix in ("", "en/"):
        assert (basic_site.site / f"{prefix}lessons/{level}/{module}/index.html").is_file()
        assert (basic_site.site / f"{prefix}lessons/{level}/{module}/quiz.html").is_file()
    assert (basic_site.site / f"lessons/{level}/index.html").is_file()
    assert (basic_site.site / f"en/lessons/{level}/index.html").is_file()


def test_pages_are_in_their_language(basic_site: Build) -> None:
    vi = basic_site.page("lessons/primary/safe-secrets/index.html")
    en = basic_site.page("en/lessons/primary/safe-secrets/index.html")
    assert '<html lang="vi"' in vi and "Bí mật an toàn" in vi and "Dành cho giáo viên" in vi
    assert '<html lang="en"' in en and "Safe secrets" in en and "For the teacher" in en
    assert "Bí mật an toàn" not in en


def test_language_switcher_links_the_same_page(basic_site: Build) -> None:
    vi = anchors(basic_site.page("lessons/primary/safe-secrets/index.html"))
    en = anchors(basic_site.page("en/lessons/primary/safe-secrets/index.html"))
    to_en = [a["href"] for a in vi if a.get("hreflang") == "en"]
    to_vi = [a["href"] for a in en if a.get("hreflang") == "vi"]
    assert to_en == ["../../../en/lessons/primary/safe-secrets/index.html"]
    assert to_vi == ["../../../../lessons/primary/safe-secrets/index.html"]


def test_catalogue_lists_modules_from_front_matter(basic_site: Build) -> None:
    vi = basic_site.page("lessons/primary/index.html")
    en = basic_site.page("en/lessons/primary/index.html")
    for expected in (
        "Bí mật an toàn",
        "Bài mẫu về Bí mật an toàn cho lớp 1, 2, 3.",
        "1, 2, 3",
        "6–9 tuổi",
        "35 phút (1 tiết)",
        "Hoạt động trải nghiệm",
        "<strong>Hình thức tổ chức:</strong> Sinh hoạt lớp",
        "Người lớn tin cậy, Tìm kiếm sự giúp đỡ",
    ):
        assert expected in vi, expected
    for expected in (
        "Safe secrets",
        "6–9 years",
        "35 minutes (1 period)",
        "Experiential activities",
        "<strong>Form of activity:</strong> Class meeting",
        "Trusted adults, Asking for help",
    ):
        assert expected in en, expected
    # At primary the activity has its primary name (curriculum.yml level_names); at lower secondary the other.
    assert "hướng nghiệp" not in vi and "career-guidance" not in en
    lower = basic_site.page("lessons/lower-secondary/index.html")
    assert "Hoạt động trải nghiệm, hướng nghiệp" in lower and "Hình thức tổ chức" not in lower
    assert "35 phút" in lower and "tiết" not in lower  # no period given for the level: minutes only
    hrefs = [a["href"] for a in anchors(vi)]
    assert "safe-secrets/index.html" in hrefs and "safe-secrets/quiz.html" in hrefs
    upper = basic_site.page("lessons/upper-secondary/index.html")
    assert "15–18 tuổi" in upper and "Lời mời việc làm" in upper


def test_home_links_the_levels(basic_site: Build) -> None:
    hrefs = [a["href"] for a in anchors(basic_site.page("index.html"))]
    for level, _ in MODULES:
        assert f"lessons/{level}/index.html" in hrefs


def test_navigation_names_levels_in_the_page_language(basic_site: Build) -> None:
    vi = basic_site.page("lessons/primary/safe-secrets/index.html")
    en = basic_site.page("en/lessons/primary/safe-secrets/index.html")
    nav_vi = vi[vi.index('<nav class="md-nav md-nav--primary"') :]
    nav_en = en[en.index('<nav class="md-nav md-nav--primary"') :]
    for name in ("Tiểu học", "Trung học cơ sở", "Trung học phổ thông"):
        assert name in nav_vi
    for name in ("Primary school", "Lower secondary school", "Upper secondary school"):
        assert name in nav_en
    assert "Tiểu học" not in nav_en[: nav_en.index("</nav>")]


def test_lesson_page_has_card_quiz_and_teacher_notes(basic_site: Build) -> None:
    html = basic_site.page("lessons/lower-secondary/online-friends/index.html")
    assert 'class="lk-page lk-page--lesson"' in html
    assert "11–13 tuổi" in html  # grades 6 and 7, derived from curriculum.yml ages
    assert html.count('data-lk-question=""') == 5
    assert "GHI-CHU-GIAO-VIEN" in html and "THONG-DIEP-HOC-SINH" in html
    assert 'href="quiz.html"' in html


def test_student_page_has_student_blocks_and_quiz_only(basic_site: Build) -> None:
    html = basic_site.page("lessons/lower-secondary/online-friends/quiz.html")
    assert 'class="lk-page lk-page--student"' in html
    assert "THONG-DIEP-HOC-SINH" in html
    assert "GHI-CHU-GIAO-VIEN" not in html
    assert html.count('data-lk-question=""') == 5
    assert html.count("data-lk-summary") == 1
    assert "md-footer__link" not in html  # not in the navigation: no previous/next links
    help_box = html[html.index('class="lk-help"') :]
    assert "người lớn tin cậy" in help_box[:400] and 'href="tel:111"' in help_box[:400]
    en = basic_site.page("en/lessons/lower-secondary/online-friends/quiz.html")
    assert "PUPIL-MESSAGE" in en and "TEACHER-NOTE" not in en and ">Check<" in en


def test_help_page_reads_the_helplines_data(basic_site: Build) -> None:
    vi = basic_site.page("help.html")
    en = basic_site.page("en/help.html")
    assert 'href="tel:111"' in vi and "Tổng đài quốc gia bảo vệ trẻ em" in vi
    assert 'href="tel:111"' in en and "National child protection hotline" in en


RE_URL = re.compile(r"https?://[^\s\"'<>)]+")
# Comments, including licence comments inside inline SVG icons of stylesheets ("\3c !-- … -->").
RE_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|\\3c !--.*?-->", re.S)
# What makes a browser fetch by itself: src-like attributes, <link href>, CSS url() and @import.
RE_LOADING_ATTR = re.compile(
    r"\b(?:src|srcset|data|poster|action|formaction|background)\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)", re.I
)
RE_LINK_TAG = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", re.I)
RE_CSS_URL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])((?:https?:)?//[^\"')\s]+)", re.I)
XML_NAMESPACES = ("http://www.w3.org/",)


def assert_self_contained(build: Build) -> None:
    """No page or stylesheet makes the browser fetch anything from another host (docs/reference.en.md#layout)."""
    for path in build.site.rglob("*"):
        if path.suffix not in (".html", ".css", ".svg"):
            continue
        text = RE_COMMENT.sub("", path.read_text(encoding="utf-8"))
        found = RE_LOADING_ATTR.findall(text) + RE_LINK_TAG.findall(text) + RE_CSS_URL.findall(text)
        found = [url for url in found if not url.startswith(XML_NAMESPACES)]
        assert not found, f"{path.relative_to(build.site)} loads {found[:3]}"


def test_no_request_to_another_host_in_any_page_or_stylesheet(basic_site: Build) -> None:
    """Spec §1: a built page loads nothing from another host; <a href> to a source is the reader's choice."""
    assert_self_contained(basic_site)


def test_the_real_site_is_self_contained(real_site: Build) -> None:
    assert_self_contained(real_site)


def test_the_check_finds_a_page_that_loads_from_another_host(basic_site: Build, tmp_path) -> None:
    import shutil

    copy = Build(basic_site.project, tmp_path / "site", 0, "")
    shutil.copytree(basic_site.site, copy.site)
    page = copy.site / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</head>", '<img src="https://example.org/x.png"></head>'),
        encoding="utf-8",
    )
    with pytest.raises(AssertionError, match=r"example\.org"):
        assert_self_contained(copy)


def test_our_scripts_refer_to_no_host(basic_site: Build) -> None:
    for name in ("assets/lessonkit/quiz.js", "assets/lessonkit/quiz.css", "assets/lessonkit/site.css", "assets/lessonkit/site.js",
                 "assets/lessonkit/search.js", "search/engine.js"):
        text = (basic_site.site / name).read_text(encoding="utf-8")
        assert not RE_URL.search(RE_COMMENT.sub("", text)), name
    for path in basic_site.site.rglob("*.html"):
        assert "unpkg.com" not in path.read_text(encoding="utf-8"), path


def test_the_site_holds_only_its_own_search_index(basic_site: Build) -> None:
    assert sorted(p.name for p in (basic_site.site / "search").iterdir()) == ["en", "engine.js", "search.css", "vi"]
    assert not list(basic_site.site.rglob("search_index.json"))  # the theme's, never read


def test_overview_shows_grades_and_topics_covered(basic_site: Build) -> None:
    vi = basic_site.page("lessons/index.html")
    en = basic_site.page("en/lessons/index.html")
    assert "Tổng quan chương trình" in vi and "Curriculum overview" in en
    # Grade 4 has no module in the sample: the department sees the gap.
    row = re.search(r"<tr>\s*<td>4</td>.*?</tr>", vi, re.S)
    assert row and "chưa có bài" in row.group(0)
    row = re.search(r"<tr>\s*<td>6</td>.*?</tr>", en, re.S)
    assert row and "Online friends" in row.group(0) and "none yet" not in row.group(0)


def test_catalogue_json_for_the_department(basic_site: Build) -> None:
    import json

    data = json.loads(basic_site.page("catalogue.json"))
    by_id = {m["id"]: m for m in data["modules"]}
    assert set(by_id) == {module for _, module in MODULES}
    lower = by_id["online-friends"]
    assert lower["grades"] == [6, 7] and lower["ages"] == [11, 13] and lower["questions"] == 5
    assert lower["title"] == {"vi": "Bạn trên mạng", "en": "Online friends"}
    assert lower["url"]["en"] == "en/lessons/lower-secondary/online-friends/index.html"
    assert by_id["safe-secrets"]["form"] == "class-meeting" and lower["form"] is None
    assert data["forms"]["class-meeting"] == {"vi": "Sinh hoạt lớp", "en": "Class meeting"}
    levels = {level["key"]: level for level in data["levels"]}
    assert levels["primary"]["period"] == 35 and levels["lower-secondary"]["period"] is None
    assert levels["primary"]["subjects"]["experiential-activities"]["vi"] == "Hoạt động trải nghiệm"
    assert levels["lower-secondary"]["subjects"]["experiential-activities"]["vi"].endswith("hướng nghiệp")
    assert "ethics" in levels["primary"]["subjects"] and "ethics" not in levels["lower-secondary"]["subjects"]
    for module in data["modules"]:
        for lang in ("vi", "en"):
            assert (basic_site.site / module["url"][lang]).is_file()
            assert (basic_site.site / module["student_url"][lang]).is_file()


def test_every_page_says_where_to_get_help(basic_site: Build) -> None:
    """The banner reads lessons/helplines.yml: the main hotline and a link to the help page."""
    for path, lang_text, link in (
        ("index.html", "Cần giúp đỡ?", "help.html"),
        ("en/lessons/primary/safe-secrets/quiz.html", "Need help?", "../../../help.html"),
    ):
        html = basic_site.page(path)
        banner = html[html.index('class="lk-banner"') :]
        banner = banner[: banner.index("</p>")]
        assert lang_text in banner and 'href="tel:111"' in banner and f'href="{link}"' in banner


def test_module_images_are_published_once_for_both_languages(basic_site: Build) -> None:
    assert (basic_site.site / "lessons/primary/safe-secrets/images/hand.png").is_file()
    vi = basic_site.page("lessons/primary/safe-secrets/index.html")
    en = basic_site.page("en/lessons/primary/safe-secrets/index.html")
    assert 'src="images/hand.png"' in vi
    assert 'src="../../../../lessons/primary/safe-secrets/images/hand.png"' in en


def test_lesson_page_lists_its_sources(basic_site: Build) -> None:
    vi = basic_site.page("lessons/primary/safe-secrets/index.html")
    en = basic_site.page("en/lessons/primary/safe-secrets/index.html")
    assert "Nguồn tham khảo" in vi and '<a href="https://tongdai111.vn/">Tổng đài quốc gia bảo vệ trẻ em 111</a>' in vi
    assert "Sources" in en and '<a href="https://tongdai111.vn/">National child protection hotline 111</a>' in en
    assert "lk-sources" not in basic_site.page("lessons/primary/safe-secrets/quiz.html")


def test_a_clean_build_says_what_it_did_in_a_few_lines(basic_site: Build) -> None:
    """What was built, how long, where (issue 18: about 150 INFO lines on pages left out of nav)."""
    lines = [line for line in basic_site.output.splitlines() if line.strip()]
    assert not any("not included in the" in line for line in lines), lines
    assert len(lines) <= 4 and any("Documentation built in" in line for line in lines), lines


def test_a_real_warning_stands_out(tmp_path) -> None:
    """MkDocs' own warnings are not hidden: a broken link in a site page shows, and fails --strict."""
    project = copy_project("basic", tmp_path)
    page = project / "docs" / "help.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[More](no-such-page.md)\n", encoding="utf-8")
    result = build(project, strict=False)
    lines = [line for line in result.output.splitlines() if line.strip()]
    warnings = [line for line in lines if line.startswith("WARNING")]
    assert result.returncode == 0 and len(warnings) == 1 and "no-such-page.md" in warnings[0], lines
    assert len(lines) <= 6, lines
    assert build(project, site=tmp_path / "strict").returncode == 1

