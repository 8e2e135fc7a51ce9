"""Compare Marsad's segmenter and lemmatiser with PyPI Arabic stemmers.

Accuracy on the hand-annotated gold set ``tests/text/data/segmentation_gold.txt``
(clitic segmentation of news sentences) and on the verb-form set
``tests/text/data/verb_forms.txt`` (does a lexicon entry match its inflected
forms, and only them?); speed on distinct words of SaudiNewsNet articles read
from ``../shared/data/saudinewsnet`` when present. The alternatives
(tashaphyne, nltk's ISRI and Snowball stemmers, qalsadi) are installed only for
this script, not as dependencies of Marsad.

Usage: ``python benchmarks/segmentation_comparison.py [--words 20000]``
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from marsad.text import lemma_of, normalize, tokenize

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "text" / "data" / "segmentation_gold.txt"
HELDOUT = ROOT / "tests" / "text" / "data" / "segmentation_heldout.txt"
VERBS = ROOT / "tests" / "text" / "data" / "verb_forms.txt"
NEWS = ROOT.parent / "shared" / "data" / "saudinewsnet"
ANER = ROOT.parent / "shared" / "data" / "anercorp-train" / "ANERCorp_CamelLab_train.txt"
PROCLITICS = {"و", "ف", "ب", "ل", "ك", "س", "ال"}


def read_gold(path: Path = GOLD) -> list[tuple[str, tuple[int, int], list[str]]]:
    """Return (word, gold stem span in the normalised word, segments) per gold word."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for item in line.split():
            segs = item.split("+")
            k = 0
            while k < len(segs) - 1 and segs[k] in PROCLITICS:
                k += 1
            start = len(normalize("".join(segs[:k])))
            out.append((item.replace("+", ""), (start, start + len(normalize(segs[k]))), segs))
    return out


def aner_names(path: Path = ANER) -> list[tuple[str, int]]:
    """Distinct ANERcorp name tokens and where the name starts inside them.

    A name token that begins with clitic letters and whose remainder is
    itself a name token elsewhere in the corpus (``بلبنان`` / ``لبنان``)
    starts after them; a name token that is not such a remainder of
    another reading (``لبنان``: ``بنان`` is no name) starts at 0. Empty
    when the corpus is absent.
    """
    if not path.exists():
        return []
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1][:2] in ("B-", "I-") and parts[0].isalpha():
            names.add(parts[0])
    out = []
    for w in sorted(names):
        k = next((k for k in (1, 2) if len(w) - k >= 2 and w[:k] in _CLITIC_RUNS and w[k:] in names), 0)
        if not k and w.startswith("لل") and "ا" + w[1:] in names:
            k = 1  # للعراق: ل + (ا)لعراق
        out.append((w, len(normalize(w[:k]))))
    return out


_CLITIC_RUNS = {"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"}


def read_verbs(path: Path = VERBS) -> list[tuple[str, list[str], bool]]:
    """Return (entry, forms, listed) triples."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry, forms = line.split("\t")
        out.append((entry.lstrip("*"), forms.split(), not entry.startswith("*")))
    return out


def marsad_span(word: str) -> tuple[int, int] | None:
    """Stem span from Marsad's clitic segmentation."""
    toks = tokenize(word)
    stems = [t for t in toks if t.kind in ("word", "number")]
    if not stems:
        return None
    t = stems[0]
    return len(normalize(word[: t.start])), len(normalize(word[: t.end]))


def marsad_segments(word: str) -> list[str]:
    """Marsad's segments, surface spelling."""
    return [t.text for t in tokenize(word)]


def span_of(stem: str, word: str) -> tuple[int, int] | None:
    """Where a returned stem string sits in the normalised word (None if it is not a substring)."""
    n, s = normalize(word), normalize(stem)
    i = n.find(s) if s else -1
    return None if i < 0 else (i, i + len(s))


def marsad_name_start(word: str) -> int | None:
    """Where a name starts in ``word``: after و ف ب ل ك س, keeping the article."""
    for t in tokenize(word):
        if t.kind != "proclitic" or t.norm == "ال":
            return len(normalize(word[: t.start]))
    return None


def _with_article(word: str, span: tuple[int, int] | None) -> int | None:
    """Move a stem start back over a preceding article (``ال``, or the ``ل`` of ``لل``)."""
    if span is None:
        return None
    n, i = normalize(word), span[0]
    if i >= 2 and n[i - 2:i] == "ال":
        return i - 2
    if i >= 2 and n[i - 2:i] == "لل":
        return i - 1
    return i


