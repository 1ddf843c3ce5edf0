"""The site's search index: one per language, built at build time, read in parts by the browser.

:class:`SearchIndex` collects the pages of each language (:meth:`SearchIndex.add`) and writes each
language's index (:meth:`SearchIndex.write`) under ``<site>/<folder>/<lang>/`` as script files. Each file
calls ``lkSearch(lang, name, data)`` (defined by ``assets/engine.js``, and until it runs by its stand-in
in ``assets/search.js``), so that the browser loads it with a ``<script>`` element: that works from
``file://`` (where ``fetch`` of a local file fails) and under a ``script-src 'self'``
Content-Security-Policy, with nothing evaluated.

- ``index.js``: what every search needs first: the format, the number of pages and of sections per page,
  the score scale and the list of word shards (a few kilobytes, whatever the size of the site).
- ``t/<key>.js``, one per *shard*: every indexed word whose folded form starts with ``key``: its first
  two letters (the word itself if it has one), or its first three when the two-letter shard would be
  bigger than :data:`SHARD_BYTES` (that shard then keeps only the two-letter word). For each word: its
  postings (section, score) and, when the sections write it in more than one way (``cay``: "cây",
  "cậy"…), which sections write it which way, so that a query typed with diacritics ranks exact matches
  first. A query loads only its words' shards, so what it loads grows with how often its words are used,
  not with the size of the site.
- ``d/<n>.js``: the address, title and snippet of pages ``4n`` … ``4n+3`` and of their sections, for the
  results shown.
- ``engine.js`` and ``search.css`` (in ``<folder>/``, for every language): the browser's search itself,
  which ``assets/lessonkit/search.js`` loads when a reader starts a search.

Sections are the documents: a page's text (and description) before its first ``<h2>``/``<h3>`` with an
id, then each such heading with the text up to the next. Scores are BM25F over two fields, the title
weighing :data:`TITLE_WEIGHT` times the text (and the page's own section :data:`PAGE_WEIGHT` times the
others), computed here and stored on a logarithmic scale of 64 steps.
Everything is sorted: the same pages give byte-identical files.
"""

from __future__ import annotations

import json
import math
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..minify import write_minified
from .text import Section, fold, sections, tokens

FORMAT = 1
#: Pages per file of titles and snippets.
CHUNK_PAGES = 4
#: Longest snippet, in characters (cut at a word boundary).
SNIPPET_CHARS = 160
#: A section's title (its heading, or the page's title) weighs this many times its text.
TITLE_WEIGHT = 3
#: The page's own section (its title, description and opening text) weighs this many times another.
PAGE_WEIGHT = 1.5
#: A two-letter shard bigger than this (bytes of JSON) is cut into three-letter shards.
SHARD_BYTES = 16_000
K1, B = 1.2, 0.75
#: 64 characters, each one digit in the files: safe in JSON strings and file names.
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
LEVELS = len(ALPHABET)
HALF = LEVELS // 2
SAFE_NAME = set("abcdefghijklmnopqrstuvwxyz0123456789")
#: The browser's search, loaded on demand: copied into ``<site>/<folder>/`` by ``write``.
LAZY_ASSETS = (
    Path(__file__).resolve().parent / "assets" / "engine.js",
    Path(__file__).resolve().parent / "assets" / "search.css",
)


def varint(value: int) -> str:
    """``value`` (>= 0) in base 32, lowest digit first; every digit but the last is shifted by 32."""
    if value < len(_SMALL):
        return _SMALL[value]
    return _varint(value)


def _varint(value: int) -> str:
    digits = []
    while value >= HALF:
        digits.append(ALPHABET[HALF + value % HALF])
        value //= HALF
    digits.append(ALPHABET[value])
    return "".join(digits)


_SMALL = [_varint(n) for n in range(HALF * HALF)]


def shard_key(folded: str, split: frozenset[str] | set[str] = frozenset()) -> str:
    """The shard of a folded word: its first two letters, or three if those two are in ``split``."""
    return folded[:3] if folded[:2] in split and len(folded) > 2 else folded[:2]


def shard_file(key: str) -> str:
    """The file name (without ``.js``) of a shard: the key itself if it is plain ASCII, otherwise ``_``
    and the hexadecimal UTF-8 bytes of the key (``_c39f``)."""
    return key if set(key) <= SAFE_NAME else "_" + key.encode("utf-8").hex()


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of ``text``, cut after a whole word, with an ellipsis when something was left out."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,.;:–-") + "…"


@dataclass
class _Page:
    url: str
    title: str
    description: str
    sections: list[Section]


