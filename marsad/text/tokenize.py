"""Tokenisation with clitic segmentation, offsets into the original text.

Runs of Arabic letters (with their diacritics and tatweel) are split into
clitics and stem by :func:`marsad.text.segment.segment_word`; numbers
(``1,300``, ``٢٠١٥``, ``1.5``), other-script words and single punctuation
marks are tokens of their own. Each word's analysis is cached, so the cost
per running word is close to a dictionary look-up on news text.
"""

from __future__ import annotations

import re

from marsad.doc import Token
from marsad.text.collector import collector_paused
from marsad.text.memo import memo
from marsad.text.morph import _lemma_memo, _stem_memo
from marsad.text.normalize import _TABLE, normalize
from marsad.text.numbers import QUANTITY_TRIGGERS
from marsad.text.segment import segment_word
from marsad.text.timepatterns import ANCHOR_WORDS

__all__ = ["tokenize", "lemma_of", "ARABIC_WORD", "TOKEN_RE"]

_AR_LETTER = "\u0621-\u063A\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\uFB50-\uFD3D\uFD50-\uFDFB\uFE70-\uFEFC"
_AR_MARK = "\u0640\u064B-\u065F\u0670\u06D6-\u06ED"
#: One run of Arabic letters with the marks inside it.
ARABIC_WORD = f"[{_AR_LETTER}][{_AR_LETTER}{_AR_MARK}]*"
#: Arabic word | number | other word | one non-space character.
TOKEN_RE = re.compile(
    rf"(?P<ar>{ARABIC_WORD})|(?P<num>\d+(?:[.,\u066B\u066C]\d+)*)|(?P<lat>[^\W\d_]+)|(?P<punct>\S)"
)
_WHOLE_ARABIC = re.compile(ARABIC_WORD).fullmatch
_segment = segment_word.__wrapped__  # the chunk memo keeps each word: skip the segmenter's memo
_CLITIC_LETTERS = frozenset("وفبلكس")
_TOKEN_PARTS = TOKEN_RE.findall
#: ``(quantity candidate, time anchor)`` for the norms a later stage starts from (see :func:`_tokenize`).
_MARK_OF = {w: (w in QUANTITY_TRIGGERS, w in ANCHOR_WORDS) for w in QUANTITY_TRIGGERS | ANCHOR_WORDS}
_NUMBER_MARK = (True, True)  # a number is both


def _analyse(word: str) -> tuple:
    """Return ((text, rel_start, rel_end, norm, kind, stem, lemma, mark), ...) for one Arabic run."""
    segs = _segment(word)
    mark_of = _MARK_OF.get
    if len(segs) == 1:
        norm = segs[0][3]
        if len(norm) == 1 and norm in _CLITIC_LETTERS:
            return ((word, 0, len(word), norm, "proclitic", norm, norm, mark_of(norm)),)
        return ((word, 0, len(word), norm, "word", _stem_memo(norm), _lemma_memo(norm), mark_of(norm)),)
    out = []
    for kind, a, b, norm in segs:
        if kind == "word":
            out.append((word[a:b], a, b, norm, kind, _stem_memo(norm), _lemma_memo(norm), mark_of(norm)))
        else:
            out.append((word[a:b], a, b, norm, kind, norm, norm, mark_of(norm)))
    return tuple(out)


@memo(400_000)
def _analyse_chunk(chunk: str) -> tuple:
    """Return ((text, rel_start, rel_end, norm, kind, stem, lemma, mark), ...) for one whitespace word.

    ``mark``, None for most segments, is ``(quantity_candidate,
    time_anchor)`` for a segment a later stage starts from: a number, or a
    norm in :data:`marsad.text.numbers.QUANTITY_TRIGGERS` or
    :data:`marsad.text.timepatterns.ANCHOR_WORDS` (see :func:`_tokenize`).
    """
    if _WHOLE_ARABIC(chunk):  # most chunks: one Arabic word, no punctuation
        return _analyse(chunk)
    out = []
    pos = 0  # the matches tile the chunk: it holds no white space, and punct is any other character
    for ar, num, lat, punct in _TOKEN_PARTS(chunk):
        if ar:
            segs = _chunk_memo(ar)  # a word is a chunk of its own
            if pos:
                for t, a, b, norm, kind, stem, lemma, mark in segs:
                    out.append((t, pos + a, pos + b, norm, kind, stem, lemma, mark))
            else:  # the word opens the chunk (الحكومة،): its own segments, offsets unchanged
                out += segs
            pos += len(ar)
        else:
            s = num or lat or punct
            norm = s.translate(_TABLE)  # normalize(s) without the type check
            kind = "number" if num else "word" if lat else "punct"
            out.append((s, pos, pos + len(s), norm, kind, norm, norm, _NUMBER_MARK if num else _MARK_OF.get(norm)))
            pos += len(s)
    return tuple(out)


