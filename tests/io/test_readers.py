"""Each reader on real or realistic inputs, through iter_docs."""

import csv
import gzip
import io
import json
import zipfile

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.doc import Doc
from marsad.errors import InputError
from marsad.io import doc_from_html, doc_from_record, doc_from_text, iter_docs
from tests.io.samples import NAV_ONLY, PLAIN, RECORD, page


def _docs(items):
    out = list(items)
    assert all(isinstance(i, Doc) for i in out), [str(i) for i in out if not isinstance(i, Doc)]
    return out


def test_seed_file(seed_path, seed_expected):
    (doc,) = _docs(iter_docs([str(seed_path)]))
    assert doc.title.startswith(seed_expected["title_contains"])
    assert doc.published == "2015-11-21T21:59:00"
    assert doc.meta == {"input": str(seed_path), "record_no": None}
    assert doc.raw == seed_path.read_text(encoding="utf-8")
    assert doc.text.startswith(doc.title + "\n\n")
    for residue in seed_expected["text_must_not_contain"]:
        assert residue not in doc.text


def test_saudinewsnet_zip_as_is(shared_data):
    path = shared_data / "saudinewsnet" / "2015-07-23.zip"
    with zipfile.ZipFile(path) as z:
        records = json.loads(z.read("2015-07-23.json"))
    items = list(iter_docs([str(path)]))
    assert len(items) == len(records) == 1318
    docs = [i for i in items if isinstance(i, Doc)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert (len(docs), len(errors)) == (1302, 16)
    assert {e.reason for e in errors} == {"empty body"}
    assert all(not records[e.record_no - 1]["content"].strip() for e in errors)
    first = docs[0]
    # record 1 has an empty author, which is not carried
    assert first.meta == {"input": f"{path}!2015-07-23.json", "record_no": 1,
                          "published_field": "date_extracted"}
    carried = [(d.meta.get("author"), records[d.meta["record_no"] - 1]["author"] or None) for d in docs]
    assert all(a == b for a, b in carried)
    assert sum(a is not None for a, _ in carried) > 100
    assert first.title == records[0]["title"] == "المالكي ونصيحة سعود الفيصل"
    assert first.source == "aawsat"
    assert first.url == records[0]["url"]
    assert first.published == "2015-07-23T19:28:17"
    assert first.text.startswith("المالكي ونصيحة سعود الفيصل\n\n")
    assert [d.meta["record_no"] for d in docs[:3]] == [1, 2, 3]


def test_examples_cover_every_example_reader(examples_dir):
    docs = _docs(iter_docs([str(examples_dir)]))
    assert [(d.meta["input"].rsplit("/", 1)[1], d.meta["record_no"]) for d in docs] == [
        ("meeting.txt", None), ("protests.jsonl", 1), ("protests.jsonl", 2), ("shelling.html", None)]
    meeting, protest, arrests, shelling = docs
    assert meeting.title == "الصفدي يلتقي شكري في عمّان ويبحثان وقف إطلاق النار في غزة"
    assert meeting.published == "2024-03-12T11:40:00"
    assert "طباعة" not in meeting.text and "214" not in meeting.text
    assert "\nالصفدي يلتقي شكري\n" not in meeting.text
    assert protest.published == "2024-07-21T19:30:00"
    assert protest.meta["id"] == "iq-2024-0721-01"
    assert arrests.published == "2024-07-22"
    assert shelling.title == "مقتل ستة مدنيين بقصف مدفعي على ريف إدلب"
    assert shelling.published == "2024-04-14T09:15:00"
    assert shelling.url == "https://news.example.org/syria/2024/04/14/idlib-shelling"
    for furniture in ("الرئيسية", "إعلان", "الأكثر قراءة", "رحم الله", "جميع الحقوق", "اقرأ أيضاً"):
        assert furniture not in shelling.text
    assert "قتل ستة مدنيين، بينهم طفلان، وأصيب أحد عشر آخرون" in shelling.text


def test_html_page(tmp_path):
    path = tmp_path / "marib.html"
    path.write_text(page(), encoding="utf-8")
    (doc,) = _docs(iter_docs([str(path)]))
    assert doc.title == "مقتل أربعة في غارة جوية على مأرب"
    assert doc.published == "2024-05-02T16:20:00"
    assert doc.raw == page()
    assert "إعلان" not in doc.text and "متى تنتهي" not in doc.text
    assert doc.text.split("\n\n", 1)[1].startswith("قتل أربعة أشخاص وأصيب سبعة آخرون")


def test_html_in_windows_1256_with_meta_charset():
    doc = doc_from_html(page("windows-1256").encode("cp1256"), url="https://example.org/a")
    assert doc.title == "مقتل أربعة في غارة جوية على مأرب"
    assert doc.source == "example.org"


def test_windows_1256_and_utf16_text(tmp_path):
    (tmp_path / "a_cp1256.txt").write_bytes(PLAIN.encode("cp1256"))
    (tmp_path / "b_utf16.txt").write_bytes(PLAIN.encode("utf-16"))
    (tmp_path / "c_bom.txt").write_bytes(PLAIN.encode("utf-8-sig"))
    docs = _docs(iter_docs([str(tmp_path)]))
    assert len(docs) == 3
    assert len({d.doc_id for d in docs}) == 1
    for d in docs:
        assert d.title == "اعتصام للمعلمين أمام وزارة التربية في الرباط"
        assert d.published == "2024-05-08T14:15:00"
        assert d.text.endswith("دون تسجيل أي مواجهات.")
        assert d.raw == PLAIN


def _warc(path, gz=True):
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        url = "https://yemen.example.org/news/marib-strike"
        request = StatusAndHeaders("GET /news/marib-strike HTTP/1.1", [("Host", "yemen.example.org")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                      http_headers=request))
        for target, status, ctype, body in [
            (url, "200 OK", "text/html; charset=utf-8", page().encode("utf-8")),
            ("https://yemen.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://yemen.example.org/missing", "404 Not Found", "text/html", b"<html>404</html>"),
            ("https://yemen.example.org/news/marib-strike-2", "200 OK", "text/html", NAV_ONLY.encode()),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(target, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc(tmp_path, name):
    path = tmp_path / name
    _warc(path, gz=name.endswith(".gz"))
    doc, error = list(iter_docs([str(path)]))
    assert doc.url == "https://yemen.example.org/news/marib-strike"
    assert doc.title == "مقتل أربعة في غارة جوية على مأرب"
    assert doc.source == "yemen.example.org"
    assert doc.meta["record_no"] == 1 and doc.meta["warc_record_id"].startswith("<urn:uuid:")
    assert (error.source, error.record_no, error.reason) == (str(path), 2, "HTML with no article")


def test_csv_json_and_gzip_records(tmp_path):
    with open(tmp_path / "a.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(RECORD))
        writer.writeheader()
        writer.writerow(RECORD)
    (tmp_path / "b.json").write_text(json.dumps([RECORD, RECORD | {"id": "x2"}], ensure_ascii=False),
                                     encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(RECORD, ensure_ascii=False), encoding="utf-8")
    with gzip.open(tmp_path / "d.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps(RECORD, ensure_ascii=False) + "\n")
    docs = _docs(iter_docs([str(tmp_path)]))
    assert [(d.meta["input"].rsplit("/", 1)[1], d.meta["record_no"], d.meta["id"]) for d in docs] == [
        ("a.csv", 1, "ly-2024-0601"), ("b.json", 1, "ly-2024-0601"), ("b.json", 2, "x2"),
        ("c.json", 1, "ly-2024-0601"), ("d.jsonl.gz", 1, "ly-2024-0601")]
    for d in docs:
        assert (d.title, d.published, d.source) == (RECORD["title"], "2024-06-01T21:10:00", "test-wire")
        assert d.meta["author"] == "طرابلس - وكالات"
        assert d.text == RECORD["title"] + "\n\n" + RECORD["content"]


def test_zip_of_mixed_members(tmp_path, seed_path):
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("b/page.html", page())
        z.writestr("a/seed.txt", seed_path.read_bytes())
        z.writestr("c/records.jsonl", json.dumps(RECORD, ensure_ascii=False) + "\n")
        z.writestr("__MACOSX/._seed.txt", b"\x00\x05\x16\x07")
        z.writestr("notes.md", "ملاحظات")
    docs = _docs(iter_docs([str(path)]))
    assert [d.meta["input"] for d in docs] == [f"{path}!a/seed.txt", f"{path}!b/page.html",
                                               f"{path}!c/records.jsonl"]
    assert docs[0].published == "2015-11-21T21:59:00"


def test_stdin_jsonl_bytes_and_text():
    lines = json.dumps(RECORD, ensure_ascii=False) + "\n\n" + json.dumps(RECORD | {"id": "b"}, ensure_ascii=False) + "\n"
    for stream in (io.BytesIO(lines.encode("utf-8")), io.StringIO(lines)):
        docs = _docs(iter_docs(["-"], stdin=stream))
        assert [(d.meta["input"], d.meta["record_no"], d.meta["id"]) for d in docs] == [
            ("-", 1, "ly-2024-0601"), ("-", 3, "b")]


def test_stdin_plain_text_in_windows_1256():
    (doc,) = _docs(iter_docs(["-"], stdin=io.BytesIO(PLAIN.encode("cp1256"))))
    assert doc.title == "اعتصام للمعلمين أمام وزارة التربية في الرباط"
    assert doc.meta == {"input": "-", "record_no": None}


def test_builders_directly():
    doc = doc_from_record(RECORD, "feed.jsonl", 7)
    assert doc.meta == {"input": "feed.jsonl", "record_no": 7, "id": "ly-2024-0601",
                        "author": "طرابلس - وكالات", "published_field": "date"}
    text = doc_from_text("خبر عاجل من غزة\n\nقصفت طائرات إسرائيلية منزلاً في رفح.", url="https://www.example.org/x")
    assert (text.title, text.source, text.url) == ("خبر عاجل من غزة", "example.org", "https://www.example.org/x")
    with pytest.raises(TypeError):
        doc_from_text(b"bytes")


def test_missing_path_raises_before_reading(tmp_path):
    with pytest.raises(InputError) as info:
        iter_docs([str(tmp_path), str(tmp_path / "nope.txt")])
    assert info.value.reason == "no such file or directory"
    with pytest.raises(TypeError):
        iter_docs("examples")


def test_agency_dateline_stays_and_beats_crawl_time(shared_data):
    path = shared_data / "saudinewsnet" / "2015-08-10.zip"
    with zipfile.ZipFile(path) as z:
        record = json.loads(z.read("2015-08-10.json"))[1499]
    assert (record["source"], record["date_extracted"]) == ("was", "2015-08-10 20:27:03")
    doc = doc_from_record(record, str(path), 1500)
    assert doc.published == "2015-08-10"
    assert doc.text.startswith("عام / مهرجان تمور بريدة يواصل فعالياته\n\n"
                               "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n")


def test_wrapped_json_tsv_semicolon_csv_and_html_records(tmp_path):
    from tests.io.samples import page

    (tmp_path / "a.json").write_text(json.dumps({"status": "ok", "articles": [RECORD, RECORD | {"id": "w2"}]},
                                                ensure_ascii=False), encoding="utf-8")
    for name, delimiter, encoding in (("b.tsv", "\t", "utf-8"), ("c.csv", ";", "cp1256")):
        with open(tmp_path / name, "w", encoding=encoding, newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(RECORD), delimiter=delimiter)
            writer.writeheader()
            writer.writerow(RECORD)
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "h1", "url": "https://ye.example.org/m", "html": page()},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    docs = _docs(iter_docs([str(tmp_path)]))
    assert [(d.meta["input"].rsplit("/", 1)[1], d.meta["record_no"], d.meta["id"]) for d in docs] == [
        ("a.json", 1, "ly-2024-0601"), ("a.json", 2, "w2"), ("b.tsv", 1, "ly-2024-0601"),
        ("c.csv", 1, "ly-2024-0601"), ("d.jsonl", 1, "h1")]
    assert {d.text for d in docs[:4]} == {RECORD["title"] + "\n\n" + RECORD["content"]}
    html_doc = docs[4]
    assert (html_doc.title, html_doc.published, html_doc.url) == (
        "مقتل أربعة في غارة جوية على مأرب", "2024-05-02T16:20:00", "https://ye.example.org/m")


def test_byline_becomes_author_unless_given():
    raw = "احتجاج في تونس\nبقلم سامية الهادي\n\nتظاهر عشرات أمام البرلمان التونسي."
    assert doc_from_text(raw).meta["author"] == "سامية الهادي"
    assert doc_from_text(raw, meta={"author": "وكالات"}).meta["author"] == "وكالات"


def test_real_csv_gold_standard_sentences(shared_data):
    path = shared_data / "arabic-event-gsr-dev" / "assault_gsr.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    docs = _docs(iter_docs([str(path)]))
    assert len(docs) == len(rows) == 1624
    first = docs[0]
    assert first.meta["id"] == rows[0]["id"] == "AAW_ARB_20080913.0007-59"
    assert (first.meta["event_type"], first.meta["label"]) == ("ASSAULT", "easy no")
    assert first.title is None and first.text == rows[0]["text"]


def test_stdin_pretty_printed_json_array():
    data = json.dumps([RECORD, RECORD | {"id": "b"}], ensure_ascii=False, indent=2)
    docs = _docs(iter_docs(["-"], stdin=io.StringIO(data)))
    assert [(d.meta["input"], d.meta["record_no"], d.meta["id"]) for d in docs] == [
        ("-", 1, "ly-2024-0601"), ("-", 2, "b")]


def test_html_in_windows_1256_without_charset_and_binary_html(tmp_path):
    from tests.io.samples import page

    (tmp_path / "a.html").write_bytes(page("x").replace('<meta charset="x">', "").encode("cp1256"))
    (tmp_path / "b.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    doc, error = list(iter_docs([str(tmp_path)]))
    assert doc.title == "مقتل أربعة في غارة جوية على مأرب"
    assert (error.source, error.reason) == (str(tmp_path / "b.html"), "binary file")


def test_json_records_in_windows_1256(tmp_path):
    path = tmp_path / "feed.json"
    path.write_bytes(json.dumps([RECORD, RECORD | {"id": "b"}], ensure_ascii=False, indent=1).encode("cp1256"))
    docs = _docs(iter_docs([str(path)]))
    assert [d.meta["id"] for d in docs] == ["ly-2024-0601", "b"]
    assert docs[0].url == RECORD["url"] and docs[0].title == RECORD["title"]


def test_page_saved_under_another_name_is_read_as_html(tmp_path):
    from tests.io.samples import page

    path = tmp_path / "marib.page"
    path.write_text(page(), encoding="utf-8")
    (doc,) = _docs(iter_docs([str(path)]))
    assert doc.title == "مقتل أربعة في غارة جوية على مأرب"
    assert "إعلان" not in doc.text


def test_site_name_is_the_source_when_no_address():
    from tests.io.samples import page

    html = page().replace("<title>", '<meta property="og:site_name" content="موقع الخبر"><title>')
    assert doc_from_html(html).source == "موقع الخبر"
    assert doc_from_html(html, url="https://www.yemen.example.org/a").source == "yemen.example.org"


def test_long_menu_is_not_an_article():
    items = "".join(f'<li><a href="/{i}">{name}</a></li>' for i, name in enumerate(
        ["الرئيسية", "أخبار", "رياضة", "اقتصاد", "ثقافة", "منوعات", "تكنولوجيا", "صحة"]))
    html = f"<html><body><nav><ul>{items}</ul></nav></body></html>"
    with pytest.raises(InputError, match="HTML with no article"):
        doc_from_html(html)


def test_warc_record_decoded_by_its_http_charset(tmp_path):
    from tests.io.samples import page

    body = page("x").replace('<meta charset="x">', "").encode("cp1256")
    path = tmp_path / "one.warc"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1256")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://ye.example.org/m", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    (doc,) = _docs(iter_docs([str(path)]))
    assert doc.title == "مقتل أربعة في غارة جوية على مأرب"
    assert doc.raw.startswith("<!DOCTYPE html>")
