"""Words of a sentence and the lexicon triggers and markers found among them.

Matching is one left-to-right pass over the words with dictionary lookups
(no regular expression is compiled per sentence): for each word the
candidate keys of :func:`marsad.events.forms.lookup_keys` are looked up in
the compiled :class:`~marsad.events.lexicon.Lexicon`, multiword phrases
first so that "وقف إطلاق النار" is one ceasefire, not a shooting.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from marsad.events.forms import fold, has_cue, lookup_keys
from marsad.events.lexicon import Entry, Lexicon
from marsad.text.memo import bounded_memo

WORD_RE = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]")
#: Proclitic combinations that keep a marker word a marker ("وقال", "فلم").
_MARKER_PROCLITICS = ("و", "ف")
#: Word forms remembered per lexicon table before the table is emptied.
MEMO_MAX = 200_000


@dataclass(slots=True)
class Word:
    """A whitespace/punctuation word of the text.

    Parameters
    ----------
    start, end : int
        Offsets into ``Doc.text``.
    fold : str
        :func:`~marsad.events.forms.fold` of the surface text.
    lemmas : tuple of str
        Folded lemmas the language layer gave this word's tokens, if any.
    """

    start: int
    end: int
    fold: str
    lemmas: tuple[str, ...] = ()


@dataclass(slots=True)
class Trigger:
    """A lexicon match.

    Parameters
    ----------
    entry : Entry
        The lexicon entry.
    first, last : int
        Indices of the first and last matched word (inclusive).
    start, end : int
        Offsets of the matched text, proclitics excluded.
    is_verb : bool
        True when the matched form is a verb form.
    proclitic : str
        Proclitic string stripped from the first word ("" if none).
    """

    entry: Entry
    first: int
    last: int
    start: int
    end: int
    is_verb: bool = False
    proclitic: str = ""
    extra: list = field(default_factory=list)


def split_words(text: str, start: int, end: int, lemmas: dict[int, tuple[str, ...]] | None = None) -> list[Word]:
    """Return the words of ``text[start:end]`` with offsets into ``text``.

    Parameters
    ----------
    text : str
        The document text.
    start, end : int
        The stretch to split (a sentence).
    lemmas : dict of int to tuple of str, optional
        Word start offset -> folded lemmas from the language layer.
    """
    get = (lemmas or {}).get
    return [Word(m.start(), m.end(), fold(m.group()), get(m.start(), ())) for m in WORD_RE.finditer(text, start, end)]


def _phrase_at(words: list[Word], i: int, phrase: tuple[str, ...]) -> bool:
    """True when ``phrase[1:]`` matches the words after ``i``."""
    if i + len(phrase) > len(words):
        return False
    for k, target in enumerate(phrase[1:], start=1):
        w = words[i + k].fold
        if w != target and not any(key == target for key, _ in lookup_keys(w)):
            return False
    return True


def _near_ok(entry: Entry, words: list[Word], last: int) -> bool:
    if not entry.near:
        return True
    for w in words[last + 1 : last + 6]:
        if has_cue(w.fold, entry.near):
            return True
    return False


def _may_trigger(word: str, lex: Lexicon) -> bool:
    """True when a lookup key of the folded ``word`` starts a phrase or is a trigger word."""
    phrases, words = lex.phrases, lex.words
    for k, _ in lookup_keys(word):
        if k in phrases or k in words:
            return True
    return False


def may_have_trigger(text: str, start: int, end: int, lex: Lexicon, lemma_starts: list[int]) -> bool:
    """Return False only when :func:`find_triggers` finds nothing in ``text[start:end]``.

    A quick look at a sentence before it is split into :class:`Word`
    objects: a trigger needs a word whose folded form may open one (the
    answer of :func:`_may_trigger`, remembered per surface form, so a
    sentence costs one regular-expression scan and two set operations) or a
    word whose lemma is a lexicon verb (an offset in ``lemma_starts``).
    On SaudiNewsNet about two sentences in three have neither.

    Parameters
    ----------
    text : str
        The document text.
    start, end : int
        The sentence's offsets.
    lex : Lexicon
    lemma_starts : list of int
        Ascending start offsets of the words whose lemmas include a
        lexicon verb (``lex.lemmas``).

    Returns
    -------
    bool
    """
    k = bisect_left(lemma_starts, start)
    if k < len(lemma_starts) and lemma_starts[k] < end:
        return True
    forms = set(WORD_RE.findall(text, start, end))
    may = _may_memo(lex)
    return not remembered_hits(lex, "surface_may", forms, lambda f: may[fold(f)]).isdisjoint(forms)


def remembered_hits(lex: Lexicon, name: str, forms: set, test) -> set:
    """Return the forms seen so far for which ``test`` held, after testing the new ones among ``forms``.

    Kept in ``lex.memo[name]`` as (seen, hits) and emptied at
    :data:`MEMO_MAX` forms, so a caller asks ``hits.isdisjoint(forms)`` at C
    speed instead of testing each form.
    """
    entry = lex.memo.get(name)
    if entry is None or len(entry[0]) >= MEMO_MAX:
        entry = lex.memo[name] = (set(), set())
    seen, hits = entry
    new = forms - seen
    if new:
        hits.update(f for f in new if test(f))
        seen |= new
    return hits


def _may_memo(lex: Lexicon) -> dict:
    """The lexicon's memo of :func:`_may_trigger` by folded word (shared by the quick look and the matcher)."""
    may = lex.memo.get("may_trigger")
    if may is None:
        may = lex.memo["may_trigger"] = bounded_memo(lambda word: _may_trigger(word, lex), MEMO_MAX)
    return may


