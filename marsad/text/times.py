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
from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta
from functools import lru_cache

from marsad.doc import TimeExpr, Token
from marsad.errors import UsageError
from marsad.text.normalize import _deleted_positions, normalize, normalize_with_offsets
from marsad.text.morph import guess_verb, inflected_verb
from marsad.text.numbers import NUMBER_WORDS
from marsad.text.timepatterns import (
    ANCHOR_RE, ANCHOR_WORDS, CLAUSE_END, DAY_SHIFT, FUTURE_CUE, FUTURE_REACH_DAYS, FUTURE_WORDS, MONTH_CUES,
    NAME_BEFORE, NIGHT, NOT_FUTURE, NOT_TODAY, PAST_WORDS, PM_WORDS, SINCE, THE_MONTH, THE_WEEK, TIME_RE, TODAY,
    TONIGHT, TRAILING_MARKS, WEEKDAY_CUES, WINDOW_AFTER, WINDOW_BEFORE,
)
from marsad.text.timewords import HIJRI_MONTHS, MONTHS, PARTS_OF_DAY, WEEKDAYS

__all__ = ["find_times", "hijri_to_gregorian", "parse_published"]

_N = normalize


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
    words = ANCHOR_WORDS
    anchors = None if tokens is None else [(t.start, t.end) for t in tokens if t.kind == "number" or t.norm in words]
    return _find_times(text, published, anchors)


def _find_times(text: str, published: str | None, anchors: list[tuple[int, int]] | None) -> list[TimeExpr]:
    """:func:`find_times` given the text spans of the anchor tokens (None: search the text for them)."""
    pub = parse_published(published)
    pub_day = pub.date() if pub else None
    norm = normalize(text)
    to_text, to_norm = _index_maps(text)
    if anchors is not None and to_norm is not None:
        anchors = [(to_norm(a), to_norm(b)) for a, b in anchors]
    out: list[TimeExpr] = []
    for m in _matches(norm, anchors):
        kind = _top_group(m)
        resolved = _resolve(kind, m, norm, pub_day)
        if resolved is False:
            continue
        value, gran = resolved
        ns, ne = m.span(kind)
        start, end = to_text(ns), to_text(ne - 1) + 1
        while end < len(text) and text[end] in TRAILING_MARKS:
            end += 1  # tanween or tatweel after the last letter: غداً, هـ
        out.append(TimeExpr(text[start:end], start, end, value, gran))
    return out


def _index_maps(text: str):
    """Return ``(to_text, to_norm)``: offset maps between ``text`` and its matching form.

    ``to_text(i)`` is the offset in ``text`` of the character behind
    ``norm[i]``; ``to_norm(a)`` the first norm index whose character sits at
    or after ``text[a]`` (``bisect_left`` on the offsets of
    :func:`normalize_with_offsets`), None when the matching form keeps every
    offset. Only deletions (diacritics, tatweel) are usual in news text; they
    are mapped with two short lists instead of one entry per character.
    """
    deleted = _deleted_positions(text)
    if deleted is None:  # a ligature expands: the full list
        offs = normalize_with_offsets(text)[1]
        return offs.__getitem__, lambda a: bisect_left(offs, a)
    if not deleted:
        return _same, None
    shifted = [d - k for k, d in enumerate(deleted)]  # norm index from which the k-th deletion counts
    return (lambda i: i + bisect_right(shifted, i)), (lambda a: a - bisect_left(deleted, a))


def _same(i: int) -> int:
    return i


def _matches(norm: str, anchors: list[tuple[int, int]] | None = None):
    """Yield the pattern's matches, searching only windows around anchor words."""
    n = len(norm)
    done = 0  # matches must start at or after this offset
    win_start = win_end = -1
    if anchors is None:
        anchors = [a.span() for a in ANCHOR_RE.finditer(norm)]
    for a_start, a_end in anchors:
        s0, e0 = max(0, a_start - WINDOW_BEFORE), min(n, a_end + WINDOW_AFTER)
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
    for m in TIME_RE.finditer(norm, start, end):
        yield m
        last = m.end()
    return last


def _top_group(m: re.Match) -> str:
    """The one-letter name of the pattern that matched: the group that closed last, as all others nest in it."""
    return m.lastgroup


