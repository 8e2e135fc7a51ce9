"""Name look-up: the indexed matcher finds what the scanning one finds."""

from marsad.entities.matcher import NameIndex, longest_at, name_starts, tokenize
from marsad.entities.words import key

NAMES = {}
for name, payload in [("وزير الخارجية", "FM"), ("وزير", "minister"), ("وزير الدفاع", "DM"),
                      ("الأمم المتحدة", "UN"), ("موسكو", "Moscow"), ("وزير الخارجية الروسي", "RUS-FM")]:
    keys = tuple(key(name).split())
    NAMES.setdefault(keys[0], []).append((keys, payload))


def lookup(first):
    return iter(NAMES.get(first, ()))


TEXT = "قال وزير الخارجية الروسي في موسكو، ولوزير الدفاع وللأمم المتحدة: وزير\nالخارجية"


def test_index_finds_what_the_scan_finds_longest_first():
    toks = tokenize(TEXT)
    index = NameIndex(lookup, NAMES)
    for i in range(len(toks)):
        assert index.longest_at(TEXT, toks, i) == longest_at(TEXT, toks, i, lookup, NAMES)
    hits = index.longest_at(TEXT, toks, 1)
    assert [p for _, p in hits] == ["RUS-FM", "FM", "minister"]
    assert TEXT[hits[0][0].start:hits[0][0].end] == "وزير الخارجية الروسي"


def test_clitics_and_line_breaks():
    toks = tokenize(TEXT)
    index = NameIndex(lookup, NAMES)
    i = next(k for k, t in enumerate(toks) if t.text == "ولوزير")
    m, payload = index.longest_at(TEXT, toks, i)[0]
    assert (payload, m.stripped, TEXT[m.start:m.end]) == ("DM", "ول", "وزير الدفاع")
    i = next(k for k, t in enumerate(toks) if t.text == "وللأمم")
    m, payload = index.longest_at(TEXT, toks, i)[0]
    # لل = ل + the article with its alef elided: the name starts at its lam
    assert (payload, m.stripped, TEXT[m.start:m.end]) == ("UN", "ول", "لأمم المتحدة")
    last = max(k for k, t in enumerate(toks) if t.text == "وزير")
    # a line break ends a name: only the one-word reading is left
    assert [p for _, p in index.longest_at(TEXT, toks, last)] == ["minister"]


def test_name_starts_lists_only_tokens_a_name_can_open():
    toks = tokenize(TEXT)
    starts = name_starts(toks, NAMES, {})
    assert [toks[k].text for k in starts] == ["وزير", "موسكو", "ولوزير", "وللأمم", "وزير"]
    for k in range(len(toks)):
        if k not in starts:
            assert longest_at(TEXT, toks, k, lookup) == []


def test_tokens_of_words_with_marks_start_their_readings_after_the_clitics():
    # with diacritics and tatweel the n-th letter is not at offset n
    text = "وَبِمُوسْكُو وبـموسكو"
    toks = tokenize(text)
    starts = {k: text[s:toks[0].end] for k, s, _ in toks[0].readings}
    assert starts[key("موسكو")] == "مُوسْكُو"
    assert starts[key("بموسكو")] == "بِمُوسْكُو"
    assert [text[s:toks[1].end] for k, s, _ in toks[1].readings] == ["وبـموسكو", "بـموسكو", "موسكو"]


def test_name_starts_fills_its_memo_once_per_norm():
    toks = tokenize(TEXT)
    memo = {}
    first = name_starts(toks, NAMES, memo)
    assert memo[key("موسكو")] is True and memo[key("قال")] is False and memo[""] is False
    assert name_starts(toks, NAMES, memo) == first


def test_a_full_word_cache_is_emptied_without_changing_the_tokens(monkeypatch):
    from marsad.entities import matcher

    expected = tokenize(TEXT)
    monkeypatch.setattr(matcher, "_WORDS", {})
    monkeypatch.setattr(matcher, "_WORDS_MAX", 5)
    assert tokenize(TEXT) == expected
    assert len(matcher._WORDS) == len({t.text for t in expected})  # emptied, then this article's forms
