"""csp.py: the policy, and the hashes of exactly the inline scripts a page has."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from lessonkit import csp


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def test_the_policy_allows_nothing_from_another_host() -> None:
    policy = csp.policy()
    assert policy.startswith("default-src 'none'; script-src 'self' " + csp.HASHES)
    assert "http" not in policy and "*" not in policy and "'unsafe-eval'" not in policy
    assert "worker-src 'none'" in policy and "frame-src 'none'" in policy


def trusted(tmp_path: Path, *scripts: str) -> csp.TemplateScripts:
    (tmp_path / "main.html").write_text("".join(f"<script>{body}</script>" for body in scripts), encoding="utf-8")
    return csp.TemplateScripts.load([tmp_path])


def test_the_templates_scripts_are_trusted_with_site_settings_only(tmp_path: Path) -> None:
    scripts = trusted(tmp_path, "a()", 'go("{{ base_url }}")', "x({{ page.title }})", "{% if a %}b(){% endif %}")
    assert scripts.trusts("a()") and scripts.trusts('go("../..")')
    assert not scripts.trusts('go("a"b")')  # a setting's value holds no quote
    assert not scripts.trusts("x(1)") and not scripts.trusts("b()")  # page data or a statement: not trusted


def test_only_trusted_inline_javascript_is_hashed_once_each(tmp_path: Path) -> None:
    html = (
        "<script>a()</script><script src='x.js'></script>"
        '<script type="application/ld+json">{"a":1}</script><script type="module">b()</script>'
        "<SCRIPT>a()</SCRIPT><script>injected()</script>"
    )
    assert csp.script_hashes(html, trusted(tmp_path, "a()", "b()")) == [sha("a()"), sha("b()")]


def test_apply_fills_in_the_placeholder_of_the_page(tmp_path: Path) -> None:
    page = f"<meta content=\"script-src 'self' {csp.HASHES}\"><script>x=1</script>"
    assert csp.apply(page, trusted(tmp_path, "x=1")) == (
        f"<meta content=\"script-src 'self' {sha('x=1')}\"><script>x=1</script>"
    )
    assert csp.apply("<p>no policy</p>", csp.TemplateScripts()) == "<p>no policy</p>"
