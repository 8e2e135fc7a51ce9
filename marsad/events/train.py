"""Train the sentence model on the GSR development half, with honest cross-validation.

Usage (writes ``marsad/events/data/sentence_model.json`` and prints CV scores)::

    python -m marsad.events.train ../shared/data/arabic-event-gsr-dev

Only sentences where the rules find a trigger of the type are used: the
model decides which of those report a happening (a sentence with no
trigger is never coded). Labels are soft: each sentence counts as a
positive with weight accept/total (the share of annotators who accepted it)
and as a negative with the rest, so "ambiguous" sentences teach too; scores
are computed on yes vs easy/difficult no only. The threshold is chosen
inside each training fold (inner 3-fold CV), so the outer 5-fold scores are
not tuned on the test fold.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.events.context import is_question, segment
from marsad.events.gsr import read_gsr
from marsad.events.lexicon import Lexicon, load_lexicon
from marsad.events.match import find_triggers, marker_flags, split_words
from marsad.events.model import MODEL_TYPES, SentenceModel, sentence_features

#: Inverse regularisation per type, picked by 5-fold CV on the dev half.
C = {"ASSAULT": 0.1, "PROTEST": 0.03}
SEED = 13
#: Sample weight of a team-written sentence relative to a GSR sentence.
TEAM_WEIGHT = 4.0


@dataclass(slots=True)
class Example:
    """One GSR sentence prepared for the model."""

    id: str
    features: dict
    label: bool
    candidate: bool
    share: float
    ambiguous: bool
    weight: float = 1.0


def prepare(text: str, event_type: str, lex: Lexicon) -> tuple[dict, bool]:
    """Return (features, has a trigger of the type) for a sentence text."""
    words = split_words(text, 0, len(text))
    triggers = find_triggers(words, lex)
    flags = marker_flags(words, lex)
    clauses = segment(words, flags)
    candidate = any(t.entry.type == event_type for t in triggers) and not is_question(words)
    return sentence_features(event_type, words, triggers, flags, clauses), candidate


def examples(directory: str, event_type: str, lex: Lexicon) -> list[Example]:
    """Return the GSR sentences of one type as examples."""
    out = []
    for rec in read_gsr(directory, event_type):
        feats, cand = prepare(rec["text"], event_type, lex)
        share = rec["accept_share"]
        if share is None:
            share = 1.0 if rec["label"] == "yes" else 0.5 if rec["label"] == "ambiguous" else 0.0
        out.append(Example(rec["id"], feats, rec["label"] == "yes", cand, share, rec["label"] == "ambiguous"))
    return out


def _fit(exs: list[Example], c: float):
    """Fit on soft labels: each example is a positive weighted by its accept share and a negative by the rest."""
    from scipy.sparse import vstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([e.features for e in exs])
    shares = [e.share for e in exs]
    mean = sum(shares) / len(shares)
    balance = (1 - mean) / mean if 0 < mean < 1 else 1.0
    y = [1] * len(exs) + [0] * len(exs)
    w = [s * balance * e.weight for s, e in zip(shares, exs)] + [(1 - s) * e.weight for s, e in zip(shares, exs)]
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(vstack([X, X]), y, sample_weight=w)
    return vec, clf


def _predict(vec, clf, exs: list[Example]) -> list[float]:
    return [float(p) for p in clf.predict_proba(vec.transform([e.features for e in exs]))[:, 1]]


def _best_threshold(probs, labels) -> float:
    """The threshold with the best F1 (the lowest of equal ones)."""
    scores = []
    for t in [x / 100 for x in range(20, 91, 2)]:
        tp = sum(p >= t and y for p, y in zip(probs, labels))
        fp = sum(p >= t and not y for p, y in zip(probs, labels))
        fn = sum(p < t and y for p, y in zip(probs, labels))
        scores.append((t, 2 * tp / (2 * tp + fp + fn) if tp else 0.0))
    best_f = max(f for _, f in scores)
    return min(t for t, f in scores if f >= best_f)


def team_examples(event_type: str, lex: Lexicon) -> list[Example]:
    """Return the team-written training sentences of ``data/train_sentences.yaml`` for one type."""
    import yaml

    data = yaml.safe_load(resources.files("marsad.events").joinpath("data/train_sentences.yaml").read_text("utf-8"))
    out = []
    for label in ("yes", "no"):
        block = data.get(event_type, {})
        # YAML 1.1 reads the keys yes/no as booleans
        for i, text in enumerate(block.get(label, block.get(label == "yes", []))):
            feats, cand = prepare(text, event_type, lex)
            if cand:
                out.append(Example(f"team-{event_type}-{label}-{i}", feats, label == "yes", cand,
                                   1.0 if label == "yes" else 0.0, False, TEAM_WEIGHT))
    return out


def _inner_threshold(exs: list[Example], c: float, extra: list[Example] = ()) -> float:
    """Threshold maximising F1 (yes vs no) over inner 3-fold out-of-fold probabilities of ``exs``."""
    from sklearn.model_selection import StratifiedKFold

    strata = [("a" if e.ambiguous else "y" if e.label else "n") for e in exs]
    probs = [0.0] * len(exs)
    for tr, te in StratifiedKFold(3, shuffle=True, random_state=SEED).split(exs, strata):
        vec, clf = _fit([exs[i] for i in tr] + list(extra), c)
        for i, p in zip(te, _predict(vec, clf, [exs[i] for i in te])):
            probs[i] = p
    keep = [i for i, e in enumerate(exs) if not e.ambiguous]
    return _best_threshold([probs[i] for i in keep], [exs[i].label for i in keep])


def cross_validate(exs: list[Example], c: float, folds: int = 5, extra: list[Example] = ()) -> dict:
    """Return outer-CV precision/recall/F1 of rules+model (non-candidates count as 'no'; ambiguous left out)."""
    from sklearn.model_selection import StratifiedKFold

    strata = [("a" if e.ambiguous else "y" if e.label else "n") for e in exs]
    pred = [False] * len(exs)
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(exs, strata):
        train_exs = [exs[i] for i in tr if exs[i].candidate]
        thr = _inner_threshold(train_exs, c, extra)
        vec, clf = _fit(train_exs + list(extra), c)
        cand_te = [i for i in te if exs[i].candidate]
        if cand_te:
            for i, p in zip(cand_te, _predict(vec, clf, [exs[i] for i in cand_te])):
                pred[i] = p >= thr
    keep = [i for i, e in enumerate(exs) if not e.ambiguous]
    return _prf([pred[i] for i in keep], [exs[i].label for i in keep])


def _prf(pred, labels) -> dict:
    tp = sum(p and y for p, y in zip(pred, labels))
    fp = sum(p and not y for p, y in zip(pred, labels))
    fn = sum(y and not p for p, y in zip(pred, labels))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(float(prec), 3), "recall": round(float(rec), 3), "f1": round(float(f1), 3),
            "tp": int(tp), "fp": int(fp), "fn": int(fn)}


def train(directory: str, lex: Lexicon | None = None, use_team_data: bool = True) -> tuple[SentenceModel, dict]:
    """Cross-validate, then fit on all dev sentences; return the model and the CV report.

    Parameters
    ----------
    directory : str
        Folder with ``assault_gsr.csv`` and ``protest_gsr.csv``.
    lex : Lexicon, optional
        Defaults to the bundled lexicon.
    use_team_data : bool, default True
        Add the team-written sentences of ``data/train_sentences.yaml`` to
        every training fold (never to a scored fold).

    Returns
    -------
    (SentenceModel, dict)
        The model, and per type ``{"cv": {...}, "rules_only": {...}}``.
    """
    lex = lex or load_lexicon()
    model = SentenceModel(meta={"data": "arabic-event-gsr-dev" + (" + data/train_sentences.yaml" if use_team_data else ""),
                                "C": C, "features": "rule evidence + folded words"})
    report = {}
    for etype in MODEL_TYPES:
        exs = examples(directory, etype, lex)
        extra = team_examples(etype, lex) if use_team_data else []
        cand = [e for e in exs if e.candidate]
        scored = [e for e in exs if not e.ambiguous]
        report[etype] = {
            "cv": cross_validate(exs, C[etype], extra=extra),
            "rules_only": _prf([e.candidate for e in scored], [e.label for e in scored]),
            "sentences": len(scored), "candidates": sum(e.candidate for e in scored),
        }
        thr = _inner_threshold(cand, C[etype], extra)
        vec, clf = _fit(cand + extra, C[etype])
        names = vec.get_feature_names_out()
        model.weights[etype] = {n: round(float(w), 3) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 0.01}
        model.intercepts[etype] = round(float(clf.intercept_[0]), 4)
        model.thresholds[etype] = thr
    model.meta["cv"] = {t: r["cv"] for t, r in report.items()}
    return model, report


def main(argv: list[str] | None = None) -> int:
    """Command line: train, print CV scores, write the model JSON."""
    ap = argparse.ArgumentParser(prog="python -m marsad.events.train", description=__doc__.splitlines()[0])
    ap.add_argument("directory", help="GSR dev folder (assault_gsr.csv, protest_gsr.csv)")
    ap.add_argument("--out", default=str(Path(__file__).parent / "data" / "sentence_model.json"))
    ap.add_argument("--gsr-only", action="store_true", help="do not add data/train_sentences.yaml")
    args = ap.parse_args(argv)
    model, report = train(args.directory, use_team_data=not args.gsr_only)
    for etype, r in report.items():
        sys.stdout.write(f"{etype}: sentences={r['sentences']} candidates={r['candidates']} "
                         f"rules-only={r['rules_only']} cv={r['cv']}\n")
    Path(args.out).write_text(model.to_json(), encoding="utf-8")
    sys.stdout.write(f"wrote {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
