import io
import json
import shutil
from pathlib import Path

import pytest

from marsad.doc import Doc, Entity
from marsad.errors import InputError, UsageError
from marsad.pipeline import Pipeline
from marsad.run import code_inputs
from marsad.store import Store
from tests.store.keyword_stage import KeywordEvents

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "store" / "data"     # four test articles (see tests/store/conftest.py)


def keyword_pipeline() -> Pipeline:
    return Pipeline([KeywordEvents()])


class FailOn:
    """Raises on articles containing ``word``; passes the rest through."""

    name = "test.fail_on"

    def __init__(self, word: str):
        self.word = word

    def __call__(self, doc: Doc) -> Doc:
        if self.word in doc.text:
            raise RuntimeError(f"cannot code {self.word}")
        return doc


class BadOffset:
    """Adds an entity whose offset the store cannot take, to one article."""

    name = "test.bad_offset"

    def __call__(self, doc: Doc) -> Doc:
        if "البصرة" in doc.text:
            doc.entities.append(Entity("x", "not-a-number", 1, "LOC"))
        return doc


@pytest.fixture()
def mixed_dir(tmp_path):
    """Good articles beside an empty file, a binary file and a malformed JSON line."""
    d = tmp_path / "inputs"
    shutil.copytree(DATA, d)
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    good = json.dumps({"title": "اعتقال", "text": "اعتقلت الشرطة عشرة أشخاص في البصرة."}, ensure_ascii=False)
    (d / "more.jsonl").write_text(good + "\n{\"title\": \"مكسور\", \"text\": \n", encoding="utf-8")
    return d


def _event_rows(db):
    with Store(db).connect(read_only=True) as con:
        return con.execute("SELECT event_id, event_type, actor_id, geonameid, fatalities FROM events "
                           "ORDER BY event_id").fetchall()


def test_examples_are_stored_and_counted(tmp_path):
    db = tmp_path / "m.duckdb"
    summary = code_inputs([DATA], db=db, pipeline=keyword_pipeline)
    assert (summary.read, summary.stored, summary.duplicates, summary.errors, summary.events) == (4, 4, 0, 0, 5)
    assert summary.ok and summary.run_id == 1 and summary.articles_per_s > 0
    run = Store(db).runs()[0]
    assert run["counts"]["stored"] == 4 and run["options"]["workers"] == 1 and run["seconds"] > 0


def test_second_run_stores_nothing_new(tmp_path):
    db = tmp_path / "m.duckdb"
    code_inputs([DATA], db=db, pipeline=keyword_pipeline)
    before = Store(db).counts()
    summary = code_inputs([DATA], db=db, pipeline=keyword_pipeline)
    assert (summary.read, summary.stored, summary.unchanged, summary.events) == (4, 0, 4, 0)
    after = Store(db).counts()
    assert after["runs"] == 2 and {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in before.items() if k != "runs"}


def test_bad_records_are_recorded_and_the_rest_lands(tmp_path, mixed_dir):
    db = tmp_path / "m.duckdb"
    summary = code_inputs([mixed_dir], db=db, pipeline=keyword_pipeline, batch_size=2)
    assert summary.read == 8 and summary.stored == 5 and summary.errors == 3 and not summary.ok
    errors = {(Path(e["input"].split("!")[0]).name, e["record_no"]) for e in Store(db).errors()}
    assert errors == {("empty.txt", None), ("binary.txt", None), ("more.jsonl", 2)}
    assert all(e["reason"] for e in Store(db).errors())
    assert len(summary.error_samples) == 3


def test_a_stage_failure_costs_only_its_article(tmp_path):
    db = tmp_path / "m.duckdb"
    summary = code_inputs([DATA], db=db, pipeline=Pipeline([FailOn("إدلب"), KeywordEvents()]))
    assert (summary.stored, summary.errors) == (3, 1)
    (err,) = Store(db).errors()
    assert err["input"].endswith("sarmin-shelling.html") and "cannot code إدلب" in err["reason"]


def test_a_doc_the_store_rejects_is_isolated_from_its_batch(tmp_path):
    db = tmp_path / "m.duckdb"
    summary = code_inputs([DATA], db=db, pipeline=Pipeline([BadOffset()]), batch_size=10)
    assert (summary.stored, summary.errors) == (3, 1)
    assert "not stored" in Store(db).errors()[0]["reason"]


