"""Publication dates as news sites print them, read into ISO 8601.

Arabic sites print the publication date in a handful of shapes: a weekday,
a day, a month name (Egyptian/Gulf ``نوفمبر``, Levantine ``تشرين الثاني`` or
Maghrebi ``نونبر``/``جوان``) and a year, joined by spaces, slashes or dashes,
often followed by a 12-hour clock time marked ``ص`` (morning) or ``م``
(evening); or purely numeric ``2015-11-21`` and day-first ``21/11/2015``.
This module finds such a date in a line and says whether the line is a
*dateline* (nothing but the date and its labels) that cleaning may remove.

Sources: month names as used by Arab news sites (general knowledge of the
three naming systems); ``ص``/``م`` are the Arabic abbreviations of
``صباحاً``/``مساءً`` (a.m./p.m.).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

MONTHS: dict[str, int] = {
    # Egyptian / Gulf names (from the Latin months)
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4,
    "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7,
    "أغسطس": 8, "اغسطس": 8, "أغشت": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    # Levantine / Iraqi names (Syriac months)
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5,
    "ايار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9,
    "تشرين الأول": 10, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "كانون الاول": 12,
    # Maghrebi names (French months)
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "افريل": 4, "ماي": 5, "جوان": 6,
    "جويلية": 7, "أوت": 8, "اوت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    "يوليوز": 7, "غشت": 8,
}

# English names, as bilingual sites print them ("Saturday, November 21, 2015").
EN_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), 1)}
EN_MONTHS |= {m[:3]: i for m, i in list(EN_MONTHS.items())} | {"sept": 9}

WEEKDAYS = ("السبت", "الأحد", "الاحد", "الإثنين", "الاثنين", "الثلاثاء",
            "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "الجمعه")

# Longest names first so that "كانون الثاني" wins over a shorter prefix.
_MONTH_RE = "|".join(sorted((re.escape(m.strip()) for m in MONTHS), key=len, reverse=True))
_SEP = r"[\s/\-.،,]*"
_NAMED = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}}){_SEP}(?P<m>{_MONTH_RE})"
    rf"(?:\s*[(/]\s*(?:{_MONTH_RE})\s*\)?)?{_SEP}(?P<y>\d{{4}})(?!\d)"
)
_EN = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_MDY_EN = re.compile(rf"\b(?P<m>{_EN})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})(?!\d)", re.I)
_DMY_EN = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{_EN})\.?,?\s+(?P<y>\d{{4}})(?!\d)", re.I)
_MDY_AR = re.compile(rf"(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})\s*[،,]\s*(?P<y>\d{{4}})(?!\d)")
_YMD = re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})(?!\d)")
_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?!\d)"
    r"(?:\s*(?P<ap>صباحاً|صباحا|ص|مساءً|مساء|م|ظهراً|ظهرا|[AaPp]\.?[Mm]\.?)(?![\u0600-\u06FF\w]))?"
)
_PM = ("م", "مساء", "مساءً", "ظهرا", "ظهراً")
# Words a dateline may carry besides the date itself.
_LABELS = re.compile(
    r"(?<![\u0600-\u06FF])(?:نشر(?:ت)?(?: في| بتاريخ)?|تاريخ النشر|آخر تحديث|اخر تحديث|تم النشر|بتاريخ|التاريخ|"
    r"الموافق|يوم|منذ|بتوقيت \S+|توقيت \S+|GMT|UTC|هـ|ه|م|ص|مساء|صباحا|Published|Updated|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    + "|".join(WEEKDAYS)
    + r")(?![\u0600-\u06FF])"
)
_HIJRI = re.compile(
    r"\d{1,2}\s*(?:محرم|صفر|ربيع الأول|ربيع الاول|ربيع الآخر|ربيع الثاني|"
    r"جمادى الأولى|جمادى الاولى|جمادى الآخرة|جمادى الثانية|رجب|شعبان|رمضان|شوال|"
    r"ذو القعدة|ذي القعدة|ذو الحجة|ذي الحجة)\s*\d{4}\s*(?:هـ|ه)?"
)
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A publication date found in a string.

    Parameters
    ----------
    value : str
        ISO 8601: ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS`` when a clock
        time follows the date.
    start, end : int
        Offsets of the date (and time, when present) in the searched string.
    """

    value: str
    start: int
    end: int


def _valid(y: int, m: int, d: int) -> bool:
    """Return True for a real calendar day in 1900–2100."""
    if not 1900 <= y <= 2100:
        return False
    try:
        datetime(y, m, d)
    except ValueError:
        return False
    return True


def _date_in(s: str) -> tuple[tuple[int, int, int], int, int] | None:
    """Return ``((y, m, d), start, end)`` of the first Gregorian date in ``s``."""
    found = []
    for rx in (_NAMED, _YMD, _DMY, _MDY_EN, _DMY_EN, _MDY_AR):
        for m in rx.finditer(s):
            month = m.group("m")
            mo = int(month) if month.isdigit() else MONTHS.get(month) or EN_MONTHS.get(month.lower())
            if mo is None:
                continue
            y, d = int(m.group("y")), int(m.group("d"))
            if _valid(y, mo, d):
                found.append(((y, mo, d), m.start(), m.end()))
                break
    return min(found, key=lambda f: f[1]) if found else None


