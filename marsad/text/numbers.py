"""Numbers and counted amounts in Arabic news text.

Finds digit numbers (``1,300``, ``١٣٠٠``, ``1.5``, ``2٫5``), number words in
every gender and case (``واحد`` ... ``تسعة عشر``, ``عشرون/عشرين``,
``مئة/مائة``, ``ألف/آلاف``, ``مليون``, ``مليار``) and their compounds
(``خمسة وعشرين ألفا`` = 25000, ``25 ألف`` = 25000), duals of countable nouns
(``قتيلان`` = 2, ``جنديين`` = 2), fractions of a stated whole (``ثلثهم`` after
1300 = 433), vague plurals (``عشرات``, ``مئات``, ``آلاف``: value ``None``,
qualifier ``"min"``; their lower bounds 20, 200, 2000 are documented in
``docs/text.md`` but not reported), and qualifiers (``نحو/حوالي/قرابة`` =
approx; ``أكثر من/ما لا يقل عن/على الأقل`` = min; ``أقل من/حتى`` = max).
The counted noun after the number is attached as a singular lemma
(:func:`marsad.text.morph.noun_lemma`). Number grammar after Ryding,
*A Reference Grammar of Modern Standard Arabic* (2005), ch. 15.
Numbers that are part of dates or clock times (``30 أكتوبر``,
``13 الجاري``, ``21/11/2015``, ``09:59``, ``في عام 2007``) are left to
:mod:`marsad.text.times`.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.doc import Quantity, Token
from marsad.text.morph import _noun_memo, _verb_memo
from marsad.text.normalize import normalize
from marsad.text.timewords import HIJRI_MONTHS, MONTHS, RELATIVE_MONTH_WORDS

__all__ = ["find_quantities", "parse_number", "NUMBER_WORDS", "SCALES", "QUANTITY_TRIGGERS"]


def _table(pairs: dict[str, float]) -> dict[str, float]:
    return {normalize(k): v for k, v in pairs.items()}


_UNITS = {
    1: "واحد واحدة أحد إحدى واحدا",
    2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي",
    3: "ثلاث ثلاثة",
    4: "أربع أربعة",
    5: "خمس خمسة",
    6: "ست ستة",
    7: "سبع سبعة",
    8: "ثمان ثماني ثمانية",
    9: "تسع تسعة",
    10: "عشر عشرة",
    20: "عشرون عشرين",
    30: "ثلاثون ثلاثين",
    40: "أربعون أربعين",
    50: "خمسون خمسين",
    60: "ستون ستين",
    70: "سبعون سبعين",
    80: "ثمانون ثمانين",
    90: "تسعون تسعين",
    100: "مئة مائة مئه مائه",
    200: "مئتان مئتين مائتان مائتين مئتا مائتا مئتي مائتي",
    300: "ثلاثمئة ثلاثمائة",
    400: "أربعمئة أربعمائة",
    500: "خمسمئة خمسمائة",
    600: "ستمئة ستمائة",
    700: "سبعمئة سبعمائة",
    800: "ثمانمئة ثمانمائة ثمانيمئة",
    900: "تسعمئة تسعمائة",
    2000: "ألفان ألفين ألفا_dual",
    2_000_000: "مليونان مليونين مليوني",
    2_000_000_000: "ملياران مليارين",
}
#: Matching form of each number word -> value.
NUMBER_WORDS: dict[str, float] = {}
for _v, _words in _UNITS.items():
    for _w in _words.split():
        if not _w.endswith("_dual"):
            NUMBER_WORDS[normalize(_w)] = float(_v)
#: Multiplying words -> factor (``ألف``, ``آلاف``, ``مليون``...).
SCALES = _table({
    "ألف": 1e3, "ألفا": 1e3, "آلاف": 1e3, "الاف": 1e3,
    "مليون": 1e6, "مليونا": 1e6, "ملايين": 1e6,
    "مليار": 1e9, "مليارا": 1e9, "مليارات": 1e9, "بليون": 1e9,
})
_VAGUE = _table({"عشرات": 20, "مئات": 200, "آلاف": 2000, "ألوف": 2000, "ملايين": 2e6, "عدة": 3, "بضعة": 3, "بضع": 3})
_FRACTIONS = _table({"نصف": 0.5, "ثلث": 1 / 3, "ربع": 0.25, "ثلثا": 2 / 3, "ثلثي": 2 / 3, "خمس": 0.2, "عشر": 0.1})
_APPROX_BEFORE_W = ((
    "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "ما يناهز", "يقارب", "يناهز", "قرابه",
    "ما يقرب من", "تقريبا", "أكثر أو أقل"))
_MIN_BEFORE_W = ((
    "أكثر من", "ما لا يقل عن", "لا يقل عن", "ما يزيد على", "ما يزيد عن", "يزيد على", "يزيد عن",
    "أزيد من", "ما يربو على", "يربو على", "أكثر من"))
_MAX_BEFORE_W = ((
    "أقل من", "حتى", "ما لا يزيد على", "ما لا يزيد عن", "لا يزيد عن", "لا يتجاوز", "دون"))
_MIN_AFTER_W = ("على الأقل", "على أقل تقدير", "وأكثر", "فأكثر")
_APPROX_AFTER_W = ("تقريبا", "أو نحو ذلك")


@lru_cache(maxsize=None)
def _seqs(name: str) -> list[tuple[str, ...]]:
    """Token-norm sequences of a qualifier list, segmented like the text."""
    from marsad.text.tokenize import tokenize

    return [tuple(t.norm for t in tokenize(w)) for w in globals()[name]]
#: Singular nouns whose dual (ان/ين, تان/تين) is read as the number 2.
DUAL_NOUNS = frozenset(normalize(w) for w in (
    "قتيل", "جريح", "شخص", "جندي", "طفل", "صاروخ", "طائرة", "غارة", "سيارة", "رجل", "شرطي",
    "عنصر", "قذيفة", "عبوة", "ضابط", "امرأة", "شقيق", "يوم", "شهر", "عام", "سنة", "ساعة",
    "أسبوع", "سجين", "طفلة", "فتاة", "شاب",
    "مروحية", "دبابة", "زورق", "سفينة", "بلد", "دولة", "مدينة", "قرية",
))
_PRONOUNS = frozenset(("ه", "ها", "هم", "هما", "هن"))
_STOP_NOUNS = frozenset(normalize(w) for w in (
    "من", "في", "على", "إلى", "عن", "مع", "أو", "و", "ثم", "حتى", "منذ", "خلال", "بعد", "قبل",
    "الماضي", "المقبل", "القادم", "الجاري", "الحالي", "أن", "إن", "ما", "لا", "قد", "هم", "هي",
))
_YEAR_CUES = frozenset(normalize(w) for w in (
    "عام", "العام", "سنة", "السنة", "منذ", "في", "حتى", "خلال", "مطلع", "أواخر", "أوائل", "نهاية",
    "بداية", "منتصف", "ربيع", "صيف", "خريف", "شتاء", "عامي", "عامَي", "الفترة", "موسم",
))
_DATE_AFTER = frozenset(MONTHS) | frozenset(w.split()[0] for w in HIJRI_MONTHS) | frozenset(RELATIVE_MONTH_WORDS) | {normalize(w) for w in ("هـ", "ه", "م", "ميلادية", "هجرية")}


def _dual_forms() -> dict[str, str]:
    out = {}
    for base in DUAL_NOUNS:
        if base.endswith("ه"):
            out[base[:-1] + "تان"] = out[base[:-1] + "تين"] = base
        else:
            out[base + "ان"] = out[base + "ين"] = base
    return out


_DUALS = _dual_forms()
#: Token norms a quantity can start from (besides number tokens).
QUANTITY_TRIGGERS = frozenset(NUMBER_WORDS) | frozenset(SCALES) | frozenset(_VAGUE) | frozenset(_DUALS) | frozenset(
    f + p for f in _FRACTIONS for p in ("", "ه", "ها", "هم", "هما", "هن")
)


_HALF_QUARTER = _table({"نصف": 0.5, "ربع": 0.25})
_ONE_OF = frozenset(normalize(w) for w in ("أحد", "إحدى"))
_TEN_WORDS = frozenset(normalize(w) for w in ("عشر", "عشرة"))


def parse_number(s: str) -> float | None:
    """Return the value of one number written in digits or as one word.

    Parameters
    ----------
    s : str
        ``"1,300"``, ``"١٣٠٠"``, ``"1.5"``, ``"2.000"`` (dot before exactly
        three digits read as a thousands separator), ``"خمسة"``, ``"عشرين"``.

    Returns
    -------
    float or None
        The value; None when ``s`` is neither.

    Examples
    --------
    >>> parse_number("١٬٣٠٠"), parse_number("2٫5"), parse_number("عشرين")
    (1300.0, 2.5, 20.0)
    """
    n = normalize(s.strip())
    if n in NUMBER_WORDS:
        return NUMBER_WORDS[n]
    if not n or not n[0].isdigit():
        return None
    digits = n
    if "," in digits:
        head, *groups = digits.split(",")
        if all(len(g) == 3 for g in groups):
            digits = head + "".join(groups)
        elif len(groups) == 1:
            digits = head + "." + groups[0]
        else:
            return None
    if digits.count(".") > 1 and all(len(g) == 3 for g in digits.split(".")[1:]):
        digits = digits.replace(".", "")
    elif digits.count(".") == 1:
        head, tail = digits.split(".")
        if len(tail) == 3 and len(head) <= 3 and head != "0":
            digits = head + tail
    try:
        return float(digits)
    except ValueError:
        return None


def _match_seq(tokens: list[Token], i: int, name: str, before: bool) -> int:
    """Length of the longest sequence of list ``name`` ending just before (or starting at) ``i``."""
    if before:
        if i == 0:
            return 0
        seqs = _seq_index(name, True).get(tokens[i - 1].norm)
    else:
        if i >= len(tokens):
            return 0
        seqs = _seq_index(name, False).get(tokens[i].norm)
    best = 0
    for seq in seqs or ():
        k = len(seq)
        window = tokens[i - k:i] if before else tokens[i:i + k]
        if len(window) == k and (not before or i - k >= 0) and all(t.norm == w for t, w in zip(window, seq)):
            best = max(best, k)
    return best


def _load_qualifiers() -> None:
    """Build the qualifier look-up tables now instead of at the first quantity (for ``TextStage.initialize``)."""
    for name in ("_MIN_BEFORE_W", "_APPROX_BEFORE_W", "_MAX_BEFORE_W"):
        _seq_index(name, True)
    for name in ("_MIN_AFTER_W", "_APPROX_AFTER_W"):
        _seq_index(name, False)


@lru_cache(maxsize=None)
def _seq_index(name: str, by_last: bool) -> dict[str, list[tuple[str, ...]]]:
    """The sequences of list ``name`` keyed by their last (or first) token norm."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in _seqs(name):
        out.setdefault(seq[-1] if by_last else seq[0], []).append(seq)
    return out


