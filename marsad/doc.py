"""The document model every stage reads and writes.

A :class:`Doc` holds one article's cleaned ``text``, which never changes after
reading, and the annotations stages add to it. Every annotation is a span: a
half-open pair of character offsets ``[start, end)`` into ``Doc.text`` (code
points, as Python slices them), in the spirit of spaCy's ``Doc``/``Span``.

The JSON shape produced by :meth:`Doc.to_record` is the output contract
documented in ``docs/contract.md`` and ``marsad/contract.schema.json``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from marsad.errors import OffsetError

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)
ENTITY_TYPES = ("PER", "ORG", "LOC", "GPE", "NORP", "MISC")
STATUSES = ("reported", "planned", "hypothetical", "negated")
QUALIFIERS = ("exact", "approx", "min", "max")
FEATURES = ("country", "admin1", "admin2", "city", "village", "region")


@dataclass(slots=True)
class Span:
    """A stretch of ``Doc.text``.

    Parameters
    ----------
    text : str
        Exactly ``doc.text[start:end]``.
    start, end : int
        Half-open code-point offsets into ``Doc.text``.
    """

    text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        """Return ``{"text", "start", "end"}``."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Token:
    """One segment of the text after clitic segmentation.

    Parameters
    ----------
    text, start, end
        The surface characters and their offsets. For a clitic-split word
        such as ``وبموسكو`` there are three tokens (``و``, ``ب``, ``موسكو``)
        whose spans tile the word.
    norm : str
        Matching form: alef/ya/ta-marbuta folded, diacritics and tatweel
        removed, digits as ASCII (see :mod:`marsad.text.normalize`).
    kind : str
        ``"word"``, ``"proclitic"``, ``"enclitic"``, ``"number"`` or ``"punct"``.
    stem : str
        Light stem of ``norm`` (article and affixes removed).
    lemma : str
        For verbs and verbal nouns, a lemma that matches across person,
        tense, voice and mood; otherwise the stem.
    word_index : int
        Index of the whitespace word this segment came from.
    """

    text: str
    start: int
    end: int
    norm: str
    kind: str = "word"
    stem: str = ""
    lemma: str = ""
    word_index: int = 0


@dataclass(slots=True)
class Quantity:
    """A number or counted amount found in the text.

    Parameters
    ----------
    text, start, end
        The whole expression, e.g. ``"أكثر من 50 آخرين"``.
    value : float or None
        The number (``None`` for vague plurals such as ``عشرات``).
    qualifier : str
        One of :data:`QUALIFIERS`.
    noun : str or None
        Normalised lemma of the counted noun (``"قتيل"``, ``"شخص"``,
        ``"صاروخ"``), when one is attached.
    noun_start, noun_end : int or None
        Offsets of the counted noun.
    """

    text: str
    start: int
    end: int
    value: float | None
    qualifier: str = "exact"
    noun: str | None = None
    noun_start: int | None = None
    noun_end: int | None = None


@dataclass(slots=True)
class TimeExpr:
    """A time expression resolved against the publication date.

    Parameters
    ----------
    value : str or None
        ISO 8601 (``2015-11-23``, ``2015-W48``, ``2015-12``, ``2015``,
        ``2015-11-19T18:00``); ``None`` when it cannot be resolved.
    granularity : str or None
        ``"datetime"``, ``"day"``, ``"part_of_day"``, ``"week"``, ``"month"``,
        ``"year"``.
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the contract's time object."""
        return asdict(self)


@dataclass(slots=True)
class Entity:
    """A mention of a person, organisation, group or place-as-actor.

    Parameters
    ----------
    type : str
        One of :data:`ENTITY_TYPES`.
    actor_id : str or None
        Id of the canonical actor in the actor dictionary (``"putin"``),
        or a composed id such as ``"RUS:MIL"`` for descriptions.
    label_en : str or None
        English label.
    country : str or None
        ISO 3166 alpha-3.
    sector : str or None
        PLOVER/CAMEO sector code (GOV, MIL, REB, OPP, CVL, IGO, NGO, MED...).
    wikidata : str or None
        Wikidata QID (``"Q7747"``).
    source : str
        What found it: ``"dictionary"``, ``"composed"``, ``"ner"``, ``"coref"``.
    rule : str or None
        Which rule filled in a code the text does not state (``"country:sentence"``
        for a description given its sentence's country, ``"alias:agree"`` for an
        alias whose candidates share their codes); None when the text states it.
        Evidence only, like ``source``: not part of the output contract.
    """

    text: str
    start: int
    end: int
    type: str
    actor_id: str | None = None
    label_en: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    source: str = "dictionary"
    rule: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the contract's entity object."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("source", "rule")}


