"""The page header: the lines above the first paragraph.

Menus, the headline, the date line, a byline and widget bars sit above the
article body. These rules find the header's end, read the publication date
and byline from it, and pick the headline.
"""

from __future__ import annotations

from marsad.io.dates import is_hijri_dateline, parse_dateline
from marsad.io.furniture import BYLINE, LEAD_IN, RELATIVE_TIME
from marsad.io.lines import LETTER, SENTENCE_PUNCT, Line, key, repeats_headline, strip_widgets, words_with_letters

HEADER_MAX = 40
NAV_MAX_WORDS = 3
_PARAGRAPH_END = (".", "؟", "?", "!", ":", "…")
_CLOSERS = "\"'»”’)]"


def header_end(lines: list[Line]) -> int:
    """Return the index of the first paragraph, at most ``HEADER_MAX``.

    Parameters
    ----------
    lines : list of Line

    Returns
    -------
    int
        Index of the first line of more than 30 words, or of five or more
        words ending in sentence punctuation (closing quotes aside);
        headlines, date lines and menus are neither.
    """
    for i, ln in enumerate(lines[:HEADER_MAX]):
        n = words_with_letters(ln.text, limit=31)
        if n > 30 or (n >= 5 and ln.text.rstrip(_CLOSERS).endswith(_PARAGRAPH_END)):
            return i
    return min(len(lines), HEADER_MAX)


def read_header(header: list[Line]) -> tuple[str | None, str | None]:
    """Read the date line and byline of the header, marking them dropped.

    Parameters
    ----------
    header : list of Line
        The lines above the first paragraph.

    Returns
    -------
    (str or None, str or None)
        ``published`` (ISO 8601, from the first date line) and the byline's
        name.

    Notes
    -----
    A date line that also names a place or agency (at most three words,
    ``"الكويت 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس"``) gives the date
    but stays; a later pure date line (``آخر تحديث: ...``), a relative time
    (``منذ 3 ساعات``) and a Hijri-only date are dropped without giving one.
    """
    published = byline = None
    for ln in header:
        rest, _ = strip_widgets(ln.text)
        if not rest:
            continue
        value = parse_dateline(rest)
        pure = value is not None and parse_dateline(rest, max_rest=0) is not None
        if value and not published:
            published = value
            ln.drop = "dateline" if pure else None
        elif pure or RELATIVE_TIME.match(rest) or is_hijri_dateline(rest):
            ln.drop = "dateline"
        elif byline is None and (m := BYLINE.match(ln.text)) and len(ln.text.split()) <= 7 \
                and not ln.text.endswith(SENTENCE_PUNCT):
            byline, ln.drop = m.group("name").strip(), "byline"
    return published, byline


def is_title(line: Line, following: list[Line]) -> bool:
    """Say whether a header line is a headline.

    Parameters
    ----------
    line : Line
        The candidate.
    following : list of Line
        The lines after it.

    Returns
    -------
    bool
        True for 2–30 words, at most 200 characters, no sentence-final
        ``. ، , : …``, not a "read also" lead-in, followed by a blank line,
        a dropped line, a line at least twice as long, or a widget line
        (alone or with a repeat of this line's first words).
    """
    words = line.text.split()
    if not following or not 2 <= len(words) <= 30 or len(line.text) > 200:
        return False
    if line.text.endswith((".", "،", ",", ":", "…")) or LEAD_IN.match(line.text):
        return False
    nxt = following[0]
    if nxt.blank_before or nxt.drop is not None or len(line.text) < 0.5 * len(nxt.text):
        return True
    # "طباعة بوتين يبحث مع خامنئي" under "بوتين يبحث مع خامنئي الأوضاع في سورية..."
    rest, had_widget = strip_widgets(nxt.text)
    return had_widget and (not LETTER.search(rest) or repeats_headline(rest, key(line.text)))


def find_title(lines: list[Line], end: int) -> Line | None:
    """Find the headline among the header lines; drop the menu lines above it.

    Parameters
    ----------
    lines : list of Line
        All lines; the chosen one is marked ``drop="title"``.
    end : int
        :func:`header_end` (the first line is considered even when it is 0).

    Returns
    -------
    Line or None
        The first kept header line that :func:`is_title` accepts, provided
        every kept line above it is a menu item (at most ``NAV_MAX_WORDS``
        words, then dropped as ``"navigation"``).
    """
    header = [ln for ln in lines[:max(end, 1)] if not ln.drop]
    for k, ln in enumerate(header):
        if is_title(ln, [x for x in lines if x.start > ln.start]):
            above = header[:k]
            if any(len(x.text.split()) > NAV_MAX_WORDS for x in above):
                return None
            for x in above:
                x.drop = "navigation"
            ln.drop = "title"
            return ln
    return None
