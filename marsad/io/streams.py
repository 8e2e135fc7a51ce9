"""Streaming helpers: text over a byte stream, JSON values one at a time.

Corpora arrive as large JSON arrays (a SaudiNewsNet day is one 12 MB array),
JSON Lines or CSV. These helpers read them record by record so memory stays
bounded by the largest record, not the file.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from marsad.io.decode import sniff_encoding

SNIFF_BYTES = 20_000


class _Prefixed(io.RawIOBase):
    """A raw byte stream that replays ``head`` before reading on from ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        """Return True: this stream is read-only."""
        return True

    def readinto(self, buffer) -> int:
        """Fill ``buffer`` from the replayed head, then from the rest."""
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def text_stream(stream: BinaryIO, source: str) -> tuple[io.TextIOWrapper, bytes]:
    """Open a byte stream as text in its detected encoding.

    Parameters
    ----------
    stream : binary file object
        Read from its current position; not seeked.
    source : str
        Input name for errors.

    Returns
    -------
    (TextIOWrapper, bytes)
        The text stream (universal newlines off: ``\\r\\n`` is kept) and the
        first block of bytes that was sniffed (empty means an empty input).

    Raises
    ------
    InputError
        From :func:`marsad.io.decode.sniff_encoding` (binary file, unknown
        encoding).
    """
    head = stream.read(SNIFF_BYTES)
    codec = sniff_encoding(head, source) if head.strip() else "utf-8"
    raw = io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)
    return io.TextIOWrapper(raw, encoding=codec, newline=""), head


def iter_json_values(f: io.TextIOBase, chunk: int = 1 << 16) -> Iterator[object]:
    """Yield the records of a JSON array, or of concatenated JSON values, one by one.

    Parameters
    ----------
    f : text file object
        Holds either one JSON array (its elements are yielded), or one or
        more JSON values separated by whitespace (each is yielded; this
        covers a single object and JSON Lines).
    chunk : int, default 65536
        Characters read at a time; the buffer grows to the largest record.

    Yields
    ------
    object
        Each decoded value, in order.

    Raises
    ------
    json.JSONDecodeError
        On malformed or truncated JSON, after yielding every value before it.
    """
    decoder = json.JSONDecoder()
    buf, pos, eof = "", 0, False

    def more() -> bool:
        nonlocal buf, pos, eof
        if eof:
            return False
        data = f.read(chunk)
        eof = not data
        buf, pos = buf[pos:] + data, 0
        return bool(data)

    def skip(chars: str = " \t\r\n\ufeff") -> str:
        """Skip ``chars``; return the next character or '' at the end."""
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in chars:
                pos += 1
            if pos < len(buf) or not more():
                return buf[pos] if pos < len(buf) else ""

    more()
    in_array = skip() == "["
    if in_array:
        pos += 1
    first = True
    while True:
        ch = skip()
        if in_array:
            if ch == "]":
                return
            if not first:
                if ch != ",":
                    raise json.JSONDecodeError("expected ',' or ']' between records", buf, pos)
                pos += 1
                ch = skip()
        if ch == "":
            if in_array:
                raise json.JSONDecodeError("JSON array ends before ']' (truncated file?)", buf, pos)
            return
        while True:
            try:
                value, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError:
                if more():
                    continue
                raise
            if end == len(buf) and not eof and not isinstance(value, (dict, list, str)):
                more()  # a number or literal cut by the chunk boundary: read on
                continue
            break
        pos, first = end, False
        yield value
