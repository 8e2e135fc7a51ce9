"""Patterns and word sets for Arabic time expressions, in matching form.

Built once at import from the calendar tables of
:mod:`marsad.text.timewords`; :mod:`marsad.text.times` searches with them and
resolves what they find. Each top-level group of :data:`TIME_RE` is one kind of
expression (see the comments in :data:`_PATTERNS`).
"""

from __future__ import annotations

import re

from marsad.text.normalize import DIACRITICS, TATWEEL, normalize
from marsad.text.numbers import NUMBER_WORDS
from marsad.text.timewords import HIJRI_MONTHS, MONTHS, PARTS_OF_DAY, WEEKDAYS


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
_HDAY = _N("أمس الأول|أول أمس|أول من أمس|أمس|الأمس|البارحة|اليوم|غدا|غد|الغد|بعد غد|الليلة قبل الماضية|الليلة الماضية|الليلة")
_UNIT = _N("الأسبوع|الشهر|العام|السنة")
_THIS = _N("هذا|هذه")
_DIR = _N("منذ|قبل")
_MONTH_WORD, _DAY_WORD = _N("شهر"), _N("يوم")
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
    rf"(?P<H>(?:(?P<Hpart>{_PART})\s+)?(?:{_N('يوم')}\s+)?(?P<Hday>{_HDAY})(?P<Hnext>\s+{_N('التالي|السابق')})?(?:[ \t]*\(?[ \t]*(?:{_WD})[ \t]*\)?)?)",
    # I: weekday with optional part of day and relative word
    rf"(?P<I>(?:(?P<Ipart>{_PART})\s+)?(?:{_N('يوم')}\s+)?(?P<Iwd>{_WD})(?:\s+(?P<Irel>{_FUT}|{_PAST}))?)",
    # J: [edge] the week/month/year + relative; this week/month/year
    rf"(?P<J>(?:(?P<Jedge>{_EDGE})\s+)?(?:(?P<Jthis>{_THIS})\s+)?(?P<Junit>{_UNIT})(?:\s+(?P<Jrel>{_REL}))?)",
    # K: year with a cue
    rf"(?P<K>(?:(?P<Kedge>{_EDGE})\s+)?(?:(?:{_YEARW})\s+)(?P<Ky>\d{{4}})(?:\s*{_N('م')}{_E})?)",
    rf"(?<={_N('منذ')}\s)(?P<L>(?P<Ly>(?:19|20)\d\d))(?!\d)",
    rf"(?<={_N('في')}\s)(?P<M>(?P<My>(?:19|20)\d\d))(?!\d)",
    # N: ago: منذ/قبل + count + unit
    rf"(?P<N>(?P<Ndir>{_DIR})\s+(?P<Nq>(?:{_N('يومين|أسبوعين|شهرين|عامين|سنتين|يوم|أسبوع|شهر|عام|سنة')})(?!\s*\d)"
    rf"|(?P<Nn>\d{{1,2}}|{_NUMW})\s+(?P<Nu>{_N('أيام|يوما|أسابيع|أشهر|شهور|شهرا|أعوام|سنوات|عاما')})))",
    # Z: dateparser fallback: day word year
    rf"(?P<Z>(?P<Zd>\d{{1,2}})\s+(?P<Zw>[^\W\d_]{{3,10}})\s+(?P<Zy>(?:19|20)\d\d))",
]


def _first_word_trie(words) -> str:
    """An alternation of ``words`` grouped by first letter, so a regex rejects a non-match at once."""
    by_first: dict[str, set[str]] = {}
    for w in words:
        by_first.setdefault(w[0], set()).add(w[1:])
    parts = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:
            parts.append(re.escape(first))  # the letter alone already starts a listed word
        else:
            parts.append(re.escape(first) + "(?:" + "|".join(map(re.escape, sorted(rests, key=len, reverse=True))) + ")")
    return "|".join(parts)


