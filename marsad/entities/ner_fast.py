"""Exact fast tagging with a trained CRFsuite model: attribute ids, NumPy scores and Viterbi.

python-crfsuite spends most of a tagging call turning feature strings into
attribute ids, and :func:`marsad.entities.ner.token_features` spends more
building strings the model never saw. Here each word type's contribution is
worked out once: its own features as one partial sum of weights, and what
it lends each neighbour as the model's attribute ids. A sentence's state
scores are then gathered and summed in NumPy, and decoded by Viterbi.

The labels are the ones CRFsuite gives, not an approximation: CRFsuite's
tagger (``crf1d_tag.c``) adds each item's attribute weights one after the
other in the item's order, and its Viterbi (``crf1d_context.c``) keeps the
first best predecessor; both are repeated here in the same order in
float64, with the weights read from the model file itself (its dump prints
only six decimals). Attributes the model does not know add nothing in
CRFsuite, so they are left out.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.entities.ner import (
    LOC_TRIGGERS,
    ORG_TRIGGERS,
    PER_TRIGGERS,
    NerLexicon,
    _word_features,
)
from marsad.entities.words import WORD_RE, clitic_readings, key
from marsad.errors import DataFileError

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_AL_DOC = ("ال", "وال", "بال", "لل")
_DOC_WIDTH = 6  # d=al, d=per, d=loc, d=org, d=first, d=many


@dataclass
class CrfModel:
    """The weights of a linear-chain CRFsuite model (``FOMC`` type, file version 100).

    Parameters
    ----------
    labels : list of str
        Label names by id.
    attributes : dict of str to int
        Attribute name to id.
    state : ndarray of shape (n_attributes + 1, n_labels)
        State-feature weights by attribute id; the last row is zeros (the
        id :attr:`zero` stands for "no attribute").
    trans : ndarray of shape (n_labels, n_labels)
        Transition weights, ``trans[i, j]`` from label ``i`` to ``j``.
    """

    labels: list
    attributes: dict
    state: np.ndarray
    trans: np.ndarray

    @property
    def zero(self) -> int:
        """The id of the all-zero weight row."""
        return len(self.state) - 1


def read_model(path: str | Path, tagger) -> CrfModel:
    """Read a CRFsuite model's names (from ``tagger``'s dump) and exact weights (from the file).

    Parameters
    ----------
    path : str or Path
        The model file ``tagger`` was opened on.
    tagger : pycrfsuite.Tagger
        The opened model; its :meth:`info` gives label and attribute names.

    Returns
    -------
    CrfModel

    Raises
    ------
    DataFileError
        If the file is not a CRFsuite linear-chain model (magic ``lCRF``,
        type ``FOMC``) or its counts disagree with the dump. The layout
        (48-byte header, a ``FEAT`` chunk of 20-byte type/src/dst/weight
        records) is CRFsuite's ``crf1d_model.c``.
    """
    raw = Path(path).read_bytes()
    if len(raw) < _HEADER.size:
        raise DataFileError(f"[E334] NER model {path}: too short for a CRFsuite header")
    magic, _, mtype, _, _, n_labels, n_attrs, off_features, *_ = _HEADER.unpack_from(raw, 0)
    chunk, _, n_features = _CHUNK.unpack_from(raw, off_features)
    if magic != b"lCRF" or mtype != b"FOMC" or chunk != b"FEAT":
        raise DataFileError(f"[E334] NER model {path}: not a CRFsuite linear-chain model")
    feats = np.frombuffer(raw, _FEATURE, n_features, off_features + _CHUNK.size)
    info = tagger.info()
    labels = [None] * n_labels
    for name, i in info.labels.items():
        labels[int(i)] = name
    attributes = {name: int(i) for name, i in info.attributes.items()}
    if len(attributes) != n_attrs or None in labels:
        raise DataFileError(f"[E334] NER model {path}: the dump disagrees with the header")
    state = np.zeros((n_attrs + 1, n_labels))
    trans = np.zeros((n_labels, n_labels))
    s, t = feats[feats["type"] == 0], feats[feats["type"] == 1]
    state[s["src"], s["dst"]] = s["weight"]
    trans[t["src"], t["dst"]] = t["weight"]
    return CrfModel(labels, attributes, state, trans)


def viterbi(scores: list[np.ndarray], trans: np.ndarray) -> list[np.ndarray]:
    """Return the best label ids of each sentence, as CRFsuite's Viterbi finds them.

    Parameters
    ----------
    scores : list of ndarray of shape (n_tokens, n_labels)
        State scores of each sentence (none empty).
    trans : ndarray of shape (n_labels, n_labels)

    Returns
    -------
    list of ndarray of int
        Label ids per token; ties go to the lowest label id, as in
        ``crf1dc_viterbi``.
    """
    if not scores:
        return []
    lens = np.array([len(s) for s in scores])
    b, n, n_labels = len(scores), int(lens.max()), trans.shape[0]
    alpha = np.zeros((n, b, n_labels))  # time first: each step reads and writes one block
    for k, s in enumerate(scores):
        alpha[:len(s), k] = s
    back = np.zeros((n, b, n_labels), dtype=np.intp)
    to_from = np.ascontiguousarray(trans.T)  # [to, from]
    cand = np.empty((b, n_labels, n_labels))
    flat = cand.reshape(-1)
    base = np.arange(b * n_labels).reshape(b, n_labels) * n_labels
    for t in range(1, n):
        np.add(alpha[t - 1, :, None, :], to_from, out=cand)  # (b, to, from)
        cand.argmax(axis=2, out=back[t])
        alpha[t] += flat.take(base + back[t])  # the best value itself (cheaper than max())
    rows = np.arange(b)
    labels = np.zeros((n, b), dtype=np.intp)
    labels[lens - 1, rows] = alpha[lens - 1, rows].argmax(axis=1)
    for t in range(n - 2, -1, -1):
        active = t < lens - 1
        labels[t, active] = back[t + 1, rows[active], labels[t + 1, active]]
    return [labels[:m, k] for k, m in enumerate(lens)]


class _Table:
    """A growing int32 table with one column per word type, padded with a filler id.

    Stored column-wise (``ids[:, types]`` gathers a block of rows, each
    contiguous) and grown by doubling. At the cache's 200,000 word types the
    four neighbour tables of the bundled model take about 60 MB.
    """

    def __init__(self, fill: int):
        self.fill = fill
        self.ids = np.full((0, 1024), fill, dtype=np.int32)

    def put(self, start: int, rows: list[list[int]]) -> None:
        """Write ``rows`` for the types ``start, start + 1, ...``, growing the table as needed."""
        r, end = self.ids, start + len(rows)
        width = max(map(len, rows), default=0)
        if not width and not len(r):  # nothing lent this way yet: no rows to gather
            return
        if end > r.shape[1] or width > len(r):
            grown = np.full((max(len(r), width), max(r.shape[1], 2 * end)), self.fill, dtype=np.int32)
            grown[:len(r), :r.shape[1]] = r
            self.ids = r = grown
        if width:
            fill = [self.fill] * width
            r[:width, start:end] = np.array([row + fill[len(row):] for row in rows], dtype=np.int32).T


class FastTagger:
    """Tag with a single-pass CRFsuite model exactly as python-crfsuite would, but faster.

    Builds the features of :func:`marsad.entities.ner.token_features`
    (document features by runs of sentences included) as attribute ids,
    keeps only those the model knows, and decodes with :func:`viterbi`.

    Parameters
    ----------
    model : CrfModel
        The model's weights (:func:`read_model`).
    lexicon : NerLexicon
        The lexicon the model was trained with.
    context : int, default 2
        Neighbours each side, as in :func:`token_features`.
    rich : bool, default True
        The rich feature set, as in :func:`token_features`.
    max_words : int, default 200000
        Word types kept before the cache is emptied (a long run meets ever
        new words).
    """

    def __init__(self, model: CrfModel, lexicon: NerLexicon, context: int = 2, rich: bool = True,
                 max_words: int = 200_000):
        self.model = model
        self.lexicon = lexicon
        self.context = context
        self.rich = rich
        self.max_words = max_words
        self.offsets = [o for o in range(-context, context + 1) if o]
        attrs, zero = model.attributes, model.zero
        self._b = attrs.get("b", zero)
        self._bos, self._eos = attrs.get("bos", zero), attrs.get("eos", zero)
        # "-1:lex=per" -> lent[-1]["lex=per"]: what a word lends a neighbour, by the
        # neighbour's offset. Only projections of token_features start with "<offset>:",
        # so a known one is one token_features would have made.
        self._lent: dict[int, dict[str, int]] = {o: {} for o in self.offsets}
        names = {str(o): o for o in self.offsets}
        for name, i in attrs.items():
            head, sep, rest = name.partition(":")
            if sep and head in names:
                self._lent[names[head]][rest] = i
        # feature -> [(slot, id)]: slot 2k holds what is lent at offsets[k] before the
        # neighbour's phrase feature, 2k + 1 what comes after it (cf/cl at +-1)
        self._lend: dict[str, list] = {}
        for k, o in enumerate(self.offsets):
            for x, i in self._lent[o].items():
                after = o in (-1, 1) and x.startswith(("cf", "cl"))
                self._lend.setdefault(x, []).append((2 * k + after, i))
        # feature -> (its own id or None, what it lends): one look-up per feature of a new
        # word. Only the key, the stem and f[6:] are lent, and no "<offset>:p2=..." is known.
        self._known = {x: (i, ()) for x, i in attrs.items()}
        for x, slots in self._lend.items():
            self._known[x] = (attrs.get(x), tuple(slots))
        # "bi=a|b" -> bigrams["bi"][a][b]; a key may itself be "|", so every split is
        # kept: each one rebuilds the same attribute string.
        self._bigrams: dict[str, dict[str, dict[str, int]]] = {"bi": {}, "bn": {}}
        for name, i in attrs.items():
            head, sep, rest = name.partition("=")
            if sep and head in self._bigrams:
                for k, ch in enumerate(rest):
                    if ch == "|":
                        self._bigrams[head].setdefault(rest[:k], {})[rest[k + 1:]] = i
        self._ph_codes: dict[str, int] = {}
        self._ph_ids = {o: [zero] for o in [0] + self.offsets}
        self._reset()

    def _reset(self) -> None:
        """Empty the word-type cache; type 0 is the padding beyond a sentence's ends."""
        zero = self.model.zero
        self.words: dict[str, tuple] = {}
        self._own = np.zeros((1024, len(self.model.labels)))
        self._before = {o: _Table(zero) for o in self.offsets}
        self._after = {o: _Table(zero) for o in self.offsets}
        for o in self.offsets:
            self._before[o].put(0, [[self._lent[o].get("pad", zero)]])
        self._n_types = 1
        self._pending: list[tuple] = []

    def _new(self, tok: str) -> tuple:
        """Add a word type to the cache and return its entry.

        The entry is ``(type, norm, stem, doc_info, phrase_starts, raw_key,
        next_norms, next_stems)``, the last two the known bigram attributes
        starting with this word (dicts or None). Its weights reach the
        tables at the next :meth:`_flush`.
        """
        lex = self.lexicon
        f = _word_features(tok, lex, self.rich)
        n, st = f[0][2:], f[1][3:]
        t = self._n_types
        self._n_types += 1
        own = [self._b]
        lent = [[] for _ in range(2 * len(self.offsets))]
        for v in filter(None, map(self._known.get, f)):  # in feature order
            if v[0] is not None:
                own.append(v[0])
            for slot, i in v[1]:
                lent[slot].append(i)
        self._pending.append((own, lent))
        cand = len(st) >= 3 and WORD_RE.fullmatch(tok) is not None
        if st in PER_TRIGGERS or n in PER_TRIGGERS:
            trig = "d=per"
        elif st in LOC_TRIGGERS or n in LOC_TRIGGERS:
            trig = "d=loc"
        elif st in ORG_TRIGGERS or n in ORG_TRIGGERS:
            trig = "d=org"
        else:
            trig = None
        first = "lex=first" in f  # the same test as document_features'
        raw = key(tok)
        starts = [lex.phrases[r] for r, _ in clitic_readings(raw) if r in lex.phrases] if raw else []
        entry = (t, n, st, (cand, n.startswith(_AL_DOC), trig, first), starts, raw,
                 self._bigrams["bi"].get(n), self._bigrams["bn"].get(st))
        self.words[tok] = entry
        return entry

    def _flush(self) -> None:
        """Write the pending word types' own sums and lent ids into the tables, in one go."""
        pend, self._pending = self._pending, []
        start, end = self._n_types - len(pend), self._n_types
        if end > len(self._own):
            grown = np.zeros((2 * end, self._own.shape[1]))
            grown[:len(self._own)] = self._own
            self._own = grown
        width = max(len(own) for own, _ in pend)
        fill = [self.model.zero] * width
        ids = np.array([own + fill[len(own):] for own, _ in pend], dtype=np.intp)
        # added one after the other in item order, as CRFsuite adds (zeros change nothing)
        self._own[start:end] = self.model.state[ids].cumsum(axis=1)[:, -1]
        for k, off in enumerate(self.offsets):
            self._before[off].put(start, [lent[2 * k] for _, lent in pend])
            self._after[off].put(start, [lent[2 * k + 1] for _, lent in pend])

    @staticmethod
    def document(entries: list[list[tuple]]) -> dict[str, set]:
        """Return :func:`marsad.entities.ner.document_features` from cached word entries."""
        out: dict[str, set] = {}
        seen: dict[str, int] = {}
        for ws in entries:
            prev = None
            for w in ws:
                cand, al, _, _ = w[3]
                if cand:
                    st = w[2]
                    ev = out.setdefault(st, set())
                    seen[st] = seen.get(st, 0) + 1
                    if al:
                        ev.add("d=al")
                    if prev is not None:
                        if prev[3][2]:
                            ev.add(prev[3][2])
                        if prev[3][3]:
                            ev.add("d=first")
                prev = w
        for st, c in seen.items():
            if c > 1:
                out[st].add("d=many")
        return out

    @staticmethod
    def phrases(ws: list[tuple]) -> list:
        """Per token the ``ph=`` feature of :func:`marsad.entities.ner._phrase_features`, or None."""
        m = len(ws)
        ph: list = [None] * m
        i = 0
        for k in [k for k, w in enumerate(ws) if w[4]]:
            if k < i or k + 1 == m:
                continue
            i = k
            hit = None
            nxt = ws[i + 1][5]
            for cands in ws[i][4]:
                for keys, label in cands:
                    n = len(keys)
                    if keys[1] == nxt and i + n <= m and all(ws[i + j][5] == keys[j] for j in range(2, n)):
                        hit = (n, label)
                        break
                if hit:
                    break
            if hit:
                n, label = hit
                ph[i] = f"ph=B-{label}"
                for j in range(i + 1, i + n):
                    ph[j] = f"ph=I-{label}"
                i += n
        return ph

    def _ph_code(self, feat: str | None) -> int:
        """A small code for a ``ph=`` feature (0 for none), with its ids at each offset."""
        if feat is None:
            return 0
        c = self._ph_codes.get(feat)
        if c is None:
            c = self._ph_codes[feat] = len(self._ph_codes) + 1
            self._ph_ids[0].append(self.model.attributes.get(feat, self.model.zero))
            for o in self.offsets:
                self._ph_ids[o].append(self._lent[o].get(feat, self.model.zero) if abs(o) <= 2 else self.model.zero)
        return c

    def scores(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Return the state scores of each token of one document's sentences.

        Parameters
        ----------
        sentences : list of list of str
            One document (a run of ``doc_size`` sentences), none empty.

        Returns
        -------
        list of ndarray of shape (n_tokens, n_labels)
            What CRFsuite's ``crf1dt_state_score`` computes for each sentence.
        """
        if len(self.words) > self.max_words:
            self._reset()
        cache, zero = self.words, self.model.zero
        get = cache.get
        entries = []
        for toks in sentences:
            ws = [get(t) for t in toks]
            if None in ws:
                ws = [w if w is not None else self._new(t) for t, w in zip(toks, ws)]
            entries.append(ws)
        if self._pending:
            self._flush()
        flat = [w for ws in entries for w in ws]
        lens = np.array([len(ws) for ws in entries])
        ends = np.cumsum(lens)
        starts = ends - lens
        n_tok = len(flat)
        # the document features of each stem, as rows of a small table (row 0: none)
        attrs = self.model.attributes
        doc_rows, doc_index = [[zero] * _DOC_WIDTH], {}
        for st, v in self.document(entries).items():
            row = [attrs[x] for x in sorted(v) if x in attrs]  # token_features' order
            if row:
                doc_index[st] = len(doc_rows)
                doc_rows.append(row + [zero] * (_DOC_WIDTH - len(row)))
        doc_get = doc_index.get
        doc_col = np.array(doc_rows, dtype=np.intp)[[doc_get(w[2], 0) for w in flat]].T
        # bigram features: a word's dict of known next words (None for most words)
        bi = np.array([zero] + [p[6].get(w[1], zero) if p[6] else zero for p, w in zip(flat, flat[1:])],
                      dtype=np.intp)
        bi[starts] = zero
        if self.rich:
            bn = np.array([p[7].get(w[2], zero) if p[7] else zero for p, w in zip(flat, flat[1:])] + [zero],
                          dtype=np.intp)
            bn[ends - 1] = zero
        else:
            bn = np.full(n_tok, zero, dtype=np.intp)
        codes = np.zeros(n_tok, dtype=np.intp)
        if self.lexicon.phrases:
            for k, ws in enumerate(entries):
                if any(w[4] for w in ws):
                    for i, feat in enumerate(self.phrases(ws)):
                        if feat is not None:
                            codes[starts[k] + i] = self._ph_code(feat)
        types = np.fromiter((w[0] for w in flat), dtype=np.intp, count=n_tok)
        ph0 = np.asarray(self._ph_ids[0], dtype=np.intp)
        blocks = [doc_col, ph0[codes][None], bi[None], bn[None]]
        where = np.arange(n_tok)
        first = np.repeat(starts, lens)
        last = np.repeat(ends - 1, lens)
        for off in self.offsets:
            j = where + off
            inside = (j >= first) & (j <= last)
            j = np.where(inside, j, 0)
            nb = np.where(inside, types[j], 0)  # type 0: beyond the sentence ("pad")
            blocks.append(self._before[off].ids[:, nb])  # never empty: type 0 holds "pad"
            if abs(off) <= 2:
                blocks.append(np.asarray(self._ph_ids[off], dtype=np.intp)[np.where(inside, codes[j], 0)][None])
            after = self._after[off].ids
            if len(after):  # (at +-2 nothing comes after the phrase feature)
                blocks.append(after[:, nb])
        bos = np.full(n_tok, zero, dtype=np.intp)
        bos[starts] = self._bos
        eos = np.full(n_tok, zero, dtype=np.intp)
        eos[ends - 1] = self._eos
        blocks += [bos[None], eos[None]]
        gathered = self.model.state[np.concatenate(blocks)]  # (columns, tokens, labels)
        total = self._own[types]
        for col in gathered:  # one attribute at a time, in CRFsuite's order (zeros change nothing)
            total += col
        return np.split(total, ends[:-1])

    def predict(self, sentences: list[list[str]], doc_size: int) -> list[list[str]]:
        """Return BIO tags of each sentence, reading runs of ``doc_size`` sentences as documents.

        Parameters
        ----------
        sentences : list of list of str
        doc_size : int

        Returns
        -------
        list of list of str
            Same shape as ``sentences``.
        """
        scores = []
        for a in range(0, len(sentences), doc_size):
            chunk = [s for s in sentences[a:a + doc_size] if s]
            if chunk:
                scores.extend(self.scores(chunk))
        names = self.model.labels
        best = iter(viterbi(scores, self.model.trans))
        return [[names[y] for y in next(best)] if s else [] for s in sentences]