def systems() -> dict[str, dict[str, Callable]]:
    """Return each available system's stem-span and match-key functions."""
    out: dict[str, dict[str, Callable]] = {
        "marsad": {"span": marsad_span, "key": lemma_of, "name_start": marsad_name_start},
        "no segmentation": {"span": lambda w: (0, len(normalize(w))), "key": normalize},
    }
    try:
        from tashaphyne.stemming import ArabicLightStemmer

        ts = ArabicLightStemmer()

        def tash_span(w: str):
            ts.light_stem(w)
            return span_of(ts.get_stem(), w)

        def tash_root(w: str):
            ts.light_stem(w)
            return normalize(ts.get_root())

        out["tashaphyne 0.3 (stem / root)"] = {"span": tash_span, "key": tash_root}
    except ImportError:
        pass
    try:
        from nltk.stem.isri import ISRIStemmer
        from nltk.stem.snowball import ArabicStemmer

        isri, snow = ISRIStemmer(), ArabicStemmer()
        out["nltk ISRI"] = {"span": lambda w: span_of(isri.stem(w), w), "key": lambda w: normalize(isri.stem(w))}
        out["nltk Snowball Arabic"] = {"span": lambda w: span_of(snow.stem(w), w), "key": lambda w: normalize(snow.stem(w))}
    except ImportError:
        pass
    try:
        import qalsadi.lemmatizer

        lem = qalsadi.lemmatizer.Lemmatizer()
        out["qalsadi 0.5 (lemmatizer)"] = {"span": None, "key": lambda w: normalize(lem.lemmatize(w))}
    except ImportError:
        pass
    return out


def news_words(limit: int) -> list[str]:
    """Distinct whitespace words of SaudiNewsNet articles, up to ``limit`` (empty if absent)."""
    words: dict[str, None] = {}
    for path in sorted(NEWS.glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for art in json.loads(zf.read(zf.namelist()[0])):
                for w in (art.get("content") or "").split():
                    if w.isalpha():
                        words[w] = None
                        if len(words) >= limit:
                            return list(words)
    return list(words)


def main() -> None:
    """Run the comparison and print a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=20000, help="distinct news words for the speed test")
    args = ap.parse_args()
    gold = read_gold()
    heldout = read_gold(HELDOUT)
    aner = aner_names()
    verbs = read_verbs()
    speed_words = news_words(args.words) or [w for w, _, _ in gold]
    print(f"gold words: {len(gold)}  verb groups: {len(verbs)}  speed words: {len(speed_words)}")
    for label, data in (("tuning set", gold), ("held-out set", heldout)):
        ok = sum(marsad_segments(w) == segs for w, _, segs in data)
        print(f"marsad full clitic segmentation exact, {label}: {ok}/{len(data)} = {ok / len(data):.1%}")
    print(f"ANERcorp distinct name tokens: {len(aner)}, with clitics: {sum(1 for _, k in aner if k)}")
    print("| system | stem start (tuning) | stem span (tuning) | stem span (held-out) | ANERcorp name start "
          "| entry matches forms (listed / unlisted) | false matches | words/s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, fns in systems().items():
        span = fns["span"]
        if span is not None:
            got = [(span(w), g) for w, g, _ in gold]
            start_acc = sum(s is not None and s[0] == g[0] for s, g in got) / len(gold)
            span_acc = sum(s == g for s, g in got) / len(gold)
            held_acc = sum(span(w) == g for w, g, _ in heldout) / len(heldout)
            acc = f"{start_acc:.1%} | {span_acc:.1%} | {held_acc:.1%}"
            if aner:
                name_start = fns.get("name_start") or (lambda w: _with_article(w, span(w)))
                acc += f" | {sum(name_start(w) == k for w, k in aner) / len(aner):.1%}"
            else:
                acc += " | -"
        else:
            acc = "- | - | - | -"
        key = fns["key"]
        keys = {e: key(e) for e, _, _ in verbs}
        hit = {True: [0, 0], False: [0, 0]}
        false = total_neg = 0
        for entry, forms, listed in verbs:
            for f in forms:
                k = key(f)
                hit[listed][0] += k == keys[entry]
                hit[listed][1] += 1
                for other, _, _ in verbs:
                    if other != entry:
                        total_neg += 1
                        false += k == keys[other]
        match = f"{hit[True][0] / hit[True][1]:.1%} / {hit[False][0] / hit[False][1]:.1%}"
        fn = span or key
        t0 = time.process_time()
        for w in speed_words:
            fn(w)
        rate = len(speed_words) / (time.process_time() - t0)
        print(f"| {name} | {acc} | {match} | {false / total_neg:.2%} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
