"""Clean scraped article text: headline, dateline, body, and nothing else.

A news page scraped to plain text carries the page around the article: a
"print" widget glued to a repeat of the headline, the publication date line,
the headline repeated as image captions between paragraphs, "read also"
links and share/view counters at the end. :func:`clean_scraped_text` keeps
the headline and the body paragraphs, parses the date line, and records every
stretch it removed, with offsets into the raw input, so nothing is lost.

The cleaned text is assembled from whole raw lines (trimmed, NFC), so each
line of the result maps back to one line of the raw input
(:meth:`CleanResult.to_raw`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from marsad.io.dates import is_hijri_dateline, parse_dateline
from marsad.io.furniture import (BREADCRUMB, BYLINE, LEAD_IN, RELATIVE_TIME, TRAILING_COUNTER, TRAILING_FOOTER,
                                 WIDGET_TOKEN)

_LINE = re.compile(r"([^\r\n\u2028\u2029]*)(?:\r\n|[\r\n\u2028\u2029]|$)")
_EDGE = " \t\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
        "\u200b\u200e\u200f\u202f\u205f\u3000\ufeff"
# C0 control characters (e.g. SUB \x1a left by old encoders) become spaces.
_CONTROLS = {c: " " for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}
_LETTER = re.compile(r"[^\W\d_]")
_NOT_WORD = re.compile(r"[^\w\s]|[\u064B-\u065F\u0670\u0640_]")
_SEPARATORS = re.compile(r"^[\s|•·\-–—:/]+")
# The page header (menus, title, date, byline, widgets) is at most this many
# lines and ends at the first paragraph.
HEADER_MAX = 12
NAV_MAX_WORDS = 3
# A line ending in these is prose (or a broken sentence), never a caption.
_SENTENCE_PUNCT = (".", "؟", "?", "!", ":", "،", ",", "؛", ";")
_PARAGRAPH_END = (".", "؟", "?", "!", ":", "…")
_CLOSERS = "\"'»”’)]"


@dataclass(frozen=True, slots=True)
class Removed:
    """A stretch of the raw input that cleaning dropped.

    Parameters
    ----------
    start, end : int
        Half-open code-point offsets into the raw input.
    reason : str
        ``"dateline"``, ``"byline"``, ``"navigation"``, ``"widget"``, ``"headline repeat"``,
        ``"related link"``, ``"breadcrumb"``, ``"repeated caption"``, ``"separator"``,
        ``"counter"`` or ``"footer"``.
    text : str
        The removed characters.
    """

    start: int
    end: int
    reason: str
    text: str


@dataclass(slots=True)
class CleanResult:
    """What :func:`clean_scraped_text` returns.

    Parameters
    ----------
    text : str
        Headline (when known) on the first line, a blank line, then the body
        paragraphs. Empty when nothing is left.
    title : str or None
        The headline.
    published : str or None
        ISO 8601 publication date from the date line.
    body_start : int
        Offset in ``text`` where the body begins (0 without a headline).
    byline : str or None
        The author named on a removed byline line (``بقلم محمد علي``).
    removed : list of Removed
        Every dropped stretch of the raw input, in input order.
    pieces : list of tuple of int
        ``(text_start, text_end, raw_start, raw_end)`` for each line of
        ``text`` taken from the raw input (a title given by the caller has
        none).
    """

    text: str
    title: str | None = None
    published: str | None = None
    body_start: int = 0
    byline: str | None = None
    removed: list[Removed] = field(default_factory=list)
    pieces: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The body paragraphs without the headline."""
        return self.text[self.body_start:]

    def to_raw(self, offset: int) -> int | None:
        """Map an offset in ``text`` to the raw input.

        Parameters
        ----------
        offset : int
            Code-point offset into ``text``.

        Returns
        -------
        int or None
            The raw offset: exact within a line unless NFC changed that
            line's length (then the line's raw start); ``None`` for the
            separators between lines and for a caller-given title.
        """
        for ts, te, rs, re_ in self.pieces:
            if ts <= offset < te:
                return rs + (offset - ts) if te - ts == re_ - rs else rs
        return None


