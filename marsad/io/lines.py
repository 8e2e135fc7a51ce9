"""Lines of scraped text: the unit cleaning works on.

Cleaning classifies whole lines (a headline, a date line, a widget bar, a
paragraph) and keeps or drops each; it never edits inside a line except to
cut a counter glued to the very end. A :class:`Line` keeps its offsets in
the raw input so every kept or dropped stretch can be traced back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.io.furniture import WIDGET_TOKEN

_LINE = re.compile(r"([^\r\n\u2028\u2029]*)(?:\r\n|[\r\n\u2028\u2029]|$)")
# Spaces and invisible marks trimmed from line ends.
EDGE = " \t\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
       "\u200b\u200e\u200f\u202f\u205f\u3000\ufeff"
# C0 control characters (e.g. SUB \x1a left by old encoders) become spaces.
_CONTROLS = {c: " " for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}
_HAS_CONTROL = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]")
LETTER = re.compile(r"[^\W\d_]")
_NOT_WORD = re.compile(r"[^\w\s]|[\u064B-\u065F\u0670\u0640_]")
_SEPARATORS = re.compile(r"^[\s|•·\-–—:/]+")
# A line ending in these is prose (or a broken sentence), never a caption.
SENTENCE_PUNCT = (".", "؟", "?", "!", ":", "،", ",", "؛", ";")


@dataclass(slots=True)
class Line:
    """One non-empty raw line, trimmed.

    Parameters
    ----------
    start, end : int
        Offsets of the trimmed line in the raw input.
    text : str
        ``raw[start:end]`` with control characters turned into spaces (one
        for one, so offsets stay exact).
    blank_before : bool
        Whether a blank line precedes it.
    drop : str or None
        Why cleaning removes it (a :class:`~marsad.io.clean.Removed` reason,
        or ``"title"``); ``None`` while it is kept.
    """

    start: int
    end: int
    text: str
    blank_before: bool = False
    drop: str | None = None


def split_lines(raw: str) -> list[Line]:
    """Split text into trimmed non-empty lines with their raw offsets.

    Parameters
    ----------
    raw : str
        Any text; ``\\r\\n``, ``\\r``, ``\\n``, U+2028 and U+2029 end lines.

    Returns
    -------
    list of Line
        In input order; blank lines are recorded as ``blank_before`` of the
        next line.
    """
    out: list[Line] = []
    blank = False
    for m in _LINE.finditer(raw):
        if m.start() == m.end() == len(raw) and raw:
            break
        s = m.group(1)
        if _HAS_CONTROL.search(s):
            s = s.translate(_CONTROLS)
        content = s.strip(EDGE)
        if not content:
            blank = True
            continue
        start = m.start() + len(s) - len(s.lstrip(EDGE))
        out.append(Line(start, start + len(content), content, blank_before=blank))
        blank = False
    return out


def words_with_letters(s: str, limit: int | None = None) -> int:
    """Count the whitespace-separated words of ``s`` that hold a letter.

    Parameters
    ----------
    s : str
        A line.
    limit : int, optional
        Stop counting at this many (long lines need not be counted through).

    Returns
    -------
    int
    """
    n = 0
    for w in s.split(None, limit * 2 if limit else -1):
        if LETTER.search(w):
            n += 1
            if limit and n >= limit:
                break
    return n


def key(s: str) -> str:
    """Return the comparison form of ``s``: no punctuation, diacritics or tatweel; single spaces."""
    return " ".join(_NOT_WORD.sub(" ", s).split())


def repeats_headline(line: str, title_key: str) -> bool:
    """Say whether ``line`` is the headline or its first two or more words.

    Parameters
    ----------
    line : str
        A line of text.
    title_key : str
        :func:`key` of the headline; empty when there is none.

    Returns
    -------
    bool
    """
    k = key(line)
    if not k or not title_key:
        return False
    return k == title_key or (len(k.split()) >= 2 and title_key.startswith(k + " "))


def strip_widgets(line: str) -> tuple[str, bool]:
    """Remove widget labels and their counters from the start of a line.

    Parameters
    ----------
    line : str
        A trimmed line (``"طباعة بوتين يبحث مع خامنئي"``).

    Returns
    -------
    (str, bool)
        The rest of the line (``"بوتين يبحث مع خامنئي"``) and whether any
        widget label was removed.
    """
    rest, found = line, False
    while True:
        rest = _SEPARATORS.sub("", rest)
        m = WIDGET_TOKEN.match(rest)
        if not m or not m.group().strip():
            return rest.strip(), found
        rest, found = rest[m.end():], True
