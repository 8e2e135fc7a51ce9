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

import unicodedata
from dataclasses import dataclass, field

from marsad.io.furniture import BREADCRUMB, LEAD_IN, RELATIVE_TIME, TRAILING_COUNTER, TRAILING_FOOTER
from marsad.io.header import find_title, header_end, read_header
from marsad.io.lines import (EDGE, LETTER, SENTENCE_PUNCT, Line, key, repeats_headline, split_lines,
                             strip_widgets)

# Tail furniture (counters, link footers) is looked for in the last characters only.
TAIL_WINDOW = 300


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


def _drop_standalone(lines: list[Line]) -> None:
    """Mark lines that are furniture whatever the headline: links, crumbs, widget bars."""
    for ln in lines:
        if ln.drop:
            continue
        words = len(ln.text.split())
        rest, had_widget = strip_widgets(ln.text)
        if LEAD_IN.match(ln.text) and words <= 25:
            ln.drop = "related link"
        elif BREADCRUMB.match(ln.text) and words <= 15:
            ln.drop = "breadcrumb"
        elif had_widget and LETTER.search(ln.text) and not LETTER.search(rest):
            ln.drop = "widget"
        elif RELATIVE_TIME.match(rest):
            ln.drop = "dateline"  # "منذ 3 ساعات": a timestamp wherever it stands


def _drop_letterless(lines: list[Line], end: int) -> bool:
    """Mark short lines without letters above the first paragraph or after the body.

    Inside the body such lines may be content (lists of numbers, tables) and
    stay. Returns whether any line was marked.
    """
    kept = [i for i, ln in enumerate(lines) if not ln.drop]
    last_prose = max((i for i in kept if LETTER.search(lines[i].text)), default=-1)
    changed = False
    for i in kept:
        ln = lines[i]
        if (i < end or i > last_prose) and not LETTER.search(ln.text) and len(ln.text) <= 20:
            ln.drop = "widget" if strip_widgets(ln.text)[1] else "counter"
            changed = True
    return changed


def _drop_repeats(lines: list[Line], title_key: str) -> None:
    """Mark headline repeats (alone or after a widget) and short lines seen twice."""
    for ln in lines:
        if ln.drop:
            continue
        rest, had_widget = strip_widgets(ln.text)
        if had_widget and repeats_headline(rest, title_key):
            ln.drop = "widget"
        elif len(ln.text.split()) <= 20 and repeats_headline(ln.text, title_key):
            ln.drop = "headline repeat"
    short: dict[str, list[Line]] = {}
    for ln in lines:
        if not ln.drop and len(ln.text.split()) <= 8 and not ln.text.endswith(SENTENCE_PUNCT):
            short.setdefault(key(ln.text), []).append(ln)
    for group in short.values():
        if len(group) >= 2:
            for ln in group:
                ln.drop = "repeated caption" if LETTER.search(ln.text) else "separator"


def _trim_tail(lines: list[Line], removed: list[Removed]) -> bool:
    """Cut share/print counters and link footers glued to the end of the text.

    Returns whether anything was cut.
    """
    changed = False
    for ln in reversed(lines):
        if ln.drop:
            continue
        for rx, reason in ((TRAILING_COUNTER, "counter"), (TRAILING_FOOTER, "footer")):
            m = rx.search(ln.text, max(0, len(ln.text) - TAIL_WINDOW))
            if m and m.start() < len(ln.text):
                cut = len(ln.text[: m.start()].rstrip(EDGE))
                removed.append(Removed(ln.start + cut, ln.end, reason, ln.text[cut:]))
                ln.end = ln.start + cut
                ln.text = ln.text[:cut]
                changed = True
        if ln.text:
            return changed
        ln.drop = "counter"
    return changed


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
    Each removal is recorded in ``removed`` with its reason. The page
    header is the lines above the first paragraph (:mod:`marsad.io.header`):

    * the first date line sets ``published`` and is removed (kept when it
      also names a place or agency); later date lines, relative times and
      Hijri-only dates are removed;
    * short menu lines above the headline, and a byline (``بقلم ...``,
      ``كتب - ...``, kept in ``byline``), are removed.

    Anywhere:

    * a line of widget labels (``طباعة``, ``شارك``, ``A+``...) with at most
      counters or a repeat of the headline's first words;
    * a short line (≤ 20 words) repeating the headline's start, and a short
      line (≤ 8 words, no sentence punctuation) seen twice or more
      (captions, ``***`` separators);
    * "read also", photo-credit, tag and source lead-in lines (≤ 25 words)
      and breadcrumb trails (``الرئيسية > أخبار > سوريا``);
    * a line without letters above the first paragraph or after the body
      (inside the body it is content);
    * a share/print counter or link footer at the very end is cut
      (``"...ذلك.شارك8868"`` keeps ``"...ذلك."``).

    Examples
    --------
    >>> r = clean_scraped_text("عنوان الخبر هنا\\n\\nالسبت 21/نوفمبر/2015 - 09:59 م\\nطباعة\\nنص الخبر.\\nشارك12")
    >>> r.title, r.published, r.text
    ('عنوان الخبر هنا', '2015-11-21T21:59:00', 'عنوان الخبر هنا\\n\\nنص الخبر.')
    """
    lines = split_lines(raw)
    removed: list[Removed] = []
    end = header_end(lines)
    published, byline = read_header(lines[:end])
    _drop_standalone(lines)
    _drop_letterless(lines, end)
    title_line = None
    if title is None:
        title_line = find_title(lines, end)
        title = title_line.text if title_line else None
    title = unicodedata.normalize("NFC", " ".join(title.split())) if title else None
    _drop_repeats(lines, key(title) if title else "")
    while _drop_letterless(lines, end) | _trim_tail(lines, removed):
        pass  # each cut at the end may expose another counter line
    for ln in lines:
        if ln.drop and ln.drop != "title":
            removed.append(Removed(ln.start, ln.end, ln.drop, raw[ln.start:ln.end]))
    removed.sort(key=lambda r: r.start)
    result = _assemble(lines, title, title_line, published, removed)
    result.byline = byline
    return result


def _assemble(lines: list[Line], title: str | None, title_line: Line | None,
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
    prev: Line | None = None
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
