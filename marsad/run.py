"""Code a stream of inputs: read, run the pipeline, store and export, in batches.

:func:`code_inputs` is what ``marsad code`` calls. It streams documents from
:func:`marsad.io.iter_docs` in batches of ``batch_size``; skips articles the
store already holds (by id or as reposts) before coding them; codes the rest
in this process or in ``workers`` processes; and writes each batch to the
store in one transaction (:meth:`marsad.store.Store.put`) and to the output
file. At most two batches are in memory at once, so memory does not grow
with the corpus. A document that cannot be read or coded is recorded
(input, record number, reason) and the batch goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from marsad.doc import Doc
from marsad.errors import InputError, StoreError, UsageError
from marsad.pipeline import Pipeline, default_pipeline
from marsad.store import ExportWriter, Store, body_fingerprint
from marsad.store.export import check_format

log = logging.getLogger(__name__)

DEFAULT_BATCH = 100
MAX_ERROR_SAMPLES = 20

ErrorRow = tuple[str, "int | None", str]


@dataclass
class RunSummary:
    """What a run read, stored and found.

    Attributes
    ----------
    read : int
        Records read (articles plus records that could not be read).
    stored : int
        New articles stored (or, without a store, coded).
    duplicates : int
        Reposts linked to a stored article instead of being stored.
    unchanged : int
        Articles the store already held from an earlier run.
    errors : int
        Records that could not be read or coded; ``read == stored +
        duplicates + unchanged + errors``.
    events : int
        Events found in the new articles.
    written : int
        Lines or rows written to the output file.
    seconds : float
        Wall time of the run.
    run_id : int or None
        Id in the store's ``runs`` table (None without a store).
    error_samples : list of (input, record_no, reason)
        The first failures, for the closing summary.
    """

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    unchanged: int = 0
    errors: int = 0
    events: int = 0
    written: int = 0
    seconds: float = 0.0
    run_id: int | None = None
    error_samples: list[ErrorRow] = field(default_factory=list)

    @property
    def articles_per_s(self) -> float:
        """Records read per second of wall time."""
        return self.read / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        """True when every record was read and coded."""
        return self.errors == 0

    def counts(self) -> dict[str, Any]:
        """Return the counts and timing as a JSON-ready dict (stored in ``runs.counts``)."""
        out = {k: v for k, v in asdict(self).items() if k not in ("error_samples", "run_id")}
        out["articles_per_s"] = round(self.articles_per_s, 2)
        return out


# -- worker side --------------------------------------------------------------------

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(make_pipeline: Callable[[], Pipeline]) -> None:
    """Build and initialise the pipeline once per worker process."""
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = make_pipeline().initialize()


def _code_with(pipeline: Pipeline, doc: Doc) -> tuple[Doc, str | None]:
    """Run ``pipeline`` on ``doc``; return ``(doc, None)`` or ``(doc, reason)``."""
    try:
        return pipeline(doc), None
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        return doc, f"coding failed: {type(exc).__name__}: {exc}"


def _code_in_worker(docs: list[Doc]) -> list[tuple[Doc, str | None]]:
    """Code a chunk of docs in a worker process."""
    out = []
    for doc in docs:
        coded, reason = _code_with(_WORKER_PIPELINE, doc)
        coded.tokens = []          # not in the record; saves pickling them back
        coded.quantities = []
        out.append((coded, reason))
    return out


class _Workers:
    """A process pool that survives a worker dying (killed for memory, a crash in C code).

    ``multiprocessing.Pool`` would wait forever for a task whose worker died;
    :class:`concurrent.futures.ProcessPoolExecutor` reports it as
    ``BrokenProcessPool``. The chunks it broke are then coded again one doc
    at a time in a fresh pool, so only a doc that kills its worker again is
    lost (recorded as an error).
    """

    def __init__(self, workers: int, make_pipeline: Callable[[], Pipeline]):
        self.workers = workers
        self._make = make_pipeline
        self.generation = 0
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(self._make,))

    def submit(self, docs: list[Doc]) -> tuple[int, list[tuple[Future, list[Doc]]]]:
        """Start coding ``docs`` in chunks; return the pool generation and the futures."""
        size = max(1, len(docs) // (4 * self.workers))
        chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
        return self.generation, [(self._pool.submit(_code_in_worker, c), c) for c in chunks]

    def collect(self, submitted: tuple[int, list[tuple[Future, list[Doc]]]]) -> list[tuple[Doc, str | None]]:
        """Wait for submitted chunks; recode the chunks of a broken pool one doc at a time."""
        generation, futures = submitted
        out: list[tuple[Doc, str | None]] = []
        for future, chunk in futures:
            try:
                out += future.result()
            except BrokenProcessPool:
                self._restart(generation)
                generation = self.generation
                out += [self._one(doc) for doc in chunk]
        return out

    def _one(self, doc: Doc) -> tuple[Doc, str | None]:
        try:
            return self._pool.submit(_code_in_worker, [doc]).result()[0]
        except BrokenProcessPool:
            self._restart(self.generation)
            return doc, "coding failed: its worker process died (out of memory or a crash)"

    def _restart(self, generation: int) -> None:
        if generation == self.generation:
            log.warning("a worker process died; starting a fresh pool")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()
            self.generation += 1

    def close(self) -> None:
        """Stop the workers."""
        self._pool.shutdown(wait=True, cancel_futures=True)


# -- driver side --------------------------------------------------------------------


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _where(doc: Doc) -> tuple[str, int | None]:
    source = doc.meta.get("input") or doc.url or doc.source or "?"
    record_no = doc.meta.get("record_no")
    return str(source), record_no if isinstance(record_no, int) else None


def _check_inputs(inputs: Iterable[str | Path]) -> list[str]:
    if isinstance(inputs, (str, Path)):
        raise TypeError(f"inputs must be a list of paths or URLs, got a bare {type(inputs).__name__}")
    out = [str(i) for i in inputs]
    if not out:
        raise UsageError("no inputs given")
    for item in out:
        if item != "-" and not item.startswith(("http://", "https://")) and not Path(item).exists():
            raise InputError(item, "no such file or directory")
    return out


class _Batch:
    """One batch in flight: its items, which docs go to coding, and the result."""

    def __init__(self, items: list[Doc | InputError], known: set[str]):
        self.items = items
        self.known = known
        self.to_code = [d for d in items
                        if isinstance(d, Doc) and d.text.strip() and d.doc_id not in known]
        self.pending = None


class _Runner:
    """State of one :func:`code_inputs` call (store, writer, pool, summary)."""

    def __init__(self, store: Store | None, writer: ExportWriter | None, summary: RunSummary,
                 pipeline: Pipeline | None, pool: _Workers | None):
        self.store, self.writer, self.summary = store, writer, summary
        self.pipeline, self.pool = pipeline, pool
        # Ids and fingerprints this run has stored or linked: articles the
        # store will not take again, so they need no coding. The store is
        # asked too only if it held articles before the run.
        self.seen_ids: set[str] = set()
        self.seen_prints: set[str] = set()
        self.ask_store = store is not None and store.counts()["articles"] > 0

    def _known(self, docs: list[Doc]) -> set[str]:
        if self.store is None:
            return set()
        hits = {d.doc_id for d in docs
                if d.doc_id in self.seen_ids or body_fingerprint(d.text, d.title) in self.seen_prints}
        rest = [d for d in docs if d.doc_id not in hits]
        if self.ask_store and rest:
            hits |= self.store.known(rest)
        return hits

    def submit(self, items: list[Doc | InputError]) -> _Batch:
        """Decide which docs of a batch need coding and start coding them (in workers, if any)."""
        docs = [d for d in items if isinstance(d, Doc) and d.text.strip()]
        batch = _Batch(items, self._known(docs))
        if self.pool is not None and batch.to_code:
            batch.pending = self.pool.submit(batch.to_code)
        return batch

    def finish(self, batch: _Batch) -> None:
        """Wait for a batch's coding, then store it with its failures and count the outcomes."""
        if batch.pending is not None:
            coded = self.pool.collect(batch.pending)
        else:
            coded = [_code_with(self.pipeline, d) for d in batch.to_code]
        results = {id(d): r for d, r in zip(batch.to_code, coded)}
        errors: list[ErrorRow] = []
        ready: list[Doc] = []
        for item in batch.items:
            self.summary.read += 1
            if isinstance(item, InputError):
                errors.append((item.source, item.record_no, item.reason))
            elif not item.text.strip():
                errors.append((*_where(item), "empty text after cleaning"))
            elif item.doc_id in batch.known:
                ready.append(item)
            else:
                doc, reason = results[id(item)]
                if reason is None:
                    ready.append(doc)
                else:
                    errors.append((*_where(doc), reason))
        self._store(ready, errors)

    def _store(self, docs: list[Doc], errors: list[ErrorRow]) -> None:
        """Store the batch and its failures in one transaction (or just count, without a store)."""
        if self.store is None:
            for doc in docs:
                self._stored(doc)
            self._note(errors)
            return
        try:
            outcomes = self.store.put(docs, self.summary.run_id, errors)
        except StoreError as exc:
            log.warning("batch not stored (%s); storing its articles one by one", exc)
            self._store_one_by_one(docs, errors)
            return
        for doc, outcome in zip(docs, outcomes):
            self._count(doc, outcome)
        self._note(errors)

    def _store_one_by_one(self, docs: list[Doc], errors: list[ErrorRow]) -> None:
        """After a failed batch, store its docs singly so one bad doc costs only itself."""
        errors = list(errors)
        for doc in docs:
            try:
                outcome = self.store.put([doc], self.summary.run_id)[0]
            except StoreError as exc:
                errors.append((*_where(doc), f"not stored: {exc}"))
                continue
            self._count(doc, outcome)
        self.store.record_errors(errors, self.summary.run_id)
        self._note(errors)

    def _count(self, doc: Doc, outcome: str) -> None:
        self.seen_ids.add(doc.doc_id)
        if outcome == "stored":
            fp = body_fingerprint(doc.text, doc.title)
            if fp:
                self.seen_prints.add(fp)
            self._stored(doc)
        elif outcome == "duplicate":
            self.summary.duplicates += 1
        else:
            self.summary.unchanged += 1

    def _stored(self, doc: Doc) -> None:
        self.summary.stored += 1
        self.summary.events += len(doc.events)
        if self.writer is not None:
            self.summary.written += self.writer.write(doc.to_record())

    def _note(self, errors: list[ErrorRow]) -> None:
        """Count and log failures (the store has recorded them already)."""
        self.summary.errors += len(errors)
        room = MAX_ERROR_SAMPLES - len(self.summary.error_samples)
        self.summary.error_samples += errors[:max(room, 0)]
        for src, no, reason in errors:
            log.info("%s%s: %s", src, "" if no is None else f" record {no}", reason)


