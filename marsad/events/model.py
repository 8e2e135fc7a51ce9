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

The model is shipped as JSON (feature weights, intercept, threshold), so it
is small, readable and loads without unpickling.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources

from marsad.errors import DataFileError
from marsad.events.context import Clause, clause_of, is_background, is_object_of_other, status_of
from marsad.events.forms import lookup_keys
from marsad.events.match import Trigger, Word

MODEL_FILE = "data/sentence_model.json"
MODEL_TYPES = ("ASSAULT", "PROTEST")
WORD_SCALE = 4.0


def _stem(w: str) -> str:
    keys = lookup_keys(w)
    for key, pre in keys:
        if pre in ("ال", "وال", "بال", "لل", "فال", "و", "ف"):
            return key
    return w


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
    """

    weights: dict[str, dict[str, float]] = field(default_factory=dict)
    intercepts: dict[str, float] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

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
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def to_json(self) -> str:
        """Serialise to the shipped JSON form."""
        return json.dumps({"weights": self.weights, "intercepts": self.intercepts,
                           "thresholds": self.thresholds, "meta": self.meta}, ensure_ascii=False,
                          sort_keys=True)


def load_model(path: str | None = None) -> SentenceModel | None:
    """Load the sentence model; the bundled one when ``path`` is None.

    Returns
    -------
    SentenceModel or None
        None when no bundled model has been trained yet (rules alone).

    Raises
    ------
    DataFileError
        If the file exists but is not a valid model.
    """
    if path is None:
        res = resources.files("marsad.events").joinpath(MODEL_FILE)
        if not res.is_file():
            return None
        text, name = res.read_text(encoding="utf-8"), str(res)
    else:
        try:
            with open(path, encoding="utf-8") as fh:
                text, name = fh.read(), path
        except OSError as exc:
            raise DataFileError(f"[E410] {path}: cannot read sentence model: {exc}") from exc
    try:
        data = json.loads(text)
        return SentenceModel(
            {t: {k: float(v) for k, v in ws.items()} for t, ws in data["weights"].items()},
            {t: float(v) for t, v in data["intercepts"].items()},
            {t: float(v) for t, v in data["thresholds"].items()},
            data.get("meta", {}),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"[E411] {name}: invalid sentence model: {exc}") from exc
