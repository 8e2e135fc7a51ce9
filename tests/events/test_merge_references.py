"""Merging by reference, opposite sides and place precision (issue 4, SaudiNewsNet reading).

Events are built by hand so each rule of ``marsad.events.merge`` is checked
on its own; the sentence cases in ``sentences.yaml`` check the same rules
through the whole pipeline.
"""

from marsad.doc import Entity, Event, Place, Span
from marsad.entities.gazetteer import precision_rank
from marsad.events.merge import absorb, agentless_restatement, merge_mentions, refers_back

DONETSK = Place("دونيتسك", 0, 7, geonameid=709717, country_code="UA", feature="city", admin1="Donetsk")
KIEV_ARMY = Entity("الجيش الأوكراني", 0, 15, "ORG", actor_id="UKR:MIL", country="UKR", sector="MIL",
                   source="composed")
UKR_SOLDIERS = Entity("جنود أوكرانيين", 0, 14, "NORP", actor_id="UKR:MIL", country="UKR", sector="MIL",
                      source="composed")
CIVILIANS = Entity("مدنيين", 0, 6, "NORP", actor_id="CVL", sector="CVL", source="composed")
IDLIB_RIF = Place("ريف إدلب", 0, 8, country_code="SY", feature="region", admin1="Idlib")
SARMIN = Place("سرمين", 0, 5, geonameid=163270, country_code="SY", feature="city", admin1="Idlib")
JUBEIR = Entity("عادل الجبير", 0, 11, "PER", actor_id="jubeir", country="SAU", sector="GOV")
FABIUS = Entity("لوران فابيوس", 0, 12, "PER", actor_id="fabius", country="FRA", sector="GOV")
KERRY = Entity("جون كيري", 0, 8, "PER", actor_id="kerry", country="USA", sector="GOV")


def _ev(etype, start, sentence, trigger, actor=None, recipient=None, place=None, mode=None, fatalities=None,
        rule=""):
    """An event whose trigger ``trigger`` sits in ``sentence`` starting at offset ``start``."""
    s = Span(sentence, start, start + len(sentence))
    at = start + sentence.index(trigger)
    t = Span(trigger, at, at + len(trigger))
    return Event("", etype, t, s, mode=mode, actor=actor, recipient=recipient, location=place, date="2015-08-01",
                 date_inferred=True, fatalities=fatalities, rule=rule, mentions=[t])


def test_victims_of_the_agents_own_side_are_another_attack():
    # Ukrainian shelling of Donetsk, then Ukrainian soldiers killed there: the second is the other side's attack
    shelling = _ev("ASSAULT", 0, "قصف الجيش الأوكراني أحياء في دونيتسك.", "قصف", actor=KIEV_ARMY, place=DONETSK,
                   mode="shelling", rule="assault.shelling")
    killed = _ev("ASSAULT", 100, "وقتل ثلاثة جنود أوكرانيين في دونيتسك.", "قتل", recipient=UKR_SOLDIERS,
                 place=DONETSK, fatalities={"value": 3, "qualifier": "exact"}, rule="assault.kill")
    assert not agentless_restatement(shelling, killed)
    assert len(merge_mentions([shelling, killed])) == 2
    # civilians killed in the same town are the shelling's victims: one attack
    victims = _ev("ASSAULT", 100, "وقتل ثلاثة مدنيين في دونيتسك.", "قتل", recipient=CIVILIANS, place=DONETSK,
                  fatalities={"value": 3, "qualifier": "exact"}, rule="assault.kill")
    assert agentless_restatement(shelling, victims)
    assert len(merge_mentions([shelling, victims])) == 1


def test_the_merged_attack_keeps_the_town_not_the_headline_area():
    head = _ev("ASSAULT", 0, "مقتل 6 مدنيين بقصف على ريف إدلب", "قصف", place=IDLIB_RIF, mode="shelling",
               fatalities={"value": 6, "qualifier": "exact"}, recipient=CIVILIANS, rule="assault.shelling")
    body = _ev("ASSAULT", 40, "وقصفت القوات بلدة سرمين.", "قصفت", place=SARMIN, mode="shelling",
               rule="assault.shelling")
    ev = absorb(head, body)  # the headline has more fields and is kept
    assert ev.location is SARMIN
    assert ev.fatalities == {"value": 6, "qualifier": "exact"}


def test_precision_rank_orders_places_from_country_to_village():
    ranks = [precision_rank(f, "Idlib") for f in ("country", "admin1", "region", "city", "village")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 5
    assert precision_rank("region", None) == precision_rank("country")  # "الشرق الأوسط"، "إقليم كردستان"
    assert precision_rank(None) == 0


def test_a_meeting_told_again_is_one_event():
    met = _ev("CONSULT", 0, "استقبل الجبير في الرياض نظيره الفرنسي فابيوس.", "استقبل", actor=JUBEIR,
              recipient=FABIUS, mode="meet")
    talks = _ev("CONSULT", 60, "وبحث فابيوس العلاقات الثنائية.", "بحث", actor=FABIUS, mode="meet")
    attended = _ev("CONSULT", 100, "وحضر اللقاء سفير فرنسا.", "لقاء", actor=Entity(
        "سفير فرنسا", 0, 10, "PER", actor_id="FRA:GOV", country="FRA", sector="GOV", source="composed"), mode="meet")
    assert refers_back(met, talks) and refers_back(met, attended)
    out = merge_mentions([met, talks, attended])
    assert len(out) == 1 and len(out[0].mentions) == 3
    assert out[0].actor is JUBEIR and out[0].recipient is FABIUS


def test_a_meeting_with_a_new_partner_stays_apart():
    met = _ev("CONSULT", 0, "استقبل الجبير نظيره الفرنسي فابيوس.", "استقبل", actor=JUBEIR, recipient=FABIUS,
              mode="meet")
    other = _ev("CONSULT", 60, "كما عقد الجبير اجتماعا مع كيري.", "اجتماعا", actor=JUBEIR, recipient=KERRY,
                mode="meet")
    definite_pair = _ev("CONSULT", 60, "وفي الاجتماع بين الجبير وكيري بحثا الأزمة.", "اجتماع", actor=JUBEIR,
                        recipient=KERRY, mode="meet")
    assert not refers_back(met, other) and not refers_back(met, definite_pair)
    assert len(merge_mentions([met, other])) == 2
    visit = _ev("CONSULT", 60, "وحضر اللقاء سفير فرنسا.", "لقاء", mode="visit")
    assert not refers_back(met, visit)  # another mode


def test_a_demonstrative_points_at_the_latest_attack():
    clash = _ev("ASSAULT", 0, "اندلعت مواجهات بين الجيش ومسلحين في العريش.", "مواجهات", recipient=KIEV_ARMY,
                mode="firearms", rule="assault.firearms")
    dead = _ev("ASSAULT", 60, "وقتل سبعة خلال تلك المواجهات.", "المواجهات", recipient=CIVILIANS, mode="firearms",
               fatalities={"value": 7, "qualifier": "exact"}, rule="assault.firearms")
    assert refers_back(clash, dead)
    out = merge_mentions([clash, dead])
    assert len(out) == 1 and out[0].fatalities == {"value": 7, "qualifier": "exact"}
    plain = _ev("ASSAULT", 60, "وقتل سبعة في مواجهات أخرى.", "مواجهات", recipient=CIVILIANS, mode="firearms",
                fatalities={"value": 7, "qualifier": "exact"}, rule="assault.firearms")
    assert not refers_back(clash, plain)
