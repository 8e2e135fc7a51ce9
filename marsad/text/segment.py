"""Clitic segmentation of one Arabic word, checked against known stems.

A word is read as ``[conj] [prep | future] [article] stem [pronoun]`` with
conjunctions ``و ف``, prepositions ``ب ل ك``, the future marker ``س`` (before
``ي ت ن`` or a written ``أ``), the article ``ال`` (``لل`` after ``ل``) and
pronoun enclitics (``ه ها هم هما هن كم كما نا``; the 2nd person singular
``ك`` occurs in quotes only and is left alone), the segmentation scheme of the
Penn Arabic Treebank (Maamouri et al., 2004) extended to the article. Every
possible reading is scored and the best kept; a split needs a plausible
stem: a bundled known word, a listed verb form that suits the clitic before
it (no verb after ``ب``/``ك``), a noun after the article, a hamza-initial
stem, a derived-form verbal noun, a short ``ة`` noun or ``م``/``ت``-initial
noun after a preposition, or a long remainder after ``و``. Listed words
(``مصر``, ``بلد``, ``والي``) are never split; a final ``ة`` is never a pronoun.
"""

from __future__ import annotations

import re

from marsad.text.lexicon import NO_ARTICLE, known_words, ta_marbuta_words
from marsad.text.memo import memo
from marsad.text.morph import _PLURALS, _inflected_memo, _stem_memo, _verb_keys, _verb_memo
from marsad.text.normalize import _TABLE, _UNEVEN, DIACRITICS, TATWEEL, normalize_with_offsets

__all__ = ["segment_word", "Segment"]

#: A segment: (kind, start, end, norm) with offsets into the surface word.
Segment = tuple[str, int, int, str]

_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه")  # 2nd sg. ك/كِ only in quotes: left out
#: Pronouns by their last letter, in the order of ``_PRONOUNS``.
_PRONOUNS_BY_LAST = {p[-1]: tuple(q for q in _PRONOUNS if q[-1] == p[-1]) for p in _PRONOUNS}
_HAMZA_ALEF = "أإآ"
_CAN_START = frozenset("وفبلكسا")
_MARKS = DIACRITICS + TATWEEL
_IDENTITY = tuple(range(200))  # offsets of a word the matching form keeps letter for letter
_DERIVED_MASDAR = re.compile(r"^(?:ا.ت.ا.|است..ا.|ان..ا.|ا..ا.)$")
#: Prepositions and particles that take a pronoun: عليهم -> على + هم, إنه -> إن + ه.
_PREP_STEMS = frozenset((
    "من", "في", "عن", "مع", "ان", "لدي", "علي", "الي", "بين", "لكن", "حول", "عند", "دون", "ضد", "امام",
    "خلال", "بعد", "قبل", "مثل", "لعل", "ليت",
))


def _known(s: str) -> bool:
    words = known_words()
    return s in words or s in _PLURALS or _stem_memo(s) in words


def _stem_score(
    stem: str, first_surface: str, has_article: bool, last: str, ta_final: bool = False, before_article: str = ""
) -> float:
    """Score how plausible ``stem`` is as the core of a segmented word.

    ``last`` is the proclitic right before the stem (``""`` when none);
    ``before_article`` the one before the article, if any.
    """
    if len(stem) < 2:
        return 0.0
    if stem in NO_ARTICLE and has_article:
        return 0.0
    if (
        not has_article and stem.startswith("ال") and len(stem) >= 4 and stem not in NO_ARTICLE
        and first_surface not in _HAMZA_ALEF
    ):
        return 0.0  # the article must be split off (ألوان is no article word)
    if _known(stem) or _verb_fits(stem, last):
        return 3.0
    if has_article:
        if before_article in ("ك", "ف"):
            return 0.0  # كاليفورنيا, فالنسيا: an unknown stem after كال/فال is a name
        return 2.0 if (len(stem) >= 3 or not before_article) else 0.0
    if not last:
        return 1.0
    if first_surface in _HAMZA_ALEF and len(stem) >= 3:
        return 2.0
    if last in "بلك" and len(stem) >= 4 and stem[0] in "مت":
        return 1.5
    if _DERIVED_MASDAR.match(stem) and not stem.endswith("ات"):
        return 2.0  # اهتمام, استعداد, انسحاب after a preposition
    if last in "بل" and ta_final and 3 <= len(stem) <= 5:
        return 1.5  # بنسبة, لمدة, بزيادة: short nouns in ة after a preposition (not برشلونة)
    return 0.0


