"""Build a cleaned :class:`~marsad.doc.Doc` from one article in any shape.

Three entry points share one cleaning path (:func:`marsad.io.clean.clean_scraped_text`):
plain text, an HTML page (main text found by trafilatura) and a record
(a JSON object or CSV row with the article in ``text`` or ``content``).
"""

from __future__ import annotations

import html as htmllib
import re
from typing import Any
from urllib.parse import urlsplit

from marsad.doc import Doc
from marsad.errors import InputError
from marsad.io.clean import clean_scraped_text
from marsad.io.dates import parse_iso_like
from marsad.io.lines import words_with_letters

TEXT_FIELDS = ("text", "content", "body", "article", "full_text")
HTML_FIELDS = ("html", "raw_html", "page_html")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "uri")
DATE_FIELDS = ("published", "date_published", "published_at", "publish_date", "pubDate",
               "date", "datetime", "date_extracted")
CRAWL_DATE_FIELD = "date_extracted"
SOURCE_FIELDS = ("source", "site", "publisher", "outlet")
# Carried values longer than this stay out of ``meta`` (they are text, not metadata).
MAX_META_CHARS = 2000
MIN_ARTICLE_LETTERS = 20
MIN_SENTENCE_WORDS = 5
NO_ARTICLE = "HTML with no article"

_META_DATE = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|"
    r"datePublished|og:published_time|pubdate|publishdate|dc\.date\.issued)[\"'][^>]*>",
    re.I,
)
_CONTENT_ATTR = re.compile(r"content\s*=\s*[\"']([^\"']+)[\"']", re.I)
_TIME_TAG = re.compile(r"<time\b[^>]*?datetime\s*=\s*[\"']([^\"']+)[\"']", re.I)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
_LETTER = re.compile(r"[^\W\d_]")


def _where(meta: dict[str, Any]) -> tuple[str, int | None]:
    """Return ``(input name, record number)`` for error messages."""
    return str(meta.get("input") or "<text>"), meta.get("record_no")


def _host(url: str | None) -> str | None:
    """Return the host of ``url`` without ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(str(url)).hostname or ""
    except ValueError:  # a malformed address is metadata, not a reason to refuse the article
        return None
    return host.removeprefix("www.") or None


def doc_from_text(text: str, **fields: Any) -> Doc:
    """Build a cleaned Doc from a plain-text article.

    Parameters
    ----------
    text : str
        The article as scraped or typed; page furniture is removed by
        :func:`marsad.io.clean.clean_scraped_text`.
    **fields
        ``title``, ``url``, ``source``, ``published`` (any shape
        :func:`marsad.io.dates.parse_iso_like` reads), ``raw`` (what was read,
        defaults to ``text``) and ``meta`` (dict with ``input``,
        ``record_no``...). Any other keyword is carried into ``meta``.

    Returns
    -------
    Doc
        ``text`` = headline, blank line, body; ``published`` from the fields,
        else from the article's date line; a removed byline's name goes to
        ``meta["author"]`` unless one was given.

    Raises
    ------
    TypeError
        If ``text`` is not a str.
    InputError
        ``"empty body"`` when the text has no letters, ``"empty body (only
        page furniture)"`` when cleaning removed everything.

    Examples
    --------
    >>> doc = doc_from_text("اجتماع وزاري في عمّان\\n\\nالثلاثاء 12 مارس 2024\\nاجتمع الوزراء اليوم.")
    >>> doc.title, doc.published, doc.text
    ('اجتماع وزاري في عمّان', '2024-03-12', 'اجتماع وزاري في عمّان\\n\\nاجتمع الوزراء اليوم.')
    """
    if not isinstance(text, str):
        raise TypeError(f"expected article text as str, got {type(text).__name__}")
    meta = dict(fields.pop("meta", None) or {})
    raw = fields.pop("raw", None)
    title = fields.pop("title", None) or None
    url = fields.pop("url", None) or None
    source = fields.pop("source", None) or None
    published = fields.pop("published", None)
    meta.update(fields)
    meta.setdefault("input", None)
    meta.setdefault("record_no", None)
    result = clean_scraped_text(text, title=str(title) if title else None)
    if not _LETTER.search(result.body):
        where, record_no = _where(meta)
        reason = "empty body (only page furniture)" if _LETTER.search(text) else "empty body"
        raise InputError(where, reason, record_no)
    if result.byline:
        meta.setdefault("author", result.byline)
    when = parse_iso_like(published) if published else None
    if result.published and meta.get("published_field") == CRAWL_DATE_FIELD:
        when = result.published  # the article's own date line beats the crawl time
    return Doc(
        text=result.text,
        raw=text if raw is None else raw,
        title=result.title,
        url=str(url) if url else None,
        source=str(source) if source else _host(url),
        published=when or result.published,
        meta=meta,
    )


def _decode_html(html: bytes, source: str, record_no: int | None) -> str:
    """Decode HTML bytes by BOM, ``<meta charset>``, or detection."""
    from marsad.io.decode import decode_bytes

    m = _CHARSET.search(html[:4096])
    if m and not html.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return html.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(html, source, record_no, markup=True)


def _html_datetime(html: str, day: str | None) -> str | None:
    """Return the page's full publication datetime when it agrees with ``day``."""
    candidates = [c.group(1) for m in _META_DATE.finditer(html) if (c := _CONTENT_ATTR.search(m.group()))]
    candidates += _TIME_TAG.findall(html)
    for value in candidates:
        iso = parse_iso_like(value)
        if iso and (day is None or iso.startswith(day)):
            return iso
    return day


