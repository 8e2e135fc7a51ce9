"""Throughput of the entity stage (dictionary, gazetteer and CRF tagger) on one core.

Reads SaudiNewsNet articles from ``../shared/data/saudinewsnet`` (zipped JSON
arrays), runs :class:`marsad.entities.EntityStage` on each as a fresh
:class:`marsad.doc.Doc` and prints the load time, then sentences per CPU
second (process time, so other load on the machine does not count), with
tokens, entities and places per sentence. Sentences are those the stage
itself splits (``. ! ? ؟`` and line breaks) since no language layer runs here.

Usage: ``python benchmarks/entities.py [--articles 300] [--data PATH]``
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path

from marsad.doc import Doc
from marsad.entities import EntityStage
from marsad.entities.matcher import sentence_ranges, tokenize

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"


def load_articles(folder: Path, limit: int) -> list[tuple[str, str]]:
    """Return up to ``limit`` (content, date) pairs in file order."""
    out: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name)):
                    if art.get("content"):
                        out.append((art["content"], (art.get("date_extracted") or "2015-07-21")[:10]))
                        if len(out) >= limit:
                            return out
    return out


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark and print its numbers; return them."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    arts = load_articles(args.data, args.articles)
    t0 = time.process_time()
    stage = EntityStage().initialize()
    load_s = time.process_time() - t0
    n_sent = sum(len(sentence_ranges(t, tokenize(t))) for t, _ in arts)
    n_tok = n_ent = n_place = 0
    t0 = time.process_time()
    for text, date in arts:
        doc = stage(Doc(text, published=date))
        n_ent += len(doc.entities)
        n_place += len(doc.places)
    cpu = time.process_time() - t0
    n_tok = sum(len(tokenize(t)) for t, _ in arts)
    out = {"articles": len(arts), "sentences": n_sent, "tokens": n_tok, "load_cpu_s": round(load_s, 2),
           "cpu_s": round(cpu, 2), "sentences_per_s": round(n_sent / cpu, 1),
           "tokens_per_s": round(n_tok / cpu), "entities_per_sentence": round(n_ent / n_sent, 2),
           "places_per_sentence": round(n_place / n_sent, 2)}
    for k, v in out.items():
        print(f"{k:24s} {v}")
    return out


if __name__ == "__main__":
    main()
