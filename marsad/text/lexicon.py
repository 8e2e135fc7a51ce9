"""Bundled word lists of the language layer, read once and cached.

Files live in ``marsad/text/data/`` and are read with :mod:`importlib.resources`.
Each starts with ``#`` header lines naming source, licence and version; every
other non-blank line is one entry, normalised with
:func:`marsad.text.normalize.normalize` on load.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from marsad.errors import DataFileError
from marsad.text.normalize import normalize

__all__ = ["load_list", "known_words", "known_verbs", "ta_marbuta_words", "NO_ARTICLE"]

#: Normalised words that begin with ``ال`` but do not carry the article.
NO_ARTICLE = frozenset(
    normalize(w)
    for w in (
        "الله", "اللهم", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان",
        "اللتان", "اللاتي", "اللواتي", "الا", "إلى", "الآن", "إليه", "إليها",
        "إليهم", "إليك", "إليكم", "إلينا", "الف", "ألفا", "ألفين", "ألفان",
        "التقى", "التقت", "التقوا", "التقيا", "التزم", "التزمت", "التحق",
        "التحقت", "التفت", "التقاء", "التزام", "التحاق", "الغاء", "القاء",
        "الحاق", "الزام", "الهام", "الماني", "المانيا", "الماس", "البانيا",
        "الجزائر", "الاسكا",
    )
)


@lru_cache(maxsize=None)
def load_list(name: str) -> frozenset[str]:
    """Return the normalised entries of a bundled list.

    Parameters
    ----------
    name : str
        File name inside ``marsad/text/data`` (``"words.txt"``, ``"verbs.txt"``).

    Returns
    -------
    frozenset of str
        Normalised entries.

    Raises
    ------
    DataFileError
        If the file is missing, has no header or no entries, or an entry
        contains whitespace or is listed twice.
    """
    try:
        raw = resources.files("marsad.text").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataFileError(f"[E201] bundled list {name!r} cannot be read: {exc}") from exc
    lines = raw.splitlines()
    if not lines or not lines[0].startswith("#"):
        raise DataFileError(f"[E202] {name}:1 must start with a '#' header naming its source")
    out: set[str] = set()
    seen: dict[str, int] = {}
    for no, line in enumerate(lines, 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if any(c.isspace() for c in entry):
            raise DataFileError(f"[E203] {name}:{no} entry {entry!r} contains whitespace")
        if entry in seen:
            raise DataFileError(f"[E205] {name}:{no} duplicate entry {entry!r} (first on line {seen[entry]})")
        seen[entry] = no
        out.add(normalize(entry))
    if not out:
        raise DataFileError(f"[E204] {name} has no entries")
    return frozenset(out)


@lru_cache(maxsize=None)
def known_words() -> frozenset[str]:
    """Return normalised known words, plus the article-less form of ``ال`` entries.

    Returns
    -------
    frozenset of str
        Words from ``words.txt``; for ``العراق`` both ``العراق`` and ``عراق``.
    """
    from marsad.text.timewords import HIJRI_MONTHS, MONTHS, WEEKDAYS

    words = set(load_list("words.txt"))
    for name in list(MONTHS) + list(HIJRI_MONTHS) + list(WEEKDAYS):
        words.update(name.split())
    for w in list(words):
        if w.startswith("ال") and len(w) > 3 and w not in NO_ARTICLE:
            words.add(w[2:])
    return frozenset(words)


@lru_cache(maxsize=None)
def ta_marbuta_words() -> frozenset[str]:
    """Return normalised known words that are only ever spelled with a final ``ة``.

    Returns
    -------
    frozenset of str
        ``فيه`` (from ``فئة``) is here, so that the pronoun in ``فيه`` (``في`` +
        ``ه``) is still split off.
    """
    raw = resources.files("marsad.text").joinpath("data", "words.txt").read_text(encoding="utf-8")
    ta, ha = set(), set()
    for line in raw.splitlines():
        w = line.strip()
        if not w or w.startswith("#"):
            continue
        (ta if w.endswith("ة") else ha).add(normalize(w))
    return frozenset(ta - ha)


@lru_cache(maxsize=None)
def known_verbs() -> frozenset[str]:
    """Return normalised verb lemmas (perfect, 3rd person masculine singular).

    Returns
    -------
    frozenset of str
        Entries of ``verbs.txt`` (``قتل``, ``اغتال``, ``التقي``...).
    """
    return load_list("verbs.txt")
