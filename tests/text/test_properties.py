"""Property tests: every span the layer reports slices back to its text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import find_quantities, find_times, split_sentences, tokenize

PIECES = [
    "قتل", "14", "١٤", "مدنيا", "على", "الأقل", "أكثر", "من", "50", "آخرين", "أمس", "الأول", "مساء",
    "الاثنين", "المقبل", "30", "أكتوبر", "الماضي", "13", "الجاري", "عام", "2007", "نحو", "1300", "شخص",
    "ثلثهم", "المدنيين", "خمسة", "وعشرين", "ألفا", "قتيلان", "عشرات", "21/11/2015", "09:59", "م",
    "رمضان", "1436", "هـ", "وبموسكو", "قواتها", "«", "»", ".", "،", "؟", "\n", "ً", "ـ", "(", ")",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)


@given(texts)
@settings(max_examples=200, deadline=None)
def test_quantity_spans_slice_back(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        if q.noun_start is not None:
            assert q.start <= q.noun_start < q.noun_end <= q.end


@given(texts)
@settings(max_examples=200, deadline=None)
def test_time_spans_slice_back_and_do_not_overlap(text):
    last = 0
    for t in find_times(text, "2015-11-21T21:59:00"):
        assert text[t.start:t.end] == t.text
        assert t.start >= last
        last = t.end
        assert (t.value is None) == (t.granularity is None)


@given(texts)
@settings(max_examples=100, deadline=None)
def test_with_and_without_tokens_agree(text):
    toks = tokenize(text)
    assert find_quantities(text, toks) == find_quantities(text)
    assert find_times(text, "2015-11-21", toks) == find_times(text, "2015-11-21")


@given(texts)
@settings(max_examples=100, deadline=None)
def test_every_token_inside_one_sentence(text):
    sents = split_sentences(text)
    for t in tokenize(text):
        assert any(s.start <= t.start and t.end <= s.end for s in sents)


@given(st.text(max_size=120))
@settings(max_examples=300, deadline=None)
def test_stage_never_fails_on_any_text(text):
    from marsad.doc import Doc
    from marsad.text import TextStage

    doc = TextStage()(Doc(text, published="2015-11-21T21:59:00"))
    for coll in (doc.sentences, doc.tokens, doc.quantities, doc.times):
        for x in coll:
            assert text[x.start:x.end] == x.text
