"""The bounded memo used by the analysis functions."""

import pytest

from marsad.text.memo import memo


def test_memo_caches_and_clears_when_full():
    calls = []

    @memo(2)
    def double(s):
        calls.append(s)
        return s * 2

    assert [double("a"), double("a"), double("b")] == ["aa", "aa", "bb"]
    assert calls == ["a", "b"]
    double("c")  # full: the dict is emptied before storing "c"
    double("a")
    assert calls == ["a", "b", "c", "a"]
    double.cache_clear()
    double("c")
    assert calls[-1] == "c" and double.__name__ == "double"


def test_memo_rejects_non_positive_size():
    with pytest.raises(ValueError, match="maxsize must be positive"):
        memo(0)


def test_lookup_shares_the_memo():
    calls = []

    @memo(10)
    def upper(s):
        calls.append(s)
        return s.upper()

    assert upper.lookup("a") == "A" and upper("a") == "A" and upper.lookup("a") == "A"
    assert calls == ["a"]
    upper.cache_clear()
    assert upper.lookup("a") == "A" and calls == ["a", "a"]
