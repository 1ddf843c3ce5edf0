"""The search index built at build time: words, sections, the file format, determinism, languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessonkit.minify import minified
from lessonkit.search import SearchIndex, strings_for
from lessonkit.search.index import ALPHABET, HALF, LAZY_ASSETS, shard_file, shard_key, snippet, varint
from lessonkit.search.text import drop_hidden, fold, plain_text, sections, tokens

STRINGS = {lang: strings_for(lang) for lang in ("vi", "en")}

RE_SCRIPT = re.compile(r'^lkSearch\("([^"]+)","([^"]+)",(.*)\);\n$', re.S)


def read(path: Path) -> tuple[str, str, object]:
    """(language, name, data) of one index file, checking that it is a single lkSearch call."""
    match = RE_SCRIPT.match(path.read_text(encoding="utf-8"))
    assert match, path
    return match.group(1), match.group(2), json.loads(match.group(3))


def numbers(text: str, pairs: bool = False) -> list[int] | list[tuple[int, int]]:
    """The reference decoder of the format (the browser's is in assets/search.js)."""
    out: list = []
    value, shift, total, i = 0, 1, 0, 0
    while i < len(text):
        digit = ALPHABET.index(text[i])
        if digit >= HALF:
            value += (digit - HALF) * shift
            shift *= HALF
        else:
            total += value + digit * shift
            value, shift = 0, 1
            if pairs:
                i += 1
                out.append((total, ALPHABET.index(text[i])))
            else:
                out.append(total)
        i += 1
    return out


# -- words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Người", "nguoi"),
        ("ĐƯỜNG", "duong"),
        ("đ", "d"),
        ("cậy", "cay"),
        ("cây", "cay"),
        ("naïve", "naive"),
        ("Hải Phòng", "hai phong"),
        ("111", "111"),
    ],
)
def test_fold_drops_diacritics_and_reads_d_bar_as_d(word: str, key: str) -> None:
    assert fold(word) == key


def test_tokens_are_lowercase_nfc_runs_of_letters_and_digits() -> None:
    decomposed = "Ngu\u031bo\u031b\u0300i lo\u031b\u0301n"  # "Người lớn" typed with combining marks
    assert tokens(decomposed) == ["người", "lớn"]
    assert tokens("Tin cậy—gọi 111, e_mail; grown-ups!") == ["tin", "cậy", "gọi", "111", "e", "mail", "grown", "ups"]


def test_plain_text_joins_inline_tags_and_separates_blocks() -> None:
    assert (
        plain_text("<p>gi<em>ữ</em> an <strong>toàn</strong></p><p>kể&nbsp;lại &amp; gọi</p>")
        == "giữ an toàn kể lại & gọi"
    )
    assert plain_text("<li>một</li><li>hai</li>") == "một hai"


def test_hidden_and_excluded_elements_are_left_out() -> None:
    html = (
        "a<div hidden><div>x</div>y</div>b<input hidden>c<p data-search-exclude>z</p>d"
        '<span class="hiddenness">k</span><section hidden="hidden"><h2 id="s">S</h2>'
    )
    assert drop_hidden(html) == 'a b c d<span class="hiddenness">k</span> '


def test_sections_cut_at_h2_and_h3_with_an_id() -> None:
    html = (
        '<p>Mở đầu</p><script>var x = "không";</script><h2 id="chu%E1%BA%A9n-b%E1%BB%8B">Chuẩn <em>bị</em></h2>'
        '<p>Giấy</p><h3>Không có id</h3><p>bút</p><h3 id="b&amp;c">Bước 1</h3><p>Kể</p>'
    )
    found = sections(html, "Tiêu đề")
    assert [(s.anchor, s.title, s.text) for s in found] == [
        ("", "Tiêu đề", "Mở đầu"),
        ("chu%E1%BA%A9n-b%E1%BB%8B", "Chuẩn bị", "Giấy Không có id bút"),
        ("b&c", "Bước 1", "Kể"),
    ]