def _time_near(s: str, pos: int) -> tuple[tuple[int, int, int], int, int] | None:
    """Return ``((h, m, s), start, end)`` of a clock time starting within 20 chars of ``pos``."""
    m = _TIME.search(s, pos)
    if m is None or m.start() - pos > 20:
        return None
    h, mi, sec = int(m.group("h")), int(m.group("mi")), int(m.group("s") or 0)
    ap = (m.group("ap") or "").replace(".", "").lower()
    if ap:
        if not 1 <= h <= 12:
            return None
        pm = ap in _PM or ap == "pm"
        h = (h % 12) + (12 if pm else 0)
    if h > 23 or mi > 59 or sec > 59:
        return None
    return (h, mi, sec), m.start(), m.end()


def _time_before(s: str, pos: int) -> tuple[tuple[int, int, int], int, int] | None:
    """Return the clock time that ends within 20 chars before ``pos`` (``12:15 ص 2015-11-21``)."""
    lo = max(0, pos - 30)
    for m in _TIME.finditer(s, lo, pos):
        if pos - m.end() <= 20 and m.start() >= lo:
            return _time_near(s, m.start())
    return None


def find_date(s: str) -> DateMatch | None:
    """Find the first publication date (and its clock time) in a string.

    Parameters
    ----------
    s : str
        Any text; Arabic-Indic and Persian digits are read as ASCII digits.

    Returns
    -------
    DateMatch or None
        ``None`` when no valid Gregorian date between 1900 and 2100 is found.
        A time counts when it follows the date within 20 characters (or,
        failing that, ends within 20 characters before it);
        ``ص``/``AM`` keep the hour (12 becomes 0), ``م``/``PM`` add 12.

    Examples
    --------
    >>> find_date("السبت 21/نوفمبر/2015 - 09:59 م").value
    '2015-11-21T21:59:00'
    >>> find_date("21 تشرين الثاني 2015").value
    '2015-11-21'
    """
    t = s.translate(DIGITS)
    hit = _date_in(t)
    if hit is None:
        return None
    (y, mo, d), start, end = hit
    clock = _time_near(t, end)
    if clock is None:
        clock = _time_before(t, start)
    if clock is None:
        return DateMatch(f"{y:04d}-{mo:02d}-{d:02d}", start, end)
    (h, mi, sec), cstart, cend = clock
    return DateMatch(f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{sec:02d}",
                     min(start, cstart), max(end, cend))


def parse_dateline(line: str, max_rest: int = 3) -> str | None:
    """Return the ISO date of a line that is only a publication date, else None.

    Parameters
    ----------
    line : str
        One line of scraped text.
    max_rest : int, default 3
        How many words other than the date, time, weekday, Hijri date and
        labels such as ``نشر في``/``آخر تحديث`` the line may hold.

    Returns
    -------
    str or None
        ISO 8601 value from :func:`find_date`, or ``None`` when the line has
        no date or says more than a dateline does (a sentence that merely
        mentions a date).

    Examples
    --------
    >>> parse_dateline("نشر في: الأحد 2024-03-10 12:30")
    '2024-03-10T12:30:00'
    >>> parse_dateline("وقعت الاتفاقية في 10 مارس 2024 بحضور الوزراء") is None
    True
    """
    if len(line) > 120:
        return None
    hit = find_date(line)
    if hit is None:
        return None
    rest = line[: hit.start] + " " + line[hit.end:]
    rest = _HIJRI.sub(" ", rest.translate(DIGITS))
    rest = _LABELS.sub(" ", rest)
    words = [w for w in rest.split() if _LETTER.search(w)]
    return hit.value if len(words) <= max_rest else None


def is_hijri_dateline(line: str) -> bool:
    """Return True for a line that is only a Hijri date and its labels.

    Examples
    --------
    >>> is_hijri_dateline("السبت 9 صفر 1437 هـ")
    True
    """
    t = line.translate(DIGITS)
    if not _HIJRI.search(t):
        return False
    rest = _LABELS.sub(" ", _HIJRI.sub(" ", t))
    return not any(_LETTER.search(w) or w.isdigit() for w in rest.split())


def parse_iso_like(value: str) -> str | None:
    """Read a record's date field into ISO 8601, or None.

    Parameters
    ----------
    value : str or int
        ``2015-07-21 02:51:32``, ``2015-07-21T02:51:32+03:00``, an RFC 2822
        date (``Tue, 21 Jul 2015 02:51:32 GMT``), Unix time in seconds (10
        digits) or milliseconds (13 digits, read as UTC), or any shape
        :func:`find_date` reads.

    Returns
    -------
    str or None
        ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS``. A time-zone offset is
        dropped: the clock time is kept as the site printed it, which is what
        relative dates in the article ("أمس") are resolved against.
    """
    from email.utils import parsedate_to_datetime

    v = str(value).strip().translate(DIGITS)
    if not v:
        return None
    if re.fullmatch(r"\d{10}(?:\.\d+)?|\d{13}", v):  # Unix time in seconds or milliseconds
        seconds = float(v) / (1000 if len(v) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")
    try:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        dt = None
    if dt is None and re.match(r"[A-Za-z]{3},", v):
        try:
            dt = parsedate_to_datetime(v)
        except (TypeError, ValueError):
            dt = None
    if dt is not None:
        if len(v) <= 10:
            return dt.date().isoformat()
        return dt.replace(tzinfo=None).isoformat(timespec="seconds")
    hit = find_date(v)
    return hit.value if hit else None
