import json
import subprocess
import sys
import time

import duckdb
import pytest

from marsad.doc import Doc, Entity
from marsad.errors import StoreError
from marsad.store import EventFilter, Store


def _table(store, sql, params=()):
    with store.connect(read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def test_add_docs_stores_articles_mentions_and_events(filled_store, coded_examples):
    counts = filled_store.counts()
    assert counts["articles"] == 4
    assert counts["events"] == sum(len(d.events) for d in coded_examples) == 5
    assert counts["entities"] == sum(len(d.entities) for d in coded_examples)
    assert counts["places"] == sum(len(d.places) for d in coded_examples)
    assert counts["runs"] == 1
    row = _table(filled_store, """SELECT event_type, mode, cameo_root, quad, actor_label_en, actor_country,
                                  place_name_en, country_code, geonameid, fatalities, event_date
                                  FROM events WHERE event_type = 'ASSAULT' AND actor_sector = 'MIL'""")
    assert row == [("ASSAULT", "shelling", "18", "material_conflict", "Syrian government forces", "SYR",
                    "Idlib", "SY", 169389, 6, __import__("datetime").date(2024, 5, 2))]


def test_article_row_keeps_input_offsets_and_full_record(filled_store):
    (title, published, input_, record_no, record) = _table(
        filled_store, "SELECT title, published, input, record_no, record FROM articles WHERE record_no = 2")[0]
    assert title == "توقيف ناشطين بعد وقفة في عمّان"
    assert published.isoformat() == "2024-08-11T00:00:00"
    assert input_.endswith("protests.jsonl") and record_no == 2
    rec = json.loads(record)
    ent = rec["entities"][0]
    assert rec["text"][ent["start"]:ent["end"]] == ent["text"]


def test_adding_the_same_docs_again_stores_nothing(filled_store, coded_examples):
    before = filled_store.counts()
    counts = filled_store.add_docs(coded_examples, run_id=filled_store.start_run())
    assert counts == {"stored": 0, "duplicates": 0, "unchanged": 4, "events": 0}
    after = filled_store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}


def test_repost_is_linked_not_stored(filled_store, coded_examples):
    original = coded_examples[3]
    body = original.text.split("\n\n", 1)[1]
    repost = Doc("عنوان مختلف للخبر نفسه\n\n" + body.replace("مدنيين", "مدنيـــين").replace("،", " "),
                 title="عنوان مختلف للخبر نفسه", url="https://other.example/repost",
                 meta={"input": "reposts.jsonl", "record_no": 7})
    assert repost.doc_id != original.doc_id
    assert filled_store.add_docs([repost], run_id=2) == {"stored": 0, "duplicates": 1, "unchanged": 0, "events": 0}
    assert _table(filled_store, "SELECT doc_id, duplicate_of, input, record_no, url FROM duplicates") == [
        (repost.doc_id, original.doc_id, "reposts.jsonl", 7, "https://other.example/repost")]
    assert filled_store.counts()["articles"] == 4
    # the same repost met again in a later run is unchanged, not linked twice
    assert filled_store.add_docs([repost], run_id=3)["unchanged"] == 1
    assert filled_store.counts()["duplicates"] == 1


