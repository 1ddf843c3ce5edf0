"""yamlsrc.load_located: values with the line of every key and list item, shifted by an offset."""

from __future__ import annotations

import pytest
import yaml

from lessonkit.model import yamlsrc
from lessonkit.model.yamlsrc import YamlError, bare_keys, load_located

TEXT = """\
title: Hello
grades: [1, 2, 3]
objectives:
  - First
  - Second
sources:
  - title: A
    url: https://a.example/
  - title: B

    url: https://b.example/
3: three
"""


def test_value_is_the_parsed_yaml():
    doc = load_located(TEXT)
    assert doc.value["grades"] == [1, 2, 3]
    assert doc.value["sources"][1] == {"title": "B", "url": "https://b.example/"}
    assert doc.value[3] == "three"


@pytest.mark.parametrize(
    "path, line",
    [
        (("title",), 1),
        (("grades",), 2),
        (("grades", 2), 2),
        (("objectives",), 3),  # the key's own line, not its first item's
        (("objectives", 0), 4),
        (("objectives", 1), 5),
        (("sources", 0), 7),
        (("sources", 0, "url"), 8),
        (("sources", 1), 9),
        (("sources", 1, "url"), 11),
        ((3,), 12),  # an int key found by its text
    ],
)
def test_line_of_keys_and_items(path, line):
    assert load_located(TEXT).line_of(*path) == line


@pytest.mark.parametrize(
    "path, line",
    [
        (("missing",), 1),  # the document itself
        (("objectives", 7), 3),  # no such item: the enclosing key
        (("sources", 1, "year"), 9),  # no such key: the enclosing item
        (("title", "deeper"), 1),
    ],
)
def test_line_of_falls_back_to_the_closest_enclosing_line(path, line):
    assert load_located(TEXT).line_of(*path) == line


def test_offset_shifts_every_line():
    doc = load_located(TEXT, offset=1)
    assert doc.line == 2
    assert doc.line_of("objectives", 1) == 6
    assert doc.line_of("sources", 1, "url") == 12


def test_empty_text():
    doc = load_located("", offset=4)
    assert doc.value is None and doc.line == 5


def test_error_has_the_line_of_the_fault_plus_offset():
    with pytest.raises(YamlError) as info:
        load_located("a: 1\nb: 2: 3\nc: 4\n", offset=10)
    assert info.value.line == 12
    assert info.value.message.startswith("malformed YAML: mapping values are not allowed")


@pytest.mark.parametrize("text", ["d: 2024-02-31", "a: [1\n", "? [a, b]\n: 1\n", "a: !!python/object:os.system x"])
def test_bad_yaml_raises_yamlerror_only(text):
    with pytest.raises(YamlError) as info:
        load_located(text)
    assert info.value.line >= 1 and info.value.message.startswith("malformed YAML")


def test_a_self_referencing_alias_loads_without_error():
    """A list that contains itself is valid YAML: it loads (the rules then find it is not the right type)."""
    doc = load_located("- &a [*a]")
    assert isinstance(doc.value, list) and doc.value[0][0] is doc.value[0]


def test_only_one_document():
    with pytest.raises(YamlError):
        load_located("a: 1\n---\nb: 2\n")


CUT = """\
note: {vi: Khi cần tìm kiếm, cứu nạn., en: "Found, or rescued."}
empty: {vi: Một, en: }
quoted: {vi: "A, b", en: 'C, d'}
list: [{title: Gọi 111, miễn phí, url: x}]
block:
  vi: Khi cần tìm kiếm, cứu nạn.
"""


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_bare_keys_mark_a_text_cut_at_a_comma(monkeypatch, loader):
    """Only a key with no ':' inside {…} is bare, with the text as written; same with either loader."""
    if loader == "python":
        monkeypatch.setattr(yamlsrc, "_Loader", yaml.SafeLoader)
    doc = load_located(CUT, offset=10)
    assert bare_keys(doc) == [(11, "cứu nạn.", "Khi cần tìm kiếm, cứu nạn."), (14, "miễn phí", "Gọi 111, miễn phí")]
    assert doc.value["block"]["vi"] == "Khi cần tìm kiếm, cứu nạn."
