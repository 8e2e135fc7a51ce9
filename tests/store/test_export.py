import csv
import io
import json

import duckdb
import pytest

from marsad.errors import UsageError
from marsad.store import FLAT_NAMES, export
from marsad.store.formats import ACLED_COLUMNS, POLECAT_COLUMNS, acled_type


def _csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_jsonl_holds_whole_records(filled_store, tmp_path):
    out = tmp_path / "out.jsonl"
    assert export(filled_store.records(), "jsonl", out) == 4
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["published"][:10] for r in records] == ["2024-05-02", "2024-06-05", "2024-08-10", "2024-08-11"]
    assert sum(len(r["events"]) for r in records) == 5
    assert records[0]["title"] == "قصف مدفعي يقتل ستة مدنيين قرب إدلب"


def test_csv_is_one_row_per_event_with_article_fields(filled_store, tmp_path):
    out = tmp_path / "out.csv"
    assert export(filled_store.records(), "csv", out) == 5
    rows = _csv(out)
    assert list(rows[0]) == FLAT_NAMES
    shelling = [r for r in rows if r["actor_id"] == "syr_gov_forces"]
    assert len(shelling) == 1
    r = shelling[0]
    assert (r["event_type"], r["mode"], r["cameo_root"], r["quad"]) == ("ASSAULT", "shelling", "18", "material_conflict")
    assert (r["place_name_en"], r["country_code"], r["country"], r["geonameid"]) == ("Idlib", "SY", "SYR", "169389")
    assert (r["fatalities"], r["fatalities_qualifier"]) == ("6", "exact")
    assert r["title"] == "قصف مدفعي يقتل ستة مدنيين قرب إدلب" and r["trigger_text"] == "قصف"
    assert r["published"] == "2024-05-02T08:00:00" and r["url"] == "https://news.test/syria/2024/05/02/shelling"


def test_parquet_round_trips_with_types(filled_store, tmp_path):
    out = tmp_path / "out.parquet"
    assert export(filled_store.records(), "parquet", out) == 5
    con = duckdb.connect()
    rows = con.execute(f"SELECT event_type, fatalities, latitude, date_inferred FROM '{out}' "
                       "WHERE fatalities IS NOT NULL ORDER BY event_id").fetchall()
    assert rows and all(r[0] == "ASSAULT" and r[1] == 6 and abs(r[2] - 35.93) < 1e-9 and r[3] is True for r in rows)
    names = [d[0] for d in con.execute(f"SELECT * FROM '{out}' LIMIT 0").description]
    assert names == FLAT_NAMES


def test_polecat_columns_and_values(filled_store, tmp_path):
    out = tmp_path / "polecat.csv"
    assert export(filled_store.records(), "polecat", out) == 5
    rows = _csv(out)
    assert list(rows[0]) == POLECAT_COLUMNS
    meet = next(r for r in rows if r["Actor Name"] == "Ayman Safadi" and r["Placename"] == "Amman")
    assert meet["Event Type"] == "CONSULT" and meet["Event Mode"] == "meet"
    assert (meet["Actor Country"], meet["Primary Actor Sector"], meet["Wikidata Actor ID"]) == ("JOR", "GOV", "Q4830617")
    assert (meet["Country"], meet["GeoNames ID"], meet["Quad Code"]) == ("JOR", "250441", "1")
    assert meet["Event Date"] == "2024-06-05" and meet["Language"] == "ar"
    assert meet["Headline"] == "الصفدي يلتقي نظيره العراقي في عمّان لبحث أمن الحدود"
    assert "التقى" in meet["Event Text"]


def test_acled_keeps_acled_event_types_only_and_maps_them(filled_store, tmp_path):
    out = tmp_path / "acled.csv"
    n = export(filled_store.records(), "acled", out)
    rows = _csv(out)
    assert list(rows[0]) == ACLED_COLUMNS
    assert n == len(rows) == 4          # the CONSULT event has no ACLED type
    shelling = next(r for r in rows if r["actor1"] == "Syrian government forces")
    assert (shelling["event_type"], shelling["sub_event_type"]) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert (shelling["country"], shelling["iso"], shelling["location"], shelling["geo_precision"]) == (
        "Syria", "760", "Idlib", "1")
    assert (shelling["fatalities"], shelling["event_date"], shelling["year"]) == ("6", "2024-05-02", "2024")
    assert shelling["time_precision"] == "2"      # date inferred from publication
    arrest = next(r for r in rows if r["sub_event_type"] == "Arrests")
    assert arrest["event_type"] == "Strategic developments" and arrest["country"] == "Jordan"
    protest = [r for r in rows if r["event_type"] == "Protests"]
    assert len(protest) == 1 and protest[0]["sub_event_type"] == "Peaceful protest"
    assert protest[0]["location"] == "Basra" and protest[0]["country"] == "Iraq"


@pytest.mark.parametrize(("etype", "mode", "sector", "expected"), [
    ("ASSAULT", "aerial", None, ("Explosions/Remote violence", "Air/drone strike")),
    ("ASSAULT", "suicide bombing", None, ("Explosions/Remote violence", "Suicide bomb")),
    ("ASSAULT", None, "CVL", ("Violence against civilians", "Attack")),
    ("ASSAULT", "gunfire", "MIL", ("Battles", "Armed clash")),
    ("PROTEST", "riot", None, ("Riots", "Violent demonstration")),
    ("PROTEST", "demonstrate", None, ("Protests", "Peaceful protest")),
    ("COERCE", "arrest", None, ("Strategic developments", "Arrests")),
    ("AGREE", None, None, ("Strategic developments", "Agreement")),
    ("ACCUSE", None, None, None),
])
def test_plover_to_acled_mapping(etype, mode, sector, expected):
    assert acled_type(etype, mode, sector) == expected


def test_export_to_a_stream(filled_store):
    buf = io.StringIO()
    assert export(filled_store.records(), "csv", buf) == 5
    assert buf.getvalue().splitlines()[0].split(",")[:3] == ["event_id", "doc_id", "event_type"]


def test_bad_formats_are_usage_errors(filled_store, tmp_path):
    with pytest.raises(UsageError, match="format must be one of"):
        export([], "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(UsageError, match="parquet output needs a file path"):
        export([], "parquet", io.StringIO())


@pytest.mark.parametrize("value, published, inferred, expected", [
    ("2015-11-23", "2015-11-21T21:59:00", False, ("2015-11-23", 1)),
    ("2015-11-21", "2015-11-21T21:59:00", True, ("2015-11-21", 2)),
    ("2024-W12", None, False, ("2024-03-18", 2)),
    ("2016-01", None, False, ("2016-01-01", 3)),
    ("2007", None, False, ("2007-01-01", 3)),
    (None, "2015-11-21T21:59:00", True, ("2015-11-21", 2)),
    (None, None, None, (None, None)),
])
def test_acled_dates_are_days_with_their_precision(value, published, inferred, expected):
    from marsad.store.formats import acled_date

    assert acled_date(value, published, inferred) == expected
