"""TextStage on the seed article and on SaudiNewsNet articles."""

import json
import zipfile

import pytest

from marsad.doc import Doc
from marsad.errors import UsageError
from marsad.text import TextStage


@pytest.fixture(scope="module")
def seed_doc(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    return TextStage()(Doc(text, published="2015-11-21T21:59:00"))


def test_stage_contract():
    stage = TextStage()
    assert stage.name == "ar.text.v1"
    assert stage.initialize() is stage
    assert "doc.tokens" in stage.assigns


def test_seed_annotations(seed_doc):
    assert {t.text: t.value for t in seed_doc.times}["الاثنين المقبل"] == "2015-11-23"
    assert any(q.value == 14.0 and q.qualifier == "min" and q.noun == "مدني" for q in seed_doc.quantities)
    idlib = [t for t in seed_doc.tokens if t.norm == "ادلب"]
    assert len(idlib) == 3  # "في إدلب", "وإدلب" (و + إدلب), "مدينة إدلب"
    assert [t.text for t in seed_doc.tokens if t.word_index == idlib[0].word_index] == ["إدلب"]


def test_every_span_slices_back(seed_doc):
    text = seed_doc.text
    for coll in (seed_doc.sentences, seed_doc.tokens, seed_doc.quantities, seed_doc.times):
        for x in coll:
            assert text[x.start:x.end] == x.text


def test_stage_keeps_text_and_rejects_bad_input():
    doc = Doc("قتل 3 أشخاص أمس.", published="2015-11-21")
    before = doc.text
    TextStage()(doc)
    assert doc.text == before
    assert [t.value for t in doc.times] == ["2015-11-20"]
    with pytest.raises(TypeError, match="expects a Doc"):
        TextStage()("نص")
    with pytest.raises(UsageError):
        TextStage()(Doc("أمس", published="yesterday"))


def test_saudinewsnet_offsets(shared_data):
    """Real articles of one day: every span slices back, and the layer finds work to do."""
    path = sorted((shared_data / "saudinewsnet").glob("*.zip"))[0]
    with zipfile.ZipFile(path) as zf:
        articles = json.loads(zf.read(zf.namelist()[0]))[:60]
    stage = TextStage()
    n_times = n_quant = 0
    for art in articles:
        doc = stage(Doc(art["content"], published=art["date_extracted"][:10]))
        for coll in (doc.sentences, doc.tokens, doc.quantities, doc.times):
            for x in coll:
                assert doc.text[x.start:x.end] == x.text
        n_times += len(doc.times)
        n_quant += len(doc.quantities)
    assert n_times > 30 and n_quant > 30


def test_stage_equals_the_public_functions(shared_data, seed_path):
    """The stage reads quantity and time starting points off the tokeniser; same result as the public calls."""
    from marsad.text import find_quantities, find_times, split_sentences, tokenize

    path = sorted((shared_data / "saudinewsnet").glob("*.zip"))[2]
    with zipfile.ZipFile(path) as zf:
        pairs = [(a["content"], a["date_extracted"][:10]) for a in json.loads(zf.read(zf.namelist()[0]))[:40]]
    pairs.append((seed_path.read_text(encoding="utf-8"), "2015-11-21T21:59:00"))
    stage = TextStage()
    n_times = n_quant = 0
    for text, published in pairs:
        doc = stage(Doc(text, published=published))
        tokens = tokenize(text)
        assert doc.tokens == tokens and doc.sentences == split_sentences(text)
        assert doc.quantities == find_quantities(text, tokens)
        assert doc.times == find_times(text, published, tokens)
        n_times += len(doc.times)
        n_quant += len(doc.quantities)
    assert n_times > 20 and n_quant > 20