def _verb_fits(stem: str, last: str) -> bool:
    """True when a reading of ``stem`` as a listed verb or verbal noun suits the clitic before it."""
    if _verb_memo(stem) is None or _future_verb(stem):
        return False
    if last in ("", "و", "ف", "س"):
        return True
    inflected = _inflected_memo(stem)
    if inflected is None or (inflected == stem and len(stem) == 3):
        return True  # a verbal noun: بدعم, لقتل, باستهداف
    return last == "ل" and stem[0] in "يتن"  # ل before an imperfect: ليقتل


def _future_verb(stem: str) -> bool:
    """True for سيفعل-type words: the future marker must be split off."""
    return len(stem) > 3 and stem[0] == "س" and stem[1] in "يتنا" and _inflected_memo(stem[1:]) is not None


@memo(300_000)
def segment_word(word: str) -> tuple[Segment, ...]:
    """Split one surface word into clitics and stem.

    Parameters
    ----------
    word : str
        One run of Arabic letters (diacritics and tatweel allowed), as it
        appears in the text.

    Returns
    -------
    tuple of (kind, start, end, norm)
        ``kind`` is ``"proclitic"``, ``"word"`` or ``"enclitic"``; ``start``
        and ``end`` are offsets into ``word`` that tile it; ``norm`` is the
        segment's matching form (the article is ``"ال"`` also when written
        ``ل`` after ``ل``; a stem whose ta marbuta was written ``ت`` before a
        pronoun gets ``ه`` back when the restored word is known).

    Examples
    --------
    >>> [s[3] for s in segment_word("وبموسكو")]
    ['و', 'ب', 'موسكو']
    >>> [s[3] for s in segment_word("قواتها")]
    ['قوات', 'ها']
    """
    if _UNEVEN.search(word) is None and len(word) < len(_IDENTITY):
        norm = word.translate(_TABLE)  # same length: offsets are the identity
        best = _best_split(norm, word, _IDENTITY)
        return tuple(best)  # the segments' offsets are already offsets into the word
    norm, offs = normalize_with_offsets(word)
    n = len(norm)
    if n == 0:
        return (("word", 0, len(word), norm),)
    offs = tuple(offs + [len(word)])
    best = _best_split(norm, word, offs)
    if len(best) == 1:  # unsplit: the one segment is the whole word
        return (("word", 0, len(word), best[0][3]),)
    segs: list[Segment] = []
    for kind, a, b, seg_norm in best:
        segs.append((kind, offs[a] if a else 0, offs[b] if b < n else len(word), seg_norm))
    return tuple(segs)


def _best_split(norm: str, word: str, offs: tuple[int, ...]) -> list[tuple[str, int, int, str]]:
    n = len(norm)
    whole = [("word", 0, n, norm)]
    if n >= 2 and norm[0] in "بلك" and norm[1:] in _PRONOUNS:  # به, له, بها, لهم
        return [("proclitic", 0, 1, norm[0]), ("enclitic", 1, n, norm[1:])]
    if n <= 2:
        return whole
    if norm[0] not in _CAN_START and not norm.endswith(_PRONOUNS):
        return whole  # no clitic can be read off this word
    known = known_words()
    bare_last = word[-1]  # the last letter as written, marks after it skipped
    if bare_last in _MARKS:
        bare_last = word.rstrip(_MARKS)[-1]
    if not (norm.startswith("ال") and norm not in NO_ARTICLE and n > 3):
        hamza_after_clitic = norm[0] in "وفبلك" and word[offs[1]] in _HAMZA_ALEF and norm[1:] in known
        if not hamza_after_clitic and (
            (norm in known and not (bare_last == "ه" and norm in ta_marbuta_words()))
            or (norm[-1] == "ا" and norm[:-1] in known)  # accusative tanween: كبيرًا, بحثا
            or _whole_verb(norm)
        ):
            return whole
    ta_final = bare_last == "ة"
    whole_score = 0.0 if (
        norm.startswith("ال") and n >= 4 and norm not in NO_ARTICLE and word[0] == "ا"
    ) else 1.0
    best, best_key = whole, (whole_score, 0, 0)
    endings = [(n, "")]
    if not ta_final:  # a final ة is never a pronoun
        for p in _PRONOUNS_BY_LAST.get(norm[-1], ()):
            if norm.endswith(p):
                endings.append((n - len(p), p))
    for pre, i, has_article, last, before_article in _prefix_options(norm, word, offs):
        first = word[offs[i]] if i < n else ""
        for end, enc in endings:
            if enc:
                if end - i < 2:
                    continue
            elif not pre:
                continue
            stem = norm[i:end]
            if enc and not pre and len(stem) < 3 and stem not in _PREP_STEMS:
                continue
            if enc:
                score = _enclitic_score(stem, enc, word[offs[end] - 1] if end else "")
                if score and pre:
                    score = min(score, _stem_score(stem, first, has_article, last, False, before_article) or score)
                    score += 0.05  # both ends of the stem are supported: لمخالفتها = ل + مخالفت + ها
            else:
                score = _stem_score(stem, first, has_article, last, ta_final, before_article)
                if not score and pre and pre[0][3] == "و" and len(pre) == 1 and len(stem) >= 4:
                    score = 1.2  # long remainder after the conjunction
            if score <= 1.0:
                continue
            exact = 1 if enc and stem in known else 0  # بدوره: ب + دور + ه, not ب + دوره
            key = (score, exact, -len(pre) - (1 if enc else 0))
            if key > best_key:
                stem_norm = stem
                if enc and stem.endswith("ت") and (stem[:-1] + "ه") in known:
                    stem_norm = stem[:-1] + "ه"
                segs = list(pre) + [("word", i, end, stem_norm)]
                if enc:
                    segs.append(("enclitic", end, n, enc))
                best, best_key = segs, key
    return best


