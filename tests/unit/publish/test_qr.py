"""publish/qr.py: an inline SVG QR code, named for screen readers."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import segno

from lessonkit.publish.qr import qr_svg


def test_the_code_is_an_svg_named_for_screen_readers() -> None:
    svg = qr_svg("https://portal.example/pc/lessons/primary/x/quiz.html", 'Mã QR "trang học sinh" <em>')
    root = etree.fromstring(str(svg))
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("role") == "img"
    assert root.get("aria-label") == 'Mã QR "trang học sinh" <em>'
    assert root.get("class") == "lk-qr__code"
    assert root.find("{http://www.w3.org/2000/svg}title").text == 'Mã QR "trang học sinh" <em>'


def test_the_size_follows_the_code_and_the_scale() -> None:
    url = "https://portal.example/pc/en/lessons/primary/x/quiz.html"
    width, _ = segno.make_qr(url, error="m").symbol_size(scale=6, border=4)
    root = etree.fromstring(str(qr_svg(url, "QR")))
    assert int(root.get("width")) == width
    assert int(etree.fromstring(str(qr_svg(url, "QR", scale=3))).get("width")) == width // 2
    assert qr_svg(url, "QR") != qr_svg(url + "?x", "QR")