def _homograph(word: str, keys: tuple, lex: Lexicon) -> bool:
    """True when ``word``, bare or behind proclitics only, is in the ``not_trigger`` marker list.

    The list holds words spelt like a trigger form that news uses as other
    words ("طلبة" students, not "طلبه" he asked for it; "بعقوبة" the city
    Baqubah). An enclitic reading ("طلبتها" -> "طلبه") is not blocked.
    """
    blocked = lex.markers.get("not_trigger")
    return bool(blocked) and any(k in blocked and word == pre + k for k, pre in keys)


def find_triggers(words: list[Word], lex: Lexicon) -> list[Trigger]:
    """Return the lexicon triggers among ``words``, left to right.

    Parameters
    ----------
    words : list of Word
        One sentence.
    lex : Lexicon
        Compiled lexicon.

    Returns
    -------
    list of Trigger
        Non-overlapping matches; a phrase wins over the single words it
        covers, a whole word over a clitic-stripped reading of it.
    """
    out: list[Trigger] = []
    i, n = 0, len(words)
    may = _may_memo(lex)
    lemma_table = lex.lemmas
    while i < n:
        w = words[i]
        if not may[w.fold] and (not w.lemmas or lemma_table.keys().isdisjoint(w.lemmas)):
            i += 1  # no phrase, word or lemma entry can start here
            continue
        keys = lookup_keys(w.fold)
        if _homograph(w.fold, keys, lex):
            i += 1
            continue
        matched = False
        for key, pre in keys:
            for phrase, entry in lex.phrases.get(key, ()):
                if _phrase_at(words, i, phrase):
                    last = i + len(phrase) - 1
                    out.append(Trigger(entry, i, last, w.start + len(pre), words[last].end, False, pre))
                    i = last + 1
                    matched = True
                    break
            if matched:
                break
        if matched:
            continue
        hits = None
        for key, pre in keys:
            hits = lex.words.get(key)
            if hits:
                break
        if not hits and not w.fold.startswith(("ال", "وال", "بال", "لل")):
            for lemma in w.lemmas:
                entries = lex.lemmas.get(lemma)
                if entries:
                    hits, pre = [(e, True) for e in entries], ""
                    break
        if hits:
            # "التظاهر"، "بقصف"، "كاعتقال": a verb takes no article or preposition
            nominal = "ال" in pre or pre.endswith(("لل", "ب", "ك")) or (pre.endswith("ل") and not key.startswith(("ي", "ت", "ن")))
            for entry, is_verb in hits:
                if _near_ok(entry, words, i):
                    out.append(Trigger(entry, i, i, w.start + len(pre), w.end, is_verb and not nominal, pre))
        i += 1
    return out


def _marker_index(lex: Lexicon) -> tuple[dict, dict]:
    """Return the marker lists by word and the multiword markers by first word, built once per lexicon.

    Returns
    -------
    by_word : dict of str to list of str
        Folded word -> names of the marker lists holding it, in list order.
    by_first : dict of str to list of (int, str, tuple of str)
        Folded first word -> ``(rank, list name, phrase)`` of the multiword
        markers it opens; ``rank`` is the phrase's place in
        ``lex.marker_phrases``.
    """
    index = lex.memo.get("marker_index")
    if index is None:
        by_word: dict[str, list[str]] = {}
        for name, vocab in lex.markers.items():
            for word in vocab:
                by_word.setdefault(word, []).append(name)
        by_first: dict[str, list[tuple[int, str, tuple]]] = {}
        rank = 0
        for name, phrases in lex.marker_phrases.items():
            for phrase in phrases:
                by_first.setdefault(phrase[0], []).append((rank, name, phrase))
                rank += 1
        index = lex.memo["marker_index"] = (by_word, by_first)
    return index


def _marker_entry(word: str, lex: Lexicon) -> tuple[frozenset, tuple]:
    """Return the marker lists the folded ``word`` belongs to and the multiword markers it may open.

    Returns
    -------
    names : frozenset of str
        Marker lists holding the word, with or without a leading "و"/"ف".
    phrases : tuple of (str, tuple of str)
        ``(list name, phrase)`` for each multiword marker whose first word
        is one of those forms, in the order of ``lex.marker_phrases``.
    """
    forms = [word]
    for pre in _MARKER_PROCLITICS:
        if word.startswith(pre) and len(word) > len(pre) + 1:
            forms.append(word[len(pre):])
    by_word, by_first = _marker_index(lex)
    names = frozenset(name for f in forms for name in by_word.get(f, ()))
    opened = {hit for f in forms for hit in by_first.get(f, ())}
    return names, tuple((name, phrase) for _, name, phrase in sorted(opened))


def marker_flags(words: list[Word], lex: Lexicon) -> list[frozenset]:
    """Return, for each word, the names of the marker lists it belongs to.

    A word counts with or without a leading "و"/"ف"; multiword markers
    flag their first word. What a word form can be is worked out once per
    lexicon and form (:func:`_marker_entry`).
    """
    flags: list[frozenset] = []
    memo = lex.memo.get("markers")
    if memo is None:
        memo = lex.memo["markers"] = bounded_memo(lambda word: _marker_entry(word, lex), MEMO_MAX)
    for i, (names, phrases) in enumerate(map(memo.__getitem__, [w.fold for w in words])):
        if phrases:
            found = {name for name, phrase in phrases if _phrase_at(words, i, phrase)}
            if found - names:
                names = names | found
        flags.append(names)
    return flags
