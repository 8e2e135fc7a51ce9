"""Status, attribution and merging on short constructed documents."""

from marsad.doc import Doc, Entity, Event, Span
from marsad.events.merge import compatible, merge_mentions


def _ev(start, actor=None, recipient=None, status="reported", date="2015-11-21", inferred=True, place=None):
    span = Span("x", start, start + 1)
    return Event("", "CONSULT", span, span, mode="meet", actor=actor, recipient=recipient, status=status,
                 date=date, date_inferred=inferred, mentions=[span])


PUTIN = Entity("بوتين", 0, 5, "PER", actor_id="putin", country="RUS", sector="GOV")
KHAMENEI = Entity("خامنئي", 0, 6, "PER", actor_id="khamenei", country="IRN", sector="GOV")
ROUHANI = Entity("روحاني", 0, 6, "PER", actor_id="rouhani", country="IRN", sector="GOV")


def test_headline_merges_with_body_and_keeps_both_mentions():
    head = _ev(0, PUTIN, KHAMENEI)
    body = _ev(100, PUTIN, KHAMENEI, status="planned", date="2015-11-23", inferred=False)
    out = merge_mentions([head, body], headline_end=50)
    assert len(out) == 1
    assert [m.start for m in out[0].mentions] == [0, 100]
    assert out[0].status == "planned" and out[0].date == "2015-11-23" and not out[0].date_inferred


def test_different_partners_stay_apart():
    a = _ev(100, PUTIN, KHAMENEI)
    b = _ev(200, PUTIN, ROUHANI)
    assert not compatible(a, b)
    assert len(merge_mentions([a, b])) == 2


def test_negated_never_merges_with_reported():
    a = _ev(100, PUTIN, KHAMENEI)
    b = _ev(200, PUTIN, KHAMENEI, status="negated")
    assert len(merge_mentions([a, b])) == 2


def test_restatement_in_body_merges(code):
    doc = code("التقى الرئيس الروسي فلاديمير بوتين المرشد الإيراني علي خامنئي في طهران أمس. "
               "وبحث بوتين مع خامنئي في طهران الأوضاع في سوريا.")
    consult = [e for e in doc.events if e.event_type == "CONSULT"]
    assert len(consult) == 1 and len(consult[0].mentions) == 2
    assert consult[0].date == "2015-11-20"


def test_two_attacks_in_one_article_stay_two_events(code):
    doc = code("قصفت الطائرات الإسرائيلية مواقع في مدينة غزة أمس. "
               "وفي حادث منفصل قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد.")
    assault = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert sorted(e.location.text for e in assault) == ["بغداد", "غزة"]


def test_reported_speech_is_attributed_and_dated(code):
    doc = code("قالت الشرطة العراقية أمس إن مسلحين اغتالوا مسؤولا محليا في مدينة الموصل.")
    ev = [e for e in doc.events if e.event_type == "ASSAULT"][0]
    assert ev.attributed_to.country == "IRQ" and ev.attributed_to.sector == "COP"
    assert ev.mode == "assassination" and ev.location.text == "الموصل"
    assert ev.date == "2015-11-20" and not ev.date_inferred


def test_date_falls_back_to_publication_with_flag(code):
    doc = code("وقعت تونس والجزائر اتفاقية للتعاون الأمني.")
    ev = [e for e in doc.events if e.event_type == "AGREE"][0]
    assert ev.date == "2015-11-21" and ev.date_inferred


def test_text_is_never_modified(code):
    text = "اعتقلت الشرطة الأردنية خمسة متظاهرين في عمان أمس."
    doc = code(text)
    assert doc.text == text
    assert doc.events and all(doc.text[e.trigger.start:e.trigger.end] == e.trigger.text for e in doc.events)


def test_empty_and_eventless_docs(code):
    assert code("").events == []
    assert code("الطقس معتدل اليوم في معظم المناطق.").events == []


def test_stage_without_language_layer_still_codes():
    from marsad.events import EventStage

    doc = EventStage(use_model=False)(Doc("اعتقلت الشرطة ثلاثة أشخاص."))
    assert [(e.event_type, e.mode) for e in doc.events] == [("COERCE", "arrest")]
