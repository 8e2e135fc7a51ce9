"""One reader per input format, each yielding ``Doc`` or ``InputError`` per article.

Every reader has the signature ``reader(stream, source, max_bytes)``:

stream : binary file object
    The open input, read from its current position.
source : str
    The input's name, used in errors and as ``meta["input"]`` (a path,
    ``archive.zip!member``, a URL or ``-``).
max_bytes : int
    Largest single article (file, page, WARC record) accepted, in bytes.

and yields, in input order, one :class:`~marsad.doc.Doc` or one
:class:`~marsad.errors.InputError` per article. A failure that concerns one
article is yielded and reading goes on; a failure that ends the stream
(truncated gzip, malformed JSON array) is yielded last.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from marsad.doc import Doc
from marsad.errors import InputError
from marsad.io.articles import HTML_FIELDS, TEXT_FIELDS, doc_from_html, doc_from_record, doc_from_text
from marsad.io.decode import decode_bytes
from marsad.io.streams import iter_json_values, text_stream

log = logging.getLogger(__name__)

Item = Doc | InputError
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
CONTAINER_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile)
Reader = Callable[[BinaryIO, str, int], Iterator[Item]]


def _read_capped(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """Read a whole stream, refusing more than ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, f"file larger than {max_bytes} bytes")
    return data


def guard(source: str, record_no: int | None, build: Callable[[], Doc]) -> Item:
    """Build one article, turning its failure into a value.

    Parameters
    ----------
    source : str
        Input name for the error.
    record_no : int or None
        Record number for the error.
    build : callable
        ``build() -> Doc``.

    Returns
    -------
    Doc or InputError
        The doc; the ``InputError`` it raised; or an ``InputError`` with
        reason ``"unreadable (<type>: <message>)"`` for any other exception
        (logged at debug level), so one bad article never stops a batch.

    Raises
    ------
    EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile
        Damage to the container, re-raised for its reader to report.
    """
    try:
        return build()
    except InputError as exc:
        return exc
    except CONTAINER_ERRORS:
        raise  # damage to the file itself: the container's reader reports it
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
        log.debug("unexpected failure on %s record %s", source, record_no, exc_info=True)
        return InputError(source, f"unreadable ({type(exc).__name__}: {exc})", record_no)


