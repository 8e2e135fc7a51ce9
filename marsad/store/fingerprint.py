"""Cheap fingerprints that link near-identical reposts of one article.

Two records are reposts of each other when their bodies are the same after
folding the differences that copy-and-paste and re-publishing introduce:
whitespace, punctuation, tatweel, diacritics, hamza forms on alef, final
ya/alef maqsura, ta marbuta/ha, Arabic-Indic digits and letter case. The
headline is removed first when the text starts with it, so the same body
under a different title still matches. The fingerprint is the first 16 hex
digits of SHA-1 of what remains: one pass over the text, no model, no index
beyond an equality lookup (see ``docs/store.md``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from marsad.text import normalize

_NOT_ALNUM = re.compile(r"[\W_]+")


def normalize_for_fingerprint(text: str) -> str:
    """Return ``text`` reduced to its letters and digits, folded.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        NFKC-normalised, folded as every matching key in Marsad is
        (:func:`marsad.text.normalize`: diacritics and tatweel dropped,
        alef/ya/ta-marbuta, hamza seats and digits folded), case-folded, with every character that is not a
        letter or digit removed (so spacing and punctuation do not count).

    Examples
    --------
    >>> normalize_for_fingerprint("قـــال:  الرئيسُ «أحمد» ٣ مرات")
    'قالالرييساحمد3مرات'
    """
    folded = normalize(unicodedata.normalize("NFKC", text)).casefold()
    return _NOT_ALNUM.sub("", folded)


@lru_cache(maxsize=4096)
def _norm_cached(text: str) -> str:
    return normalize_for_fingerprint(text)


@lru_cache(maxsize=1024)
def body_fingerprint(text: str, title: str | None = None) -> str | None:
    """Return the repost fingerprint of an article body.

    Parameters
    ----------
    text : str
        The cleaned article text (``Doc.text``), headline first when known.
    title : str, optional
        The headline; when the normalised text starts with the normalised
        title (and has more after it), the title is cut off so that the same
        body under another headline gets the same fingerprint.

    Returns
    -------
    str or None
        16 hex digits, or ``None`` when the text has no letters or digits.
        Results are memoised (the runner asks twice per article).

    Examples
    --------
    >>> a = body_fingerprint("عنوان أول\\nقصفت الطائرات المدينة.", "عنوان أول")
    >>> b = body_fingerprint("عنوان آخر\\nقصفـت الطائرات  المدينة", "عنوان آخر")
    >>> a == b
    True
    """
    body = normalize_for_fingerprint(text)
    if not body:
        return None
    if title:
        head = _norm_cached(title)
        if head and body.startswith(head) and len(body) > len(head):
            body = body[len(head):]
    return hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]
