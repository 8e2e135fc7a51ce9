"""Walk the inputs a user names and stream their articles in order.

An input is a file, a directory (walked recursively, names sorted), a zip
archive, ``-`` for standard input, or an http(s) URL. The reader is chosen
by file name ending (see ``READERS``); each yields one ``Doc`` per article
or an ``InputError`` for an article that cannot be read.
"""

from __future__ import annotations

import functools
import io
import json
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from marsad.doc import Doc
from marsad.errors import InputError
from marsad.io import formats
from marsad.io.articles import doc_from_text
from marsad.io.fetch import fetch_url, is_url
from marsad.io.streams import text_stream

READERS: dict[str, formats.Reader] = {
    ".txt": formats.read_txt, ".text": formats.read_txt,
    ".html": formats.read_html, ".htm": formats.read_html, ".xhtml": formats.read_html,
    ".warc": formats.read_warc, ".warc.gz": formats.read_warc,
    ".json": formats.read_json, ".jsonl": formats.read_jsonl, ".ndjson": formats.read_jsonl,
    ".csv": formats.read_csv, ".tsv": formats.read_csv, ".zip": formats.read_zip,
}


def is_hidden(name: str) -> bool:
    """Say whether a path is hidden: a dot-file or macOS archive metadata.

    Parameters
    ----------
    name : str
        A relative path or file name (``/`` or ``\\`` separated).

    Returns
    -------
    bool
        True when any part starts with ``.`` or is ``__MACOSX``.
    """
    parts = name.replace("\\", "/").split("/")
    return any((p.startswith(".") and p not in (".", "..")) or p == "__MACOSX" for p in parts)


def reader_for(name: str) -> formats.Reader | None:
    """Pick the reader for a file name by its ending.

    Parameters
    ----------
    name : str
        File name or path; the ending is matched case-insensitively.

    Returns
    -------
    callable or None
        A reader from ``READERS`` (see :mod:`marsad.io.formats`), or None
        for an unsupported ending. ``.warc.gz`` is read by the WARC reader;
        any other ``X.gz`` is decompressed and read as ``X``.
    """
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return READERS[".warc.gz"]
    if lower.endswith(".gz"):
        inner = name[:-3]
        return functools.partial(formats.read_gzip, inner=inner) if reader_for(inner) else None
    return READERS.get(os.path.splitext(lower)[1])


