"""Dump a fixed SaudiNewsNet sample's coded events for reading by hand.

The recipe of the third reading round (docs/events.md, "Reading real news,
third round"): the articles of the given days are shuffled with a fixed
seed, then stably sorted so that those whose title and first 300
characters hold three or more politics/security words come first; bodies
shorter than 200 characters are skipped. Each kept article is cleaned by
:func:`marsad.io.articles.doc_from_record`, coded by
:func:`marsad.pipeline.default_pipeline`, and written as one block: a
header line, then one line per event (type/mode, trigger, status, actor,
recipient, location, date, casualties, source, mentions, rule) followed by
its sentence.

Usage::

    python benchmarks/read_sample.py A /tmp/sample_a.txt          # 150 articles
    python benchmarks/read_sample.py B /tmp/sample_b.txt --articles 100
    python benchmarks/read_sample.py custom OUT --days 2015-07-21 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from pathlib import Path

from marsad.doc import Entity, Event
from marsad.errors import InputError
from marsad.io.articles import doc_from_record
from marsad.pipeline import default_pipeline

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"

#: The two samples of the third round: (days, seed). A was tuned on, B never.
SAMPLES = {
    "A": (["2015-07-25", "2015-07-26", "2015-07-27", "2015-07-31", "2015-08-01", "2015-08-02"], 2026),
    "B": (["2015-08-04", "2015-08-06", "2015-08-07", "2015-08-09", "2015-08-10", "2015-08-11"], 4242),
}

#: Words that mark an article as politics or security news (our list).
POLITICS_WORDS = (
    "مقتل", "قتل", "قصف", "هجوم", "غارات", "اشتباك", "الحوثي", "داعش", "اعتقال", "القبض", "تظاهر",
    "احتجاج", "وزير", "الرئيس", "سفير", "الأمم المتحدة", "التحالف", "الجيش", "انفجار", "تفجير", "مسلح",
    "إرهاب", "اتفاق", "يلتقي", "يستقبل", "زيارة", "مباحثات", "إيران", "سوريا", "سورية", "اليمن", "العراق",
    "ليبيا", "مصر", "فلسطين", "إسرائيل", "تركيا", "روسيا", "أمريكا", "واشنطن",
)


def politics_score(record: dict) -> int:
    """Politics/security words in a record's title and first 300 body characters, capped at 3."""
    head = (record.get("title") or "") + " " + (record.get("content") or "")[:300]
    return min(3, sum(w in head for w in POLITICS_WORDS))


def sample_records(folder: Path, days: list[str], seed: int) -> list[tuple[str, int, dict]]:
    """Return ``(day, index, record)`` of the days' articles in sample order (politics first)."""
    records = []
    for day in days:
        with zipfile.ZipFile(folder / f"{day}.zip") as z:
            for i, r in enumerate(json.loads(z.read(z.namelist()[0]))):
                records.append((day, i, r))
    random.Random(seed).shuffle(records)
    records.sort(key=lambda x: -politics_score(x[2]))  # stable: shuffled order within a score
    return records


def _entity(x: Entity | None) -> str:
    return "-" if x is None else f"{x.text}[{x.country}/{x.sector}]"


def event_line(number: int, doc, e: Event) -> str:
    """One event and its sentence as two lines of text."""
    loc = e.location
    place = "-" if loc is None else f"{loc.text}[{loc.country_code}/{loc.feature}]"
    counts = " ".join(f"{k}={v.get('count', v) if isinstance(v, dict) else v}"
                      for k, v in (("F", e.fatalities), ("I", e.injuries), ("A", e.arrests)) if v)
    sentence = doc.text[e.sentence.start:e.sentence.end].replace("\n", " ")[:400]
    return (f"E{number} {e.event_type}/{e.mode} trig={e.trigger.text!r} st={e.status} "
            f"A={_entity(e.actor)} R={_entity(e.recipient)} L={place} "
            f"D={e.date}{'*' if e.date_inferred else ''} {counts} att={_entity(e.attributed_to)} "
            f"n={len(e.mentions)} rule={e.rule}\n   S: {sentence}\n")


def main() -> None:
    """Parse the command line, code the sample and write the dump."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sample", help="A, B, or any name with --days")
    ap.add_argument("out", type=Path, help="text file to write")
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--days", nargs="+", help="days (YYYY-MM-DD) of SaudiNewsNet files to sample")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    days, seed = SAMPLES.get(args.sample, (args.days, args.seed))
    if not days:
        ap.error(f"sample {args.sample!r} is not A or B: give --days")
    nlp = default_pipeline()
    n_docs = n_events = 0
    with args.out.open("w", encoding="utf-8") as f:
        for day, i, record in sample_records(args.data, days, seed):
            if n_docs >= args.articles:
                break
            if len(record.get("content") or "") < 200:
                continue
            try:
                doc = nlp(doc_from_record(record, f"{day}.zip", i + 1))
            except InputError:
                continue
            f.write(f"\n######## ART {n_docs} {day}#{i} pub={doc.published} {doc.title!r}\n")
            for e in doc.events:
                n_events += 1
                f.write(event_line(n_events, doc, e))
            n_docs += 1
        f.write(f"\n# articles={n_docs} events={n_events}\n")
    print(f"articles={n_docs} events={n_events} -> {args.out}")


if __name__ == "__main__":
    main()