@dataclass(slots=True)
class _Line:
    """One raw line, trimmed: ``raw[start:end]``; ``blank_before`` if a blank line precedes it."""

    start: int
    end: int
    text: str
    blank_before: bool = False
    drop: str | None = None


def _lines(raw: str) -> list[_Line]:
    """Split ``raw`` into trimmed non-empty lines with their raw offsets."""
    out: list[_Line] = []
    blank = False
    for m in _LINE.finditer(raw):
        if m.start() == m.end() == len(raw) and raw:
            break
        s = m.group(1).translate(_CONTROLS)  # one for one: offsets stay exact
        content = s.strip(_EDGE)
        if not content:
            blank = True
            continue
        start = m.start() + len(s) - len(s.lstrip(_EDGE))
        out.append(_Line(start, start + len(content), content, blank_before=blank))
        blank = False
    return out


def _words_with_letters(s: str) -> int:
    """Count the words of ``s`` that hold at least one letter."""
    return sum(1 for w in s.split() if _LETTER.search(w))


def _key(s: str) -> str:
    """Comparison form: no punctuation, diacritics or tatweel; single spaces."""
    return " ".join(_NOT_WORD.sub(" ", s).split())


def _repeats_headline(line: str, title_key: str) -> bool:
    """Return True when ``line`` is the headline or its first words (two or more)."""
    k = _key(line)
    if not k or not title_key:
        return False
    if k == title_key:
        return True
    return len(k.split()) >= 2 and title_key.startswith(k + " ")


def _strip_widgets(line: str) -> tuple[str, bool]:
    """Remove widget labels (and counters) from the start of ``line``.

    Returns the rest of the line and whether anything was removed.
    """
    rest, found = line, False
    while True:
        rest = _SEPARATORS.sub("", rest)
        m = WIDGET_TOKEN.match(rest)
        if not m or not m.group().strip():
            return rest.strip(), found
        rest, found = rest[m.end():], True


def _find_title(lines: list[_Line], header_end: int) -> _Line | None:
    """Find the headline among the header lines; drop the menu lines above it.

    The headline is the first remaining header line that :func:`_is_title`
    accepts (or the first line, when the header is empty). Short lines
    (at most ``NAV_MAX_WORDS`` words) above it are site navigation.
    """
    header = [ln for ln in lines[:max(header_end, 1)] if not ln.drop]
    for k, ln in enumerate(header):
        if _is_title(ln, [x for x in lines if x.start > ln.start]):
            above = header[:k]
            if all(len(x.text.split()) <= NAV_MAX_WORDS for x in above):
                for x in above:
                    x.drop = "navigation"
                ln.drop = "title"
                return ln
            return None
    return None


def _is_title(line: _Line, following: list[_Line]) -> bool:
    """Decide whether the first content line is a headline."""
    words = line.text.split()
    if not following or not 2 <= len(words) <= 30 or len(line.text) > 200:
        return False
    if line.text.endswith((".", "،", ",", ":", "…")) or LEAD_IN.match(line.text):
        return False
    nxt = following[0]
    return (nxt.blank_before or nxt.drop is not None
            or len(line.text) < 0.5 * len(nxt.text))


def _read_header(header: list[_Line]) -> tuple[str | None, str | None]:
    """Find the date line and byline among the first lines; mark them dropped.

    Returns ``(published, byline)``. A date line that also names a place or
    agency (``"الكويت 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس"``) gives
    the date but stays in the text; relative times (``منذ 3 ساعات``) and
    Hijri-only dates are dropped without giving one.
    """
    published = byline = None
    for ln in header:
        rest, _ = _strip_widgets(ln.text)
        if not rest:
            continue
        value = parse_dateline(rest)
        if value and not published:
            published = value
            ln.drop = "dateline" if parse_dateline(rest, max_rest=0) else None
        elif value and parse_dateline(rest, max_rest=0):
            ln.drop = "dateline"  # a second date line ("آخر تحديث: ...")
        elif RELATIVE_TIME.match(rest) or is_hijri_dateline(rest):
            ln.drop = "dateline"
        elif byline is None and (m := BYLINE.match(ln.text)) and len(ln.text.split()) <= 7 \
                and not ln.text.endswith(_SENTENCE_PUNCT):
            byline, ln.drop = m.group("name").strip(), "byline"
    return published, byline