# -- the format ----------------------------------------------------------------------------------


@given(st.lists(st.integers(min_value=0, max_value=10**9), max_size=50))
def test_varints_read_back_in_sequence(values: list[int]) -> None:
    text = "".join(varint(v) for v in values)
    sums = numbers(text)
    assert [b - a for a, b in zip([0] + sums, sums, strict=False)] == values


def test_shard_names() -> None:
    assert shard_key("nguoi") == "ng" and shard_key("a") == "a"
    assert shard_key("nguoi", {"ng"}) == "ngu" and shard_key("ng", {"ng"}) == "ng" and shard_key("nhe", {"ng"}) == "nh"
    assert shard_file("ng") == "ng" and shard_file("1a") == "1a"
    assert shard_file("ßt") == "_c39f74"


def test_snippet_cuts_after_a_word() -> None:
    assert snippet("ngắn") == "ngắn"
    text = "Em nhận ra những người lớn có thể giúp em " * 10
    cut = snippet(text, 40)
    assert cut.endswith("…") and len(cut) <= 41 and text.startswith(cut[:-1])


VI = {
    "lessons/primary/trusted-adults/index.html": (
        "Người lớn tin cậy của em",
        '<p>Em kể với người lớn tin cậy.</p><h2 id="cay">Cây bạn bè</h2><p>Mỗi em vẽ một cây.</p>',
    ),
    "help.html": ("Trợ giúp", '<p>Gọi 111.</p><h2 id="ai">Kể với ai?</h2><p>Người lớn tin cậy ở trường.</p>'),
}


def build_index(order: list[str]) -> SearchIndex:
    index = SearchIndex()
    for url in order:
        title, body = VI[url]
        index.add_later("vi", url, lambda title=title, body=body: (title, body, f"Mô tả {title}"))
    index.add_later("en", "en/help.html", lambda: ("Help", "<p>Call 111. Tell a trusted adult.</p>", ""))
    return index


def test_written_files_describe_each_language_alone(tmp_path: Path) -> None:
    written = build_index(list(VI)).write(tmp_path)
    folder = tmp_path / "search" / "vi"
    assert all(p.is_relative_to(tmp_path / "search") for p in written)
    lang, name, manifest = read(folder / "index.js")
    assert (lang, name) == ("vi", "index")
    assert manifest["format"] == 1 and manifest["pages"] == 2 and len(manifest["scale"]) == 64
    assert numbers(manifest["sections"]) == [2, 4]  # running sums of 2 sections per page
    assert "ng" in manifest["shards"] and "ca" in manifest["shards"]
    assert {p.name for p in (folder / "t").iterdir()} == {f"{shard_file(k)}.js" for k in manifest["shards"]}
    # Pages sorted by address: help.html (sections 0, 1) then the lesson (2, 3).
    _, _, records = read(folder / "d" / "0.js")
    assert [r[0] for r in records] == ["help.html", "lessons/primary/trusted-adults/index.html"]
    assert records[1][1] == "Người lớn tin cậy của em" and records[1][2] == "Mô tả Người lớn tin cậy của em"
    assert records[1][3] == ["cay", "Cây bạn bè", "Mỗi em vẽ một cây."]
    # "cay": written "cậy" in sections 1 and 2, "cây" in section 3.
    _, name, terms = read(folder / "t" / "ca.js")
    assert name == "t/ca"
    entry = terms["cay"]
    assert sorted(s for s, _ in numbers(entry[0], pairs=True)) == [1, 2, 3]
    spellings = dict(zip(entry[1::2], entry[2::2], strict=True))
    assert numbers(spellings["cậy"]) == [1, 2] and numbers(spellings["cây"]) == [3]
    # A word written one way only: its sections are all of its postings.
    assert read(folder / "t" / "cu.js")[2]["cua"][1:] == ["của", ""]
    # English pages are in the English index only.
    _, _, english = read(tmp_path / "search" / "en" / "t" / "ca.js")
    assert set(english) == {"call"}
    assert "en/help.html" not in (folder / "d" / "0.js").read_text(encoding="utf-8")


