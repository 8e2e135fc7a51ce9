"""Statistical named-entity tagger: a linear-chain CRF over words.

The tagger works on whitespace words with punctuation split off, the way
ANERcorp is tokenised, and labels them in BIO with PER, LOC, ORG and MISC.
Features: the word's matching key, clitic-stripped stem, prefixes and
suffixes, shape, membership in the actor dictionary and gazetteer, trigger
words (الرئيس، وزير، مدينة، محافظة ...), team, firm and event cue words,
and the same for two neighbours each side. A second CRF reads the first
one's labels of the window and of the same word elsewhere in the document
(stacking). Training uses sklearn-crfsuite (L-BFGS with elastic-net
regularisation); tagging uses python-crfsuite. A single-pass model gets
its features from :mod:`marsad.entities.ner_fast`, which builds them once
per word type and passes only those the model knows (the same labels,
several times faster); a stacked one from :func:`token_features`.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.entities.words import WORD_RE, clitic_readings, key
from marsad.errors import DataFileError, UsageError

TOKEN_RE = re.compile(WORD_RE.pattern + r"|[^\s\w]|_")
"""A word (see :data:`marsad.entities.words.WORD_RE`) or one punctuation mark."""

LABEL_MAP = {"PERS": "PER"}
MODEL_NAME = "ner.crfsuite"
NAMES_FILE = "ner_names.yaml"
NAME_LABELS = {"teams": "ORG", "firms": "ORG", "media": "ORG", "athletes": "PER"}
"""The entity type of a several-word name of each kind in ``NAMES_FILE`` (MISC otherwise)."""

# Trigger words (matching keys of the bare stem). Ours, from how Arabic news
# introduces names: titles before people, place words before places,
# body words before organisations.
PER_TRIGGERS = frozenset(key(w) for w in (
    "الرئيس رئيس وزير الوزير وزيرة السيد السيدة الشيخ الدكتور د الملك الأمير الامير العاهل "
    "المتحدث الناطق العقيد اللواء العميد الجنرال المستشار المستشارة النائب الزعيم القائد "
    "الأمين المبعوث السفير الفنان اللاعب المدرب الكاتب الصحفي الإمام الأستاذ المهندس "
    "نائب مساعد قال أكد أوضح صرح أعلن أضاف وأضاف وقال المواطن الشاب الطفل").split())
LOC_TRIGGERS = frozenset(key(w) for w in (
    "مدينة محافظة بلدة قرية منطقة العاصمة ولاية إقليم دولة جزيرة حي مخيم ريف شمال جنوب شرق "
    "غرب شمالي جنوبي شرقي غربي وسط قرب مدينه بلاد عاصمة جمهورية مملكة سلطنة إمارة").split())
ORG_TRIGGERS = frozenset(key(w) for w in (
    "وزارة حزب حركة جماعة منظمة شركة وكالة جامعة مجلس اتحاد هيئة بنك مصرف صحيفة قناة "
    "تنظيم جبهة لجنة مؤسسة جمعية نادي فريق مركز معهد محكمة صندوق برنامج مكتب إذاعة "
    "تلفزيون مجموعة الاتحاد المجلس الحزب الحركة المنظمة الشركة الوكالة الجامعة").split())
_TRIGGER_SETS = (("per", PER_TRIGGERS), ("loc", LOC_TRIGGERS), ("org", ORG_TRIGGERS))
#: Article prefixes that :func:`document_features` records as ``d=al``.
DOC_ARTICLE_PREFIXES = ("ال", "وال", "بال", "لل")


def trigger_kinds(stem: str, norm: str) -> list[str]:
    """Return which trigger lists (``"per"``, ``"loc"``, ``"org"``, in that order) hold ``stem`` or ``norm``."""
    return [kind for kind, words in _TRIGGER_SETS if stem in words or norm in words]


# Cue words of the richer feature set (``rich=True``): teams and firms, whose
# names the tagger misses most, and the nouns that open MISC names (events,
# cups, prizes, treaties, works). Ours, from Arabic sports and business news.
ORG_CUES = frozenset(key(w) for w in (
    "منتخب نادي فريق شركة مصرف بنك اتحاد وزارة جامعة مجموعة الفريق المنتخب النادي البنك "
    "المصرف مؤسسة صحيفة جريدة مجلة وكالة قناة محطة إذاعة كلية أكاديمية رابطة نقابة").split())
MISC_CUES = frozenset(key(w) for w in (
    "كأس بطولة دوري مهرجان جائزة مؤتمر قمة اتفاقية معاهدة اتفاق مسلسل فيلم كتاب رواية "
    "أولمبياد دورة مسابقة ملعب استاد مونديال الكأس البطولة الدوري الجائزة").split())


@lru_cache(maxsize=100_000)
def word_stem(norm: str) -> str:
    """Return ``norm`` without its clitics and article (``وبالعراق`` -> ``عراق``)."""
    reads = clitic_readings(norm)
    s = reads[-1][0] if reads else norm
    if s.startswith("ال") and len(s) > 4:
        s = s[2:]
    return s


def _shape(tok: str) -> str:
    if tok.isdigit():
        return "digit"
    if TOKEN_RE.fullmatch(tok) and not WORD_RE.fullmatch(tok):
        return "punct"
    if tok.isascii():
        return "latin"
    return "ar"


@dataclass
class NerLexicon:
    """Word lists the tagger uses as features.

    Parameters
    ----------
    per, org, loc, gpe : set of str
        Matching keys of words occurring in person aliases, organisation
        aliases, place names (curated or 20,000+ people) and country names or
        adjectives.
    first : set of str
        Keys of common given names (``data/given_names.yaml``).
    cache : dict
        Per-word features already computed (filled as the tagger runs).
    phrases : dict of str to list of (tuple, str)
        Multi-word names by first key: ``(keys, label)`` with label PER,
        ORG or LOC, longest first; matched greedily as B-/I- features.
    clusters : dict of str to tuple of str
        Word key to its distributional clusters, finest first
        (:mod:`marsad.entities.clusters`).
    names : dict of str to frozenset
        Keys of one-word names of teams, firms, media, events and sports
        people (``data/ner_names.yaml``), by kind; a word among them gets
        ``lex=teams`` and so on. The several-word names are in ``phrases``.
    """

    per: frozenset = field(default_factory=frozenset)
    org: frozenset = field(default_factory=frozenset)
    loc: frozenset = field(default_factory=frozenset)
    gpe: frozenset = field(default_factory=frozenset)
    first: frozenset = field(default_factory=frozenset)
    clusters: dict = field(default_factory=dict)
    phrases: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_data(cls, dictionary, gazetteer, auto: bool = True) -> "NerLexicon":
        """Build the lists from a loaded :class:`ActorDictionary` and :class:`Gazetteer`.

        With ``auto`` the lists induced from unlabelled news
        (:mod:`marsad.entities.induce`, ``data/ner_auto.tsv.gz`` when present)
        join ``names`` as ``auto_per``, ``auto_org``, ``auto_loc``, ``auto_misc``.
        """
        per, org, gpe = set(), set(), set()
        phrases: dict = {}
        labels = {"person": "PER", "org": "ORG", "country": "LOC", "gov": "LOC"}
        for pats in dictionary.patterns_.values():
            for p in pats:
                target = {"person": per, "org": org, "country": gpe, "gov": gpe, "adj": gpe}.get(p.kind)
                if target is not None and not p.ambiguous:
                    target.update(p.keys)
                    if p.kind in labels and len(p.keys) > 1:
                        phrases.setdefault(p.keys[0], []).append((p.keys, labels[p.kind]))
        loc = set()
        for keys, ids in gazetteer.names_.items():
            if any(gazetteer.places_[i].curated or gazetteer.places_[i].population >= 20000 for i in ids):
                if " ".join(keys) not in gazetteer.common_words_:
                    loc.update(keys)
                    if len(keys) > 1:
                        phrases.setdefault(keys[0], []).append((keys, "LOC"))
        import yaml

        from marsad.entities.clusters import load_clusters

        data = resources.files("marsad.entities").joinpath("data")
        kinds = yaml.safe_load(data.joinpath(NAMES_FILE).read_text("utf-8"))
        single: dict[str, set] = {}
        for kind, names in kinds.items():
            for name in names:
                keys = tuple(key(name).split())
                if len(keys) == 1:
                    single.setdefault(kind, set()).add(keys[0])
                elif keys:
                    phrases.setdefault(keys[0], []).append((keys, NAME_LABELS.get(kind, "MISC")))
        for v in phrases.values():
            v.sort(key=lambda kl: -len(kl[0]))
        stop = {"ال", "بن", "عبد", "ابو", "في", "من"}
        given = yaml.safe_load(data.joinpath("given_names.yaml").read_text("utf-8"))
        first = {key(n) for group in given.values() for n in group}
        names = {kind: frozenset(v) for kind, v in single.items()}
        if auto:
            from marsad.entities.induce import load_names

            names.update(load_names())
        return cls(frozenset(per - stop), frozenset(org - stop), frozenset(loc - stop), frozenset(gpe - stop),
                   frozenset(first), load_clusters(), phrases, dict(sorted(names.items())))


def document_features(sentences: list[list[str]], lexicon: NerLexicon | None = None) -> dict[str, set]:
    """Return what all occurrences of each word in a document say about it.

    Global features in the manner of Chieu & Ng (2002, "Named entity
    recognition: a maximum entropy approach using global information"): a
    surname alone is easier to tag when elsewhere in the article it follows
    a title or a first name.

    Parameters
    ----------
    sentences : list of list of str
        The tokenised sentences of one document.
    lexicon : NerLexicon, optional

    Returns
    -------
    dict of str to set of str
        Word stem to ``"d=..."`` features: after a person/place/organisation
        trigger, after a given name, seen with the article, seen more than once.
    """
    lex = lexicon or NerLexicon()
    out: dict[str, set] = {}
    seen: dict[str, int] = {}
    for toks in sentences:
        norms = [key(t) or t for t in toks]
        stems = [word_stem(n) for n in norms]
        for i, st in enumerate(stems):
            if len(st) < 3 or not WORD_RE.fullmatch(toks[i]):
                continue
            ev = out.setdefault(st, set())
            seen[st] = seen.get(st, 0) + 1
            if norms[i].startswith(DOC_ARTICLE_PREFIXES):
                ev.add("d=al")
            if i > 0:
                prev, prev_n = stems[i - 1], norms[i - 1]
                kinds = trigger_kinds(prev, prev_n)
                if kinds:
                    ev.add("d=" + kinds[0])
                if any(r in lex.first for r, _ in clitic_readings(prev_n)):
                    ev.add("d=first")
    for st, n in seen.items():
        if n > 1:
            out[st].add("d=many")
    return out


def _word_features(tok: str, lex: NerLexicon, rich: bool = False) -> tuple:
    """Return the features of one word on its own (cached per lexicon).

    ``rich`` adds one-letter affixes, the clitics stripped, and the
    organisation and MISC cue words. The commonest value of the shape
    (Arabic word) and of the clitics (none) is left unsaid: with the bias
    ``b`` the CRF can weigh it all the same, and each token carries five
    attributes fewer (docs/ner.md, "Follow-up 4").
    """
    n = key(tok) or tok
    st = word_stem(n)
    reads = [r for r, _ in clitic_readings(n)]
    f = [f"w={n}", f"st={st}", f"p2={st[:2]}", f"p3={st[:3]}", f"s2={st[-2:]}", f"s3={st[-3:]}"]
    shape = _shape(tok)
    if shape != "ar":
        f.append(f"sh={shape}")
    f.extend((f"len={min(len(st), 8)}", f"c0={n[:1]}", f"p4={st[:4]}", f"s4={st[-4:]}"))
    if len(st) > 3:
        f.extend(sorted({f"g={st[k:k + 3]}" for k in range(1, len(st) - 3)}))  # sorted: a fixed order
    if n.startswith(("ال", "وال", "بال", "لل", "فال", "كال")):
        f.append("al")
    if not lex.per.isdisjoint(reads):
        f.append("lex=per")
    if not lex.org.isdisjoint(reads):
        f.append("lex=org")
    if not lex.loc.isdisjoint(reads):
        f.append("lex=loc")
    if not lex.gpe.isdisjoint(reads):
        f.append("lex=gpe")
    if not lex.first.isdisjoint(reads):
        f.append("lex=first")
    cl = None
    for r in reads:
        cl = lex.clusters.get(r)
        if cl is not None:
            break
    if cl is not None:
        f.append(f"cf={cl[0]}")
        f.extend(f"cc{n}={c}" for n, c in enumerate(cl[1:]))
    f.extend("trig=" + kind for kind in trigger_kinds(st, n))
    if rich:
        f.extend((f"p1={st[:1]}", f"s1={st[-1:]}"))
        clitics = n[:len(n) - len(st)] if n.endswith(st) else "?"
        if clitics:
            f.append(f"cl={clitics}")
        if st in ORG_CUES or n in ORG_CUES or not ORG_CUES.isdisjoint(reads):
            f.append("trig=orgcue")
        if st in MISC_CUES or n in MISC_CUES or not MISC_CUES.isdisjoint(reads):
            f.append("trig=misc")
    for kind, words in lex.names.items():
        if not words.isdisjoint(reads):
            f.append(f"lex={kind}")
    return tuple(f)


def _cached_word_features(tok: str, lex: NerLexicon, rich: bool) -> tuple:
    """Return :func:`_word_features` of ``tok`` through the lexicon's bounded cache."""
    ck = tok if rich else "\0" + tok  # the two feature sets never share a cache entry
    f = lex.cache.get(ck)
    if f is None:
        if len(lex.cache) > 200_000:  # bounded: a long run meets ever new words
            lex.cache.clear()
        f = lex.cache[ck] = _word_features(tok, lex, rich)
    return f


def _lent_part(off: int, x: str) -> int:
    """Return where feature ``x`` (one of a word's own, past the sixth) goes in the word ``off`` places away.

    0: not lent; 1: lent before that word's phrase feature; 2: after it
    (the fine cluster and the clitics, lent to the next words only). The
    two coarser clusters (``cc0``, ``cc1``) go to the next words only: at
    ±2 they cost about three attributes a token for no gain (docs/ner.md,
    "Follow-up 4").
    """
    if abs(off) > 2:
        return 1 if x.startswith(("cc1", "trig")) else 0
    if x.startswith(("lex", "trig", "sh", "al", "ph")) or (abs(off) == 1 and x.startswith("cc")):
        return 1
    return 2 if off in (-1, 1) and x.startswith(("cf", "cl")) else 0


def _projection(off: int, nb: list[str]) -> tuple[list[str], list[str]]:
    """Return what a word with features ``nb`` lends the word ``off`` places away.

    Two parts, ``(before, after)``: :func:`token_features` puts the phrase
    features (``ph=``) of that word between them, so a caller that adds
    those per occurrence keeps the same order. The key and the stem are
    always lent; the rest as :func:`_lent_part` says.
    """
    before = [f"{off}:{nb[0]}", f"{off}:{nb[1]}"]
    after = []
    for x in nb[6:]:
        part = _lent_part(off, x)
        if part:
            (before if part == 1 else after).append(f"{off}:{x}")
    return before, after


def token_features(tokens: list[str], lexicon: NerLexicon | None = None,
                   doc: dict | None = None, context: int = 2, rich: bool = False) -> list[list[str]]:
    """Return CRF feature strings for each token of one sentence.

    Parameters
    ----------
    tokens : list of str
        Surface tokens of a sentence (words and punctuation).
    lexicon : NerLexicon, optional
    doc : dict, optional
        :func:`document_features` of the sentence's document.
    context : int, default 2
        Neighbours each side whose features are copied; beyond ±2 only the
        key, stem and coarse cluster.
    rich : bool, default False
        Add :func:`_word_features`' rich features and the next-word bigram.

    Returns
    -------
    list of list of str
        One feature list per token, ``"name=value"`` strings.
    """
    lex = lexicon or NerLexicon()
    base = []
    for tok in tokens:
        f = list(_cached_word_features(tok, lex, rich))
        if doc:
            f.extend(sorted(doc.get(f[1][3:], ())))
        base.append(f)
    if lex.phrases:
        _phrase_features(tokens, base, lex.phrases)
    out = []
    last = len(tokens) - 1
    for i, f in enumerate(base):
        feats = ["b"] + f
        if i > 0:
            feats.append(f"bi={base[i - 1][0][2:]}|{f[0][2:]}")
        if rich and i < last:
            feats.append(f"bn={f[1][3:]}|{base[i + 1][1][3:]}")
        for off in range(-context, context + 1):
            j = i + off
            if off == 0:
                continue
            if 0 <= j <= last:
                before, after = _projection(off, base[j])
                feats.extend(before)
                feats.extend(after)
            else:
                feats.append(f"{off}:pad")
        if i == 0:
            feats.append("bos")
        if i == last:
            feats.append("eos")
        out.append(feats)
    return out


def phrase_tags(norms: list[str], starts: list) -> list:
    """Return ``ph=B-X``/``ph=I-X`` per token inside a known multi-word name, else None (greedy, longest first).

    Parameters
    ----------
    norms : list of str
        Matching keys of a sentence's tokens.
    starts : list
        Per token, for each of its clitic readings that opens known names,
        the ``(keys, label)`` candidates of :attr:`NerLexicon.phrases`.

    Returns
    -------
    list of str or None
        Same length as ``norms``.
    """
    m = len(norms)
    ph: list = [None] * m
    i = 0
    while i < m:
        hit = None
        for cands in starts[i]:
            for keys, label in cands:
                n = len(keys)
                if norms[i + 1:i + n] == list(keys[1:]):
                    hit = (n, label)
                    break
            if hit:
                break
        if hit:
            n, label = hit
            ph[i] = f"ph=B-{label}"
            for k in range(i + 1, i + n):
                ph[k] = f"ph=I-{label}"
            i += n
        else:
            i += 1
    return ph


def _phrase_features(tokens: list[str], base: list[list[str]], phrases: dict) -> None:
    """Append :func:`phrase_tags` to the feature lists ``base`` of ``tokens``."""
    norms = [key(t) for t in tokens]
    starts = [[phrases[r] for r, _ in clitic_readings(n) if r in phrases] if n else [] for n in norms]
    for f, tag in zip(base, phrase_tags(norms, starts)):
        if tag is not None:
            f.append(tag)


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Return entity spans ``(start, end, type)`` (token indices, end exclusive) of a BIO sequence.

    An ``I-X`` that does not continue an ``X`` entity starts a new one.
    """
    spans, start, typ = set(), None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t.startswith("I-") and typ == t[2:]:
            continue
        if typ is not None:
            spans.add((start, i, typ))
            start, typ = None, None
        if t != "O":
            start, typ = i, t[2:]
    return spans


class NerTagger:
    """CRF named-entity tagger (fit/predict), optionally in two stacked passes.

    Parameters
    ----------
    model_path : str or Path, optional
        A trained CRFsuite model to load; defaults to the bundled
        ``data/ner.crfsuite`` when :meth:`predict` is called unfitted. A
        stacked model has its first pass beside it (:func:`pass1_path`).
    lexicon : NerLexicon, optional
        Word lists used as features; must be the same at training and
        prediction time (the stage builds it from the bundled data).
    c1, c2 : float, default 0.03, 0.01
        L1 and L2 regularisation (L1 keeps the model small).
    max_iterations : int, default 150
        L-BFGS iterations.
    min_freq : int, default 1
        Features seen fewer times are dropped.
    doc_size : int, default 20
        Sentences per document for :func:`document_features`: consecutive
        runs of this many sentences are read as one document (ANERcorp has
        no document boundaries; the stage passes one article at a time).
    context : int, default 2
        Neighbours each side in the features (:func:`token_features`).
        Feature settings are not stored in the model file: load a model
        with the settings it was trained with (the defaults for the bundled
        one).
    rich : bool, default True
        Use the rich word features (:func:`token_features`).
    stack : bool, default False
        Train a second CRF on the first one's labels of each word's window
        and of the same word elsewhere in the document
        (:func:`stacked_features`; Krishnan & Manning 2006, "An effective
        two-stage model for exploiting non-local dependencies in named
        entity recognition"). The first pass's labels on the training data
        come from ``stack_folds`` models each trained without that fold.
    stack_folds : int, default 4
        Folds (contiguous runs of documents) for those labels. The bundled
        model is single-pass: on the ANERcorp dev split its first pass alone
        scores micro F1 0.725 against 0.722 stacked, at twice the speed.
    list_dropout : float, default 0.5
        Share of training tokens whose induced-list features (``lex=auto_*``
        and their lent copies; :mod:`marsad.entities.induce`) are left out,
        chosen by a hash of the token's position (deterministic). The lists
        were made by a tagger trained on the same data, so without dropout
        the feature agrees with the gold label too often and the CRF leans
        on it instead of the context (docs/ner.md, follow-up 3). Training
        only; tagging keeps every feature.

    Attributes
    ----------
    tagger_ : pycrfsuite.Tagger
        Set by :meth:`fit` or :meth:`load` (the second pass when stacked).
    fast_ : marsad.entities.ner_fast.FastTagger or None
        How :meth:`predict` builds a single-pass model's features: the
        known attributes of :func:`token_features`, per word type, for
        python-crfsuite's tagger (None for a stacked model).
    pass1_ : pycrfsuite.Tagger or None
        The first pass of a stacked model.
    model_path_ : Path
        Where the fitted model lives.

    Examples
    --------
    >>> t = NerTagger()
    >>> t.predict([["قال", "الرئيس", "باراك", "أوباما"]])[0]
    ['O', 'O', 'B-PER', 'I-PER']
    """

    def __init__(self, model_path: str | Path | None = None, lexicon: NerLexicon | None = None,
                 c1: float = 0.03, c2: float = 0.01, max_iterations: int = 150, min_freq: int = 1,
                 doc_size: int = 20, context: int = 2, rich: bool = True, stack: bool = False,
                 stack_folds: int = 4, list_dropout: float = 0.5):
        self.model_path = model_path
        self.lexicon = lexicon
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations
        self.min_freq = min_freq
        self.doc_size = doc_size
        self.context = context
        self.rich = rich
        self.stack = stack
        self.stack_folds = stack_folds
        self.list_dropout = list_dropout

    def fit(self, sentences: list[list[str]], tags: list[list[str]],
            out_path: str | Path | None = None) -> "NerTagger":
        """Train on tokenised sentences; return ``self``.

        Parameters
        ----------
        sentences : list of list of str
        tags : list of list of str
            BIO tags, same shape as ``sentences``.
        out_path : str or Path, optional
            Where to write the model; a temporary file when omitted. A
            stacked model also writes its first pass to ``pass1_path(out_path)``.

        Raises
        ------
        UsageError
            If ``sentences`` is a string, empty, or shapes differ, or too
            few to stack (fewer than ``2 * stack_folds``).
        """
        if isinstance(sentences, str) or not sentences:
            raise UsageError("sentences must be a non-empty list of token lists")
        if len(sentences) != len(tags) or any(len(s) != len(t) for s, t in zip(sentences, tags)):
            raise UsageError("sentences and tags must have the same shape")
        feats = drop_list_features(self._features(sentences), self.list_dropout)
        self.pass1_ = None
        if self.stack:
            first = self._train(feats, tags, pass1_path(out_path) if out_path else None)
            labels = self._jackknife(feats, tags)
            feats = self._stacked(sentences, feats, labels)
            self.pass1_ = first.tagger_
        crf = self._train(feats, tags, out_path)
        self.crf_ = crf
        self.model_path_ = Path(crf.modelfile.name)
        self.tagger_ = crf.tagger_
        self.fast_ = self._fast_tagger()
        return self

    def _train(self, feats, tags, out_path):
        """Fit one sklearn-crfsuite CRF with this tagger's settings."""
        import sklearn_crfsuite

        crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=self.c1, c2=self.c2,
                                   max_iterations=self.max_iterations, min_freq=self.min_freq,
                                   all_possible_transitions=True,
                                   model_filename=str(out_path) if out_path else None,
                                   keep_tempfiles=True)
        crf.fit(feats, tags)
        return crf

    def _jackknife(self, feats, tags) -> list[list[str]]:
        """First-pass labels of the training sentences, each fold tagged by a model trained without it."""
        n_docs = -(-len(feats) // self.doc_size)
        if n_docs >= self.stack_folds:  # folds of whole documents
            cuts = [min(len(feats), round(n_docs * k / self.stack_folds) * self.doc_size)
                    for k in range(self.stack_folds + 1)]
        else:
            cuts = [round(len(feats) * k / self.stack_folds) for k in range(self.stack_folds + 1)]
        if len(feats) < 2 * self.stack_folds:
            raise UsageError(f"stacking with stack_folds={self.stack_folds} needs at least "
                             f"{2 * self.stack_folds} sentences, got {len(feats)}")
        labels: list[list[str]] = []
        for a, b in zip(cuts, cuts[1:]):
            crf = self._train(feats[:a] + feats[b:], tags[:a] + tags[b:], None)
            labels.extend(crf.tagger_.tag(f) if f else [] for f in feats[a:b])
            Path(crf.modelfile.name).unlink(missing_ok=True)  # a temporary file
        return labels

    def load(self) -> "NerTagger":
        """Open the model file (``model_path`` or the bundled one); return ``self``.

        A first-pass file beside it (:func:`pass1_path`) makes the model stacked.

        Raises
        ------
        DataFileError
            If the model file is missing or unreadable.
        """
        path = Path(self.model_path) if self.model_path else Path(
            str(resources.files("marsad.entities").joinpath("data", MODEL_NAME)))
        self.tagger_ = _open_model(path)
        p1 = pass1_path(path)
        self.pass1_ = _open_model(p1) if p1.is_file() else None
        self.model_path_ = path
        self.fast_ = self._fast_tagger()
        return self

    def _fast_tagger(self):
        """The exact fast path for a single-pass model (:mod:`marsad.entities.ner_fast`); None when stacked."""
        if getattr(self, "pass1_", None) is not None:
            return None
        from marsad.entities.ner_fast import FastTagger

        return FastTagger(self.tagger_, self.lexicon or NerLexicon(), self.context, self.rich)

    def predict(self, sentences: list[list[str]]) -> list[list[str]]:
        """Return BIO tags for each tokenised sentence.

        Parameters
        ----------
        sentences : list of list of str

        Returns
        -------
        list of list of str
            Same shape as ``sentences``.

        Raises
        ------
        TypeError
            If ``sentences`` is a bare string.
        """
        if isinstance(sentences, str):
            raise TypeError("expected a list of token lists, got str")
        if not hasattr(self, "tagger_"):
            self.load()
        fast = getattr(self, "fast_", None)
        if fast is not None:
            return fast.predict(sentences, self.doc_size)
        feats = self._features(sentences)
        if getattr(self, "pass1_", None) is not None:
            labels = [self.pass1_.tag(f) if f else [] for f in feats]
            feats = self._stacked(sentences, feats, labels)
        return [self.tagger_.tag(f) if f else [] for f in feats]

    def _features(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        """Feature lists of every sentence, with document features by runs of ``doc_size``."""
        out = []
        for a in range(0, len(sentences), self.doc_size):
            chunk = sentences[a:a + self.doc_size]
            doc = document_features(chunk, self.lexicon)
            out.extend(token_features(s, self.lexicon, doc, self.context, self.rich) for s in chunk)
        return out

    def _stacked(self, sentences, feats, labels) -> list[list[list[str]]]:
        """Second-pass features: ``feats`` plus :func:`stacked_features` by runs of ``doc_size``."""
        out = []
        for a in range(0, len(sentences), self.doc_size):
            b = a + self.doc_size
            extra = stacked_features(sentences[a:b], labels[a:b])
            out.extend([f + x for f, x in zip(fs, xs)] for fs, xs in zip(feats[a:b], extra))
        return out


def drop_list_features(feats: list[list[list[str]]], rate: float) -> list[list[list[str]]]:
    """Leave the induced-list features out of a deterministic share of tokens (in place).

    Parameters
    ----------
    feats : list of list of list of str
        Feature lists per sentence and token (:meth:`NerTagger._features`).
    rate : float
        Share of tokens, in [0, 1]; a token is picked when the CRC-32 of
        ``"sentence:token"`` modulo 1000 is below ``rate * 1000``.

    Returns
    -------
    list of list of list of str
        ``feats``, with every feature containing ``=auto_`` removed from the
        picked tokens.
    """
    if rate <= 0:
        return feats
    cut = rate * 1000
    for si, sent in enumerate(feats):
        for ti, f in enumerate(sent):
            if zlib.crc32(f"{si}:{ti}".encode()) % 1000 < cut:
                sent[ti] = [x for x in f if "=auto_" not in x]
    return feats


def pass1_path(path: str | Path) -> Path:
    """Return where a stacked model's first pass lives (``ner.crfsuite`` -> ``ner.pass1.crfsuite``)."""
    p = Path(path)
    return p.with_name(p.stem + ".pass1" + p.suffix)


def _open_model(path: Path):
    """Open a CRFsuite model file as a tagger; raise :class:`DataFileError` if it cannot be read."""
    import pycrfsuite

    if not path.is_file():
        raise DataFileError(f"[E332] NER model {path} not found; train it with `marsad train ner`")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as exc:
        raise DataFileError(f"[E333] NER model {path}: {exc}") from exc
    return tagger


def stacked_features(sentences: list[list[str]], labels: list[list[str]]) -> list[list[list[str]]]:
    """Return second-pass features from a first pass's labels over one document.

    Parameters
    ----------
    sentences : list of list of str
        The tokenised sentences of one document.
    labels : list of list of str
        First-pass BIO labels, same shape.

    Returns
    -------
    list of list of list of str
        Per token: the first-pass label of the word and of its neighbours at
        ±1 and ±2 (``s0=``, ``s-1=``...), the pair of the previous and the
        current label, and what the other occurrences of the same stem in the
        document were labelled (``sd=PER``, the majority as ``sdm=``; the
        document-level consistency of Krishnan & Manning 2006).
    """
    stems = [[word_stem(key(t) or t) for t in toks] for toks in sentences]
    votes: dict[str, dict[str, int]] = {}
    for sts, labs in zip(stems, labels):
        for st, lab in zip(sts, labs):
            if len(st) >= 3:
                v = votes.setdefault(st, {})
                typ = lab[2:] or "O"
                v[typ] = v.get(typ, 0) + 1
    out = []
    for sts, labs in zip(stems, labels):
        n = len(labs)
        sent = []
        for i, st in enumerate(sts):
            own = labs[i][2:] or "O"
            f = [f"s0={labs[i]}", f"s-1|0={labs[i - 1] if i else 'BOS'}|{labs[i]}"]
            f.extend(f"s{o}={labs[i + o] if 0 <= i + o < n else 'pad'}" for o in (-2, -1, 1, 2))
            v = votes.get(st)
            if v:
                others = {t: c - (t == own) for t, c in v.items() if c - (t == own) > 0}
                f.extend(f"sd={t}" for t in others)
                if others:
                    f.append(f"sdm={max(others, key=others.get)}|{own}")
            sent.append(f)
        out.append(sent)
    return out
