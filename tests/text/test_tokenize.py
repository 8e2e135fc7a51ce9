"""Tokens, clitic segmentation, stems and lemmas."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import lemma_of, tokenize

SEGMENTS = [
    ("وبموسكو", ["و", "ب", "موسكو"]),
    ("لمحاربة", ["ل", "محاربة"]),
    ("قواتها", ["قوات", "ها"]),
    ("بإدلب", ["ب", "إدلب"]),
    ("مصر", ["مصر"]),
    ("بلد", ["بلد"]),
    ("والي", ["والي"]),
    ("وزير", ["وزير"]),
    ("فرنسا", ["فرنسا"]),
    ("بوتين", ["بوتين"]),
    ("لبنان", ["لبنان"]),
    ("سيارة", ["سيارة"]),
    ("سياسي", ["سياسي"]),
    ("بعد", ["بعد"]),
    ("الله", ["الله"]),
    ("التقى", ["التقى"]),
    ("الرئيس", ["ال", "رئيس"]),
    ("والحوثيون", ["و", "ال", "حوثيون"]),
    ("للحكومة", ["ل", "ل", "حكومة"]),
    ("وللمعارضة", ["و", "ل", "ل", "معارضة"]),
    ("بالصواريخ", ["ب", "ال", "صواريخ"]),
    ("كالعادة", ["ك", "ال", "عادة"]),
    ("فالجيش", ["ف", "ال", "جيش"]),
    ("سيلتقي", ["س", "يلتقي"]),
    ("ستعقد", ["س", "تعقد"]),
    ("وطهران", ["و", "طهران"]),
    ("ودمشق", ["و", "دمشق"]),
    ("بحلب", ["ب", "حلب"]),
    ("لأول", ["ل", "أول"]),
    ("فإن", ["ف", "إن"]),
    ("بأن", ["ب", "أن"]),
    ("وأكدت", ["و", "أكدت"]),
    ("وقتل", ["و", "قتل"]),
    ("بها", ["ب", "ها"]),
    ("به", ["ب", "ه"]),
    ("له", ["ل", "ه"]),
    ("لهم", ["ل", "هم"]),
    ("عناصره", ["عناصر", "ه"]),
    ("حكومته", ["حكومت", "ه"]),
    ("بلادنا", ["بلاد", "نا"]),
    ("بضربات", ["ب", "ضربات"]),
    ("لتوحيد", ["ل", "توحيد"]),
    ("وإصابة", ["و", "إصابة"]),
    ("كثير", ["كثير"]),
    ("واحدة", ["واحدة"]),
    ("بنسبة", ["ب", "نسبة"]),
    ("لمدة", ["ل", "مدة"]),
    ("بدوره", ["ب", "دور", "ه"]),
    ("ويجب", ["و", "يجب"]),
    ("ستستضيف", ["س", "تستضيف"]),
    ("عليهم", ["علي", "هم"]),
    ("فيه", ["في", "ه"]),
    ("فئة", ["فئة"]),
    ("قتله", ["قتل", "ه"]),
    ("لاعبا", ["لاعبا"]),
    ("للاجئين", ["ل", "لاجئين"]),
    ("كبيرًا", ["كبيرًا"]),
    ("بحثا", ["بحثا"]),
    ("ألوان", ["ألوان"]),
    # foreign names are not clitic + stem
    ("ساركوزي", ["ساركوزي"]),
    ("ستيفان", ["ستيفان"]),
    ("كاليفورنيا", ["كاليفورنيا"]),
    ("فالنسيا", ["فالنسيا"]),
    ("برشلونة", ["برشلونة"]),
    ("سيناريو", ["سيناريو"]),
]


@pytest.mark.parametrize("word, expected", SEGMENTS)
def test_clitic_segmentation(word, expected):
    assert [t.text for t in tokenize(word)] == expected


def test_segments_tile_the_word_and_keep_offsets():
    text = "قال إن وبموسكو قواتها"
    toks = tokenize(text)
    assert [(t.text, t.start, t.end, t.word_index) for t in toks[-5:]] == [
        ("و", 7, 8, 2), ("ب", 8, 9, 2), ("موسكو", 9, 14, 2), ("قوات", 15, 19, 3), ("ها", 19, 21, 3),
    ]
    assert [t.kind for t in toks[-5:]] == ["proclitic", "proclitic", "word", "word", "enclitic"]


def test_norm_of_article_and_ta_marbuta_restored():
    toks = tokenize("للحكومة حكومته")
    assert [t.norm for t in toks] == ["ل", "ال", "حكومه", "حكومه", "ه"]


def test_kinds_numbers_punct_latin():
    toks = tokenize("بـ30 أكتوبر، (AFP) ١٣٠٠.")
    assert [(t.text, t.kind, t.norm) for t in toks] == [
        ("بـ", "proclitic", "ب"), ("30", "number", "30"), ("أكتوبر", "word", "اكتوبر"),
        ("،", "punct", ","), ("(", "punct", "("), ("AFP", "word", "AFP"), (")", "punct", ")"),
        ("١٣٠٠", "number", "1300"), (".", "punct", "."),
    ]


def test_diacritics_stay_inside_their_segment():
    toks = tokenize("وَبِمُوسْكُو")
    assert "".join(t.text for t in toks) == "وَبِمُوسْكُو"
    assert [t.norm for t in toks] == ["و", "ب", "موسكو"]


STEMS = [
    ("المدنيين", "مدني"),
    ("السورية", "سوري"),
    ("السوريون", "سوري"),
    ("صاروخاً", "صاروخ"),
    ("المسلحين", "مسلح"),
    ("روسيا", "روسيا"),
    ("لبنان", "لبنان"),
    ("فلسطين", "فلسطين"),
    ("الاحتجاجات", "احتجاج"),
]


@pytest.mark.parametrize("word, stem", STEMS)
def test_light_stem(word, stem):
    assert [t.stem for t in tokenize(word) if t.kind == "word"] == [stem]


LEMMAS = [
    ("قتلوا", "قتل"), ("يقتل", "قتل"), ("قُتل", "قتل"), ("قتلت", "قتل"), ("مقتل", "قتل"),
    ("اغتيلت", "اغتال"), ("اغتال", "اغتال"), ("يغتال", "اغتال"), ("اغتيال", "اغتال"),
    ("استهدفت", "استهدف"), ("تستهدف", "استهدف"), ("استهداف", "استهدف"), ("يستهدفون", "استهدف"),
    ("قصفت", "قصف"), ("يقصف", "قصف"), ("قصفوا", "قصف"),
    ("هاجموا", "هاجم"), ("يهاجم", "هاجم"), ("هوجم", "هاجم"),
    ("تظاهروا", "تظاهر"), ("يتظاهرون", "تظاهر"), ("تظاهرات", "تظاهر"),
    ("اعتقلت", "اعتقل"), ("يعتقل", "اعتقل"), ("اعتقال", "اعتقل"),
    ("التقى", "التقي"), ("يلتقي", "التقي"), ("سيلتقي", "التقي"), ("التقت", "التقي"), ("التقوا", "التقي"),
    ("استدعى", "استدعي"), ("استدعت", "استدعي"), ("يستدعي", "استدعي"), ("استدعاء", "استدعي"),
    ("قال", "قال"), ("قالت", "قال"), ("يقول", "قال"), ("قيل", "قال"),
    ("أعلن", "اعلن"), ("يعلن", "اعلن"), ("إعلان", "اعلن"),
    ("دعا", "دعا"), ("يدعو", "دعا"), ("دعت", "دعا"),
    ("أضاف", "اضاف"), ("يضيف", "اضاف"),
    ("انسحبت", "انسحب"), ("ينسحب", "انسحب"), ("انسحاب", "انسحب"),
    ("وقتلوا", "قتل"), ("فاغتالوا", "اغتال"),
]


@pytest.mark.parametrize("word, lemma", LEMMAS)
def test_lemma_of(word, lemma):
    assert lemma_of(word) == lemma


def test_lemma_matches_across_forms():
    assert lemma_of("قتلوا") == lemma_of("يقتل") == lemma_of("قُتل") == lemma_of("قتل")
    assert lemma_of("اغتيلت") == lemma_of("اغتال")
    assert lemma_of("استهدفت") == lemma_of("تستهدف") == lemma_of("استهدف")


def test_token_lemma_equals_lemma_of_entry():
    toks = [t for t in tokenize("وقصفت الطائرات مواقع واغتيل قائد") if t.kind == "word"]
    assert [t.lemma for t in toks][0] == lemma_of("قصف")
    assert toks[-2].lemma == lemma_of("اغتال")


def test_lemma_of_without_letters():
    assert lemma_of("  ١٢ ") == "12"


def test_tokenize_rejects_bytes():
    with pytest.raises(TypeError, match="expects str"):
        tokenize(b"x")


@given(st.text(alphabet=st.sampled_from(list("وفبلكساليهمنتقدرحجع أإآةىًُـ0123456789.,،؟«»()\n")), max_size=80))
@settings(max_examples=250, deadline=None)
def test_token_offsets_slice_back(text):
    toks = tokenize(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.text
    starts = [t.start for t in toks]
    assert starts == sorted(starts)
    # the tokens cover every non-space character exactly once
    covered = "".join(t.text for t in toks)
    assert covered == "".join(text.split())


def test_bundled_lists_load_and_reject_duplicates(tmp_path, monkeypatch):
    from marsad.errors import DataFileError
    from marsad.text import lexicon

    assert len(lexicon.known_verbs()) > 300
    assert "ادلب" in lexicon.known_words() and "عراق" in lexicon.known_words()
    lexicon.load_list.cache_clear()
    original = lexicon.resources.files

    class _Fake:
        def joinpath(self, *parts):
            return self

        def read_text(self, encoding="utf-8"):
            return "# test list\nقتل\nقتل\n"

    monkeypatch.setattr(lexicon.resources, "files", lambda pkg: _Fake())
    try:
        with pytest.raises(DataFileError, match=r"\[E205\] bad.txt:3 duplicate entry"):
            lexicon.load_list("bad.txt")
    finally:
        monkeypatch.setattr(lexicon.resources, "files", original)
        lexicon.load_list.cache_clear()


def test_tokens_equal_those_of_the_token_constructor():
    # _tokenize fills each Token's slots itself instead of calling Token(...): this holds only
    # while Token is a plain slotted dataclass with exactly these fields (update both if it changes)
    from dataclasses import fields

    from marsad.doc import Token

    assert [f.name for f in fields(Token)] == ["text", "start", "end", "norm", "kind", "stem", "lemma", "word_index"]
    assert not hasattr(Token, "__post_init__") and Token.__new__ is object.__new__
    toks = tokenize("وقتلت القوات 14 مدنياً، «أمس».")
    rebuilt = [Token(t.text, t.start, t.end, t.norm, t.kind, t.stem, t.lemma, t.word_index) for t in toks]
    assert toks == rebuilt and [repr(t) for t in toks] == [repr(t) for t in rebuilt]
    assert (toks[1].text, toks[1].lemma, toks[-2].kind, toks[-2].word_index) == ("قتلت", "قتل", "punct", 4)
