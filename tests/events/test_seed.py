"""The reference article: the events listed in expected.json, and the others an analyst codes."""

import pytest

from marsad.io.articles import doc_from_text


@pytest.fixture(scope="module")
def seed_doc(nlp, seed_path):
    return nlp(doc_from_text(seed_path.read_text(encoding="utf-8")))


def _place_text(ev):
    return ev.location.text if ev.location else None


def test_expected_events(seed_doc, seed_expected):
    events = seed_doc.events
    for want in seed_expected["events"]:
        found = []
        for ev in events:
            if ev.event_type != want["event_type"] or ev.actor is None or ev.actor.country != want["actor_country"]:
                continue
            if "status" in want and ev.status != want["status"]:
                continue
            if "recipient_country" in want and (ev.recipient is None or ev.recipient.country != want["recipient_country"]):
                continue
            if "actor_sector" in want and ev.actor.sector != want["actor_sector"]:
                continue
            if "place" in want and _place_text(ev) != want["place"]:
                continue
            if "place_any_of" in want and _place_text(ev) not in want["place_any_of"]:
                continue
            if "date" in want and ev.date != want["date"]:
                continue
            if "fatalities" in want and ev.fatalities != want["fatalities"]:
                continue
            if "injuries" in want and ev.injuries != want["injuries"]:
                continue
            found.append(ev)
        assert len(found) == 1, f"{want['what']}: {len(found)} matching events"


def test_headline_merged_into_the_planned_meeting(seed_doc):
    meeting = [e for e in seed_doc.events if e.event_type == "CONSULT" and e.status == "planned"
               and e.recipient is not None and e.recipient.actor_id == "khamenei"]
    assert len(meeting) == 1
    mentions = [m.text for m in meeting[0].mentions]
    assert mentions[0] == "يبحث" and "سيلتقي" in mentions
    assert meeting[0].mentions[0].start < 60  # the headline
    assert meeting[0].attributed_to.text == "الكرملين"


def test_other_events_an_analyst_codes(seed_doc):
    ev = seed_doc.events
    by_rule = {(e.event_type, e.mode) for e in ev}
    assert ("CONSULT", "visit") in by_rule
    rouhani = [e for e in ev if e.recipient is not None and e.recipient.actor_id == "rouhani"]
    assert rouhani and rouhani[0].status == "planned" and rouhani[0].date == "2015-11-23"
    basij = [e for e in ev if e.event_type == "MOBILIZE" and e.mode == "exercise" and _place_text(e) == "قم"]
    assert basij and basij[0].actor.country == "IRN"
    sohr = [e for e in ev if e.attributed_to is not None and e.attributed_to.text == "المرصد السوري"
            and e.fatalities is not None]
    assert sohr and sohr[0].fatalities == {"value": 1300, "qualifier": "approx"} and sohr[0].actor.country == "RUS"
    summon = [e for e in ev if e.event_type == "ACCUSE" and e.mode == "summon"]
    assert summon and summon[0].actor.country == "TUR" and summon[0].recipient.country == "RUS"
    assert summon[0].date == "2015-11-20" and _place_text(summon[0]) == "أنقرة"
    damascus = [e for e in ev if e.event_type == "ASSAULT" and _place_text(e) == "دمشق"]
    assert damascus and damascus[0].actor.sector == "REB" and damascus[0].fatalities == {"value": 5, "qualifier": "min"}
    riyadh = [e for e in ev if e.event_type == "CONSULT" and e.mode == "host" and e.status == "planned"]
    assert riyadh and riyadh[0].actor.country == "SAU" and riyadh[0].date == "2015-12"
    vienna = [e for e in ev if e.event_type == "AGREE" and e.date == "2015-11-13"]
    assert vienna


def test_no_event_from_background_or_opinion(seed_doc):
    text = seed_doc.text
    opinion = text.index("واعتبر مراقبون")
    history = text.index("اللافت أن بوتين")
    for ev in seed_doc.events:
        for m in ev.mentions:
            # the 2007 meeting and the observers' opinion clause are not reports
            assert not (history <= m.start < history + 60), ev.rule
            assert not (opinion <= m.start < opinion + 70), ev.rule


def test_offsets_point_into_the_text(seed_doc):
    for ev in seed_doc.events:
        for span in [ev.trigger, ev.sentence, *ev.mentions]:
            assert seed_doc.text[span.start:span.end] == span.text
        assert ev.event_id.startswith(seed_doc.doc_id + "-")
