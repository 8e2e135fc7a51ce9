"""Short read-only connections to the DuckDB store, safe beside a writer.

DuckDB lets one process hold a database file for writing, or any number of
processes hold it read-only, never both (see DuckDB's "Concurrency" page).
``marsad code`` holds the file only while it writes one batch, so the server
opens a fresh read-only connection per request and retries for a short while
when the file is locked. Inside the server process, reads share a lock and the
rare write (``POST /api/code?store=true``) takes it exclusively, because
DuckDB refuses a read-write and a read-only connection to one file in the same
process at the same time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from marsad.errors import StoreError


class StoreBusy(StoreError):
    """The store stayed locked by a writer for longer than the retry budget.

    Parameters
    ----------
    path : str
        The database file.
    waited : float
        Seconds spent retrying.
    """

    def __init__(self, path: str, waited: float):
        self.path = path
        self.waited = waited
        super().__init__(f"[E501] store {path} is locked by a writer; gave up after {waited:.1f} s")


class StoreMissing(StoreError):
    """The database file does not exist."""


class ReadWriteLock:
    """Many readers or one writer, for connections inside one process."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the lock shared for the ``with`` block."""
        with self._cond:
            while self._writing:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the lock exclusively for the ``with`` block."""
        with self._cond:
            while self._writing or self._readers:
                self._cond.wait()
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


def _is_lock_error(exc: Exception) -> bool:
    """Return True when DuckDB failed because another connection holds the file."""
    msg = str(exc).lower()
    return "lock" in msg or "different configuration" in msg


class StoreReader:
    """Open short read-only connections to one store file.

    Parameters
    ----------
    path : str or Path
        DuckDB database file written by :class:`marsad.store.Store`.
    retry_seconds : float, default 3.0
        How long to keep retrying while a writer holds the file.
    retry_wait : float, default 0.05
        First pause between tries, in seconds; it doubles up to 0.4 s.
    """

    def __init__(self, path: str | Path, retry_seconds: float = 3.0, retry_wait: float = 0.05):
        self.path = str(path)
        self.retry_seconds = retry_seconds
        self.retry_wait = retry_wait
        self.lock = ReadWriteLock()

    def exists(self) -> bool:
        """Return True when the database file exists."""
        return Path(self.path).is_file()

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Yield a read-only connection, closed when the block ends.

        Raises
        ------
        StoreMissing
            If the file does not exist.
        StoreBusy
            If a writer kept the file locked for ``retry_seconds``.
        """
        if not self.exists():
            raise StoreMissing(f"[E502] no store at {self.path}; create one with `marsad code ... --db {self.path}`")
        with self.lock.reading():
            con = self._open()
            try:
                yield con
            finally:
                con.close()

    def _open(self) -> duckdb.DuckDBPyConnection:
        started = time.monotonic()
        wait = self.retry_wait
        while True:
            try:
                return duckdb.connect(self.path, read_only=True)
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                waited = time.monotonic() - started
                if not _is_lock_error(exc) or waited >= self.retry_seconds:
                    if _is_lock_error(exc):
                        raise StoreBusy(self.path, waited) from exc
                    raise StoreError(f"[E503] cannot open store {self.path}: {exc}") from exc
                time.sleep(wait)
                wait = min(wait * 2, 0.4)
