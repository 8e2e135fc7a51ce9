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

For the types where the training's inner cross-validation chose them
(PROTEST in the shipped model), the score also reads trigger-in-context
features (:func:`context_features`): whether the rule coder would keep the
trigger as reported, whether a verb trigger is its clause's main verb, its
tense, whether a nominal trigger is governed by a topic word ("ضحايا
الهجوم"، "منذ الهجوم"), and whether the trigger's clause holds a count, a
casualty word, a date or a place. They raised PROTEST's cross-validated F1
from 0.48 to 0.56 over five fold splits (docs/evaluation.md).

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
from marsad.events.forms import fold, lookup_keys
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


def _cues(*words: str) -> frozenset:
    return frozenset(fold(w) for w in words)


#: Cue word lists of :func:`context_features`, written by the Marsad team from
#: Arabic newswire usage; stored folded (:func:`marsad.events.forms.fold`).
#: Counted amounts: number words that stand for a count of people.
NUMBER_CUES = _cues(
    "واحد", "اثنين", "اثنان", "اثنا", "اثني", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة",
    "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "عشرات", "مئات", "آلاف", "ألف", "مئة", "مائة",
    "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين", "عشرون", "ثلاثون", "أربعون",
    "خمسون", "بضعة", "عدد")
#: Words that count victims (killed, wounded, dead, martyrs).
CASUALTY_CUES = _cues(
    "قتل", "مقتل", "قتلى", "قتيل", "قتيلا", "قتيلان", "قتلوا", "جرح", "جرحى", "جريح", "جريحا", "جرحوا", "أصيب",
    "أصيبوا", "إصابة", "إصابات", "مصابين", "مصابا", "مصرع", "حتفه", "حتفهم", "لقي", "لقوا", "ضحايا", "ضحية",
    "استشهد", "استشهاد", "شهيد", "شهداء")
#: Person nouns that follow a count ("قتل 20 شخصا").
PERSON_CUES = _cues(
    "أشخاص", "شخصا", "شخص", "مدنيين", "مدنيا", "جنود", "جنديا", "جندي", "عناصر", "شرطيين", "شرطيا", "أطفال",
    "نساء", "رجال", "متظاهرين", "مسلحين", "مسلحا")
#: Day and time-of-day words that date a happening.
TIME_CUES = _cues(
    "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "أمس", "اليوم", "يوم", "صباح",
    "صباحا", "مساء", "ليلة", "الليلة", "ليلا", "الليل", "فجر", "فجرا", "ظهر", "ظهرا")
#: Words that place a happening in the recent past ("الأسبوع الماضي").
PAST_CUES = _cues("الماضي", "الماضية", "سابق", "سابقا", "أمس")
#: Words that locate a happening (directions, settlement and street nouns, distances).
PLACE_CUES = _cues(
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "بالقرب", "مدينة", "محافظة",
    "بلدة", "قرية", "حي", "منطقة", "ضاحية", "كلم", "كيلومترا", "ولاية", "إقليم", "مخيم", "شارع", "ساحة")
#: Heads that make a nominal trigger a topic rather than a report ("ضحايا الهجوم"،
#: "منذ الهجوم"، "إدانة التفجير"، "التحقيق في الاغتيال"، "بتهمة الاعتداء").
MENTION_CUES = _cues(
    "ضحايا", "ذكرى", "منذ", "إدانة", "استنكار", "مسؤولية", "ملابسات", "تحقيق", "التحقيق", "محاكمة", "ضد",
    "مكافحة", "لمكافحة", "وقف", "تصاعد", "موجة", "أعمال", "أعقاب", "خلفية", "بشأن", "حول", "عن", "تهمة",
    "بتهمة", "متهم", "المتهمين", "قضية", "استمرار", "تجدد", "خطر", "احتمال", "منع", "لمنع", "تجنب", "وراء",
    "سلسلة", "تنفيذ", "ارتكاب", "بعد", "عقب")
#: Words that make a nominal trigger the cause of a reported outcome ("قتل ... جراء القصف").
CAUSAL_CUES = _cues("جراء", "إثر", "بسبب", "خلال", "أثناء", "نتيجة")
#: Prepositions recorded before a nominal trigger.
PREPOSITIONS = _cues("في", "على", "من", "ضد", "عن", "منذ", "إلى", "الى", "بعد", "عقب", "قبل")
#: What may stand before a clause's main verb: connectives, particles, punctuation.
OPENERS = _cues("و", "ف", "كما", "وقد", "قد", "فقد", "لقد", "ثم", "،", ",", "«", '"', "(", ":", "-", "*")
#: Clitic + article beginnings of a definite noun ("الهجوم"، "والهجوم"، "بالهجوم"، "للهجوم").
_DEFINITE = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وبال")


def _has(words: list[Word], lo: int, hi: int, cues: frozenset) -> bool:
    """True when a word in ``words[lo:hi]`` (or its article-stripped stem) is in ``cues``."""
    return any(words[k].fold in cues or _stem(words[k].fold) in cues
               for k in range(max(lo, 0), min(hi, len(words))))


def context_features(event_type: str, words: list[Word], triggers: list[Trigger], flags: list[frozenset],
                     clauses: list[Clause]) -> dict[str, float]:
    """Return features of each trigger of ``event_type`` in its clause, grouped so that rare words share weight.

    Parameters
    ----------
    event_type : str
    words, triggers, flags, clauses
        From :mod:`marsad.events.match` and :mod:`marsad.events.context`.

    Returns
    -------
    dict of str to float
        All values 1.0. ``q:clean`` (and ``q:clean:<v|n>:<clause kind>``) when
        a trigger is one the rule coder would keep as reported (not negated,
        planned, hypothetical, an object or background); for verb triggers
        ``q:v:initial`` (the clause's main verb: only connectives before it),
        ``q:v:imperf`` (prefix ``ي``) or ``q:v:perf`` (no imperfect prefix;
        ``ت``/``ن`` begin both tenses and give neither) and
        ``q:v:count`` (a count or person noun right after: "قتل 20 شخصا");
        for nominal triggers ``q:n:def``/``q:n:indef``, ``q:n:bi`` (the
        ``ب`` proclitic: "بتفجير"), ``q:n:after:<preposition>``,
        ``q:n:mention`` (a topic head within two words before: "ضحايا
        الهجوم"، "منذ الهجوم"), ``q:n:causal`` ("جراء القصف") and
        ``q:n:genitive`` (a definite trigger right after a word of three or
        more letters that is not a preposition, most often a governing noun); in the
        trigger's clause ``q:cl:count``, ``q:cl:cas``, ``q:cl:count_cas``,
        ``q:cl:time``, ``q:cl:past``, ``q:cl:place``; in the sentence
        ``q:any:<marker>`` for the negation, conditional, future, opinion,
        denial, according and background markers of the lexicon.
    """
    f: dict[str, float] = {}
    for t in triggers:
        if t.entry.type != event_type:
            continue
        c = clause_of(clauses, t.first)
        if (status_of(t, words, flags, c) == "reported" and not is_object_of_other(t, triggers, words, flags, c)
                and not is_background(t, words, flags, c)):
            f["q:clean"] = 1.0
            f[f"q:clean:{'v' if t.is_verb else 'n'}:{c.kind}"] = 1.0
        head = words[t.first].fold
        if t.proclitic and head.startswith(t.proclitic):
            head = head[len(t.proclitic):]
        f.update(_verb_features(t, words, c, head) if t.is_verb else _noun_features(t, words))
        lo, hi = c.first, c.last + 1
        count = any(words[k].fold.isdigit() or _stem(words[k].fold) in NUMBER_CUES for k in range(lo, hi))
        cas = _has(words, lo, hi, CASUALTY_CUES)
        for name, on in (("count", count), ("cas", cas), ("count_cas", count and cas),
                         ("time", _has(words, lo, hi, TIME_CUES)), ("past", _has(words, lo, hi, PAST_CUES)),
                         ("place", _has(words, lo, hi, PLACE_CUES))):
            if on:
                f["q:cl:" + name] = 1.0
    for name in ("negation", "conditional", "future", "opinion", "denial", "according", "background"):
        if any(name in fl for fl in flags):
            f["q:any:" + name] = 1.0
    return f


def _verb_features(t: Trigger, words: list[Word], c: Clause, head: str) -> dict[str, float]:
    # ي marks the imperfect; ت and ن also begin perfect stems ("تظاهر"، "نفذ"), so they say nothing
    f = {"q:v:imperf": 1.0} if head[:1] == "ي" else {} if head[:1] in ("ت", "ن") else {"q:v:perf": 1.0}
    if all(words[k].fold in OPENERS for k in range(c.first, t.first)):
        f["q:v:initial"] = 1.0
    nxt = words[t.last + 1].fold if t.last + 1 < len(words) else ""
    if nxt.isdigit() or _stem(nxt) in NUMBER_CUES or nxt in PERSON_CUES:
        f["q:v:count"] = 1.0
    return f


def _noun_features(t: Trigger, words: list[Word]) -> dict[str, float]:
    definite = words[t.first].fold.startswith(_DEFINITE)
    f = {"q:n:def" if definite else "q:n:indef": 1.0}
    if t.proclitic.endswith("ب"):
        f["q:n:bi"] = 1.0
    prev = words[t.first - 1].fold if t.first > 0 else ""
    if prev in PREPOSITIONS:
        f["q:n:after:" + prev] = 1.0
    if _has(words, t.first - 2, t.first, MENTION_CUES):
        f["q:n:mention"] = 1.0
    if _has(words, t.first - 2, t.first, CAUSAL_CUES):
        f["q:n:causal"] = 1.0
    if definite and words[t.first].fold.startswith("ال") and len(prev) > 2 and prev not in PREPOSITIONS \
            and not prev.isdigit():
        f["q:n:genitive"] = 1.0  # "ضحايا الهجوم": a noun governs the trigger
    return f


def event_features(events) -> dict[str, float]:
    """Return type-independent features of the events the rules coded for one type in one GSR sentence.

    They describe what the whole pipeline found, whatever the type: a
    pooled model over ASSAULT and PROTEST sentences (see
    :func:`marsad.events.train.pooled_event_cv`) reads them.

    Parameters
    ----------
    events : list of Event
        The events of one type coded in the sentence (by the stage without
        the sentence model's veto).

    Returns
    -------
    dict of str to float
        All values 1.0. ``ev:n<0..3>`` how many events; per event
        ``ev:st:<status>``; for the actor (``a``) and the recipient (``r``)
        ``ev:<a|r>:none`` or ``ev:<a|r>:any``, ``ev:<a|r>:cty`` (it has a
        country), ``ev:<a|r>:sec:<sector>``, ``ev:<a|r>:type:<entity type>``;
        ``ev:place``, ``ev:time`` (a date read from the text, not the
        publication date), ``ev:cas`` (dead or wounded counted),
        ``ev:attr`` (attributed to a speaker), ``ev:mode:<mode>``,
        ``ev:pos<0..2>`` (the third of its sentence the trigger starts in),
        ``ev:merged`` (several mentions); ``ev:rep:<a|r|both|place|time|cas>``
        when a ``reported`` event has them.
    """
    f = {"ev:n" + str(min(len(events), 3)): 1.0}
    for e in events:
        rep = e.status == "reported"
        found = {"place": e.location is not None, "time": bool(e.date) and not e.date_inferred,
                 "cas": bool(e.fatalities or e.injuries), "a": e.actor is not None, "r": e.recipient is not None}
        found["both"] = found["a"] and found["r"]
        f["ev:st:" + e.status] = 1.0
        for side, ent in (("a", e.actor), ("r", e.recipient)):
            if ent is None:
                f[f"ev:{side}:none"] = 1.0
                continue
            f[f"ev:{side}:any"] = 1.0
            f[f"ev:{side}:sec:{ent.sector}"] = 1.0
            f[f"ev:{side}:type:{ent.type}"] = 1.0
            if ent.country:
                f[f"ev:{side}:cty"] = 1.0
        for name, on in found.items():
            if on and name in ("place", "time", "cas"):
                f["ev:" + name] = 1.0
            if on and rep:
                f["ev:rep:" + name] = 1.0
        if e.attributed_to is not None:
            f["ev:attr"] = 1.0
        f["ev:mode:" + str(e.mode)] = 1.0
        width = max(e.sentence.end - e.sentence.start, 1)
        f["ev:pos" + str(min(3 * (e.trigger.start - e.sentence.start) // width, 2))] = 1.0
        if len(e.mentions) > 1:
            f["ev:merged"] = 1.0
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
    trigger_context : dict of str to bool
        Event type -> whether the trigger-in-context features
        (:func:`context_features`, ``q:``) are used; absent = not used.
    """

    weights: dict[str, dict[str, float]] = field(default_factory=dict)
    intercepts: dict[str, float] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    vectors: WordVectors | None = None
    context: dict[str, bool] = field(default_factory=dict)
    trigger_context: dict[str, bool] = field(default_factory=dict)

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
        if self.trigger_context.get(event_type, False):
            for name, value in context_features(event_type, words, triggers, flags, clauses).items():
                z += w.get(name, 0.0) * value
        if self.vectors is not None:
            ctx = self.context.get(event_type, False)
            for name, value in vector_features(event_type, words, triggers, self.vectors, ctx).items():
                z += w.get(name, 0.0) * value
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def to_json(self) -> str:
        """Serialise to the shipped JSON form."""
        data = {"weights": self.weights, "intercepts": self.intercepts, "thresholds": self.thresholds,
                "meta": self.meta, "context": self.context, "trigger_context": self.trigger_context}
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
            {t: bool(v) for t, v in data.get("trigger_context", {}).items()},
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
