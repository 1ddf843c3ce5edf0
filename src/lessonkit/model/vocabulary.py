"""The words of the lesson format in each language: the ``format`` section of the string catalogue.

Authors write the steps section's heading, the unit of minutes, the kinds of step activity and the
labels of a ``step`` block and of objectives in the language of the file (``## Tiến trình bài học``,
``(8 phút)``, ``/// step | Mở đầu``, ``Mục tiêu:``, ``Kiến thức:``). The words are data, one place for
every language (``src/lessonkit/locales/<lang>.yml``, ``format:``); the model reads lessons with them and
the pages show them. Matching ignores case and runs of spaces; :func:`fold` also drops diacritics, to
recognise a word written without them and suggest the right spelling.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..strings import available, texts

#: The four kinds of activity of the Ministry's lesson-plan frames, in their order over a lesson.
STEP_KINDS = ("mo-dau", "kien-thuc", "luyen-tap", "van-dung")
#: The three groups of objectives of the secondary frame (Official Letter 5512), in their order.
OBJECTIVE_KINDS = ("knowledge", "competence", "qualities")
#: A label at the start of a line or an objective: a few words before a colon.
RE_LABEL = re.compile(r"^\s*([^:\d]{1,40}?)\s*:\s*(.*)$", re.DOTALL)


def normal(text: str) -> str:
    """``text`` for comparing: NFC, case folded, runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def fold(text: str) -> str:
    """:func:`normal` without diacritics (``Mở đầu`` -> ``mo dau``; ``đ`` -> ``d``)."""
    decomposed = unicodedata.normalize("NFD", normal(text).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Vocabulary:
    """The format's words in one language."""

    lang: str
    steps_heading: str
    minute: str
    minutes: str
    kinds: dict[str, str]
    aim: str
    product: str
    objectives: dict[str, str]

    def unit(self, count: int) -> str:
        """The unit of ``count`` minutes (``minute`` or ``minutes``; ``phút`` either way)."""
        return self.minute if count == 1 else self.minutes

    def kind_of(self, written: str) -> str | None:
        """The kind key ``written`` names (a name in this language, or a key), or ``None``."""
        wanted = normal(written)
        for key, name in self.kinds.items():
            if wanted in (key, normal(name)):
                return key
        return None

    def kind_names(self) -> str:
        """The kinds' names, quoted, for messages: ``'Mở đầu', 'Hình thành kiến thức mới', …``."""
        return ", ".join(f"'{self.kinds[key]}'" for key in STEP_KINDS)

    def kind_order(self) -> str:
        """The kinds in their order, for messages: ``Mở đầu → … → Vận dụng``."""
        return " → ".join(self.kinds[key] for key in STEP_KINDS)

    def objective_kind(self, label: str) -> str | None:
        wanted = normal(label)
        return next((key for key, name in self.objectives.items() if normal(name) == wanted), None)


@cache
def vocabulary(lang: str) -> Vocabulary:
    """The format's words in ``lang`` (a word the language lacks comes from English)."""
    words = texts("format", lang)
    return Vocabulary(
        lang=lang,
        steps_heading=words["steps_heading"],
        minute=words["minute"],
        minutes=words["minutes"],
        kinds={key: words[f"step.{key}"] for key in STEP_KINDS},
        aim=words["step.aim"],
        product=words["step.product"],
        objectives={key: words[f"objective.{key}"] for key in OBJECTIVE_KINDS},
    )


def all_vocabularies(first: str) -> list[Vocabulary]:
    """The vocabulary of ``first``, then those of the catalogue's other languages."""
    return [vocabulary(first)] + [vocabulary(lang) for lang in available() if lang != first]


def closest(written: str, candidates: Iterable[tuple[str, str]], cutoff: float = 0.7) -> str | None:
    """The answer of the candidate ``(spelling, answer)`` nearest to ``written``, compared without case,
    spaces or diacritics; ``None`` when none is near enough."""
    target = fold(written)
    best: tuple[float, str] | None = None
    for spelling, answer in candidates:
        score = difflib.SequenceMatcher(None, target, fold(spelling)).ratio()
        if score >= cutoff and (best is None or score > best[0]):
            best = (score, answer)
    return best[1] if best else None


def suggest_kind(written: str, lang: str) -> str | None:
    """The name, in ``lang``, of the kind ``written`` most likely means (a misspelling, a name in another
    language, a key), or ``None``."""
    own = vocabulary(lang)
    candidates = [(key, own.kinds[key]) for key in STEP_KINDS]
    for vocab in all_vocabularies(lang):
        candidates += [(name, own.kinds[key]) for key, name in vocab.kinds.items()]
    return closest(written, candidates, cutoff=0.6)


def suggest_label(written: str, lang: str, labels: dict[str, str], others: Iterable[dict[str, str]]) -> str | None:
    """The label of ``labels`` (``key -> label`` in ``lang``) that ``written`` most likely means: a
    misspelling, or the same label in another language (``others``)."""
    candidates = [(name, name) for name in labels.values()]
    for other in others:
        candidates += [(other[key], labels[key]) for key in labels if key in other]
    return closest(written, candidates)


@dataclass(frozen=True)
class Objective:
    """One objective: its text without the label, and its kind (``knowledge``…) when it is labelled."""

    text: str
    kind: str | None = None
    label: str = ""


def read_objective(written: str, lang: str) -> Objective:
    """An objective as written (``"Kiến thức: Nêu được …"``): the label is recognised in ``lang`` and
    stripped from the text; without a label of ``lang`` the text is kept whole."""
    match = RE_LABEL.match(written)
    if match:
        kind = vocabulary(lang).objective_kind(match.group(1))
        if kind is not None:
            return Objective(match.group(2).strip(), kind, match.group(1).strip())
    return Objective(written.strip())
