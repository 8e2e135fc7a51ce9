"""Throughput and peak memory of ``marsad code`` on the SaudiNewsNet corpus.

Runs each configuration (1 and 2 workers, without a store and with one) in a
fresh process and prints articles/s (wall clock), the CPU seconds the
configuration used (driver and workers, loading included; on a shared
machine this moves less than the wall clock) and peak resident memory: the
driver process and the largest worker (``resource.getrusage``; Linux
reports KiB).

    python benchmarks/throughput.py                 # first 1,000 records
    python benchmarks/throughput.py --limit 5000
    python benchmarks/throughput.py --full          # all 31,030 records

The sample is the first N records of the corpus in date order, written to a
temporary JSONL file (outside the repository) so every configuration reads
the same articles.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet"


def write_sample(corpus: Path, limit: int, dest: Path) -> int:
    """Write the first ``limit`` records of the corpus zips to ``dest`` (JSONL); return how many."""
    n = 0
    with dest.open("w", encoding="utf-8") as out:
        for day in sorted(corpus.glob("*.zip")):
            with zipfile.ZipFile(day) as zf:
                for name in zf.namelist():
                    for record in json.loads(zf.read(name)):
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                        n += 1
                        if n >= limit:
                            return n
    return n


def child(inputs: list[str], workers: int, db: str | None) -> None:
    """Code ``inputs`` once and print the numbers as one JSON line."""
    from marsad.run import code_inputs

    summary = code_inputs(inputs, db=db, workers=workers, quiet=True, batch_size=100)
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in used)  # this process and its finished workers, loading included
    kib = 1024.0
    print(json.dumps({
        "read": summary.read, "stored": summary.stored, "duplicates": summary.duplicates,
        "errors": summary.errors, "events": summary.events, "seconds": round(summary.seconds, 2),
        "articles_per_s": round(summary.articles_per_s, 1), "cpu_s": round(cpu, 1),
        "driver_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kib, 1),
        "worker_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / kib, 1),
    }))


def main(argv: list[str] | None = None) -> int:
    """Run every configuration and print a table; return the exit status."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--limit", type=int, default=1000, help="records in the sample (default 1000)")
    p.add_argument("--full", action="store_true", help="the whole corpus instead of a sample")
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    p.add_argument("--child-workers", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument("--child-db", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        child(args.child, args.child_workers, args.child_db)
        return 0
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        if args.full:
            inputs, label = [str(args.corpus)], "full corpus"
        else:
            sample = Path(tmp) / "sample.jsonl"
            n = write_sample(args.corpus, args.limit, sample)
            inputs, label = [str(sample)], f"first {n:,} records"
        print(f"SaudiNewsNet, {label}")
        print(f"{'workers':>7} {'store':>6} {'read':>7} {'stored':>7} {'dups':>5} {'errors':>6} "
              f"{'events':>7} {'seconds':>8} {'art/s':>7} {'CPU s':>7} {'driver MiB':>10} {'worker MiB':>10}")
        for workers in args.workers:
            for use_db in (False, True):
                db = str(Path(tmp) / f"bench-{workers}.duckdb") if use_db else None
                cmd = [sys.executable, __file__, "--child", *inputs, "--child-workers", str(workers)]
                if db:
                    cmd += ["--child-db", db]
                proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
                if proc.returncode != 0:
                    print(proc.stderr, file=sys.stderr)
                    return 1
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                print(f"{workers:>7} {'yes' if use_db else 'no':>6} {r['read']:>7,} {r['stored']:>7,} "
                      f"{r['duplicates']:>5,} {r['errors']:>6,} {r['events']:>7,} {r['seconds']:>8.1f} "
                      f"{r['articles_per_s']:>7.1f} {r['cpu_s']:>7.1f} {r['driver_rss_mib']:>10.1f} "
                      f"{r['worker_rss_mib'] if workers > 1 else 0:>10.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