def _has_sentence(body: str) -> bool:
    """Say whether some line of ``body`` is prose (``MIN_SENTENCE_WORDS`` words), not a menu."""
    return any(words_with_letters(line, limit=MIN_SENTENCE_WORDS) >= MIN_SENTENCE_WORDS
               for line in body.splitlines())


def doc_from_html(html: str | bytes, url: str | None = None, **fields: Any) -> Doc:
    """Build a cleaned Doc from an HTML page: main text, title, date and url.

    Parameters
    ----------
    html : str or bytes
        The page. Bytes are decoded by BOM, ``<meta charset>``, then
        :func:`marsad.io.decode.decode_bytes`.
    url : str, optional
        Where the page came from; otherwise the page's canonical url if any.
    **fields
        As for :func:`doc_from_text`; given ``title``/``published`` win over
        what the page says.

    Returns
    -------
    Doc
        ``raw`` is the HTML; ``text`` the headline and the main text that
        trafilatura finds (navigation, ads and comments left out), cleaned.

    Raises
    ------
    TypeError
        If ``html`` is neither str nor bytes.
    InputError
        ``"HTML with no article"`` when the main text found has fewer than 20
        letters or no line of five words (a menu, a gallery); encoding errors
        from :func:`marsad.io.decode.decode_bytes`.
    """
    import trafilatura

    if not isinstance(html, (str, bytes)):
        raise TypeError(f"expected an HTML page as str or bytes, got {type(html).__name__}")
    meta = dict(fields.get("meta") or {})
    page = _decode_html(html, *_where(meta)) if isinstance(html, bytes) else html
    extracted = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=True,
    )
    body = (extracted.text or "") if extracted is not None else ""
    if len(_LETTER.findall(body)) < MIN_ARTICLE_LETTERS or not _has_sentence(body):
        where, record_no = _where(meta)
        raise InputError(where, NO_ARTICLE, record_no)
    if not fields.get("title"):
        fields["title"] = extracted.title
    if not fields.get("published"):
        fields["published"] = _html_datetime(page, extracted.date)
    fields["url"] = url or extracted.url
    if not fields.get("source") and not fields["url"] and extracted.sitename:
        fields["source"] = extracted.sitename  # og:site_name when no address is known
    fields["raw"] = page
    try:
        return doc_from_text(body, **fields)
    except InputError as exc:
        raise InputError(exc.source, NO_ARTICLE, exc.record_no) from None


def _first(record: dict, names: tuple[str, ...]) -> tuple[str | None, Any]:
    """Return ``(field name, value)`` of the first non-empty field of ``names``."""
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return name, value
    return None, None


def doc_from_record(record: dict, source: str, record_no: int | None) -> Doc:
    """Build a cleaned Doc from one record of a JSON, JSONL or CSV input.

    Parameters
    ----------
    record : dict
        The article in ``text``/``content``/``body``/``article``/``full_text``,
        or else as a page in ``html``/``raw_html``/``page_html`` (read by
        :func:`doc_from_html`);
        optional ``title``/``headline``, ``url``/``link``, a date in
        ``published``, ``date``, ``date_extracted`` (and similar: see
        ``DATE_FIELDS``, first non-empty wins; a crawl time in
        ``date_extracted`` yields to a date line in the article itself), and
        ``source``. Every other
        scalar field (``id``, ``author``...) is carried into ``meta``.
    source : str
        The input the record came from (path, ``zip!member``, URL or ``-``).
    record_no : int or None
        1-based record number within that input.

    Returns
    -------
    Doc
        ``meta`` holds ``input``, ``record_no``, the carried fields and,
        when a date was read, ``published_field`` (which field gave it).

    Raises
    ------
    InputError
        ``"record is not a JSON object"``, ``"record has no text or content
        field"``, ``"empty body"``.
    """
    if not isinstance(record, dict):
        raise InputError(source, "record is not a JSON object", record_no)
    text_field, text = _first(record, TEXT_FIELDS)
    html_field, page = _first(record, HTML_FIELDS)
    if text_field is None and html_field is None:
        reason = "empty body" if any(f in record for f in TEXT_FIELDS) else "record has no text or content field"
        raise InputError(source, reason, record_no)
    _, title = _first(record, TITLE_FIELDS)
    if isinstance(title, str) and "&" in title:
        title = htmllib.unescape(title)  # crawlers often keep entities such as &#8220;
    _, url = _first(record, URL_FIELDS)
    date_field, date = _first(record, DATE_FIELDS)
    _, outlet = _first(record, SOURCE_FIELDS)
    used = set(TEXT_FIELDS) | set(HTML_FIELDS) | set(TITLE_FIELDS) | set(URL_FIELDS) | set(SOURCE_FIELDS) | {date_field}
    meta: dict[str, Any] = {"input": source, "record_no": record_no}
    for key, value in record.items():
        if key in used or value == "" or not isinstance(value, (str, int, float, bool)):
            continue
        if isinstance(value, str) and len(value) > MAX_META_CHARS:
            continue
        meta.setdefault(key, value)
    if date_field:
        meta["published_field"] = date_field
    fields = {"title": str(title) if title else None, "source": outlet, "published": date, "meta": meta}
    if text_field is None:
        return doc_from_html(str(page), url=url, **fields)
    return doc_from_text(str(text), url=url, **fields)
