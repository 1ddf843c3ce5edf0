"""publish/jsonld.py: schema.org data of a lesson page and of a pupils' page, safe inside a script."""

from __future__ import annotations

import json

from lessonkit.model import Catalogue
from lessonkit.publish import jsonld


def test_a_lesson_page_is_a_learning_resource_with_its_translations(catalogue: Catalogue) -> None:
    module, cur = catalogue.modules[0], catalogue.curriculum
    assert cur is not None
    urls = {"vi": "https://x.example/a/", "en": "https://x.example/en/a/"}
    data = jsonld.learning_resource(module, "vi", cur, urls, "vi")
    fields = module.files["vi"].fields
    assert data["@type"] == "LearningResource" and data["inLanguage"] == "vi" and data["@id"] == urls["vi"]
    assert data["name"] == fields["title"] and data["timeRequired"] == f"PT{fields['duration']}M"
    assert data["teaches"] == fields["objectives"] and data["audience"]["educationalRole"] == "teacher"
    assert data["workTranslation"] == [
        {"@type": "LearningResource", "inLanguage": "en", "@id": urls["en"], "url": urls["en"]}
    ]
    english = jsonld.learning_resource(module, "en", cur, urls, "vi")
    assert english["translationOfWork"]["@id"] == urls["vi"] and "workTranslation" not in english
    low, high = cur.age_range(fields["grades"]) or (0, 0)
    assert data["typicalAgeRange"] == f"{low}-{high}"


def test_a_pupils_page_is_a_quiz_part_of_its_lesson(catalogue: Catalogue) -> None:
    module, cur = catalogue.modules[0], catalogue.curriculum
    assert cur is not None
    data = jsonld.quiz(module, "en", cur, "en/q.html", "en/l.html")
    assert data["@type"] == "Quiz" and data["numberOfQuestions"] == len(module.files["en"].questions)
    assert data["isPartOf"] == {"@type": "LearningResource", "@id": "en/l.html"} and data["url"] == "en/q.html"
    assert "url" not in jsonld.quiz(module, "en", cur, None, None)


def test_no_text_can_close_the_script_element() -> None:
    text = jsonld.script_json({"name": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><b>&"}
