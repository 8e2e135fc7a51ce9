"""The sentence model's word vectors, vector features and files (marsad.events.model, marsad.events.train)."""

import json
import zipfile
from importlib import resources

import numpy as np
import pytest

from marsad.errors import DataFileError
from marsad.events.lexicon import load_lexicon
from marsad.events.context import segment
from marsad.events.match import find_triggers, marker_flags, split_words
from marsad.events.model import (
    VECTORS_FILE, SentenceModel, WordVectors, load_model, vector_features, vector_key,
)
from marsad.events.train import build_word_vectors, corpus_sentences


def _key(text):
    return vector_key(split_words(text, 0, len(text))[0])


def _cos(vectors, a, b):
    return float(vectors.matrix[vectors.vocab[_key(a)]] @ vectors.matrix[vectors.vocab[_key(b)]])


def test_vector_key_strips_the_article_and_skips_digits():
    assert _key("الغارات") == _key("غارات")
    assert _key("14") is None and _key("و") is None


def test_round_trip_keeps_values_to_int8_precision():
    rng = np.random.default_rng(0)
    m = rng.normal(size=(3, 4)).astype(np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    v = WordVectors({"قصف": 0, "غاره": 1, "سوق": 2}, m, {"corpus": "test"})
    back = WordVectors.from_json(v.to_json())
    assert back.vocab == v.vocab and back.meta == {"corpus": "test"}
    assert np.abs(back.matrix - m).max() <= 0.5 / 127 + 1e-6


def test_mean_is_unit_length_and_zero_without_known_words():
    m = np.eye(3, dtype=np.float32)
    v = WordVectors({"a": 0, "b": 1, "c": 2}, m)
    assert np.allclose(v.mean(["a", "b", "zz"]), [2 ** -0.5, 2 ** -0.5, 0])
    assert not v.mean(["zz", None]).any()


def test_context_vector_reads_only_the_trigger_window():
    lex = load_lexicon()
    text = "قال رئيس الوزراء في كلمة طويلة أمام البرلمان اليوم إن الطائرات قصفت مواقع المسلحين"
    words = split_words(text, 0, len(text))
    triggers = find_triggers(words, lex)
    assert any(t.entry.type == "ASSAULT" for t in triggers)
    keys = {vector_key(w): i for i, w in enumerate(words)}
    v = WordVectors(keys, np.eye(len(words), dtype=np.float32))
    plain = vector_features("ASSAULT", words, triggers, v)
    both = vector_features("ASSAULT", words, triggers, v, context=True)
    assert set(plain) == {f"e:{i}" for i in range(len(words))}
    assert set(both) - set(plain) == {f"x:{i}" for i in range(len(words))}
    # the first words ("قال رئيس") are outside the ±3 window of "قصفت"
    assert both["x:0"] == 0.0 and both["e:0"] > 0.0
    assert both[f"x:{keys[_key('قصفت')]}"] > both[f"e:{keys[_key('قصفت')]}"]


def test_lsa_puts_co_occurring_words_together(tmp_path):
    war = ["قصف الطيران مواقع المسلحين بالصواريخ", "غارات الطيران على مواقع المسلحين", "قصف وغارات ليلية بالصواريخ"]
    trade = ["ارتفعت صادرات النفط والأسهم في السوق", "أسعار النفط والأسهم في السوق اليوم", "صادرات السوق ترتفع"]
    articles = [{"content": s + " وأكثر من ذلك في النص."} for s in (war + trade) * 12]
    with zipfile.ZipFile(tmp_path / "2015-01-01.zip", "w") as zf:
        zf.writestr("2015-01-01.json", json.dumps(articles, ensure_ascii=False))
    v = build_word_vectors(str(tmp_path), dims=2, max_words=50)
    assert v.matrix.shape[1] == 2
    assert np.allclose(np.linalg.norm(v.matrix, axis=1), 1, atol=1e-4)
    assert _cos(v, "قصف", "غارات") > 0.9 > _cos(v, "قصف", "صادرات")


def test_empty_corpus_folder_is_a_data_error(tmp_path):
    with pytest.raises(DataFileError, match="no \\*.zip corpus files"):
        list(corpus_sentences(str(tmp_path)))


def test_bundled_model_records_fold_scores():
    model = load_model()
    for t in ("ASSAULT", "PROTEST"):
        cv = model.meta["cv"][t]
        assert len(cv["fold_f1"]) == 5 and 0 <= cv["fold_sd"] < cv["fold_mean"] < 1
    size = len(resources.files("marsad.events").joinpath("data/sentence_model.json").read_bytes())
    assert size < 5 * 2 ** 20


def test_model_with_vectors_loads_them_and_scores_with_them(tmp_path):
    lex = load_lexicon()
    text = "قصفت الطائرات مواقع المسلحين"
    words = split_words(text, 0, len(text))
    triggers = find_triggers(words, lex)
    flags = marker_flags(words, lex)
    args = (words, triggers, flags, segment(words, flags))
    vectors = WordVectors({vector_key(w): i for i, w in enumerate(words)}, np.eye(len(words), dtype=np.float32))
    (tmp_path / VECTORS_FILE).write_text(vectors.to_json(), encoding="utf-8")
    model = SentenceModel({"ASSAULT": {"x:0": 4.0}}, {"ASSAULT": -2.0}, {"ASSAULT": 0.5}, vectors=vectors,
                          context={"ASSAULT": True})
    (tmp_path / "m.json").write_text(model.to_json(), encoding="utf-8")
    back = load_model(str(tmp_path / "m.json"))
    assert back.context == {"ASSAULT": True} and back.vectors.vocab == vectors.vocab
    # only x:0 is weighted: the context vector of "قصفت" covers all 4 words, so x:0 = 1/2
    assert back.probability("ASSAULT", *args) == pytest.approx(0.5, abs=0.01)
    back.context["ASSAULT"] = False
    assert back.probability("ASSAULT", *args) == pytest.approx(1 / (1 + np.exp(2)), abs=0.01)


def test_model_whose_vectors_are_missing_is_a_data_error(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"weights": {}, "intercepts": {}, "thresholds": {}, "vectors": VECTORS_FILE}),
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="cannot read word vectors"):
        load_model(str(path))
    (tmp_path / VECTORS_FILE).write_text("{}", encoding="utf-8")
    with pytest.raises(DataFileError, match="invalid word vectors"):
        load_model(str(path))
