"""Precision fixes found on SaudiNewsNet: counted animals are no casualties, وقع signs only a document."""

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


@pytest.mark.parametrize("text", [
    "توقعوا أن يرتفع سعر النفط خلال الأسابيع المقبلة.",
    "يقع المبنى في وسط المدينة قرب السوق.",
])
def test_wuqu_without_a_document_is_not_signing(nlp, text):
    doc = nlp(Doc(text, published="2015-08-01T10:00:00"))
    assert [e.event_type for e in doc.events if e.event_type == "AGREE"] == []


def test_signing_a_memorandum_is_agree(nlp):
    doc = nlp(Doc("وقعت مصر والسودان مذكرة تفاهم في القاهرة.", published="2015-08-01T10:00:00"))
    signed = [e for e in doc.events if e.rule == "agree.sign_document"]
    assert [(e.event_type, e.mode, e.trigger.text) for e in signed] == [("AGREE", "sign", "وقعت")]
