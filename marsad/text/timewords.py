"""Calendar words of Arabic news, in matching form.

Month names in the four naming systems Arabic newspapers use: Egyptian/Gulf
transliterations of the Gregorian names (يناير ... ديسمبر), the Syriac-derived
Levantine and Iraqi names (كانون الثاني ... كانون الأول), the French-derived
Maghrebi names (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت) and the Moroccan
ones (يوليوز، غشت، شتنبر، نونبر، دجنبر); the Hijri months; weekdays;
parts of the day. Source: general knowledge of Arabic usage, written by the
Marsad team.
"""

from __future__ import annotations

from marsad.text.normalize import normalize

__all__ = ["MONTHS", "HIJRI_MONTHS", "WEEKDAYS", "PARTS_OF_DAY", "RELATIVE_MONTH_WORDS"]


def _fold(table: dict[str, int]) -> dict[str, int]:
    return {normalize(k): v for k, v in table.items()}


#: Gregorian month name (matching form, possibly two words) -> month number.
MONTHS: dict[str, int] = _fold({
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
})
#: Hijri month name -> month number (1 = Muharram).
HIJRI_MONTHS: dict[str, int] = _fold({
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
})
#: Weekday name (with article) -> Python weekday (Monday = 0).
WEEKDAYS: dict[str, int] = _fold({
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6,
})
#: Part of day -> representative clock time (hour) used in the ISO value.
PARTS_OF_DAY: dict[str, int] = _fold({
    "فجر": 5, "صباح": 9, "ظهر": 12, "ظهيرة": 12, "عصر": 15, "مساء": 18, "ليلة": 21, "ليل": 21,
})
#: Words after a month or day number that place it relative to the publication month.
RELATIVE_MONTH_WORDS: dict[str, int] = _fold({
    "الجاري": 0, "الحالي": 0, "الماضي": -1, "المنصرم": -1, "الفائت": -1, "المقبل": 1, "القادم": 1,
    "جاري": 0, "حالي": 0,
})