@dataclass(slots=True)
class Place:
    """A place mention linked to the gazetteer.

    Parameters
    ----------
    geonameid : int or None
        GeoNames id, ``None`` for curated places GeoNames lacks.
    latitude, longitude : float or None
        WGS84 degrees.
    country_code : str or None
        ISO 3166 alpha-2.
    admin1 : str or None
        First-level division name (English).
    feature : str or None
        One of :data:`FEATURES`: how precise the place is.
    """

    text: str
    start: int
    end: int
    geonameid: int | None = None
    name_en: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the contract's place object."""
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One coded event (PLOVER).

    Parameters
    ----------
    event_id : str
        Stable id: ``doc_id`` + ``"-"`` + index within the article.
    event_type : str
        One of :data:`EVENT_TYPES`.
    mode : str or None
        PLOVER mode (``"aerial"``, ``"shelling"``, ``"meet"``...).
    cameo_root : str or None
        Two-digit CAMEO root code (``"19"``).
    actor, recipient, attributed_to : Entity or None
    trigger, sentence : Span
    location : Place or None
    date : str or None
        ISO 8601 date of the happening.
    date_inferred : bool
        True when ``date`` fell back to the publication date.
    status : str
        One of :data:`STATUSES`.
    fatalities, injuries, arrests : dict or None
        ``{"value": int|None, "qualifier": "exact"|"approx"|"min"|"max"}``.
    confidence : float
        0 to 1.
    rule : str
        Lexicon entry id or model name that produced the event.
    mentions : list of Span
        Every trigger span merged into this event (headline, restatements).
    """

    event_id: str
    event_type: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    cameo_root: str | None = None
    actor: Entity | None = None
    recipient: Entity | None = None
    location: Place | None = None
    date: str | None = None
    date_inferred: bool = False
    status: str = "reported"
    fatalities: dict | None = None
    injuries: dict | None = None
    arrests: dict | None = None
    attributed_to: Entity | None = None
    confidence: float = 0.5
    rule: str = ""
    mentions: list[Span] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Return the contract's event object."""
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, (Span, Entity, Place)):
                v = v.as_dict()
            elif f.name == "mentions":
                v = [m.as_dict() for m in v]
            out[f.name] = v
        return out


def make_doc_id(text: str) -> str:
    """Return the stable article id: first 16 hex digits of SHA-1 of ``text``."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Doc:
    """One article and its annotations.

    Parameters
    ----------
    text : str
        Cleaned article body (headline first when known). All offsets point
        here; it is never modified after construction.
    raw : str
        The input as read, before cleaning.
    title, url, source, published : str or None
        Metadata; ``published`` is ISO 8601 (``2015-11-21T21:59:00``).
    meta : dict
        Anything else carried from the input record (``id``, ``author``,
        ``input`` path, ``record_no``).
    """

    text: str
    raw: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str = "ar"
    meta: dict[str, Any] = field(default_factory=dict)
    doc_id: str = ""
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Doc.text must be str, got {type(self.text).__name__}")
        if not self.doc_id:
            self.doc_id = make_doc_id(self.text)

    def span(self, start: int, end: int) -> Span:
        """Return the :class:`Span` ``[start, end)`` of the text.

        Raises
        ------
        OffsetError
            If the offsets fall outside the text or ``start > end``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise OffsetError(f"[E001] span ({start}, {end}) outside text of length {len(self.text)}")
        return Span(self.text[start:end], start, end)

    def sentence_of(self, offset: int) -> Span | None:
        """Return the sentence span containing character ``offset``, or None."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def to_record(self) -> dict[str, Any]:
        """Return the article as a JSON-ready dict following the output contract."""
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "entities": [e.as_dict() for e in self.entities],
            "places": [p.as_dict() for p in self.places],
            "times": [t.as_dict() for t in self.times],
            "events": [e.as_dict() for e in self.events],
            "meta": self.meta,
        }
