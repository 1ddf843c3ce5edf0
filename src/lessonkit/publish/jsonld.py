"""schema.org metadata for the portal: a ``LearningResource`` per lesson page, a ``Quiz`` per pupils' page.

Values come from the front matter and curriculum.yml only: the age range is derived from the grades,
``timeRequired`` is ISO 8601 (``PT35M``). Each version names the other languages' versions
(``workTranslation`` from the default language, ``translationOfWork`` back to it).
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Curriculum, Module

CONTEXT = "https://schema.org"


def _ages(cur: Curriculum, grades: list[int]) -> str | None:
    span = cur.age_range(grades)
    return f"{span[0]}-{span[1]}" if span else None


def _common(kind: str, module: Module, lang: str, cur: Curriculum) -> dict[str, Any]:
    """What a lesson page and a pupils' page say alike: the module, its level, ages and topics."""
    fields = module.files[lang].fields
    level = cur.levels[module.level]
    return {
        "@context": CONTEXT,
        "@type": kind,
        "name": fields["title"],
        "inLanguage": lang,
        "educationalLevel": level.name.get(lang, level.key),
        "typicalAgeRange": _ages(cur, fields["grades"]),
        "about": [
            {"@type": "Thing", "name": cur.topics[t].name.get(lang, t)} for t in fields["topics"] if t in cur.topics
        ],
    }


def learning_resource(
    module: Module, lang: str, cur: Curriculum, urls: dict[str, str | None], default_language: str
) -> dict[str, Any]:
    """The ``LearningResource`` of a module's lesson page in ``lang``; ``urls`` maps each language to the
    lesson page's address (absolute with ``site_url``, else relative to the site root)."""
    fields = module.files[lang].fields
    data = _common("LearningResource", module, lang, cur)
    data.update(
        {
            "description": " ".join(str(fields["description"]).split()),
            "timeRequired": f"PT{int(fields['duration'])}M",
            "teaches": [o.text for o in module.files[lang].objectives],
            "learningResourceType": "lesson plan",
            "audience": {"@type": "EducationalAudience", "educationalRole": "teacher"},
            "keywords": [cur.subject_name(s, module.level, lang) for s in fields["subjects"] if s in cur.subjects],
            "citation": [
                {"@type": "CreativeWork", "name": s["title"], "url": s["url"]}
                for s in fields.get("sources") or []
                if isinstance(s, dict)
            ],
        }
    )
    if urls.get(lang):
        data["url"] = urls[lang]
        data["@id"] = urls[lang]
    others = [o for o in urls if o != lang and o in module.files]

    def version(other: str) -> dict[str, Any]:
        # Named by its address and language: the page keeps to its own language, JSON-LD included.
        ref: dict[str, Any] = {"@type": "LearningResource", "inLanguage": other}
        if urls.get(other):
            ref["@id"] = ref["url"] = urls[other]
        return ref

    if lang == default_language:
        if others:
            data["workTranslation"] = [version(o) for o in others]
    elif default_language in module.files:
        data["translationOfWork"] = version(default_language)
    return data


def quiz(module: Module, lang: str, cur: Curriculum, url: str | None, lesson_url: str | None) -> dict[str, Any]:
    """The ``Quiz`` of a module's pupils' page in ``lang``: what it checks (``about``, ``assesses``)."""
    data = _common("Quiz", module, lang, cur)
    data.update(
        {
            "assesses": [o.text for o in module.files[lang].objectives],
            "educationalUse": "assessment",
            "audience": {"@type": "EducationalAudience", "educationalRole": "student"},
            "numberOfQuestions": len(module.files[lang].questions),
        }
    )
    if url:
        data["url"] = data["@id"] = url
    if lesson_url:
        data["isPartOf"] = {"@type": "LearningResource", "@id": lesson_url}
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON for a ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` escaped, so that no text
    of the front matter can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
