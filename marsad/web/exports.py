"""POLECAT and ACLED downloads, built with :mod:`marsad.store`'s column sets.

The store engineer's :func:`marsad.store.flatten.flat_row` spreads a contract
event into flat columns and :mod:`marsad.store.formats` maps those onto
POLECAT's and ACLED's columns; this module only selects the events.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from marsad.errors import StoreError
from marsad.web.queries import EventFilter, jsonable

EXPORT_FORMATS = ("polecat", "acled")


def export_rows(
    con: duckdb.DuckDBPyConnection, fmt: str, flt: EventFilter, limit: int = 100_000,
) -> tuple[list[str], list[dict[str, Any]]]:
    """Return the columns and rows of the matching events in ``fmt``.

    Parameters
    ----------
    fmt : {"polecat", "acled"}
    flt : EventFilter
    limit : int, default 100_000
        Most events exported.

    Returns
    -------
    columns : list of str
    rows : list of dict
        ACLED leaves out verbal events, which it does not record.

    Raises
    ------
    StoreError
        If :mod:`marsad.store` has no POLECAT/ACLED mapping installed.
    """
    try:
        from marsad.store import flatten
        from marsad.store import formats as store_formats
    except ImportError as exc:  # pragma: no cover - depends on the store package
        raise StoreError(f"[E504] exports need marsad.store.formats: {exc}") from exc
    if fmt == "polecat":
        columns, to_row = store_formats.POLECAT_COLUMNS, store_formats.polecat_row
    else:
        columns, to_row = store_formats.ACLED_COLUMNS, store_formats.acled_row
    where, params = flt.where()
    cur = con.execute(
        f"""SELECT e.record, a.doc_id, a.published, a.source, a.url, a.title, a.language
            FROM events e LEFT JOIN articles a ON a.doc_id = e.doc_id {where}
            ORDER BY e.event_date, e.event_id LIMIT ?""",
        [*params, limit],
    )
    rows = []
    for record, doc_id, published, source, url, title, language in cur.fetchall():
        article = {"doc_id": doc_id, "published": jsonable(published), "source": source,
                   "url": url, "title": title, "language": language}
        out = to_row(flatten.flat_row(article, json.loads(record)))
        if out is not None:
            rows.append(out)
    return list(columns), rows
