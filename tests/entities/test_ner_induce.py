"""Name lists induced from unlabelled news (marsad.entities.induce)."""

from collections import Counter

import pytest

from marsad.entities.induce import article_sentences, count_labels, load_names, select_names, write_names
from marsad.entities.ner import NerLexicon, NerTagger
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
