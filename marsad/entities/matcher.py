"""Tokens of a document and longest-match lookup of multi-word names.

The stage tokenises ``Doc.text`` once (words and punctuation marks, as the
tagger was trained), then finds dictionary and gazetteer names left to right,
longest first. The first word of a name may carry clitics (``وبموسكو``); the
span then starts after them.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import NamedTuple

from marsad.entities.ner import TOKEN_RE
from marsad.entities.words import _DIACRITICS, WORD_RE, clitic_readings, key, offset_after

SENTENCE_END = frozenset(".!?؟\n")


class Tok(NamedTuple):
    """One token of the document.

    Attributes
    ----------
    text : str
    start, end : int
        Offsets into ``Doc.text``.
    norm : str
        Matching key ('' for punctuation).
    is_word : bool
    readings : tuple of (str, int, str)
        ``(key, start, stripped)``: clitic-stripped readings, the offset where
        each begins, and the clitic letters dropped (``"وب"``).
    """

    text: str
    start: int
    end: int
    norm: str
    is_word: bool
    readings: tuple


_GROUP = re.Match.group
_SPAN = re.Match.span
_PUNCT = object()
_EMPTY = object()


def _word_entry(s: str) -> tuple | object:
    """Return ``(key, first_key, readings)`` of the word ``s``; offsets relative to its start.

    ``first_key`` is set when the word's only reading is itself (offset 0,
    nothing stripped), the common case; ``readings`` is None when a
    reading's offset cannot be settled inside the word (the caller then
    measures it in the whole text). A word with an empty key gives
    ``_EMPTY``.
    """
    n = key(s)
    if not n:
        return _EMPTY
    reads = []
    plain = _DIACRITICS.search(s) is None  # no marks: the d-th letter ends at offset d
    for k, d in clitic_readings(n):
        rel = (min(d, len(s)) if plain else offset_after(s, 0, d)) if d else 0
        if rel >= len(s):
            return n, None, None
        reads.append((k, rel, n[:d]))
    if not reads:
        return n, n, ()
    if len(reads) == 1 and reads[0][1] == 0 and not reads[0][2]:
        return n, reads[0][0], ()
    return n, None, tuple(reads)


_WORDS: dict[str, object] = {}
_WORDS_MAX = 200_000


def tokenize(text: str) -> list[Tok]:
    """Return the words and punctuation marks of ``text`` with their readings.

    Each distinct word is analysed once per process (key, clitic readings
    and where each reading begins inside the word) and kept in a bounded
    cache (200,000 words, then emptied). An article costs one regex scan,
    one look-up in that cache per distinct form (the cache is large and,
    after the tagger has run, cold in the CPU's memory caches, so each
    token then reads a small per-article dict) and one tuple per token.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Tok
    """
    found = list(TOKEN_RE.finditer(text))
    forms = list(map(_GROUP, found))
    words = _WORDS
    distinct = set(forms)
    entries = _remembered(words, distinct, lambda s: _word_entry(s) if WORD_RE.fullmatch(s) else _PUNCT)
    toks = []
    append = toks.append
    make = tuple.__new__  # Tok(...) without the Python-level __new__ of a NamedTuple
    for s, (start, end), entry in zip(forms, map(_SPAN, found), map(entries.__getitem__, forms)):
        if entry is _PUNCT:
            append(make(Tok, (s, start, end, "", False, ())))
        elif entry is not _EMPTY:
            n, only, rel = entry
            if only is not None:
                reads = ((only, start, ""),)
            elif rel is not None:
                reads = tuple([(k, start + r, p) for k, r, p in rel])
            else:
                reads = tuple((k, offset_after(text, start, d) if d else start, n[:d])
                              for k, d in clitic_readings(n)) or ((n, start, ""),)
            append(make(Tok, (s, start, end, n, True, reads)))
    return toks


def sentence_ranges(text: str, toks: list[Tok], sentences: list | None = None) -> list[tuple[int, int]]:
    """Return ``(first, last+1)`` token index ranges of sentences.

    Uses ``sentences`` (spans from the language layer) when given; otherwise
    splits after ``. ! ? ؟`` and at line breaks.
    """
    if sentences:
        out, i = [], 0
        for s in sentences:
            j = i
            while j < len(toks) and toks[j].start < s.end:
                j += 1
            if j > i:
                out.append((i, j))
            i = j
        if i < len(toks):
            out.append((i, len(toks)))
        return out
    out, start = [], 0
    for i, t in enumerate(toks):
        nl = i + 1 < len(toks) and "\n" in text[t.end:toks[i + 1].start]
        if (not t.is_word and t.text in SENTENCE_END) or nl:
            out.append((start, i + 1))
            start = i + 1
    if start < len(toks):
        out.append((start, len(toks)))
    return out


def joined(text: str, toks: list[Tok], i: int, j: int) -> bool:
    """Return True when tokens ``i..j-1`` are words separated by spaces only (no line break)."""
    for k in range(i, j):
        if not toks[k].is_word:
            return False
        if k > i:
            gap = text[toks[k - 1].end:toks[k].start]
            if "\n" in gap or gap.strip():
                return False
    return True


class Match(NamedTuple):
    """A name found in the text.

    Attributes
    ----------
    i, j : int
        Token range ``[i, j)``.
    start, end : int
        Character span (after any clitics of the first word).
    keys : tuple of str
        The matched key sequence.
    stripped : str
        Clitic letters dropped from the first word.
    """

    i: int
    j: int
    start: int
    end: int
    keys: tuple
    stripped: str


def name_starts(toks: list[Tok], first_keys, memo: dict) -> list[int]:
    """Return the indices of the tokens where a name of a table may begin.

    Parameters
    ----------
    toks : list of Tok
    first_keys : container of str
        Every first key of the table (e.g. the dict ``lookup`` reads).
    memo : dict
        The caller's memo of ``norm -> bool`` for this table (a token's
        readings depend on its ``norm`` only); emptied at 200,000 entries.

    Returns
    -------
    list of int
        Ascending; only these tokens can give :func:`longest_at` a match.

    Notes
    -----
    A token's reading keys are those of :func:`clitic_readings` of its
    ``norm`` (or the norm itself when there are none, see :func:`tokenize`)
    and punctuation has the norm ``""``, so the answer is worked out per
    new norm and the tokens are then picked in one pass at C speed.
    """
    norms = [t.norm for t in toks]

    def may_open(n: str) -> bool:
        return bool(n) and any(k in first_keys for k, _ in clitic_readings(n) or ((n, 0),))

    local = _remembered(memo, set(norms), may_open)  # a small dict the tokens read, as in tokenize
    return list(compress(range(len(norms)), map(local.__getitem__, norms)))


def _remembered(memo: dict, distinct: set, compute) -> dict:
    """Return ``{x: memo[x]}`` for ``distinct``, computing the missing ones into ``memo`` first.

    ``memo`` is emptied when it would pass :data:`_WORDS_MAX` entries (a
    long run meets ever new words).
    """
    new = distinct.difference(memo)
    if new:
        if len(memo) + len(new) > _WORDS_MAX:
            memo.clear()
            new = distinct
        for x in new:
            memo[x] = compute(x)
    return {x: memo[x] for x in distinct}


def longest_at(text: str, toks: list[Tok], i: int, lookup, first_keys=None) -> list[tuple[Match, object]]:
    """Return all names starting at token ``i``, longest first.

    Parameters
    ----------
    lookup : callable
        ``lookup(first_key) -> iterable of (keys, payload)``.
    first_keys : container of str, optional
        Every first key ``lookup`` knows (e.g. the dict it reads); a reading
        not in it is skipped without calling ``lookup``.

    Returns
    -------
    list of (Match, payload)
        Sorted by length (tokens) descending, then fewer stripped letters.
    """
    t = toks[i]
    if not t.is_word:
        return []
    found = []
    n_toks = len(toks)
    for first, start, stripped in t.readings:
        if first_keys is not None and first not in first_keys:
            continue
        for keys, payload in lookup(first):
            n = len(keys)
            if i + n > n_toks:
                continue
            if all(toks[i + k].norm == keys[k] for k in range(1, n)) and joined(text, toks, i, i + n):
                found.append((Match(i, i + n, start, toks[i + n - 1].end, keys, stripped), payload))
    if len(found) > 1:
        found.sort(key=lambda mp: (-(mp[0].j - mp[0].i), len(mp[0].stripped)))
    return found


class NameIndex:
    """A table's names grouped by first key, length and following keys.

    :meth:`longest_at` gives what :func:`longest_at` gives with the same
    ``lookup``, but finds the names of a first key by one dict look-up per
    name length instead of comparing every name that starts with that key.
    Each first key's group is built on first use and remembered (up to
    200,000 keys, then emptied).

    Parameters
    ----------
    lookup : callable
        ``lookup(first_key) -> iterable of (keys, payload)``.
    first_keys : container of str
        Every first key ``lookup`` knows.
    """

    def __init__(self, lookup, first_keys):
        self.lookup = lookup
        self.first_keys = first_keys
        self._groups: dict[str, tuple] = {}

    def _group(self, first: str) -> tuple:
        """Return ``((n, {keys[1:]: [(keys, payload), ...]}), ...)`` for one first key."""
        by_len: dict[int, dict[tuple, list]] = {}
        for keys, payload in self.lookup(first):
            by_len.setdefault(len(keys), {}).setdefault(tuple(keys[1:]), []).append((keys, payload))
        return tuple(by_len.items())

    def longest_at(self, text: str, toks: list[Tok], i: int) -> list[tuple[Match, object]]:
        """Return all names starting at token ``i``, longest first (see :func:`longest_at`)."""
        t = toks[i]
        if not t.is_word:
            return []
        found = []
        n_toks = len(toks)
        groups = self._groups
        for first, start, stripped in t.readings:
            group = groups.get(first)  # only first keys of the table have a group
            if group is None:
                if first not in self.first_keys:
                    continue
                if len(groups) >= _WORDS_MAX:
                    groups.clear()
                group = groups[first] = self._group(first)
            for n, by_tail in group:
                if i + n > n_toks:
                    continue
                if n == 1:  # one word: no tail to read, nothing to join
                    named = by_tail.get(())
                elif n == 2:
                    named = by_tail.get((toks[i + 1].norm,))
                else:
                    named = by_tail.get(tuple([toks[k].norm for k in range(i + 1, i + n)]))
                if named and (n == 1 or joined(text, toks, i, i + n)):
                    end = toks[i + n - 1].end
                    found.extend((Match(i, i + n, start, end, keys, stripped), payload) for keys, payload in named)
        if len(found) > 1:
            found.sort(key=lambda mp: (-(mp[0].j - mp[0].i), len(mp[0].stripped)))
        return found
