"""Nested CV of marsad.events.train on a small GSR-layout folder written here, and repeated over splits."""

import csv

import pytest

from marsad.events.train import MODE_MARGIN, PLAIN_MODES, main, repeated_cv

PLACES = ["حلب", "الموصل", "قندهار", "بنغازي", "صنعاء", "درعا", "الرمادي", "سرت", "تعز", "الفلوجة", "إدلب", "حمص"]


def _write_gsr(folder):
    """12 plain attack reports (yes), 12 condemnations of an attack (no), 12 plain protest reports, 12 calls to protest."""
    rows = {"assault": [], "protest": []}
    for i, place in enumerate(PLACES):
        rows["assault"].append(("yes", f"قصفت الطائرات مواقع المسلحين في {place} صباح الأحد فقتلت {i + 3} منهم."))
        rows["assault"].append(("difficult no", f"أدان وزير الخارجية الهجوم على {place} ودعا إلى محاسبة المسؤولين."))
        rows["protest"].append(("yes", f"تظاهر مئات العمال أمس في {place} مطالبين بزيادة الأجور."))
        rows["protest"].append(("difficult no", f"دعت النقابة إلى التظاهر في {place} الأسبوع المقبل."))
    for etype, items in rows.items():
        with (folder / f"{etype}_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "event_type", "label", "accept", "reject", "total", "text"])
            for k, (label, text) in enumerate(items):
                acc = 3 if label == "yes" else 1
                w.writerow([f"DOC{k // 2}-{k}", etype.upper(), label, acc, 3 - acc, 3, text])
    return folder


@pytest.fixture(scope="module")
def tiny_gsr(tmp_path_factory):
    return _write_gsr(tmp_path_factory.mktemp("gsr"))


def test_repeated_cv_separates_reports_from_mentions(tiny_gsr):
    out = repeated_cv(str(tiny_gsr), [13, 1], use_team_data=False)
    assert set(out) == {"ASSAULT", "PROTEST"}
    for r in out.values():
        assert len(r["f1"]) == 2
        assert min(r["f1"]) >= 0.8  # reports and mentions differ in every word around the trigger
        assert r["sd"] == pytest.approx(abs(r["f1"][0] - r["f1"][1]) / 2, abs=1e-3)


def test_same_seed_gives_the_same_scores(tiny_gsr):
    a = repeated_cv(str(tiny_gsr), [7], modes=("sentence",), use_team_data=False, types=("PROTEST",))
    b = repeated_cv(str(tiny_gsr), [7], modes=("sentence",), use_team_data=False, types=("PROTEST",))
    assert a == b and set(a) == {"PROTEST"} and a["PROTEST"]["sd"] == 0.0


def test_command_line_repeat_prints_and_writes_nothing(tiny_gsr, capsys, tmp_path):
    out = tmp_path / "m.json"
    assert main([str(tiny_gsr), "--repeat", "13", "--views", "sentence", "--gsr-only", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "ASSAULT: seeds=[13]" in printed and "PROTEST: seeds=[13]" in printed
    assert not out.exists()


def test_views_go_from_simple_to_rich():
    assert PLAIN_MODES[0] == "sentence" and 0 < MODE_MARGIN < 0.1