def _rel_sign(word: str | None) -> int | None:
    if not word:
        return None
    w = re.sub(r"\s+", " ", word)
    if w in FUTURE_WORDS:
        return 1
    if w in PAST_WORDS:
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
        if d is not None and (d - pub).days > FUTURE_REACH_DAYS:
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
    if ap in PM_WORDS and h < 12:
        h += 12
    if h > 23 or mn > 59:
        return day.isoformat(), "day"
    return f"{day.isoformat()}T{h:02d}:{mn:02d}", "datetime"


def _resolve(kind: str, m: re.Match, norm: str, pub: date | None):
    """Return ``(value, granularity)``, ``(None, None)`` when unresolved, or False to drop the match."""
    return _RESOLVERS[kind](m, norm, pub)


def _resolve_day_month(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern A: day and month name [year] [relative] [clock]: 30 أكتوبر الماضي."""
    g = m.group
    if not g("Ay") and _word_before(norm, m.start("A")) in NAME_BEFORE:
        return False
    mon = MONTHS[re.sub(r"\s+", " ", g("Am"))]
    day = int(g("Ad"))
    if g("Ay"):
        year = int(g("Ay"))
    elif pub:
        sign = _rel_sign(g("Arel"))
        if sign is None and norm[max(0, m.start() - 4):m.start()].strip() == SINCE:
            sign = -1  # منذ 25 يناير: a past date
        year = _closest_year(pub, mon, day, sign)
    else:
        return None, None
    d = _safe_date(year, mon, day)
    return _clock(m, "A", d) if d else (None, None)


def _resolve_numeric_date(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern B: numeric date d/m/y or ISO y-m-d."""
    g = m.group
    if g("Bd"):
        day, mon, year = int(g("Bd")), int(g("Bm")), int(g("By"))
        if year < 100:
            year += 2000 if year < 50 else 1900
    else:
        day, mon, year = int(g("BD")), int(g("BM")), int(g("BY"))
    d = _safe_date(year, mon, day)
    return _clock(m, "B", d) if d else False


def _resolve_hijri_date(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern C: Hijri day, month and year."""
    g = m.group
    try:
        return hijri_to_gregorian(int(g("Cy")), HIJRI_MONTHS[re.sub(r"\s+", " ", g("Cm"))], int(g("Cd"))).isoformat(), "day"
    except ValueError:
        return None, None


def _resolve_hijri_month(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern D: Hijri month and year: kept unresolved."""
    g = m.group
    return None, None


def _resolve_day_of_month(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern E: day of the current, last or next month: 13 الجاري."""
    g = m.group
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


def _resolve_month_year(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern F: month name and year."""
    g = m.group
    mon = MONTHS[_one_space(g("Fm"))]
    return f"{int(g('Fy')):04d}-{mon:02d}", "month"


def _resolve_month(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern G: month name with an edge or relative word: يناير المقبل."""
    g = m.group
    name = re.sub(r"\s+", " ", g("Gm"))
    if not (g("Gedge") or g("Grel") or g("Gcue")):
        if not _month_cue(norm, m.start("G")):
            return False
    if not pub:
        return None, None
    mon = MONTHS[name]
    year = _closest_year(pub, mon, None, _rel_sign(g("Grel")))
    return f"{year:04d}-{mon:02d}", "month"


def _resolve_relative_day(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern H: أمس، أمس الأول، اليوم، غدا with an optional part of day."""
    g = m.group
    if g("Hnext"):
        return None, None
    if _one_space(g("Hday")) == TODAY and not g("Hpart") and NOT_TODAY.match(norm, m.end("Hday")):
        return False  # اليوم العالمي، اليوم الأول: a named or counted day, not today
    if not pub:
        return None, None
    word = re.sub(r"\s+", " ", g("Hday"))
    shift = DAY_SHIFT[word]
    d = pub + timedelta(days=shift)
    part = g("Hpart")
    if word.startswith(TONIGHT) and not part:
        part = NIGHT
    if part:
        return f"{d.isoformat()}T{PARTS_OF_DAY[part]:02d}:00", "part_of_day"
    return d.isoformat(), "day"


def _resolve_weekday(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern I: weekday with or without المقبل/الماضي."""
    g = m.group
    wd = WEEKDAYS[g("Iwd")]
    if wd == 0 and not (g("Irel") or g("Ipart")) and not _weekday_cue(norm, m):
        return False  # الاثنين also means "the two"
    if not pub:
        return None, None
    sign = _rel_sign(g("Irel"))
    if sign is None:
        sign = 1 if _future_before(norm, m.start()) else 0
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


def _future_before(norm: str, at: int, reach: int = 60) -> bool:
    """True when a future cue stands in the ``reach`` characters before ``at``, in the same sentence.

    A ``س`` + imperfect word counts only when it reads as a verb: a listed
    verb (:func:`marsad.text.morph.inflected_verb`) or a guessed one
    (:func:`marsad.text.morph.guess_verb`) that does not end like a noun
    (``ة``/``ات``/``يا``) and is not a frequent noun of
    :data:`NOT_FUTURE` ("سيارة مفخخة" is a car bomb, not a plan).
    """
    start = max(0, at - reach)
    for end in CLAUSE_END.finditer(norm, start, at):
        start = end.end()
    for cue in FUTURE_CUE.finditer(norm, start, at):
        if _is_future_word(cue.group()):
            return True
    return False


def _is_future_word(w: str) -> bool:
    if not w.startswith("س") or w in ("سيتم", "سوف"):
        return True  # سوف, المقرر, يعتزم, سيتم
    if w in NOT_FUTURE:
        return False
    rest = w[1:]
    return inflected_verb(rest) is not None or (
        guess_verb(rest) is not None and not rest.endswith(("ه", "ات", "يا")))


def _resolve_period(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern J: the week, month or year with a relative word."""
    g = m.group
    if not (g("Jrel") or g("Jthis") or g("Jedge")):
        return False
    if not pub:
        return None, None
    sign = _rel_sign(g("Jrel")) or 0
    unit = g("Junit")
    if unit == THE_WEEK:
        d = pub + timedelta(weeks=sign)
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}", "week"
    if unit == THE_MONTH:
        y, mth = pub.year, pub.month + sign
        y, mth = (y - 1, 12) if mth == 0 else (y + 1, 1) if mth == 13 else (y, mth)
        return f"{y:04d}-{mth:02d}", "month"
    return f"{pub.year + sign:04d}", "year"


def _resolve_year_after_cue(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern K: year after عام/سنة."""
    g = m.group
    return f"{int(g('Ky')):04d}", "year"


def _resolve_year_since(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern L: year after منذ."""
    g = m.group
    return g("Ly"), "year"


def _resolve_year_in(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern M: year after في."""
    g = m.group
    return g("My"), "year"


def _resolve_ago(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern N: منذ/قبل and a count of days, weeks, months or years."""
    g = m.group
    if not pub:
        return None, None
    return _ago(g("Nq"), g("Nn"), g("Nu"), pub)


def _resolve_by_dateparser(m: re.Match, norm: str, pub: date | None):
    """Resolve pattern Z: day word year, by dateparser."""
    g = m.group
    if re.sub(r"\s+", " ", g("Zw")) in MONTHS:
        return False
    return _dateparser(m.group("Z"))


_RESOLVERS = {
    "A": _resolve_day_month,
    "B": _resolve_numeric_date,
    "C": _resolve_hijri_date,
    "D": _resolve_hijri_month,
    "E": _resolve_day_of_month,
    "F": _resolve_month_year,
    "G": _resolve_month,
    "H": _resolve_relative_day,
    "I": _resolve_weekday,
    "J": _resolve_period,
    "K": _resolve_year_after_cue,
    "L": _resolve_year_since,
    "M": _resolve_year_in,
    "N": _resolve_ago,
    "Z": _resolve_by_dateparser,
}


def _word_before(norm: str, start: int) -> str:
    words = norm[max(0, start - 12):start].split()
    return words[-1] if words else ""


def _one_space(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _month_cue(norm: str, start: int) -> bool:
    before = norm[max(0, start - 8):start].split()
    return bool(before) and before[-1] in MONTH_CUES


def _weekday_cue(norm: str, m: re.Match) -> bool:
    if m.group("I").startswith(_N("يوم")):
        return True
    before = norm[max(0, m.start() - 8):m.start()].split()
    after = norm[m.end():m.end() + 3].strip()
    return (bool(before) and (before[-1] in WEEKDAY_CUES or before[-1][-1:] in "(,")) or after[:1] in (")", ",", ".")


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


def _load_dateparser() -> None:
    """Import dateparser and load its Arabic data now, not at the first fallback (for ``TextStage.initialize``)."""
    import dateparser

    dateparser.parse("3 ابريل 2014", languages=["ar"], settings={"STRICT_PARSING": True})


@lru_cache(maxsize=4096)
def _dateparser(span: str):
    import dateparser

    parsed = dateparser.parse(span, languages=["ar"], settings={"STRICT_PARSING": True})
    if parsed is None:
        return False
    return parsed.date().isoformat(), "day"
