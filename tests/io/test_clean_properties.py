"""Invariants of cleaning on generated scraped pages: nothing lost, offsets true."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.io import clean_scraped_text

PARAGRAPHS = [
    "قصفت القوات الحكومية بلدة سرمين في ريف إدلب، ما أدى إلى مقتل ثلاثة مدنيين.",
    "وقال مسؤول محلي إن فرق الإنقاذ ما زالت تبحث عن ناجين تحت الأنقاض.",
    "شارك مئات المحتجين في مسيرة وسط بغداد للمطالبة بتحسين الخدمات.",
    "زيارة الوزير إلى عمّان تأتي في إطار التنسيق بين البلدين.",
    "أعلنت الوزارة أرقام المقبولين وهي:",
    "3601100204",
]
FURNITURE = ["طباعة", "شارك 12", "A+ A-", "اقرأ أيضاً: خبر آخر عن الطقس", "الرئيسية > أخبار > سوريا",
             "السبت 21/نوفمبر/2015 - 09:59 م", "منذ 3 ساعات", "***", "\x1a", "\u00a0", "شارك8868"]
TITLES = ["مقتل ثلاثة مدنيين بقصف على ريف إدلب", "مسيرة في بغداد"]

lines = st.lists(st.sampled_from(PARAGRAPHS + FURNITURE + TITLES + [""]), min_size=1, max_size=14)
endings = st.sampled_from(["\n", "\r\n", "\n\n"])


@settings(max_examples=80, deadline=None, derandomize=True)
@given(lines, endings, st.sampled_from([None] + TITLES))
def test_cleaning_keeps_its_way_back(parts, eol, title):
    raw = eol.join(parts)
    result = clean_scraped_text(raw, title=title)
    for r in result.removed:
        assert raw[r.start:r.end] == r.text
    for ts, te, rs, re_ in result.pieces:
        original = "".join(" " if ord(c) < 32 else c for c in raw[rs:re_])
        assert result.text[ts:te] == unicodedata.normalize("NFC", original)
    assert result.text == result.text.strip()
    assert "\n\n\n" not in result.text
    assert result.text[:result.body_start].rstrip("\n") == (result.title or "")
    # kept and removed stretches never overlap
    spans = sorted([(rs, re_) for _, _, rs, re_ in result.pieces] + [(r.start, r.end) for r in result.removed])
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


HEADER = ["الرئيسية", "أخبار", "طباعة", "A+ A-", "السبت 21/نوفمبر/2015 - 09:59 م", "منذ 3 ساعات", "|"]
BODY_FURNITURE = ["اقرأ أيضاً: خبر آخر عن الطقس", "***", "مقتل ثلاثة مدنيين", "صورة من موقع القصف"]
TAIL = ["شارك", "شارك 12", "8868", "المصدر : وكالات"]
pages = st.tuples(
    st.lists(st.sampled_from(HEADER), max_size=5),
    st.sampled_from(TITLES),
    st.sampled_from(PARAGRAPHS[:5]),
    st.lists(st.sampled_from(PARAGRAPHS[:5] + BODY_FURNITURE), max_size=8),
    st.lists(st.sampled_from(TAIL), max_size=3),
)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(pages, endings)
def test_cleaning_a_page_twice_changes_nothing(page, eol):
    header, title, lead, body, tail = page
    raw = eol.join([*header, title, "", lead, *body, *tail])
    once = clean_scraped_text(raw)
    twice = clean_scraped_text(once.text)
    assert (twice.text, twice.title) == (once.text, once.title)