def _header_end(lines: list[_Line]) -> int:
    """Return the index of the first paragraph (or ``HEADER_MAX``).

    A paragraph is a line of more than 30 words, or of five or more words
    ending in sentence punctuation; headlines, date lines and menus are not.
    """
    for i, ln in enumerate(lines[:HEADER_MAX]):
        n = _words_with_letters(ln.text)
        if n > 30 or (n >= 5 and ln.text.rstrip(_CLOSERS).endswith(_PARAGRAPH_END)):
            return i
    return min(len(lines), HEADER_MAX)


def _drop_standalone(lines: list[_Line], header_end: int) -> None:
    """Mark lines that are furniture whatever the headline: links, crumbs, widgets, counters."""
    last_prose = max((i for i, ln in enumerate(lines) if _LETTER.search(ln.text)), default=-1)
    for i, ln in enumerate(lines):
        if ln.drop:
            continue
        words = len(ln.text.split())
        rest, had_widget = _strip_widgets(ln.text)
        # Lines without letters are counters before the first paragraph or after the body;
        # inside the body they may be content (lists of numbers, tables).
        edge = i < header_end or i > last_prose
        if LEAD_IN.match(ln.text) and words <= 25:
            ln.drop = "related link"
        elif BREADCRUMB.match(ln.text) and words <= 15:
            ln.drop = "breadcrumb"
        elif had_widget and not _LETTER.search(rest) and (edge or _LETTER.search(ln.text)):
            ln.drop = "widget"
        elif edge and not _LETTER.search(ln.text) and len(ln.text) <= 20:
            ln.drop = "counter"


def _drop_repeats(lines: list[_Line], title_key: str) -> None:
    """Mark headline repeats (alone or after a widget) and short lines seen twice."""
    for ln in lines:
        if ln.drop:
            continue
        rest, had_widget = _strip_widgets(ln.text)
        if had_widget and _repeats_headline(rest, title_key):
            ln.drop = "widget"
        elif len(ln.text.split()) <= 20 and _repeats_headline(ln.text, title_key):
            ln.drop = "headline repeat"
    short: dict[str, list[_Line]] = {}
    for ln in lines:
        if not ln.drop and len(ln.text.split()) <= 8 and not ln.text.endswith(_SENTENCE_PUNCT):
            short.setdefault(_key(ln.text), []).append(ln)
    for group in short.values():
        if len(group) >= 2:
            for ln in group:
                ln.drop = "repeated caption" if _LETTER.search(ln.text) else "separator"


def _trim_tail(lines: list[_Line], raw: str, removed: list[Removed]) -> None:
    """Cut share/print counters and link footers glued to the end of the text."""
    for ln in reversed(lines):
        if ln.drop:
            continue
        for rx, reason in ((TRAILING_COUNTER, "counter"), (TRAILING_FOOTER, "footer")):
            m = rx.search(ln.text)
            if m and m.start() < len(ln.text):
                cut = len(ln.text[: m.start()].rstrip(_EDGE))
                removed.append(Removed(ln.start + cut, ln.end, reason, ln.text[cut:]))
                ln.end = ln.start + cut
                ln.text = ln.text[:cut]
        if ln.text:
            return
        ln.drop = "counter"


