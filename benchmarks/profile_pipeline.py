"""Per-stage time of the default pipeline on SaudiNewsNet articles, with a profile.

Builds documents with :func:`marsad.io.iter_docs` from one daily zip, runs
each stage of :func:`marsad.pipeline.default_pipeline` on them one core,
and prints milliseconds of CPU time per article for each stage and the whole
pipeline's articles per CPU second (process time, so other load on the
machine does not count). With ``--profile N`` it also prints the ``N``
functions with the most cumulative time under :mod:`cProfile`. With
``--store`` the coded articles are also written, 100 to a transaction as
``marsad code`` does, to a new DuckDB store in a temporary folder, and the
writing (``Store.put`` and the closing ``Store.finish_run``) is counted as
``"store"`` (DuckDB's own threads included: the process's CPU time).

Usage: ``python benchmarks/profile_pipeline.py [--day 2015-07-21] [--limit 300] [--profile 40] [--store]``
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import tempfile
import time
from pathlib import Path

from marsad.doc import Doc
from marsad.io import iter_docs
from marsad.pipeline import default_pipeline

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"


def load_docs(path: Path, limit: int) -> list:
    """Return the first ``limit`` documents of the zip at ``path`` (records that fail to read are skipped)."""
    docs = []
    for doc in iter_docs([str(path)]):
        if isinstance(doc, Doc):
            docs.append(doc)
        if len(docs) >= limit:
            break
    return docs


def _time_tagger(nlp, spent: dict[str, float]) -> None:
    """Count the CPU seconds of the NER tagger's ``predict`` under ``spent["  NER tagger"]``."""
    for stage in nlp.stages:
        tagger = getattr(stage, "tagger", None)
        if tagger:
            predict = tagger.predict

            def timed(*args, **kwargs):
                t0 = time.process_time()
                try:
                    return predict(*args, **kwargs)
                finally:
                    spent["  NER tagger"] += time.process_time() - t0

            tagger.predict = timed
            spent["  NER tagger"] = 0.0


def _time_collector(spent: dict[str, float]) -> None:
    """Count the CPU seconds of cyclic garbage collections under ``spent["  collector"]``."""
    spent["  collector"] = 0.0
    started = [0.0]

    def timed(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            spent["  collector"] += time.process_time() - started[0]

    gc.callbacks.append(timed)


class _Timed:
    """A stage wrapper that adds its CPU seconds to ``spent[stage.name]``."""

    def __init__(self, stage, spent: dict[str, float]):
        self.stage, self.name, self.spent = stage, stage.name, spent

    def __call__(self, doc):
        t0 = time.process_time()
        try:
            return self.stage(doc)
        finally:
            self.spent[self.name] += time.process_time() - t0


def time_stages(docs: list, store=None, batch_size: int = 100) -> dict[str, float]:
    """Run the default pipeline over ``docs``; return CPU seconds per stage name.

    Each document goes through the pipeline itself (``nlp(doc)``), each
    stage wrapped in a timer; what the pipeline spends around its stages
    (pausing and freezing the collector) is counted as ``"pipeline"``.
    Each item of ``docs`` is set to None once its article is taken, so
    coded articles are freed as in a corpus run.

    The entity stage's NER tagger (its ``predict``: features and CRF
    tagging) is also counted on its own, as ``"  NER tagger"``, and so are
    the cyclic garbage collector's runs, as ``"  collector"``; both times
    are part of the stages' (a collection counts in whichever stage, or
    the pipeline, it interrupts).

    With a :class:`marsad.store.Store`, the coded articles are written to it
    ``batch_size`` to a transaction and the run is finished; that time is
    ``"store"``.
    """
    nlp = default_pipeline().initialize()
    spent = {name: 0.0 for name in nlp.names}
    spent["pipeline"] = 0.0
    if store is not None:
        spent["store"] = 0.0
        t0 = time.process_time()
        run_id = store.start_run({"benchmark": "profile_pipeline"})
        spent["store"] += time.process_time() - t0
    batch: list = []
    _time_tagger(nlp, spent)
    _time_collector(spent)
    nlp.stages = [_Timed(stage, spent) for stage in nlp.stages]
    for i, doc in enumerate(docs):
        docs[i] = None  # let each article go once coded, as a corpus run does
        t0 = time.process_time()
        in_stages = sum(spent[name] for name in nlp.names)
        nlp(doc)
        spent["pipeline"] += time.process_time() - t0 - (sum(spent[name] for name in nlp.names) - in_stages)
        if store is not None:
            batch.append(doc)
            if len(batch) == batch_size or i == len(docs) - 1:
                t0 = time.process_time()
                store.put(batch, run_id)
                if i == len(docs) - 1:
                    store.finish_run(run_id, {"coded": len(docs)}, 0.0)
                spent["store"] += time.process_time() - t0
                batch = []
    return spent


def main(argv: list[str] | None = None) -> int:
    """Print per-stage ms/article and articles/s; return the exit status."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--day", default="2015-07-21", help="which daily zip (default 2015-07-21)")
    p.add_argument("--limit", type=int, default=300, help="articles (default 300)")
    p.add_argument("--profile", type=int, default=0, help="also print the top N functions")
    p.add_argument("--store", action="store_true", help="also write the articles to a new DuckDB store")
    args = p.parse_args(argv)
    docs = load_docs(args.data / f"{args.day}.zip", args.limit)
    n, chars = len(docs), sum(len(d.text) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        store = None
        if args.store:
            from marsad.store import Store

            store = Store(Path(tmp) / "profile.duckdb")
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            spent = time_stages(docs, store)
            prof.disable()
        else:
            spent = time_stages(docs, store)
    total = sum(sec for name, sec in spent.items() if not name.startswith(" "))
    print(f"{n} articles, {chars / n:,.0f} characters on average")
    for name, sec in spent.items():
        print(f"  {name:<14} {1000 * sec / n:7.2f} ms/article")
    print(f"  {'total':<14} {1000 * total / n:7.2f} ms/article = {n / total:.1f} articles/s")
    if args.profile:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
