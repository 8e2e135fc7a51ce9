"""Throughput of the entity stage (dictionary, gazetteer and CRF tagger) on one core.

Reads SaudiNewsNet articles from ``../shared/data/saudinewsnet`` (zipped JSON
arrays), runs :class:`marsad.entities.EntityStage` on each as a fresh
:class:`marsad.doc.Doc` and prints the load time, then sentences per CPU
second (process time, so other load on the machine does not count), with
tokens, entities and places per sentence. Sentences are those the stage
itself splits (``. ! ? ؟`` and line breaks) since no language layer runs here.

With ``--tagger`` it times the CRF tagger alone on the same sentences (as
the stage batches them, one article per call): the fast path
(:mod:`marsad.entities.ner_fast`) on a fresh tagger, then again with its word
cache filled, then python-crfsuite on :func:`marsad.entities.ner.token_features`,
and counts the tokens whose labels differ (0 expected).

Usage: ``python benchmarks/entities.py [--articles 300] [--data PATH] [--tagger]``
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
    ap.add_argument("--tagger", action="store_true", help="time the CRF tagger alone, fast and slow paths")
    args = ap.parse_args(argv)
    arts = load_articles(args.data, args.articles)
    if args.tagger:
        return tagger_main(arts)
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


def tagger_main(arts: list[tuple[str, str]]) -> dict:
    """Time the tagger's paths on the articles' sentences; print and return the numbers."""
    from marsad.entities.ner import NerLexicon, NerTagger
    from marsad.entities.stage import EntityStage as _Stage

    stage = _Stage(tagger=False).initialize()
    lexicon = NerLexicon.from_data(stage.dictionary, stage.gazetteer)
    batches = []
    for text, _ in arts:
        toks = tokenize(text)
        batches.append([[t.text for t in toks[a:b]] for a, b in sentence_ranges(text, toks)])
    tagger = NerTagger(lexicon=lexicon).load()
    out: dict = {"articles": len(batches), "tokens": sum(len(s) for b in batches for s in b)}
    runs = {}
    for name in ("fast_cold", "fast_warm"):
        t0 = time.process_time()
        runs[name] = [tagger.predict(b) for b in batches]
        out[f"{name}_ms_per_article"] = round(1000 * (time.process_time() - t0) / len(batches), 2)
    t0 = time.process_time()
    slow = [[tagger.tagger_.tag(f) if f else [] for f in tagger._features(b)] for b in batches]
    out["python_crfsuite_ms_per_article"] = round(1000 * (time.process_time() - t0) / len(batches), 2)
    out["tokens_with_other_labels"] = sum(x != y for a, b in zip(slow, runs["fast_cold"])
                                          for s, t in zip(a, b) for x, y in zip(s, t))
    for k, v in out.items():
        print(f"{k:32s} {v}")
    return out


if __name__ == "__main__":
    main()