def read_txt(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """Yield the one article of a plain-text file (encoding detected).

    A file that starts like an HTML page (``<!DOCTYPE html>``, ``<html>``)
    is read as one, whatever its name.

    Parameters
    ----------
    stream, source, max_bytes
        As for every reader (see :mod:`marsad.io.formats`).

    Yields
    ------
    Doc or InputError
        One per article, in order.
    """
    def build() -> Doc:
        data = _read_capped(stream, source, max_bytes)
        if _HTML_START.match(data[:1024]):  # a saved page under another name
            return doc_from_html(data, meta={"input": source, "record_no": None})
        text = decode_bytes(data, source)
        return doc_from_text(text, meta={"input": source, "record_no": None})
    yield guard(source, None, build)


def read_html(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """Yield the one article of an HTML page.

    Parameters
    ----------
    stream, source, max_bytes
        As for every reader (see :mod:`marsad.io.formats`).

    Yields
    ------
    Doc or InputError
        One per article, in order.
    """
    def build() -> Doc:
        data = _read_capped(stream, source, max_bytes)
        if not data.strip():
            raise InputError(source, "empty file")
        return doc_from_html(data, meta={"input": source, "record_no": None})
    yield guard(source, None, build)


# Keys under which JSON exports wrap their list of articles: {"articles": [...]}.
WRAPPER_KEYS = ("articles", "items", "data", "results", "docs", "records", "entries", "news")


def _unwrap(values: Iterator[object]) -> Iterator[object]:
    """Yield records, opening an object that only wraps a list of them."""
    for value in values:
        if isinstance(value, dict) and not any(k in value for k in TEXT_FIELDS + HTML_FIELDS):
            key = next((k for k in WRAPPER_KEYS if isinstance(value.get(k), list)), None)
            if key is not None:
                yield from value[key]
                continue
        yield value


def _records(values: Iterator[object], source: str, start: int = 1) -> Iterator[Item]:
    """Turn decoded JSON values into docs, numbering records from ``start``."""
    n = start - 1
    try:
        for n, value in enumerate(_unwrap(values), start):
            yield guard(source, n, lambda v=value, k=n: doc_from_record(v, source, k))
    except json.JSONDecodeError as exc:
        yield InputError(source, f"malformed JSON ({exc.msg})", n + 1)
    except UnicodeDecodeError as exc:
        yield InputError(source, f"unknown encoding (invalid {exc.encoding} after record {n})", n + 1)


def _open_text(stream: BinaryIO, source: str) -> tuple[io.TextIOWrapper, bytes] | InputError:
    """Open ``stream`` as text, or return the error (binary, unknown encoding, empty)."""
    try:
        f, head = text_stream(stream, source)
    except InputError as exc:
        return exc
    return (f, head) if head.strip() else InputError(source, "empty file")


def read_json(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """Yield the articles of a JSON array, a single JSON object, or concatenated objects.

    Parameters
    ----------
    stream, source, max_bytes
        As for every reader (see :mod:`marsad.io.formats`).

    Yields
    ------
    Doc or InputError
        One per article, in order.
    """
    opened = _open_text(stream, source)
    if isinstance(opened, InputError):
        yield opened
        return
    f, head = opened
    yield from _records(iter_json_values(f), source)


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """Yield one article per line of a JSON Lines file; record numbers are line numbers.

    Parameters
    ----------
    stream, source, max_bytes
        As for every reader (see :mod:`marsad.io.formats`).

    Yields
    ------
    Doc or InputError
        One per article, in order.
    """
    opened = _open_text(stream, source)
    if isinstance(opened, InputError):
        yield opened
        return
    f, head = opened
    yield from iter_jsonl_lines(f, source)


def iter_jsonl_lines(lines, source: str, first_no: int = 1) -> Iterator[Item]:
    """Yield one article (or error) per non-blank line of JSON Lines text.

    Parameters
    ----------
    lines : iterable of str
        The lines; blank ones are skipped but still counted.
    source : str
        Input name.
    first_no : int, default 1
        Line number of the first line.

    Yields
    ------
    Doc or InputError
        One per non-blank line; ``record_no`` is the line number.
    """
    no = first_no - 1
    try:
        for no, line in enumerate(lines, first_no):
            if not line.strip():
                continue
            try:
                record = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                yield InputError(source, f"malformed JSON line ({exc.msg}, column {exc.colno})", no)
                continue
            yield guard(source, no, lambda r=record, k=no: doc_from_record(r, source, k))
    except UnicodeDecodeError as exc:
        yield InputError(source, f"unknown encoding (invalid {exc.encoding} after line {no})", no + 1)


CSV_DELIMITERS = (",", "\t", ";", "|")


def read_csv(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """Yield one article per CSV/TSV row; record numbers count rows after the header.

    The header row names the fields; the delimiter is whichever of
    ``, TAB ; |`` the header uses most.

    Parameters
    ----------
    stream, source, max_bytes
        As for every reader (see :mod:`marsad.io.formats`).

    Yields
    ------
    Doc or InputError
        One per article, in order.
    """
    opened = _open_text(stream, source)
    if isinstance(opened, InputError):
        yield opened
        return
    f, head = opened
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))  # articles are long fields
    first_line = head.decode(f.encoding, errors="ignore").lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    rows = csv.DictReader(f, delimiter=delimiter)
    n = 0
    try:
        for n, row in enumerate(rows, 1):
            clean = {k: v for k, v in row.items() if k is not None}
            yield guard(source, n, lambda r=clean, k=n: doc_from_record(r, source, k))
    except csv.Error as exc:
        yield InputError(source, f"malformed CSV ({exc})", n + 1)
    except UnicodeDecodeError as exc:
        yield InputError(source, f"unknown encoding (invalid {exc.encoding} after row {n})", n + 1)


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """Yield one article per HTML response record of a WARC (plain or gzipped).

    Records other than ``response`` with an HTML payload and a 2xx status
    are skipped. ``record_no`` counts the HTML response records; the
    target URI becomes ``url`` and the WARC date and record id go to ``meta``.

    Parameters
    ----------
    stream, source, max_bytes
        As for every reader (see :mod:`marsad.io.formats`).

    Yields
    ------
    Doc or InputError
        One per article, in order.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            ctype = (record.http_headers.get_header("Content-Type") or "text/html").lower()
            if not status.startswith("2") or "html" not in ctype:
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            meta = {"input": source, "record_no": n,
                    "warc_date": record.rec_headers.get_header("WARC-Date"),
                    "warc_record_id": record.rec_headers.get_header("WARC-Record-ID")}
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield InputError(source, f"record larger than {max_bytes} bytes", n)
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # the file ends inside this record
                cut = "truncated gzip" if source.lower().endswith(".gz") else "truncated WARC record"
                yield InputError(source, f"{cut} (file ends inside record {n})", n)
                return
            yield guard(source, n, lambda p=payload, u=url, m=meta, c=ctype: doc_from_html(_decode(p, c), url=u, meta=m))
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputError(source, f"truncated gzip ({exc})", n + 1)
    except ArchiveLoadFailed as exc:
        yield InputError(source, f"not a WARC file ({str(exc).splitlines()[0]})", n + 1)


def _decode(payload: bytes, content_type: str) -> str | bytes:
    """Decode a page by its HTTP charset; leave the bytes to :func:`doc_from_html` otherwise."""
    from marsad.io.fetch import content_charset

    charset = content_charset(content_type)
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return payload


def read_gzip(stream: BinaryIO, source: str, max_bytes: int, inner: str) -> Iterator[Item]:
    """Yield the articles of a gzipped file, read as the format of its inner name.

    Parameters
    ----------
    stream, source, max_bytes
        As for every reader (see :mod:`marsad.io.formats`).
    inner : str
        The file name without ``.gz`` (``feed.jsonl``), which picks the reader.

    Yields
    ------
    Doc or InputError
        One per article; ``"truncated gzip"`` or ``"corrupt gzip"`` last when
        the compressed stream is damaged.
    """
    from marsad.io.sources import reader_for

    reader = reader_for(inner)
    if reader is None:
        yield InputError(source, f"unsupported file type inside gzip: {inner}")
        return
    try:
        yield from reader(gzip.GzipFile(fileobj=stream), source, max_bytes)
    except EOFError as exc:
        yield InputError(source, f"truncated gzip ({exc})")
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield InputError(source, f"corrupt gzip ({exc})")


def read_zip(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """Yield the articles of every supported member of a zip archive, members sorted by name.

    Members are named ``archive.zip!member`` in errors and ``meta["input"]``.
    Directories, hidden files, ``__MACOSX`` entries and unsupported types
    are skipped.

    Parameters
    ----------
    stream, source, max_bytes
        As for every reader (see :mod:`marsad.io.formats`).

    Yields
    ------
    Doc or InputError
        One per article, in order.
    """
    from marsad.io.sources import is_hidden, reader_for

    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError) as exc:
        yield InputError(source, f"corrupt zip ({exc})")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = info.filename
            reader = reader_for(name)
            if info.is_dir() or is_hidden(name) or reader is None:
                continue
            where = f"{source}!{name}"
            try:
                with archive.open(info) as member:
                    yield from reader(member, where, max_bytes)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
                yield InputError(where, f"corrupt zip member ({exc})")
