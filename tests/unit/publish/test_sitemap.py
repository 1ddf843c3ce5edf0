"""publish/sitemap.py: every language version with absolute addresses, or none without site_url."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from lessonkit.publish.sitemap import sitemap_xml

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
PAGES = [{"vi": "help.html", "en": "en/help.html"}, {"vi": "index.html", "en": "en/index.html"}, {"en": "en/only.html"}]


def test_without_a_site_url_no_address_is_listed() -> None:
    root = etree.fromstring(sitemap_xml(None, PAGES, "vi"))
    assert root.findall("s:url", NS) == []


def test_each_version_lists_every_version_and_x_default() -> None:
    root = etree.fromstring(sitemap_xml("https://portal.example/pc", PAGES, "vi"))
    urls = root.findall("s:url", NS)
    locs = [u.find("s:loc", NS).text for u in urls]
    assert locs == [  # in the order of the default language's addresses (else the first)
        "https://portal.example/pc/en/only.html",
        "https://portal.example/pc/help.html",
        "https://portal.example/pc/en/help.html",
        "https://portal.example/pc/index.html",
        "https://portal.example/pc/en/index.html",
    ]
    links = [(a.get("hreflang"), a.get("href")) for a in urls[2].findall("x:link", NS)]
    assert links == [
        ("vi", "https://portal.example/pc/help.html"),
        ("en", "https://portal.example/pc/en/help.html"),
        ("x-default", "https://portal.example/pc/help.html"),
    ]
    assert urls[0].findall("x:link", NS) == []  # one version: no alternates


def test_two_calls_give_the_same_bytes_without_dates() -> None:
    text = sitemap_xml("https://p.example/", PAGES, "vi")
    assert text == sitemap_xml("https://p.example/", list(reversed(PAGES)), "vi") and "lastmod" not in text
