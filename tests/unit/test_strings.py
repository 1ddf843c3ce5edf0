"""The string catalogue: every language has every key of every section, with the same placeholders."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from lessonkit import strings
from lessonkit.strings import SECTIONS, SOURCE_LANGUAGE, CatalogueError, available, own, texts

LANGS = available()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_site_languages_have_catalogues() -> None:
    assert {"vi", "en"} <= set(LANGS) and LANGS[0] == SOURCE_LANGUAGE


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != SOURCE_LANGUAGE])
@pytest.mark.parametrize("section", SECTIONS)
def test_every_key_in_every_language_with_the_same_placeholders(section: str, lang: str) -> None:
    source, mine = own(section, SOURCE_LANGUAGE), own(section, lang)
    assert set(mine) == set(source), (sorted(set(source) - set(mine)), sorted(set(mine) - set(source)))
    for key, text in source.items():
        assert text.strip() and mine[key].strip(), key
        assert placeholders(mine[key]) == placeholders(text), key


def test_a_missing_key_falls_back_to_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(strings, "_extra_dirs", [])
    (tmp_path / "fr.yml").write_text("labels:\n  sources: Sources (fr)\n", encoding="utf-8")
    strings.add_locales_dir(tmp_path)
    try:
        assert texts("labels", "fr")["sources"] == "Sources (fr)"
        assert texts("labels", "fr")["objectives"] == texts("labels", "en")["objectives"]
        assert "fr" in available()
    finally:
        strings._extra_dirs.clear()
        strings._load.cache_clear()


def test_a_broken_catalogue_says_which_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(strings, "_extra_dirs", [])
    (tmp_path / "xx.yml").write_text("labels: [unclosed\n", encoding="utf-8")
    strings.add_locales_dir(tmp_path)
    try:
        with pytest.raises(CatalogueError, match=r"xx\.yml"):
            texts("labels", "xx")
    finally:
        strings._extra_dirs.clear()
        strings._load.cache_clear()


@pytest.mark.parametrize("section", SECTIONS)
def test_no_key_is_hidden_by_a_method_of_a_dict_in_the_templates(section: str) -> None:
    """Templates write ``t.key``: Jinja reads ``t.keys`` or ``t.items`` as the dict's method, not the text."""
    assert not set(own(section, SOURCE_LANGUAGE)) & set(dir(dict))
