"""csp.py: the policy, and the hashes of exactly the inline scripts a page has."""

from __future__ import annotations

import base64
import hashlib

from lessonkit import csp


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def test_the_policy_allows_nothing_from_another_host() -> None:
    policy = csp.policy()
    assert policy.startswith("default-src 'none'; script-src 'self' " + csp.HASHES)
    assert "http" not in policy and "*" not in policy and "'unsafe-eval'" not in policy
    assert "worker-src 'none'" in policy and "frame-src 'none'" in policy


def test_only_inline_javascript_is_hashed_once_each() -> None:
    html = (
        "<script>a()</script><script src='x.js'></script>"
        '<script type="application/ld+json">{"a":1}</script><script type="module">b()</script>'
        "<SCRIPT>a()</SCRIPT>"
    )
    assert csp.script_hashes(html) == [sha("a()"), sha("b()")]


def test_apply_fills_in_the_placeholder_of_the_page() -> None:
    page = f"<meta content=\"script-src 'self' {csp.HASHES}\"><script>x=1</script>"
    assert csp.apply(page) == f"<meta content=\"script-src 'self' {sha('x=1')}\"><script>x=1</script>"
    assert csp.apply("<p>no policy</p>") == "<p>no policy</p>"
