"""Light stems and verb lemmas for Arabic news words.

The lemma of a verb is its dictionary form, the perfect 3rd person masculine
singular in matching form (:func:`marsad.text.normalize.normalize`): ``قتلوا``,
``يقتل`` and ``قُتل`` all give ``قتل``; ``اغتيلت`` and ``يغتال`` give
``اغتال``; ``يلتقي`` gives ``التقي`` (alef maqsura folded to ya). Verbal nouns of
the derived forms map to their verb (``اغتيال`` -> ``اغتال``, ``استهداف`` ->
``استهدف``). Candidates come from the templates of the verb forms I-X
(Wright, *A Grammar of the Arabic Language*, vol. 1, sections 36-74; Ryding,
*A Reference Grammar of Modern Standard Arabic*, ch. 19-20) and the bundled
verb list picks among them; a word with no listed verb among its candidates
keeps its light stem as lemma.

The light stem removes number, gender and case endings in the manner of
Larkey et al.'s light10 stemmer (2002), keeping the nisba ``ي`` so that
``السورية``/``السوريين`` -> ``سوري``.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.text.lexicon import NO_ARTICLE, known_verbs, known_words
from marsad.text.memo import memo
from marsad.text.normalize import normalize

__all__ = ["light_stem", "verb_lemma", "inflected_verb", "guess_verb", "lemma_of_norm", "noun_lemma", "verb_candidates"]

_PERF_SUFFIXES = ("تما", "تم", "تن", "نا", "وا", "تا", "ت", "ا", "ن", "و", "")
_IMPF_SUFFIXES = ("ون", "ين", "ان", "وا", "", "ن", "ا", "و")


def _by_last_letter(suffixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Map a word's last letter to the suffixes (in their order, ``""`` included) it could end in."""
    return {s[-1]: tuple(x for x in suffixes if not x or x[-1] == s[-1]) for s in suffixes if s}


_PERF_BY_LAST = _by_last_letter(_PERF_SUFFIXES)
_IMPF_BY_LAST = _by_last_letter(_IMPF_SUFFIXES)
_NO_SUFFIX = ("",)
# Verbal nouns whose verb cannot be read off a derived-form template.
_IRREGULAR = {
    normalize(k): normalize(v)
    for k, v in {
        "مقتل": "قتل", "هجوم": "هجم", "هجمة": "هجم", "قتال": "قاتل", "لقاء": "التقى",
        "زيارة": "زار", "دعوة": "دعا", "إدانة": "أدان", "مظاهرة": "تظاهر",
        "تظاهرة": "تظاهر", "احتجاج": "احتج", "إصابة": "أصاب", "وفاة": "توفي",
        "مقاتلة": "قاتل", "محاربة": "حارب", "مهاجمة": "هاجم", "مطالبة": "طالب",
        "مواجهة": "واجه", "مشاركة": "شارك", "مساعدة": "ساعد", "موافقة": "وافق",
        "رفض": "رفض", "قصف": "قصف", "ضربة": "ضرب", "غارة": "أغار", "اعتداء": "اعتدى",
        "اشتباك": "اشتبك", "تفجير": "فجر", "انفجار": "انفجر", "اختطاف": "اختطف",
        "خطف": "خطف", "إعدام": "أعدم", "سيطرة": "سيطر", "حصار": "حاصر",
        "اقتحام": "اقتحم", "إطلاق": "أطلق", "استقالة": "استقال", "تهديد": "هدد",
        "تحذير": "حذر", "اتهام": "اتهم", "قرار": "قرر", "حرب": "حارب",
        "يرى": "رأى", "ترى": "رأى", "نرى": "رأى", "يرون": "رأى", "ترون": "رأى", "يريان": "رأى",
        "رأت": "رأى", "رأوا": "رأى",
    }.items()
}
_PLURALS = {
    normalize(k): normalize(v)
    for k, v in {
        "قتلى": "قتيل", "جرحى": "جريح", "أشخاص": "شخص", "جنود": "جندي", "صواريخ": "صاروخ",
        "قذائف": "قذيفة", "أطفال": "طفل", "نساء": "امرأة", "رجال": "رجل", "عناصر": "عنصر",
        "أسرى": "أسير", "معتقلين": "معتقل", "مسلحين": "مسلح", "ضحايا": "ضحية",
        "شهداء": "شهيد", "مواطنين": "مواطن", "مدنيين": "مدني", "مدنيون": "مدني",
        "مقاتلين": "مقاتل", "مقاتلون": "مقاتل", "إرهابيين": "إرهابي", "متظاهرين": "متظاهر",
        "متظاهرون": "متظاهر", "مصابين": "مصاب", "مصابون": "مصاب", "غارات": "غارة",
        "طائرات": "طائرة", "دبابات": "دبابة", "عبوات": "عبوة", "سيارات": "سيارة",
        "منازل": "منزل", "قرى": "قرية", "مدن": "مدينة", "دول": "دولة", "مواقع": "موقع",
        "أشهر": "شهر", "شهور": "شهر", "أيام": "يوم", "سنوات": "سنة", "أعوام": "عام",
        "ساعات": "ساعة", "أسابيع": "أسبوع", "دقائق": "دقيقة", "ملايين": "مليون",
        "آلاف": "ألف", "مئات": "مئة", "عشرات": "عشرة", "أفواج": "فوج", "ألوية": "لواء",
        "كتائب": "كتيبة", "رهائن": "رهينة", "لاجئين": "لاجئ", "لاجئون": "لاجئ",
        "نازحين": "نازح", "أمتار": "متر", "كيلومترات": "كيلومتر", "دولارات": "دولار",
        "مسؤولين": "مسؤول", "ضباط": "ضابط", "أفراد": "فرد", "طلاب": "طالب",
        "قوارب": "قارب", "سفن": "سفينة", "مروحيات": "مروحية", "براميل": "برميل",
        "انتحاريين": "انتحاري", "جريحا": "جريح", "قتيلا": "قتيل",
    }.items()
}


