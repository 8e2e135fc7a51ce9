"""POST /api/code: request validation, size limits, and coding with the real pipeline."""

import pytest
from fastapi.testclient import TestClient

from marsad.web.app import create_app


@pytest.fixture()
def small_client(tmp_path):
    return TestClient(create_app(str(tmp_path / "s.duckdb"), max_body_bytes=1000))


def test_oversize_body_is_413(small_client):
    r = small_client.post("/api/code", json={"text": "قصف " * 400})
    assert r.status_code == 413
    assert "1000-byte limit" in r.json()["detail"]


def test_oversize_chunked_body_is_413(small_client):
    def chunks():
        for _ in range(20):
            yield ("قصف " * 20).encode()

    r = small_client.post("/api/code", content=chunks(), headers={"Content-Type": "text/plain"})
    assert r.status_code == 413


@pytest.mark.parametrize("kwargs, reason", [
    ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, "not valid JSON"),
    ({"json": ["a"]}, "must be an object"),
    ({"json": {"txt": "x"}}, "unknown field 'txt'"),
    ({"json": {"text": 5}}, "field 'text' must be a string"),
    ({"json": {}}, "exactly one of text, html or url"),
    ({"json": {"text": "a", "html": "<p>a</p>"}}, "exactly one of text, html or url"),
    ({"json": {"text": "   "}}, "text is empty"),
    ({"json": {"url": "file:///etc/passwd"}}, "must start with http"),
    ({"content": "نص".encode("cp1256"), "headers": {"Content-Type": "text/plain"}}, "not UTF-8"),
    ({"content": b"x", "headers": {"Content-Type": "image/png"}}, "unsupported content type"),
])
def test_bad_bodies_are_400_with_reason(small_client, kwargs, reason):
    r = small_client.post("/api/code", **kwargs)
    assert r.status_code == 400
    assert reason in r.json()["detail"]


def _pipeline_or_skip():
    try:
        from marsad.pipeline import default_pipeline

        return default_pipeline()
    except ImportError as exc:
        pytest.skip(f"pipeline stages not importable yet: {exc}")


def test_code_text_returns_contract_record(tmp_path):
    _pipeline_or_skip()
    client = TestClient(create_app(str(tmp_path / "c.duckdb")))
    text = "قصفت الطائرات مدينة إدلب أمس وقتل خمسة مدنيين."
    r = client.post("/api/code", json={"text": text, "published": "2015-11-21T10:00:00"})
    assert r.status_code == 200, r.text
    record = r.json()["record"]
    assert record["text"].strip() == text
    assert r.json()["stored"] is None
    for ev in record["events"]:
        t = ev["trigger"]
        assert record["text"][t["start"]:t["end"]] == t["text"]


def test_unreachable_url_is_422_with_reason(small_client):
    r = small_client.post("/api/code", json={"url": "http://127.0.0.1:1/news"})
    assert r.status_code == 422
    assert "http://127.0.0.1:1/news" in r.json()["detail"]


def test_code_html_and_store(tmp_path):
    _pipeline_or_skip()
    db = tmp_path / "stored.duckdb"
    client = TestClient(create_app(str(db)))
    html = ("<html><head><title>مظاهرة في عمان</title></head><body><article><h1>مظاهرة في عمان</h1>"
            "<p>تظاهر مئات الأشخاص في عمان يوم الجمعة احتجاجا على ارتفاع الأسعار، "
            "وطالبوا الحكومة بخفض الضرائب على الوقود والخبز.</p></article></body></html>")
    r = client.post("/api/code?store=true", json={"html": html, "url": "https://example.org/amman"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"]["stored"] == 1
    doc_id = body["record"]["doc_id"]
    article = client.get(f"/api/articles/{doc_id}").json()
    assert "تظاهر مئات الأشخاص في عمان" in article["text"]
    assert client.get("/api/health").json()["counts"]["articles"] == 1
