"""Write contract records as JSONL, CSV, Parquet, POLECAT or ACLED files.

JSONL keeps one whole article record per line. The flat formats write one row
per event with the article's fields joined (:mod:`marsad.store.flatten`);
POLECAT and ACLED rename and map those rows (:mod:`marsad.store.formats`).
Parquet goes through an in-memory DuckDB table and ``COPY ... (FORMAT
parquet)``, so no pyarrow is needed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from marsad.errors import UsageError
from marsad.store.flatten import FLAT_COLUMNS, FLAT_NAMES, flat_row
from marsad.store.formats import ACLED_COLUMNS, POLECAT_COLUMNS, acled_row, polecat_row

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "polecat", "acled")
_CSV_COLUMNS = {"csv": FLAT_NAMES, "polecat": POLECAT_COLUMNS, "acled": ACLED_COLUMNS}
_PARQUET_CHUNK = 5000


def check_format(fmt: str) -> str:
    """Return ``fmt`` if it is one of :data:`EXPORT_FORMATS`.

    Raises
    ------
    UsageError
        Naming the allowed formats.
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"format must be one of {', '.join(EXPORT_FORMATS)}; got {fmt!r}")
    return fmt


def rows_of(record: dict[str, Any], fmt: str) -> list[dict[str, Any]]:
    """Return the flat rows of one article record in format ``fmt`` (not ``jsonl``).

    ACLED rows are only made for event types ACLED records (see
    :data:`marsad.store.formats.ACLED_TYPES`).
    """
    flat = [flat_row(record, ev) for ev in record.get("events") or []]
    if fmt == "polecat":
        return [polecat_row(r) for r in flat]
    if fmt == "acled":
        return [r for r in (acled_row(f) for f in flat) if r is not None]
    return flat


class ExportWriter:
    """Stream article records into one output file.

    Parameters
    ----------
    dest : str, Path or text stream
        Output path, or an open text stream (not closed by :meth:`close`).
        Parquet needs a path.
    fmt : str
        One of :data:`EXPORT_FORMATS`.

    Attributes
    ----------
    rows : int
        Lines (JSONL records) or rows (flat formats) written so far.

    Raises
    ------
    UsageError
        For an unknown format, or Parquet to a stream.
    """

    def __init__(self, dest: str | Path | TextIO, fmt: str = "jsonl"):
        self.fmt = check_format(fmt)
        self.rows = 0
        self._owned = isinstance(dest, (str, Path))
        self._path = Path(dest) if self._owned else None
        self._con = None
        self._buffer: list[list[Any]] = []
        if fmt == "parquet":
            if not self._owned:
                raise UsageError("parquet output needs a file path (-o PATH), not a stream")
            import tempfile

            import duckdb

            # A scratch database on disk, so large exports do not grow memory.
            self._scratch = tempfile.TemporaryDirectory(prefix="marsad-export-")
            self._con = duckdb.connect(str(Path(self._scratch.name) / "rows.duckdb"),
                                       config={"memory_limit": "256MB"})
            cols = ", ".join(f'"{n}" {t}' for n, t in FLAT_COLUMNS)
            self._con.execute(f"CREATE TABLE out ({cols})")
            self._stream = None
        else:
            self._stream = open(dest, "w", encoding="utf-8", newline="") if self._owned else dest
        self._csv = None
        if fmt in _CSV_COLUMNS:
            self._csv = csv.DictWriter(self._stream, fieldnames=_CSV_COLUMNS[fmt], extrasaction="ignore")
            self._csv.writeheader()

    def write(self, record: dict[str, Any]) -> int:
        """Write one article record; return how many lines or rows it gave."""
        if self.fmt == "jsonl":
            self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.rows += 1
            return 1
        rows = rows_of(record, self.fmt)
        if self.fmt == "parquet":
            self._buffer.extend([r[n] for n in FLAT_NAMES] for r in rows)
            if len(self._buffer) >= _PARQUET_CHUNK:
                self._flush()
        else:
            self._csv.writerows(rows)
        self.rows += len(rows)
        return len(rows)

    def _flush(self) -> None:
        """Append buffered rows column-wise (one list per column, zipped by UNNEST)."""
        if self._buffer:
            select = ", ".join(f"unnest(?::{t}[])" for _, t in FLAT_COLUMNS)
            self._con.execute(f"INSERT INTO out SELECT {select}", [list(c) for c in zip(*self._buffer)])
            self._buffer.clear()

    def close(self) -> None:
        """Finish the file (Parquet is written here) and close what this writer opened."""
        if self._con is not None:
            self._flush()
            target = str(self._path).replace("'", "''")
            self._con.execute(f"COPY out TO '{target}' (FORMAT parquet)")
            self._con.close()
            self._con = None
            self._scratch.cleanup()
        elif self._stream is not None:
            if self._owned:
                self._stream.close()
            else:
                self._stream.flush()
            self._stream = None

    def __enter__(self) -> "ExportWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def export(records: Iterable[dict[str, Any]], fmt: str, dest: str | Path | TextIO) -> int:
    """Write article records to ``dest`` in format ``fmt``.

    Parameters
    ----------
    records : iterable of dict
        Article contract records (``Doc.to_record()`` or
        :meth:`marsad.store.Store.records`).
    fmt : str
        ``jsonl`` (one record per line), ``csv`` or ``parquet`` (one row per
        event, columns :data:`marsad.store.flatten.FLAT_NAMES`), ``polecat``
        or ``acled`` (those datasets' columns).
    dest : str, Path or text stream

    Returns
    -------
    int
        Lines or rows written.

    Raises
    ------
    UsageError
        For an unknown format, or Parquet to a stream.
    """
    with ExportWriter(dest, fmt) as writer:
        for record in records:
            writer.write(record)
    return writer.rows
