"""Name lists induced from unlabelled news (marsad.entities.induce)."""

from collections import Counter

import pytest

from marsad.entities.induce import article_sentences, count_labels, load_names, select_names, write_names
from marsad.entities.ner import NerLexicon, NerTagger
from marsad.entities.words import key
from marsad.errors import DataFileError


def test_article_sentences_cut_at_stops_and_lines():
    text = "وصل الوفد إلى الرياض. ثم غادر؟\nوقال المتحدث «لا تعليق»"
    sents = article_sentences(text)
    assert sents == [["وصل", "الوفد", "إلى", "الرياض", "."], ["ثم", "غادر", "؟"],
                     ["وقال", "المتحدث", "«", "لا", "تعليق", "»"]]
    assert [len(s) for s in article_sentences("كلمة " * 130, max_len=60)] == [60, 60, 10]


def test_select_names_keeps_frequent_consistent_rare_o_words():
    counts = {
        "فينغر": Counter(PER=9, O=1),            # kept: PER
        "ارسنال": Counter(ORG=5, LOC=1, O=2),    # 5/6 ORG < 0.9: dropped
        "الهلال": Counter(ORG=10),               # kept: ORG
        "الرياض": Counter(LOC=3, O=4),           # untagged 4 of 7 > 0.5: dropped
        "كييف": Counter(LOC=2),                  # seen twice only: dropped
        "بي": Counter(PER=8),                    # too short: dropped
        "Arsenal": Counter(ORG=8),               # not Arabic: dropped
    }
    assert select_names(counts) == {"فينغر": "PER", "الهلال": "ORG"}
    assert select_names(counts, purity=0.8) == {"فينغر": "PER", "الهلال": "ORG", "ارسنال": "ORG"}


def test_write_and_load_round_trip_byte_for_byte(tmp_path):
    names = {"فينغر": "PER", "الهلال": "ORG", "كييف": "LOC", "اليوان": "MISC"}
    a = write_names(names, tmp_path / "a.tsv.gz").read_bytes()
    b = write_names(dict(reversed(list(names.items()))), tmp_path / "b.tsv.gz").read_bytes()
    assert a == b  # sorted, fixed gzip header: reproducible
    got = load_names(tmp_path / "a.tsv.gz")
    assert got == {"auto_loc": {"كييف"}, "auto_misc": {"اليوان"}, "auto_org": {"الهلال"}, "auto_per": {"فينغر"}}
    assert load_names(tmp_path / "absent.tsv.gz") == {}
    bad = tmp_path / "bad.tsv.gz"
    write_names({"كلمة": "PER"}, bad)
    import gzip

    bad.write_bytes(gzip.compress("كلمة\tPERSON\n".encode("utf-8")))
    with pytest.raises(DataFileError):
        load_names(bad)


def test_count_labels_with_the_bundled_tagger(dictionary, gazetteer):
    tagger = NerTagger(lexicon=NerLexicon.from_data(dictionary, gazetteer, auto=False)).load()
    text = "قال الرئيس باراك أوباما في واشنطن. وزار أوباما مدينة بغداد."
    counts = count_labels([text], tagger)
    assert counts["اوباما"]["PER"] == 2
    assert counts["بغداد"]["LOC"] == 1
    assert counts["قال"] == Counter(O=1)


def test_bundled_lists_join_the_lexicon_names():
    lists = load_names()
    if not lists:
        pytest.skip("no induced lists shipped")
    assert set(lists) <= {"auto_per", "auto_org", "auto_loc", "auto_misc"}
    assert all(len(v) > 50 for v in lists.values())


