"""The YAML lexicon: bundled entries, user layering and error messages."""

import pytest

from marsad.doc import EVENT_TYPES
from marsad.errors import DataFileError
from marsad.events import load_lexicon
from marsad.events.forms import fold, lookup_keys, verb_forms
from marsad.events.ontology import MODES, cameo_root


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_bundled_lexicon_covers_every_type(lex):
    assert {e.type for e in lex.entries.values()} == set(EVENT_TYPES)
    for e in lex.entries.values():
        assert e.mode is None or e.mode in MODES[e.type]


def test_verb_paradigm_matches_person_tense_and_voice(lex):
    forms = verb_forms("قصف")
    assert {"قصف", "قصفت", "قصفوا", "يقصف", "تقصف", "يقصفون"} <= forms
    assert {"يستهدف", "استهدفت"} <= verb_forms("استهدف")
    assert [e.id for e, is_verb in lex.words["قصفت"]] == ["assault.shelling"]
    assert lex.words["اغتيل"][0][0].id == "assault.assassination"


def test_clitics_are_stripped_before_lookup():
    keys = [k for k, _ in lookup_keys(fold("وبالقصف"))]
    assert "قصف" in keys
    assert ("زار", "و") not in lookup_keys("وزاره")  # "وزارة" is not "و + زار + ه"


def test_cameo_refined_by_mode():
    assert cameo_root("ASSAULT", "aerial") == "19"
    assert cameo_root("ASSAULT", "mass_killing") == "20"
    assert cameo_root("ASSAULT", "explosives") == "18"
    assert cameo_root("PROTEST", "strike") == "14"


def test_user_lexicon_adds_and_overrides(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "entries:\n"
        "  - id: assault.shelling\n    type: ASSAULT\n    mode: shelling\n    verbs: [دك]\n    weight: 0.5\n"
        "  - id: protest.boycott\n    type: PROTEST\n    nouns: [مقاطعة]\n",
        encoding="utf-8",
    )
    lex = load_lexicon(str(user))
    assert lex.entries["assault.shelling"].weight == 0.5
    assert "قصفت" not in lex.words  # the bundled entry was replaced, its forms are gone
    assert lex.words["مقاطعه"][0][0].id == "protest.boycott"
    assert lex.sources[-1] == str(user)


def test_user_lexicon_changes_coding(tmp_path, code):
    from marsad.doc import Doc
    from marsad.events import EventStage

    user = tmp_path / "mine.yaml"
    user.write_text("entries:\n  - id: protest.boycott\n    type: PROTEST\n    nouns: [مقاطعة]\n"
                    "    args: intransitive\n", encoding="utf-8")
    stage = EventStage(lexicon=str(user), use_model=False)
    doc = stage(Doc("أعلن التجار مقاطعة البضائع المستوردة في السوق."))
    assert [e.rule for e in doc.events] == ["protest.boycott"]


@pytest.mark.parametrize("text, message", [
    ("entries:\n  - id: x\n    type: FIGHT\n    verbs: [قصف]\n", r"mine.yaml:2 entry 'x': type must be one of"),
    ("entries:\n  - id: x\n    type: ASSAULT\n    mode: bombing\n    verbs: [قصف]\n", r"mode 'bombing' is not a PLOVER mode"),
    ("entries:\n  - id: x\n    type: ASSAULT\n", r"entry has no verbs"),
    ("entries:\n  - id: x\n    type: ASSAULT\n    verbs: [قصف]\n  - id: x\n    type: ASSAULT\n    verbs: [دك]\n",
     r"mine.yaml:5: duplicate entry id 'x'"),
    ("entries:\n  - id: x\n    type: ASSAULT\n    verbs: قصف\n", r"'verbs' must be a list"),
    ("entries:\n  - id: x\n    type: ASSAULT\n    verbs: [قصف]\n    colour: red\n", r"unknown keys \['colour'\]"),
    ("entries: [\n", r"mine.yaml:\d+: invalid YAML"),
    ("markers:\n  rumours: [يقال]\n", r"unknown marker list 'rumours'"),
])
def test_bad_user_lexicon_names_file_line_and_reason(tmp_path, text, message):
    user = tmp_path / "mine.yaml"
    user.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_lexicon(str(user))


def test_missing_user_lexicon(tmp_path):
    with pytest.raises(DataFileError, match="cannot read lexicon"):
        load_lexicon(str(tmp_path / "absent.yaml"))


def test_stage_reports_bad_lexicon_at_initialize(tmp_path):
    from marsad.events import EventStage

    user = tmp_path / "bad.yaml"
    user.write_text("entries:\n  - id: y\n    type: NOPE\n    verbs: [قصف]\n", encoding="utf-8")
    stage = EventStage(lexicon=str(user))
    with pytest.raises(DataFileError, match="bad.yaml:2 entry 'y'"):
        stage.initialize()
