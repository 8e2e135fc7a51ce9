"""Code one posted article (text, HTML or URL) for ``POST /api/code``."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from typing import Any

from marsad.doc import Doc
from marsad.errors import InputError, UsageError

MAX_TEXT_CHARS = 200_000


@dataclass
class CodeRequest:
    """What a client posted: exactly one of ``text``, ``html`` or ``url``.

    Parameters
    ----------
    text : str or None
        Plain article text (headline on the first line if known).
    html : str or None
        A whole web page; cleaned by :func:`marsad.io.doc_from_html`.
    url : str or None
        With ``html``, the page's address; alone, a page to fetch.
    title, published, source : str or None
        Metadata for plain text (``published`` ISO 8601), used to resolve
        relative dates such as ``أمس``.
    """

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None


def parse_body(body: bytes, content_type: str) -> CodeRequest:
    """Turn a request body into a :class:`CodeRequest`.

    Parameters
    ----------
    body : bytes
        The raw body (already size-checked).
    content_type : str
        ``application/json`` (``{"text"|"html"|"url": ...}``),
        ``text/plain`` or ``text/html``.

    Raises
    ------
    UsageError
        For an unknown content type, invalid JSON or UTF-8, unknown fields,
        or not exactly one of text/html/url.
    """
    kind = content_type.split(";")[0].strip().lower()
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"[E410] body is not UTF-8: {exc.reason} at byte {exc.start}") from exc
    if kind == "text/plain":
        req = CodeRequest(text=decoded)
    elif kind == "text/html":
        req = CodeRequest(html=decoded)
    elif kind in ("application/json", ""):
        try:
            data = json.loads(decoded)
        except json.JSONDecodeError as exc:
            raise UsageError(f"[E411] body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
        if not isinstance(data, dict):
            raise UsageError("[E411] JSON body must be an object such as {\"text\": \"...\"}")
        allowed = set(CodeRequest.__dataclass_fields__)
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise UsageError(f"[E412] unknown field {unknown[0]!r}; allowed: {', '.join(sorted(allowed))}")
        bad = [k for k, v in data.items() if v is not None and not isinstance(v, str)]
        if bad:
            raise UsageError(f"[E412] field {bad[0]!r} must be a string")
        req = CodeRequest(**data)
    else:
        raise UsageError(f"[E413] unsupported content type {kind!r}; send application/json, text/plain or text/html")
    given = [k for k in ("text", "html") if getattr(req, k)]
    if len(given) > 1 or (not given and not req.url):
        raise UsageError("[E414] send exactly one of text, html or url")
    if req.text is not None and len(req.text) > MAX_TEXT_CHARS:
        raise UsageError(f"[E415] text has {len(req.text)} characters; the limit is {MAX_TEXT_CHARS}")
    if req.text is not None and not req.text.strip():
        raise UsageError("[E414] text is empty")
    if req.url and not req.url.lower().startswith(("http://", "https://")):
        raise UsageError(f"[E416] url must start with http:// or https://, got {req.url[:80]!r}")
    return req


class Coder:
    """Build a :class:`Doc` from a request and run the default pipeline on it.

    The pipeline is built and initialised once, on first use, and calls are
    serialised with a lock because stages are not promised to be thread-safe.

    Parameters
    ----------
    fetch_timeout : float, default 10.0
        Seconds allowed to fetch a URL.
    fetch_max_bytes : int, default 5_000_000
        Largest page fetched.
    """

    def __init__(self, fetch_timeout: float = 10.0, fetch_max_bytes: int = 5_000_000):
        self.fetch_timeout = fetch_timeout
        self.fetch_max_bytes = fetch_max_bytes
        self._lock = threading.Lock()
        self._nlp = None

    def make_doc(self, req: CodeRequest) -> Doc:
        """Read the request into an uncoded :class:`Doc`.

        Raises
        ------
        InputError
            If the page cannot be fetched or holds no article text.
        """
        from marsad import io

        if req.text is not None:
            doc = io.doc_from_text(req.text)
        elif req.html is not None:
            doc = io.doc_from_html(req.html, url=req.url)
        else:
            fetched = io.fetch_url(req.url, timeout=self.fetch_timeout, max_bytes=self.fetch_max_bytes)
            if isinstance(fetched, Doc):
                doc = fetched
            else:
                html = fetched.decode("utf-8", "replace") if isinstance(fetched, bytes) else str(fetched)
                doc = io.doc_from_html(html, url=req.url)
        if not doc.text.strip():
            raise InputError(req.url or "-", "no article text found")
        for name in ("title", "published", "source"):
            if getattr(req, name) and not getattr(doc, name):
                setattr(doc, name, getattr(req, name))
        return doc

    def __call__(self, req: CodeRequest) -> tuple[Doc, float]:
        """Return the coded doc and the seconds the pipeline took."""
        doc = self.make_doc(req)
        with self._lock:
            if self._nlp is None:
                from marsad.pipeline import default_pipeline

                self._nlp = default_pipeline().initialize()
            started = time.perf_counter()
            doc = self._nlp(doc)
        return doc, time.perf_counter() - started


def store_doc(db_path: str, doc: Doc, wait: float = 10.0) -> Any:
    """Add one coded doc to the store at ``db_path``; return the store's counts.

    Parameters
    ----------
    wait : float, default 10.0
        Seconds to wait for another writer (``marsad code``) to release the file.

    Raises
    ------
    StoreError
        If the store cannot be written.
    """
    from marsad.store import Store

    return Store(db_path, wait=wait).add_docs([doc])
