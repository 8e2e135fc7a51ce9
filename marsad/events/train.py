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
not tuned on the test fold. The inner CV also chooses, per type and fold,
the feature view (:data:`MODES`): whether the trigger-in-context features
and, with word vectors, the trigger context vector are added (see
:mod:`marsad.events.model`), so that choice is not tuned on the test fold
either; a richer view must beat a simpler one by :data:`MODE_MARGIN`.
Outer scores are reported pooled and per fold (mean and spread).

To compare procedures over several fold splits (prints, writes nothing)::

    python -m marsad.events.train ../shared/data/arabic-event-gsr-dev --repeat 13,1,2,3,4
    python -m marsad.events.train ../shared/data/arabic-event-gsr-dev --repeat 13,1,2,3,4 --views sentence

To compare the sentence model with its mix with a pooled model over the
events the whole pipeline codes (:func:`pooled_event_cv`; runs the pipeline
on the GSR first, prints, writes nothing)::

    python -m marsad.events.train ../shared/data/arabic-event-gsr-dev --repeat 13,1,2,3,4 --event-model

The word vectors are learnt once, without labels, from SaudiNewsNet::

    python -m marsad.events.train ../shared/data/arabic-event-gsr-dev \
        --vectors-corpus ../shared/data/saudinewsnet
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.events.context import is_question, segment
from marsad.events.gsr import read_gsr
from marsad.events.lexicon import Lexicon, load_lexicon
from marsad.events.match import find_triggers, marker_flags, split_words
from marsad.errors import DataFileError
from marsad.events.model import (
    MODEL_TYPES, VECTORS_FILE, SentenceModel, WordVectors, context_features, event_features, load_word_vectors,
    sentence_features, vector_features, vector_key,
)

#: Inverse regularisation per type, picked by 5-fold CV on the dev half.
C = {"ASSAULT": 0.1, "PROTEST": 0.03}
SEED = 13
#: Sample weight of a team-written sentence relative to a GSR sentence.
TEAM_WEIGHT = 4.0
#: Feature views the inner CV chooses from. ``sentence``: rule evidence and
#: words (plus the sentence vector when vectors are given); ``trigger``: also
#: the trigger-in-context features (:func:`marsad.events.model.context_features`);
#: ``context``: also the trigger context vector; ``trigger+context``: both.
MODES = ("sentence", "trigger", "context", "trigger+context")
#: The views when no word vectors are used.
PLAIN_MODES = ("sentence", "trigger")
#: Inner-CV F1 a richer view must add to be chosen over a simpler one.
MODE_MARGIN = 0.02
#: Word vector size and vocabulary (most frequent word keys of the corpus, min. 10 sentences).
VECTOR_DIMS = 64
VECTOR_WORDS = 8000
#: Pooled pipeline-event model (:func:`pooled_event_cv`): its inverse regularisation, the weights of
#: the sentence model's probability the inner CV chooses from (simple to rich; 1.0 = sentence model
#: alone), and the feature view of each type's sentence model (the shipped model's views).
EVENT_C = 0.3
MIX_WEIGHTS = (1.0, 0.7, 0.5, 0.3)
FIXED_VIEWS = {"ASSAULT": "sentence", "PROTEST": "trigger"}
_SENT_SPLIT = re.compile(r"[.!?؟\n]+")


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


def prepare(text: str, event_type: str, lex: Lexicon, vectors: WordVectors | None = None) -> tuple[dict, bool]:
    """Return (features, has a trigger of the type) for a sentence text.

    The trigger-in-context ``q:`` features are always included and, with
    ``vectors``, the ``e:`` and ``x:`` vector features; :func:`_view`
    keeps those a mode uses.
    """
    words = split_words(text, 0, len(text))
    triggers = find_triggers(words, lex)
    flags = marker_flags(words, lex)
    clauses = segment(words, flags)
    candidate = any(t.entry.type == event_type for t in triggers) and not is_question(words)
    feats = sentence_features(event_type, words, triggers, flags, clauses)
    feats.update(context_features(event_type, words, triggers, flags, clauses))
    if vectors is not None:
        feats.update(vector_features(event_type, words, triggers, vectors, context=True))
    return feats, candidate


