"""The fast feature path gives python-crfsuite the known part of token_features, so the same labels."""

import json
import zipfile

import pytest

from marsad.entities import NerTagger
from marsad.entities.matcher import sentence_ranges, tokenize
from marsad.entities.ner import NerLexicon, token_features
from marsad.entities.ner_fast import FastTagger
from marsad.entities.training import read_conll, split_dev

NEWS = [["قال", "الرئيس", "الفلسطيني", "محمود", "عباس", "في", "رام", "الله", "إن", "حركة", "حماس", "|", "رفضت"],
        ["وأضاف", "عباس", "أن", "الاتحاد", "الأوروبي", "دعم", "السلطة", "."]]


def _slow_tags(tagger, sentences):
    """Labels from python-crfsuite on the full token_features strings."""
    return [tagger.tagger_.tag(f) if f else [] for f in tagger._features(sentences)]


def test_features_are_the_known_part_of_token_features_in_order(stage):
    tagger = stage.tagger
    fast = tagger.fast_
    full = tagger._features(NEWS)
    got = fast.features(NEWS)
    dropped = 0
    for fs, gs in zip(full, got):
        for f, g in zip(fs, gs):
            assert g == [x for x in f if x in fast.known]
            dropped += len(f) - len(g)
    assert dropped > 0  # unknown attributes are left out
    assert "-1:w=عباس" in got[0][5] or "-1:w=عباس" not in fast.known


def test_same_tags_as_python_crfsuite_on_anercorp_dev(stage, shared_data):
    sents = read_conll(shared_data / "anercorp-train" / "ANERCorp_CamelLab_train.txt")
    dev = [[w for w, _ in s] for s in split_dev(sents, 0.1)[1]]
    tagger = stage.tagger
    assert tagger.fast_ is not None
    assert tagger.predict(dev) == _slow_tags(tagger, dev)


def test_same_tags_as_python_crfsuite_on_saudi_news(stage, shared_data):
    with zipfile.ZipFile(shared_data / "saudinewsnet" / "2015-07-22.zip") as zf:
        arts = json.loads(zf.read(zf.namelist()[0]))[:12]
    tagger = stage.tagger
    n = 0
    for art in arts:
        text = art.get("content") or ""
        toks = tokenize(text)
        batch = [[t.text for t in toks[a:b]] for a, b in sentence_ranges(text, toks)]
        n += sum(map(len, batch))
        assert tagger.predict(batch) == _slow_tags(tagger, batch)
    assert n > 3000


def test_fast_path_of_a_freshly_fitted_model(tmp_path):
    lex = NerLexicon(per=frozenset({"نادر"}), first=frozenset({"سمير", "كمال"}),
                     phrases={"كمال": [(("كمال", "رافع"), "PER")]})
    sents = [["قال", "الرئيس", "سمير", "نادر", "في", "بيروت"], ["زار", "كمال", "رافع", "مدينة", "حلب"],
             ["وصل", "الوزير", "سمير", "نادر", "إلى", "حلب", "|", "أمس"], ["غادر", "كمال", "رافع", "بيروت"]]
    tags = [["O", "O", "B-PER", "I-PER", "O", "B-LOC"], ["O", "B-PER", "I-PER", "O", "B-LOC"],
            ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"], ["O", "B-PER", "I-PER", "B-LOC"]]
    t = NerTagger(lexicon=lex, max_iterations=40, c1=0.0, c2=0.01, doc_size=2)
    t.fit(sents, tags, out_path=tmp_path / "m.crfsuite")
    assert isinstance(t.fast_, FastTagger)
    probe = sents + [[], ["كمال", "رافع"], ["|"]]
    assert t.predict(probe) == _slow_tags(t, probe)
    assert t.predict(sents) == tags
    assert any(x.startswith("ph=B-PER") for x in token_features(["كمال", "رافع"], lex)[0])
    full = t._features([["كمال", "رافع", "في", "حلب"]])[0]
    assert t.fast_.features([["كمال", "رافع", "في", "حلب"]])[0] == [[x for x in f if x in t.fast_.known] for f in full]


def test_a_full_word_cache_starts_over_with_the_same_tags(stage):
    tagger = stage.tagger
    small = FastTagger(tagger.tagger_, tagger.lexicon, max_words=5)
    sents = [["قال", "الرئيس", "الفلسطيني", "محمود", "عباس", "في", "رام", "الله"],
             ["وصل", "وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "إلى", "دمشق", "أمس"]]
    want = _slow_tags(tagger, sents)
    for _ in range(3):
        assert small.predict(sents, tagger.doc_size) == want
        assert small.predict(sents[::-1], tagger.doc_size) == _slow_tags(tagger, sents[::-1])
    assert len(small.words) <= 5