#: Endings the light stem removes, in the order tried: (ending, replacement, letters that must remain).
#: The nisba endings keep their ي (السوريين -> سوري); after Larkey et al.'s light10 (2002).
_STEM_ENDINGS = (
    ("يات", "ي", 2), ("يين", "ي", 2), ("يون", "ي", 2), ("يه", "ي", 2),
    ("تين", "", 3), ("ات", "", 3), ("ون", "", 3), ("ين", "", 3), ("ه", "", 3), ("ا", "", 3),
)
#: The endings by their last letter, in the same order: a word is tested only against those it can end in.
_STEM_ENDINGS_BY_LAST = {e[0][-1]: tuple(x for x in _STEM_ENDINGS if x[0][-1] == e[0][-1]) for e in _STEM_ENDINGS}


def light_stem(norm: str) -> str:
    """Return the light stem of a matching-form word without clitics.

    Parameters
    ----------
    norm : str
        A word in matching form, clitics already removed (``"السوريين"`` is
        fine: a leading article is removed too).

    Returns
    -------
    str
        The word less one plural, dual, feminine or accusative ending;
        listed words (``لبنان``, ``روسيا``) are returned unchanged.

    Examples
    --------
    >>> light_stem("مدنيين"), light_stem("السوريه"), light_stem("صاروخا")
    ('مدني', 'سوري', 'صاروخ')
    """
    return _light_stem(norm)


@memo(100_000)
def _light_stem(w: str) -> str:
    known = known_words()
    if w.startswith("ال") and len(w) > 4 and w not in NO_ARTICLE:
        w = w[2:]
    if len(w) <= 3:
        return w
    out = w
    for suf, rep, rest in _STEM_ENDINGS_BY_LAST.get(w[-1], ()):
        if w.endswith(suf) and len(w) - len(suf) >= rest:
            out = w[: -len(suf)] + rep
            break
    if out != w and w in known and out not in known:
        return w  # a listed word that only looks inflected: لبنان, روسيا
    return out


def verb_candidates(norm: str) -> list[str]:
    """Return candidate verb lemmas of a word, most direct reading first.

    Parameters
    ----------
    norm : str
        A word in matching form without proclitics.

    Returns
    -------
    list of str
        Perfect 3rd person masculine singular forms the word may inflect
        (perfect, then imperfect readings, then verbal-noun templates).
    """
    return list(dict.fromkeys(_candidates(norm)))


def _candidates(s: str, deep: bool = True):
    yield from _shallow_candidates(s)
    if deep:
        yield from _deep_candidates(s)


def _shallow_candidates(s: str):
    """Yield lemma candidates read off perfect and imperfect inflections."""
    yield from _shallow_list(s)


