"""Matching form: foldings, idempotence and the offset map."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import normalize, normalize_with_offsets

CASES = [
    ("أحمد", "احمد"),
    ("إدلب", "ادلب"),
    ("آية", "ايه"),
    ("ٱلله", "الله"),
    ("مستشفى", "مستشفي"),
    ("مدرسة", "مدرسه"),
    ("مؤتمر", "موتمر"),
    ("رئيس", "رييس"),
    ("قُتِلَ", "قتل"),
    ("صاروخاً", "صاروخا"),
    ("شدّد", "شدد"),
    ("الـــرياض", "الرياض"),
    ("٢٠١٥", "2015"),
    ("۱۳۹۴", "1394"),
    ("١٬٣٠٠", "1,300"),
    ("٢٫٥", "2.5"),
    ("٥٠٪", "50%"),
    ("هل؟", "هل?"),
    ("أولاً، ثانياً؛", "اولا, ثانيا;"),
    ("«داعش»", '"داعش"'),
    ("“حماس”", '"حماس"'),
    ("دمشق – (وكالات)", "دمشق - (وكالات)"),
    ("ﻻ", "لا"),
    ("ﻷن", "لان"),
    ("ی", "ي"),
    ("کابل", "كابل"),
    ("a\u200fb", "ab"),
    ("Reuters 2015", "Reuters 2015"),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_normalize_folds(raw, expected):
    assert normalize(raw) == expected


def test_offsets_map_each_char_back():
    norm, offs = normalize_with_offsets("قـتَلﻻ")
    assert norm == "قتللا"
    assert offs == [0, 2, 4, 5, 5]


def test_offsets_fast_path_is_identity():
    s = "قتل 14 مدنيا في إدلب"
    norm, offs = normalize_with_offsets(s)
    assert offs == list(range(len(s)))
    assert norm == "قتل 14 مدنيا في ادلب"


def test_rejects_non_string():
    with pytest.raises(TypeError, match="expects str"):
        normalize(b"abc")


arabicish = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةؤئ ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩۰۱،؛؟«»“”.!?\n 0123456789abcﻻﷲ\u200f")),
    max_size=60,
)


@given(arabicish)
@settings(max_examples=300, deadline=None)
def test_normalize_is_idempotent(s):
    assert normalize(normalize(s)) == normalize(s)


@given(arabicish)
@settings(max_examples=300, deadline=None)
def test_offsets_point_at_the_source_characters(s):
    norm, offs = normalize_with_offsets(s)
    assert norm == normalize(s)
    assert len(offs) == len(norm)
    assert offs == sorted(offs)
    for i, o in enumerate(offs):
        assert norm[i] in normalize(s[o])


def test_no_replacement_is_itself_folded():
    # the long-text path chains str.replace calls; that equals translate only
    # while no replacement holds a character the table changes
    from marsad.text.normalize import _REPLACE

    assert not [(k, v) for k, v in _REPLACE.items() if any(c in _REPLACE for c in v)]


@given(st.lists(arabicish, min_size=4, max_size=12))
@settings(max_examples=100, deadline=None)
def test_long_text_path_equals_translate(parts):
    from marsad.text.normalize import _LONG, _TABLE

    s = (" ".join(parts) + " ") * 60  # at least 240 characters: the long-text path
    assert len(s) >= _LONG
    assert normalize(s) == s.translate(_TABLE)
    assert normalize_with_offsets(s)[0] == s.translate(_TABLE)
