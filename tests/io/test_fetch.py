"""URLs served by a local test server on 127.0.0.1."""

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from marsad.doc import Doc
from marsad.errors import InputError
from marsad.io import fetch_url, iter_docs
from tests.io.samples import PLAIN, RECORD, page

ROUTES = {
    "/news/marib.html": ("text/html; charset=utf-8", page().encode("utf-8")),
    "/news/marib-1256.html": ("text/html; charset=windows-1256", page("windows-1256").encode("cp1256")),
    "/plain.txt": ("text/plain; charset=utf-8", PLAIN.encode("utf-8")),
    "/plain-1256.txt": ("text/plain", PLAIN.encode("cp1256")),
    "/record.json": ("application/json", json.dumps(RECORD).encode("utf-8")),
    "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "/news/marib.gz.html": ("text/html; charset=utf-8", gzip.compress(page().encode("utf-8"))),
    "/big.html": ("text/html", b"<html><body>" + b"<p>" + "خبر ".encode() * 2000 + b"</p></body></html>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/news/marib.html")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.5)
        route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        ctype, body = route
        self.send_response(200)
        if self.path.endswith(".gz.html"):
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the timeout test hangs up on /slow; nothing to report


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_page(server):
    doc = fetch_url(server + "/news/marib.html")
    assert doc.title == "مقتل أربعة في غارة جوية على مأرب"
    assert doc.published == "2024-05-02T16:20:00"
    assert doc.url == server + "/news/marib.html"
    assert doc.source == "127.0.0.1"
    assert doc.meta == {"input": server + "/news/marib.html", "record_no": None}
    assert "إعلان" not in doc.text


def test_gzip_encoded_response(server):
    assert fetch_url(server + "/news/marib.gz.html").title == "مقتل أربعة في غارة جوية على مأرب"


def test_redirect_keeps_final_url_and_given_input(server):
    doc = fetch_url(server + "/old")
    assert doc.url == server + "/news/marib.html"
    assert doc.meta["input"] == server + "/old"


def test_charsets_text_and_json(server):
    assert fetch_url(server + "/news/marib-1256.html").title == "مقتل أربعة في غارة جوية على مأرب"
    for path in ("/plain.txt", "/plain-1256.txt"):
        doc = fetch_url(server + path)
        assert (doc.title, doc.published) == ("اعتصام للمعلمين أمام وزارة التربية في الرباط", "2024-05-08T14:15:00")
    record = fetch_url(server + "/record.json")
    assert (record.title, record.meta["id"]) == (RECORD["title"], "ly-2024-0601")


@pytest.mark.parametrize(
    ("path", "kwargs", "reason"),
    [
        ("/missing", {}, "HTTP 404 Not Found"),
        ("/logo.png", {}, "unsupported content type image/png"),
        ("/big.html", {"max_bytes": 1000}, "response larger than 1000 bytes"),
        ("/slow", {"timeout": 0.3}, "timed out after 0.3 s"),
    ],
)
def test_failures(server, path, kwargs, reason):
    with pytest.raises(InputError) as info:
        fetch_url(server + path, **kwargs)
    assert (info.value.source, info.value.reason) == (server + path, reason)


def test_not_a_url():
    with pytest.raises(InputError, match="not an http"):
        fetch_url("ftp://example.org/a.txt")


def test_iter_docs_mixes_urls_and_continues(server):
    items = list(iter_docs([server + "/news/marib.html", server + "/missing", server + "/plain.txt"]))
    assert [type(i) for i in items] == [Doc, InputError, Doc]
    assert items[1].reason == "HTTP 404 Not Found"
