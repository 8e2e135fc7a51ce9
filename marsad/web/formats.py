"""Serialise event rows for download: CSV and GeoJSON.

Rows are the flat dicts of :func:`marsad.web.queries.list_events`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

FORMATS = ("json", "csv", "geojson")
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
}


def negotiate(format: str | None, accept: str | None) -> str:
    """Pick the response format from ``format=`` or else the Accept header.

    Parameters
    ----------
    format : str or None
        Explicit ``json``, ``csv`` or ``geojson``; wins over ``accept``.
    accept : str or None
        The request's Accept header.

    Returns
    -------
    str
        One of :data:`FORMATS`; ``"json"`` when nothing else is asked for.
    """
    if format:
        return format
    accept = (accept or "").lower()
    if "text/csv" in accept:
        return "csv"
    if "geo+json" in accept:
        return "geojson"
    return "json"


def csv_lines(rows: Iterable[dict[str, Any]], columns: list[str], batch: int = 1000) -> Iterator[str]:
    """Yield a UTF-8 CSV (with BOM, so spreadsheets read the Arabic) in chunks.

    Parameters
    ----------
    rows : iterable of dict
    columns : list of str
        Header and column order.
    batch : int, default 1000
        Rows per yielded chunk.
    """
    buf = io.StringIO()
    writer = csv.writer(buf)
    buf.write("\ufeff")
    writer.writerow(columns)
    for i, row in enumerate(rows, 1):
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
        if i % batch == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of the rows that have coordinates.

    Each feature is a Point ``[longitude, latitude]`` (RFC 7946 order) whose
    properties are the row without the coordinates.
    """
    features = []
    for row in rows:
        lat, lon = row.get("latitude"), row.get("longitude")
        if lat is None or lon is None:
            continue
        props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        features.append({
            "type": "Feature",
            "id": row.get("event_id"),
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props,
        })
    return {"type": "FeatureCollection", "features": features}
