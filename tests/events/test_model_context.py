"""Trigger-in-context features of the sentence model and the views the training chooses from."""

import json

import pytest

from marsad.events.context import segment
from marsad.events.lexicon import load_lexicon
from marsad.events.match import find_triggers, marker_flags, split_words
from marsad.events.model import SentenceModel, context_features, load_model
from marsad.events.train import MODES, PLAIN_MODES, _view, uses


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _parse(text, lex):
    words = split_words(text, 0, len(text))
    flags = marker_flags(words, lex)
    return words, find_triggers(words, lex), flags, segment(words, flags)


def _features(event_type, text, lex):
    return set(context_features(event_type, *_parse(text, lex)))


def test_plain_report_has_main_verb_count_time_and_place(lex):
    f = _features("ASSAULT", "قتل 20 شخصا في هجوم على سوق المدينة صباح الأحد.", lex)
    assert {"q:clean", "q:v:initial", "q:v:perf", "q:v:count", "q:cl:count_cas", "q:cl:time", "q:cl:place",
            "q:n:after:في", "q:n:indef"} <= f
    assert not any(k.startswith("q:any:") for k in f)


def test_nominal_trigger_governed_by_a_topic_noun(lex):
    f = _features("ASSAULT", "قدمت الوزارة تعويضات لأسر ضحايا الهجوم.", lex)
    assert {"q:n:mention", "q:n:def", "q:n:genitive"} <= f
    assert not {"q:v:initial", "q:cl:time", "q:cl:count"} & f


def test_cause_of_a_reported_death(lex):
    f = _features("ASSAULT", "قتل مدني جراء القصف على البلدة.", lex)
    assert {"q:n:causal", "q:v:initial", "q:cl:cas", "q:cl:place"} <= f


def test_planned_protest_is_not_clean_and_future_is_flagged(lex):
    f = _features("PROTEST", "من المقرر أن يتظاهر العمال يوم الجمعة المقبل.", lex)
    assert "q:any:future" in f and "q:v:imperf" in f
    assert not any(k.startswith("q:clean") for k in f)


def test_ta_initial_perfect_verb_gets_no_tense(lex):
    # "تظاهر" is a perfect verb that begins with ت: the prefix says nothing about tense
    f = _features("PROTEST", "تظاهر مئات الطلاب أمس في ساحة الجامعة.", lex)
    assert {"q:clean:v:main", "q:v:initial", "q:v:count", "q:cl:past"} <= f
    assert not {"q:v:imperf", "q:v:perf"} & f


def test_reported_speech_clause_kind(lex):
    f = _features("PROTEST", "وقال المتحدث إن الشرطة فرقت المظاهرة بالقوة.", lex)
    assert "q:clean:n:reported" in f and "q:clean:n:main" not in f


def test_only_triggers_of_the_type_count(lex):
    assert _features("PROTEST", "قتل 20 شخصا في هجوم على سوق المدينة.", lex) == set()


def test_views_keep_the_features_of_their_mode():
    feats = {"w:هجوم": 1.0, "q:clean": 1.0, "x:0": 0.5, "e:0": 0.1}
    assert set(_view(feats, "sentence")) == {"w:هجوم", "e:0"}
    assert set(_view(feats, "trigger")) == {"w:هجوم", "e:0", "q:clean"}
    assert set(_view(feats, "context")) == {"w:هجوم", "e:0", "x:0"}
    assert set(_view(feats, "trigger+context")) == set(feats)
    assert [uses(m) for m in MODES] == [(False, False), (True, False), (False, True), (True, True)]
    assert not any(uses(m)[1] for m in PLAIN_MODES)


def test_model_scores_trigger_features_only_when_switched_on(lex, tmp_path):
    args = _parse("تظاهر مئات الطلاب أمس في ساحة الجامعة.", lex)
    model = SentenceModel({"PROTEST": {"q:clean": 2.0}}, {"PROTEST": -2.0}, {"PROTEST": 0.5},
                          trigger_context={"PROTEST": True})
    path = tmp_path / "m.json"
    path.write_text(model.to_json(), encoding="utf-8")
    back = load_model(str(path))
    assert back.trigger_context == {"PROTEST": True}
    assert back.probability("PROTEST", *args) == pytest.approx(0.5)
    back.trigger_context["PROTEST"] = False
    assert back.probability("PROTEST", *args) == pytest.approx(1 / (1 + 2.718281828 ** 2), abs=1e-6)


def test_old_model_files_without_the_field_load(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"weights": {"ASSAULT": {"t:x": 1.0}}, "intercepts": {"ASSAULT": 0.0},
                                "thresholds": {"ASSAULT": 0.5}}), encoding="utf-8")
    assert load_model(str(path)).trigger_context == {}


def test_bundled_model_weights_trigger_features_only_where_switched_on():
    model = load_model()
    for etype, weights in model.weights.items():
        has_q = any(k.startswith("q:") for k in weights)
        assert has_q == model.trigger_context.get(etype, False)