def test_repost_within_one_batch_links_to_the_first(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    a = Doc("خبر أول\n\nتظاهر مئات الطلاب أمام الجامعة.", title="خبر أول")
    b = Doc("خبر ثان\n\nتظاهر مئات  الطلاب أمام الجامعة", title="خبر ثان")
    assert store.put([a, b], run_id=1) == ["stored", "duplicate"]
    assert _table(store, "SELECT duplicate_of FROM duplicates") == [(a.doc_id,)]


def test_identical_record_twice_in_one_run_is_a_duplicate_of_itself(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    a = Doc("تظاهر مئات الطلاب أمام الجامعة.")
    assert store.put([a], run_id=1) == ["stored"]
    assert store.put([Doc(a.text)], run_id=1) == ["duplicate"]
    assert store.put([Doc(a.text)], run_id=2) == ["unchanged"]


def test_batches_wait_in_the_log_until_the_run_finishes(tmp_path, coded_examples):
    store = Store(tmp_path / "s.duckdb")
    wal = tmp_path / "s.duckdb.wal"
    run_id = store.start_run()
    store.add_docs(coded_examples, run_id)
    assert wal.exists() and wal.stat().st_size > 0          # closing did not fold it into the file
    con = duckdb.connect(str(store.path), read_only=True)   # a reader replays the log
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    con.close()
    store.finish_run(run_id, {"stored": 4}, 0.5)
    assert not wal.exists()
    assert store.counts()["articles"] == 4 and store.counts()["events"] == 5


def test_checkpoint_folds_the_log_into_the_file(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.add_docs([Doc("تظاهر مئات الطلاب أمام الجامعة.")])
    assert (tmp_path / "s.duckdb.wal").exists()
    store.checkpoint()
    assert not (tmp_path / "s.duckdb.wal").exists()
    assert store.counts()["articles"] == 1


def test_a_column_empty_in_every_row_of_a_batch_is_stored_as_null(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    docs = [Doc("تظاهر مئات الطلاب أمام الجامعة."), Doc("اعتقلت الشرطة عشرة أشخاص في المدينة.")]
    assert store.put(docs, run_id=None) == ["stored", "stored"]
    assert _table(store, "SELECT published, url, raw, record_no, run_id, typeof(published) FROM articles") == [
        (None, None, None, None, None, "TIMESTAMP")] * 2


def test_failing_batch_leaves_earlier_batches_intact(filled_store):
    before = filled_store.counts()
    good = Doc("اعتقلت الشرطة عشرة أشخاص في المدينة.")
    bad = Doc("قصف على المدينة.")
    bad.entities.append(Entity("قصف", "zero", 3, "ORG"))   # start is not an integer
    with pytest.raises(StoreError, match="E105"):
        filled_store.add_docs([good, bad], run_id=5)
    assert filled_store.counts() == before
    assert _table(filled_store, "SELECT count(*) FROM articles WHERE doc_id = ?", [good.doc_id]) == [(0,)]


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="E101"):
        Store(tmp_path / "missing.duckdb", read_only=True).events()


def test_writer_waits_for_another_process_then_writes(tmp_path):
    path = tmp_path / "locked.duckdb"
    Store(path).start_run()
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb, time; c = duckdb.connect({str(path)!r}, read_only=True); "
                               "print('held', flush=True); time.sleep(1.5); c.close()"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    assert Store(path, wait=30).add_docs([Doc("تظاهر مئات الطلاب.")])["stored"] == 1
    assert time.monotonic() - started > 0.3
    holder.wait()


def test_writer_gives_up_after_its_wait(tmp_path):
    path = tmp_path / "locked.duckdb"
    Store(path).start_run()
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb, time; c = duckdb.connect({str(path)!r}); "
                               "print('held', flush=True); time.sleep(3)"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(StoreError, match="E104"):
        Store(path, wait=0.5).add_docs([Doc("تظاهر مئات الطلاب.")])
    holder.kill()
    holder.wait()


def test_errors_are_recorded_once_per_input_record_and_reason(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    assert store.record_errors([("a.zip!a.json", 3, "empty body"), ("b.txt", None, "binary file")], run_id=1) == 2
    assert store.record_errors([("a.zip!a.json", 3, "empty body")], run_id=2) == 0
    assert store.record_error("a.zip!a.json", 4, "empty body", run_id=2)
    assert [(e["input"], e["record_no"], e["reason"]) for e in store.errors()] == [
        ("a.zip!a.json", 3, "empty body"), ("b.txt", None, "binary file"), ("a.zip!a.json", 4, "empty body")]
    assert len(store.errors(run_id=2)) == 1


def test_runs_keep_version_options_counts_and_seconds(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    run_id = store.start_run({"workers": 2, "inputs": ["examples"]})
    store.finish_run(run_id, {"read": 4, "stored": 3}, 1.25)
    (run,) = store.runs()
    assert run["run_id"] == run_id and run["version"] == "0.1.0"
    assert run["options"] == {"workers": 2, "inputs": ["examples"]}
    assert run["counts"] == {"read": 4, "stored": 3} and run["seconds"] == 1.25
    assert run["finished"] >= run["started"]


@pytest.mark.parametrize(("flt", "types"), [
    (EventFilter(type="assault"), {"ASSAULT"}),
    (EventFilter(country="SYR"), {"ASSAULT"}),
    (EventFilter(country="JO"), {"CONSULT", "COERCE"}),
    (EventFilter(country="IRQ"), {"PROTEST"}),
    (EventFilter(actor="safadi"), {"CONSULT"}),
    (EventFilter(actor="قوات الأمن"), {"COERCE"}),
    (EventFilter(since="2024-08-11"), {"COERCE"}),
    (EventFilter(until="2024-05"), {"ASSAULT"}),
    (EventFilter(until="2024-06"), {"ASSAULT", "CONSULT"}),
    (EventFilter(since="2024-08", until="2024-08-10"), {"PROTEST"}),
    (EventFilter(type="PROTEST", country="JOR"), set()),
])
def test_event_filters(filled_store, flt, types):
    assert {r["event_type"] for r in filled_store.events(flt)} == types


def test_events_come_newest_first_with_article_fields(filled_store):
    rows = filled_store.events(limit=3)
    assert len(rows) == 3
    assert [r["event_date"] for r in rows] == ["2024-08-11", "2024-08-10", "2024-06-05"]
    assert rows[0]["published"] == "2024-08-11T00:00:00"
    assert rows[0]["url"] == "https://wire.test/jordan/amman-arrests"
    assert rows[2]["url"] is None and rows[2]["title"].startswith("الصفدي يلتقي")


def test_filtered_records_keep_only_matching_events(filled_store):
    records = list(filled_store.records(EventFilter(type="COERCE")))
    assert len(records) == 1
    assert [e["event_type"] for e in records[0]["events"]] == ["COERCE"]
    assert len(list(filled_store.records())) == 4


def test_store_file_is_plain_duckdb(filled_store):
    con = duckdb.connect(str(filled_store.path), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    con.close()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"type": "WAR"}, "PLOVER type"),
    ({"country": "Syria"}, "alpha-3 or alpha-2"),
    ({"since": "21/11/2015"}, "ISO date"),
    ({"until": "2015-13"}, "ISO date"),
])
def test_bad_filters_name_what_is_allowed(kwargs, message):
    from marsad.errors import UsageError

    with pytest.raises(UsageError, match=message):
        EventFilter(**kwargs)


def test_month_and_year_bounds_widen_to_whole_periods():
    flt = EventFilter(since="2015-11", until="2016-02")
    assert (flt.since, flt.until) == ("2015-11-01", "2016-02-29")
    assert EventFilter(until="2015").until == "2015-12-31"
