"""Marsad's store and exports: DuckDB tables, queries and flat files.

* :class:`Store` writes coded docs in one transaction per batch, links
  reposts, records failures and runs, and answers event queries.
* :func:`export` / :class:`ExportWriter` write JSONL, CSV, Parquet, POLECAT
  or ACLED files from contract records.
* :class:`EventFilter` selects events by type, country, dates and actor.
"""

from marsad.store.export import EXPORT_FORMATS, ExportWriter, export, rows_of
from marsad.store.fingerprint import body_fingerprint
from marsad.store.flatten import FLAT_NAMES, flat_row
from marsad.store.query import EventFilter
from marsad.store.store import DEFAULT_DB, Store

__all__ = [
    "DEFAULT_DB", "EXPORT_FORMATS", "EventFilter", "ExportWriter", "FLAT_NAMES",
    "Store", "body_fingerprint", "export", "flat_row", "rows_of",
]
