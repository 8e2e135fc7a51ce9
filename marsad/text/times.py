"""Time expressions in Arabic news, resolved against the publication date.

One pass of one compiled pattern over the matching form of the text (see
:func:`marsad.text.normalize.normalize_with_offsets`) finds, most specific
first: dates with a month name (``21 نوفمبر 2015``, ``21/نوفمبر/2015 - 09:59
م``, ``30 أكتوبر الماضي``) in Egyptian/Gulf, Levantine/Iraqi and Maghrebi
month names; numeric dates (``21/11/2015``, day first as in Arabic news, and
ISO ``2015-11-21``); Hijri dates (``5 رمضان 1436 هـ``, converted with the
tabular Islamic calendar, which may differ from Umm al-Qura by a day);
``13 الجاري``; month and year; months with ``المقبل/الماضي/الجاري`` or an
edge word (``منتصف/مطلع/أواخر``); weekdays with or without
``المقبل/الماضي``; ``أمس``, ``أمس الأول``, ``اليوم``, ``غدا``, ``بعد غد``
with an optional part of day (``مساء أمس الأول``); ``الشهر/الأسبوع/العام
الماضي/المقبل``, ``مطلع العام``; years (``في عام 2007``, ``منذ 2011``);
``منذ/قبل`` + a count of days, weeks, months or years.

Values are ISO 8601: ``2015-11-23`` (day), ``2015-12`` (month), ``2015``
(year), ``2015-W48`` (week), ``2015-11-21T21:59`` (datetime); a part of the
day is given the representative hour of :data:`PARTS_OF_DAY`
(``2015-11-19T18:00`` for ``مساء``). An expression that needs an anchor the
text does not give (``اليوم التالي``, a Hijri month without day, anything
relative when ``published`` is None) is kept with value ``None``.

Rules where dateparser is wrong or slow are ours (dateparser 1.2 reads
``الاثنين المقبل`` as the previous Monday). dateparser is the fallback for a
``day word year`` candidate whose middle word is not in our month tables.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, datetime, timedelta
from functools import lru_cache

from marsad.doc import TimeExpr, Token
from marsad.errors import UsageError
from marsad.text.normalize import DIACRITICS, TATWEEL, normalize, normalize_with_offsets
from marsad.text.numbers import NUMBER_WORDS
from marsad.text.timewords import HIJRI_MONTHS, MONTHS, PARTS_OF_DAY, WEEKDAYS

__all__ = ["find_times", "hijri_to_gregorian", "parse_published"]


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_N = normalize
_MON = _alt(MONTHS)
_HIJ = _alt(HIJRI_MONTHS)
_WD = _alt(WEEKDAYS)
_PART = _alt(PARTS_OF_DAY)
_FUT = _N("المقبل|القادم|المقبلة|القادمة")
_PAST = _N("الماضي|المنصرم|الفائت|الماضية|المنصرمة|الفائتة|السابق")
_CUR = _N("الجاري|الحالي|الجارية|الحالية|هذا|هذه")
_REL = f"{_FUT}|{_PAST}|{_CUR}"
_EDGE = _N("مطلع|أوائل|أواسط|منتصف|أواخر|بداية|نهاية|مستهل|أول|آخر|غضون")
_YEARW = _N("عام|سنة|العام|السنة")
_B = r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وف][بلك]))"
_E = r"(?!\w)"
_CLOCK = r"(?:\s*-?\s*(?:" + _N("الساعة") + r"\s+)?(?P<{p}hh>\d{{1,2}}):(?P<{p}mi>\d{{2}})(?:\s*(?P<{p}ap>" + _N("صباحا|مساء|ص|م") + r")(?!\w))?)?"
# A month name may be followed by its other-system name in brackets: يوليو (تموز)
_ALSO = rf"(?:\s*\((?:{_MON})\))?"
_NUMW = _alt([w for w, v in NUMBER_WORDS.items() if v <= 30])

_PATTERNS = [
    # A: day + month name [+ year] [+ relative] [+ clock]
    rf"(?P<A>(?:(?:{_WD})\s*[,-]?\s*)?(?P<Ad>\d{{1,2}})\s*[/-]?\s*(?:{_N('من')}\s+)?(?:{_N('شهر')}\s+)?"
    rf"(?P<Am>{_MON}){_ALSO}(?:\s*[/,-]?\s*(?:{_N('من')}\s+)?(?:(?:{_YEARW})\s+)?(?P<Ay>\d{{4}})(?:\s*{_N('م')}{_E})?)?"
    rf"(?:\s+(?P<Arel>{_REL}))?{_CLOCK.format(p='A')})",
    # B: numeric date d/m/y or ISO y-m-d
    rf"(?P<B>(?:(?:{_WD})\s*[,-]?\s*)?(?:(?P<Bd>\d{{1,2}})[/.-](?P<Bm>\d{{1,2}})[/.-](?P<By>\d{{4}}|\d{{2}})"
    rf"|(?P<BY>\d{{4}})-(?P<BM>\d{{1,2}})-(?P<BD>\d{{1,2}}))(?!\d){_CLOCK.format(p='B')})",
    # C: Hijri day month year
    rf"(?P<C>(?:(?:{_WD})\s*[,-]?\s*)?(?P<Cd>\d{{1,2}})\s+(?:{_N('من')}\s+)?(?:{_N('شهر')}\s+)?(?P<Cm>{_HIJ})\s+(?:(?:{_YEARW})\s+)?(?P<Cy>1[34]\d\d)(?:\s*{_N('هـ')}{_E})?)",
    # D: Hijri month year (unresolved)
    rf"(?P<D>(?:{_N('شهر')}\s+)?(?P<Dm>{_HIJ})\s+(?:(?:{_YEARW})\s+)?(?P<Dy>1[34]\d\d)(?:\s*{_N('هـ')}{_E})?)",
    # E: day + (the month) current/last/next: 13 الجاري
    rf"(?P<E>(?P<Ed>\d{{1,2}})\s+(?:{_N('من')}\s+)?(?:(?:{_N('الشهر|شهر')})\s+)?(?P<Erel>{_N('الجاري|الحالي|الماضي|المنصرم|المقبل|القادم')}))",
    # F: [edge] month name + year
    rf"(?P<F>(?:(?P<Fedge>{_EDGE})\s+)?(?:{_N('شهر')}\s+)?(?P<Fm>{_MON}){_ALSO}\s*[/,-]?\s*(?:{_N('من')}\s+)?(?:(?:{_YEARW})\s+)?(?P<Fy>\d{{4}}))",
    # G: [edge] month name [relative]
    rf"(?P<G>(?:(?P<Gedge>{_EDGE})\s+)?(?P<Gcue>{_N('شهر')}\s+)?(?P<Gm>{_MON}){_ALSO}(?:\s+(?P<Grel>{_REL}))?)",
    # H: relative day with optional part of day: مساء أمس الأول
    rf"(?P<H>(?:(?P<Hpart>{_PART})\s+)?(?:{_N('يوم')}\s+)?(?P<Hday>{_N('أمس الأول|أول أمس|أول من أمس|أمس|الأمس|البارحة|اليوم|غدا|غد|الغد|بعد غد|الليلة قبل الماضية|الليلة الماضية|الليلة')})(?P<Hnext>\s+{_N('التالي|السابق')})?(?:[ \t]*\(?[ \t]*(?:{_WD})[ \t]*\)?)?)",
    # I: weekday with optional part of day and relative word
    rf"(?P<I>(?:(?P<Ipart>{_PART})\s+)?(?:{_N('يوم')}\s+)?(?P<Iwd>{_WD})(?:\s+(?P<Irel>{_FUT}|{_PAST}))?)",
    # J: [edge] the week/month/year + relative; this week/month/year
    rf"(?P<J>(?:(?P<Jedge>{_EDGE})\s+)?(?:(?P<Jthis>{_N('هذا|هذه')})\s+)?(?P<Junit>{_N('الأسبوع|الشهر|العام|السنة')})(?:\s+(?P<Jrel>{_REL}))?)",
    # K: year with a cue
    rf"(?P<K>(?:(?P<Kedge>{_EDGE})\s+)?(?:(?:{_YEARW})\s+)(?P<Ky>\d{{4}})(?:\s*{_N('م')}{_E})?)",
    rf"(?<={_N('منذ')}\s)(?P<L>(?P<Ly>(?:19|20)\d\d))(?!\d)",
    rf"(?<={_N('في')}\s)(?P<M>(?P<My>(?:19|20)\d\d))(?!\d)",
    # N: ago: منذ/قبل + count + unit
    rf"(?P<N>(?P<Ndir>{_N('منذ|قبل')})\s+(?P<Nq>(?:{_N('يومين|أسبوعين|شهرين|عامين|سنتين|يوم|أسبوع|شهر|عام|سنة')})(?!\s*\d)"
    rf"|(?P<Nn>\d{{1,2}}|{_NUMW})\s+(?P<Nu>{_N('أيام|يوما|أسابيع|أشهر|شهور|شهرا|أعوام|سنوات|عاما')})))",
    # Z: dateparser fallback: day word year
    rf"(?P<Z>(?P<Zd>\d{{1,2}})\s+(?P<Zw>[^\W\d_]{{3,10}})\s+(?P<Zy>(?:19|20)\d\d))",
]
_RE = re.compile(_B + "(?:" + "|".join(_PATTERNS) + ")" + _E)
# Every pattern above contains a digit or one of these words (first word of
# two-word names): only windows around them are searched.
_ANCHOR_WORDS = frozenset(
    w.split()[0] for w in list(MONTHS) + list(HIJRI_MONTHS) + list(WEEKDAYS)
) | frozenset(_N(
    "أمس الأمس البارحة اليوم غدا غد الغد الليلة الأسبوع الشهر العام السنة يومين أسبوعين شهرين عامين "
    "سنتين أيام يوما أسابيع أشهر شهور شهرا أعوام سنوات عاما منذ قبل"
).split())
_ANCHOR = re.compile(r"\d+|(?<!\w)[وفبلك]{0,2}(?:" + _alt(_ANCHOR_WORDS) + r")(?!\w)")
_ANCHOR_WORDS = _ANCHOR_WORDS | frozenset(w[2:] for w in _ANCHOR_WORDS if w.startswith("ال"))
_BEFORE, _AFTER = 25, 50
_TRAILING = frozenset(DIACRITICS + TATWEEL)
_SINCE = _N("منذ")
_FUTURE_CUE = re.compile(_N(r"(?<!\w)(?:سوف|المقرر|يعتزم|تعتزم|سيتم|س[يتن]\w{2,})(?!\w)"))
_WEEK_CUES = frozenset(_N(w) for w in ("يوم", "في", "منذ", "حتى", "مساء", "صباح", "ليلة", "ظهر", "فجر", "(", ",", "،"))


_DAY_SHIFT = {
    _N("أمس الأول"): -2, _N("أول أمس"): -2, _N("أول من أمس"): -2, _N("أمس"): -1, _N("الأمس"): -1,
    _N("البارحة"): -1, _N("اليوم"): 0, _N("الليلة"): 0, _N("غدا"): 1, _N("غد"): 1, _N("الغد"): 1,
    _N("بعد غد"): 2, _N("الليلة الماضية"): -1, _N("الليلة قبل الماضية"): -2,
}
_TODAY = _N("اليوم")
_FUTURE_REACH = 60  # days: a date without year further ahead than this is read in the past
# Named groups and events called after a date: قوى 14 آذار، ثورة 23 يوليو، حركة 6 أبريل
_NAME_BEFORE = frozenset(_N(w) for w in ("قوى", "تحالف", "فريق", "حركة", "ثورة", "تيار", "جماعة", "شباب", "انتفاضة", "ائتلاف"))
_NOT_TODAY = re.compile(r"\s+" + _N("(?:العالمي|الوطني|الدولي|الأول|الثاني|الثالث|الرابع|الخامس|الأخير|الذي|الموعود|المفتوح)") + r"(?!\w)")
_TONIGHT, _NIGHT, _THE_WEEK, _THE_MONTH = _N("الليلة"), _N("ليلة"), _N("الأسبوع"), _N("الشهر")
_MONTH_CUES = frozenset(_N(w) for w in ("في", "منذ", "حتى", "خلال", "بحلول", "شهر"))
_PM = frozenset((_N("م"), _N("مساء")))
_FUT_WORDS, _PAST_WORDS = frozenset(_FUT.split("|")), frozenset(_PAST.split("|"))


def parse_published(published: str | None) -> datetime | None:
    """Return the publication moment as a datetime, or None.

    Parameters
    ----------
    published : str or None
        ISO 8601 date or datetime (``2015-11-21`` or ``2015-11-21T21:59:00``).

    Raises
    ------
    UsageError
        If ``published`` is a string that is not ISO 8601.
    """
    if published is None:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00"))
    except (ValueError, AttributeError) as exc:
        raise UsageError(f"[E210] published must be ISO 8601, got {published!r}") from exc


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Convert a date of the tabular Islamic calendar to the Gregorian calendar.

    Parameters
    ----------
    year, month, day : int
        Hijri year (AH), month 1-12 and day 1-30.

    Returns
    -------
    datetime.date
        The Gregorian date; may differ by one day from the sighting-based or
        Umm al-Qura calendars.

    Raises
    ------
    ValueError
        If month or day is out of range.

    Notes
    -----
    Arithmetic (civil) Islamic calendar with the 2, 5, 7, 10, 13, 16, 18, 21,
    24, 26, 29 leap years of a 30-year cycle, epoch Julian Day 1948439.5
    (Dershowitz & Reingold, *Calendrical Calculations*, ch. 7).

    Examples
    --------
    >>> hijri_to_gregorian(1436, 9, 1)
    datetime.date(2015, 6, 18)
    """
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValueError(f"Hijri month {month} / day {day} out of range")
    jdn = day + int(-(-29.5 * (month - 1) // 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return date.fromordinal(jdn - 1721425)


def find_times(text: str, published: str | None, tokens: list[Token] | None = None) -> list[TimeExpr]:
    """Find time expressions and resolve them against the publication date.

    Parameters
    ----------
    text : str
        The text the offsets refer to.
    published : str or None
        Publication date or datetime, ISO 8601. Relative expressions get
        value None without it.
    tokens : list of Token, optional
        ``tokenize(text)`` when already computed; then the anchor words
        are read off the tokens instead of searched for, which is faster.

    Returns
    -------
    list of TimeExpr
        In text order, not overlapping; ``value`` ISO 8601 or None,
        ``granularity`` one of ``"datetime"``, ``"day"``, ``"part_of_day"``,
        ``"week"``, ``"month"``, ``"year"`` (None when unresolved).

    Raises
    ------
    TypeError
        If ``text`` is not a string.
    UsageError
        If ``published`` is not ISO 8601.

    Examples
    --------
    >>> [(t.text, t.value) for t in find_times("يلتقيان الاثنين المقبل", "2015-11-21T21:59:00")]
    [('الاثنين المقبل', '2015-11-23')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_times expects str, got {type(text).__name__}")
    pub = parse_published(published)
    pub_day = pub.date() if pub else None
    norm, offs = normalize_with_offsets(text)
    anchors = None if tokens is None else _token_anchors(tokens, offs, len(text))
    out: list[TimeExpr] = []
    for m in _matches(norm, anchors):
        kind = _top_group(m)
        resolved = _resolve(kind, m, norm, pub_day)
        if resolved is False:
            continue
        value, gran = resolved
        ns, ne = m.span(kind)
        start, end = offs[ns], offs[ne - 1] + 1
        while end < len(text) and text[end] in _TRAILING:
            end += 1  # tanween or tatweel after the last letter: غداً, هـ
        out.append(TimeExpr(text[start:end], start, end, value, gran))
    return out


def _token_anchors(tokens: list[Token], offs: list[int], n_text: int) -> list[tuple[int, int]]:
    """(start, end) in the matching form of the tokens that can anchor a time expression."""
    words = _ANCHOR_WORDS
    hits = [(t.start, t.end) for t in tokens if t.kind == "number" or t.norm in words]
    if len(offs) == n_text:
        return hits  # the matching form has the same offsets as the text
    return [(bisect_left(offs, a), bisect_left(offs, b)) for a, b in hits]


def _matches(norm: str, anchors: list[tuple[int, int]] | None = None):
    """Yield the pattern's matches, searching only windows around anchor words."""
    n = len(norm)
    done = 0  # matches must start at or after this offset
    win_start = win_end = -1
    if anchors is None:
        anchors = [a.span() for a in _ANCHOR.finditer(norm)]
    for a_start, a_end in anchors:
        s0, e0 = max(0, a_start - _BEFORE), min(n, a_end + _AFTER)
        if s0 <= win_end:
            win_end = max(win_end, e0)
            continue
        if win_end > 0:
            done = yield from _search(norm, max(win_start, done), win_end)
        win_start, win_end = s0, e0
    if win_end > 0:
        yield from _search(norm, max(win_start, done), win_end)


def _search(norm: str, start: int, end: int):
    last = start
    for m in _RE.finditer(norm, start, end):
        yield m
        last = m.end()
    return last


def _top_group(m: re.Match) -> str:
    for name, val in m.groupdict().items():
        if len(name) == 1 and val is not None:
            return name
    raise AssertionError("a match without a top-level group")


def _rel_sign(word: str | None) -> int | None:
    if not word:
        return None
    w = re.sub(r"\s+", " ", word)
    if w in _FUT_WORDS:
        return 1
    if w in _PAST_WORDS:
        return -1
    return 0


def _closest_year(pub: date, month: int, day: int | None, sign: int | None) -> int:
    """Year for a month (and day) given without one, relative to ``pub``."""
    if sign == 0:
        return pub.year
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = _safe_date(y, month, day or 15)
        if d is None:
            continue
        if day is None:
            key_m = (y - pub.year) * 12 + month - pub.month
            if sign == 1 and key_m <= 0 or sign == -1 and key_m >= 0:
                continue
            dist = abs(key_m)
        else:
            if sign == 1 and d <= pub or sign == -1 and d >= pub:
                continue
            dist = abs((d - pub).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    if best is None:
        return pub.year
    year = best[1]
    if sign is None:
        d = _safe_date(year, month, day or 15)
        if d is not None and (d - pub).days > _FUTURE_REACH:
            year -= 1  # news mostly reports the past: a date months ahead is last year's
    return year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _clock(m: re.Match, p: str, day: date) -> tuple[str, str]:
    hh, mi = m.group(p + "hh"), m.group(p + "mi")
    if hh is None:
        return day.isoformat(), "day"
    h, mn = int(hh), int(mi)
    ap = m.group(p + "ap")
    if ap in _PM and h < 12:
        h += 12
    if h > 23 or mn > 59:
        return day.isoformat(), "day"
    return f"{day.isoformat()}T{h:02d}:{mn:02d}", "datetime"


def _resolve(kind: str, m: re.Match, norm: str, pub: date | None):
    g = m.group
    if kind == "A":
        if not g("Ay") and _word_before(norm, m.start("A")) in _NAME_BEFORE:
            return False
        mon = MONTHS[re.sub(r"\s+", " ", g("Am"))]
        day = int(g("Ad"))
        if g("Ay"):
            year = int(g("Ay"))
        elif pub:
            sign = _rel_sign(g("Arel"))
            if sign is None and norm[max(0, m.start() - 4):m.start()].strip() == _SINCE:
                sign = -1  # منذ 25 يناير: a past date
            year = _closest_year(pub, mon, day, sign)
        else:
            return None, None
        d = _safe_date(year, mon, day)
        return _clock(m, "A", d) if d else (None, None)
    if kind == "B":
        if g("Bd"):
            day, mon, year = int(g("Bd")), int(g("Bm")), int(g("By"))
            if year < 100:
                year += 2000 if year < 50 else 1900
        else:
            day, mon, year = int(g("BD")), int(g("BM")), int(g("BY"))
        d = _safe_date(year, mon, day)
        return _clock(m, "B", d) if d else False
    if kind == "C":
        try:
            return hijri_to_gregorian(int(g("Cy")), HIJRI_MONTHS[re.sub(r"\s+", " ", g("Cm"))], int(g("Cd"))).isoformat(), "day"
        except ValueError:
            return None, None
    if kind == "D":
        return None, None
    if kind == "E":
        day = int(g("Ed"))
        if not pub or not 1 <= day <= 31:
            return None, None
        sign = _rel_sign(g("Erel"))
        y, mth = pub.year, pub.month + (sign or 0)
        if mth == 0:
            y, mth = y - 1, 12
        elif mth == 13:
            y, mth = y + 1, 1
        d = _safe_date(y, mth, day)
        return (d.isoformat(), "day") if d else (None, None)
    if kind == "F":
        mon = MONTHS[_one_space(g("Fm"))]
        return f"{int(g('Fy')):04d}-{mon:02d}", "month"
    if kind == "G":
        name = re.sub(r"\s+", " ", g("Gm"))
        if not (g("Gedge") or g("Grel") or g("Gcue")):
            if not _month_cue(norm, m.start("G")):
                return False
        if not pub:
            return None, None
        mon = MONTHS[name]
        year = _closest_year(pub, mon, None, _rel_sign(g("Grel")))
        return f"{year:04d}-{mon:02d}", "month"
    if kind == "H":
        if g("Hnext"):
            return None, None
        if _one_space(g("Hday")) == _TODAY and not g("Hpart") and _NOT_TODAY.match(norm, m.end("Hday")):
            return False  # اليوم العالمي، اليوم الأول: a named or counted day, not today
        if not pub:
            return None, None
        word = re.sub(r"\s+", " ", g("Hday"))
        shift = _DAY_SHIFT[word]
        d = pub + timedelta(days=shift)
        part = g("Hpart")
        if word.startswith(_TONIGHT) and not part:
            part = _NIGHT
        if part:
            return f"{d.isoformat()}T{PARTS_OF_DAY[part]:02d}:00", "part_of_day"
        return d.isoformat(), "day"
    if kind == "I":
        wd = WEEKDAYS[g("Iwd")]
        if wd == 0 and not (g("Irel") or g("Ipart")) and not _weekday_cue(norm, m):
            return False  # الاثنين also means "the two"
        if not pub:
            return None, None
        sign = _rel_sign(g("Irel"))
        if sign is None:
            sign = 1 if _FUTURE_CUE.search(norm, max(0, m.start() - 60), m.start()) else 0
        if sign == 1:
            d = pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
        elif sign == -1:
            d = pub - timedelta(days=(pub.weekday() - wd - 1) % 7 + 1)
        else:
            d = pub - timedelta(days=(pub.weekday() - wd) % 7)
        part = g("Ipart")
        if part:
            return f"{d.isoformat()}T{PARTS_OF_DAY[part]:02d}:00", "part_of_day"
        return d.isoformat(), "day"
    if kind == "J":
        if not (g("Jrel") or g("Jthis") or g("Jedge")):
            return False
        if not pub:
            return None, None
        sign = _rel_sign(g("Jrel")) or 0
        unit = g("Junit")
        if unit == _THE_WEEK:
            d = pub + timedelta(weeks=sign)
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}", "week"
        if unit == _THE_MONTH:
            y, mth = pub.year, pub.month + sign
            y, mth = (y - 1, 12) if mth == 0 else (y + 1, 1) if mth == 13 else (y, mth)
            return f"{y:04d}-{mth:02d}", "month"
        return f"{pub.year + sign:04d}", "year"
    if kind == "K":
        return f"{int(g('Ky')):04d}", "year"
    if kind == "L":
        return g("Ly"), "year"
    if kind == "M":
        return g("My"), "year"
    if kind == "N":
        if not pub:
            return None, None
        return _ago(g("Nq"), g("Nn"), g("Nu"), pub)
    if kind == "Z":
        if re.sub(r"\s+", " ", g("Zw")) in MONTHS:
            return False
        return _dateparser(m.group("Z"))
    return False


def _word_before(norm: str, start: int) -> str:
    words = norm[max(0, start - 12):start].split()
    return words[-1] if words else ""


def _one_space(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _month_cue(norm: str, start: int) -> bool:
    before = norm[max(0, start - 8):start].split()
    return bool(before) and before[-1] in _MONTH_CUES


def _weekday_cue(norm: str, m: re.Match) -> bool:
    if m.group("I").startswith(_N("يوم")):
        return True
    before = norm[max(0, m.start() - 8):m.start()].split()
    after = norm[m.end():m.end() + 3].strip()
    return (bool(before) and (before[-1] in _WEEK_CUES or before[-1][-1:] in "(,")) or after[:1] in (")", ",", ".")


_UNITS = {
    _N("يوم"): ("d", 1), _N("يومين"): ("d", 2), _N("أسبوع"): ("w", 1), _N("أسبوعين"): ("w", 2),
    _N("شهر"): ("m", 1), _N("شهرين"): ("m", 2), _N("عام"): ("y", 1), _N("سنة"): ("y", 1),
    _N("عامين"): ("y", 2), _N("سنتين"): ("y", 2),
}
_PLURAL_UNITS = {
    _N("أيام"): "d", _N("يوما"): "d", _N("أسابيع"): "w", _N("أشهر"): "m", _N("شهور"): "m",
    _N("شهرا"): "m", _N("أعوام"): "y", _N("سنوات"): "y", _N("عاما"): "y",
}


def _ago(q: str | None, n: str | None, unit: str | None, pub: date) -> tuple[str, str]:
    if n is None:
        u, k = _UNITS[_one_space(q)]
    else:
        u = _PLURAL_UNITS[unit]
        k = int(n) if n.isdigit() else int(NUMBER_WORDS.get(n, 0))
    if u == "d":
        return (pub - timedelta(days=k)).isoformat(), "day"
    if u == "w":
        iso = (pub - timedelta(weeks=k)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}", "week"
    if u == "m":
        total = pub.year * 12 + pub.month - 1 - k
        return f"{total // 12:04d}-{total % 12 + 1:02d}", "month"
    return f"{pub.year - k:04d}", "year"


@lru_cache(maxsize=4096)
def _dateparser(span: str):
    import dateparser

    parsed = dateparser.parse(span, languages=["ar"], settings={"STRICT_PARSING": True})
    if parsed is None:
        return False
    return parsed.date().isoformat(), "day"
