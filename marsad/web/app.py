"""The FastAPI application: thin routes over :mod:`marsad.web.queries`.

Routes validate parameters, open a short read-only connection
(:class:`marsad.web.db.StoreReader`), call one query function and format the
result. Typed errors become 4xx/5xx answers whose ``detail`` says why.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from marsad.errors import InputError, StoreError, UsageError
from marsad.web import formats, queries
from marsad.web.coding import Coder, parse_body, store_doc
from marsad.web.db import StoreBusy, StoreMissing, StoreReader
from marsad.web.queries import EventFilter

STATIC = Path(str(resources.files("marsad.web") / "static"))
MAX_BODY_BYTES = 2_000_000
MAX_PAGE = 1000
MAX_EXPORT = 100_000


def _split(values: list[str] | None) -> list[str]:
    """Accept both ``?t=A&t=B`` and ``?t=A,B``."""
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def event_filter(
    date_from: Annotated[dt.date | None, Query(description="First event date (ISO 8601), inclusive")] = None,
    date_to: Annotated[dt.date | None, Query(description="Last event date (ISO 8601), inclusive")] = None,
    event_type: Annotated[list[str] | None, Query(description="PLOVER type(s), e.g. ASSAULT or ASSAULT,PROTEST")] = None,
    mode: Annotated[list[str] | None, Query(description="PLOVER mode(s), e.g. shelling")] = None,
    quad: Annotated[list[str] | None, Query(description="CAMEO quad class(es), e.g. material_conflict")] = None,
    status: Annotated[list[str] | None, Query(description="reported, planned, hypothetical or negated")] = None,
    actor_country: Annotated[str | None, Query(description="Actor's ISO 3166 alpha-3 country")] = None,
    recipient_country: Annotated[str | None, Query(description="Recipient's ISO 3166 alpha-3 country")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Actor id, or part of its Arabic text or English label")] = None,
    recipient: Annotated[str | None, Query(max_length=200, description="Recipient id, or part of its text or label")] = None,
    place: Annotated[str | None, Query(max_length=200, description="GeoNames id, or part of the place name")] = None,
    country: Annotated[str | None, Query(description="Country of the event's place, alpha-2 or alpha-3")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text searched in sentence, trigger, actors and place")] = None,
    min_confidence: Annotated[float | None, Query(description="Lowest confidence, 0 to 1")] = None,
    doc_id: Annotated[str | None, Query(max_length=64, description="Only events of this article")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
) -> EventFilter:
    """Build and validate an :class:`EventFilter` from query parameters."""
    box = None
    if bbox:
        try:
            box = tuple(float(v) for v in bbox.split(","))
        except ValueError:
            box = ()
        if len(box) != 4:
            raise UsageError(f"[E405] bbox must be four numbers west,south,east,north, got {bbox!r}")
    return EventFilter(
        date_from=date_from, date_to=date_to, event_type=_split(event_type), mode=_split(mode),
        quad=_split(quad), status=_split(status), actor_country=actor_country,
        recipient_country=recipient_country, actor=actor, recipient=recipient, place=place,
        country=country, q=q, min_confidence=min_confidence, doc_id=doc_id, bbox=box,
    ).validate()


Filter = Annotated[EventFilter, Depends(event_filter)]


def _query_names(dependant) -> set[str]:
    """Query parameter names a route and its dependencies accept."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def reject_unknown_query(request: Request) -> None:
    """Refuse an API request naming a query parameter its route does not know.

    FastAPI ignores unknown parameters, so ``/api/events?type=ASSAULT``
    (the CLI says ``--type``, the API ``event_type``) would silently return
    every event. Pages outside ``/api/`` are left alone.

    Raises
    ------
    UsageError
        ``[E417]`` naming the first unknown parameter and the allowed ones
        (answered 400).
    """
    route = request.scope.get("route")
    if route is None or not request.query_params or not request.url.path.startswith("/api/"):
        return
    allowed = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise UsageError(f"[E417] unknown query parameter {unknown[0]!r} for {request.url.path}; "
                         f"allowed: {', '.join(sorted(allowed)) or 'none'}")


