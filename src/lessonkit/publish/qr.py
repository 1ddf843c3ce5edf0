"""QR codes of the pupils' pages, made at build time (``segno``, no outside service), as inline SVG."""

from __future__ import annotations

import io

import segno
from markupsafe import Markup


def qr_svg(url: str, label: str, scale: int = 6) -> Markup:
    """An inline SVG QR code of ``url``: dark on light with a quiet zone, about 250 px wide for a
    typical address (large enough to scan from a projected screen), named ``label`` for screen readers."""
    code = segno.make_qr(url, error="m")
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        scale=scale,
        border=4,
        dark="#000",
        light="#fff",
        xmldecl=False,
        svgns=True,
        title=label,
        svgclass="lk-qr__code",
        lineclass=None,
        omitsize=False,
        nl=False,
    )
    svg = out.getvalue().decode("utf-8")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))
