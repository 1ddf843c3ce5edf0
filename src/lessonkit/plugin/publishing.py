"""The publishing outputs of a build (docs/reference.en.md#addresses), handed the registry by the plugin.

- the head of every page: ``<link rel="alternate" hreflang>`` and ``canonical`` (with ``site_url`` only)
  and the JSON-LD of lesson and pupils' pages;
- the QR code of each lesson's pupils' page (with ``site_url`` only: a relative address cannot be scanned);
- files at the end of each language's build: that language's Moodle GIFT file per level; and, once,
  ``catalogue.json`` and ``sitemap.xml``.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from ..labels import labels_for
from ..model import Catalogue
from ..model.registry import Kind, Registry, SitePage, address
from ..publish import jsonld
from ..publish.gift import GiftModule, level_gift
from ..publish.qr import qr_svg
from ..publish.sitemap import sitemap_xml
from .pages import catalogue_record, gift_name


class Publisher:
    """Publishing outputs for one site: built once, used for every page and language."""

    def __init__(
        self,
        catalogue: Catalogue,
        registry: Registry,
        site_url: str | None,
        site_pages: dict[str, list[str]],
        use_directory_urls: bool,
        site_name: dict[str, str],
    ) -> None:
        self.catalogue = catalogue
        self.registry = registry
        self.site_url = (site_url.rstrip("/") + "/") if site_url else None
        self.use_directory_urls = use_directory_urls
        self.site_name = site_name
        #: language-free path under docs_dir -> the languages it exists in (site pages and added pages).
        self.versions: dict[str, list[str]] = {path: list(langs) for path, langs in site_pages.items()}
        for entry in registry:
            langs = self.versions.setdefault(entry.site_path, [])
            if entry.lang not in langs:
                langs.append(entry.lang)

    def _address(self, site_path: str, lang: str) -> str:
        return address(site_path, lang, self.registry.default_language, self.use_directory_urls)

    def absolute(self, site_path: str, lang: str) -> str | None:
        return self.site_url + self._address(site_path, lang) if self.site_url else None

    # -- page head -----------------------------------------------------------------------------

    def head(self, site_path: str, lang: str, entry: SitePage | None) -> dict[str, Any]:
        """Template values for the page head: alternates, canonical address, JSON-LD."""
        context: dict[str, Any] = {"lk_alternates": [], "lk_canonical": None, "lk_jsonld": None, "lk_base": None}
        if self.site_url and entry is not None and entry.kind is Kind.NOT_FOUND:
            # A server shows the 404 page at any missing address, at any depth: its relative links
            # resolve from where the page really is.
            folder = self._address(entry.site_path, lang).rpartition("/")[0]
            context["lk_base"] = urlsplit(self.site_url).path + (folder + "/" if folder else "")
        if self.site_url and (entry is None or entry.kind is not Kind.NOT_FOUND):
            langs = self.versions.get(site_path, [lang])
            context["lk_canonical"] = self.absolute(site_path, lang)
            if len(langs) > 1:
                context["lk_alternates"] = [{"lang": other, "url": self.absolute(site_path, other)} for other in langs]
                if self.registry.default_language in langs:
                    context["lk_alternates"].append(
                        {"lang": "x-default", "url": self.absolute(site_path, self.registry.default_language)}
                    )
        if entry is not None and entry.module is not None and self.catalogue.curriculum is not None:
            context["lk_jsonld"] = Markup(jsonld.script_json(self._jsonld(entry)))
        return context

    def _jsonld(self, entry: SitePage) -> dict[str, Any]:
        module, cur = entry.module, self.catalogue.curriculum
        assert module is not None and cur is not None

        def url(kind: Kind, lang: str) -> str | None:
            page = self.registry.find(kind, lang, module)
            if page is None:
                return None
            return self.absolute(page.site_path, lang) or self._address(page.site_path, lang)

        if entry.kind is Kind.LESSON:
            urls = {lang: url(Kind.LESSON, lang) for lang in self.registry.languages if lang in module.files}
            return jsonld.learning_resource(module, entry.lang, cur, urls, self.registry.default_language)
        return jsonld.quiz(module, entry.lang, cur, url(entry.kind, entry.lang), url(Kind.LESSON, entry.lang))

    # -- lesson card ---------------------------------------------------------------------------

    def qr(self, entry: SitePage) -> dict[str, Any] | None:
        """The QR code of the pupils' page of a lesson page's module (none without ``site_url``)."""
        student = self.registry.find(Kind.STUDENT, entry.lang, entry.module)
        if student is None or not self.site_url:
            return None
        target = self.absolute(student.site_path, entry.lang)
        assert target is not None
        return {"url": target, "svg": qr_svg(target, labels_for(entry.lang)["qr_alt"])}

    # -- files ---------------------------------------------------------------------------------

    def write_language(self, site_dir: Path, lang: str) -> None:
        """Files of one language's part of the site (``site_dir`` is the site's root, under which
        static-i18n puts each other language's pages in ``<lang>/``): the Moodle GIFT file of each level."""
        cur = self.catalogue.curriculum
        if cur is None:
            return
        for level in cur.levels.values():
            modules = [
                GiftModule(m.id, str(m.files[lang].fields["title"]), m.files[lang].questions)
                for m in self.catalogue.by_level(level.key)
                if lang in m.files and m.files[lang].questions
            ]
            if not modules:
                continue
            prefix = "" if lang == self.registry.default_language else f"{lang}/"
            folder = site_dir / f"{prefix}{posixpath.dirname(Kind.CATALOGUE.path.format(level=level.key))}"
            folder.mkdir(parents=True, exist_ok=True)
            text = level_gift(self.site_name.get(lang, ""), level.name.get(lang, level.key), modules)
            (folder / gift_name(level.key, lang)).write_text(text, encoding="utf-8", newline="\n")

    def write_site(self, site_dir: Path) -> None:
        """Files for the whole site, once: ``catalogue.json`` and ``sitemap.xml`` at the site root."""
        cur = self.catalogue.curriculum
        if cur is not None:
            record = catalogue_record(
                self.catalogue.modules, cur, self.registry, self.use_directory_urls, self.site_url
            )
            (site_dir / "catalogue.json").write_text(
                json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        hidden = {e.site_path for e in self.registry if e.kind is Kind.NOT_FOUND}
        pages = [
            {lang: self._address(path, lang) for lang in langs}
            for path, langs in self.versions.items()
            if path not in hidden
        ]
        (site_dir / "sitemap.xml").write_text(
            sitemap_xml(self.site_url, pages, self.registry.default_language), encoding="utf-8"
        )
