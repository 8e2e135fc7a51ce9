"""Who acts, who is acted on, where and when: argument rules of issue 4 (rules alone, no sentence model)."""


def _only(doc, etype):
    found = [e for e in doc.events if e.event_type == etype]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in doc.events]
    return found[0]


def _codes(entity):
    return None if entity is None else (entity.country, entity.sector)


def test_protest_target_named_by_a_cue_beats_the_building(code_rules):
    ev = _only(code_rules("تجمع مئات المتظاهرين أمام مقر رئيس الوزراء البريطاني احتجاجا على زيارة "
                          "الرئيس الباكستاني إلى لندن."), "PROTEST")
    assert _codes(ev.actor) == (None, "CVL")
    assert _codes(ev.recipient) == ("PAK", "GOV")


def test_what_is_protested_is_not_the_protester(code_rules):
    ev = _only(code_rules("خرجت مظاهرات ضد وجود القوات الأمريكية في العاصمة."), "PROTEST")
    assert ev.actor is None or ev.actor.sector != "MIL"
    assert _codes(ev.recipient) == ("USA", "MIL")


def test_agent_after_a_passive_marker_acts(code_rules):
    ev = _only(code_rules("وقتل أحد عناصر الشرطة على يد مسلحين ملثمين في مدينة الموصل أمس."), "ASSAULT")
    assert _codes(ev.actor) == (None, "UAF")
    assert ev.recipient is not None and ev.recipient.sector == "COP"


def test_suicide_bomber_is_the_attacker_not_the_victim(code_rules):
    ev = _only(code_rules("قتل 20 شخصا وأصيب 40 في هجوم انتحاري على سوق شعبية."), "ASSAULT")
    assert _codes(ev.actor) == (None, "CRM")
    assert ev.recipient is None or ev.recipient.sector != "CRM"
    assert ev.fatalities == {"value": 20, "qualifier": "exact"} and ev.injuries["value"] == 40


def test_subordinate_clause_keeps_its_own_participants(code_rules):
    ev = _only(code_rules("أصيب 50 شخصا عندما قصفت القوات الحكومية حي جوبر في دمشق."), "ASSAULT")
    assert _codes(ev.actor) == ("SYR", "MIL")
    assert _codes(ev.recipient) != ("SYR", "MIL")


def test_replica_is_not_the_scene(code_rules):
    ev = _only(code_rules("أجرت قوات الحرس الثوري مناورات في محافظة قم لتحرير مبنى يحاكي المسجد الأقصى."),
               "MOBILIZE")
    assert ev.location is not None and ev.location.text == "قم"


def test_deadline_is_not_the_event_date(code_rules):
    ev = _only(code_rules("وبعد الاتفاق على بدء محادثات بحلول يناير المقبل، أعلنت الحكومة استقالتها في منتصف ديسمبر."),
               "AGREE")
    assert ev.status == "reported" and ev.date == "2015-11-21" and ev.date_inferred