def _walk(root: Path) -> Iterator[Path]:
    """Yield supported files under ``root``, recursively, in sorted order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not is_hidden(d))
        for name in sorted(filenames):
            if not is_hidden(name) and reader_for(name) is not None:
                yield Path(dirpath) / name


def _read_file(path: Path, max_bytes: int) -> Iterator[Doc | InputError]:
    """Yield the articles of one file; an unknown ending is read as plain text."""
    source = str(path)
    reader = reader_for(path.name) or formats.read_txt
    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size == 0:  # pipes report 0 too
                yield InputError(source, "empty file")
                return
            yield from reader(stream, source, max_bytes)
    except OSError as exc:
        yield InputError(source, f"cannot open ({exc.strerror or exc})")


def _binary(stdin: TextIO | BinaryIO) -> BinaryIO | None:
    """Return the byte stream behind ``stdin``, or None for a pure text stream."""
    if isinstance(stdin, io.TextIOBase):
        return getattr(stdin, "buffer", None)
    return stdin  # type: ignore[return-value]


def _read_stdin(stdin: TextIO | BinaryIO, max_bytes: int) -> Iterator[Doc | InputError]:
    """Yield the records or the one article on standard input.

    JSON Lines when the first non-blank line is a JSON object; one JSON
    document (a pretty-printed object or array of records) when the whole
    input parses as JSON; otherwise one plain-text article.
    """
    binary = _binary(stdin)
    if binary is not None:
        try:
            f, _ = text_stream(binary, "-")
        except InputError as exc:
            yield exc
            return
    else:
        f = stdin  # type: ignore[assignment]
    lines: list[str] = []
    for line in f:
        lines.append(line)
        if line.strip():
            break
    first = lines[-1].strip() if lines else ""
    if first.startswith("{"):
        try:
            is_record = isinstance(json.loads(first), dict)
        except json.JSONDecodeError:
            is_record = False
        if is_record:
            yield from formats.iter_jsonl_lines(_chain(lines, f), "-")
            return
    rest = f.read(max_bytes + 1)
    text = "".join(lines) + rest
    if len(text) > max_bytes:
        yield InputError("-", f"input larger than {max_bytes} characters")
    elif not text.strip():
        yield InputError("-", "empty input")
    elif first.startswith(("{", "[")) and _is_json(text):
        yield from formats.read_json(io.BytesIO(text.encode("utf-8")), "-", max_bytes)
    else:
        yield formats.guard("-", None, lambda: doc_from_text(text, meta={"input": "-", "record_no": None}))


def _is_json(text: str) -> bool:
    """Say whether ``text`` is one JSON document (a pretty-printed object or array)."""
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True


def _chain(first: list[str], rest: TextIO) -> Iterator[str]:
    """Yield the already-read lines, then the rest of the stream."""
    yield from first
    yield from rest


def _read_url(url: str, timeout: float, max_bytes: int) -> Iterator[Doc | InputError]:
    """Yield the article at ``url`` or the error fetching it."""
    try:
        yield fetch_url(url, timeout=timeout, max_bytes=max_bytes)
    except InputError as exc:
        yield exc


def _generate(inputs: list[str], stdin, timeout: float, max_bytes: int) -> Iterator[Doc | InputError]:
    """Yield every article of every input, in order."""
    for name in inputs:
        if name == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, max_bytes)
        elif is_url(name):
            yield from _read_url(name, timeout, max_bytes)
        elif os.path.isdir(name):
            for path in _walk(Path(name)):
                yield from _read_file(path, max_bytes)
        else:
            yield from _read_file(Path(name), max_bytes)


def iter_docs(
    inputs: Sequence[str],
    *,
    stdin: TextIO | BinaryIO | None = None,
    timeout: float = 20.0,
    max_bytes: int = 20_000_000,
) -> Iterator[Doc | InputError]:
    """Stream cleaned articles from files, directories, zips, stdin and URLs.

    Parameters
    ----------
    inputs : sequence of str
        Paths, ``-`` (standard input) or http(s) URLs, read in this order.
        Directories are walked recursively in sorted order, keeping only
        supported endings (``.txt .html .htm .warc .warc.gz .json .jsonl
        .csv .zip`` and ``X.gz`` of these). A named file with another ending
        is read as plain text.
    stdin : text or binary file object, optional
        What ``-`` reads (default ``sys.stdin``): JSON Lines when the first
        non-blank line is a JSON object, a JSON document when the whole
        input parses as one, otherwise one plain-text article.
    timeout : float, default 20.0
        Seconds to wait for a URL.
    max_bytes : int, default 20_000_000
        Largest file, page, WARC record or stdin article accepted, in bytes.

    Returns
    -------
    iterator of Doc or InputError
        One item per article, in input order. A failure confined to one
        article or file is yielded as an ``InputError`` (with ``source``,
        ``reason``, ``record_no``) and the stream goes on.

    Raises
    ------
    TypeError
        If ``inputs`` is a bare string.
    InputError
        At once, before anything is read, when a path does not exist
        (a usage error: the CLI exits with status 2).

    Examples
    --------
    >>> for item in iter_docs(["examples"]):  # doctest: +SKIP
    ...     print(item.title if isinstance(item, Doc) else item)
    """
    if isinstance(inputs, (str, bytes)):
        raise TypeError("expected a sequence of inputs, got a single str")
    names = [os.fspath(i) for i in inputs]
    for name in names:
        if name != "-" and not is_url(name) and not os.path.exists(name):
            raise InputError(name, "no such file or directory")
    return _generate(names, stdin, timeout, max_bytes)


