"""Fast tagging with a trained CRFsuite model: features built once per word type.

:func:`marsad.entities.ner.token_features` builds some ninety feature
strings per token, most of them copies of a neighbour's features under an
offset prefix, and python-crfsuite then looks every one of them up, though
the model knows only about two in three. Here each word type's share is
worked out once and kept: its own features and what it lends a neighbour at
each offset, both restricted to the attributes the model knows. A token's
list is then a few list concatenations, and python-crfsuite's tagger scores
and decodes it as before.

The labels are the ones the full strings give: CRFsuite ignores attributes
its model does not know, and the known ones are passed in the order
:func:`~marsad.entities.ner.token_features` writes them (so the weights are
added in the same order).
"""

from __future__ import annotations

from marsad.entities.ner import (
    DOC_ARTICLE_PREFIXES,
    NerLexicon,
    _lent_part,
    _word_features,
    phrase_tags,
    trigger_kinds,
)
from marsad.entities.words import WORD_RE, clitic_readings, key


class FastTagger:
    """Tag with a single-pass CRFsuite model, building its known features per word type.

    Parameters
    ----------
    tagger : pycrfsuite.Tagger
        The opened model.
    lexicon : NerLexicon
        The lexicon the model was trained with.
    context : int, default 2
        Neighbours each side, as in :func:`~marsad.entities.ner.token_features`.
    rich : bool, default True
        The rich feature set, as in :func:`~marsad.entities.ner.token_features`.
    max_words : int, default 100000
        Word types kept before the cache is emptied (a long run meets ever
        new words).

    Attributes
    ----------
    known : frozenset of str
        The model's attribute names.
    words : dict of str to tuple
        Cached word types (see :meth:`_entry`).
    """

    def __init__(self, tagger, lexicon: NerLexicon, context: int = 2, rich: bool = True,
                 max_words: int = 100_000):
        self.tagger = tagger
        self.lexicon = lexicon
        self.context = context
        self.rich = rich
        self.max_words = max_words
        self.known = frozenset(tagger.info().attributes)
        self._name = {x: x for x in self.known}  # one string object per attribute, shared by all words
        self._shared: dict = {}  # small tuples many words have in common
        self.offsets = [o for o in range(-context, context + 1) if o]
        self._pad = {o: [f"{o}:pad"] if f"{o}:pad" in self.known else [] for o in self.offsets}
        # what a word may lend (see _lent_part): "lex=per" -> ((k, "-1:lex=per", part), ...), k the offset's index
        index = {str(o): k for k, o in enumerate(self.offsets)}
        lend: dict[str, list] = {}
        for name in self.known:
            head, sep, rest = name.partition(":")
            k = index.get(head) if sep else None
            if k is not None:
                part = _lent_part(self.offsets[k], rest)
                if part:
                    lend.setdefault(rest, []).append((k, name, part))
        self._lend = {rest: tuple(sorted(v)) for rest, v in lend.items()}
        self.words: dict[str, tuple] = {}

    def _entry(self, tok: str) -> tuple:
        """Return the cached parts of a word type, computing them on first sight.

        The entry is ``(norm, stem, own, lent, doc_info, phrase_starts, raw_key,
        cuts)``: ``own`` its known features after ``"b"``, ``lent`` per offset
        (in :attr:`offsets` order) the known projections, of which the first
        ``cuts[k]`` go before the phrase feature of an occurrence and the rest
        after it, ``doc_info`` what :func:`~marsad.entities.ner.document_features`
        reads. Tuples, and strings shared with the model's attribute set,
        keep a cached word under 1 KB (about 85 MB for a full cache).
        """
        e = self.words.get(tok)
        if e is not None:
            return e
        if len(self.words) >= self.max_words:
            self.words.clear()
        lex = self.lexicon
        f = list(_word_features(tok, lex, self.rich))
        n, st = f[0][2:], f[1][3:]
        name_of = self._name.get
        own = tuple(filter(None, map(name_of, ["b"] + f)))
        befores = [[x for x in (name_of(f"{off}:{f[0]}"), name_of(f"{off}:{f[1]}")) if x is not None]
                   for off in self.offsets]
        afters: list[list[str]] = [[] for _ in self.offsets]
        lend = self._lend.get
        for x in f[6:]:  # one look-up per feature for all offsets, each offset's list in feature order
            hits = lend(x)
            if hits is not None:
                for k, name, part in hits:
                    (befores[k] if part == 1 else afters[k]).append(name)
        lent = [tuple(b + a) for b, a in zip(befores, afters)]
        cuts = [len(b) for b in befores]
        kinds = trigger_kinds(st, n)
        trig = "d=" + kinds[0] if kinds else None
        # what document_features reads of the word, and of it as the previous word
        doc_info = (len(st) >= 3 and WORD_RE.fullmatch(tok) is not None, n.startswith(DOC_ARTICLE_PREFIXES), trig,
                    "lex=first" in f)
        doc_info = self._shared.setdefault(doc_info, doc_info)
        raw = key(tok)
        raw = n if raw == n else raw
        starts = tuple(lex.phrases[r] for r, _ in clitic_readings(raw) if r in lex.phrases) if raw and lex.phrases else ()
        cuts = tuple(cuts)
        e = self.words[tok] = (n, st, own, tuple(lent), doc_info, starts, raw, self._shared.setdefault(cuts, cuts))
        return e

    @staticmethod
    def _document(entries: list[list[tuple]]) -> dict[str, set]:
        """Return :func:`~marsad.entities.ner.document_features` of one document from its entries."""
        out: dict[str, set] = {}
        seen: dict[str, int] = {}
        for ws in entries:
            prev = None
            for w in ws:
                cand, al, _, _ = w[4]
                if cand:
                    st = w[1]
                    ev = out.setdefault(st, set())
                    seen[st] = seen.get(st, 0) + 1
                    if al:
                        ev.add("d=al")
                    if prev is not None:
                        if prev[4][2]:
                            ev.add(prev[4][2])
                        if prev[4][3]:
                            ev.add("d=first")
                prev = w
        for st, c in seen.items():
            if c > 1:
                out[st].add("d=many")
        return out

    @staticmethod
    def _phrases(ws: list[tuple]) -> list:
        """Per token the ``ph=`` feature of :func:`~marsad.entities.ner.phrase_tags`, or None."""
        return phrase_tags([w[6] for w in ws], [w[5] for w in ws])

    def features(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        """Return the known features of each token of one document's sentences.

        Parameters
        ----------
        sentences : list of list of str
            One document (a run of ``doc_size`` sentences).

        Returns
        -------
        list of list of list of str
            Per sentence and token: :func:`~marsad.entities.ner.token_features`
            with the attributes the model does not know left out, in the
            same order.
        """
        known, rich = self.known, self.rich
        entries = [[self._entry(t) for t in toks] for toks in sentences]
        doc = {st: [x for x in sorted(v) if x in known] for st, v in self._document(entries).items()}
        bos, eos = "bos" in known, "eos" in known
        out = []
        for ws in entries:
            last = len(ws) - 1
            ph = self._phrases(ws) if any(w[5] for w in ws) else None
            sent = []
            for i, w in enumerate(ws):
                feats = list(w[2])
                feats.extend(doc.get(w[1], ()))
                if ph is not None and ph[i] is not None and ph[i] in known:
                    feats.append(ph[i])
                if i > 0:
                    bi = f"bi={ws[i - 1][0]}|{w[0]}"
                    if bi in known:
                        feats.append(bi)
                if rich and i < last:
                    bn = f"bn={w[1]}|{ws[i + 1][1]}"
                    if bn in known:
                        feats.append(bn)
                for k, off in enumerate(self.offsets):
                    j = i + off
                    if j < 0 or j > last:
                        feats.extend(self._pad[off])
                    elif ph is None or ph[j] is None or abs(off) > 2:
                        feats.extend(ws[j][3][k])
                    else:
                        lent, cut = ws[j][3][k], ws[j][7][k]
                        feats.extend(lent[:cut])
                        x = f"{off}:{ph[j]}"
                        if x in known:
                            feats.append(x)
                        feats.extend(lent[cut:])
                if i == 0 and bos:
                    feats.append("bos")
                if i == last and eos:
                    feats.append("eos")
                sent.append(feats)
            out.append(sent)
        return out

    def predict(self, sentences: list[list[str]], doc_size: int) -> list[list[str]]:
        """Return BIO tags of each sentence, reading runs of ``doc_size`` sentences as documents.

        Parameters
        ----------
        sentences : list of list of str
        doc_size : int

        Returns
        -------
        list of list of str
            Same shape as ``sentences``; an empty sentence gets no tags.
        """
        tag = self.tagger.tag
        out: list[list[str]] = []
        for a in range(0, len(sentences), doc_size):
            out.extend(tag(f) if f else [] for f in self.features(sentences[a:a + doc_size]))
        return out
