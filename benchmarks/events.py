"""Cost of the event stage on SaudiNewsNet, on one core.

Runs the language layer and the entity stage on each article first (not
timed), then times :class:`marsad.events.EventStage` alone in process time,
and prints articles and sentences per CPU second with events per article.
The whole-pipeline target is 50 articles/s per core (issue 4); this script
shows the share the event coder takes of that budget.

Usage: ``python benchmarks/events.py [--articles 500] [--data PATH]``
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path

from marsad.doc import Doc
from marsad.entities import EntityStage
from marsad.events import EventStage
from marsad.text import TextStage

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"


def load_articles(folder: Path, limit: int) -> list[tuple[str, str]]:
    """Return up to ``limit`` (content, date) pairs in file order."""
    out: list[tuple[str, str]] = []
    for day in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(day) as zf:
            for name in zf.namelist():
                for rec in json.loads(zf.read(name)):
                    out.append((rec.get("content") or "", (rec.get("date_extracted") or "")[:10] or None))
                    if len(out) >= limit:
                        return out
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    articles = load_articles(args.data, args.articles)
    text, ents, events = TextStage(), EntityStage(), EventStage()
    t0 = time.process_time()
    for stage in (text, ents, events):
        stage.initialize()
    load = time.process_time() - t0
    docs = [ents(text(Doc(body, published=day))) for body, day in articles]
    t0 = time.process_time()
    for doc in docs:
        events(doc)
    spent = time.process_time() - t0
    n_sent = sum(len(d.sentences) for d in docs)
    n_ev = sum(len(d.events) for d in docs)
    print(f"articles: {len(docs)}  sentences: {n_sent}  load: {load:.2f} s")
    print(f"event stage: {spent:.2f} CPU s = {len(docs) / spent:.0f} articles/s, {n_sent / spent:.0f} sentences/s")
    print(f"events per article: {n_ev / len(docs):.2f}")


if __name__ == "__main__":
    main()