def uses(mode: str) -> tuple[bool, bool]:
    """(trigger-in-context ``q:`` features, trigger context vector ``x:``) of a mode of :data:`MODES`."""
    parts = mode.split("+")
    return "trigger" in parts, "context" in parts


def _view(features: dict, mode: str) -> dict:
    """The features a mode uses (see :data:`MODES`)."""
    trig, ctx = uses(mode)
    drop = tuple(p for p, on in (("q:", trig), ("x:", ctx)) if not on)
    return {k: v for k, v in features.items() if not k.startswith(drop)} if drop else features


def examples(directory: str, event_type: str, lex: Lexicon, vectors: WordVectors | None = None) -> list[Example]:
    """Return the GSR sentences of one type as examples."""
    out = []
    for rec in read_gsr(directory, event_type):
        feats, cand = prepare(rec["text"], event_type, lex, vectors)
        share = rec["accept_share"]
        if share is None:
            share = 1.0 if rec["label"] == "yes" else 0.5 if rec["label"] == "ambiguous" else 0.0
        out.append(Example(rec["id"], feats, rec["label"] == "yes", cand, share, rec["label"] == "ambiguous"))
    return out


def _fit(exs: list[Example], c: float, mode: str = "context"):
    """Fit on soft labels: each example is a positive weighted by its accept share and a negative by the rest."""
    from scipy.sparse import vstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([_view(e.features, mode) for e in exs])
    shares = [e.share for e in exs]
    mean = sum(shares) / len(shares)
    balance = (1 - mean) / mean if 0 < mean < 1 else 1.0
    y = [1] * len(exs) + [0] * len(exs)
    w = [s * balance * e.weight for s, e in zip(shares, exs)] + [(1 - s) * e.weight for s, e in zip(shares, exs)]
    # newton-cg reaches the same optimum as lbfgs (probabilities within 0.005) in a fifth of the time
    clf = LogisticRegression(C=c, max_iter=3000, solver="newton-cg")
    clf.fit(vstack([X, X]), y, sample_weight=w)
    return vec, clf


def _predict(vec, clf, exs: list[Example], mode: str = "context") -> list[float]:
    return [float(p) for p in clf.predict_proba(vec.transform([_view(e.features, mode) for e in exs]))[:, 1]]


def _best_threshold(probs, labels) -> tuple[float, float]:
    """(threshold, F1): the threshold with the best F1 (the lowest of equal ones)."""
    scores = []
    for t in [x / 100 for x in range(20, 91, 2)]:
        tp = sum(p >= t and y for p, y in zip(probs, labels))
        fp = sum(p >= t and not y for p, y in zip(probs, labels))
        fn = sum(p < t and y for p, y in zip(probs, labels))
        scores.append((t, 2 * tp / (2 * tp + fp + fn) if tp else 0.0))
    best_f = max(f for _, f in scores)
    return min(t for t, f in scores if f >= best_f), best_f


def team_examples(event_type: str, lex: Lexicon, vectors: WordVectors | None = None) -> list[Example]:
    """Return the team-written training sentences of ``data/train_sentences.yaml`` for one type."""
    import yaml

    data = yaml.safe_load(resources.files("marsad.events").joinpath("data/train_sentences.yaml").read_text("utf-8"))
    out = []
    for label in ("yes", "no"):
        block = data.get(event_type, {})
        # YAML 1.1 reads the keys yes/no as booleans
        for i, text in enumerate(block.get(label, block.get(label == "yes", []))):
            feats, cand = prepare(text, event_type, lex, vectors)
            if cand:
                out.append(Example(f"team-{event_type}-{label}-{i}", feats, label == "yes", cand,
                                   1.0 if label == "yes" else 0.0, False, TEAM_WEIGHT))
    return out


