"""A football striker («مهاجم») is no armed man (issue 4; sentences are our own)."""

from marsad.doc import Doc


def _sectors(doc):
    return {e.text: e.sector for e in doc.entities}


def test_striker_in_a_match_report_is_not_an_entity(stage):
    doc = stage(Doc("وسجل مهاجم الفريق هدفين في مباراة الأمس أمام الاتفاق."))
    assert "مهاجم" not in _sectors(doc)
    doc = stage(Doc("وتعاقد النادي مع المهاجم البرازيلي لمدة موسمين."))
    assert "المهاجم" not in _sectors(doc)


def test_attacker_in_a_news_report_stays_armed(stage):
    doc = stage(Doc("وقتل المهاجم ثلاثة أشخاص قبل أن تقتله الشرطة في السوق."))
    assert _sectors(doc).get("المهاجم") == "UAF"
    doc = stage(Doc("وفتح مهاجمون النار على حافلة للشرطة في مدينة العريش."))
    assert _sectors(doc).get("مهاجمون") == "UAF"