@dataclass
class _Doc:
    """One section as the index sees it: word counts of its title (the heading; the page's title for the
    page's own section) and of its text, their lengths, and the spellings of each folded word."""

    title: dict[str, int]
    text: dict[str, int]
    title_length: int
    text_length: int
    spellings: dict[str, set[str]]
    weight: float


class SearchIndex:
    """The pages of each language, and their search index files.

    ``add`` (or ``add_later``) the pages as they are built, in any order (a page added again replaces
    the first), then ``write`` once the language's pages are built."""

    def __init__(self, folder: str = "search") -> None:
        self.folder = folder
        self._pages: dict[str, dict[str, _Page]] = {}
        self._later: dict[str, dict[str, Callable[[], tuple[str, str, str]]]] = {}

    def add_later(self, lang: str, url: str, read: Callable[[], tuple[str, str, str]]) -> None:
        """Index the page at ``url`` in ``lang`` with what ``read()`` returns (its title and HTML, then its
        description), called by ``write``: so it is the HTML the site shows, whatever plugins added."""
        self._later.setdefault(lang, {})[url] = read
        self._pages.get(lang, {}).pop(url, None)

    def add(self, lang: str, url: str, title: str, html: str, description: str = "") -> None:
        """Index the page at ``url`` (relative to the site root, as the page's own ``file.url``) in
        language ``lang``: ``html`` is its content, ``title`` and ``description`` plain text."""
        found = sections(html, title)
        self._pages.setdefault(lang, {})[url] = _Page(
            url, " ".join(title.split()), " ".join(description.split()), found
        )
        self._later.get(lang, {}).pop(url, None)

    def languages(self) -> list[str]:
        """The languages with pages not yet written."""
        return sorted(set(self._pages) | set(self._later))

    def _read_later(self, lang: str) -> None:
        for url, read in self._later.pop(lang, {}).items():
            title, html, description = read()
            self.add(lang, url, title, html, description)

    def write(self, site_dir: str | Path) -> list[Path]:
        """Write the index of every language added since the last ``write`` (replacing that language's
        folder) and the browser's search (``engine.js``, ``search.css``, minified), then forget those pages.
        Returns the files written."""
        written: list[Path] = []
        for asset in LAZY_ASSETS:
            target = Path(site_dir) / self.folder / asset.name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_minified(asset, target)  # what a first search downloads on a cheap phone
            written.append(target)
        for lang in self.languages():
            self._read_later(lang)
            folder = Path(site_dir) / self.folder / lang
            if folder.exists():
                shutil.rmtree(folder)
            files = build_files(lang, sorted(self._pages.pop(lang).values(), key=lambda p: p.url))
            for name, text in files.items():
                path = folder / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8", newline="\n")
                written.append(path)
        return written


def build_files(lang: str, pages: list[_Page]) -> dict[str, str]:
    """Every file of one language's index: name (relative to its folder) -> text."""
    postings = _postings([doc for page in pages for doc in _docs(page)])
    scale = _scale([value for p in postings.values() for value in (min(p.scores), max(p.scores))])
    files: dict[str, str] = {}
    shards = _shards({term: _entry(postings[term], scale) for term in sorted(postings)})
    for key, terms in shards.items():
        files[f"t/{shard_file(key)}.js"] = _script(lang, f"t/{key}", terms)
    for start in range(0, len(pages), CHUNK_PAGES):
        chunk = [_page_record(page) for page in pages[start : start + CHUNK_PAGES]]
        files[f"d/{start // CHUNK_PAGES}.js"] = _script(lang, f"d/{start // CHUNK_PAGES}", chunk)
    manifest = {
        "format": FORMAT,
        "lang": lang,
        "pages": len(pages),
        "chunk": CHUNK_PAGES,
        "sections": "".join(varint(len(page.sections)) for page in pages),
        "scale": [float(f"{value:.4g}") for value in scale],
        "shards": sorted(shards),
    }
    files["index.js"] = _script(lang, "index", manifest)
    return dict(sorted(files.items()))


def _shards(entries: dict[str, list[str]]) -> dict[str, dict[str, list[str]]]:
    """The words (sorted) by shard: two-letter shards, those bigger than :data:`SHARD_BYTES` cut by
    their third letter."""
    sizes: dict[str, int] = defaultdict(int)
    for term, entry in entries.items():
        sizes[shard_key(term)] += len(term) + sum(len(part) for part in entry) + 8
    split = {key for key, size in sizes.items() if size > SHARD_BYTES and len(key) == 2}
    shards: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for term, entry in entries.items():
        shards[shard_key(term, split)][term] = entry
    return dict(shards)


