"""Publication date lines in the shapes Arabic news sites print them."""

import pytest

from marsad.io.dates import find_date, parse_dateline, parse_iso_like


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("السبت 21/نوفمبر/2015 - 09:59 م", "2015-11-21T21:59:00"),
        ("السبت 21/نوفمبر/2015 - 09:59 ص", "2015-11-21T09:59:00"),
        ("الثلاثاء 12 مارس 2024 12:05 ص", "2024-03-12T00:05:00"),
        ("الثلاثاء 12 مارس 2024 12:05 م", "2024-03-12T12:05:00"),
        ("21 نوفمبر 2015", "2015-11-21"),
        ("21 تشرين الثاني 2015", "2015-11-21"),
        ("5 جوان 2019", "2019-06-05"),
        ("2015-11-21", "2015-11-21"),
        ("21/11/2015 12:30", "2015-11-21T12:30:00"),
        ("نشر في: الأحد 2024-03-10 18:45", "2024-03-10T18:45:00"),
        ("آخر تحديث: ١٢ مارس ٢٠٢٤ - ١٠:٣٠ ص", "2024-03-12T10:30:00"),
        ("الأحد 10 صفر 1437 هـ - 22 نوفمبر 2015م", "2015-11-22"),
        ("22 نوفمبر (تشرين الثاني) 2015", "2015-11-22"),
        ("نوفمبر 22، 2015", "2015-11-22"),
    ],
)
def test_dateline_shapes(line, value):
    assert parse_dateline(line) == value


@pytest.mark.parametrize(
    "line",
    [
        "وقعت الاتفاقية في 10 مارس 2024 بحضور وزراء خارجية الدول الثلاث",
        "31/02/2015",  # no such day
        "1437/02/10",  # a Hijri year is not a Gregorian date
        "قتل 14 مدنياً",
    ],
)
def test_not_a_dateline(line):
    assert parse_dateline(line) is None


def test_find_date_reports_offsets():
    line = "السبت 21/نوفمبر/2015 - 09:59 م"
    hit = find_date(line)
    assert (hit.start, hit.end) == (6, len(line))


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2015-07-21 02:51:32", "2015-07-21T02:51:32"),
        ("2024-04-14T09:15:00+03:00", "2024-04-14T09:15:00"),
        ("Tue, 21 Jul 2015 02:51:32 GMT", "2015-07-21T02:51:32"),
        ("2024-07-22", "2024-07-22"),
        ("22 يوليو 2024", "2024-07-22"),
        ("1437480692", "2015-07-21T12:11:32"),
        (1437480692000, "2015-07-21T12:11:32"),
        ("غير معروف", None),
    ],
)
def test_record_dates(value, iso):
    assert parse_iso_like(value) == iso


def test_time_before_the_date():
    assert parse_dateline("12:15 ص - 2015-11-21") == "2015-11-21T00:15:00"
    assert parse_dateline("09:40 م | الخميس 2 مايو 2024") == "2024-05-02T21:40:00"
