"""The HTTP API over a small store: every endpoint, filters, paging and errors."""

import csv
import io
import json

import pytest


def test_health_counts_tables(client):
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["counts"]["articles"] == 3
    assert body["counts"]["events"] == 8


def test_health_without_store_is_503(tmp_path):
    from fastapi.testclient import TestClient
    from marsad.web import create_app

    r = TestClient(create_app(str(tmp_path / "none.duckdb"))).get("/api/health")
    assert r.status_code == 503
    assert r.json()["status"] == "missing"
    r = TestClient(create_app(str(tmp_path / "none.duckdb"))).get("/api/events")
    assert r.status_code == 503
    assert "no store" in r.json()["detail"]


def test_database_without_marsad_tables_is_503(tmp_path):
    import duckdb
    from fastapi.testclient import TestClient
    from marsad.web import create_app

    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    client = TestClient(create_app(str(path)))
    for route in ("/api/events", "/api/stats", "/api/health"):
        r = client.get(route)
        assert r.status_code == 503
        assert "is not a Marsad store" in r.json()["detail"]


def test_events_default_page_sorted_by_date_desc(client):
    body = client.get("/api/events").json()
    assert body["total"] == 8
    dates = [e["event_date"] for e in body["events"]]
    assert dates[0] == "2015-12-06"
    assert dates == sorted(dates, reverse=True)
    first = body["events"][0]
    assert first["title"] == "طلاب يتظاهرون في القاهرة"
    assert first["published"].startswith("2015-12-07")


def test_filter_assault_finds_eastern_ghouta(client, web_docs):
    body = client.get("/api/events", params={"event_type": "ASSAULT"}).json()
    assert body["total"] == 3
    ghouta = [e for e in body["events"] if e["place_name_en"] == "Eastern Ghouta"]
    assert len(ghouta) == 1
    ev = ghouta[0]
    assert (ev["actor_country"], ev["fatalities"], ev["fatalities_qualifier"]) == ("SYR", 14, "min")
    assert (ev["injuries"], ev["injuries_qualifier"]) == (50, "min")
    text = web_docs["seed"].text
    assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"] == "قصف"


@pytest.mark.parametrize("params, expected", [
    ({"event_type": "ASSAULT,PROTEST"}, 4),
    ({"event_type": ["ASSAULT", "agree"]}, 4),
    ({"mode": "shelling"}, 2),
    ({"quad": "material_conflict"}, 4),
    ({"quad": "verbal_cooperation"}, 2),
    ({"status": "planned"}, 1),
    ({"actor_country": "rus"}, 2),
    ({"recipient_country": "IRN"}, 1),
    ({"actor": "putin"}, 1),
    ({"actor": "بوتين"}, 1),
    ({"actor": "police"}, 1),
    ({"recipient": "طلاب"}, 1),
    ({"place": "الغوطة"}, 1),
    ({"place": "170654"}, 1),
    ({"country": "SY"}, 3),
    ({"country": "EGY"}, 2),
    ({"q": "المتظاهرين"}, 1),
    ({"q": "100%_"}, 0),
    ({"min_confidence": 0.85}, 4),
    ({"date_from": "2015-11-21", "date_to": "2015-11-30"}, 4),
    ({"date_from": "2015-12-01"}, 2),
    ({"bbox": "35,32,38,37"}, 3),
    ({"event_type": "ASSAULT", "country": "SY", "min_confidence": 0.8}, 2),
])
def test_event_filters(client, params, expected):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    assert r.json()["total"] == expected


@pytest.mark.parametrize("name", ["q", "actor", "recipient", "place", "doc_id"])
def test_user_text_never_becomes_sql(client, name):
    hostile = "x' OR 1=1; DROP TABLE events; --"
    r = client.get("/api/events", params={name: hostile})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/health").json()["counts"]["events"] == 8


def test_doc_id_filter(client, web_docs):
    doc_id = web_docs["cairo"].doc_id
    body = client.get("/api/events", params={"doc_id": doc_id}).json()
    assert {e["event_type"] for e in body["events"]} == {"PROTEST", "COERCE"}


def test_pagination_is_stable_and_complete(client):
    seen = []
    for offset in range(0, 8, 3):
        body = client.get("/api/events", params={"limit": 3, "offset": offset, "sort": "confidence"}).json()
        assert body["total"] == 8 and body["limit"] == 3 and body["offset"] == offset
        seen += [e["event_id"] for e in body["events"]]
    assert len(seen) == len(set(seen)) == 8
    confs = [client.get(f"/api/events/{i}").json()["flat"]["confidence"] for i in seen]
    assert confs == sorted(confs)


