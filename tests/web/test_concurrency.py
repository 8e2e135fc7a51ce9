"""Serving while another process writes: short read-only connections and retries."""

import subprocess
import sys
import time

from fastapi.testclient import TestClient

from marsad.web.app import create_app

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("BEGIN TRANSACTION")
con.execute("UPDATE events SET confidence = confidence")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
con.close()
"""


def _hold(path, seconds: float) -> subprocess.Popen:
    """Start a process that holds the store for writing for ``seconds``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_request_waits_for_a_short_write(web_store):
    client = TestClient(create_app(str(web_store), retry_seconds=5))
    proc = _hold(web_store, 0.8)
    try:
        started = time.monotonic()
        r = client.get("/api/events", params={"event_type": "ASSAULT"})
        waited = time.monotonic() - started
    finally:
        proc.wait(10)
    assert r.status_code == 200 and r.json()["total"] == 3
    assert waited > 0.3  # it really was locked out, then retried


def test_long_write_gives_503_with_retry_after(web_store):
    client = TestClient(create_app(str(web_store), retry_seconds=0.3))
    proc = _hold(web_store, 2.5)
    try:
        r = client.get("/api/stats")
        h = client.get("/api/health")
    finally:
        proc.wait(10)
    assert r.status_code == 503
    assert r.headers["retry-after"] == "1"
    assert "locked by a writer" in r.json()["detail"]
    assert h.status_code == 503 and h.json()["status"] == "unavailable"
    assert client.get("/api/stats").status_code == 200


def test_server_releases_the_file_after_each_request(web_store):
    client = TestClient(create_app(str(web_store)))
    assert client.get("/api/stats").status_code == 200
    proc = _hold(web_store, 0.1)  # fails at once if the server still held the file
    assert proc.wait(10) == 0