# What a match can begin with, read off the first element (optional or not) of
# each pattern above: a digit (A-C, E, L, M, Z), a weekday (A-C, I), شهر (D, F,
# G), a Hijri (D) or Gregorian (F, G) month, an edge word (F, G, J, K), a part
# of the day or يوم (H, I), a relative day (H), هذا/هذه or a unit (J), a year
# word (K), منذ/قبل (N). Two-word names count by their first word.
_FIRST_WORDS = frozenset(
    w.split()[0]
    for group in (MONTHS, HIJRI_MONTHS, WEEKDAYS, PARTS_OF_DAY, *(
        x.split("|") for x in (_EDGE, _YEARW, _HDAY, _UNIT, _THIS, _DIR)
    ), (_MONTH_WORD, _DAY_WORD))
    for w in group
)
#: Must hold where a match starts; tested before the patterns, it lets the
#: search skip most positions without trying the 15 alternatives (4x faster,
#: same matches: every alternative starts with one of these).
_CAN_START = r"(?=\d|" + _first_word_trie(_FIRST_WORDS) + ")"
TIME_RE = re.compile(_CAN_START + _B + "(?:" + "|".join(_PATTERNS) + ")" + _E)
# Every pattern above contains a digit or one of these words (first word of
# two-word names): only windows around them are searched.
ANCHOR_WORDS = frozenset(
    w.split()[0] for w in list(MONTHS) + list(HIJRI_MONTHS) + list(WEEKDAYS)
) | frozenset(_N(
    "أمس الأمس البارحة اليوم غدا غد الغد الليلة الأسبوع الشهر العام السنة يومين أسبوعين شهرين عامين "
    "سنتين أيام يوما أسابيع أشهر شهور شهرا أعوام سنوات عاما منذ قبل"
).split())
ANCHOR_RE = re.compile(r"\d+|(?<!\w)[وفبلك]{0,2}(?:" + _alt(ANCHOR_WORDS) + r")(?!\w)")
ANCHOR_WORDS = ANCHOR_WORDS | frozenset(w[2:] for w in ANCHOR_WORDS if w.startswith("ال"))
WINDOW_BEFORE, WINDOW_AFTER = 25, 50
TRAILING_MARKS = frozenset(DIACRITICS + TATWEEL)
SINCE = _N("منذ")
FUTURE_CUE = re.compile(_N(r"(?<!\w)(?:سوف|المقرر|يعتزم|تعتزم|سيتم|س[يتن]\w{2,})(?!\w)"))
# Frequent words spelt like "س + imperfect" that are no future verb (years, cars, policy,
# control, Sinai ...; read off SaudiNewsNet's commonest سي/ست/سن words): never a future cue.
NOT_FUTURE = frozenset(_N(w) for w in (
    "سنوات سنين سنتين سنة سنويا سنوي سنوية سيما سياسة سياسي سياسية سياسيا سياسات سياق سياحة سياحي "
    "سياحية سياحيا سيطرة سيطر سيطرت سيطروا سيناء سينما سيناريو سيارة سيارات سيد سيدة سيدات سيدي سيرة "
    "ستة ستين ستون سندات ستار سيول سيولة سيتي ستريت سيادة"
).split())
# Where a sentence ends: a future cue before one of these does not reach a later weekday.
CLAUSE_END = re.compile(r"[.!?؟\n]")
WEEKDAY_CUES = frozenset(_N(w) for w in ("يوم", "في", "منذ", "حتى", "مساء", "صباح", "ليلة", "ظهر", "فجر", "(", ",", "،"))


DAY_SHIFT = {
    _N("أمس الأول"): -2, _N("أول أمس"): -2, _N("أول من أمس"): -2, _N("أمس"): -1, _N("الأمس"): -1,
    _N("البارحة"): -1, _N("اليوم"): 0, _N("الليلة"): 0, _N("غدا"): 1, _N("غد"): 1, _N("الغد"): 1,
    _N("بعد غد"): 2, _N("الليلة الماضية"): -1, _N("الليلة قبل الماضية"): -2,
}
TODAY = _N("اليوم")
FUTURE_REACH_DAYS = 60  # days: a date without year further ahead than this is read in the past
# Named groups and events called after a date: قوى 14 آذار، ثورة 23 يوليو، حركة 6 أبريل
NAME_BEFORE = frozenset(_N(w) for w in ("قوى", "تحالف", "فريق", "حركة", "ثورة", "تيار", "جماعة", "شباب", "انتفاضة", "ائتلاف"))
NOT_TODAY = re.compile(r"\s+" + _N("(?:العالمي|الوطني|الدولي|الأول|الثاني|الثالث|الرابع|الخامس|الأخير|الذي|الموعود|المفتوح)") + r"(?!\w)")
TONIGHT, NIGHT, THE_WEEK, THE_MONTH = _N("الليلة"), _N("ليلة"), _N("الأسبوع"), _N("الشهر")
MONTH_CUES = frozenset(_N(w) for w in ("في", "منذ", "حتى", "خلال", "بحلول", "شهر"))
PM_WORDS = frozenset((_N("م"), _N("مساء")))
FUTURE_WORDS, PAST_WORDS = frozenset(_FUT.split("|")), frozenset(_PAST.split("|"))
