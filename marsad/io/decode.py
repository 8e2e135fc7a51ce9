"""Bytes to text: encoding detection for Arabic news files.

Arabic news reaches us as UTF-8 (with or without a byte-order mark), UTF-16
(Windows "Unicode" text, usually with a BOM) or the legacy single-byte code
pages Windows-1256 and ISO-8859-6. A file that is none of these, or is not
text at all, is refused with a reason rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from marsad.errors import InputError

BINARY = "binary file"
UNKNOWN = "unknown encoding"

# File signatures of common non-text formats (first bytes).
_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b",
          b"BZh", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_LEGACY = ("cp1256", "iso8859_6")
_ARABIC = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]")
_LATIN1_LETTER = re.compile(r"[\u00C0-\u00FF]")
_CONTROL = re.compile(r"[\x00-\x08\x0B\x0E-\x1F\x7F]")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&#?\w+;")


def _letters(text: str) -> int:
    """Count letters (Unicode category L*) in ``text``."""
    return sum(1 for ch in text if unicodedata.category(ch)[0] == "L")


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the UTF-16 codec name when NUL bytes sit on one parity, else None."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII in UTF-16 has a NUL in every other byte; Arabic (U+06xx) has 0x06.
    hi_even = sum(1 for b in sample[0::2] if b in (0, 6))
    hi_odd = sum(1 for b in sample[1::2] if b in (0, 6))
    if hi_odd > 0.8 * half and odd > 0:
        return "utf-16-le"
    if hi_even > 0.8 * half and even > 0:
        return "utf-16-be"
    return None


def arabic_share(text: str) -> float:
    """Measure how Arabic a text is.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    float
        Share of the letters (Unicode category L) that are Arabic-script
        letters, 0 to 1; 0 when there are no letters.
    """
    n = _letters(text)
    return len(_ARABIC.findall(text)) / n if n else 0.0


def _is_garbage(text: str) -> bool:
    """Return True when a legacy decode does not read as Arabic prose.

    Only the words holding non-ASCII characters are judged: ASCII bytes
    (markup, JSON keys, URLs, digits) decode alike in every code page. In
    real Arabic text those words are mostly Arabic letters, of ordinary
    length, and many start with the article ``ال``; other bytes decode to a
    mix of Latin accented letters, symbols and Arabic letters without word
    spacing.
    """
    words = [w for w in text[:20000].split() if not w.isascii()]
    if not words:
        return False
    chars = "".join(ch for w in words for ch in w if not ch.isascii())
    letters = _letters(chars)
    if letters == 0:
        return True
    symbols = sum(1 for ch in chars if unicodedata.category(ch)[0] in "SC")
    long_words = sum(1 for w in words if len(w) > 20)
    # The article "ال" starts a large share of words in any Arabic prose.
    no_article = len(words) >= 20 and sum(w.count("ال") for w in words) < 0.05 * len(words)
    return (arabic_share(chars) < 0.6 or symbols > 0.05 * len(chars) or no_article
            or long_words > 0.2 * len(words))


def _is_mojibake(text: str) -> bool:
    """Return True for UTF-8 Arabic that was once mis-read as Latin-1 (``Ø¨Ù``)."""
    sample = text[:20000]
    letters = _letters(sample)
    if letters < 20 or arabic_share(sample) > 0.3:
        return False
    return len(_LATIN1_LETTER.findall(sample)) > 0.3 * letters and ("Ø" in sample or "Ù" in sample)


def _prose(text: str, markup: bool) -> str:
    """Return ``text`` without HTML scripts, styles, tags and entities when ``markup``."""
    return _ENTITY.sub(" ", _TAG.sub(" ", _SCRIPT.sub(" ", text))) if markup else text


def sniff_encoding(data: bytes, source: str = "<bytes>", record_no: int | None = None,
                   *, markup: bool = False) -> str:
    """Name the codec that decodes ``data`` (a whole file or its first block).

    Parameters
    ----------
    data : bytes
        Raw bytes; a prefix of a longer stream is fine (a multi-byte
        character cut at the end is tolerated).
    source : str
        Input name used in errors.
    record_no : int, optional
        Record number used in errors.
    markup : bool, default False
        Judge the text without HTML tags, scripts and entities (for pages).

    Returns
    -------
    str
        A Python codec name: ``utf-8``, ``utf-8-sig``, ``utf-16``,
        ``utf-16-le``, ``utf-16-be``, ``utf-32``, ``cp1256`` or ``iso8859_6``.

    Raises
    ------
    InputError
        ``"binary file"`` for known binary signatures or control bytes;
        ``"unknown encoding"`` when no supported codec yields Arabic text.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if data.startswith(_MAGIC):
        raise InputError(source, BINARY, record_no)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    head = data[:20000]
    if b"\x00" in head:
        raise InputError(source, BINARY, record_no)
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A character cut by the block boundary is not an error.
        text = head[: exc.start].decode("utf-8") if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data" else None
    if text is not None:
        if len(_CONTROL.findall(text)) > 0.01 * max(len(text), 1):
            raise InputError(source, BINARY, record_no)
        if _is_mojibake(_prose(text, markup)):
            raise InputError(source, f"{UNKNOWN} (UTF-8 text that was mis-decoded before saving)", record_no)
        return "utf-8"
    if len(_CONTROL.findall(head.decode("latin-1"))) > 0.01 * len(head):
        raise InputError(source, BINARY, record_no)
    best, best_share = None, 0.0
    for name in _LEGACY:
        candidate = _prose(head.decode(name, errors="replace"), markup)
        if candidate.count("\ufffd") <= 0.001 * len(candidate) and not _is_garbage(candidate):
            share = arabic_share(candidate)
            if share > best_share:
                best, best_share = name, share
    if best:
        return best
    raise InputError(source, f"{UNKNOWN} (not UTF-8, UTF-16 or Arabic Windows-1256/ISO-8859-6)", record_no)


def decode_bytes(data: bytes, source: str = "<bytes>", record_no: int | None = None,
                 *, markup: bool = False) -> str:
    """Decode a whole text file, detecting its encoding.

    Parameters
    ----------
    data : bytes
        The file's content.
    source : str
        Input name used in errors.
    record_no : int, optional
        Record number used in errors.
    markup : bool, default False
        As for :func:`sniff_encoding`.

    Returns
    -------
    str
        The text, without a byte-order mark, line endings untouched.

    Raises
    ------
    InputError
        ``"empty file"`` for no bytes, plus the reasons of
        :func:`sniff_encoding`, and ``"unknown encoding"`` when the bytes
        after the sniffed block do not decode.

    Examples
    --------
    >>> decode_bytes("قصف على حماة".encode("cp1256"))
    'قصف على حماة'
    >>> decode_bytes("قصف على حماة".encode("utf-16"))
    'قصف على حماة'
    """
    if not data.strip():
        raise InputError(source, "empty file", record_no)
    codec = sniff_encoding(data, source, record_no, markup=markup)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"{UNKNOWN} (invalid {codec} at byte {exc.start})", record_no) from None
    return text.lstrip("\ufeff")