def _inner_choice(exs: list[Example], c: float, extra: list[Example] = (), modes=PLAIN_MODES,
                  seed: int = SEED) -> tuple[str, float]:
    """(mode, threshold) maximising F1 (yes vs no) over inner 3-fold out-of-fold probabilities of ``exs``.

    ``modes`` go from simple to rich: a later mode replaces the best so far
    only when its F1 is higher by at least :data:`MODE_MARGIN`, so a richer
    view is not chosen for a gain of a sentence or two.
    """
    from sklearn.model_selection import StratifiedKFold

    strata = [("a" if e.ambiguous else "y" if e.label else "n") for e in exs]
    folds = list(StratifiedKFold(3, shuffle=True, random_state=seed).split(exs, strata))
    keep = [i for i, e in enumerate(exs) if not e.ambiguous]
    best = None
    for mode in modes:
        probs = [0.0] * len(exs)
        for tr, te in folds:
            vec, clf = _fit([exs[i] for i in tr] + list(extra), c, mode)
            for i, p in zip(te, _predict(vec, clf, [exs[i] for i in te], mode)):
                probs[i] = p
        thr, f1 = _best_threshold([probs[i] for i in keep], [exs[i].label for i in keep])
        if best is None or f1 >= best[2] + MODE_MARGIN:
            best = (mode, thr, f1)
    return best[0], best[1]


def cross_validate(exs: list[Example], c: float, folds: int = 5, extra: list[Example] = (), modes=PLAIN_MODES,
                   seed: int = SEED) -> dict:
    """Return outer-CV precision/recall/F1 of rules+model (non-candidates count as 'no'; ambiguous left out).

    Mode and threshold are chosen by :func:`_inner_choice` inside each
    training part. The result also holds ``fold_f1`` (F1 of each outer
    fold), their ``fold_mean`` and population ``fold_sd``, and the
    ``chosen`` mode@threshold of each fold.
    """
    from sklearn.model_selection import StratifiedKFold

    strata = [("a" if e.ambiguous else "y" if e.label else "n") for e in exs]
    pred = [False] * len(exs)
    per_fold, chosen = [], []
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(exs, strata):
        train_exs = [exs[i] for i in tr if exs[i].candidate]
        mode, thr = _inner_choice(train_exs, c, extra, modes, seed)
        vec, clf = _fit(train_exs + list(extra), c, mode)
        cand_te = [i for i in te if exs[i].candidate]
        if cand_te:
            for i, p in zip(cand_te, _predict(vec, clf, [exs[i] for i in cand_te], mode)):
                pred[i] = p >= thr
        scored = [i for i in te if not exs[i].ambiguous]
        per_fold.append(_prf([pred[i] for i in scored], [exs[i].label for i in scored])["f1"])
        chosen.append(f"{mode}@{thr:.2f}")
    keep = [i for i, e in enumerate(exs) if not e.ambiguous]
    out = _prf([pred[i] for i in keep], [exs[i].label for i in keep])
    out.update({"fold_f1": per_fold, "fold_mean": round(statistics.mean(per_fold), 3),
                "fold_sd": round(statistics.pstdev(per_fold), 3), "chosen": chosen})
    return out


def _prf(pred, labels) -> dict:
    tp = sum(p and y for p, y in zip(pred, labels))
    fp = sum(p and not y for p, y in zip(pred, labels))
    fn = sum(y and not p for p, y in zip(pred, labels))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(float(prec), 3), "recall": round(float(rec), 3), "f1": round(float(f1), 3),
            "tp": int(tp), "fp": int(fp), "fn": int(fn)}


def corpus_sentences(corpus_dir: str):
    """Yield the sentences of a SaudiNewsNet-style folder (``*.zip`` of JSON arrays of ``{"content": ...}``).

    Raises
    ------
    DataFileError
        If the folder holds no zip file, or a file is not such an archive.
    """
    paths = sorted(Path(corpus_dir).glob("*.zip"))
    if not paths:
        raise DataFileError(f"[E430] {corpus_dir}: no *.zip corpus files")
    for path in paths:
        try:
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    for article in json.loads(zf.read(name)):
                        for sent in _SENT_SPLIT.split(article.get("content") or ""):
                            if len(sent) > 30:
                                yield sent
        except (zipfile.BadZipFile, ValueError, AttributeError) as exc:
            raise DataFileError(f"[E431] {path}: not a zip of JSON articles: {exc}") from exc


