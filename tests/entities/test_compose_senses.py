"""Description words with a second, adjectival sense (issue 4, third round; sentences are our own)."""

from marsad.doc import Doc


def _texts(doc):
    return {e.text: (e.country, e.sector) for e in doc.entities}


def test_ministry_words_after_a_definite_noun_are_adjectives(stage):
    doc = stage(Doc("وأكد الجانبان رفض التدخل في الشؤون الداخلية للدول العربية."))
    assert not any("الداخلية" in t for t in _texts(doc))
    doc = stage(Doc("وانتقد النائب السياسة الخارجية للحكومة."))
    assert not any("الخارجية" in t for t in _texts(doc))
    doc = stage(Doc("وأعلنت الداخلية المصرية اعتقال خمسة مطلوبين."))
    assert _texts(doc).get("الداخلية المصرية") == ("EGY", "COP")


def test_press_conference_has_no_journalist(stage):
    doc = stage(Doc("وعقد الوزير مؤتمرا صحفيا مشتركا مع نظيره في الرياض."))
    assert "صحفيا" not in _texts(doc)
    doc = stage(Doc("واعتقلت السلطات صحفيا في العاصمة."))
    assert _texts(doc).get("صحفيا", (None, None))[1] == "MED"


def test_terrorist_after_a_noun_of_violence_is_an_adjective(stage):
    doc = stage(Doc("واستنكر السفير التفجير الإرهابي الذي استهدف المسجد."))
    assert "الإرهابي" not in _texts(doc)
    doc = stage(Doc("وقتلت الشرطة الإرهابي في اشتباك بمدينة القطيف."))
    assert _texts(doc).get("الإرهابي", (None, None))[1] == "REB"


def test_leadership_with_a_nationality_is_a_government_body(stage):
    doc = stage(Doc("رحبت القيادة الفلسطينية بالدعوة."))
    assert _texts(doc).get("القيادة الفلسطينية") == ("PSE", "GOV")
    doc = stage(Doc("وأكدت القيادة العسكرية جاهزية القوات."))
    assert "القيادة" not in _texts(doc)