def test_reposts_in_one_run_are_linked(tmp_path):
    body = "قصفت القوات الحكومية ريف إدلب صباح اليوم، ما أدى إلى مقتل ستة مدنيين."
    lines = [{"title": f"عنوان {i}", "text": body if i % 2 else body.replace("،", " ، "), "url": f"u{i}"}
             for i in range(5)]
    src = tmp_path / "reposts.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines), encoding="utf-8")
    db = tmp_path / "m.duckdb"
    summary = code_inputs([src], db=db, pipeline=keyword_pipeline, batch_size=2)
    assert (summary.stored, summary.duplicates) == (1, 4)
    assert Store(db).counts()["duplicates"] == 4


def test_two_workers_store_the_same_events_as_one(tmp_path, mixed_dir):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    s1 = code_inputs([mixed_dir], db=one, pipeline=keyword_pipeline, batch_size=2)
    s2 = code_inputs([mixed_dir], db=two, pipeline=keyword_pipeline, batch_size=2, workers=2)
    assert s1.counts()["stored"] == s2.counts()["stored"] == 5
    assert (s1.errors, s1.events) == (s2.errors, s2.events)
    assert _event_rows(one) == _event_rows(two) and len(_event_rows(one)) == 6


def test_no_db_writes_every_record_to_the_stream():
    buf = io.StringIO()
    summary = code_inputs([DATA], out=buf, pipeline=keyword_pipeline)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert summary.written == len(records) == 4 and summary.run_id is None
    assert sum(len(r["events"]) for r in records) == 5


def test_output_file_in_a_flat_format(tmp_path):
    out = tmp_path / "events.csv"
    summary = code_inputs([DATA], db=tmp_path / "m.duckdb", out=out, fmt="polecat", pipeline=keyword_pipeline)
    assert summary.written == 5
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("Event ID,Event Date,Event Type")


def test_progress_is_called_per_batch_unless_quiet(tmp_path):
    seen = []
    code_inputs([DATA], pipeline=keyword_pipeline, out=io.StringIO(), batch_size=2,
                progress=lambda s: seen.append(s.read))
    assert seen == [2, 4]
    code_inputs([DATA], pipeline=keyword_pipeline, out=io.StringIO(), progress=seen.append, quiet=True)
    assert seen == [2, 4]


def test_saudinewsnet_day_is_fully_accounted_for(tmp_path, shared_data):
    day = shared_data / "saudinewsnet" / "2015-07-23.zip"
    db = tmp_path / "snn.duckdb"
    first = code_inputs([day], db=db, pipeline=Pipeline([]), batch_size=500)
    assert first.read == 1318
    assert first.read == first.stored + first.duplicates + first.errors
    assert first.errors == 16 and first.duplicates > 0
    assert {e["reason"] for e in Store(db).errors()} == {"empty body"}
    second = code_inputs([day], db=db, pipeline=Pipeline([]), batch_size=500)
    assert (second.stored, second.duplicates, second.unchanged) == (0, 0, first.stored + first.duplicates)


def test_usage_errors_are_raised_before_anything_is_read(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        code_inputs([tmp_path / "nope.txt"], db=tmp_path / "m.duckdb")
    assert not (tmp_path / "m.duckdb").exists()
    with pytest.raises(UsageError, match="workers"):
        code_inputs([DATA], workers=0)
    with pytest.raises(UsageError, match="format"):
        code_inputs([DATA], fmt="xml")
    with pytest.raises(TypeError, match="bare str"):
        code_inputs(str(DATA))


class DieOn:
    """Kills its worker process on articles containing ``word`` (as an out-of-memory kill would)."""

    name = "test.die_on"

    def __init__(self, word: str):
        self.word = word

    def __call__(self, doc: Doc) -> Doc:
        if self.word in doc.text:
            import os

            os._exit(9)
        return doc


def test_a_worker_that_dies_costs_only_its_article(tmp_path):
    db = tmp_path / "m.duckdb"
    summary = code_inputs([DATA], db=db, workers=2, batch_size=2,
                          pipeline=Pipeline([DieOn("إدلب"), KeywordEvents()]))
    assert (summary.read, summary.stored, summary.errors) == (4, 3, 1)
    (err,) = Store(db).errors()
    assert err["input"].endswith("sarmin-shelling.html") and "worker process died" in err["reason"]