def create_app(
    db_path: str, max_body_bytes: int = MAX_BODY_BYTES, coder: Coder | None = None, retry_seconds: float = 3.0,
) -> FastAPI:
    """Return the dashboard and HTTP API application for one store.

    Parameters
    ----------
    db_path : str
        DuckDB store written by ``marsad code``. It need not exist yet:
        data routes answer 503 until it does.
    max_body_bytes : int, default 2_000_000
        Largest request body ``POST /api/code`` accepts (413 beyond).
    coder : Coder, optional
        What codes posted articles; defaults to the standard pipeline.
    retry_seconds : float, default 3.0
        How long a request waits for a writer to release the store before
        answering 503 with ``Retry-After``.

    Returns
    -------
    FastAPI
        Serve it with uvicorn (:func:`marsad.web.serve`) or drive it with
        ``fastapi.testclient.TestClient``.
    """
    app = FastAPI(
        title="Marsad API",
        description="Arabic news coded as PLOVER/CAMEO political events. The dashboard is at /.",
        version="0.1.0",
        dependencies=[Depends(reject_unknown_query)],
    )
    app.add_middleware(GZipMiddleware, minimum_size=4096)
    reader = StoreReader(db_path, retry_seconds=retry_seconds)
    coder = coder or Coder()
    app.state.reader = reader

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        headers = {"Retry-After": "1"} if isinstance(exc, StoreBusy) else {}
        return JSONResponse({"detail": str(exc)}, status_code=503, headers=headers)

    @app.exception_handler(duckdb.CatalogException)
    async def _catalog(request: Request, exc: duckdb.CatalogException) -> JSONResponse:
        reason = str(exc).splitlines()[0]
        return JSONResponse({"detail": f"[E505] {db_path} is not a Marsad store ({reason})"}, status_code=503)

    @app.get("/api/health", tags=["store"])
    def health() -> JSONResponse:
        """Say whether the store can be read, with its table sizes."""
        try:
            with reader.connect() as con:
                counts = queries.store_counts(con)
        except StoreError as exc:
            status = "missing" if isinstance(exc, StoreMissing) else "unavailable"
            return JSONResponse({"status": status, "db": db_path, "detail": str(exc)}, status_code=503)
        if counts["articles"] is None or counts["events"] is None:
            return JSONResponse({"status": "unavailable", "db": db_path, "counts": counts,
                                 "detail": f"[E505] {db_path} is not a Marsad store (no articles/events tables)"},
                                status_code=503)
        return JSONResponse({"status": "ok", "db": db_path, "counts": counts})

    @app.get("/api/events", tags=["events"])
    def events(
        request: Request,
        flt: Filter,
        sort: Annotated[str, Query(description=f"One of {', '.join(queries.SORTABLE)}; prefix - for descending")] = "-date",
        limit: Annotated[int | None, Query(ge=1, le=MAX_EXPORT, description=f"Page size (json at most {MAX_PAGE})")] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
        format: Annotated[str | None, Query(pattern="^(json|csv|geojson)$", description="json, csv or geojson (else Accept)")] = None,
    ) -> Response:
        """List matching events, one page at a time (json) or all at once (csv, geojson)."""
        fmt = formats.negotiate(format, request.headers.get("accept"))
        if fmt == "json":
            limit = limit or 50
            if limit > MAX_PAGE:
                raise UsageError(f"[E407] limit for json is at most {MAX_PAGE}, got {limit}; use offset to page")
        else:
            limit = limit or MAX_EXPORT
        with reader.connect() as con:
            total = queries.count_events(con, flt)
            rows = queries.list_events(con, flt, sort=sort, limit=limit, offset=offset)
        if fmt == "csv":
            columns = list(queries.EVENT_COLUMNS) + ["title", "published", "source", "url"]
            return StreamingResponse(
                formats.csv_lines(rows, columns), media_type=formats.MEDIA_TYPES["csv"],
                headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"', "X-Total-Count": str(total)},
            )
        if fmt == "geojson":
            return Response(
                json.dumps(formats.geojson(rows), ensure_ascii=False), media_type=formats.MEDIA_TYPES["geojson"],
                headers={"Content-Disposition": 'attachment; filename="marsad-events.geojson"', "X-Total-Count": str(total)},
            )
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "sort": sort,
                             "filter": flt.as_params(), "events": rows})

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: str) -> dict[str, Any]:
        """One event with its sentence and the spans found inside it."""
        with reader.connect() as con:
            found = queries.get_event(con, event_id)
        if found is None:
            raise HTTPException(404, f"[E420] no event with id {event_id!r}")
        return found

    @app.get("/api/articles/{doc_id}", tags=["articles"])
    def article(doc_id: str) -> dict[str, Any]:
        """An article's clean text with all its entities, places, times and events."""
        with reader.connect() as con:
            found = queries.get_article(con, doc_id)
        if found is None:
            raise HTTPException(404, f"[E421] no article with id {doc_id!r}")
        return found

    @app.get("/api/actors", tags=["events"])
    def actors(flt: Filter, top: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
        """Actor counts and the most frequent actor-recipient pairs."""
        with reader.connect() as con:
            return queries.actor_summary(con, flt, top=top)

    @app.get("/api/stats", tags=["events"])
    def stats(flt: Filter, max_points: Annotated[int, Query(ge=1, le=20000)] = 3000) -> dict[str, Any]:
        """Counts per day and quad, type, country and status, and map points."""
        with reader.connect() as con:
            return queries.event_stats(con, flt, max_points=max_points)

    @app.get("/api/export", tags=["events"])
    def export(flt: Filter, format: Annotated[str, Query(pattern="^(polecat|acled)$")]) -> Response:
        """Matching events in POLECAT or ACLED columns (from :mod:`marsad.store`)."""
        from marsad.web.exports import export_rows

        with reader.connect() as con:
            columns, rows = export_rows(con, format, flt, limit=MAX_EXPORT)
        return StreamingResponse(
            formats.csv_lines(rows, columns), media_type=formats.MEDIA_TYPES["csv"],
            headers={"Content-Disposition": f'attachment; filename="marsad-{format}.csv"'},
        )

    @app.post("/api/code", tags=["coding"])
    async def code(request: Request, store: bool = False) -> dict[str, Any]:
        """Code posted text, HTML or a URL; with ``store=true`` also store it.

        Send ``application/json`` (``{"text": ...}``, ``{"html": ..., "url": ...}``
        or ``{"url": ...}``), ``text/plain`` or ``text/html``.
        """
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_body_bytes:
            raise HTTPException(413, f"[E430] body of {declared} bytes is over the {max_body_bytes}-byte limit")
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > max_body_bytes:
                raise HTTPException(413, f"[E430] body is over the {max_body_bytes}-byte limit")
        req = parse_body(bytes(body), request.headers.get("content-type", ""))
        doc, seconds = await run_in_threadpool(coder, req)
        stored = None
        if store:
            def write() -> Any:
                with reader.lock.writing():
                    return store_doc(db_path, doc)
            stored = await run_in_threadpool(write)
        return {"record": doc.to_record(), "seconds": round(seconds, 4), "stored": stored}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        """The dashboard page."""
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
