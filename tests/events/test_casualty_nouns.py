"""Counted animals are never casualties (SaudiNewsNet has bird-flu culls in the millions)."""

import pytest

from marsad.doc import Doc
from marsad.pipeline import default_pipeline


@pytest.fixture(scope="module")
def nlp():
    return default_pipeline().initialize()


@pytest.mark.parametrize("text", [
    "وقتلت إنفلونزا الطيور أكثر من 48 مليون طائر من الدجاج منذ ديسمبر الماضي.",
    "أعدمت السلطات عشرة آلاف دجاجة بعد إصابة مؤكدة بالمرض في المزرعة.",
])
def test_animals_are_not_fatalities(nlp, text):
    doc = nlp(Doc(text, published="2015-08-01T10:00:00"))
    assert all(e.fatalities is None for e in doc.events)


def test_people_still_counted(nlp):
    doc = nlp(Doc("قتل 14 مدنيا على الأقل في قصف على الغوطة الشرقية.", published="2015-08-01T10:00:00"))
    assert [(e.event_type, e.fatalities) for e in doc.events] == [
        ("ASSAULT", {"value": 14, "qualifier": "min"})]
