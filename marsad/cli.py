"""The ``marsad`` command line: a thin shell over library functions.

Each command parses options, calls one library function and formats what it
returns. Only this module configures logging, writes to the terminal and
chooses exit codes: 0 when everything succeeded, 1 when some inputs failed
(the rest was stored) or a command could not finish, 2 for usage errors.
Commands that need an unfinished part of Marsad import it lazily, so every
other command keeps working.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import marsad
from marsad.errors import InputError, MarsadError, UsageError

log = logging.getLogger("marsad")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_DB = "marsad.duckdb"
_QUALIFIER_MARK = {"exact": "", "approx": "~", "min": "≥", "max": "≤"}


# -- parsing ----------------------------------------------------------------------------


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH",
                   help=f"DuckDB store (default: $MARSAD_DB or ./{DEFAULT_DB})")


def _add_filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--type", help="PLOVER event type, e.g. ASSAULT")
    g.add_argument("--country", help="ISO 3166 alpha-3 or alpha-2 code of actor, recipient or place")
    g.add_argument("--since", help="first date, YYYY[-MM[-DD]]")
    g.add_argument("--until", help="last date, YYYY[-MM[-DD]]")
    g.add_argument("--actor", metavar="TEXT", help="text in the actor's or recipient's name, label or id")


def build_parser() -> argparse.ArgumentParser:
    """Return the ``marsad`` argument parser with all its subcommands."""
    from marsad.store.export import EXPORT_FORMATS

    parser = argparse.ArgumentParser(
        prog="marsad", description="Marsad (مرصد): Arabic news to structured political event data.")
    parser.add_argument("--version", action="version", version=f"marsad {marsad.__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each failed record and more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("code", help="read and code news articles, store and export the events")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="file, directory, .zip, http(s) URL, or - for stdin")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH", help=f"store (default: $MARSAD_DB or ./{DEFAULT_DB})")
    where.add_argument("--no-db", action="store_true", help="do not store; print or write records only")
    p.add_argument("-o", "--output", metavar="PATH", help="also write the new records here")
    p.add_argument("--format", default="jsonl", choices=EXPORT_FORMATS, help="format of -o (default jsonl)")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="coding processes (default 1)")
    p.add_argument("--lexicon", metavar="PATH", help="user event lexicon (YAML) over the bundled one")
    p.add_argument("--batch-size", type=int, default=100, metavar="N", help="articles per transaction")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")

    p = sub.add_parser("events", help="list stored events")
    _add_db(p)
    _add_filters(p)
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N events (default 50)")
    p.add_argument("--format", default="table", choices=("table", "jsonl", "csv"))

    p = sub.add_parser("export", help="write stored events or articles to a file")
    _add_db(p)
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="PATH")
    _add_filters(p)

    p = sub.add_parser("serve", help="open the dashboard over a store")
    _add_db(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)

    p = sub.add_parser("train", help="train a model")
    train = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    t = train.add_parser("ner", help="train the Arabic NER tagger on CoNLL-style data")
    t.add_argument("--data", required=True, metavar="PATH", help="token TAG file (e.g. ANERcorp)")
    t.add_argument("--out", metavar="PATH", help="where to save the model")

    p = sub.add_parser("eval", help="evaluate against a gold standard")
    ev = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    g = ev.add_parser("gsr", help="event detection and actor coding on the Arabic event GSR")
    g.add_argument("directory", metavar="DIR")
    g.add_argument("--limit", type=int, metavar="N", help="only the first N records")
    return parser


def _db_path(args: argparse.Namespace) -> str:
    return args.db or os.environ.get("MARSAD_DB") or DEFAULT_DB


def _filters(args: argparse.Namespace):
    from marsad.store import EventFilter

    return EventFilter(type=args.type, country=args.country, since=args.since,
                       until=args.until, actor=args.actor)


def _existing_store(args: argparse.Namespace):
    from marsad.store import Store

    path = _db_path(args)
    if not Path(path).exists():
        raise UsageError(f"no store at {path}; create one with `marsad code INPUT --db {path}`")
    return Store(path, read_only=True)


# -- progress and summary -------------------------------------------------------------


class RichProgress:
    """A progress line on stderr (articles read, articles/s, events), started on first update."""

    def __init__(self):
        self._progress = None
        self._task = None

    def __call__(self, summary) -> None:
        """Show ``summary`` (a :class:`marsad.run.RunSummary`)."""
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        fields = dict(read=summary.read, rate=summary.articles_per_s, events=summary.events,
                      errors=summary.errors)
        if self._progress is None:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("coding"),
                TextColumn("{task.fields[read]:,} articles"),
                TextColumn("{task.fields[rate]:.1f} articles/s"),
                TextColumn("{task.fields[events]:,} events"),
                TextColumn("{task.fields[errors]:,} errors"), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("coding", total=None, **fields)
        self._progress.update(self._task, **fields)

    def close(self) -> None:
        """Remove the progress line."""
        if self._progress is not None:
            self._progress.stop()


def format_summary(summary, db: str | None) -> str:
    """Return the closing summary of a run: counts, throughput and the first failures."""
    kept = "stored" if db else "coded"
    lines = [
        f"read {summary.read:,} · {kept} {summary.stored:,} · duplicates {summary.duplicates:,} · "
        f"unchanged {summary.unchanged:,} · errors {summary.errors:,} · events {summary.events:,}",
        f"{summary.seconds:.1f} s · {summary.articles_per_s:.1f} articles/s",
    ]
    if summary.errors:
        for src, no, reason in summary.error_samples[:5]:
            lines.append(f"  failed: {src}{'' if no is None else f' record {no}'}: {reason}")
        more = summary.errors - min(5, len(summary.error_samples))
        if more > 0:
            lines.append(f"  … and {more:,} more" + (f" (see the errors table in {db})" if db else ""))
    return "\n".join(lines)


# -- commands ---------------------------------------------------------------------------


def cmd_code(args: argparse.Namespace) -> int:
    """``marsad code``: code inputs into the store and/or an output file."""
    from marsad.run import code_inputs

    if args.lexicon and not Path(args.lexicon).is_file():
        raise UsageError(f"no lexicon file at {args.lexicon}")
    db = None if args.no_db else _db_path(args)
    out: Any = args.output
    if db is None and out is None:
        out = sys.stdout
    show = not args.quiet and sys.stderr.isatty()
    progress = RichProgress() if show else None
    try:
        summary = code_inputs(args.inputs, db=db, out=out, fmt=args.format, workers=args.workers,
                              lexicon=args.lexicon, progress=progress, quiet=not show,
                              batch_size=args.batch_size)
    finally:
        if progress is not None:
            progress.close()
    if not args.quiet:
        print(format_summary(summary, db), file=sys.stderr)
    elif summary.errors:
        print(f"marsad: {summary.errors:,} of {summary.read:,} records failed", file=sys.stderr)
    return EXIT_OK if summary.ok else EXIT_FAILED


def _casualties(row: dict[str, Any]) -> str:
    parts = []
    for name, word in (("fatalities", "killed"), ("injuries", "injured"), ("arrests", "arrested")):
        value = row.get(name)
        if value is not None:
            parts.append(f"{_QUALIFIER_MARK.get(row.get(f'{name}_qualifier') or 'exact', '')}{value} {word}")
    return ", ".join(parts)


def _who(row: dict[str, Any], prefix: str) -> str:
    name = row.get(f"{prefix}_label_en") or row.get(f"{prefix}_text") or ""
    tags = "/".join(t for t in (row.get(f"{prefix}_country"), row.get(f"{prefix}_sector")) if t)
    return f"{name} ({tags})" if tags and name else name or tags


def events_table(rows: list[dict[str, Any]]):
    """Return a rich Table of flat event rows (date, type, mode, actor, ..., Arabic trigger)."""
    from rich.table import Table

    table = Table(title=f"{len(rows)} events", show_lines=False)
    for col in ("date", "type", "mode", "actor", "recipient", "place", "casualties", "status", "trigger"):
        table.add_column(col, overflow="fold")
    for r in rows:
        place = r.get("place_name_en") or r.get("place_text") or ""
        if place and r.get("country"):
            place = f"{place}, {r['country']}"
        date = r.get("event_date") or (r.get("published") or "")[:10]
        table.add_row(
            date + ("*" if r.get("date_inferred") else ""), r.get("event_type") or "", r.get("mode") or "",
            _who(r, "actor"), _who(r, "recipient"), place, _casualties(r), r.get("status") or "",
            r.get("trigger_text") or "",
        )
    return table


def cmd_events(args: argparse.Namespace) -> int:
    """``marsad events``: print stored events as a table, JSONL or CSV."""
    if args.limit is not None and args.limit < 1:
        raise UsageError(f"--limit must be >= 1; got {args.limit}")
    rows = _existing_store(args).events(_filters(args), limit=args.limit)
    if args.format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        import csv

        from marsad.store import FLAT_NAMES

        writer = csv.DictWriter(sys.stdout, fieldnames=FLAT_NAMES)
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console

        console = Console(width=None if sys.stdout.isatty() else 160)
        console.print(events_table(rows))
        if any(r.get("date_inferred") for r in rows):
            console.print("* date of publication (the article gives no date for the event)", style="dim")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """``marsad export``: write stored records or events to a file."""
    from marsad.store import export

    store = _existing_store(args)
    n = export(store.records(_filters(args)), args.format, args.output)
    unit = "articles" if args.format == "jsonl" else "events"
    print(f"wrote {n:,} {unit} to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """``marsad serve``: run the dashboard (marsad.web)."""
    from marsad.web import serve

    serve(_db_path(args), host=args.host, port=args.port)
    return EXIT_OK


def cmd_train(args: argparse.Namespace) -> int:
    """``marsad train ner``: train the NER tagger and print its report."""
    from marsad.entities import train_ner

    if not Path(args.data).exists():
        raise UsageError(f"no training data at {args.data}")
    print(format_ner_report(train_ner(args.data, args.out)))
    return EXIT_OK


def format_ner_report(report: Any) -> str:
    """Return :func:`marsad.entities.train_ner`'s report as a table (per type, then micro)."""
    if not isinstance(report, dict) or not isinstance(report.get("per_type"), dict):
        return report if isinstance(report, str) else json.dumps(report, ensure_ascii=False, indent=2, default=str)
    lines = ["NER on the dev split (entity level)",
             f"{'type':<8} {'prec':>7} {'recall':>7} {'F1':>7}"]
    rows = list(report["per_type"].items()) + [("micro", report.get("micro") or {})]
    for name, m in rows:
        lines.append(f"{name:<8} {m.get('precision', 0):>7.3f} {m.get('recall', 0):>7.3f} {m.get('f1', 0):>7.3f}")
    rest = {k: v for k, v in report.items() if k not in ("per_type", "micro")}
    lines += [f"{k}: {v}" for k, v in rest.items()]
    return "\n".join(lines)