def _docs(page: _Page) -> list[_Doc]:
    docs = []
    for i, section in enumerate(page.sections):
        text = section.text + (" " + page.description if i == 0 and page.description else "")
        spellings: dict[str, set[str]] = {}
        fields = []
        for part in (section.title, text):
            counts: dict[str, int] = {}
            for word, count in Counter(tokens(part)).items():
                key = fold(word)
                counts[key] = counts.get(key, 0) + count
                spellings.setdefault(key, set()).add(word)
            fields.append(counts)
        docs.append(
            _Doc(
                fields[0],
                fields[1],
                sum(fields[0].values()),
                sum(fields[1].values()),
                spellings,
                PAGE_WEIGHT if i == 0 else 1.0,
            )
        )
    return docs


@dataclass
class _Posting:
    """A folded word's sections (in order), their scores, and the sections of each spelling."""

    docs: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    #: The spellings in each of ``docs``.
    forms: list[set[str]] = field(default_factory=list)

    def spellings(self) -> dict[str, list[int]]:
        """Each spelling -> the sections that write the word so, in order."""
        by_spelling: dict[str, list[int]] = {}
        for n, forms in zip(self.docs, self.forms, strict=True):
            for form in forms:
                by_spelling.setdefault(form, []).append(n)
        return by_spelling


def _postings(docs: list[_Doc]) -> dict[str, _Posting]:
    """BM25F of every (folded word, section) pair: the title's and the text's saturated counts, each
    normalised by its field's length, the title's weighing :data:`TITLE_WEIGHT` times; a page's own
    section weighs :data:`PAGE_WEIGHT` times."""
    postings: dict[str, _Posting] = defaultdict(_Posting)
    total = len(docs) or 1
    avg_title = sum(d.title_length for d in docs) / total or 1.0
    avg_text = sum(d.text_length for d in docs) / total or 1.0
    k1 = K1 + 1
    for n, doc in enumerate(docs):
        norm_title = K1 * (1 - B + B * doc.title_length / avg_title)
        norm_text = K1 * (1 - B + B * doc.text_length / avg_text)
        title, text = doc.title, doc.text
        for term, spellings in doc.spellings.items():
            tf = title.get(term, 0)
            score = TITLE_WEIGHT * tf * k1 / (tf + norm_title) if tf else 0.0
            tf = text.get(term, 0)
            if tf:
                score += tf * k1 / (tf + norm_text)
            posting = postings[term]
            posting.docs.append(n)
            posting.scores.append(score * doc.weight)
            posting.forms.append(spellings)
    for posting in postings.values():
        df = len(posting.docs)
        idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
        posting.scores = [score * idf for score in posting.scores]
    return postings


def _scale(values: list[float]) -> list[float]:
    """:data:`LEVELS` scores from the smallest to the largest of ``values``, evenly spaced in logarithm."""
    low = min(values, default=1.0)
    high = max(values, default=1.0)
    low = max(low, high / 1e4, 1e-6)
    step = math.log(high / low) / (LEVELS - 1) if high > low else 0.0
    return [low * math.exp(step * i) for i in range(LEVELS)]


def _entry(posting: _Posting, scale: list[float]) -> list[str]:
    """``[postings, spelling, sections, spelling, sections, …]``; with a single spelling, its sections
    are all the postings and are written as "". A score is written as the nearest step of ``scale``
    (in logarithm)."""
    low, high = scale[0], scale[-1]
    first, per_unit = math.log(low), ((LEVELS - 1) / math.log(high / low) if high > low else 0.0)
    log, top = math.log, LEVELS - 1
    steps = [round((log(score) - first) * per_unit) if score > low else 0 for score in posting.scores]
    digits = [ALPHABET[top if step > top else step] for step in steps]
    entry = ["".join(map(str.__add__, map(varint, _gaps(posting.docs)), digits))]
    every = set().union(*posting.forms)
    if len(every) == 1:
        return entry + [next(iter(every)), ""]
    by_spelling = posting.spellings()
    for spelling in sorted(by_spelling):
        entry += [spelling, "".join(map(varint, _gaps(by_spelling[spelling])))]
    return entry


def _gaps(numbers: list[int]) -> list[int]:
    """``numbers`` (increasing) as the first one and the differences that follow."""
    return [b - a for a, b in zip([0] + numbers[:-1], numbers, strict=True)]


def _page_record(page: _Page) -> list[object]:
    """``[url, title, snippet, [anchor, heading, snippet, …]]`` (the page's own section first)."""
    first = page.sections[0]
    rest: list[str] = []
    for section in page.sections[1:]:
        rest += [section.anchor, section.title, snippet(section.text)]
    return [page.url, page.title, snippet(page.description or first.text), rest]


def _script(lang: str, name: str, data: object) -> str:
    """One call of ``lkSearch``; the JSON is UTF-8, with the two line separators a script may not hold
    raw (in older engines) escaped."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"lkSearch({json.dumps(lang)},{json.dumps(name)},{payload});\n"
