"""Name lists induced from unlabelled news by the tagger itself.

A semi-supervised step in the manner of gazetteer induction from
self-labelled text: the current NER model tags a slice of SaudiNewsNet, and
every word (matching key) that it tags often, nearly always as the same
type and seldom leaves untagged goes into a list of that type. The tagger
then reads membership as a feature (``lex=auto_per`` ...; see
:class:`marsad.entities.ner.NerLexicon`). ANERcorp is never read here.

Reproduce (deterministic; the lists depend on the model used)::

    python -m marsad.entities.induce ../shared/data/saudinewsnet \\
        --model MODEL --out marsad/entities/data/ner_auto.tsv.gz
"""

from __future__ import annotations

import argparse
import re
import gzip
from collections import Counter
from pathlib import Path

from marsad.entities.ner import TOKEN_RE, NerLexicon, NerTagger
from marsad.entities.words import WORD_RE, key
from marsad.errors import DataFileError

AUTO_NAME = "ner_auto.tsv.gz"
TYPES = ("PER", "ORG", "LOC", "MISC")
_SENT_END = frozenset(".!?؟\n")
_ARABIC_RE = re.compile("[\u0621-\u064a\u066e-\u06d3]+")
"""Arabic letters only: Latin words in Saudi news are mostly English titles, not ANERcorp names."""


def article_sentences(text: str, max_len: int = 60) -> list[list[str]]:
    """Split an article into tokenised sentences the way ANERcorp is tokenised.

    Parameters
    ----------
    text : str
    max_len : int, default 60
        Longer runs without a full stop are cut (tokens).

    Returns
    -------
    list of list of str
        Words and punctuation marks (:data:`marsad.entities.ner.TOKEN_RE`),
        cut after ``.``, ``!``, ``?``, ``؟`` and at line breaks.
    """
    out: list[list[str]] = []
    for line in text.splitlines():
        cur: list[str] = []
        for tok in TOKEN_RE.findall(line):
            cur.append(tok)
            if tok in _SENT_END or len(cur) >= max_len:
                out.append(cur)
                cur = []
        if cur:
            out.append(cur)
    return out


def count_labels(texts, tagger: NerTagger) -> dict[str, Counter]:
    """Tag each text as one document and count the labels of each word.

    Parameters
    ----------
    texts : iterable of str
        Article bodies.
    tagger : NerTagger
        A fitted or loadable single-pass tagger.

    Returns
    -------
    dict of str to Counter
        Word key to counts of entity types (``PER`` ...) and ``O``, over
        all its occurrences (``B-`` and ``I-`` alike).
    """
    counts: dict[str, Counter] = {}
    for text in texts:
        sents = article_sentences(text)
        if not sents:
            continue
        for toks, tags in zip(sents, tagger.predict(sents)):
            for tok, tag in zip(toks, tags):
                if not WORD_RE.fullmatch(tok):
                    continue
                k = key(tok)
                if k:
                    counts.setdefault(k, Counter())[tag[2:] or "O"] += 1
    return counts


def select_names(counts: dict[str, Counter], min_count: int = 3, purity: float = 0.9,
                 max_o: float = 0.5, min_len: int = 3) -> dict[str, str]:
    """Keep the words tagged often and consistently as one type.

    Parameters
    ----------
    counts : dict of str to Counter
        :func:`count_labels`.
    min_count : int, default 3
        Occurrences tagged with the winning type, at least.
    purity : float, default 0.9
        Share of the word's entity-tagged occurrences that have that type.
    max_o : float, default 0.5
        Largest share of all its occurrences left untagged (``O``): words
        common outside names are not names.
    min_len : int, default 3
        Shortest key kept (letters); keys with other than Arabic letters
        are dropped.

    Returns
    -------
    dict of str to str
        Word key to ``PER``, ``ORG``, ``LOC`` or ``MISC``.

    Notes
    -----
    The thresholds are the usual ones of self-labelled gazetteers (several
    sightings, about 90% agreement); chosen before any scoring, not tuned.
    """
    out = {}
    for k, c in counts.items():
        if len(k) < min_len or not _ARABIC_RE.fullmatch(k):
            continue
        ent = sum(c[t] for t in TYPES)
        if not ent:
            continue
        typ, n = max(((t, c[t]) for t in TYPES), key=lambda tn: tn[1])
        total = ent + c["O"]
        if n >= min_count and n / ent >= purity and c["O"] / total <= max_o:
            out[k] = typ
    return out