def find_quantities(text: str, tokens: list[Token] | None = None) -> list[Quantity]:
    """Find numbers and counted amounts in ``text``.

    Parameters
    ----------
    text : str
        The text the offsets refer to.
    tokens : list of Token, optional
        ``tokenize(text)``, when already computed.

    Returns
    -------
    list of Quantity
        In text order. ``text``/``start``/``end`` cover qualifier, number and
        counted noun (and a trailing ``على الأقل``); ``value`` is a float
        (``None`` for vague plurals and fractions without a whole); ``noun``
        is the singular lemma in matching form (``"قتيل"``, ``"شخص"``,
        ``"مدني"``, ``"صاروخ"``, ``"غاره"``) with its own offsets.

    Raises
    ------
    TypeError
        If ``text`` is not a string.

    Examples
    --------
    >>> q = find_quantities("قتل 14 مدنياً على الأقل")[0]
    >>> (q.value, q.qualifier, q.noun)
    (14.0, 'min', 'مدني')
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quantities expects str, got {type(text).__name__}")
    if tokens is None:
        from marsad.text.tokenize import tokenize

        tokens = tokenize(text)
    triggers = QUANTITY_TRIGGERS
    return _find_quantities(text, tokens, [i for i, t in enumerate(tokens) if t.norm in triggers or t.kind == "number"])


def _find_quantities(text: str, tokens: list[Token], candidates: list[int]) -> list[Quantity]:
    """:func:`find_quantities` given the indices of the number and trigger tokens, in order."""
    out: list[Quantity] = []
    done = 0  # tokens before this index are already part of a quantity
    for i in candidates:
        if i < done:
            continue
        tok = tokens[i]
        if tok.kind == "number" or (
            tok.kind == "word" and (tok.norm in NUMBER_WORDS or tok.norm in SCALES) and not (i and tokens[i - 1].norm == "ال")
        ):
            j, value = _read_number(tokens, i)
            if value is not None:
                if not _is_date_or_time(text, tokens, i, j, value):
                    out.append(_finish(text, tokens, i, j, value, "exact"))
                done = max(j, i + 1)
                continue
        if tok.kind == "word":
            q = _vague(text, tokens, i) or _dual(text, tokens, i) or _fraction(text, tokens, i, out)
            if q is not None:
                out.append(q)
    return out


def _read_number(tokens: list[Token], i: int) -> tuple[int, float | None]:
    """Read a number phrase from token ``i``; return (end index, value)."""
    n = len(tokens)
    total = 0.0
    current = 0.0
    j = i
    seen = False
    last_scale = 0.0
    while j < n:
        t = tokens[j]
        v = None
        if t.kind == "number":
            if seen and not (tokens[j - 1].norm == "و"):
                break
            v = parse_number(t.text)
            if v is None:
                break
            current += v
        elif t.kind == "word" and t.norm in NUMBER_WORDS:
            v = NUMBER_WORDS[t.norm]
            if t.norm in _ONE_OF and not (j + 1 < n and tokens[j + 1].norm in _TEN_WORDS):
                break  # أحد/إحدى: "one of", not a count, unless a teen (أحد عشر)
            prev_num = j > i and tokens[j - 1].kind == "number"
            if prev_num and v == parse_number(tokens[j - 1].text):
                j += 1  # "4 أربعة": the word restates the digits
                seen = True
                continue
            if seen and tokens[j - 1].kind == "number":
                break
            if v == 10 and t.norm == normalize("عشر") or (v == 10 and current and current < 10):
                current += 10  # teens: ثلاثة عشر
            elif v in (100.0,) and current and current < 10:
                current *= 100
            else:
                current += v
        elif t.kind == "word" and t.norm in SCALES and (seen or t.norm not in _VAGUE):
            last_scale = SCALES[t.norm]
            total += (current or 1.0) * last_scale
            current = 0.0
        elif (
            t.norm == "و" and seen and last_scale and j + 1 < n and tokens[j + 1].norm in _HALF_QUARTER
            and tokens[j + 1].word_index == t.word_index
        ):
            total += last_scale * _HALF_QUARTER[tokens[j + 1].norm]  # مليون ونصف, ألف وربع
            j += 2
            break
        elif t.norm == "و" and seen and j + 1 < n and (
            tokens[j + 1].kind == "number" or tokens[j + 1].norm in NUMBER_WORDS
        ) and tokens[j + 1].word_index == t.word_index:
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return i + 1, None
    return j, total + current


def _is_date_or_time(text: str, tokens: list[Token], i: int, j: int, value: float) -> bool:
    tok = tokens[i]
    before = text[max(0, tok.start - 1):tok.start]
    after = text[tokens[j - 1].end:tokens[j - 1].end + 1]
    if before in "/:-" and before or after in ("/", ":"):
        return True
    k = j + 1 if j < len(tokens) and tokens[j].norm == "ال" else j
    if k < len(tokens) and tokens[k].norm in _DATE_AFTER:
        return True
    if tok.kind == "number" and len(tok.text) == 4 and 1300 <= value <= 2100 and value == int(value):
        prev = tokens[i - 1].norm if i else ""
        if prev in _YEAR_CUES or prev in MONTHS or j >= len(tokens) or tokens[j].kind != "word":
            return True
        if any(t.norm in MONTHS for t in tokens[max(0, i - 5):i]):
            return True  # نوفمبر (تشرين الثاني) 2005
        if _verb_memo(tokens[j].norm) is not None or tokens[j].norm in _STOP_NOUNS:
            return True
    return False


def _finish(text: str, tokens: list[Token], i: int, j: int, value: float, qualifier: str) -> Quantity:
    start_i = i
    for name, qual in (("_MIN_BEFORE_W", "min"), ("_APPROX_BEFORE_W", "approx"), ("_MAX_BEFORE_W", "max")):
        k = _match_seq(tokens, i, name, before=True)
        if k:
            qualifier = qual
            start_i = i - k
            break
    end_i = j
    noun = noun_start = noun_end = None
    k = j
    if k < len(tokens) and tokens[k].norm == "من" and k + 2 < len(tokens) and tokens[k + 1].norm == "ال":
        k += 2  # partitive: 20 من الجنود
    if k < len(tokens) and not (
        k + 1 < len(tokens) and tokens[k + 1].kind == "enclitic" and tokens[k + 1].word_index == tokens[k].word_index
    ):
        t = tokens[k]
        if t.kind == "word" and t.norm not in _STOP_NOUNS and _nounish(t) and t.word_index == tokens[k - 1].word_index + 1 or (
            k < len(tokens) and t.kind == "word" and tokens[k - 1].norm == "ال" and _nounish(t)
        ):
            noun = _noun_memo(t.norm)
            noun_start, noun_end = t.start, t.end
            end_i = k + 1
        elif t.norm == "%" or t.text == "٪":
            noun, noun_start, noun_end, end_i = "%", t.start, t.end, k + 1
    for name, qual in (("_MIN_AFTER_W", "min"), ("_APPROX_AFTER_W", "approx")):
        m = _match_seq(tokens, end_i, name, before=False)
        if m:
            if qualifier == "exact":
                qualifier = qual
            end_i += m
            break
    start, end = tokens[start_i].start, tokens[end_i - 1].end
    return Quantity(text[start:end], start, end, value, qualifier, noun, noun_start, noun_end)


def _nounish(t: Token) -> bool:
    if t.norm in NUMBER_WORDS or t.norm in SCALES or t.norm in MONTHS:
        return False
    if len(t.norm) >= 5 and t.norm.endswith("ات"):
        return True  # sound feminine plural: انفجارات, غارات
    v = _verb_memo(t.norm)
    return v is None or v == t.lemma and t.norm[0] not in "يتن" and not t.norm.endswith(("وا", "ت"))


def _vague(text: str, tokens: list[Token], i: int) -> Quantity | None:
    t = tokens[i]
    if t.norm not in _VAGUE:
        return None
    if i and (tokens[i - 1].kind == "number" or tokens[i - 1].norm in NUMBER_WORDS):
        return None
    j = i + 1
    while j < len(tokens) and (tokens[j].norm in _VAGUE or tokens[j].norm == "ال"):
        j += 1  # عشرات الآلاف
    if j >= len(tokens) or tokens[j].kind != "word" or not _nounish(tokens[j]):
        return None
    q = _finish(text, tokens, i, j, 0.0, "min")
    q.value = None
    if q.qualifier in ("exact", "approx"):
        q.qualifier = "min" if q.qualifier == "exact" else q.qualifier
    return q


def _dual(text: str, tokens: list[Token], i: int) -> Quantity | None:
    t = tokens[i]
    base = _DUALS.get(t.norm)
    if base is None or (i and tokens[i - 1].norm == "ال"):
        return None
    return Quantity(t.text, t.start, t.end, 2.0, "exact", base, t.start, t.end)


def _fraction(text: str, tokens: list[Token], i: int, found: list[Quantity]) -> Quantity | None:
    t = tokens[i]
    frac = t.norm if t.norm in _FRACTIONS else next((f for f in _FRACTIONS if t.norm.startswith(f) and t.norm[len(f):] in _PRONOUNS), None)
    if frac is None or frac in (normalize("خمس"), normalize("عشر")):
        return None
    if i and tokens[i - 1].norm == "ال":
        return None
    whole = next((q for q in reversed(found) if q.value and t.start - q.end < 120 and "." not in text[q.end:t.start]), None)
    if whole is None:
        return None
    j = i + 1
    end = t.end
    if j < len(tokens) and tokens[j].kind == "enclitic":
        end = tokens[j].end
        j += 1
    noun, ns, ne = whole.noun, None, None
    if j + 2 < len(tokens) and tokens[j].norm == "من" and tokens[j + 1].norm == "ال" and _nounish(tokens[j + 2]):
        noun, ns, ne = _noun_memo(tokens[j + 2].norm), tokens[j + 2].start, tokens[j + 2].end
        end = ne
    value = float(round(whole.value * _FRACTIONS[frac]))
    return Quantity(text[t.start:end], t.start, end, value, "approx", noun, ns, ne)
