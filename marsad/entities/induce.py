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

from marsad.entities.ner import TOKEN_RE, NerLexicon, NerTagger, bio_spans
from marsad.entities.words import WORD_RE, key
from marsad.errors import DataFileError

AUTO_NAME = "ner_auto.tsv.gz"
AUTO_PHRASES_NAME = "ner_auto_phrases.tsv.gz"
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


def tagged_sentences(texts, tagger: NerTagger):
    """Tag each text as one document; yield ``(tokens, tags)`` per sentence.

    Parameters
    ----------
    texts : iterable of str
        Article bodies, split by :func:`article_sentences`.
    tagger : NerTagger
        A fitted or loadable single-pass tagger.

    Yields
    ------
    tuple of (list of str, list of str)
    """
    for text in texts:
        sents = article_sentences(text)
        if sents:
            yield from zip(sents, tagger.predict(sents))


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
    return count_words(tagged_sentences(texts, tagger))


def count_words(tagged) -> dict[str, Counter]:
    """Count the labels of each word key over ``(tokens, tags)`` sentences (:func:`count_labels`)."""
    counts: dict[str, Counter] = {}
    for toks, tags in tagged:
        for tok, tag in zip(toks, tags):
            if not WORD_RE.fullmatch(tok):
                continue
            k = key(tok)
            if k:
                counts.setdefault(k, Counter())[tag[2:] or "O"] += 1
    return counts


def count_spans(tagged, max_words: int = 4) -> dict[tuple, Counter]:
    """Count the types of the several-word entities a tagger found.

    Parameters
    ----------
    tagged : iterable of (list of str, list of str)
        Tokens and BIO tags per sentence (:func:`tagged_sentences`).
    max_words : int, default 4
        Longest entity counted (words).

    Returns
    -------
    dict of tuple of str to Counter
        Key sequence (2 to ``max_words`` words, all of them words with a
        key) to counts of the entity types it was tagged as, as a whole span.
    """
    counts: dict[tuple, Counter] = {}
    for toks, tags in tagged:
        for a, b, typ in bio_spans(tags):
            if 2 <= b - a <= max_words:
                keys = tuple(key(t) if WORD_RE.fullmatch(t) else "" for t in toks[a:b])
                if all(keys):
                    counts.setdefault(keys, Counter())[typ] += 1
    return counts


def count_occurrences(texts, phrases) -> Counter:
    """Count every occurrence of the key sequences ``phrases`` in the texts, tagged or not.

    Parameters
    ----------
    texts : iterable of str
        The article bodies that were tagged (:func:`article_sentences`).
    phrases : iterable of tuple of str

    Returns
    -------
    Counter
        Key sequence to occurrences.
    """
    by_first: dict[str, set] = {}
    for ph in phrases:
        by_first.setdefault(ph[0], set()).add(ph)
    lengths = sorted({len(p) for p in by_first for p in by_first[p]}) if by_first else []
    out: Counter = Counter()
    for text in texts:
        for toks in article_sentences(text):
            keys = [key(t) if WORD_RE.fullmatch(t) else "" for t in toks]
            for i, k in enumerate(keys):
                cands = by_first.get(k) if k else None
                if cands:
                    for n in lengths:
                        seq = tuple(keys[i:i + n])
                        if seq in cands:
                            out[seq] += 1
    return out


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


def select_phrases(spans: dict[tuple, Counter], occurrences: Counter, min_count: int = 3,
                   purity: float = 0.9, max_o: float = 0.5) -> dict[str, str]:
    """Keep the several-word names tagged often, as one type, and seldom missed.

    Parameters
    ----------
    spans : dict of tuple to Counter
        :func:`count_spans`.
    occurrences : Counter
        :func:`count_occurrences` of the same texts.
    min_count, purity : int, float
        As in :func:`select_names`, over whole-span taggings.
    max_o : float, default 0.5
        Largest share of the sequence's occurrences not tagged as one entity.

    Returns
    -------
    dict of str to str
        Space-joined key sequence to ``PER``, ``ORG``, ``LOC`` or ``MISC``
        (only sequences of Arabic words of 2+ letters each).
    """
    out = {}
    for keys, c in spans.items():
        if not all(len(k) >= 2 and _ARABIC_RE.fullmatch(k) for k in keys):
            continue
        typ, n = max(((t, c[t]) for t in TYPES), key=lambda tn: tn[1])
        ent = sum(c.values())
        total = max(occurrences.get(keys, 0), ent)
        if n >= min_count and n / ent >= purity and 1 - ent / total <= max_o:
            out[" ".join(keys)] = typ
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


def load_phrases(path: str | Path | None = None) -> dict:
    """Read induced several-word names as :attr:`NerLexicon.auto_phrases`; empty when the file is absent.

    Parameters
    ----------
    path : str or Path, optional
        ``key key<TAB>TYPE`` lines (:func:`write_names`); the bundled
        ``data/ner_auto_phrases.tsv.gz`` by default.

    Returns
    -------
    dict of str to list of (tuple of str, str)
        First key to ``(keys, TYPE)`` candidates, longest first (then by keys).

    Raises
    ------
    DataFileError
        If a line is not ``keys<TAB>TYPE`` with two or more keys.
    """
    if path is None:
        from importlib import resources

        path = Path(str(resources.files("marsad.entities").joinpath("data", AUTO_PHRASES_NAME)))
    path = Path(path)
    if not path.is_file():
        return {}
    out: dict = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            keys = tuple(parts[0].split()) if parts else ()
            if len(parts) != 2 or parts[1] not in TYPES or len(keys) < 2:
                raise DataFileError(f"[E341] {path}:{no}: expected 'key key<TAB>TYPE', got {line!r}")
            out.setdefault(keys[0], []).append((keys, parts[1]))
    for v in out.values():
        v.sort(key=lambda kl: (-len(kl[0]), kl[0]))
    return out


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