def clean_scraped_text(raw: str, title: str | None = None) -> CleanResult:
    """Separate a scraped article's headline, date and body from page furniture.

    Parameters
    ----------
    raw : str
        The article as scraped to plain text (any line endings).
    title : str, optional
        The headline when it is known from elsewhere (a record's ``title``
        field, HTML metadata). Otherwise the first header line that looks
        like a headline is taken: 2–30 words, at most 200 characters, no
        sentence-final punctuation, followed by a blank line, a removed line
        or a line at least twice as long.

    Returns
    -------
    CleanResult
        ``text`` is ``title + "\\n\\n" + body`` (or only the body). Body
        paragraphs keep the raw line breaks; runs of blank lines become one
        blank line, and so does a removed line inside the body.

    Notes
    -----
    Rules, each recorded in ``removed`` with its reason:

    The page header is the lines before the first paragraph (a line of
    five or more words ending in sentence punctuation, or of more than 30
    words), at most 12.

    * a date line in the header (weekday, date, 12-hour time
      with ``ص``/``م``, labels such as ``نشر في``) sets ``published`` and is
      removed; one that also names a place or agency (at most three words,
      ``"الكويت 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس"``) stays;
      relative times (``منذ 3 ساعات``) and Hijri-only dates are removed too;
    * a later pure date line (``آخر تحديث: ...``) is removed too;
    * short menu lines (≤ 3 words) above the headline are removed;
    * a byline in the header (``بقلم ...``, ``كتب - ...``) is
      removed and its name kept in ``byline``;
    * a line of widget labels (``طباعة``, ``شارك``, ``A+``...) with at most
      counters or a repeat of the headline's first words is dropped, and so
      is a line without letters before the first paragraph (within six
      lines) or after the body;
    * a short line (≤ 20 words) repeating the headline's start, or a short
      line occurring twice or more (image captions), is dropped;
    * "read also"/"related"/photo-credit lead-in lines (≤ 25 words) and
      breadcrumb trails (``الرئيسية > أخبار > سوريا``) are dropped;
    * a share/print counter or link footer at the very end is cut
      (``"...ذلك.شارك8868"`` keeps ``"...ذلك."``).

    Examples
    --------
    >>> r = clean_scraped_text("عنوان الخبر هنا\\n\\nالسبت 21/نوفمبر/2015 - 09:59 م\\nطباعة\\nنص الخبر.\\nشارك12")
    >>> r.title, r.published, r.text
    ('عنوان الخبر هنا', '2015-11-21T21:59:00', 'عنوان الخبر هنا\\n\\nنص الخبر.')
    """
    lines = _lines(raw)
    removed: list[Removed] = []
    header_end = _header_end(lines)
    published, byline = _read_header(lines[:header_end])
    _drop_standalone(lines, header_end)
    title_line = None
    if title is None:
        title_line = _find_title(lines, header_end)
        title = title_line.text if title_line else None
    title = unicodedata.normalize("NFC", " ".join(title.split())) if title else None
    _drop_repeats(lines, _key(title) if title else "")
    _trim_tail(lines, raw, removed)
    for ln in lines:
        if ln.drop and ln.drop != "title":
            removed.append(Removed(ln.start, ln.end, ln.drop, raw[ln.start:ln.end]))
    removed.sort(key=lambda r: r.start)
    result = _assemble(lines, title, title_line, published, removed)
    result.byline = byline
    return result


def _assemble(lines: list[_Line], title: str | None, title_line: _Line | None,
              published: str | None, removed: list[Removed]) -> CleanResult:
    """Join the headline and kept lines into the cleaned text, recording pieces."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    pos = 0

    def add(s: str, raw_span: tuple[int, int] | None) -> None:
        nonlocal pos
        s = unicodedata.normalize("NFC", s)
        if raw_span is not None:
            pieces.append((pos, pos + len(s), raw_span[0], raw_span[1]))
        parts.append(s)
        pos += len(s)

    if title:
        add(title, (title_line.start, title_line.end) if title_line else None)
    body_start = 0
    prev: _Line | None = None
    gap = False
    for ln in lines:
        if ln.drop:
            gap = True  # a removed line (caption, separator) still parts paragraphs
            continue
        if pos:
            add("\n" if prev is not None and not (ln.blank_before or gap) else "\n\n", None)
        if prev is None:
            body_start = pos
        add(ln.text, (ln.start, ln.end))
        prev, gap = ln, False
    if prev is None:
        body_start = pos
    return CleanResult("".join(parts), title, published, body_start, removed=removed, pieces=pieces)
