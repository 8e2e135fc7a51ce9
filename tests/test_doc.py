"""The document model: offsets, ids and the contract record."""

import pytest

from marsad.doc import Doc, make_doc_id
from marsad.errors import OffsetError
from marsad.pipeline import Pipeline


def test_doc_id_is_stable_hash_of_text():
    a = Doc("قصفت الطائرات الروسية إدلب")
    b = Doc("قصفت الطائرات الروسية إدلب", title="x")
    assert a.doc_id == b.doc_id == make_doc_id("قصفت الطائرات الروسية إدلب")
    assert len(a.doc_id) == 16
    assert Doc("قصفت الطائرات حلب").doc_id != a.doc_id


def test_span_slices_text_and_rejects_bad_offsets():
    doc = Doc("التقى بوتين خامنئي في طهران")
    span = doc.span(6, 11)
    assert span.text == "بوتين"
    with pytest.raises(OffsetError, match=r"\(20, 40\) outside text of length 27"):
        doc.span(20, 40)


def test_pipe_refuses_bare_string():
    with pytest.raises(TypeError, match="got str"):
        list(Pipeline([]).pipe("نص واحد"))


def test_to_record_has_contract_keys():
    rec = Doc("نص", published="2015-11-21T21:59:00").to_record()
    assert list(rec)[:11] == [
        "doc_id", "source", "url", "title", "published", "language", "text",
        "sentences", "entities", "places", "times",
    ]
    assert rec["published"] == "2015-11-21T21:59:00"