def _shallow_list(s: str) -> list[str]:
    """Return the lemma candidates read off perfect and imperfect inflections, in order.

    A new rule here needs its inverse in :func:`_perfect_bases` or
    :func:`_imperfect_bases` (``tests/text/test_verb_keys.py`` checks them).
    """
    out: list[str] = []
    add = out.append
    if s in _IRREGULAR:
        add(_IRREGULAR[s])
    for suf in _PERF_BY_LAST.get(s[-1:], _NO_SUFFIX):
        if suf and not s.endswith(suf):
            continue
        b = s[: len(s) - len(suf)] if suf else s
        if len(b) < 2:
            continue
        add(b)
        if len(b) >= 3 and b[-2] in "يو":  # hollow passive: اغتيل, قيل
            add(b[:-2] + "ا" + b[-1])
        if len(b) == 4 and b[1] == "و":  # passive of form III: هوجم
            add(b[0] + "ا" + b[2:])
        if suf and suf not in ("ا", "ن"):  # defective verbs lose the final letter
            add(b + "ي")
            add(b + "ا")
        if len(b) == 2:  # hollow with consonant suffix: قلنا
            add(b[0] + "ا" + b[1])
    t = s
    prefixes = "يتن"  # 1st person singular ا only after the future marker: سأقول
    if len(t) >= 4 and t[0] == "س" and t[1] in "يتنا":
        t = t[1:]
        prefixes = "يتنا"
    if len(t) >= 3 and t[0] in prefixes:
        core0 = t[1:]
        for suf in _IMPF_BY_LAST.get(core0[-1:], _NO_SUFFIX):
            if suf and not core0.endswith(suf):
                continue
            c = core0[: len(core0) - len(suf)] if suf else core0
            if len(c) < 2:
                continue
            add(c)
            add("ا" + c)
            if len(c) == 3 and c[1] in "ويا":
                add(c[0] + "ا" + c[2])
                add("ا" + c[0] + "ا" + c[2])
            if len(c) >= 5 and c.startswith("ست") and c[-2] in "وي":
                add("ا" + c[:-2] + "ا" + c[-1])  # hollow form X: يستضيف -> استضاف
            if c[-1] == "و":
                add(c[:-1] + "ا")
            if c[-1] == "ي":
                add("ا" + c)
            add(c + "ي")
            add("ا" + c + "ي")
            if len(c) == 2:
                add("و" + c)
    return out


def _deep_candidates(s: str):
    """Yield lemma candidates read off verbal-noun templates and the light stem."""
    yield from _deep_list(s)


def _deep_list(s: str) -> list[str]:
    """Return the lemma candidates read off verbal-noun templates and the light stem, in order."""
    out = _masdar(s)
    if s.endswith("ات") and len(s) >= 5:  # plural of a verbal noun: تظاهرات, مظاهرات
        base = s[:-2]
        out.append(_IRREGULAR.get(base + "ه", base))
        out += _masdar(base)
    stem = _stem_memo(s)
    if stem != s:
        if stem in _IRREGULAR:
            out.append(_IRREGULAR[stem])
        out.append(stem)
        out += _masdar(stem)
    return out


def _masdar(s: str) -> list[str]:
    """Return the verb candidates of a derived-form verbal noun, in order.

    A new template here needs its inverse in :func:`_masdar_keys`.
    """
    out: list[str] = []
    add = out.append
    n = len(s)
    if n >= 5 and s[-2] == "ا":
        add(s[:-2] + s[-1])  # اعلان, انسحاب, اعتقال, استهداف
        if s[-1] == s[-3]:
            add(s[:-2])  # احتجاج -> احتج
    if n >= 6 and s[3] == "ي" and s[4] == "ا":
        add(s[:3] + "ا" + s[5:])  # اغتيال -> اغتال
    if n >= 5 and s.endswith("اء"):
        add(s[:-2] + "ي")  # التقاء, استدعاء
    if n >= 6 and s.startswith("است") and s.endswith("ه"):
        add(s[:-1])  # استقاله
    if n == 5 and s[0] == "ت" and s[3] == "ي":
        add(s[1:3] + s[4])  # تفجير -> فجر
    if n == 6 and s[0] == "م" and s[2] == "ا" and s[-1] == "ه":
        add(s[1:-1])  # مهاجمه -> هاجم
    return out


def _perfect_bases(v: str) -> list[str]:
    """Return every string ``b`` from which :func:`_shallow_list` derives ``v`` as a perfect (rules inverted)."""
    out = [v]
    if len(v) >= 3 and v[-2] == "ا":
        out += [v[:-2] + "ي" + v[-1], v[:-2] + "و" + v[-1]]  # hollow passive
    if len(v) == 4 and v[1] == "ا":
        out.append(v[0] + "و" + v[2:])  # passive of form III
    if v[-1] in "يا":
        out.append(v[:-1])  # defective verb before a consonant suffix
    if len(v) == 3 and v[1] == "ا":
        out.append(v[0] + v[2])  # hollow verb before a consonant suffix
    return out