def _whole_verb(norm: str) -> bool:
    """True when the unsplit word is a form of a listed verb (not via ``س``)."""
    if norm not in _verb_keys()[0] or _inflected_memo(norm) is None:  # the key test spares most words a memo entry
        return False
    return not (norm[0] == "س" and len(norm) > 3 and norm[1] in "يتنا" and _inflected_memo(norm[1:]) is not None)


def _prefix_options(norm: str, word: str, offs: tuple[int, ...]) -> list[tuple]:
    """Return the proclitic readings of a word, in the order they are scored.

    Each is ``(pre, i, has_article, last, before_article)``: ``pre`` the
    proclitics as (kind, start, end, norm), ``i`` where the stem starts,
    whether the last proclitic is the article, the norm of the last
    proclitic (``""`` for none) and of the one before the article.
    """
    n = len(norm)
    out: list[tuple] = []
    c0 = norm[0]
    conj_opts: tuple = ((),)
    if c0 in "وف" and n >= 3:
        conj_opts = ((), (("proclitic", 0, 1, c0),))
    for conj in conj_opts:
        i = len(conj)
        c = norm[i] if i < n else ""
        prep = None
        if c in "بك" and n - i >= 3:
            prep = ("proclitic", i, i + 1, c)
        elif c == "ل" and n - i >= 3:
            prep = ("proclitic", i, i + 1, c)
        elif c == "س" and n - i >= 5 and (norm[i + 1] in "يتن" or word[offs[i + 1]] == "أ"):
            prep = ("proclitic", i, i + 1, c)
        for with_prep in ((False, True) if prep else (False,)):
            pre = conj + (prep,) if with_prep else conj
            j = i + 1 if with_prep else i
            out.append((pre, j, False, pre[-1][3] if pre else "", ""))
            if with_prep and c == "ل" and norm.startswith("ل", j) and n - j >= 3:
                out.append((pre + (("proclitic", j, j + 1, "ال"),), j + 1, True, "ال", pre[-1][3]))
            elif (
                norm.startswith("ال", j) and n - j >= 4 and word[offs[j]] == "ا" and not (with_prep and c == "س")
                and norm[j:] not in NO_ARTICLE
            ):
                out.append((pre + (("proclitic", j, j + 2, "ال"),), j + 2, True, "ال", pre[-1][3] if pre else ""))
    return out


def _enclitic_score(stem: str, pronoun: str = "", before: str = "") -> float:
    known = known_words()
    if stem in known or stem in _PLURALS or (stem.endswith("ت") and stem[:-1] + "ه" in known):
        return 3.0
    if len(stem) >= 4 and stem.endswith("ات"):
        return 2.5
    v = _verb_memo(stem)
    if v is not None and v != stem:
        return 2.5  # inflected verb with an object pronoun: قتلوه, يهاجمهم
    if v is not None:
        return 2.0
    if _stem_memo(stem) in known and len(stem) >= 3:
        return 2.0
    if before == "ئ" and len(stem) >= 3:
        return 2.0  # hamza seat before a pronoun: شركائه
    if pronoun in ("ها", "هما") and len(stem) >= 3:
        return 1.5  # few stems end in ها
    if pronoun == "هم" and len(stem) >= 4:
        return 1.5
    return 0.0
