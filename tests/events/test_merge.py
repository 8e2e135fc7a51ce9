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


# -- one attack told twice: victims first, agent later (issue 4) ------------------

from marsad.doc import Place  # noqa: E402
from marsad.events.merge import absorb, agentless_restatement  # noqa: E402

DOUMA = Place("دوما", 0, 4, geonameid=170592, country_code="SY", feature="city")
DOUMA_AGAIN = Place("مدينة دوما", 0, 10, geonameid=170592, country_code="SY", feature="city")
ALEPPO = Place("حلب", 0, 3, geonameid=170063, country_code="SY", feature="city")
REGIME = Entity("قوات النظام", 300, 311, "ORG", actor_id="SYR:MIL", country="SYR", sector="MIL", source="composed")
CIVILIANS = Entity("مدنيين", 10, 16, "NORP", actor_id="CVL", sector="CVL", source="composed")


def _attack(start, actor=None, recipient=None, place=None, fatalities=None, rule="assault.shelling", mode="shelling"):
    span = Span("x", start, start + 1)
    return Event("", "ASSAULT", span, span, mode=mode, actor=actor, recipient=recipient, location=place,
                 date="2015-11-21", date_inferred=True, fatalities=fatalities, rule=rule, mentions=[span])


def test_victim_only_and_agent_mentions_of_one_attack_are_one_event():
    victims = _attack(10, recipient=CIVILIANS, place=DOUMA, fatalities={"value": 5, "qualifier": "exact"},
                      rule="assault.kill", mode=None)
    agent = _attack(300, actor=REGIME, place=DOUMA_AGAIN)
    assert agentless_restatement(victims, agent)
    out = merge_mentions([victims, agent])
    assert len(out) == 1
    ev = out[0]
    assert [m.start for m in ev.mentions] == [10, 300]
    assert ev.actor is REGIME and ev.recipient is CIVILIANS
    assert ev.mode == "shelling" and ev.location.geonameid == 170592
    assert ev.fatalities == {"value": 5, "qualifier": "exact"}  # taken once, not 10


def test_restatement_needs_the_same_place_on_both_sides():
    victims = _attack(10, recipient=CIVILIANS, place=DOUMA, fatalities={"value": 5, "qualifier": "exact"})
    assert len(merge_mentions([victims, _attack(300, actor=REGIME, place=ALEPPO)])) == 2
    assert len(merge_mentions([victims, _attack(300, actor=REGIME)])) == 2  # a round-up: no place, no merge
    no_place = _attack(10, recipient=CIVILIANS, fatalities={"value": 5, "qualifier": "exact"})
    assert len(merge_mentions([no_place, _attack(300, actor=REGIME, place=DOUMA)])) == 2


def test_two_agents_or_two_death_tolls_stay_two_attacks():
    rebels = Entity("المعارضة", 0, 8, "ORG", actor_id="SYR:REB", country="SYR", sector="REB", source="composed")
    a = _attack(10, actor=rebels, place=DOUMA)
    b = _attack(300, actor=REGIME, place=DOUMA)
    assert len(merge_mentions([a, b])) == 2
    five = _attack(10, recipient=CIVILIANS, place=DOUMA, fatalities={"value": 5, "qualifier": "exact"})
    seven = _attack(300, actor=REGIME, place=DOUMA, fatalities={"value": 7, "qualifier": "exact"})
    assert len(merge_mentions([five, seven])) == 2


def test_a_victim_is_never_the_merged_actor():
    soldiers = Entity("جنديين عراقيين", 0, 14, "NORP", actor_id="IRQ:MIL", country="IRQ", sector="MIL",
                      source="composed")
    killed = _attack(20, recipient=soldiers, rule="assault.kill", mode=None)
    blast = _attack(30, actor=soldiers, rule="assault.explosives", mode="explosives")
    ev = absorb(killed, blast)
    assert ev.actor is None and ev.recipient is soldiers and ev.mode == "explosives"


def test_better_specified_recipient_wins():
    people = Entity("شخصا", 40, 44, "NORP", actor_id="CVL", sector="CVL", source="composed")
    afghans = Entity("مدنيين أفغان", 10, 22, "NORP", actor_id="AFG:CVL", country="AFG", sector="CVL",
                     source="composed")
    ev = absorb(_attack(40, recipient=people), _attack(10, recipient=afghans))
    assert ev.recipient is afghans


def test_headline_area_and_body_town_are_one_attack(code):
    doc = code("مقتل أربعة مدنيين بقصف مدفعي على ريف إدلب\n"
               "قتل أربعة مدنيين وأصيب سبعة آخرون صباح اليوم جراء قصف مدفعي نفذته القوات الحكومية "
               "على مدينة معرة النعمان في ريف إدلب الجنوبي.")
    assault = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert len(assault) == 1
    ev = assault[0]
    assert ev.location.text == "معرة النعمان"  # the town, not the area
    assert (ev.actor.country, ev.actor.sector) == ("SYR", "MIL")
    assert ev.fatalities == {"value": 4, "qualifier": "exact"}  # taken once, not 8
    assert ev.injuries == {"value": 7, "qualifier": "exact"}
    assert any(m.start < doc.text.index("\n") for m in ev.mentions)


def test_an_area_in_the_body_does_not_swallow_a_town_attack(code):
    doc = code("قتل ثلاثة مدنيين بقصف مدفعي على معرة النعمان صباح اليوم. "
               "وفي حادث منفصل قصفت القوات الحكومية بلدة سرمين في ريف إدلب بالمدفعية مساء اليوم.")
    assault = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert sorted(e.location.text for e in assault) == ["سرمين", "معرة النعمان"]