def _imperfect_bases(v: str) -> list[str]:
    """Return every string ``c`` from which :func:`_shallow_list` derives ``v`` as an imperfect (rules inverted)."""
    out = [v]
    if v[0] == "ا":
        out.append(v[1:])
        if v[-1] == "ي":
            out.append(v[1:-1])
        if len(v) >= 4 and v[-2] == "ا":
            out += [v[1:-2] + "و" + v[-1], v[1:-2] + "ي" + v[-1]]  # hollow form X and the like
    if len(v) == 3 and v[1] == "ا":
        out += [v[0] + x + v[2] for x in "ويا"]
    if len(v) == 4 and v[0] == "ا" and v[2] == "ا":
        out += [v[1] + x + v[3] for x in "ويا"]
    if v[-1] == "ا":
        out.append(v[:-1] + "و")
    if v[-1] == "ي":
        out.append(v[:-1])
    if v[0] == "و":
        out.append(v[1:])
    return out


def _masdar_keys(v: str) -> list[str]:
    """Return every string whose :func:`_masdar` candidates include ``v`` (rules inverted)."""
    out = [v[:-1] + "ا" + v[-1], v + "ا" + v[-1], v + "ه", "م" + v + "ه"]
    if len(v) >= 4 and v[3] == "ا":
        out.append(v[:3] + "يا" + v[4:])  # اغتيال
    if v[-1] == "ي":
        out.append(v[:-1] + "اء")  # استدعاء
    if len(v) == 3:
        out.append("ت" + v[:2] + "ي" + v[2])  # تفجير
    return out


