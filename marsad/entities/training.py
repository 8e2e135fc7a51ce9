"""Training and scoring the named-entity tagger on ANERcorp.

``train_ner`` reads the CAMeL Lab ANERcorp train split, holds out its last
sentences as the dev split, fits :class:`marsad.entities.ner.NerTagger` and
returns entity-level scores (exact span and type, the CoNLL convention).
"""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path

from marsad.entities.ner import LABEL_MAP, MODEL_NAME, NerLexicon, NerTagger, bio_spans, pass1_path
from marsad.errors import DataFileError, UsageError


def read_conll(path: str | Path) -> list[list[tuple[str, str]]]:
    """Read a two-column ``word TAG`` file with blank lines between sentences.

    Parameters
    ----------
    path : str or Path
        ANERcorp (CAMeL Lab split) format; ``B-PERS``/``I-PERS`` become PER.

    Returns
    -------
    list of list of (str, str)
        Sentences of ``(word, BIO tag)``.

    Raises
    ------
    DataFileError
        If the file is missing or a line has no tag.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"[E330] {path}: cannot read: {exc}") from exc
    sents, cur = [], []
    for no, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = line.rsplit(maxsplit=1)
        if len(parts) != 2:
            raise DataFileError(f"[E331] {path}:{no}: expected 'word TAG', got {line!r}")
        word, tag = parts
        if tag != "O":
            pre, _, typ = tag.partition("-")
            tag = f"{pre}-{LABEL_MAP.get(typ, typ)}"
        cur.append((word, tag))
    if cur:
        sents.append(cur)
    return sents


def entity_scores(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """Return entity-level precision, recall and F1 per type and micro-averaged.

    Parameters
    ----------
    gold, pred : list of list of str
        BIO tag sequences of equal shapes.

    Returns
    -------
    dict
        ``{"per_type": {type: {"precision", "recall", "f1", "support"}},
        "micro": {"precision", "recall", "f1", "support"}}``; exact span and
        type match (CoNLL convention).
    """
    counts: dict[str, list[int]] = {}
    for g, p in zip(gold, pred):
        gs, ps = bio_spans(g), bio_spans(p)
        for s in gs | ps:
            c = counts.setdefault(s[2], [0, 0, 0])  # tp, fp, fn
            if s in gs and s in ps:
                c[0] += 1
            elif s in ps:
                c[1] += 1
            else:
                c[2] += 1

    def prf(tp: int, fp: int, fn: int) -> dict:
        """Precision, recall, F1 and support from true/false positives and false negatives."""
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}

    per_type = {t: prf(*c) for t, c in sorted(counts.items())}
    tot = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"per_type": per_type, "micro": prf(*tot)}


def split_dev(sents: list, dev_fraction: float) -> tuple[list, list]:
    """Split sentences into train and dev, dev being the last ``dev_fraction`` of them."""
    if not 0 < dev_fraction < 1:
        raise UsageError(f"dev_fraction must be in (0, 1), got {dev_fraction}")
    cut = int(round(len(sents) * (1 - dev_fraction)))
    return sents[:cut], sents[cut:]


def _find_train_file(data_path: str | Path) -> Path:
    p = Path(data_path)
    if p.is_dir():
        files = sorted(p.glob("*train*.txt")) or sorted(f for f in p.glob("*.txt") if "README" not in f.name)
        if not files:
            raise DataFileError(f"[E330] no ANERcorp train file in {p}")
        return files[0]
    return p


def train_ner(data_path: str, out_path: str | None = None, dev_fraction: float = 0.1) -> dict:
    """Train the CRF on ANERcorp train and report dev scores.

    Parameters
    ----------
    data_path : str
        ANERcorp CAMeL Lab train file, or the folder holding it
        (``../shared/data/anercorp-train``).
    out_path : str, optional
        Where to write the model; defaults to the bundled
        ``marsad/entities/data/ner.crfsuite`` (its first pass goes beside it,
        :func:`marsad.entities.ner.pass1_path`).
    dev_fraction : float, default 0.1
        The last fraction of sentences held out as the dev split.

    Returns
    -------
    dict
        ``{"train_sentences", "dev_sentences", "model", "model_bytes" (both passes),
        "seconds", "per_type": {...}, "micro": {...}}`` with entity-level
        precision/recall/F1 on the dev split.

    Raises
    ------
    DataFileError
        If the data cannot be read.
    UsageError
        If ``dev_fraction`` is not in (0, 1).
    """
    from marsad.entities.dictionary import ActorDictionary
    from marsad.entities.gazetteer import Gazetteer

    t0 = time.perf_counter()
    sents = read_conll(_find_train_file(data_path))
    train, dev = split_dev(sents, dev_fraction)
    dictionary = ActorDictionary().load()
    lexicon = NerLexicon.from_data(dictionary, Gazetteer().load())
    if out_path is None:
        out_path = str(resources.files("marsad.entities").joinpath("data", MODEL_NAME))
    tagger = NerTagger(lexicon=lexicon).fit([[w for w, _ in s] for s in train],
                                            [[t for _, t in s] for s in train], out_path=out_path)
    pred = tagger.predict([[w for w, _ in s] for s in dev])
    report = entity_scores([[t for _, t in s] for s in dev], pred)
    report.update({"train_sentences": len(train), "dev_sentences": len(dev), "model": str(out_path),
                   "model_bytes": Path(out_path).stat().st_size + (
                       pass1_path(out_path).stat().st_size if pass1_path(out_path).is_file() else 0),
                   "seconds": round(time.perf_counter() - t0, 1)})
    return report
