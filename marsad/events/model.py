"""Sentence classifier that tells event reports from mere mentions.

Most sentences that mention an attack or a protest do not report one (a
keyword match scores F1 about 0.30 on ASSAULT in the GSR dev half). The
rules find candidate triggers; this logistic regression, trained on the
development half of the Arabic event GSR (see :mod:`marsad.events.train`),
scores the whole sentence from the rule evidence (which triggers, their
status, clause kind, casualty counts) plus its folded words, and the coder
keeps a reported ASSAULT/PROTEST mention only when the score passes the
threshold chosen under cross-validation. The rules stay the explanation:
the event's ``rule`` is still the lexicon entry.

Optionally (``python -m marsad.events.train ... --vectors-corpus``), a
model also reads dense sentence vectors: the mean of 64-dimensional word
vectors learnt without labels (latent semantic analysis, a truncated SVD of
TF-IDF sentence vectors) from the SaudiNewsNet corpus, so words rare in the
small GSR training set still count through their neighbours (``قصف`` lies
near ``الغارات``, cosine 0.78, and far from ``الاقتصاد``). For some types the mean of the vectors around the triggers
(a ±3-word window) is added too; cross-validation decides. The shipped
model does not use them: their CV gain was within fold noise and they veto
more plain reports of our own test sentences (docs/evaluation.md).

The model is shipped as JSON (feature weights, intercept, threshold) and the
word vectors as JSON with an int8 base64 matrix, so they are small, readable
and load without unpickling.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from marsad.errors import DataFileError
from marsad.events.context import Clause, clause_of, is_background, is_object_of_other, status_of
from marsad.events.forms import lookup_keys
from marsad.events.match import Trigger, Word

MODEL_FILE = "data/sentence_model.json"
VECTORS_FILE = "word_vectors.json"
MODEL_TYPES = ("ASSAULT", "PROTEST")
WORD_SCALE = 4.0
#: Words on each side of a trigger whose vectors make the trigger context vector.
CONTEXT_WINDOW = 3


def _stem(w: str) -> str:
    keys = lookup_keys(w)
    for key, pre in keys:
        if pre in ("ال", "وال", "بال", "لل", "فال", "و", "ف"):
            return key
    return w


def vector_key(word: Word) -> str | None:
    """Return the key under which ``word`` is looked up in :class:`WordVectors` (None for digits, 1-letter words)."""
    if len(word.fold) < 2 or word.fold.isdigit():
        return None
    return _stem(word.fold)


@dataclass(slots=True)
class WordVectors:
    """Unit-length word vectors learnt without labels (see :func:`marsad.events.train.build_word_vectors`).

    Parameters
    ----------
    vocab : dict of str to int
        Word key (:func:`vector_key`) -> row of ``matrix``.
    matrix : ndarray of shape (n_words, n_dims), float32
        One unit-length vector a row.
    meta : dict
        Corpus, sizes and date of training.
    """

    vocab: dict[str, int]
    matrix: np.ndarray
    meta: dict = field(default_factory=dict)

    def mean(self, keys) -> np.ndarray:
        """Return the unit-length mean vector of the known ``keys`` (zeros when none is known), shape (n_dims,)."""
        rows = [self.vocab[k] for k in keys if k in self.vocab]
        if not rows:
            return np.zeros(self.matrix.shape[1], dtype=np.float32)
        v = self.matrix[rows].mean(axis=0)
        n = float(np.linalg.norm(v))
        return v / n if n > 0 else v

    def to_json(self) -> str:
        """Serialise: vocabulary in row order and the matrix as base64 int8 (value x 127)."""
        q = np.clip(np.round(self.matrix * 127), -127, 127).astype(np.int8)
        words = sorted(self.vocab, key=self.vocab.get)
        return json.dumps({"meta": self.meta, "dims": int(self.matrix.shape[1]), "scale": 127, "vocab": words,
                           "int8": base64.b64encode(q.tobytes()).decode("ascii")}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "WordVectors":
        """Inverse of :meth:`to_json`; raises ValueError, KeyError or TypeError on a malformed file."""
        data = json.loads(text)
        words = data["vocab"]
        q = np.frombuffer(base64.b64decode(data["int8"]), dtype=np.int8)
        matrix = (q.astype(np.float32) / float(data["scale"])).reshape(len(words), int(data["dims"]))
        return cls({w: i for i, w in enumerate(words)}, matrix, data.get("meta", {}))


def vector_features(event_type: str, words: list[Word], triggers: list[Trigger], vectors: WordVectors,
                    context: bool = False) -> dict[str, float]:
    """Return the dense vector features of a sentence for one event type.

    Parameters
    ----------
    event_type : str
    words, triggers
        From :mod:`marsad.events.match`.
    vectors : WordVectors
    context : bool, default False
        Also add the mean vector of the words within :data:`CONTEXT_WINDOW`
        of the type's triggers.

    Returns
    -------
    dict of str to float
        ``e:<i>`` the sentence mean vector, ``x:<i>`` the trigger context vector.
    """
    keys = [vector_key(w) for w in words]
    f = {f"e:{i}": float(v) for i, v in enumerate(vectors.mean(keys))}
    if context:
        near: set[int] = set()
        for t in triggers:
            if t.entry.type == event_type:
                near.update(range(max(0, t.first - CONTEXT_WINDOW), min(len(words), t.last + CONTEXT_WINDOW + 1)))
        f.update({f"x:{i}": float(v) for i, v in enumerate(vectors.mean([keys[k] for k in sorted(near)]))})
    return f


def sentence_features(event_type: str, words: list[Word], triggers: list[Trigger], flags: list[frozenset],
                      clauses: list[Clause]) -> dict[str, float]:
    """Return the sparse features of a sentence for one event type.

    Parameters
    ----------
    event_type : str
        ``"ASSAULT"`` or ``"PROTEST"``.
    words, triggers, flags, clauses
        From :mod:`marsad.events.match` and :mod:`marsad.events.context`.

    Returns
    -------
    dict of str to float
        ``w:<stem>`` word presence (``WORD_SCALE / sqrt(n_words)``), ``t:<entry id>`` trigger families,
        ``s:<status>``/``k:<clause kind>`` of each trigger of the type,
        ``obj``/``bg`` when a trigger is an object or background, ``n``
        trigger count bucket, ``pos:<0..3>`` where the first trigger sits.
    """
    f: dict[str, float] = {}
    # word presence scaled by 1/sqrt(length), so a short plain report is not
    # penalised for having few words (CV F1 unchanged, see docs/evaluation.md)
    wv = WORD_SCALE / math.sqrt(max(len(words), 1))
    for w in words:
        if len(w.fold) > 1:
            f["w:" + _stem(w.fold)] = wv
    mine = [t for t in triggers if t.entry.type == event_type]
    for t in triggers:
        f["o:" + t.entry.type] = 1.0
    for t in mine:
        c = clause_of(clauses, t.first)
        f["t:" + t.entry.id] = 1.0
        f[("v:" if t.is_verb else "nn:") + t.entry.id] = 1.0
        f["s:" + status_of(t, words, flags, c)] = 1.0
        f["k:" + c.kind] = 1.0
        if is_object_of_other(t, triggers, words, flags, c):
            f["obj"] = 1.0
        if is_background(t, words, flags, c):
            f["bg"] = 1.0
        for k in range(max(0, t.first - 2), min(len(words), t.last + 3)):
            if k < t.first or k > t.last:
                rel = k - t.first if k < t.first else k - t.last
                f[f"c{rel:+d}:" + _stem(words[k].fold)] = 1.0
    f["n:" + str(min(len(mine), 3))] = 1.0
    if mine:
        f["pos:" + str(min(mine[0].first // 8, 3))] = 1.0
    if any(w.fold.isdigit() for w in words):
        f["digit"] = 1.0
    if any("reporting" in fl for fl in flags):
        f["reporting"] = 1.0
    return f


@dataclass(slots=True)
class SentenceModel:
    """Per-type logistic regression over :func:`sentence_features`.

    Parameters
    ----------
    weights : dict of str to dict of str to float
        Event type -> feature -> weight.
    intercepts, thresholds : dict of str to float
        Event type -> intercept, probability threshold.
    meta : dict
        How it was trained (data, date, CV scores).
    vectors : WordVectors, optional
        Word vectors for the ``e:``/``x:`` features; None = no vector features.
    context : dict of str to bool
        Event type -> whether the trigger context vector (``x:``) is used.
    """

    weights: dict[str, dict[str, float]] = field(default_factory=dict)
    intercepts: dict[str, float] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    vectors: WordVectors | None = None
    context: dict[str, bool] = field(default_factory=dict)

    def threshold(self, event_type: str) -> float:
        """Probability a sentence needs to keep a reported event of ``event_type`` (0 if untrained)."""
        return self.thresholds.get(event_type, 0.0)

    def probability(self, event_type: str, words, triggers, flags, clauses) -> float:
        """Return P(sentence reports an ``event_type`` event), 1.0 for types without a model."""
        w = self.weights.get(event_type)
        if w is None:
            return 1.0
        z = self.intercepts[event_type]
        for name, value in sentence_features(event_type, words, triggers, flags, clauses).items():
            z += w.get(name, 0.0) * value
        if self.vectors is not None:
            ctx = self.context.get(event_type, False)
            for name, value in vector_features(event_type, words, triggers, self.vectors, ctx).items():
                z += w.get(name, 0.0) * value
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def to_json(self) -> str:
        """Serialise to the shipped JSON form."""
        data = {"weights": self.weights, "intercepts": self.intercepts, "thresholds": self.thresholds,
                "meta": self.meta, "context": self.context}
        if self.vectors is not None:
            data["vectors"] = VECTORS_FILE
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def load_model(path: str | None = None) -> SentenceModel | None:
    """Load the sentence model; the bundled one when ``path`` is None.

    A model trained with word vectors names their file (``"vectors"``);
    it is read from the model's folder.

    Returns
    -------
    SentenceModel or None
        None when no bundled model has been trained yet (rules alone).

    Raises
    ------
    DataFileError
        If the file exists but is not a valid model, or its word vectors
        are missing or invalid.
    """
    if path is None:
        res = resources.files("marsad.events").joinpath(MODEL_FILE)
        if not res.is_file():
            return None
        text, name = res.read_text(encoding="utf-8"), str(res)
        folder = res.parent
    else:
        folder = Path(path).parent
        try:
            with open(path, encoding="utf-8") as fh:
                text, name = fh.read(), path
        except OSError as exc:
            raise DataFileError(f"[E410] {path}: cannot read sentence model: {exc}") from exc
    try:
        data = json.loads(text)
        model = SentenceModel(
            {t: {k: float(v) for k, v in ws.items()} for t, ws in data["weights"].items()},
            {t: float(v) for t, v in data["intercepts"].items()},
            {t: float(v) for t, v in data["thresholds"].items()},
            data.get("meta", {}),
            None,
            {t: bool(v) for t, v in data.get("context", {}).items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"[E411] {name}: invalid sentence model: {exc}") from exc
    if data.get("vectors"):
        model.vectors = load_word_vectors(folder.joinpath(str(data["vectors"])))
    return model


def load_word_vectors(path) -> WordVectors:
    """Read a :meth:`WordVectors.to_json` file (a path or an importlib resource).

    Raises
    ------
    DataFileError
        If it cannot be read or is malformed.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"[E412] {path}: cannot read word vectors: {exc}") from exc
    try:
        return WordVectors.from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise DataFileError(f"[E413] {path}: invalid word vectors: {exc}") from exc
