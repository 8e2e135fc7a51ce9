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


@settings(max_examples=80, deadline=None)
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


@settings(max_examples=40, deadline=None)
@given(lines, st.sampled_from([None] + TITLES))
def test_cleaning_is_idempotent(parts, title):
    once = clean_scraped_text("\n".join(parts), title=title)
    twice = clean_scraped_text(once.text, title=once.title)
    assert twice.text == once.text