def test_the_heading_weighs_more_than_the_text(tmp_path: Path) -> None:
    build_index(list(VI)).write(tmp_path)
    _, _, manifest = read(tmp_path / "search" / "vi" / "index.js")
    _, _, terms = read(tmp_path / "search" / "vi" / "t" / "ke.js")
    scores = dict(numbers(terms["ke"][0], pairs=True))
    assert scores[1] > scores[2]  # "Kể với ai?" (a heading) over "Em kể với …" (text)
    assert manifest["scale"] == sorted(manifest["scale"])


def test_same_pages_give_the_same_bytes_in_any_order(tmp_path: Path) -> None:
    build_index(list(VI)).write(tmp_path / "a")
    build_index(list(reversed(VI))).write(tmp_path / "b")
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.js")}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.js")}
    assert a == b and a


def test_the_browser_search_is_written_minified(tmp_path: Path) -> None:
    written = build_index(list(VI)).write(tmp_path)
    for asset in LAZY_ASSETS:
        target = tmp_path / "search" / asset.name
        assert target in written
        text = target.read_text(encoding="utf-8")
        assert text == minified(asset) and len(text) < len(asset.read_text(encoding="utf-8"))


def test_write_replaces_the_language_and_forgets_its_pages(tmp_path: Path) -> None:
    index = build_index(list(VI))
    index.write(tmp_path)
    stale = tmp_path / "search" / "vi" / "t" / "zz.js"
    stale.write_text("old", encoding="utf-8")
    assert index.languages() == []
    index.add("vi", "index.html", "Trang chủ", "<p>Xin chào</p>")
    index.write(tmp_path)
    assert not stale.exists()
    _, _, manifest = read(tmp_path / "search" / "vi" / "index.js")
    assert manifest["pages"] == 1
    assert (tmp_path / "search" / "en" / "index.js").is_file()  # not touched: no English page this time


def test_a_page_added_later_is_read_when_the_index_is_written(tmp_path: Path) -> None:
    index = SearchIndex()
    html = {"a.html": "<p>trước</p>"}
    index.add_later("vi", "a.html", lambda: ("A", html["a.html"], ""))
    html["a.html"] = "<p>sau</p>"  # what later plugins made of the page
    index.write(tmp_path)
    _, _, manifest = read(tmp_path / "search" / "vi" / "index.js")
    assert manifest["pages"] == 1
    assert "sau" in read(tmp_path / "search" / "vi" / "t" / "sa.js")[2]
    assert not (tmp_path / "search" / "vi" / "t" / "tr.js").exists()


def test_strings_exist_in_both_languages_with_the_same_keys() -> None:
    assert set(STRINGS) == {"vi", "en"}
    assert set(STRINGS["vi"]) == set(STRINGS["en"])
    for lang in STRINGS:
        assert all(text.strip() for text in STRINGS[lang].values())
        assert "{n}" in STRINGS[lang]["other"]


def test_big_shards_are_cut_by_the_third_letter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lessonkit.search.index as index_module

    monkeypatch.setattr(index_module, "SHARD_BYTES", 40)
    index = SearchIndex()
    index.add("vi", "a.html", "Người ngủ", "<p>Ngày nghỉ, người ta ngủ. Ng.</p>")
    index.add("vi", "b.html", "Nhà", "<p>Nhà em.</p>")
    index.write(tmp_path)
    _, _, manifest = read(tmp_path / "search" / "vi" / "index.js")
    assert {"ng", "ngu", "nga", "ngh", "nh"} <= set(manifest["shards"])
    assert set(read(tmp_path / "search" / "vi" / "t" / "ng.js")[2]) == {"ng"}
    assert set(read(tmp_path / "search" / "vi" / "t" / "ngu.js")[2]) == {"nguoi", "ngu"}
    assert set(read(tmp_path / "search" / "vi" / "t" / "nh.js")[2]) == {"nha"}  # small: not cut
