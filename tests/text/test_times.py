"""Time expressions resolved against the publication date."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import UsageError
from marsad.text import find_times, hijri_to_gregorian

PUB = "2015-11-21T21:59:00"  # a Saturday

# (text, expression, value, granularity) with PUB as publication date
CASES = [
    # relative days
    ("أعلن الكرملين أمس أن", "أمس", "2015-11-20", "day"),
    ("وقال يوم أمس", "يوم أمس", "2015-11-20", "day"),
    ("أعلن أمس الأول مقتل", "أمس الأول", "2015-11-19", "day"),
    ("أعلن أول من أمس", "أول من أمس", "2015-11-19", "day"),
    ("وقع الهجوم أول أمس", "أول أمس", "2015-11-19", "day"),
    ("اجتمع اليوم الوزراء", "اليوم", "2015-11-21", "day"),
    ("يصل غداً إلى الرياض", "غداً", "2015-11-22", "day"),
    ("يصل بعد غد", "بعد غد", "2015-11-23", "day"),
    ("سقط بالأمس", "الأمس", "2015-11-20", "day"),
    ("أعلنت مساء أمس الأول", "مساء أمس الأول", "2015-11-19T18:00", "part_of_day"),
    ("انفجرت صباح اليوم", "صباح اليوم", "2015-11-21T09:00", "part_of_day"),
    ("وصل مساء أمس", "مساء أمس", "2015-11-20T18:00", "part_of_day"),
    ("تعقد الليلة جلسة", "الليلة", "2015-11-21T21:00", "part_of_day"),
    ("في اليوم التالي انسحب", "اليوم التالي", None, None),
    ("هجوم شنه مسلحون الليلة الماضية", "الليلة الماضية", "2015-11-20T21:00", "part_of_day"),
    ("هجوم شنه مسلحون الليلة قبل الماضية", "الليلة قبل الماضية", "2015-11-19T21:00", "part_of_day"),
    # relative day with the weekday in apposition
    ("دعا إلى تظاهرات غدا الأحد", "غدا الأحد", "2015-11-22", "day"),
    ("وقال أمس (الجمعة) إن", "أمس (الجمعة)", "2015-11-20", "day"),
    ("يبدأ مساء اليوم (السبت)", "مساء اليوم (السبت)", "2015-11-21T18:00", "part_of_day"),
    # month names with their other-system name in brackets
    ("في 12 سبتمبر (أيلول) الماضي", "12 سبتمبر (أيلول) الماضي", "2015-09-12", "day"),
    ("يوم 21 يوليو (تموز) 2015", "21 يوليو (تموز) 2015", "2015-07-21", "day"),
    ("في يونيو (حزيران) الماضي", "يونيو (حزيران) الماضي", "2015-06", "month"),
    # weekdays
    ("سيلتقي خامنئي الاثنين المقبل", "الاثنين المقبل", "2015-11-23", "day"),
    ("يصل يوم الأحد المقبل", "يوم الأحد المقبل", "2015-11-22", "day"),
    ("تعقد الجلسة الخميس القادم", "الخميس القادم", "2015-11-26", "day"),
    ("قتل الجمعة الماضي", "الجمعة الماضي", "2015-11-20", "day"),
    ("اجتمعوا السبت الماضي", "السبت الماضي", "2015-11-14", "day"),
    ("قال يوم الثلاثاء إن", "يوم الثلاثاء", "2015-11-17", "day"),
    ("اعتقل الأربعاء ثلاثة", "الأربعاء", "2015-11-18", "day"),
    ("سيزور طهران الأربعاء", "الأربعاء", "2015-11-25", "day"),
    ("هاجموا مساء الجمعة", "مساء الجمعة", "2015-11-20T18:00", "part_of_day"),
    ("أعلن يوم الاثنين", "يوم الاثنين", "2015-11-16", "day"),
    # a future verb before a bare weekday points ahead; nouns spelt like one do not
    ("ستعقد القمة يوم الأربعاء", "يوم الأربعاء", "2015-11-25", "day"),
    ("ستحيي الفرق الشعبية ليالي المهرجان الأحد", "الأحد", "2015-11-22", "day"),
    ("قتل ثلاثة بانفجار سيارة مفخخة يوم الأربعاء", "يوم الأربعاء", "2015-11-18", "day"),
    ("قتل مسلح داخل سينما مساء الأربعاء", "مساء الأربعاء", "2015-11-18T18:00", "part_of_day"),
    ("سيطرت القوات على البلدة يوم الثلاثاء", "يوم الثلاثاء", "2015-11-17", "day"),
    ("وفي سياق متصل أعلنت الوزارة الخميس", "الخميس", "2015-11-19", "day"),
    # a future verb of an earlier sentence does not reach the next one
    ("سيلتقي الوفدان لاحقا.\nوقال الوزير الجمعة إن", "الجمعة", "2015-11-20", "day"),
    # day + month name
    ("بـ30 أكتوبر الماضي", "30 أكتوبر الماضي", "2015-10-30", "day"),
    ("في 13 الجاري", "13 الجاري", "2015-11-13", "day"),
    ("في 13 من الشهر الجاري", "13 من الشهر الجاري", "2015-11-13", "day"),
    ("في 28 الشهر الماضي", "28 الشهر الماضي", "2015-10-28", "day"),
    ("يوم 21 نوفمبر 2015", "21 نوفمبر 2015", "2015-11-21", "day"),
    ("في 5 ديسمبر المقبل", "5 ديسمبر المقبل", "2015-12-05", "day"),
    ("في 5 ديسمبر", "5 ديسمبر", "2015-12-05", "day"),
    ("منذ 25 يناير", "25 يناير", "2015-01-25", "day"),
    ("في 2 يناير", "2 يناير", "2016-01-02", "day"),
    ("قتل في 14 مارس", "14 مارس", "2015-03-14", "day"),
    ("قتل في مارس", "مارس", "2015-03", "month"),
    ("توغل في فبراير (شباط).", "فبراير (شباط)", "2015-02", "month"),
    ("في 3 كانون الثاني 2014", "3 كانون الثاني 2014", "2014-01-03", "day"),
    ("في 15 تشرين الأول 2013", "15 تشرين الأول 2013", "2013-10-15", "day"),
    ("في 9 آب 2014", "9 آب 2014", "2014-08-09", "day"),
    ("في 1 جانفي 2015", "1 جانفي 2015", "2015-01-01", "day"),
    ("في 14 جويلية 2015", "14 جويلية 2015", "2015-07-14", "day"),
    ("في 20 أوت 2015", "20 أوت 2015", "2015-08-20", "day"),
    ("في 7 فيفري 2015", "7 فيفري 2015", "2015-02-07", "day"),
    ("في 11 شتنبر 2015", "11 شتنبر 2015", "2015-09-11", "day"),
    ("في ٢١ نوفمبر ٢٠١٥", "٢١ نوفمبر ٢٠١٥", "2015-11-21", "day"),
    ("السبت 21/نوفمبر/2015 - 09:59 م", "السبت 21/نوفمبر/2015 - 09:59 م", "2015-11-21T21:59", "datetime"),
    ("الأحد 22 نوفمبر 2015 الساعة 10:30 ص", "الأحد 22 نوفمبر 2015 الساعة 10:30 ص", "2015-11-22T10:30", "datetime"),
    # numeric dates
    ("بتاريخ 21/11/2015", "21/11/2015", "2015-11-21", "day"),
    ("بتاريخ 1-2-2015", "1-2-2015", "2015-02-01", "day"),
    ("بتاريخ 2015-11-21", "2015-11-21", "2015-11-21", "day"),
    ("في ٥/٦/٢٠١٥", "٥/٦/٢٠١٥", "2015-06-05", "day"),
    ("في 21/11/15", "21/11/15", "2015-11-21", "day"),
    # Hijri
    ("الأحد 5 رمضان 1436 هـ", "الأحد 5 رمضان 1436 هـ", "2015-06-22", "day"),
    ("في 1 محرم 1437هـ", "1 محرم 1437هـ", "2015-10-15", "day"),
    ("في 10 ذو الحجة 1436", "10 ذو الحجة 1436", "2015-09-24", "day"),
    ("في شهر رمضان 1436 هـ", "شهر رمضان 1436 هـ", None, None),
    # months
    ("بحلول يناير المقبل", "يناير المقبل", "2016-01", "month"),
    ("في منتصف ديسمبر", "منتصف ديسمبر", "2015-12", "month"),
    ("في مطلع ديسمبر المقبل", "مطلع ديسمبر المقبل", "2015-12", "month"),
    ("في أواخر أكتوبر الماضي", "أواخر أكتوبر الماضي", "2015-10", "month"),
    ("في نوفمبر الجاري", "نوفمبر الجاري", "2015-11", "month"),
    ("في مايو الماضي", "مايو الماضي", "2015-05", "month"),
    ("في فبراير المقبل", "فبراير المقبل", "2016-02", "month"),
    ("في نوفمبر الماضي", "نوفمبر الماضي", "2014-11", "month"),
    ("في سبتمبر 2014", "سبتمبر 2014", "2014-09", "month"),
    ("في شهر أيار 2013", "شهر أيار 2013", "2013-05", "month"),
    ("خلال شهر سبتمبر", "شهر سبتمبر", "2015-09", "month"),
    ("في أكتوبر", "أكتوبر", "2015-10", "month"),
    ("في يونيو", "يونيو", "2015-06", "month"),
    # relative periods
    ("الشهر الماضي", "الشهر الماضي", "2015-10", "month"),
    ("الشهر المقبل", "الشهر المقبل", "2015-12", "month"),
    ("هذا الشهر", "هذا الشهر", "2015-11", "month"),
    ("الأسبوع المقبل", "الأسبوع المقبل", "2015-W48", "week"),
    ("الأسبوع الماضي", "الأسبوع الماضي", "2015-W46", "week"),
    ("نهاية الأسبوع", "نهاية الأسبوع", "2015-W47", "week"),
    ("العام الماضي", "العام الماضي", "2014", "year"),
    ("العام المقبل", "العام المقبل", "2016", "year"),
    ("العام الجاري", "العام الجاري", "2015", "year"),
    ("هذا العام", "هذا العام", "2015", "year"),
    ("مطلع العام", "مطلع العام", "2015", "year"),
    ("أواخر العام الماضي", "أواخر العام الماضي", "2014", "year"),
    ("السنة الماضية", "السنة الماضية", "2014", "year"),
    # years
    ("في عام 2007", "عام 2007", "2007", "year"),
    ("منذ عام 2011م", "عام 2011م", "2011", "year"),
    ("سنة 1990", "سنة 1990", "1990", "year"),
    ("منذ 2011", "2011", "2011", "year"),
    ("أحداث سورية في 2011", "2011", "2011", "year"),
    # ago
    ("قبل يومين", "قبل يومين", "2015-11-19", "day"),
    ("منذ 3 أيام", "منذ 3 أيام", "2015-11-18", "day"),
    ("منذ ثلاثة أشهر", "منذ ثلاثة أشهر", "2015-08", "month"),
    ("قبل عامين", "قبل عامين", "2013", "year"),
    ("منذ 25 عاما", "منذ 25 عاما", "1990", "year"),
    ("قبل أسبوع", "قبل أسبوع", "2015-W46", "week"),
]


@pytest.mark.parametrize("text, expr, value, granularity", CASES)
def test_time_expression(text, expr, value, granularity):
    found = find_times(text, PUB)
    assert [(t.text, t.value, t.granularity) for t in found] == [(expr, value, granularity)]
    t = found[0]
    assert text[t.start:t.end] == t.text


def test_today_with_weekday_in_brackets():
    found = find_times("قال اليوم (السبت) إن", PUB)
    assert [(t.text, t.value) for t in found] == [("اليوم (السبت)", "2015-11-21")]


NONE = [
    "قتل 14 مدنيا",
    "احتفل العالم باليوم العالمي للمرأة",
    "في اليوم الأول من المؤتمر",
    "بين الاثنين خلاف",
    "مارس الضغط على الحكومة",
    "المرصد السوري لحقوق الإنسان",
    "اجتمعت قوى 14 آذار",
    "ذكرى ثورة 23 يوليو",
]


@pytest.mark.parametrize("text", NONE)
def test_no_time_expression(text):
    assert find_times(text, PUB) == []


def test_relative_without_publication_date_is_unresolved():
    found = find_times("أعلن أمس وفي 21 نوفمبر 2015", None)
    assert [(t.text, t.value) for t in found] == [("أمس", None), ("21 نوفمبر 2015", "2015-11-21")]


def test_bad_published_raises():
    with pytest.raises(UsageError, match="ISO 8601"):
        find_times("أمس", "21/11/2015")


def test_hijri_conversion():
    assert hijri_to_gregorian(1436, 9, 1).isoformat() == "2015-06-18"
    assert hijri_to_gregorian(1437, 1, 1).isoformat() == "2015-10-15"
    with pytest.raises(ValueError):
        hijri_to_gregorian(1436, 13, 1)


def test_dateparser_fallback_for_unlisted_month_spelling():
    found = find_times("في 3 ابريل 2014 وفي 4 إبرايل 2014", PUB)
    assert found[0].value == "2014-04-03"


def test_seed_times(seed_path, seed_expected):
    text = seed_path.read_text(encoding="utf-8")
    found = find_times(text, "2015-11-21T21:59:00")
    for exp in seed_expected["times"]:
        match = next(t for t in found if t.text == exp["text"])
        assert match.value == exp["value"], exp["text"]
    assert found[0].value == "2015-11-21T21:59"  # the dateline gives the publication moment


def test_tokens_argument_gives_same_result(seed_path):
    from marsad.text import tokenize

    text = seed_path.read_text(encoding="utf-8") + "\nقُتِلَ أَمْسِ الأَوَّلِ وفي ٢١/١١/٢٠١٥"
    assert find_times(text, PUB, tokenize(text)) == find_times(text, PUB)


def test_start_guard_keeps_every_match(shared_data, seed_path):
    """TIME_RE checks what a match can begin with before trying its patterns; same matches as without."""
    import json
    import re
    import zipfile

    from marsad.text import normalize
    from marsad.text.timepatterns import _B, _E, _PATTERNS, TIME_RE

    unguarded = re.compile(_B + "(?:" + "|".join(_PATTERNS) + ")" + _E)
    path = sorted((shared_data / "saudinewsnet").glob("*.zip"))[1]
    with zipfile.ZipFile(path) as zf:
        texts = [a["content"] for a in json.loads(zf.read(zf.namelist()[0]))[:40]]
    texts += [seed_path.read_text(encoding="utf-8")] + [c[0] for c in CASES] + NONE
    found = 0
    for text in texts:
        norm = normalize(text)
        got = [(m.span(), m.groupdict()) for m in TIME_RE.finditer(norm)]
        assert got == [(m.span(), m.groupdict()) for m in unguarded.finditer(norm)]
        for m in TIME_RE.finditer(norm):  # find_times reads the pattern's name off lastgroup
            assert m.lastgroup == next(k for k, v in m.groupdict().items() if len(k) == 1 and v is not None)
        found += len(got)
    assert found > 100


@given(st.text(alphabet=st.sampled_from(list("قتل أمس ١٢ ًّـ\u200fﻻﷲ")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_index_maps_agree_with_the_offset_list(s):
    from bisect import bisect_left

    from marsad.text import normalize_with_offsets
    from marsad.text.times import _index_maps

    norm, offs = normalize_with_offsets(s)
    to_text, to_norm = _index_maps(s)
    assert [to_text(i) for i in range(len(norm))] == offs
    expect = [bisect_left(offs, a) for a in range(len(s) + 1)]
    assert expect == (list(range(len(s) + 1)) if to_norm is None else [to_norm(a) for a in range(len(s) + 1)])