def write_names(names: dict[str, str], out_path: str | Path) -> Path:
    """Write ``key<TAB>TYPE`` lines, sorted, gzip-compressed (fixed mtime: same bytes every run)."""
    out_path = Path(out_path)
    body = "".join(f"{k}\t{t}\n" for k, t in sorted(names.items()))
    with open(out_path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(body.encode("utf-8"))
    return out_path


def load_names(path: str | Path | None = None) -> dict[str, frozenset]:
    """Read induced lists as ``{"auto_per": keys, ...}``; empty when the file is absent.

    Raises
    ------
    DataFileError
        If the file exists but a line is not ``key<TAB>TYPE``.
    """
    if path is None:
        from importlib import resources

        path = Path(str(resources.files("marsad.entities").joinpath("data", AUTO_NAME)))
    path = Path(path)
    if not path.is_file():
        return {}
    by_type: dict[str, set] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2 or parts[1] not in TYPES:
                raise DataFileError(f"[E341] {path}:{no}: expected 'key<TAB>TYPE', got {line!r}")
            by_type.setdefault(f"auto_{parts[1].lower()}", set()).add(parts[0])
    return {k: frozenset(v) for k, v in sorted(by_type.items())}


def induce(folder: str | Path, out_path: str | Path, model: str | Path | None = None,
           step: int = 3, **select) -> dict:
    """Tag every ``step``-th SaudiNewsNet article and write the induced lists.

    Parameters
    ----------
    folder : str or Path
        SaudiNewsNet folder (one zipped JSON array per day).
    out_path : str or Path
    model : str or Path, optional
        The CRFsuite model that tags; the bundled one by default.
    step : int, default 3
        Take articles 0, step, 2*step ... in file order.
    **select
        Thresholds for :func:`select_names`.

    Returns
    -------
    dict
        ``{"articles", "words", "per_type": {type: count}, "out"}``.
    """
    from marsad.entities.clusters import iter_saudinewsnet
    from marsad.entities.dictionary import ActorDictionary
    from marsad.entities.gazetteer import Gazetteer

    lexicon = NerLexicon.from_data(ActorDictionary().load(), Gazetteer().load(), auto=False)
    tagger = NerTagger(model_path=model, lexicon=lexicon).load()
    texts = [t for i, t in enumerate(iter_saudinewsnet(folder)) if i % step == 0]
    counts = count_labels(texts, tagger)
    names = select_names(counts, **select)
    write_names(names, out_path)
    return {"articles": len(texts), "words": len(counts),
            "per_type": dict(sorted(Counter(names.values()).items())), "out": str(out_path)}


def main(argv: list[str] | None = None) -> dict:
    """Command line: ``python -m marsad.entities.induce FOLDER [--model M] [--out P] [--step N]``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", default=None)
    ap.add_argument("--step", type=int, default=3)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--purity", type=float, default=0.9)
    ap.add_argument("--max-o", type=float, default=0.5)
    args = ap.parse_args(argv)
    if args.out is None:
        from importlib import resources

        args.out = str(resources.files("marsad.entities").joinpath("data", AUTO_NAME))
    return induce(args.folder, args.out, args.model, args.step, min_count=args.min_count,
                  purity=args.purity, max_o=args.max_o)


if __name__ == "__main__":
    import json

    print(json.dumps(main(), ensure_ascii=False))
