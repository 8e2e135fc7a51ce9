"""Dashboard load times on a store of 100,000 synthetic events.

Fills a temporary DuckDB store (schema from marsad/store/schema.sql) with
synthetic articles and events, serves it with uvicorn on 127.0.0.1, and
times the API calls the dashboard makes, over real HTTP. With Debian's
chromium and chromedriver present it also times the whole page in headless
Chromium until the events view reports ready.

Usage: .venv/bin/python benchmarks/dashboard.py [--events 100000] [--repeat 5]
Prints one line per measurement: name, median and max milliseconds.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from importlib import resources
from pathlib import Path

import duckdb
import httpx

from marsad.web import create_app

TYPES = ["ASSAULT", "ASSAULT", "ASSAULT", "PROTEST", "PROTEST", "COERCE", "CONSULT", "AGREE", "ACCUSE",
         "THREATEN", "AID", "REJECT", "MOBILIZE", "SANCTION", "REQUEST", "COOPERATE"]
QUAD = {"ASSAULT": "material_conflict", "COERCE": "material_conflict", "MOBILIZE": "material_conflict",
        "SANCTION": "material_conflict", "PROTEST": "verbal_conflict", "ACCUSE": "verbal_conflict",
        "THREATEN": "verbal_conflict", "REJECT": "verbal_conflict", "CONSULT": "verbal_cooperation",
        "AGREE": "verbal_cooperation", "REQUEST": "verbal_cooperation", "AID": "material_cooperation",
        "COOPERATE": "material_cooperation"}
PLACES = [("دمشق", "Damascus", 33.51, 36.29, "SY"), ("حلب", "Aleppo", 36.20, 37.16, "SY"),
          ("إدلب", "Idlib", 35.93, 36.63, "SY"), ("حمص", "Homs", 34.73, 36.72, "SY"),
          ("بغداد", "Baghdad", 33.34, 44.40, "IQ"), ("الموصل", "Mosul", 36.34, 43.13, "IQ"),
          ("صنعاء", "Sanaa", 15.35, 44.21, "YE"), ("عدن", "Aden", 12.78, 45.04, "YE"),
          ("طرابلس", "Tripoli", 32.89, 13.19, "LY"), ("بنغازي", "Benghazi", 32.12, 20.07, "LY"),
          ("القاهرة", "Cairo", 30.04, 31.24, "EG"), ("الرياض", "Riyadh", 24.69, 46.72, "SA"),
          ("بيروت", "Beirut", 33.89, 35.50, "LB"), ("غزة", "Gaza", 31.50, 34.47, "PS"),
          ("طهران", "Tehran", 35.69, 51.42, "IR"), ("أنقرة", "Ankara", 39.93, 32.86, "TR")]
ACTORS = [("الجيش السوري", "SYR:MIL", "Syrian military", "SYR", "MIL"),
          ("المعارضة المسلحة", "SYR:REB", "Syrian armed opposition", "SYR", "REB"),
          ("داعش", "isis", "Islamic State", None, "REB"), ("الحوثيون", "houthis", "Houthis", "YEM", "REB"),
          ("التحالف", "saudi_coalition", "Saudi-led coalition", "SAU", "MIL"),
          ("الشرطة", "EGY:COP", "Egyptian police", "EGY", "COP"), ("متظاهرون", "CVL", "Protesters", None, "CVL"),
          ("بوتين", "putin", "Vladimir Putin", "RUS", "GOV"), ("كيري", "kerry", "John Kerry", "USA", "GOV"),
          ("الجيش العراقي", "IRQ:MIL", "Iraqi military", "IRQ", "MIL")]


def _list(values) -> str:
    """A DuckDB list literal of our own constants (no user input)."""
    def lit(v):
        return "NULL" if v is None else (str(v) if isinstance(v, (int, float)) else "'" + str(v).replace("'", "''") + "'")
    return "[" + ", ".join(lit(v) for v in values) + "]"


def fill(path: str, n_events: int) -> None:
    """Write ``n_events`` synthetic events (5 per article, over 2015) to a new store."""
    con = duckdb.connect(path)
    con.execute((resources.files("marsad.store") / "schema.sql").read_text(encoding="utf-8"))
    n_docs = max(1, n_events // 5)
    con.execute(f"""
        INSERT INTO articles (doc_id, source, title, published, language, text, record)
        SELECT printf('doc%07d', i), 'synthetic', 'خبر رقم ' || i, TIMESTAMP '2015-01-01' + to_days((i % 365)::INTEGER),
               'ar', 'قصفت القوات مواقع في المدينة. ' || i,
               json_object('doc_id', printf('doc%07d', i), 'text', 'قصفت القوات مواقع في المدينة. ' || i,
                           'entities', [], 'places', [], 'times', [], 'events', [], 'sentences', [])
        FROM range({n_docs}) t(i)""")
    t = _list(TYPES)
    q = _list([QUAD[x] for x in TYPES])
    pl = [_list([p[k] for p in PLACES]) for k in range(5)]
    ac = [_list([a[k] for a in ACTORS]) for k in range(5)]
    con.execute(f"""
        INSERT INTO events (event_id, doc_id, event_type, mode, cameo_root, quad,
            actor_text, actor_id, actor_label_en, actor_country, actor_sector,
            recipient_text, recipient_id, recipient_label_en, recipient_country, recipient_sector,
            trigger_text, trigger_start, trigger_end, sentence_start, sentence_end, sentence_text,
            place_text, place_name_en, latitude, longitude, country_code,
            event_date, date_inferred, status, fatalities, fatalities_qualifier, confidence, rule, record)
        SELECT printf('doc%07d-%d', i // 5, i % 5), printf('doc%07d', i // 5), {t}[1 + ti], NULL, '18', {q}[1 + ti],
               {ac[0]}[1 + ai], {ac[1]}[1 + ai], {ac[2]}[1 + ai], {ac[3]}[1 + ai], {ac[4]}[1 + ai],
               {ac[0]}[1 + ri], {ac[1]}[1 + ri], {ac[2]}[1 + ri], {ac[3]}[1 + ri], {ac[4]}[1 + ri],
               'قصفت', 0, 4, 0, 30, 'قصفت القوات مواقع في المدينة.',
               {pl[0]}[1 + pi], {pl[1]}[1 + pi], {pl[2]}[1 + pi] + ((i % 97) - 48) / 400.0,
               {pl[3]}[1 + pi] + ((i % 89) - 44) / 400.0, {pl[4]}[1 + pi],
               DATE '2015-01-01' + ((i // 5) % 365)::INTEGER, false, 'reported',
               CASE WHEN ti < 3 THEN (i % 23)::INTEGER END, CASE WHEN ti < 3 THEN 'min' END,
               0.3 + (i % 70) / 100.0, 'synthetic',
               json_object('event_id', printf('doc%07d-%d', i // 5, i % 5), 'event_type', {t}[1 + ti])
        FROM (SELECT i, (hash(i) % 16)::INTEGER AS ti, (hash(i + 1) % 16)::INTEGER AS pi,
                     (hash(i + 2) % 10)::INTEGER AS ai, (hash(i + 3) % 10)::INTEGER AS ri FROM range({n_events}) t(i))""")
    con.close()


def serve(path: str):
    """Start uvicorn on a free loopback port; return (server, thread, base url)."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def timed(client: httpx.Client, url: str, repeat: int) -> tuple[float, float, int]:
    """Return median and max milliseconds of GET ``url`` and the body size."""
    times, size = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = client.get(url)
        r.raise_for_status()
        size = len(r.content)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times), size


def page_load(base: str, repeat: int) -> list[float] | None:
    """Milliseconds from navigation to the events view being ready, in headless Chromium."""
    if not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()):
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    profile = tempfile.mkdtemp(prefix="marsad-bench-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1440,1000"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)
    out = []
    try:
        for url in [base + "/"] * repeat + [base + "/#/events?event_type=ASSAULT&country=SY"] * repeat:
            driver.get("about:blank")
            t0 = time.perf_counter()
            driver.get(url)
            WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.ready") == "events")
            out.append((time.perf_counter() - t0) * 1000)
    finally:
        driver.quit()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.duckdb")
        t0 = time.perf_counter()
        fill(path, args.events)
        print(f"fill_store                     {args.events:>7} events  {time.perf_counter() - t0:7.2f} s")
        server, thread, base = serve(path)
        calls = {
            "health": "/api/health",
            "stats_all": "/api/stats",
            "stats_assault_syria": "/api/stats?event_type=ASSAULT&country=SY",
            "events_page1": "/api/events?limit=25",
            "events_sorted_deep_page": "/api/events?limit=25&sort=-fatalities&offset=50000",
            "events_text_search": "/api/events?limit=25&q=Aleppo",
            "events_actor_filter": "/api/events?limit=25&actor=putin&date_from=2015-06-01",
            "actors": "/api/actors?top=60",
            "event_detail": f"/api/events/doc{args.events // 10:07d}-3",
            "article": f"/api/articles/doc{args.events // 10:07d}",
            "csv_assault_all": "/api/events?format=csv&event_type=ASSAULT",
            "geojson_protest_all": "/api/events?format=geojson&event_type=PROTEST",
            "index_html": "/",
        }
        try:
            with httpx.Client(base_url=base, timeout=120, headers={"Accept-Encoding": "gzip"}) as client:
                print(f"{'call':<30} {'median ms':>10} {'max ms':>9} {'bytes':>10}")
                for name, url in calls.items():
                    med, worst, size = timed(client, url, args.repeat)
                    print(f"{name:<30} {med:10.1f} {worst:9.1f} {size:10d}")
            loads = page_load(base, args.repeat)
            if loads is None:
                print("page_load                      skipped (no /usr/bin/chromium)")
            else:
                half = len(loads) // 2
                print(f"page_load_all_events           {statistics.median(loads[:half]):10.1f} {max(loads[:half]):9.1f}")
                print(f"page_load_assault_syria        {statistics.median(loads[half:]):10.1f} {max(loads[half:]):9.1f}")
        finally:
            server.should_exit = True
            thread.join(10)


if __name__ == "__main__":
    main()
