"""The event store: an embedded DuckDB file, opened only while it is used.

DuckDB lets one process hold a database file for writing, and while it does
no other process may open it, not even to read. So that ``marsad serve`` can
read while ``marsad code`` runs, a :class:`Store` never keeps a connection:
each call connects, does its work (a whole batch in one transaction) and
closes. Opening is retried while another process holds the file
(see ``docs/store.md``).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

import marsad
from marsad.doc import Doc
from marsad.errors import StoreError
from marsad.store.fingerprint import body_fingerprint
from marsad.store.flatten import EVENT_TABLE_COLUMNS, event_table_row, iso_timestamp
from marsad.store.reads import IN_LIST, StoreQueries, has_table

log = logging.getLogger(__name__)

DEFAULT_DB = "marsad.duckdb"
ARTICLE_COLUMNS = [
    "doc_id", "source", "url", "title", "published", "language", "text", "raw",
    "input", "record_no", "run_id", "record", "body_hash",
]
_MENTION_COLUMNS = {
    "entities": ["doc_id", "idx", "text", "start_char", "end_char", "type", "actor_id",
                 "label_en", "country", "sector", "wikidata"],
    "places": ["doc_id", "idx", "text", "start_char", "end_char", "geonameid", "name_en",
               "latitude", "longitude", "country_code", "admin1", "feature"],
    "times": ["doc_id", "idx", "text", "start_char", "end_char", "value", "granularity"],
}
_DUPLICATE_COLUMNS = ["doc_id", "duplicate_of", "similarity", "input", "record_no", "url", "run_id"]
# Tables a batch writes, in the order they are written.
_TABLE_COLUMNS = {"articles": ARTICLE_COLUMNS, "duplicates": _DUPLICATE_COLUMNS, **_MENTION_COLUMNS,
                  "events": EVENT_TABLE_COLUMNS}
_BATCH = "_marsad_batch"  # name of the registered relation an insert reads
_COUNT_KEY = {"stored": "stored", "duplicate": "duplicates", "unchanged": "unchanged"}


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return isinstance(exc, (duckdb.IOException, duckdb.ConnectionException)) and (
        "lock" in text or "different configuration" in text
    )


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: list[list[Any]],
            types: dict[str, str]) -> None:
    """Insert ``rows`` column-wise: one numpy object array per column, scanned by DuckDB.

    The columns are registered as one relation (a dict of numpy arrays,
    which DuckDB scans without pandas) and each is cast to its column's
    type in the ``INSERT ... SELECT``. On 300 coded SaudiNewsNet articles
    this takes 0.7 ms per article where binding each column as a list
    parameter and ``UNNEST``-ing it took 1.6 ms (``executemany`` and
    multi-row ``VALUES`` are an order of magnitude slower still).

    Parameters
    ----------
    rows : list of list
        One list of values per row, ordered as ``columns``.
    types : dict of str to str
        DuckDB type of each column (:meth:`Store._types`).
    """
    if not rows:
        return
    batch = {}
    for name, values in zip(columns, zip(*rows)):
        array = np.empty(len(values), dtype=object)  # filled, not converted: a value is never split
        array[:] = values
        batch[name] = array
    select = ", ".join(f'CAST("{c}" AS {types[c]})' for c in columns)
    con.register(_BATCH, batch)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM {_BATCH}")
    finally:
        con.unregister(_BATCH)


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
                       [table]).fetchall()
    return {name: ("VARCHAR" if dtype == "JSON" else dtype) for name, dtype in rows}


def _as_int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


class Store(StoreQueries):
    """Articles, mentions, events, duplicates, errors and runs in one DuckDB file.

    Parameters
    ----------
    path : str or Path, default "marsad.duckdb"
        The database file; created (with its schema) on the first write.
    read_only : bool, default False
        Open for reading only; the file must exist.
    wait : float, default 60.0
        Seconds to keep retrying while another process holds the file.
    memory_limit : str or None, default "256MB"
        DuckDB's memory limit for this store's connections. Checkpoints of a
        large store otherwise peak at several hundred MiB; None leaves
        DuckDB's default (80 % of RAM).

    Examples
    --------
    >>> store = Store("events.duckdb")                        # doctest: +SKIP
    >>> store.add_docs([nlp(doc)], run_id=None)               # doctest: +SKIP
    {'stored': 1, 'duplicates': 0, 'unchanged': 0, 'events': 2}
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, wait: float = 60.0,
                 memory_limit: str | None = "256MB"):
        self.path = Path(path)
        self.read_only = read_only
        self.wait = wait
        self.memory_limit = memory_limit
        self._schema_ready = False
        self._column_types: dict[str, dict[str, str]] = {}

    # -- connections -------------------------------------------------------------

    @contextmanager
    def connect(self, read_only: bool | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """Open a short-lived connection, retrying while the file is locked.

        Parameters
        ----------
        read_only : bool, optional
            Defaults to the store's mode. A writable connection creates the
            file and its schema when needed.

        Yields
        ------
        duckdb.DuckDBPyConnection
            Closed when the ``with`` block ends.

        Raises
        ------
        StoreError
            If the file is missing (read-only), stays locked longer than
            ``wait`` seconds, or is not a DuckDB database.
        """
        ro = self.read_only if read_only is None else read_only
        if ro and not self.path.exists():
            raise StoreError(f"[E101] no store at {self.path}; run `marsad code INPUT --db {self.path}` first")
        if not ro and self.read_only:
            raise StoreError(f"[E102] store {self.path} was opened read-only")
        deadline = time.monotonic() + self.wait
        delay = 0.05
        while True:
            try:
                config = {"memory_limit": self.memory_limit} if self.memory_limit else {}
                con = duckdb.connect(str(self.path), read_only=ro, config=config)
                break
            except duckdb.Error as exc:
                if not _is_lock_error(exc):
                    raise StoreError(f"[E103] cannot open store {self.path}: {exc}") from exc
                if time.monotonic() >= deadline:
                    raise StoreError(f"[E104] store {self.path} stayed locked for {self.wait:.0f} s: {exc}") from exc
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        try:
            if not ro:
                # Closing would fold the write-ahead log into the file each batch, recompressing the
                # last row group of every table (up to ~2,000 articles' text and record); DuckDB
                # folds it when the log passes its checkpoint_threshold (16 MiB) and
                # finish_run() at the end of a run (see docs/store.md, "Writing").
                con.execute("PRAGMA disable_checkpoint_on_shutdown")
                if not self._schema_ready:
                    con.execute(resources.files("marsad.store").joinpath("schema.sql").read_text(encoding="utf-8"))
                    self._schema_ready = True
            yield con
        except duckdb.Error as exc:
            raise StoreError(f"[E106] store {self.path}: {exc}") from exc
        finally:
            con.close()

    def _types(self, con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
        """Return ``{column: DuckDB type}`` of ``table`` (JSON as VARCHAR), read once per store.

        The schema only ever gains columns, and this store applies it on
        its first writable connection, so the answer does not change
        while the store is used.
        """
        types = self._column_types.get(table)
        if types is None:
            types = self._column_types[table] = _column_types(con, table)
        return types

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (DuckDB ``CHECKPOINT``).

        Writes leave committed batches in the log (``<path>.wal``) until it
        passes DuckDB's ``checkpoint_threshold``; every connection replays
        what is there when it opens. :meth:`finish_run` calls this, so a
        finished run leaves the file without a log.

        Raises
        ------
        StoreError
            If the file cannot be opened for writing.
        """
        with self.connect(read_only=False) as con:
            con.execute("CHECKPOINT")

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.connect(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    # -- runs and errors -----------------------------------------------------------

    def start_run(self, options: dict[str, Any] | None = None) -> int:
        """Record the start of a run; return its ``run_id``."""
        with self._transaction() as con:
            run_id = con.execute("SELECT nextval('run_seq')").fetchone()[0]
            con.execute(
                "INSERT INTO runs (run_id, version, started, options) VALUES (?, ?, ?, ?)",
                [run_id, marsad.__version__, datetime.now(timezone.utc).replace(tzinfo=None),
                 json.dumps(options or {}, ensure_ascii=False, default=str)],
            )
        return int(run_id)

    def finish_run(self, run_id: int, counts: dict[str, Any], seconds: float) -> None:
        """Record the end of run ``run_id`` with its ``counts`` and duration in seconds.

        Then folds the write-ahead log into the file (as :meth:`checkpoint`),
        so a finished run leaves no log for readers to replay.
        """
        with self.connect(read_only=False) as con:
            con.execute(
                "UPDATE runs SET finished = ?, counts = ?, seconds = ? WHERE run_id = ?",
                [datetime.now(timezone.utc).replace(tzinfo=None),
                 json.dumps(counts, ensure_ascii=False, default=str), seconds, run_id],
            )
            con.execute("CHECKPOINT")

    def record_errors(self, errors: Iterable[tuple[str, int | None, str]], run_id: int | None = None) -> int:
        """Store ``(input, record_no, reason)`` failures; return how many were new.

        A failure already recorded with the same input, record number and
        reason is not stored twice, so re-running a batch adds nothing.
        """
        rows = list(errors)
        if not rows:
            return 0
        with self._transaction() as con:
            return _write_errors(con, rows, run_id, self._types(con, "errors"))

    def record_error(self, input: str, record_no: int | None, reason: str, run_id: int | None = None) -> bool:
        """Store one failure; return False when it was already recorded."""
        return self.record_errors([(input, record_no, reason)], run_id) == 1

    # -- articles ----------------------------------------------------------------------

    def known(self, docs: Iterable[Doc]) -> set[str]:
        """Return the ``doc_id`` of each doc the store already holds, by id or as a repost.

        Used to skip coding articles that :meth:`add_docs` would not store.
        """
        docs = list(docs)
        if not docs or not self.path.exists():
            return set()
        ids = [d.doc_id for d in docs]
        prints = {d.doc_id: body_fingerprint(d.text, d.title) for d in docs}
        with self.connect(read_only=self.read_only) as con:
            if not self._schema_ready and not has_table(con, "articles"):
                return set()
            seen = {r[0] for r in con.execute(
                f"SELECT doc_id FROM articles WHERE doc_id {IN_LIST} "
                f"UNION SELECT doc_id FROM duplicates WHERE doc_id {IN_LIST}", [ids, ids]).fetchall()}
            hashes = {r[0] for r in con.execute(
                "SELECT body_hash FROM articles WHERE body_hash IN (SELECT unnest(?::VARCHAR[]))",
                [[h for h in prints.values() if h]]).fetchall()}
        return {i for i in ids if i in seen or prints[i] in hashes}

    def add_docs(self, docs: Iterable[Doc], run_id: int | None = None) -> dict[str, int]:
        """Store coded docs in one transaction; link reposts; skip what is stored.

        See :meth:`put` for what happens to each doc.

        Parameters
        ----------
        docs : iterable of Doc
            Coded documents.
        run_id : int, optional
            The run (:meth:`start_run`) they belong to.

        Returns
        -------
        dict
            ``{"stored", "duplicates", "unchanged", "events"}`` counts
            (``events`` = events stored).

        Raises
        ------
        StoreError
            If the batch cannot be written; then nothing of it is stored.
        """
        docs = list(docs)
        outcomes = self.put(docs, run_id)
        counts = {"stored": 0, "duplicates": 0, "unchanged": 0, "events": 0}
        for doc, outcome in zip(docs, outcomes):
            counts[_COUNT_KEY[outcome]] += 1
            if outcome == "stored":
                counts["events"] += len(doc.events)
        return counts

    def put(self, docs: list[Doc], run_id: int | None = None,
            errors: Iterable[tuple[str, int | None, str]] = ()) -> list[str]:
        """Store a batch of coded docs in one transaction; return each doc's outcome.

        Each doc, in order, is:

        * ``"unchanged"`` when its ``doc_id`` is already stored by an earlier
          run (or recorded as a duplicate by one): nothing is written;
        * ``"duplicate"`` when its text was already stored in this run, or its
          body fingerprint (:func:`~marsad.store.fingerprint.body_fingerprint`)
          matches a stored article or an earlier doc of the batch: a row in
          ``duplicates`` links it to that article, which is not coded again;
        * ``"stored"`` otherwise: its article, entities, places, times and
          events are written.

        Parameters
        ----------
        docs : list of Doc
            ``doc.meta["input"]`` and ``doc.meta["record_no"]`` are kept
            when present.
        run_id : int, optional
        errors : iterable of (input, record_no, reason), optional
            Failures of the same batch, recorded in the same transaction
            (as :meth:`record_errors` does).

        Returns
        -------
        list of str
            One outcome per doc.

        Raises
        ------
        StoreError
            If the batch cannot be written; then nothing of it is stored.
        """
        errors = list(errors)
        if not docs and not errors:
            return []
        try:
            with self._transaction() as con:
                if errors:
                    _write_errors(con, errors, run_id, self._types(con, "errors"))
                return self._write_batch(con, docs, run_id) if docs else []
        except StoreError as exc:
            cause = exc.__cause__
            if str(exc).startswith("[E106]"):     # the batch itself was refused, not the file
                raise StoreError(f"[E105] batch of {len(docs)} docs not stored in {self.path}: {cause}") from cause
            raise

    def _write_batch(self, con, docs: list[Doc], run_id: int | None) -> list[str]:
        ids = [d.doc_id for d in docs]
        prints = [body_fingerprint(d.text, d.title) for d in docs]
        stored_run = dict(con.execute(
            f"SELECT doc_id, run_id FROM articles WHERE doc_id {IN_LIST}", [ids]).fetchall())
        dup_runs: dict[str, set] = {}
        for doc_id, rid in con.execute(
                f"SELECT doc_id, run_id FROM duplicates WHERE doc_id {IN_LIST}", [ids]).fetchall():
            dup_runs.setdefault(doc_id, set()).add(rid)
        by_print = dict(con.execute(
            f"SELECT body_hash, min(doc_id) FROM articles WHERE body_hash {IN_LIST} GROUP BY body_hash",
            [[p for p in prints if p]]).fetchall())
        rows: dict[str, list[list[Any]]] = {t: [] for t in ("articles", "duplicates", "entities",
                                                         "places", "times", "events")}
        outcomes: list[str] = []
        for doc, fp in zip(docs, prints):
            this_run = run_id is not None
            if doc.doc_id in stored_run and not (this_run and stored_run[doc.doc_id] == run_id):
                outcomes.append("unchanged")
                continue
            if doc.doc_id in dup_runs and not (this_run and dup_runs[doc.doc_id] == {run_id}):
                outcomes.append("unchanged")
                continue
            original = doc.doc_id if doc.doc_id in stored_run else by_print.get(fp) if fp else None
            if original is not None:
                similarity = 1.0 if original == doc.doc_id else None
                rows["duplicates"].append([doc.doc_id, original, similarity, _meta(doc, "input"),
                                           _as_int(doc.meta.get("record_no")), doc.url, run_id])
                outcomes.append("duplicate")
                continue
            self._rows_of(doc, fp, run_id, rows)
            stored_run[doc.doc_id] = run_id
            if fp:
                by_print[fp] = doc.doc_id
            outcomes.append("stored")
        for table, columns in _TABLE_COLUMNS.items():
            _insert(con, table, columns, rows[table], self._types(con, table))
        return outcomes

    @staticmethod
    def _rows_of(doc: Doc, fp: str | None, run_id: int | None, rows: dict[str, list]) -> None:
        record = doc.to_record()
        rows["articles"].append([
            doc.doc_id, doc.source, doc.url, doc.title, iso_timestamp(doc.published), doc.language,
            doc.text, doc.raw if doc.raw and doc.raw != doc.text else None, _meta(doc, "input"), _as_int(doc.meta.get("record_no")),
            run_id, json.dumps(record, ensure_ascii=False, default=str), fp,
        ])
        for i, e in enumerate(doc.entities):
            rows["entities"].append([doc.doc_id, i, e.text, e.start, e.end, e.type, e.actor_id,
                                     e.label_en, e.country, e.sector, e.wikidata])
        for i, p in enumerate(doc.places):
            rows["places"].append([doc.doc_id, i, p.text, p.start, p.end, p.geonameid, p.name_en,
                                   p.latitude, p.longitude, p.country_code, p.admin1, p.feature])
        for i, t in enumerate(doc.times):
            rows["times"].append([doc.doc_id, i, t.text, t.start, t.end, t.value, t.granularity])
        for ev in record["events"]:
            rows["events"].append(event_table_row(record, ev, json.dumps(ev, ensure_ascii=False, default=str)))


def _write_errors(con, errors: list[tuple[str, int | None, str]], run_id: int | None,
                  types: dict[str, str]) -> int:
    """Insert failures not yet recorded (same input, record number and reason); return how many."""
    rows = [[run_id, str(src), _as_int(no), str(reason)] for src, no, reason in errors]
    known = set(con.execute(
        "SELECT input, record_no, reason FROM errors WHERE input IN (SELECT unnest(?::VARCHAR[]))",
        [sorted({r[1] for r in rows})],
    ).fetchall())
    fresh = []
    for row in rows:
        key = (row[1], row[2], row[3])
        if key not in known:
            known.add(key)
            fresh.append(row)
    _insert(con, "errors", ["run_id", "input", "record_no", "reason"], fresh, types)
    return len(fresh)


def _meta(doc: Doc, key: str) -> str | None:
    value = doc.meta.get(key)
    return None if value is None else str(value)




__all__ = ["Store", "DEFAULT_DB"]