def test_list_dropout_removes_only_list_features_from_about_that_share():
    from marsad.entities.ner import drop_list_features

    feats = [[["w=a", "lex=auto_per", "-1:lex=auto_org", "lex=per"] for _ in range(50)] for _ in range(40)]
    out = drop_list_features(feats, 0.5)
    dropped = sum(f == ["w=a", "lex=per"] for s in out for f in s)
    kept = sum(f == ["w=a", "lex=auto_per", "-1:lex=auto_org", "lex=per"] for s in out for f in s)
    assert dropped + kept == 2000 and 900 < dropped < 1100
    again = drop_list_features([[["w=a", "lex=auto_per", "-1:lex=auto_org", "lex=per"] for _ in range(50)]
                                for _ in range(40)], 0.5)
    assert again == out  # deterministic
    assert drop_list_features([[["lex=auto_loc"]]], 0.0) == [[["lex=auto_loc"]]]


def test_bundled_lexicon_reads_the_shipped_lists(dictionary, gazetteer):
    lex = NerLexicon.from_data(dictionary, gazetteer)
    if not load_names():
        pytest.skip("no induced lists shipped")
    assert {"auto_per", "auto_org", "auto_loc", "auto_misc"} <= set(lex.names)
    assert "auto_per" not in NerLexicon.from_data(dictionary, gazetteer, auto=False).names


def test_count_spans_and_select_phrases_keep_consistent_several_word_names():
    from marsad.entities.induce import count_occurrences, count_spans, select_phrases

    tagged = [(["قال", "أرسين", "فينغر", "إن"], ["O", "B-PER", "I-PER", "O"]),
              (["وأكد", "أرسين", "فينغر", "."], ["O", "B-PER", "I-PER", "O"]),
              (["ورد", "أرسين", "فينغر"], ["O", "B-PER", "I-PER"]),
              (["في", "دينامو", "كييف"], ["O", "B-ORG", "I-ORG"]),
              (["فاز", "دينامو", "كييف"], ["O", "B-LOC", "I-LOC"]),
              (["زار", "كييف", "."], ["O", "B-LOC", "O"])]
    spans = count_spans(tagged)
    assert spans[("ارسين", "فينغر")] == Counter(PER=3)
    assert spans[("دينامو", "كييف")] == Counter(ORG=1, LOC=1)
    assert ("كييف",) not in spans  # one-word entities are count_labels' job
    texts = ["قال أرسين فينغر إن. وأكد أرسين فينغر. ورد أرسين فينغر", "التقى أرسين فينغر وأرسين فينغر"]
    occ = count_occurrences(texts, list(spans))
    assert occ[("ارسين", "فينغر")] == 4  # the clitic form وأرسين is another key
    assert select_phrases(spans, occ) == {"ارسين فينغر": "PER"}
    assert select_phrases(spans, Counter({("ارسين", "فينغر"): 7})) == {}  # missed 4 times of 7


def test_phrase_lists_round_trip_and_become_features(tmp_path):
    from marsad.entities.induce import load_phrases
    from marsad.entities.ner import auto_phrase_tags, token_features

    path = write_names({"ارسين فينغر": "PER", "دينامو كييف": "ORG", "دينامو كييف الاوكراني": "ORG"},
                       tmp_path / "p.tsv.gz")
    phrases = load_phrases(path)
    assert phrases["دينامو"] == [(("دينامو", "كييف", "الاوكراني"), "ORG"), (("دينامو", "كييف"), "ORG")]
    assert load_phrases(tmp_path / "absent.tsv.gz") == {}
    toks = ["فاز", "دينامو", "كييف", "على", "فريق", "أرسين", "فينغر"]
    assert auto_phrase_tags([key(t) for t in toks],
                            phrases) == [None, "pa=auto_B-ORG", "pa=auto_I-ORG", None, None,
                                         "pa=auto_B-PER", "pa=auto_I-PER"]
    f = token_features(toks, NerLexicon(auto_phrases=phrases), rich=True)
    assert "pa=auto_B-ORG" in f[1] and "pa=auto_I-PER" in f[6] and not any("pa=" in x for x in f[3])
    write_names({"كلمة": "PER"}, tmp_path / "one.tsv.gz")
    with pytest.raises(DataFileError):
        load_phrases(tmp_path / "one.tsv.gz")
