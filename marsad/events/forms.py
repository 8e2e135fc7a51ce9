"""Matching forms for event triggers: light normalisation, clitics, verb paradigms.

The event coder matches lexicon triggers against each word of a sentence.
It reads the language layer's tokens when they exist, but keys its own
lookup tables with :func:`fold` so that a lexicon written with hamzas and
ta marbuta matches text written without them, and the other way round.

Sources: the folding rules are the usual light normalisation of Arabic
information retrieval (Larkey, Ballesteros & Connell, "Light stemming for
Arabic information retrieval", 2007); the verb paradigms are the regular
perfect and imperfect affixes of Modern Standard Arabic grammar.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
})
#: :data:`_FOLD` plus the deletion of every character :data:`_DIACRITICS`
#: matches: one ``str.translate`` pass does what the substitution and the
#: folding do one after the other (no folded letter is a diacritic).
_FOLD_AND_STRIP = {**_FOLD, **{c: None for a, b in ((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670),
                                                      (0x06D6, 0x06ED), (0x0640, 0x0640)) for c in range(a, b + 1)}}

#: Proclitic strings stripped before lookup, longest first (conjunctions,
#: prepositions, article, future "س").
PROCLITICS = (
    "وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
    "ال", "وس", "فس", "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك", "س",
)
#: Pronoun and plural suffixes stripped before lookup, longest first.
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه")
#: The proclitics by first letter, shortest first (a stable sort), and the
#: enclitics by last letter, in :data:`ENCLITICS` order: the ones
#: :func:`lookup_keys` can strip from a word with that first or last letter.
_PROCLITICS_BY_FIRST = {c: tuple(p for p in sorted(PROCLITICS, key=len) if p[0] == c) for c in {p[0] for p in PROCLITICS}}
_ENCLITICS_BY_LAST = {c: tuple(e for e in ENCLITICS if e[-1] == c) for c in {e[-1] for e in ENCLITICS}}

_PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "تما", "تن")
_PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
_PRESENT_SUFFIXES = ("", "ون", "وا", "ان", "ا", "ن", "ين")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Return ``word`` without diacritics or tatweel, alef/ya/ta marbuta folded.

    Parameters
    ----------
    word : str
        Any Arabic string.

    Returns
    -------
    str
        The folded string (same or shorter length; never used for offsets).

    Examples
    --------
    >>> fold("اغتيالُ")
    'اغتيال'
    >>> fold("مُظاهرة")
    'مظاهره'
    """
    return word.translate(_FOLD_AND_STRIP)


def verb_forms(past: str) -> set[str]:
    """Return the folded surface forms of a regular verb given its perfect 3ms.

    Parameters
    ----------
    past : str
        Perfect third person masculine singular (``"قصف"``, ``"استهدف"``,
        ``"اعتقل"``). Derived forms starting with alef (VII, VIII, X) lose
        it in the imperfect.

    Returns
    -------
    set of str
        Perfect forms with subject suffixes and imperfect forms with person
        prefixes and suffixes, all folded. Weak verbs need their irregular
        forms listed in the lexicon's ``forms`` field.

    Examples
    --------
    >>> sorted(verb_forms("قصف"))[:3]
    ['اقصف', 'اقصفا', 'اقصفان']
    """
    p = fold(past)
    out = {p + s for s in _PAST_SUFFIXES}
    stem = p[1:] if p.startswith("ا") else p
    out.update(pre + stem + suf for pre in _PRESENT_PREFIXES for suf in _PRESENT_SUFFIXES)
    return out


def noun_forms(noun: str) -> set[str]:
    """Return folded forms of a noun: itself, sound feminine plural, dual.

    Examples
    --------
    >>> sorted(noun_forms("غارة")) == sorted(['غاره', 'غارات', 'غارتان', 'غارتين'])
    True
    """
    n = fold(noun)
    out = {n}
    if n.endswith("ه"):
        out.update({n[:-1] + "ات", n[:-1] + "تان", n[:-1] + "تين"})
    return out


@lru_cache(maxsize=65536)
def lookup_keys(word: str) -> tuple[tuple[str, str], ...]:
    """Return ``(key, proclitic)`` candidates of a folded word, whole word first.

    Each candidate strips at most one proclitic string (shortest first)
    and one enclitic. A stripped key keeps at least two letters.

    Examples
    --------
    >>> lookup_keys("وبالقصف")
    (('وبالقصف', ''), ('بالقصف', 'و'), ('القصف', 'وب'), ('قصف', 'وبال'))
    """
    out = [(word, "")]
    if len(word) >= 4 and word.endswith("ا") and not word.endswith(("وا", "ها")):
        out.append((word[:-1], ""))  # accusative tanween alef: صاروخا -> صاروخ; after ه it is the pronoun ها
    bases = [(word, "")]
    # shortest proclitic first: "وبحث" is "و + بحث", not "وب + حث"
    for pre in _PROCLITICS_BY_FIRST.get(word[:1], ()):
        if word.startswith(pre) and len(word) - len(pre) >= 2:
            bases.append((word[len(pre):], pre))
    for base, pre in bases:
        if pre:
            out.append((base, pre))
        for suf in _ENCLITICS_BY_LAST.get(base[-1:], ()):
            if base.endswith(suf) and len(base) - len(suf) >= (4 if pre else 3):
                out.append((base[: -len(suf)], pre))
                if base[: -len(suf)].endswith("ت"):
                    # غارتها -> غاره: ta marbuta written as ta before a suffix
                    out.append((base[: -len(suf) - 1] + "ه", pre))
    return tuple(out)


def has_cue(word: str, cues: frozenset) -> bool:
    """True when folded ``word`` or a form of it without clitics is in ``cues``.

    Parameters
    ----------
    word : str
        A folded word (:func:`marsad.events.forms.fold`).
    cues : frozenset of str
        A set of folded cue words (e.g. a list of :class:`marsad.events.context.Cues`).

    Returns
    -------
    bool
    """
    return word in cues or any(k in cues for k, _ in lookup_keys(word))
