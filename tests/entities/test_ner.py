"""The CRF tagger: data reading, scoring, a smoke fit, and the bundled model on ANERcorp dev."""

import pytest

from marsad.entities import NerTagger
from marsad.entities.ner import NerLexicon, bio_spans
from marsad.entities.training import entity_scores, read_conll, split_dev
from marsad.errors import DataFileError, UsageError


@pytest.fixture(scope="module")
def anercorp(shared_data):
    return read_conll(shared_data / "anercorp-train" / "ANERCorp_CamelLab_train.txt")


def test_read_conll_maps_pers_to_per(anercorp):
    assert len(anercorp) > 3500
    assert anercorp[0][0] == ("فرانكفورت", "B-LOC")
    tags = {t for s in anercorp for _, t in s}
    assert "B-PER" in tags and not any(t.endswith("PERS") for t in tags)


def test_dev_split_is_the_last_tenth(anercorp):
    train, dev = split_dev(anercorp, 0.1)
    assert len(dev) == round(len(anercorp) * 0.1) and dev[-1] == anercorp[-1]
    assert train + dev == anercorp
    with pytest.raises(UsageError):
        split_dev(anercorp, 1.5)


def test_bio_spans_and_scores():
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG"]) == {
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "ORG")}
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    r = entity_scores(gold, pred)
    assert r["per_type"]["LOC"]["f1"] == 1.0
    assert r["per_type"]["PER"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert r["micro"]["precision"] == 0.5 and r["micro"]["recall"] == 0.5


def test_smoke_fit_on_a_few_sentences(tmp_path):
    sents = [["قال", "الرئيس", "سمير", "نادر", "في", "بيروت"],
             ["زار", "كمال", "رافع", "مدينة", "حلب"],
             ["وصل", "الوزير", "سمير", "نادر", "إلى", "حلب"],
             ["غادر", "كمال", "رافع", "بيروت", "أمس"]]
    tags = [["O", "O", "B-PER", "I-PER", "O", "B-LOC"],
            ["O", "B-PER", "I-PER", "O", "B-LOC"],
            ["O", "O", "B-PER", "I-PER", "O", "B-LOC"],
            ["O", "B-PER", "I-PER", "B-LOC", "O"]]
    t = NerTagger(lexicon=NerLexicon(), max_iterations=30, min_freq=1, c1=0.0, c2=0.01, stack=False)
    t.fit(sents, tags, out_path=tmp_path / "m.crfsuite")
    assert (tmp_path / "m.crfsuite").stat().st_size > 0
    assert t.predict(sents) == tags
    with pytest.raises(TypeError):
        t.predict("قال الرئيس")
    with pytest.raises(UsageError):
        t.fit(sents, tags[:2])


def test_missing_model_is_a_data_error(tmp_path):
    with pytest.raises(DataFileError, match="E332"):
        NerTagger(model_path=tmp_path / "none.crfsuite").load()


def test_bundled_model_on_anercorp_dev(anercorp, stage):
    _, dev = split_dev(anercorp, 0.1)
    dev = dev[:200]
    assert stage.tagger.pass1_ is None  # the bundled model is single-pass (docs/ner.md)
    pred = stage.tagger.predict([[w for w, _ in s] for s in dev])
    r = entity_scores([[t for _, t in s] for s in dev], pred)
    assert r["micro"]["f1"] > 0.65
    assert r["per_type"]["LOC"]["f1"] > 0.75


def test_document_features_gather_evidence_across_sentences():
    from marsad.entities.ner import document_features

    lex = NerLexicon(first=frozenset({"غسان"}))
    doc = document_features([["قال", "الرئيس", "دغلس", "إن"], ["وأضاف", "غسان", "دغلس", "."],
                             ["في", "مدينة", "نابلس"]], lex)
    assert doc["دغلس"] == {"d=per", "d=first", "d=many"}
    assert doc["نابلس"] == {"d=loc"}
    assert doc["رييس"] == {"d=al", "d=per"}  # الرئيس after قال; the key folds ئ to ي


def test_stacked_features_read_the_first_pass_across_the_document():
    from marsad.entities.ner import stacked_features

    sents = [["قال", "الرئيس", "دغلس"], ["وصل", "دغلس", "أمس"], ["التقى", "دغلس"]]
    labels = [["O", "O", "B-PER"], ["O", "B-LOC", "O"], ["O", "B-PER"]]
    f = stacked_features(sents, labels)
    second = f[1][1]
    assert "s0=B-LOC" in second and "s-1=O" in second and "s1=O" in second and "s2=pad" in second
    assert "sd=PER" in second and "sdm=PER|LOC" in second and "sd=LOC" not in second
    assert "sd=LOC" in f[0][2] and "sd=PER" in f[0][2]  # the other two occurrences


def test_stacked_fit_writes_both_passes_and_reloads(tmp_path):
    from marsad.entities.ner import pass1_path

    sents = [["قال", "الرئيس", "سمير", "نادر", "في", "بيروت"], ["زار", "كمال", "رافع", "مدينة", "حلب"]] * 4
    tags = [["O", "O", "B-PER", "I-PER", "O", "B-LOC"], ["O", "B-PER", "I-PER", "O", "B-LOC"]] * 4
    out = tmp_path / "s.crfsuite"
    t = NerTagger(lexicon=NerLexicon(), max_iterations=30, c1=0.0, c2=0.01, stack=True, doc_size=2,
                  rich=True, context=3)
    t.fit(sents, tags, out_path=out)
    assert pass1_path(out) == tmp_path / "s.pass1.crfsuite" and pass1_path(out).stat().st_size > 0
    again = NerTagger(model_path=out, lexicon=NerLexicon(), doc_size=2, rich=True, context=3).load()
    assert again.pass1_ is not None
    assert again.predict(sents) == t.predict(sents) == tags
    with pytest.raises(UsageError, match="stack_folds=4"):
        NerTagger(lexicon=NerLexicon(), stack=True, stack_folds=4).fit(sents[:3], tags[:3])


def test_team_firm_and_event_names_are_features(dictionary, gazetteer):
    from marsad.entities.ner import token_features

    lex = NerLexicon.from_data(dictionary, gazetteer)
    assert {"teams", "firms", "media", "events"} <= set(lex.names)
    toks = ["فاز", "ريال", "مدريد", "على", "برشلونة", "في", "دوري", "أبطال", "أوروبا"]
    f = token_features(toks, lex, rich=True)
    assert "lex=teams" in f[4] and "-1:lex=teams" in f[5]
    assert "ph=B-ORG" in f[1] and "ph=I-ORG" in f[2]
    assert "ph=B-MISC" in f[6] and "ph=I-MISC" in f[8]
    assert not any(x.startswith("lex=teams") for x in f[3])  # على is no team