def test_sort_fatalities_desc_puts_nulls_last(client):
    events = client.get("/api/events", params={"sort": "-fatalities"}).json()["events"]
    assert [e["fatalities"] for e in events[:3]] == [14, 5, None]


@pytest.mark.parametrize("params, status, reason", [
    ({"event_type": "BOMBING"}, 400, "event_type 'BOMBING' is not one of"),
    ({"sort": "record"}, 400, "cannot sort by 'record'"),
    ({"sort": "date; DROP TABLE events"}, 400, "cannot sort by"),
    ({"limit": 5000}, 400, "limit for json is at most 1000"),
    ({"limit": 0}, 422, "greater than or equal to 1"),
    ({"offset": -1}, 422, "greater than or equal to 0"),
    ({"date_from": "21/11/2015"}, 422, "valid date"),
    ({"date_from": "2015-12-01", "date_to": "2015-11-01"}, 400, "is after date_to"),
    ({"min_confidence": 2}, 400, "between 0 and 1"),
    ({"actor_country": "Syria"}, 400, "alpha-3"),
    ({"country": "XYZ"}, 400, "not an ISO 3166 alpha-3 code"),
    ({"quad": "conflict"}, 400, "quad 'conflict' is not one of"),
    ({"bbox": "1,2,3"}, 400, "bbox must be four numbers"),
    ({"bbox": "1,95,3,96"}, 400, "bbox must be west,south,east,north"),
    ({"format": "xml"}, 422, "String should match pattern"),
    ({"type": "ASSAULT"}, 400, "[E417] unknown query parameter 'type' for /api/events; allowed: actor,"),
])
def test_bad_parameters_say_why(client, params, status, reason):
    r = client.get("/api/events", params=params)
    assert r.status_code == status
    assert reason in json.dumps(r.json(), ensure_ascii=False)


def test_csv_by_format_and_accept(client):
    for r in (client.get("/api/events", params={"format": "csv", "event_type": "ASSAULT"}),
              client.get("/api/events", params={"event_type": "ASSAULT"}, headers={"Accept": "text/csv"})):
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/csv")
        assert r.headers["x-total-count"] == "3"
        rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
        assert len(rows) == 3
        assert {row["event_type"] for row in rows} == {"ASSAULT"}
        assert "الغوطة الشرقية" in {row["place_text"] for row in rows}


def test_geojson_points_in_lon_lat_order(client):
    r = client.get("/api/events", params={"format": "geojson"})
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == 7  # the summons has no place
    ghouta = next(f for f in fc["features"] if f["properties"]["place_name_en"] == "Eastern Ghouta")
    assert ghouta["geometry"]["coordinates"] == [36.45, 33.55]
    r2 = client.get("/api/events", headers={"Accept": "application/geo+json"})
    assert len(r2.json()["features"]) == 7


def test_event_detail_has_sentence_and_spans(client, web_docs):
    seed = web_docs["seed"]
    ev_id = f"{seed.doc_id}-2"
    body = client.get(f"/api/events/{ev_id}").json()
    assert body["event"]["event_type"] == "ASSAULT"
    assert body["event"]["location"]["name_en"] == "Eastern Ghouta"
    s = body["sentence"]
    assert seed.text[s["start"]:s["end"]] == s["text"]
    assert "الغوطة الشرقية" in s["text"]
    assert {p["text"] for p in body["spans"]["places"]} == {"الغوطة الشرقية", "دمشق"}
    assert {e["text"] for e in body["spans"]["entities"]} == {"القوات الحكومية", "قوات المعارضة"}
    assert body["article"]["doc_id"] == seed.doc_id


def test_unknown_event_and_article_are_404(client):
    r = client.get("/api/events/nope-0")
    assert r.status_code == 404 and "no event with id 'nope-0'" in r.json()["detail"]
    r = client.get("/api/articles/0000")
    assert r.status_code == 404 and "no article" in r.json()["detail"]


def test_article_has_text_and_all_annotations(client, web_docs):
    seed = web_docs["seed"]
    body = client.get(f"/api/articles/{seed.doc_id}").json()
    assert body["text"] == seed.text
    assert len(body["events"]) == 5 and len(body["places"]) == 5 and len(body["times"]) == 2
    for kind in ("entities", "places", "times"):
        for span in body[kind]:
            assert seed.text[span["start"]:span["end"]] == span["text"]
    trig = body["events"][2]["trigger"]
    assert seed.text[trig["start"]:trig["end"]] == "قصف"


