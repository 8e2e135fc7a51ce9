"""Sentence splitting of news prose."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import split_sentences

CASES = [
    ("قتل 14 مدنيا. وأصيب 50 آخرون.", ["قتل 14 مدنيا.", "وأصيب 50 آخرون."]),
    ("هل انتهت الحرب؟ لا أحد يعرف!", ["هل انتهت الحرب؟", "لا أحد يعرف!"]),
    ("بلغت النسبة 1.5 في المئة. وارتفعت", ["بلغت النسبة 1.5 في المئة.", "وارتفعت"]),
    ("عنوان الخبر\nنص الخبر الأول.", ["عنوان الخبر", "نص الخبر الأول."]),
    ("دمشق - (وكالات): قتل 5 أشخاص. وأصيب آخرون.", ["دمشق - (وكالات): قتل 5 أشخاص.", "وأصيب آخرون."]),
    ("قال د. محمد إن الوضع خطير.", ["قال د. محمد إن الوضع خطير."]),
    ("التقى م. أحمد الوزير.", ["التقى م. أحمد الوزير."]),
    ("وصل Mr. Kerry أمس.", ["وصل Mr. Kerry أمس."]),
    ("1. البند الأول\n2. البند الثاني", ["1. البند الأول", "2. البند الثاني"]),
    ("وتشمل: 1. الأمن 2. الاقتصاد", ["وتشمل: 1. الأمن 2. الاقتصاد"]),
    ("وقال: «نحن نقر بذلك. لكن لا» مضيفا أن الأمر انتهى.", ["وقال: «نحن نقر بذلك. لكن لا» مضيفا أن الأمر انتهى."]),
    ('وقال: "انتهى الأمر." ثم غادر.', ['وقال: "انتهى الأمر."', "ثم غادر."]),
    ("انتهى الاجتماع... وبدأ آخر.", ["انتهى الاجتماع...", "وبدأ آخر."]),
    ("العدد 2.000 شخص. والثاني", ["العدد 2.000 شخص.", "والثاني"]),
    ("  \n\n  ", []),
    ("سطر أول\n\nسطر ثان", ["سطر أول", "سطر ثان"]),
    ("قال (المتحدث.) ثم مضى.", ["قال (المتحدث.)", "ثم مضى."]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_seed_sentences_cover_headline_and_body(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    sents = split_sentences(text)
    assert sents[0].text == 'بوتين يبحث مع خامنئي الأوضاع في سورية وحلف لقتال "داعش"'
    assert any(s.text.startswith("وبعد فشل هدنة شاركت روسيا") for s in sents)
    assert 25 <= len(sents) <= 40


@given(st.text(alphabet=st.sampled_from(list("ابت جد. ؟!\n«»\"1.5د")), max_size=80))
@settings(max_examples=250, deadline=None)
def test_sentence_offsets_slice_back_and_do_not_overlap(text):
    sents = split_sentences(text)
    last = 0
    for s in sents:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= last
        last = s.end
    assert "".join(text.split()) == "".join("".join(s.text.split()) for s in sents)


def test_boundary_pattern_finds_what_its_plain_form_finds():
    import random
    import re

    from marsad.text.sentences import _BOUNDARY, _BOUNDARY_PLAIN

    plain = re.compile(_BOUNDARY_PLAIN)
    pieces = [".", "..", "!", "?", "؟", "…", "۔", "\n", " ", "\t", "\r", "\u2029", "»", '"', "'", ")", "]", "قال", "a", "1"]
    rnd = random.Random(3)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(20_000)]
    texts.append("قال: «نقر بذلك.» مضيفا...\nعنوان؟ (انتهى).")
    spans = [[m.span() for m in _BOUNDARY.finditer(t)] for t in texts]
    assert spans == [[m.span() for m in plain.finditer(t)] for t in texts]
    assert spans[-1] == [(14, 16), (22, 25), (25, 26), (31, 32), (40, 41)]  # ".»", "...", "\n", "؟", "."
