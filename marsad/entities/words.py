"""Word scanning and matching keys shared by the entity modules.

Matching keys come from :func:`marsad.text.normalize` so the whole system
folds Arabic the same way (alef forms, ya/alef maqsura, ta marbuta,
diacritics, tatweel). Word spans are offsets into the untouched text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.normalize import normalize

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")

WORD_RE = re.compile(r"[\u0621-\u0669\u066e-\u06d3\u06d5-\u06ed\u0640A-Za-z0-9]+")
"""One run of Arabic letters (with their diacritics), Latin letters or digits."""

PROCLITICS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")


@lru_cache(maxsize=200_000)
def key(s: str) -> str:
    """Return the matching key of ``s``.

    Parameters
    ----------
    s : str
        Any Arabic string (a word or a phrase).

    Returns
    -------
    str
        ``marsad.text.normalize(s)`` with runs of whitespace collapsed.
    """
    return " ".join(normalize(s).split())


def offset_after(text: str, start: int, n_letters: int) -> int:
    """Return the offset in ``text`` after ``n_letters`` base letters from ``start``.

    Diacritics and tatweel do not count as letters and are skipped, so the
    offset lands on the next base letter (where a clitic-stripped reading
    begins).
    """
    i, seen = start, 0
    while seen < n_letters and i < len(text):
        if not _DIACRITICS.match(text[i]):
            seen += 1
        i += 1
    while i < len(text) and _DIACRITICS.match(text[i]):
        i += 1
    return i


@lru_cache(maxsize=100_000)
def clitic_readings(norm: str) -> tuple:
    """Return ``(key, n_letters_dropped)`` readings of a normalised word.

    Strips at most one conjunction (و/ف) then one preposition (ب/ل/ك);
    ``لل`` is read as ``ل`` + ``ال`` (the article's alef elides). Only
    readings of at least two letters are kept.

    Examples
    --------
    >>> [r for r, _ in clitic_readings("وبموسكو")]
    ['وبموسكو', 'بموسكو', 'موسكو']
    """
    out = [(norm, 0)]
    stems = [(norm, 0)]
    if len(norm) > 3 and norm[0] in PROCLITICS:
        stems.append((norm[1:], 1))
        out.append((norm[1:], 1))
    for s, n in stems:
        if len(s) > 3 and s[0] in PREPOSITIONS:
            if s.startswith("لل"):
                out.append(("ا" + s[1:], n + 1))
            else:
                out.append((s[1:], n + 1))
    return tuple(r for r in out if len(r[0]) >= 2)