def build_word_vectors(corpus_dir: str, dims: int = VECTOR_DIMS, max_words: int = VECTOR_WORDS) -> WordVectors:
    """Learn word vectors without labels by latent semantic analysis of a corpus.

    Each sentence becomes a sublinear TF-IDF vector over word keys
    (:func:`marsad.events.model.vector_key`; the ``max_words`` most frequent
    keys found in at least 10 sentences); a randomised truncated SVD gives
    each key a row of the right singular vectors scaled by the square root
    of the singular values, normalised to unit length.

    Parameters
    ----------
    corpus_dir : str
        SaudiNewsNet folder (see :func:`corpus_sentences`).
    dims : int, default 64
    max_words : int, default 8000

    Returns
    -------
    WordVectors
        ``matrix`` of shape (max_words, dims).
    """
    import numpy as np
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs, n = [], 0
    for sent in corpus_sentences(corpus_dir):
        words = split_words(sent, 0, len(sent))
        docs.append(" ".join(k for k in map(vector_key, words) if k))
        n += 1
    tfidf = TfidfVectorizer(token_pattern=r"\S+", min_df=10, max_features=max_words, sublinear_tf=True,
                            dtype=np.float32)
    X = tfidf.fit_transform(docs)
    svd = TruncatedSVD(dims, random_state=SEED, algorithm="randomized", n_iter=4).fit(X)
    V = svd.components_.T * np.sqrt(svd.singular_values_)
    V = (V / (np.linalg.norm(V, axis=1, keepdims=True) + 1e-9)).astype(np.float32)
    vocab = {w: i for i, w in enumerate(tfidf.get_feature_names_out())}
    return WordVectors(vocab, V, {"corpus": Path(corpus_dir).name, "sentences": n, "dims": dims,
                                  "method": "LSA: truncated SVD of sublinear TF-IDF sentence vectors"})


def bundled_vectors() -> WordVectors | None:
    """The shipped word vectors, or None when none have been built."""
    res = resources.files("marsad.events").joinpath("data", VECTORS_FILE)
    return load_word_vectors(res) if res.is_file() else None


