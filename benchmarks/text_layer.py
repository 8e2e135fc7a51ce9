"""Throughput of the language layer on SaudiNewsNet articles.

Reads the daily zips in ``../shared/data/saudinewsnet`` (one JSON array of
articles per zip) with :mod:`zipfile` and :mod:`json`, then times sentence
splitting, tokenisation with clitic segmentation, quantities and times over
the article bodies on one core, making the calls ``TextStage`` makes (the
tokeniser marks where quantities and times can start; ``--public`` times the
public functions ``tokenize``, ``find_quantities(text, tokens)`` and
``find_times(text, published, tokens)`` instead). Prints the loading time
(``TextStage.initialize``: word lists, qualifier tables, dateparser's Arabic
data), then MB of UTF-8 text per CPU second (process time, so other load on
the machine counts only through shared caches), cold (first pass, caches
empty), warm (second pass over the same texts) and unseen after warm-up (the
next articles of the corpus, never seen, with the caches the first pass
filled: the figure for a long corpus run).

Usage: ``python benchmarks/text_layer.py [--mb 8] [--data PATH] [--public]``
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path

from marsad.text import TextStage, find_quantities, find_times, split_sentences, tokenize
from marsad.text.numbers import _find_quantities
from marsad.text.times import _find_times
from marsad.text.tokenize import _tokenize

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"


def load_articles(folder: Path, limit_bytes: int) -> list[tuple[str, str]]:
    """Return (content, published-date) pairs up to ``limit_bytes`` of UTF-8 text."""
    out: list[tuple[str, str]] = []
    total = 0
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name)):
                    text = art.get("content") or ""
                    if not text:
                        continue
                    out.append((text, (art.get("date_extracted") or "2015-07-21")[:10]))
                    total += len(text.encode("utf-8"))
                    if total >= limit_bytes:
                        return out
    return out


def run(articles: list[tuple[str, str]], public: bool = False) -> dict[str, float]:
    """Time each part of the layer over ``articles``; return CPU seconds per part."""
    spent = {"sentences": 0.0, "tokens": 0.0, "quantities": 0.0, "times": 0.0}
    for text, published in articles:
        t0 = time.process_time()
        split_sentences(text)
        t1 = time.process_time()
        if public:
            toks = tokenize(text)
            t2 = time.process_time()
            find_quantities(text, toks)
            t3 = time.process_time()
            find_times(text, published, toks)
        else:
            toks, candidates, anchors = _tokenize(text)
            t2 = time.process_time()
            _find_quantities(text, toks, candidates)
            t3 = time.process_time()
            _find_times(text, published, anchors)
        t4 = time.process_time()
        spent["sentences"] += t1 - t0
        spent["tokens"] += t2 - t1
        spent["quantities"] += t3 - t2
        spent["times"] += t4 - t3
    return spent


def main() -> None:
    """Parse arguments, run two passes and print the numbers."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=8.0, help="MB of article text to process")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--public", action="store_true", help="time the public functions, not the stage's calls")
    args = ap.parse_args()
    t0 = time.process_time()
    TextStage().initialize()
    print(f"loading: {time.process_time() - t0:.2f} s (not in the figures below)")
    articles = load_articles(args.data, int(args.mb * 1e6))
    mb = sum(len(t.encode("utf-8")) for t, _ in articles) / 1e6
    words = sum(len(t.split()) for t, _ in articles)
    print(f"articles: {len(articles)}  text: {mb:.2f} MB  words: {words}")
    for label in ("cold", "warm"):
        spent = run(articles, args.public)
        total = sum(spent.values())
        parts = "  ".join(f"{k} {mb / v:.1f} MB/s" for k, v in spent.items())
        print(f"{label}: {mb / total:.2f} MB/s per core ({total:.2f} s)  [{parts}]")
    # steady state on text not seen before: the first half warms the caches,
    # the second half (new articles) is measured, as in a long corpus run
    more = load_articles(args.data, int(2 * args.mb * 1e6))[len(articles):]
    if more:
        new_mb = sum(len(t.encode("utf-8")) for t, _ in more) / 1e6
        total = sum(run(more, args.public).values())
        print(f"unseen after warm-up: {new_mb / total:.2f} MB/s per core ({new_mb:.2f} MB in {total:.2f} s)")


if __name__ == "__main__":
    main()
