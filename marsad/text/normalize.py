"""Arabic matching form with a way back to the original characters.

The matching form folds the spelling variants Arabic news writes
interchangeably, so that lexicon entries and text compare equal:

* alef with hamza or madda, and alef wasla (أ إ آ ٱ) -> bare alef (ا);
* alef maqsura (ى) and Persian yeh (ی) -> ya (ي); Persian kaf (ک) -> kaf (ك);
* ta marbuta (ة) -> ha (ه); hamza on waw (ؤ) -> و, on ya (ئ) -> ي;
* diacritics (harakat, tanween, shadda, sukun, dagger alef, Quranic marks),
  tatweel and zero-width/direction marks are removed;
* Arabic-Indic (٠-٩) and Persian (۰-۹) digits -> ASCII; the Arabic decimal
  and thousands separators (٫ ٬) -> ``.`` and ``,``;
* Arabic punctuation (، ؛ ؟ ٪) and quote/dash variants («» “” ‘’ – —) -> ASCII;
* presentation forms (lam-alef ligatures and other contextual glyphs) ->
  their plain letters (Unicode NFKC of those code points only).

The rules follow the usual Arabic IR practice (Larkey et al., "Light
stemming for Arabic information retrieval", 2002; the orthographic
normalisation of the Penn Arabic Treebank guidelines). The text is never
changed in place: :func:`normalize_with_offsets` returns, for each
character of the matching form, its offset in the input.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "normalize_with_offsets", "DIACRITICS", "TATWEEL"]

TATWEEL = "\u0640"
#: Harakat, tanween, shadda, sukun, madda/hamza marks, dagger alef, Quranic marks.
DIACRITICS = (
    "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))
)
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و", "ئ": "ي",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-", "ـ": None,
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
}


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for ch, out in _FOLD.items():
        table[ord(ch)] = out
    for ch in DIACRITICS + _INVISIBLE:
        table[ord(ch)] = None
    for base, zero in ((0x0660, 0x30), (0x06F0, 0x30)):
        for i in range(10):
            table[base + i] = chr(zero + i)
    # Presentation forms: decompose with NFKC, then fold the result.
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        plain = unicodedata.normalize("NFKC", ch)
        if plain == ch:
            continue
        out = "".join(_fold_char(c) for c in plain)
        table[cp] = out or None
    return table


def _fold_char(c: str) -> str:
    if c in DIACRITICS or c in _INVISIBLE or c == TATWEEL:
        return ""
    if c in _FOLD:
        return _FOLD[c] or ""
    o = ord(c)
    if 0x0660 <= o <= 0x0669:
        return chr(o - 0x0660 + 0x30)
    if 0x06F0 <= o <= 0x06F9:
        return chr(o - 0x06F0 + 0x30)
    return c


_TABLE = _build_table()
#: Folded character -> its replacement ("" for a deleted one).
_REPLACE = {chr(cp): out or "" for cp, out in _TABLE.items()}
#: Any character the table changes; finds which of them a long text holds.
_CHANGED = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_REPLACE)) + "]")
# Above this length a few str.replace calls beat str.translate, which looks up
# every character in the table (about 4x on news articles, see docs/text.md).
_LONG = 200
# Characters whose folding deletes them or yields more than one character:
# only these break the one-to-one offset map.
_UNEVEN = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp, out in _TABLE.items() if out is None or len(out) != 1) + "]"
)


def normalize(s: str) -> str:
    """Return the matching form of ``s``.

    Parameters
    ----------
    s : str
        Any text.

    Returns
    -------
    str
        ``s`` with the foldings listed in the module docstring applied.
        The function is idempotent: ``normalize(normalize(s)) == normalize(s)``.

    Raises
    ------
    TypeError
        If ``s`` is not a string.

    Examples
    --------
    >>> normalize("إِدْلِب")
    'ادلب'
    >>> normalize("مدرسةٌ ـ ١٢٣")
    'مدرسه  123'
    """
    if not isinstance(s, str):
        raise TypeError(f"normalize expects str, got {type(s).__name__}")
    if len(s) < _LONG:
        return s.translate(_TABLE)
    return _fold_long(s)


def _fold_long(s: str) -> str:
    """Return ``s.translate(_TABLE)`` by one ``str.replace`` per character present that the table changes.

    Chaining replaces gives the same string as ``translate`` because no
    replacement contains a character the table changes (checked in the tests).
    """
    replace = _REPLACE
    for ch in set(_CHANGED.findall(s)):
        s = s.replace(ch, replace[ch])
    return s


def _deleted_positions(s: str) -> list[int] | None:
    """Offsets in ``s`` of the characters the matching form deletes, or None when one expands.

    With deletions only, norm index ``i`` maps back to ``i`` plus the number
    of deletions ``d_k`` (k-th, from 0) with ``d_k - k <= i``; cheaper than
    the full list of :func:`normalize_with_offsets` for long texts.
    """
    table = _TABLE
    out = []
    for m in _UNEVEN.finditer(s):
        if table[ord(m.group())]:
            return None  # a ligature that becomes two letters
        out.append(m.start())
    return out


def normalize_with_offsets(s: str) -> tuple[str, list[int]]:
    """Return the matching form of ``s`` and the offset of each of its characters.

    Parameters
    ----------
    s : str
        Any text.

    Returns
    -------
    norm : str
        Same as :func:`normalize`.
    offsets : list of int, length ``len(norm)``
        ``offsets[i]`` is the index in ``s`` of the character that produced
        ``norm[i]``; non-decreasing. A ligature that expands to two letters
        maps both to the ligature's offset. Deleted characters (diacritics,
        tatweel) have no entry, so ``s[offsets[i]:offsets[j - 1] + 1]`` is the
        original stretch behind ``norm[i:j]``.

    Raises
    ------
    TypeError
        If ``s`` is not a string.

    Examples
    --------
    >>> normalize_with_offsets("قـتل")
    ('قتل', [0, 2, 3])
    """
    if not isinstance(s, str):
        raise TypeError(f"normalize_with_offsets expects str, got {type(s).__name__}")
    norm = s.translate(_TABLE) if len(s) < _LONG else _fold_long(s)
    if _UNEVEN.search(s) is None:
        return norm, list(range(len(s)))
    offsets: list[int] = []
    table = _TABLE
    last = 0
    for m in _UNEVEN.finditer(s):
        p = m.start()
        offsets.extend(range(last, p))
        rep = table[ord(s[p])]
        if rep:
            offsets.extend([p] * len(rep))
        last = p + 1
    offsets.extend(range(last, len(s)))
    return norm, offsets
