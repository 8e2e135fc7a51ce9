"""One event per happening: merging mentions within a sentence and an article.

Two coded mentions are one happening when they have the same type, their
participants, place, date, mode and casualty counts do not disagree, and
they share positive evidence: the same actor and recipient; a headline
mention needs no more than not disagreeing.
Two sources may report one happening, so the sources need not agree (the
merged event keeps the first one's). Descriptions ("المحتجين"، "المواطنين") agree when their country and sector
do, places when they share a GeoNames id or a name. The merged event keeps every mention's trigger span in ``mentions`` and
takes each field from the most informative mention (the body over the
headline, explicit dates over publication dates).
"""

from __future__ import annotations

from marsad.doc import Entity, Event, Place
from marsad.events.forms import fold


def entity_key(e: Entity | None) -> str | None:
    """Return a comparable key for an actor: its dictionary id, else country/sector/text."""
    if e is None:
        return None
    return e.actor_id or f"{e.country}:{e.sector}:{e.text}"


def _same_actor(a: Entity | None, b: Entity | None) -> bool:
    """Actors agree when either is missing, their keys match, or two descriptions share country and sector."""
    if a is None or b is None:
        return True
    if entity_key(a) == entity_key(b):
        return True
    described = a.source != "dictionary" or b.source != "dictionary"
    return described and (a.country, a.sector) == (b.country, b.sector) and a.sector is not None


def _same_place(a: Place | None, b: Place | None) -> bool:
    """Places agree when either is missing, or they share a GeoNames id or a name ("البصرة" city and province)."""
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return _bare(a.text) == _bare(b.text)


def _bare(text: str) -> str:
    t = fold(text)
    return t[2:] if t.startswith("ال") else t


def _date_of(ev: Event) -> str | None:
    return None if ev.date_inferred else ev.date


def _agree(a, b) -> bool:
    return a is None or b is None or a == b


def compatible(a: Event, b: Event, loose: bool = False) -> bool:
    """True when ``a`` and ``b`` can be mentions of one happening.

    Parameters
    ----------
    a, b : Event
    loose : bool, default False
        Accept a single shared participant (headline against body, or two
        triggers of one clause) instead of requiring both to agree.
    """
    if a.event_type != b.event_type:
        return False
    if (a.status == "negated") != (b.status == "negated"):
        return False
    if not (_same_actor(a.actor, b.actor) and _same_actor(a.recipient, b.recipient)):
        return False
    if not (_agree(a.mode, b.mode) and _same_place(a.location, b.location)):
        return False
    if not _agree(_date_of(a), _date_of(b)):
        return False
    for f in ("fatalities", "injuries", "arrests"):
        va, vb = getattr(a, f), getattr(b, f)
        if va and vb and va.get("value") != vb.get("value"):
            return False
    if loose:
        return True
    if a.actor is None or b.actor is None or (a.recipient is None) != (b.recipient is None):
        return False
    return _same_actor(a.actor, b.actor) and _same_actor(a.recipient, b.recipient)


def _score(ev: Event) -> int:
    return sum(x is not None for x in (ev.actor, ev.recipient, ev.location, ev.fatalities, ev.injuries,
                                       ev.arrests, ev.attributed_to, ev.mode)) + (0 if ev.date_inferred else 1)


def absorb(keep: Event, other: Event) -> Event:
    """Fold ``other`` into ``keep``: fill missing fields, add its mentions; return ``keep``."""
    if _score(other) > _score(keep):
        keep, other = other, keep
        keep.mentions = other.mentions + keep.mentions
    else:
        keep.mentions = keep.mentions + other.mentions
    if keep.mode is None and other.mode is not None:
        keep.mode, keep.cameo_root = other.mode, other.cameo_root
    for f in ("actor", "recipient", "location", "fatalities", "injuries", "arrests", "attributed_to"):
        if getattr(keep, f) is None and getattr(other, f) is not None:
            setattr(keep, f, getattr(other, f))
    if keep.date_inferred and not other.date_inferred:
        keep.date, keep.date_inferred = other.date, False
    if {keep.status, other.status} == {"planned", "reported"}:
        keep.status = "planned"
    keep.confidence = max(keep.confidence, other.confidence)
    keep.mentions.sort(key=lambda s: s.start)
    return keep


def merge_mentions(events: list[Event], headline_end: int = -1) -> list[Event]:
    """Merge mentions of one happening across an article, keeping order of first mention.

    Parameters
    ----------
    events : list of Event
        In text order, each with its own trigger in ``mentions``.
    headline_end : int, default -1
        Offset where the headline ends; events before it merge loosely.

    Returns
    -------
    list of Event
    """
    kept: list[Event] = []
    for ev in events:
        target = None
        for k in kept:
            # the headline summarises the article's main event: it merges with
            # the first body mention of that type that does not disagree
            loose = k.trigger.start < headline_end or ev.trigger.start < headline_end
            if compatible(k, ev, loose=loose):
                target = k
                break
        if target is None:
            kept.append(ev)
        else:
            merged = absorb(target, ev)
            if merged is not target:
                kept[kept.index(target)] = merged
    return kept
