import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import marsad.run
from marsad.cli import main
from marsad.pipeline import Pipeline
from tests.store.keyword_stage import KeywordEvents

ROOT = Path(__file__).resolve().parents[1]
DATA = str(ROOT / "tests" / "store" / "data")     # four test articles (see tests/store/conftest.py)


@pytest.fixture(autouse=True)
def keyword_pipeline(monkeypatch):
    """``marsad code`` runs the keyword stage instead of the full pipeline."""
    monkeypatch.setattr(marsad.run, "default_pipeline", lambda lexicon=None: Pipeline([KeywordEvents()]))


@pytest.fixture()
def db(tmp_path):
    path = str(tmp_path / "events.duckdb")
    assert main(["code", DATA, "--db", path, "--quiet"]) == 0
    return path


def test_code_prints_a_closing_summary(tmp_path, capsys):
    assert main(["code", DATA, "--db", str(tmp_path / "x.duckdb")]) == 0
    err = capsys.readouterr().err
    assert "read 4 · stored 4 · duplicates 0 · unchanged 0 · errors 0 · events 5" in err
    assert "articles/s" in err


def test_code_without_store_prints_jsonl(capsys):
    assert main(["code", DATA, "--no-db", "--quiet"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["events"][0]["event_type"] for r in records] == ["CONSULT", "PROTEST", "COERCE", "ASSAULT"]


def test_code_writes_output_file(tmp_path):
    out = tmp_path / "acled.csv"
    assert main(["code", DATA, "--no-db", "-o", str(out), "--format", "acled", "--quiet"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 4 and [r["event_date"] for r in rows] == ["2024-08-10", "2024-08-11", "2024-05-02", "2024-05-02"]


def test_exit_1_when_some_inputs_fail(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("تظاهر مئات الطلاب أمام مبنى الجامعة في البصرة.", encoding="utf-8")
    db = str(tmp_path / "m.duckdb")
    assert main(["code", str(tmp_path / "empty.txt"), str(tmp_path / "ok.txt"), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "stored 1" in err and "errors 1" in err and "failed: " in err and "empty.txt" in err


@pytest.mark.parametrize("argv", [
    ["code", "/no/such/input.txt", "--no-db"],
    ["code", DATA, "--workers", "0", "--no-db"],
    ["code", DATA, "--db", "x.duckdb", "--no-db"],
    ["code", DATA, "--no-db", "--format", "parquet"],
    ["code", DATA, "--no-db", "--lexicon", "/no/such/lexicon.yaml"],
    ["events", "--db", "/no/such/store.duckdb"],
    ["eval", "gsr", "/no/such/gsr"],
    ["frobnicate"],
    [],
])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_events_table(db, capsys):
    assert main(["events", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "5 events" in out and "Syrian government forces (SYR/MIL)" in out
    assert "Idlib, SYR" in out and "6 killed" in out and "قصف" in out


def test_events_filters_and_formats(db, capsys):
    assert main(["events", "--db", db, "--type", "PROTEST", "--country", "IRQ", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 1 and rows[0]["place_name_en"] == "Basra" and rows[0]["actor_label_en"] == "Iraqi citizens"
    assert main(["events", "--db", db, "--actor", "Safadi", "--since", "2024-06-01", "--until", "2024-06-30",
                 "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("CONSULT", "2024-06-05")]
    assert main(["events", "--db", db, "--limit", "1", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["events", "--db", db, "--type", "WAR"]) == 2


def test_db_from_environment(db, monkeypatch, capsys):
    monkeypatch.setenv("MARSAD_DB", db)
    assert main(["events", "--type", "ASSAULT", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


@pytest.mark.parametrize(("fmt", "count"), [("jsonl", 4), ("csv", 5), ("parquet", 5), ("polecat", 5), ("acled", 4)])
def test_export_every_format(db, tmp_path, fmt, count, capsys):
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--db", db, "--format", fmt, "-o", str(out)]) == 0
    assert f"wrote {count} " in capsys.readouterr().err
    assert out.stat().st_size > 0


def test_export_with_filters(db, tmp_path):
    out = tmp_path / "assault.csv"
    assert main(["export", "--db", db, "--format", "csv", "-o", str(out), "--type", "ASSAULT"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["event_type"] for r in rows} == {"ASSAULT"} and len(rows) == 2


def test_serve_hands_the_store_to_the_web_app(monkeypatch, db):
    import marsad.web

    calls = []
    monkeypatch.setattr(marsad.web, "serve", lambda path, host, port: calls.append((path, host, port)))
    assert main(["serve", "--db", db, "--port", "8123"]) == 0
    assert calls == [(db, "127.0.0.1", 8123)]


def test_train_and_eval_call_their_stages(monkeypatch, tmp_path, capsys):
    import marsad.entities
    import marsad.events

    data = tmp_path / "train.txt"
    data.write_text("قال O\n", encoding="utf-8")
    report = {"per_type": {"PERS": {"precision": 0.9, "recall": 0.8, "f1": 0.847}},
              "micro": {"precision": 0.9, "recall": 0.8, "f1": 0.847}}
    calls = []
    monkeypatch.setattr(marsad.entities, "train_ner", lambda d, out=None: calls.append((d, out)) or report)
    assert main(["train", "ner", "--data", str(data), "--out", "m.crfsuite"]) == 0
    assert calls == [(str(data), "m.crfsuite")]
    out = capsys.readouterr().out.splitlines()
    assert out[2].split() == ["PERS", "0.900", "0.800", "0.847"] and out[3].startswith("micro")
    assert main(["train", "ner", "--data", str(tmp_path / "missing.txt")]) == 2
    monkeypatch.setattr(marsad.events, "evaluate_gsr", lambda d, limit=None: {"dir": d, "limit": limit}, raising=False)
    monkeypatch.setattr(marsad.events, "format_gsr_report", lambda r: f"GSR {r['limit']}", raising=False)
    assert main(["eval", "gsr", str(tmp_path), "--limit", "7"]) == 0
    assert capsys.readouterr().out.strip() == "GSR 7"


def test_installed_command_smoke(db, tmp_path):
    env = {**os.environ, "MARSAD_DB": db}
    exe = Path(sys.executable).with_name("marsad")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "marsad.cli"]
    proc = subprocess.run([*cmd, "events", "--type", "COERCE", "--format", "jsonl"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert row["actor_label_en"] == "Jordanian security forces" and row["place_name_en"] == "Amman"
    proc = subprocess.run([*cmd, "code", str(tmp_path / "missing.txt"), "--no-db"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_stdin_through_the_real_pipeline_smoke():
    """``marsad code - --no-db`` in a subprocess, with the real pipeline."""
    exe = Path(sys.executable).with_name("marsad")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "marsad.cli"]
    text = "قصفت القوات الحكومية السورية بلدة في ريف إدلب صباح اليوم، ما أسفر عن مقتل ستة مدنيين."
    proc = subprocess.run([*cmd, "code", "-", "--no-db", "--quiet"], input=text, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["text"] == text
    assert "ASSAULT" in {e["event_type"] for e in record["events"]}


def test_progress_line_and_summary_text():
    from marsad.cli import RichProgress, format_summary
    from marsad.run import RunSummary

    summary = RunSummary(read=10, stored=6, duplicates=2, unchanged=0, errors=2, events=9, seconds=2.0,
                         error_samples=[("a.zip!a.json", 3, "empty body"), ("b.txt", None, "binary file")])
    progress = RichProgress()
    progress(summary)
    progress(summary)
    progress.close()
    text = format_summary(summary, "x.duckdb")
    assert text.splitlines()[0] == "read 10 · stored 6 · duplicates 2 · unchanged 0 · errors 2 · events 9"
    assert "5.0 articles/s" in text
    assert "failed: a.zip!a.json record 3: empty body" in text and "failed: b.txt: binary file" in text
    assert format_summary(summary, None).startswith("read 10 · coded 6")
