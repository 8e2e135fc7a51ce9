"""Fetch one article from an http(s) URL, with a timeout and a size cap."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

from marsad import __version__
from marsad.doc import Doc
from marsad.errors import InputError
from marsad.io.articles import doc_from_html, doc_from_record, doc_from_text
from marsad.io.decode import decode_bytes

USER_AGENT = f"marsad/{__version__} (+https://github.com/marsad)"


def is_url(name: str) -> bool:
    """Say whether an input names a web address.

    Parameters
    ----------
    name : str
        An input as the user gave it.

    Returns
    -------
    bool
        True for ``http://`` and ``https://`` (any case).
    """
    return name.lower().startswith(("http://", "https://"))


def content_charset(content_type: str) -> str | None:
    """Read the ``charset=`` parameter of a Content-Type header.

    Parameters
    ----------
    content_type : str
        ``text/html; charset=windows-1256``.

    Returns
    -------
    str or None
        ``windows-1256``; None when the header names no charset.
    """
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return None


def fetch_url(url: str, timeout: float = 20.0, max_bytes: int = 20_000_000) -> Doc:
    """Download a news page (or a text/JSON article) and return it cleaned.

    Parameters
    ----------
    url : str
        An ``http://`` or ``https://`` address; redirects are followed and
        the final address becomes ``Doc.url``.
    timeout : float, default 20.0
        Seconds to wait for the connection and for each read.
    max_bytes : int, default 20_000_000
        Largest body accepted, in bytes.

    Returns
    -------
    Doc
        HTML through :func:`doc_from_html`; ``text/plain`` through
        :func:`doc_from_text`; a JSON object through :func:`doc_from_record`.
        ``meta["input"]`` is the URL as given.

    Raises
    ------
    InputError
        ``"not an http(s) URL"``, ``"HTTP <status> <reason>"``,
        ``"timed out after <timeout> s"``, ``"cannot fetch (<reason>)"``,
        ``"response larger than <max_bytes> bytes"``, ``"unsupported content
        type <type>"``, or any reason of the builders above.
    """
    if not is_url(url):
        raise InputError(url, "not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked
            body = response.read(max_bytes + 1)
            final_url = response.geturl()
            ctype = response.headers.get("Content-Type", "")
            encoding = (response.headers.get("Content-Encoding") or "").lower()
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP {exc.code} {exc.reason}") from None
    except (TimeoutError, socket.timeout):
        raise InputError(url, f"timed out after {timeout:g} s") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise InputError(url, f"timed out after {timeout:g} s") from None
        raise InputError(url, f"cannot fetch ({exc.reason})") from None
    except OSError as exc:
        raise InputError(url, f"cannot fetch ({exc})") from None
    if len(body) > max_bytes:
        raise InputError(url, f"response larger than {max_bytes} bytes")
    if encoding in ("gzip", "x-gzip"):  # a server that ignored Accept-Encoding: identity
        body = _gunzip(body, url, max_bytes)
    return _doc_from_response(body, ctype, url, final_url)


def _gunzip(body: bytes, url: str, max_bytes: int) -> bytes:
    """Decompress a gzip-encoded response body, keeping the size cap."""
    import zlib

    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(url, f"corrupt gzip ({exc})") from None
    if len(out) > max_bytes:
        raise InputError(url, f"response larger than {max_bytes} bytes")
    return out


def _doc_from_response(body: bytes, ctype: str, url: str, final_url: str) -> Doc:
    """Dispatch a downloaded body on its content type."""
    meta = {"input": url, "record_no": None}
    kind = ctype.split(";")[0].strip().lower()
    if not body.strip():
        raise InputError(url, "empty response")
    charset = content_charset(ctype)
    if "html" in kind or (not kind and body.lstrip()[:1] == b"<"):
        if charset:
            try:
                return doc_from_html(body.decode(charset), url=final_url, meta=meta)
            except (LookupError, UnicodeDecodeError):
                pass
        return doc_from_html(body, url=final_url, meta=meta)
    if kind and not (kind.startswith("text/") or kind.endswith("json")):
        raise InputError(url, f"unsupported content type {kind}")
    try:
        text = body.decode(charset) if charset else decode_bytes(body, url)
    except (LookupError, UnicodeDecodeError):
        text = decode_bytes(body, url)
    if kind.endswith("json"):
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(url, f"malformed JSON ({exc.msg})") from None
        return doc_from_record(record, url, None)
    return doc_from_text(text, url=final_url, meta=meta)
