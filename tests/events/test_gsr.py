"""GSR evaluation: reading the layout, scoring, the printed report, and the sentence model."""

import json

import pytest

from marsad.errors import DataFileError
from marsad.events import evaluate_gsr, format_gsr_report
from marsad.events.gsr import _iso, read_gsr, read_spans
from marsad.events.model import load_model


@pytest.fixture(scope="module")
def gsr_dir(shared_data):
    return shared_data / "arabic-event-gsr-dev"


def test_read_gsr_layout(gsr_dir):
    rows = read_gsr(str(gsr_dir), "ASSAULT")
    assert len(rows) == 1624
    labels = {r["label"] for r in rows}
    assert labels == {"yes", "easy no", "difficult no", "ambiguous"}
    assert sum(r["label"] == "yes" for r in rows) == 162


def test_read_spans_majority_actor(gsr_dir):
    spans = read_spans(str(gsr_dir), "ASSAULT")
    gold = spans["AAW_ARB_20080228.0080-10"]  # Israel assassinates Imad Mughniyeh
    assert gold["source"][:2] == ("ISR", "None")
    assert gold["target"][:2] == ("LBN", "REB")
    assert "اسرائيل" in gold["source"][2]


def test_cameo_codes_map_to_iso():
    assert _iso("IMG") is None and _iso("None") is None and _iso("IRQ") == "IRQ" and _iso("ROM") == "ROU"


def test_evaluate_on_a_slice(gsr_dir, nlp):
    report = evaluate_gsr(str(gsr_dir), limit=120, pipeline=nlp)
    a = report["types"]["ASSAULT"]
    assert a["n"] + a["ambiguous"] == 120
    yes = sum(r["label"] == "yes" for r in read_gsr(str(gsr_dir), "ASSAULT", limit=120))
    assert a["tp"] + a["fn"] == yes == 17
    assert a["f1"] >= 0.5  # rules + model; a keyword match scores about 0.3
    assert report["sentences"] == 240 and report["errors"] == 0
    assert 0 <= report["actors"]["all"]["country"] <= 1 and report["actors"]["all"]["n"] > 0
    text = format_gsr_report(report)
    assert "ASSAULT" in text and "PROTEST" in text and "sentences/s" in text


def test_missing_folder_is_a_data_error(tmp_path):
    with pytest.raises(DataFileError, match="no assault_gsr.csv"):
        evaluate_gsr(str(tmp_path))


def test_bundled_model_is_valid_and_records_its_cv():
    model = load_model()
    assert set(model.weights) == {"ASSAULT", "PROTEST"}
    for t in ("ASSAULT", "PROTEST"):
        assert 0.2 <= model.threshold(t) <= 0.9
        assert 0 < model.meta["cv"][t]["f1"] < 1


def test_bad_model_file(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"weights": {}}), encoding="utf-8")
    with pytest.raises(DataFileError, match="invalid sentence model"):
        load_model(str(bad))