def train(directory: str, lex: Lexicon | None = None, use_team_data: bool = True,
          vectors: WordVectors | None = None) -> tuple[SentenceModel, dict]:
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
    vectors : WordVectors, optional
        Word vectors for the vector features; without them, the model uses
        rule evidence and words only.

    Returns
    -------
    (SentenceModel, dict)
        The model, and per type ``{"cv": {...}, "rules_only": {...}}``.
    """
    lex = lex or load_lexicon()
    model = SentenceModel(meta={"data": "arabic-event-gsr-dev" + (" + data/train_sentences.yaml" if use_team_data else ""),
                                "C": C, "features": "rule evidence + folded words (+ trigger-in-context features where chosen)"
                                + (" + LSA sentence/trigger-context vectors" if vectors is not None else "")},
                          vectors=vectors)
    modes = MODES if vectors is not None else PLAIN_MODES
    report = {}
    for etype in MODEL_TYPES:
        exs = examples(directory, etype, lex, vectors)
        extra = team_examples(etype, lex, vectors) if use_team_data else []
        cand = [e for e in exs if e.candidate]
        scored = [e for e in exs if not e.ambiguous]
        report[etype] = {
            "cv": cross_validate(exs, C[etype], extra=extra, modes=modes),
            "rules_only": _prf([e.candidate for e in scored], [e.label for e in scored]),
            "sentences": len(scored), "candidates": sum(e.candidate for e in scored),
        }
        mode, thr = _inner_choice(cand, C[etype], extra, modes)
        vec, clf = _fit(cand + extra, C[etype], mode)
        names = vec.get_feature_names_out()
        model.weights[etype] = {n: round(float(w), 3) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 0.01}
        model.intercepts[etype] = round(float(clf.intercept_[0]), 4)
        model.thresholds[etype] = thr
        trig, ctx = uses(mode)
        model.trigger_context[etype] = trig
        if vectors is not None:
            model.context[etype] = ctx
    model.meta["cv"] = {t: r["cv"] for t, r in report.items()}
    return model, report


def repeated_cv(directory: str, seeds: list[int], modes=PLAIN_MODES, lex: Lexicon | None = None,
                use_team_data: bool = True, types=MODEL_TYPES) -> dict:
    """Repeat the nested CV of :func:`train` over several fold splits (no model is fit on all data).

    One split moves F1 by up to a fold standard deviation; comparing two
    procedures over the same few splits tells a steady gain from a lucky split.

    Parameters
    ----------
    directory : str
        GSR folder.
    seeds : list of int
        One outer+inner split per seed.
    modes : tuple of str, default :data:`PLAIN_MODES`
        Views the inner CV chooses from (``("sentence",)`` = the model before
        the trigger-in-context features).
    types : tuple of str, default :data:`marsad.events.model.MODEL_TYPES`

    Returns
    -------
    dict
        Event type -> ``{"f1": [pooled F1 per seed], "mean": float, "sd": float}``.
    """
    lex = lex or load_lexicon()
    out = {}
    for etype in types:
        exs = examples(directory, etype, lex)
        extra = team_examples(etype, lex) if use_team_data else []
        f1 = [cross_validate(exs, C[etype], extra=extra, modes=modes, seed=s)["f1"] for s in seeds]
        out[etype] = {"f1": f1, "mean": round(statistics.mean(f1), 3), "sd": round(statistics.pstdev(f1), 3)}
    return out


def pipeline_event_features(directory: str, types=MODEL_TYPES) -> dict[str, dict[str, dict]]:
    """Run the whole pipeline, rules only (no sentence model), on every GSR sentence; return its event features.

    Returns
    -------
    dict
        Event type -> sentence id -> :func:`marsad.events.model.event_features`
        of the events of that type (``{"ev:error": 1.0}`` when the pipeline
        failed on the sentence).

    Raises
    ------
    DataFileError
        If a GSR file is missing or malformed.
    """
    from marsad.doc import Doc
    from marsad.entities import EntityStage
    from marsad.events.coder import EventStage
    from marsad.pipeline import Pipeline
    from marsad.text import TextStage

    nlp = Pipeline([TextStage(), EntityStage(), EventStage(use_model=False)])
    nlp.initialize()
    out: dict[str, dict[str, dict]] = {}
    for etype in types:
        out[etype] = {}
        for rec in read_gsr(directory, etype):
            try:
                doc = nlp(Doc(rec["text"]))
            except Exception:  # noqa: BLE001 - a failing sentence gets a feature of its own, the run goes on
                out[etype][rec["id"]] = {"ev:error": 1.0}
                continue
            out[etype][rec["id"]] = event_features([e for e in doc.events if e.event_type == etype])
    return out


def _fit_events(rows: list[tuple[dict, float]]):
    """Fit the pooled event model on (features, accept share) pairs, soft labels as in :func:`_fit`."""
    exs = [Example("", f, s >= 1.0, True, s, False) for f, s in rows]
    return _fit(exs, EVENT_C, "sentence")


def pooled_event_cv(directory: str, seeds: list[int], lex: Lexicon | None = None, use_team_data: bool = True,
                    event_feats: dict | None = None) -> dict:
    """Nested CV of the sentence model mixed with a pooled model over the pipeline's coded events.

    For each seed, each type's sentences are split into 5 outer folds (as in
    :func:`cross_validate`); in outer fold ``k`` a logistic regression over
    :func:`marsad.events.model.event_features` is fit on the training parts
    of **both** types together (only type-independent features), and each
    type's sentence model (its view fixed to :data:`FIXED_VIEWS`) on its own
    training part. The probability is ``w * p_sentence + (1 - w) * p_events``;
    an inner 3-fold CV on the training parts chooses ``w`` from
    :data:`MIX_WEIGHTS` (a smaller ``w`` only when it adds :data:`MODE_MARGIN`
    F1) and the threshold.

    Parameters
    ----------
    directory : str
        GSR folder.
    seeds : list of int
        One outer+inner split per seed.
    event_feats : dict, optional
        :func:`pipeline_event_features` of ``directory`` (computed when None).

    Returns
    -------
    dict
        Event type -> ``{"sentence": [F1 per seed], "mixed": [...], "half": [...],
        "chosen": [[w@threshold per fold] per seed]}``: the sentence model
        alone, the inner-CV mix, and the fixed mix ``w = 0.5``.

    Raises
    ------
    DataFileError
        If a GSR file is missing or malformed.
    """
    from sklearn.model_selection import StratifiedKFold

    lex = lex or load_lexicon()
    event_feats = event_feats or pipeline_event_features(directory)
    exs = {t: examples(directory, t, lex) for t in MODEL_TYPES}
    extra = {t: team_examples(t, lex) if use_team_data else [] for t in MODEL_TYPES}
    evf = {t: [event_feats[t].get(e.id, {"ev:n0": 1.0}) for e in exs[t]] for t in MODEL_TYPES}
    out = {t: {"sentence": [], "mixed": [], "half": [], "chosen": []} for t in MODEL_TYPES}

    def strata(t, idx):
        return [("a" if exs[t][i].ambiguous else "y" if exs[t][i].label else "n") for i in idx]

    def probs(train: dict, test: dict) -> dict:
        """Sentence-model and pooled event-model probabilities of ``test`` (type -> indices)."""
        vec, clf = _fit_events([(evf[t][i], exs[t][i].share) for t in train for i in train[t]])
        res = {}
        for t in test:
            te = [exs[t][i] for i in test[t]]
            svec, sclf = _fit([exs[t][i] for i in train[t]] + extra[t], C[t], FIXED_VIEWS[t])
            ev_te = [Example("", evf[t][i], False, True, 0.0, False) for i in test[t]]
            res[t] = (_predict(svec, sclf, te, FIXED_VIEWS[t]), _predict(vec, clf, ev_te, "sentence"))
        return res

    for seed in seeds:
        outer = {t: list(StratifiedKFold(5, shuffle=True, random_state=seed).split(exs[t], strata(t, range(len(exs[t])))))
                 for t in MODEL_TYPES}
        pred = {t: {k: [False] * len(exs[t]) for k in ("sentence", "mixed", "half")} for t in MODEL_TYPES}
        chosen = {t: [] for t in MODEL_TYPES}
        for k in range(5):
            trc = {t: [i for i in outer[t][k][0] if exs[t][i].candidate] for t in MODEL_TYPES}
            tec = {t: [i for i in outer[t][k][1] if exs[t][i].candidate] for t in MODEL_TYPES}
            inner = {t: list(StratifiedKFold(3, shuffle=True, random_state=seed).split(trc[t], strata(t, trc[t])))
                     for t in MODEL_TYPES}
            p_in = {t: ([0.0] * len(trc[t]), [0.0] * len(trc[t])) for t in MODEL_TYPES}
            for j in range(3):
                got = probs({t: [trc[t][a] for a in inner[t][j][0]] for t in MODEL_TYPES},
                            {t: [trc[t][b] for b in inner[t][j][1]] for t in MODEL_TYPES})
                for t in MODEL_TYPES:
                    for pos, ps, pe in zip(inner[t][j][1], *got[t]):
                        p_in[t][0][pos], p_in[t][1][pos] = ps, pe
            got = probs(trc, tec)
            for t in MODEL_TYPES:
                keep = [n for n, i in enumerate(trc[t]) if not exs[t][i].ambiguous]
                labels = [exs[t][trc[t][n]].label for n in keep]
                best = None
                for w in MIX_WEIGHTS:
                    mix_in = [w * p_in[t][0][n] + (1 - w) * p_in[t][1][n] for n in keep]
                    thr, f1 = _best_threshold(mix_in, labels)
                    if w in (1.0, 0.5):
                        for i, ps, pe in zip(tec[t], *got[t]):
                            pred[t]["sentence" if w == 1.0 else "half"][i] = w * ps + (1 - w) * pe >= thr
                    if best is None or f1 >= best[2] + MODE_MARGIN:
                        best = (w, thr, f1)
                w, thr, _ = best
                chosen[t].append(f"{w}@{thr:.2f}")
                for i, ps, pe in zip(tec[t], *got[t]):
                    pred[t]["mixed"][i] = w * ps + (1 - w) * pe >= thr
        for t in MODEL_TYPES:
            scored = [i for i, e in enumerate(exs[t]) if not e.ambiguous]
            for name, p in pred[t].items():
                out[t][name].append(_prf([p[i] for i in scored], [exs[t][i].label for i in scored])["f1"])
            out[t]["chosen"].append(chosen[t])
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: train, print CV scores, write the model JSON (and the word vectors when rebuilt)."""
    ap = argparse.ArgumentParser(prog="python -m marsad.events.train", description=__doc__.splitlines()[0])
    ap.add_argument("directory", help="GSR dev folder (assault_gsr.csv, protest_gsr.csv)")
    ap.add_argument("--out", default=str(Path(__file__).parent / "data" / "sentence_model.json"))
    ap.add_argument("--gsr-only", action="store_true", help="do not add data/train_sentences.yaml")
    ap.add_argument("--vectors-corpus", help="rebuild the word vectors from this SaudiNewsNet folder")
    ap.add_argument("--no-vectors", action="store_true", help="train without word vectors")
    ap.add_argument("--repeat", metavar="SEEDS", help="only print the nested CV repeated over these fold splits "
                    "(comma-separated seeds, e.g. 13,1,2,3,4); writes nothing")
    ap.add_argument("--views", default=",".join(PLAIN_MODES),
                    help="with --repeat: views the inner CV chooses from (default: %(default)s)")
    ap.add_argument("--event-model", action="store_true",
                    help="with --repeat: compare the sentence model with its mix with the pooled pipeline-event "
                    "model (pooled_event_cv; runs the whole pipeline on the GSR first)")
    args = ap.parse_args(argv)
    if args.repeat and args.event_model:
        seeds = [int(x) for x in args.repeat.split(",")]
        for etype, r in pooled_event_cv(args.directory, seeds, use_team_data=not args.gsr_only).items():
            for name in ("sentence", "mixed", "half"):
                sys.stdout.write(f"{etype} {name}: seeds={seeds} f1={r[name]} mean={statistics.mean(r[name]):.3f}\n")
            sys.stdout.write(f"{etype} mixed chosen: {r['chosen']}\n")
        return 0
    if args.repeat:
        seeds = [int(x) for x in args.repeat.split(",")]
        for etype, r in repeated_cv(args.directory, seeds, tuple(args.views.split(",")),
                                    use_team_data=not args.gsr_only).items():
            sys.stdout.write(f"{etype}: seeds={seeds} f1={r['f1']} mean={r['mean']} sd={r['sd']}\n")
        return 0
    vectors = None
    if args.vectors_corpus:
        vectors = build_word_vectors(args.vectors_corpus)
        out = Path(args.out).parent / VECTORS_FILE
        out.write_text(vectors.to_json(), encoding="utf-8")
        vectors = load_word_vectors(out)  # train on the shipped (int8) values
        sys.stdout.write(f"wrote {out} ({len(vectors.vocab)} words x {vectors.matrix.shape[1]})\n")
    elif not args.no_vectors:
        vectors = bundled_vectors()
    model, report = train(args.directory, use_team_data=not args.gsr_only, vectors=vectors)
    for etype, r in report.items():
        sys.stdout.write(f"{etype}: sentences={r['sentences']} candidates={r['candidates']} "
                         f"rules-only={r['rules_only']} cv={r['cv']}\n")
    Path(args.out).write_text(model.to_json(), encoding="utf-8")
    sys.stdout.write(f"wrote {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
