"""Matching keys and clitic readings keep the way back to the text."""

from marsad.entities.matcher import tokenize
from marsad.entities.words import clitic_readings, key


def test_key_folds_like_the_language_layer():
    assert key("إدلبُ") == key("ادلب") == "ادلب"
    assert key("حماة") == "حماه"
    assert key("  الأمم   المتحدة ") == "الامم المتحده"


def test_clitic_readings_strip_conjunction_then_preposition():
    assert [r for r, _ in clitic_readings("وبموسكو")] == ["وبموسكو", "بموسكو", "موسكو"]
    # لل: preposition + article whose alef is elided
    assert ("الطيران", 1) in clitic_readings("للطيران")


def test_token_readings_point_into_the_text():
    text = "قصف الطيران وبموسكو، بإدلب"
    toks = tokenize(text)
    word = next(t for t in toks if t.text == "وبموسكو")
    k, start, stripped = word.readings[-1]
    assert (k, text[start:word.end], stripped) == ("موسكو", "موسكو", "وب")
    idlib = next(t for t in toks if t.text == "بإدلب")
    assert text[idlib.readings[-1][1]:idlib.end] == "إدلب"
    assert [t.text for t in toks if not t.is_word] == ["،"]