def test_actors_counts_and_pairs(client):
    body = client.get("/api/actors").json()
    by_key = {a["key"]: a for a in body["actors"]}
    assert by_key["SYR:REB"]["as_actor"] == 1 and by_key["SYR:REB"]["as_recipient"] == 1
    assert by_key["EGY:EDU"]["total"] == 2
    pairs = {(p["source"], p["target"]): p for p in body["pairs"]}
    assert pairs[("SYR:MIL", "SYR:REB")]["conflict"] == 1
    assert pairs[("SAU", "JOR")]["cooperation"] == 1
    assert pairs[("putin", "khamenei")]["cooperation"] == 1
    assert len(body["pairs"]) == 5
    only = client.get("/api/actors", params={"event_type": "AGREE", "top": 1}).json()
    assert [a["key"] for a in only["actors"]] in (["JOR"], ["SAU"])


def test_stats_aggregate_per_day_type_country(client):
    body = client.get("/api/stats").json()
    assert body["total"] == 8 and body["articles"] == 3
    assert (body["first"], body["last"]) == ("2015-10-14", "2015-12-06")
    per_type = {r["key"]: r["n"] for r in body["per_type"]}
    assert per_type == {"ASSAULT": 3, "CONSULT": 1, "ACCUSE": 1, "PROTEST": 1, "COERCE": 1, "AGREE": 1}
    assert {r["key"]: r["n"] for r in body["per_country"]}["SY"] == 3
    day = [r for r in body["per_day"] if r["date"] == "2015-11-21"]
    assert day == [{"date": "2015-11-21", "quad": "material_conflict", "n": 3}]
    ghouta = [p for p in body["points"] if p["place"] == "Eastern Ghouta"]
    assert ghouta and ghouta[0]["type"] == "ASSAULT" and ghouta[0]["n"] == 1
    cairo = [p for p in body["points"] if p["place"] == "Cairo"]
    assert {(p["lat"], p["lon"], p["type"], p["n"]) for p in cairo} == {
        (30.05, 31.25, "PROTEST", 1), (30.05, 31.25, "COERCE", 1)}


def test_stats_follow_filters(client):
    body = client.get("/api/stats", params={"event_type": "ASSAULT", "date_to": "2015-11-30"}).json()
    assert body["total"] == 3
    assert {r["quad"] for r in body["per_day"]} == {"material_conflict"}


def test_export_polecat_and_acled(client):
    pytest.importorskip("marsad.store.formats")
    r = client.get("/api/export", params={"format": "polecat", "event_type": "ASSAULT"})
    assert r.status_code == 200, r.text
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert "Eastern Ghouta" in {row["Placename"] for row in rows}
    r = client.get("/api/export", params={"format": "acled"})
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert {row["event_type"] for row in rows} <= {"Battles", "Explosions/Remote violence", "Protests",
                                                   "Strategic developments", "Violence against civilians"}
    assert len(rows) == 6  # CONSULT and ACCUSE have no ACLED type
    assert client.get("/api/export", params={"format": "xls"}).status_code == 422


def test_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/articles/{doc_id}", "/api/actors",
              "/api/stats", "/api/health", "/api/code", "/api/export"):
        assert p in paths
    assert client.get("/docs").status_code == 200


def test_dashboard_page_and_static_files(client):
    r = client.get("/")
    assert r.status_code == 200 and "<html" in r.text and 'dir="rtl"' in r.text
    assert client.get("/static/js/main.js").status_code == 200
    assert client.get("/static/css/app.css").status_code == 200


def test_reader_agrees_on_store_written_per_schema(client, schema_store):
    from fastapi.testclient import TestClient
    from marsad.web import create_app

    other = TestClient(create_app(str(schema_store)))
    for path, params in (("/api/events", {"limit": 100}), ("/api/stats", {}), ("/api/actors", {})):
        a = client.get(path, params=params).json()
        b = other.get(path, params=params).json()
        if path == "/api/events":
            a = [{k: v for k, v in e.items() if k != "published"} for e in a["events"]]
            b = [{k: v for k, v in e.items() if k != "published"} for e in b["events"]]
        assert a == b, path


def test_unknown_parameter_is_refused_on_every_api_route_but_not_on_the_dashboard(client):
    r = client.get("/api/stats", params={"event_type": "ASSAULT", "eventtype": "PROTEST"})
    assert r.status_code == 400 and "'eventtype'" in r.json()["detail"] and "event_type" in r.json()["detail"]
    assert client.get("/api/actors", params={"top": 5, "event_type": "ASSAULT"}).status_code == 200
    assert client.get("/", params={"event_type": "ASSAULT"}).status_code == 200
