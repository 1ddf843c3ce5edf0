"""Built pages without the templates' indentation: white space that is content stays."""

from __future__ import annotations

from lessonkit.compact import compact_html


def test_indentation_and_blank_lines_go_line_breaks_stay() -> None:
    html = "<ul>\n    <li>\n      <a href='x'>Một</a>\n\n\n    </li>\n  </ul>\n  <p>hai\n     ba</p>"
    assert compact_html(html) == "<ul>\n<li>\n<a href='x'>Một</a>\n</li>\n</ul>\n<p>hai\nba</p>"


def test_preformatted_text_scripts_and_styles_are_kept() -> None:
    kept = (
        "<pre><code>def f():\n    return 1\n\n</code></pre>",
        "<textarea>\n  a\n    b</textarea>",
        "<script>var s = `a\n   b`;</script>",
        "<STYLE>\n  p { color: red }\n</STYLE>",
    )
    html = "\n    ".join(("<div>",) + kept + ("</div>",))
    assert compact_html(html) == "\n".join(("<div>",) + kept + ("</div>",))


def test_the_same_input_gives_the_same_output() -> None:
    html = "<p>\n   x</p>" * 3
    assert compact_html(html) == compact_html(html) == "<p>\nx</p>" * 3
