"""``sitemap.xml``: every page once, with its absolute address under ``site_url`` and its language versions.

Without ``site_url`` there is no address to give, so the sitemap lists none rather than a wrong one.
No dates are written: a sitemap without ``lastmod`` keeps two builds of one commit identical.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap_xml(site_url: str | None, pages: list[dict[str, str]], default_language: str) -> str:
    """The sitemap of ``pages``: each a mapping language -> address relative to the site root (one entry
    per language version, each listing all versions and ``x-default``, the default language's)."""
    if not site_url:
        return HEADER + "</urlset>\n"
    base = site_url if site_url.endswith("/") else site_url + "/"
    out = [HEADER]
    for versions in sorted(pages, key=lambda v: v.get(default_language) or next(iter(v.values()))):
        alternates = [(lang, base + url) for lang, url in versions.items()]
        default = versions.get(default_language)
        if default is not None:
            alternates.append(("x-default", base + default))
        for _lang, url in versions.items():
            out.append(f"  <url>\n    <loc>{escape(base + url)}</loc>\n")
            if len(versions) > 1:
                for code, href in alternates:
                    out.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(href)}/>\n')
            out.append("  </url>\n")
    out.append("</urlset>\n")
    return "".join(out)
