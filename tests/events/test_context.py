"""Sports context and the participants an event type needs (issue 4)."""

import pytest

from marsad.events.context import is_sports, lacks_participant, load_cues
from marsad.events.match import split_words
from marsad.doc import Entity


def _words(text):
    return split_words(text, 0, len(text))


@pytest.mark.parametrize("text", [
    "التقى الفريقان في مباراة قوية انتهت بالتعادل",      # a unique sports word
    "هاجم اللاعب مرمى الخصم في الشوط الثاني",            # several
    "وانتقد مدرب النادي أداء لاعبيه",                     # two strong words, with clitics
])
def test_sports_sentences(text):
    assert is_sports(_words(text))


@pytest.mark.parametrize("text", [
    "التقى وزير الخارجية السعودي نظيره الأمريكي في الرياض",
    "الرئيس الدوري لمجلس الأمن يدعو إلى التهدئة",          # الدوري = rotating
    "التقارير الدورية للوكالة الدولية للطاقة الذرية",       # الدورية is not الدوري
    "إيران لاعب إقليمي مهم في الأزمة السورية",              # one strong word is not enough
    "وقعت منظمة التعاون الإسلامي اتفاقا مع الاتحاد الأفريقي",  # club names are not cues
])
def test_political_sentences_are_not_sports(text):
    assert not is_sports(_words(text))


def test_needs_participant():
    someone = Entity("تركيا", 0, 5, "GPE", country="TUR", sector="GOV")
    for etype in ("CONSULT", "ACCUSE", "THREATEN", "REJECT", "SUPPORT", "REQUEST"):
        assert lacks_participant(etype, None, None)
        assert not lacks_participant(etype, someone, None)
        assert not lacks_participant(etype, None, someone)
    for etype in ("ASSAULT", "PROTEST", "COERCE", "AGREE"):
        assert not lacks_participant(etype, None, None)


def test_cue_lists_are_folded():
    cues = load_cues()
    assert "مباراه" in cues.sports_unique and "مباراة" not in cues.sports_unique
    assert "كره القدم" in cues.sports_strong  # two-word cue, each word folded
    assert set(cues.needs_participant.values()) <= {"any", "actor"}


def test_sports_report_yields_no_political_event(code):
    doc = code("التقى الهلال والنصر في مباراة الدوري أمس، وانتقد مدرب النصر التحكيم بعد اللقاء.")
    assert [e.event_type for e in doc.events] == []


def test_fans_killed_at_a_stadium_are_still_an_assault(code_rules):
    doc = code_rules("قتل 12 مشجعا في اشتباكات مع الشرطة بعد مباراة في بورسعيد.")
    assert [(e.event_type, e.fatalities["value"]) for e in doc.events] == [("ASSAULT", 12)]
