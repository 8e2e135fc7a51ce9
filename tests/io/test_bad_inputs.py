"""Bad inputs give a clear InputError each, and the rest of the batch lands."""

import gzip
import json

from marsad.doc import Doc
from marsad.errors import InputError
from marsad.io import iter_docs
from tests.io.samples import NAV_ONLY, PLAIN, RECORD

GOOD = json.dumps(RECORD, ensure_ascii=False)


def _outcomes(items, root):
    """(file name, record_no, reason or 'doc') per item, relative to ``root``."""
    out = []
    for item in items:
        if isinstance(item, Doc):
            out.append((item.meta["input"].replace(str(root) + "/", ""), item.meta["record_no"], "doc"))
        else:
            assert isinstance(item, InputError)
            out.append((item.source.replace(str(root) + "/", ""), item.record_no, item.reason))
    return out


def test_batch_with_every_kind_of_bad_input(tmp_path):
    (tmp_path / "a_good.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200)))
    (tmp_path / "d_unknown.txt").write_bytes(("Привет, это текст в КОИ-8, а не статья. " * 8).encode("koi8-r"))
    (tmp_path / "e_nav.html").write_text(NAV_ONLY, encoding="utf-8")
    (tmp_path / "f_lines.jsonl").write_text(
        "\n".join([GOOD, '{"title": "سطر مقطوع", "text": "بدأ', GOOD, json.dumps({"title": "بلا نص", "content": "  "}),
                   json.dumps({"title": "بلا حقل نص"}), "[1, 2]"]) + "\n", encoding="utf-8")
    full = gzip.compress(((GOOD + "\n") * 400).encode("utf-8"))
    (tmp_path / "g_truncated.jsonl.gz").write_bytes(full[: len(full) // 2])
    (tmp_path / "h_furniture.txt").write_text("طباعة\nشارك 12\nA+ A-\n", encoding="utf-8")
    (tmp_path / "i_bad.json").write_text('[{"text": "خبر أول عن اجتماع في عمّان"}, {"text": ', encoding="utf-8")
    (tmp_path / "j_good.txt").write_text(PLAIN, encoding="cp1256")

    got = _outcomes(iter_docs([str(tmp_path)]), tmp_path)
    expected_head = [
        ("a_good.txt", None, "doc"),
        ("b_empty.txt", None, "empty file"),
        ("c_binary.txt", None, "binary file"),
        ("d_unknown.txt", None, "unknown encoding (not UTF-8, UTF-16 or Arabic Windows-1256/ISO-8859-6)"),
        ("e_nav.html", None, "HTML with no article"),
        ("f_lines.jsonl", 1, "doc"),
        ("f_lines.jsonl", 2, "malformed JSON line (Unterminated string starting at, column 32)"),
        ("f_lines.jsonl", 3, "doc"),
        ("f_lines.jsonl", 4, "empty body"),
        ("f_lines.jsonl", 5, "record has no text or content field"),
        ("f_lines.jsonl", 6, "record is not a JSON object"),
    ]
    assert got[: len(expected_head)] == expected_head
    gz = [g for g in got if g[0] == "g_truncated.jsonl.gz"]
    assert gz[-1][2].startswith("truncated gzip")
    assert gz[-1][1] is None
    # the records decompressed before the cut come through, numbered in order
    assert [g[1] for g in gz[:-1]] == list(range(1, len(gz))) and len(gz) > 100
    assert {g[2] for g in gz[:-1]} == {"doc"}
    assert got[len(expected_head) + len(gz):] == [
        ("h_furniture.txt", None, "empty body (only page furniture)"),
        ("i_bad.json", 1, "doc"),
        ("i_bad.json", 2, "malformed JSON (Expecting value)"),
        ("j_good.txt", None, "doc"),
    ]


def test_error_message_names_input_record_and_reason(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(GOOD + "\n{oops\n", encoding="utf-8")
    _, error = list(iter_docs([str(path)]))
    assert str(error).startswith(f"{path} record 2: malformed JSON line")


def test_truncated_warc_gz_keeps_records_before_the_cut(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from tests.io.samples import page

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                      payload=io.BytesIO(page().encode()), http_headers=headers))
    data = buf.getvalue()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.8)])
    items = list(iter_docs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Doc", "Doc", "InputError"]
    assert items[-1].reason.startswith("truncated gzip")
    assert items[-1].record_no == 3


def test_damaged_containers(tmp_path, seed_path):
    data = gzip.compress(seed_path.read_bytes())
    (tmp_path / "a_cut.txt.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "b_not.zip").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    (tmp_path / "c_not.warc").write_text("هذا ليس ملف WARC\n", encoding="utf-8")
    (tmp_path / "d_seed.txt.gz").write_bytes(data)
    got = _outcomes(iter_docs([str(tmp_path)]), tmp_path)
    assert [(name, no, reason.split(" (")[0]) for name, no, reason in got] == [
        ("a_cut.txt.gz", None, "truncated gzip"),
        ("b_not.zip", None, "corrupt zip"),
        ("c_not.warc", 1, "not a WARC file"),
        ("d_seed.txt.gz", None, "doc"),
    ]
