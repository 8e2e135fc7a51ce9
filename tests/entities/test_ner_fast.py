"""The fast tagging path gives python-crfsuite's labels, from the model file's exact weights."""

import itertools
import json
import zipfile

import numpy as np
import pytest

from marsad.entities import NerTagger
from marsad.entities.matcher import sentence_ranges, tokenize
from marsad.entities.ner import NerLexicon, token_features
from marsad.entities.ner_fast import FastTagger, read_model, viterbi
from marsad.entities.training import read_conll, split_dev
from marsad.errors import DataFileError


def _slow_tags(tagger, sentences):
    """Labels from python-crfsuite on the full token_features strings."""
    return [tagger.tagger_.tag(f) if f else [] for f in tagger._features(sentences)]


def test_read_model_has_the_weights_of_the_dump(stage):
    tagger = stage.tagger
    model = read_model(tagger.model_path_, tagger.tagger_)
    info = tagger.tagger_.info()
    assert model.state.shape == (len(info.attributes) + 1, 9) and not model.state[model.zero].any()
    assert sorted(model.labels) == sorted(info.labels)
    lab = {name: i for i, name in enumerate(model.labels)}
    for (attr, label), w in itertools.islice(info.state_features.items(), 0, None, 97):
        assert abs(model.state[model.attributes[attr], lab[label]] - w) < 1e-6  # the dump prints 6 decimals
    for (a, b), w in info.transitions.items():
        assert abs(model.trans[lab[a], lab[b]] - w) < 1e-6


def test_read_model_refuses_other_files(stage, tmp_path):
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"lCRF" + bytes(60))
    with pytest.raises(DataFileError, match="E334"):
        read_model(bad, stage.tagger.tagger_)


def test_viterbi_is_the_best_path_and_breaks_ties_low():
    rng = np.random.default_rng(3)
    trans = rng.normal(size=(3, 3))
    scores = [rng.normal(size=(n, 3)) for n in (1, 2, 4, 5)]
    for s, got in zip(scores, viterbi(scores, trans)):
        def total(path):
            return s[range(len(path)), path].sum() + sum(trans[a, b] for a, b in zip(path, path[1:]))
        best = max(itertools.product(range(3), repeat=len(s)), key=total)  # first best in order
        assert list(got) == list(best)
    tie = viterbi([np.zeros((3, 3))], np.zeros((3, 3)))[0]
    assert list(tie) == [0, 0, 0]


def test_state_scores_are_crfsuite_sums_bit_for_bit(stage):
    tagger = stage.tagger
    fast = tagger.fast_
    sents = [["قال", "الرئيس", "الفلسطيني", "محمود", "عباس", "في", "رام", "الله", "إن", "حركة", "حماس", "|", "رفضت"],
             ["وأضاف", "عباس", "أن", "الاتحاد", "الأوروبي", "دعم", "السلطة", "."]]
    got = fast.scores(sents)
    feats = tagger._features(sents)
    m = fast.model
    for s, f in zip(got, feats):
        for row, tok in zip(s, f):
            want = np.zeros(len(m.labels))
            for x in tok:  # one attribute after the other, as crf1dt_state_score adds
                if x in m.attributes:
                    want = want + m.state[m.attributes[x]]
            assert np.array_equal(row, want)


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


def test_a_full_word_cache_starts_over_with_the_same_tags(stage):
    tagger = stage.tagger
    small = FastTagger(tagger.fast_.model, tagger.lexicon, max_words=5)
    sents = [["قال", "الرئيس", "الفلسطيني", "محمود", "عباس", "في", "رام", "الله"],
             ["وصل", "وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "إلى", "دمشق", "أمس"]]
    want = _slow_tags(tagger, sents)
    for _ in range(3):
        assert small.predict(sents, tagger.doc_size) == want
        assert small.predict(sents[::-1], tagger.doc_size) == _slow_tags(tagger, sents[::-1])
    assert len(small.words) <= 5 + sum(map(len, sents))