def code_inputs(
    inputs: Iterable[str | Path],
    *,
    db: str | Path | None = None,
    out: str | Path | TextIO | None = None,
    fmt: str = "jsonl",
    workers: int = 1,
    lexicon: str | None = None,
    progress: Callable[[RunSummary], None] | None = None,
    quiet: bool = False,
    batch_size: int = DEFAULT_BATCH,
    pipeline: Pipeline | Callable[[], Pipeline] | None = None,
    stdin: TextIO | None = None,
) -> RunSummary:
    """Read, code, store and export every article in ``inputs``.

    Parameters
    ----------
    inputs : list of str or Path
        Files, directories, ``.zip`` files, http(s) URLs or ``"-"`` (stdin),
        as :func:`marsad.io.iter_docs` reads them.
    db : str or Path, optional
        Store file. None codes without a store (``--no-db``): nothing is
        skipped as already stored and nothing is recorded.
    out : str, Path or text stream, optional
        Where to write the records of the articles newly stored (with a
        store) or coded (without one). Reposts and unchanged articles are
        in the store; ``marsad export`` writes them.
    fmt : {"jsonl", "csv", "parquet", "polecat", "acled"}, default "jsonl"
        Format of ``out`` (see :mod:`marsad.store.export`).
    workers : int, default 1
        Coding processes. With more than one, each builds the pipeline once
        and at most two batches are in flight.
    lexicon : str, optional
        User event lexicon for :func:`marsad.pipeline.default_pipeline`.
    progress : callable, optional
        Called with the running :class:`RunSummary` after each batch.
    quiet : bool, default False
        Do not call ``progress``.
    batch_size : int, default 100
        Articles per store transaction.
    pipeline : Pipeline or callable returning one, optional
        Replaces the default pipeline (tests, custom stages). With
        ``workers > 1`` it must be picklable or made by a picklable callable.
    stdin : text stream, optional
        What ``"-"`` reads (defaults to ``sys.stdin`` in :mod:`marsad.io`).

    Returns
    -------
    RunSummary
        Counts, throughput and the first failures.

    Raises
    ------
    InputError
        If a local input path does not exist (nothing is read then).
    UsageError
        For an unknown format, ``workers < 1``, ``batch_size < 1`` or Parquet
        to a stream.
    StoreError
        If the store cannot be opened.
    TypeError
        If ``inputs`` is a bare string.
    """
    inputs = _check_inputs(inputs)
    check_format(fmt)
    if not isinstance(workers, int) or workers < 1:
        raise UsageError(f"workers must be an integer >= 1; got {workers!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise UsageError(f"batch_size must be an integer >= 1; got {batch_size!r}")
    from marsad.io import iter_docs

    make = pipeline if callable(pipeline) and not isinstance(pipeline, Pipeline) else None
    if pipeline is None:
        make = partial(default_pipeline, lexicon)
    store = Store(db) if db is not None else None
    summary = RunSummary()
    started = time.perf_counter()
    writer = ExportWriter(out, fmt) if out is not None else None
    pool = None
    completed = False
    try:
        if workers > 1:
            factory = make or partial(_same, pipeline)
            pool = _Workers(workers, factory)
            local = None
        else:
            local = (make() if make else pipeline).initialize()
        if store is not None:
            summary.run_id = store.start_run({
                "inputs": inputs, "workers": workers, "format": fmt,
                "out": None if out is None or not isinstance(out, (str, Path)) else str(out),
                "lexicon": lexicon, "batch_size": batch_size,
            })
        runner = _Runner(store, writer, summary, local, pool)
        docs = iter_docs(inputs) if stdin is None else iter_docs(inputs, stdin=stdin)
        previous = None
        for items in _batches(docs, batch_size):
            current = runner.submit(items)
            if previous is not None:
                runner.finish(previous)
                _report(progress, quiet, summary, started)
            previous = current
            if pool is None:
                runner.finish(previous)
                _report(progress, quiet, summary, started)
                previous = None
        if previous is not None:
            runner.finish(previous)
            _report(progress, quiet, summary, started)
        completed = True
    finally:
        if pool is not None:
            pool.close()
        if writer is not None:
            writer.close()
        summary.seconds = time.perf_counter() - started
        if store is not None and summary.run_id is not None:
            counts = summary.counts()
            if not completed:
                counts["interrupted"] = True
            store.finish_run(summary.run_id, counts, summary.seconds)
    return summary


def _same(pipeline: Pipeline) -> Pipeline:
    """Return ``pipeline`` (lets a ready Pipeline be shipped to worker processes)."""
    return pipeline


def _report(progress, quiet: bool, summary: RunSummary, started: float) -> None:
    summary.seconds = time.perf_counter() - started
    if progress is not None and not quiet:
        progress(summary)