def cmd_eval(args: argparse.Namespace) -> int:
    """``marsad eval gsr``: score event coding on the GSR and print the report."""
    from marsad.events import evaluate_gsr, format_gsr_report

    if not Path(args.directory).is_dir():
        raise UsageError(f"no GSR directory at {args.directory}")
    result = evaluate_gsr(args.directory, limit=args.limit)
    print(format_gsr_report(result))
    return EXIT_OK


COMMANDS = {"code": cmd_code, "events": cmd_events, "export": cmd_export,
            "serve": cmd_serve, "train": cmd_train, "eval": cmd_eval}


def _configure_logging(verbose: bool) -> None:
    handler = next((h for h in log.handlers if getattr(h, "_marsad_cli", False)), None)
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler._marsad_cli = True
        handler.setFormatter(logging.Formatter("marsad: %(levelname)s: %(message)s"))
        log.addHandler(handler)
    handler.stream = sys.stderr
    log.setLevel(logging.INFO if verbose else logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``marsad`` command line; return the exit status.

    Parameters
    ----------
    argv : list of str, optional
        Arguments without the program name (default ``sys.argv[1:]``).

    Returns
    -------
    int
        0 all succeeded; 1 some inputs failed (the rest was stored) or the
        command could not finish; 2 usage error (bad option, missing input
        path or store).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:   # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    _configure_logging(args.verbose)
    try:
        return COMMANDS[args.command](args)
    except (UsageError, InputError) as exc:
        print(f"marsad: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ImportError as exc:
        print(f"marsad {args.command}: not available in this installation: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except MarsadError as exc:   # StoreError and the rest
        print(f"marsad: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("marsad: interrupted; batches already stored are kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