@lru_cache(maxsize=None)
def _verb_keys() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return the strings that can read as a listed verb: inflections, verbal nouns, deep-reading bases.

    The first set holds every word whose perfect or imperfect reading
    (:func:`_shallow_list`) can yield a verb of ``verbs.txt``, the second
    every word whose verbal-noun templates (:func:`_masdar`) can, the third
    the second plus the verbs and the keys of ``_IRREGULAR`` (what
    :func:`_deep_list` tests a plural base or light stem against). Built
    by running the candidate rules backwards from each verb, and a superset
    of the words that qualify (a word outside them has no listed verb among
    its candidates, so :func:`inflected_verb` and :func:`verb_lemma` answer
    None without building the candidates). About 50,000 strings, built in
    some 20 ms.
    """
    verbs = known_verbs()
    shallow = set(_IRREGULAR)
    masdar: set[str] = set()
    for v in verbs:
        for b in _perfect_bases(v):
            shallow.update(b + suf for suf in _PERF_SUFFIXES)
        for c in _imperfect_bases(v):
            for suf in _IMPF_SUFFIXES:
                for p in "يتنا":
                    shallow.add(p + c + suf)
                    shallow.add("س" + p + c + suf)
        masdar.update(_masdar_keys(v))
    return frozenset(shallow), frozenset(masdar), frozenset(masdar | verbs | set(_IRREGULAR))


@memo(200_000)
def verb_lemma(norm: str) -> str | None:
    """Return the listed verb this word inflects, or None.

    Parameters
    ----------
    norm : str
        A word in matching form without proclitics.

    Returns
    -------
    str or None
        The first candidate of :func:`verb_candidates` found in the bundled
        verb list (``marsad/text/data/verbs.txt``).
    """
    shallow, masdar, deep = _verb_keys()
    if norm in shallow:
        lemma = _inflected_memo(norm)  # the same candidates come first, memoised
        if lemma is not None:
            return lemma
    if not (
        norm in masdar
        or _stem_memo(norm) in deep  # the light stem is the word itself or itself a verb, verbal noun or base
        or (norm.endswith("ات") and (norm[:-2] in deep or norm[:-2] + "ه" in _IRREGULAR))
    ):
        return None  # no verbal-noun reading can give a listed verb (most words)
    verbs = known_verbs()
    cands = _deep_list(norm)
    if verbs.isdisjoint(cands):
        return None
    for cand in cands:
        if cand in verbs:
            return cand
    return None


@memo(200_000)
def inflected_verb(norm: str) -> str | None:
    """Return the listed verb of which ``norm`` is an inflected form (no verbal nouns), or None.

    Parameters
    ----------
    norm : str
        A word in matching form without clitics.

    Returns
    -------
    str or None
        Like :func:`verb_lemma` but reading only perfect and imperfect
        inflections, so ``قتله`` (verb + pronoun) and ``اغتيال`` give None.
    """
    verbs = known_verbs()
    if norm in verbs:
        return norm
    if norm not in _verb_keys()[0]:
        return None  # no perfect or imperfect reading gives a listed verb (most words)
    cands = _shallow_list(norm)
    if verbs.isdisjoint(cands):
        return None  # the usual case, decided without a Python loop
    for cand in cands:
        if cand in verbs:
            return cand
    return None


def guess_verb(s: str) -> str | None:
    """Guess the perfect of an unlisted verb form from its affixes alone.

    Parameters
    ----------
    s : str
        A word in matching form without clitics.

    Returns
    -------
    str or None
        ``يحطمون`` -> ``حطم``, ``ينتزع`` -> ``انتزع``, ``اجتاحت`` -> ``اجتاح``,
        ``اجتياح`` -> ``اجتاح``; None when no verbal affix or derived-form
        verbal noun is visible. Form IV imperfects lose their alef
        (``يغرق`` -> ``غرق``), which no rule without a lexicon can restore.
    """
    n = len(s)
    if n >= 4 and s[0] in "يت":
        core = s[1:]
        if core[-1] in "نا":  # the only last letters of the endings below
            for suf in ("ون", "ين", "ان", "وا"):
                if core.endswith(suf) and len(core) - 2 >= 3:
                    core = core[:-2]
                    break
        if core.startswith("ست") and len(core) >= 5:
            return "ا" + core
        if len(core) == 4 and (core[1] == "ت" or core[0] == "ن"):
            return "ا" + core
        return core
    if s[-1:] in ("ا", "ت"):  # the only last letters of the endings below
        for suf in ("وا", "تا", "ت"):
            if s.endswith(suf) and n - len(suf) >= 3 and not s.endswith("ات"):
                return s[: -len(suf)]
    if n == 6 and s[0] == "ا" and s[2] == "ت" and s[4] == "ا":
        return s[:4] + s[5]  # انتزاع -> انتزع
    if n == 6 and s[0] == "ا" and s[2] == "ت" and s[3] == "ي" and s[4] == "ا":
        return s[:3] + "ا" + s[5]  # اجتياح -> اجتاح
    if n == 5 and s[0] == "ا" and s[2] != "ت" and s[3] == "ا":
        return s[:3] + s[4]  # اغراق -> اغرق
    return None


@memo(200_000)
def lemma_of_norm(norm: str) -> str:
    """Return the lemma of a clitic-free matching-form word.

    Parameters
    ----------
    norm : str
        A word in matching form without clitics.

    Returns
    -------
    str
        Its verb lemma when it inflects a listed verb; for a word that is
        not a listed word, the guess of :func:`guess_verb`; else its light
        stem.
    """
    lemma = _verb_memo(norm)
    if lemma is not None:
        return lemma
    if norm not in known_words() and norm not in _PLURALS:
        guess = guess_verb(norm)
        if guess is not None:
            return guess
    return _stem_memo(norm)


@memo(100_000)
def noun_lemma(norm: str) -> str:
    """Return the singular lemma of a counted noun, in matching form.

    Parameters
    ----------
    norm : str
        A noun in matching form (article and clitics allowed to remain on a
        leading ``ال``).

    Returns
    -------
    str
        Broken and sound plurals, duals and accusative forms mapped to the
        singular: ``قتلى``/``قتيلا``/``قتيلان`` -> ``قتيل``, ``مدنيين`` -> ``مدني``,
        ``صواريخ``/``صاروخا`` -> ``صاروخ``, ``غارات`` -> ``غاره``.
    """
    w = norm[2:] if norm.startswith("ال") and len(norm) > 4 else norm
    if w in _PLURALS:
        return _PLURALS[w]
    for suf in ("تان", "تين"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)] + "ه"
    for suf in ("يين", "يون", "يان"):
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            return w[: -len(suf)] + "ي"
    for suf in ("ين", "ون", "ان", "ا"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            base = w[: -len(suf)]
            return _PLURALS.get(base, base)
    if w.endswith("ات") and len(w) >= 5:
        base = w[:-2]
        known = known_words()
        if base + "ه" in known:
            return base + "ه"
        if base in known or base[-2] == "ا":
            return base  # verbal nouns: انفجارات -> انفجار, اعتقالات -> اعتقال
        return base + "ه"
    return w


# The memos' own look-ups: a hit costs no Python call (see marsad.text.memo).
_stem_memo = _light_stem.lookup
_verb_memo = verb_lemma.lookup
_inflected_memo = inflected_verb.lookup
_lemma_memo = lemma_of_norm.lookup
_noun_memo = noun_lemma.lookup
