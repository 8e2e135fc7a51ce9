"""Find place names in a tokenised article and link each to one gazetteer place.

Rules (ours): a curated place, a country, a GeoNames city of 300,000+
people in the Arab world and its neighbours, or of 1,000,000+ elsewhere, is a
place wherever its name stands. A name that is also a common word
(``places.yaml`` ``common_words``) needs a place word before it (مدينة، بلدة،
قرية، محافظة ...). A smaller GeoNames place needs a place word or the
tagger's LOC tag on exactly its words, a name of four letters or more, and
either 100,000 people or a country the article names. ``ريف X`` for a city X
not in the supplement becomes the region "X countryside" (the city's
coordinates, no GeoNames id).
``حماة`` followed by a definite noun (``حماة الوطن``) is not the city. Among
homonyms the article's countries, a division named next to the place
(``بحماة``، ``في ريف إدلب``), the place word and population decide
(:meth:`Gazetteer.choose`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from marsad.entities.gazetteer import Gazetteer, PlaceRecord
from marsad.entities.matcher import Match, NameIndex, Tok, name_starts
from marsad.entities.ner import bio_spans
from marsad.entities.words import key

BIG_CITY = 300_000
WORLD_CITY = 1_000_000
SMALL_CITY = 100_000
NEAR_REGION = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IR TR IL AF PK".split())
"""Arab League members and neighbours: their cities of 300,000+ count without a place word."""
ADMIN_WORDS = frozenset(key(w) for w in "محافظة ولاية إقليم محافظات".split())
CITY_WORDS = frozenset(key(w) for w in "مدينة بلدة العاصمة عاصمة ضاحية حي مخيم منطقة ناحية مدن بلدات ريف".split())
COUNTRYSIDE = key("ريف")
VILLAGE_WORDS = frozenset(key(w) for w in "قرية قرى".split())
LINK_WORDS = frozenset(key(w) for w in "في ريف قرب محيط شمال جنوب شرق غرب مدينة محافظة".split())
DIRECTIONS = frozenset(key(w) for w in (
    "الشمالي الجنوبي الشرقي الغربي الشمالية الجنوبية الشرقية الغربية الأوسط الوسطى "
    "المحتلة الكبرى الجديدة القديمة").split())


def _prev_word(toks: list[Tok], i: int) -> Tok | None:
    k = i - 1
    while k >= 0 and not toks[k].is_word and toks[k].text in '"\'«»(':
        k -= 1
    return toks[k] if k >= 0 and toks[k].is_word else None


_TRIGGERS: dict[str, str | None] = {}


def place_trigger(toks: list[Tok], m: Match) -> str | None:
    """Return ``"admin"``, ``"city"``, ``"village"`` or None from the word before a place.

    The answer depends on that word's key only and is remembered per key.
    """
    prev = _prev_word(toks, m.i)
    if prev is None:
        return None
    try:
        return _TRIGGERS[prev.norm]
    except KeyError:
        pass
    if len(_TRIGGERS) >= 100_000:
        _TRIGGERS.clear()
    found = _TRIGGERS[prev.norm] = _trigger_of(prev)
    return found


def _trigger_of(prev: Tok) -> str | None:
    """Return the place word kind of the word ``prev`` (see :func:`place_trigger`)."""
    forms = {r for r, _, _ in prev.readings}
    if forms & ADMIN_WORDS:
        return "admin"
    if forms & VILLAGE_WORDS:
        return "village"
    if forms & CITY_WORDS:
        return "city"
    return None


class PlaceFinder:
    """Finds and links the places of one article.

    Parameters
    ----------
    gazetteer : Gazetteer
        Loaded.
    """

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        first = gazetteer.first_
        self._lookup = lambda k: ((keys, keys) for keys in first.get(k, ()))
        self._may_name: dict[str, bool] = {}
        self._index = NameIndex(self._lookup, first)
        self._cands: dict[tuple, tuple] = {}

    def _candidates_of(self, keys: tuple) -> tuple[PlaceRecord, ...]:
        """Return :meth:`Gazetteer.candidates` of ``keys``, remembered (up to 100,000 names, then emptied)."""
        found = self._cands.get(keys)
        if found is None:
            if len(self._cands) >= 100_000:
                self._cands.clear()
            found = self._cands[keys] = tuple(self.gazetteer.candidates(keys))
        return found

    def candidates(self, text: str, toks: list[Tok], blocked: set[int]) -> list[tuple[Match, tuple]]:
        """Return non-overlapping name hits, longest first at each token.

        Parameters
        ----------
        blocked : set of int
            Token indices covered by a person or organisation name.

        Returns
        -------
        list of (Match, tuple of PlaceRecord)
            Each hit with the places of that name (shared between calls:
            not to be changed).
        """
        out, i = [], 0
        first = self.gazetteer.first_
        for k in name_starts(toks, first, self._may_name):
            if k < i:
                continue
            found = self._index.longest_at(text, toks, k)
            found = [(m, keys) for m, keys in found if blocked.isdisjoint(range(m.i, m.j))]
            if found:
                m, keys = found[0]
                out.append((m, self._candidates_of(keys)))
                i = m.j
        return out

    def admin_after(self, text: str, toks: list[Tok], m: Match) -> PlaceRecord | None:
        """Return a division or region named just after a place (``بحماة``، ``في ريف إدلب``)."""
        j = m.j
        for _ in range(3):
            if j >= len(toks) or not toks[j].is_word:
                return None
            found = self._index.longest_at(text, toks, j)
            if found:
                hit, keys = found[0]
                if hit.stripped in ("", "ب", "وب") or toks[j - 1].norm in LINK_WORDS:
                    return self.gazetteer.admin_of(keys)
            if not any(r in LINK_WORDS for r, _, _ in toks[j].readings):
                return None
            j += 1
        return None

    def keep(self, toks: list[Tok], m: Match, cands: list[PlaceRecord], loc_spans: set,
             countries: Counter) -> bool:
        """Return True when a name hit should count as a place (guards against common words).

        Parameters
        ----------
        loc_spans : set of (int, int)
            Token ranges the tagger labelled LOC; only an exact match
            supports a name (``جبل`` inside ``جبل طارق`` does not).
        countries : Counter
            Alpha-2 codes the article names; a small place abroad needs one.
        """
        name = " ".join(m.keys)
        trigger = place_trigger(toks, m)
        tagged = (m.i, m.j) in loc_spans
        if name in self.gazetteer.homographs_ and m.j < len(toks) and toks[m.j].is_word:
            nxt = toks[m.j]
            if nxt.norm.startswith("ال") and nxt.norm not in DIRECTIONS and trigger is None \
                    and not self.gazetteer.first_.get(nxt.norm):
                return False
        if name in self.gazetteer.common_words_:
            return trigger is not None
        if name in self.gazetteer.ambiguous_:  # مالي "financial": the country needs support
            cands = [p for p in cands if p.feature != "country"]
        if any(p.curated or p.population >= WORLD_CITY
               or (p.population >= BIG_CITY and p.country_code in NEAR_REGION) for p in cands):
            return True
        if len(name.replace(" ", "")) < 4 or not (trigger is not None or tagged):
            return False
        return any(countries.get(p.country_code) or p.population >= SMALL_CITY for p in cands)

    def find(self, text: str, toks: list[Tok], tags: list[str], blocked: set[int],
             countries: Counter, spans: set | None = None) -> list[tuple[Match, PlaceRecord]]:
        """Return linked places in text order.

        Parameters
        ----------
        text : str
        toks : list of Tok
        tags : list of str
            Tagger BIO tags per token.
        blocked : set of int
            Token indices inside person/organisation names.
        countries : Counter
            Alpha-2 codes of countries the article names (updated in place
            with the countries of unambiguous places).
        spans : set of (int, int, str), optional
            ``bio_spans(tags)`` when the caller has it already.
        """
        loc_spans = {(i, j) for i, j, typ in (bio_spans(tags) if spans is None else spans) if typ == "LOC"}
        hits = []
        for m, cands in self.candidates(text, toks, blocked):
            if place_trigger(toks, m) != "admin":  # a division only after محافظة/ولاية
                cands = [p for p in cands if p.feature != "admin1"]
            if cands:
                hits.append((m, cands))
        for m, cands in hits:
            if len({p.country_code for p in cands}) == 1 and any(
                    p.curated or p.population >= BIG_CITY for p in cands):
                countries[cands[0].country_code] += 1
        hits = [(m, c) for m, c in hits if self.keep(toks, m, c, loc_spans, countries)]
        out = []
        for m, cands in hits:
            best = self.gazetteer.choose(cands, countries, self.admin_after(text, toks, m),
                                         place_trigger(toks, m), " ".join(m.keys) in self.gazetteer.ambiguous_)
            if best is not None:
                out.append(self._countryside(text, toks, m, best))
        return out

    def _countryside(self, text: str, toks: list[Tok], m: Match, rec: PlaceRecord) -> tuple[Match, PlaceRecord]:
        """Widen ``ريف X`` (X a city) to a region place "X countryside" at the city's position."""
        prev = _prev_word(toks, m.i)
        if rec.feature not in ("city", "village") or prev is None or prev is not toks[m.i - 1]:
            return m, rec
        for k, start, _ in prev.readings:
            if k == COUNTRYSIDE:
                region = replace(rec, place_id=rec.place_id + ":countryside", geonameid=None,
                                 name_en=f"{rec.name_en} countryside", feature="region")
                return m._replace(i=m.i - 1, start=start), region
        return m, rec
