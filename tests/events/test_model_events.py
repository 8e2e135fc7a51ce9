"""The pooled pipeline-event model: its type-independent features and its nested CV (marsad.events.model, .train)."""

import pytest

from marsad.events import train
from marsad.events.model import event_features
from marsad.events.train import MIX_WEIGHTS, pooled_event_cv
from tests.events.test_train_repeat import _write_gsr


def _features(code_rules, text, event_type):
    return event_features([e for e in code_rules(text).events if e.event_type == event_type])


def test_a_plain_report_has_reported_arguments(code_rules):
    f = _features(code_rules, "قصفت الطائرات الإسرائيلية مدينة غزة أمس فقتلت خمسة أشخاص.", "ASSAULT")
    assert f["ev:n1"] == f["ev:st:reported"] == 1.0
    for name in ("ev:rep:a", "ev:rep:place", "ev:rep:time", "ev:rep:cas", "ev:a:sec:MIL", "ev:mode:shelling"):
        assert name in f, name


def test_a_negated_attack_reports_nothing(code_rules):
    f = _features(code_rules, "لم تقصف الطائرات الإسرائيلية مدينة غزة أمس.", "ASSAULT")
    assert f["ev:st:negated"] == 1.0 and "ev:st:reported" not in f
    assert not [k for k in f if k.startswith("ev:rep:")]


def test_the_features_name_no_event_type(code_rules):
    f = _features(code_rules, "تظاهر مئات العمال أمس في صنعاء مطالبين بزيادة الأجور.", "PROTEST")
    assert f["ev:st:reported"] == 1.0 and "ev:a:sec:CVL" in f
    assert not [k for k in f if "PROTEST" in k or "ASSAULT" in k]
    assert event_features([]) == {"ev:n0": 1.0}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The tiny GSR of test_train_repeat, and event features that tell its reports (yes) from the rest."""
    folder = _write_gsr(tmp_path_factory.mktemp("gsr"))
    feats = {}
    for etype in ("ASSAULT", "PROTEST"):
        rows = train.read_gsr(str(folder), etype)
        feats[etype] = {r["id"]: {"ev:n1": 1.0, "ev:st:reported" if r["label"] == "yes" else "ev:st:planned": 1.0}
                        for r in rows}
    return folder, feats


def test_pooled_cv_scores_each_seed_and_names_its_choice(tiny):
    folder, feats = tiny
    out = pooled_event_cv(str(folder), [13, 1], use_team_data=False, event_feats=feats)
    assert set(out) == {"ASSAULT", "PROTEST"}
    for r in out.values():
        assert {len(r[k]) for k in ("sentence", "mixed", "half", "chosen")} == {2}
        assert min(r["mixed"]) >= 0.8 and min(r["half"]) >= 0.8
        assert all(float(c.split("@")[0]) in MIX_WEIGHTS for folds in r["chosen"] for c in folds)


def test_command_line_event_model_prints_the_three_procedures(tiny, monkeypatch, capsys, tmp_path):
    folder, feats = tiny
    monkeypatch.setattr(train, "pipeline_event_features", lambda directory: feats)
    out = tmp_path / "m.json"
    assert train.main([str(folder), "--repeat", "13", "--event-model", "--gsr-only", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    for line in ("ASSAULT sentence: seeds=[13]", "PROTEST mixed: seeds=[13]", "PROTEST half: seeds=[13]"):
        assert line in printed
    assert not out.exists()