_chunk_memo = _analyse_chunk.lookup


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into clitic-segmented tokens.

    Parameters
    ----------
    text : str
        Any text; offsets refer to it unchanged.

    Returns
    -------
    list of Token
        In text order. ``text[t.start:t.end] == t.text`` for every token;
        the segments of one Arabic word tile it. ``kind`` is ``"word"``,
        ``"proclitic"`` (``و ف ب ل ك س`` and the article, whose ``norm`` is
        ``"ال"``), ``"enclitic"``, ``"number"`` or ``"punct"``. ``word_index``
        counts whitespace-separated words from 0.

    Raises
    ------
    TypeError
        If ``text`` is not a string.

    Notes
    -----
    The analysis of each whitespace-separated chunk is cached (up to
    400,000 distinct chunks), so running text costs about one dictionary
    look-up per word plus the token objects. The cyclic garbage collector
    is paused while the list is built (and its state restored after):
    tokens hold no reference cycles, and collecting during the build cost
    about 30 % of the time on long texts.

    Examples
    --------
    >>> [t.text for t in tokenize("وبموسكو قواتها")]
    ['و', 'ب', 'موسكو', 'قوات', 'ها']
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize expects str, got {type(text).__name__}")
    return _tokenize(text)[0]


def _tokenize(text: str) -> tuple[list[Token], list[int], list[tuple[int, int]]]:
    """Return the tokens of ``text``, the indices of quantity candidates and the spans of time anchors.

    A quantity candidate is a number token or one whose ``norm`` is in
    :data:`marsad.text.numbers.QUANTITY_TRIGGERS`; a time anchor a number
    token or one in :data:`marsad.text.timepatterns.ANCHOR_WORDS`. Both are
    read off the cached chunk analyses, so the stages after tokenisation
    need not test every token again (:class:`marsad.text.TextStage`).
    """
    tokens: list[Token] = []
    append = tokens.append
    candidates: list[int] = []
    anchors: list[tuple[int, int]] = []
    analyse = _chunk_memo
    new = object.__new__
    find = text.find
    pos = 0
    with collector_paused():  # tokens form no reference cycles; collecting while building them only costs time
        # str.split() and the offsets found after each other: the same chunks as
        # re.finditer(r"\S+") (both split at str.isspace()), without match objects
        for wi, chunk in enumerate(text.split()):
            start = find(chunk, pos)
            pos = start + len(chunk)
            for t, a, b, norm, kind, stem, lemma, mark in analyse(chunk):
                if mark is not None:  # where quantities or times may start: marked once per distinct chunk
                    if mark[0]:
                        candidates.append(len(tokens))
                    if mark[1]:
                        anchors.append((start + a, start + b))
                tok = new(Token)  # Token(...) without its generated __init__, a Python call per token
                tok.text = t
                tok.start = start + a
                tok.end = start + b
                tok.norm = norm
                tok.kind = kind
                tok.stem = stem
                tok.lemma = lemma
                tok.word_index = wi
                append(tok)
    return tokens, candidates, anchors


def lemma_of(word: str) -> str:
    """Return the lemma used to match a word against lexicon entries.

    Parameters
    ----------
    word : str
        One word as written, with or without clitics and diacritics
        (``"وقتلوا"``, ``"قُتِلَ"``, ``"سيلتقي"``).

    Returns
    -------
    str
        The lemma of the word's stem segment: for a listed verb or one of its
        verbal nouns the perfect 3rd person masculine singular in matching
        form (``قتل``, ``اغتال``, ``استهدف``, ``التقي``), else the light stem.
        Empty for a string without letters or digits.

    Raises
    ------
    TypeError
        If ``word`` is not a string.

    Examples
    --------
    >>> lemma_of("قتلوا") == lemma_of("يقتل") == lemma_of("قُتل") == lemma_of("قتل")
    True
    >>> lemma_of("اغتيلت") == lemma_of("اغتال")
    True
    """
    if not isinstance(word, str):
        raise TypeError(f"lemma_of expects str, got {type(word).__name__}")
    m = re.search(ARABIC_WORD, word)
    if m is None:
        return normalize(word.strip())
    analysis = _chunk_memo(m.group())
    stems = [seg for seg in analysis if seg[4] == "word"]
    if not stems:
        return analysis[-1][6]
    return max(stems, key=lambda seg: seg[2] - seg[1])[6]
