"""One event per happening: merging mentions within a sentence and an article.

Two coded mentions are one happening when they have the same type, their
participants, place, date, mode, source and casualty counts do not
disagree, and they share positive evidence: the same actor and recipient,
or, when one of them is in the headline, the same actor or recipient.
Two sources may report one happening, so the sources need not agree (the
merged event keeps the first one's). The merged event keeps every mention's trigger span in ``mentions`` and
takes each field from the most informative mention (the body over the
headline, explicit dates over publication dates).
"""

from __future__ import annotations

from marsad.doc import Entity, Event, Place


def entity_key(e: Entity | None) -> str | None:
    """Return a comparable key for an actor: its dictionary id, else country/sector/text."""
    if e is None:
        return None
    return e.actor_id or f"{e.country}:{e.sector}:{e.text}"


def _place_key(p: Place | None) -> str | None:
    if p is None:
        return None
    return str(p.geonameid) if p.geonameid is not None else p.text


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
    ka, kb = entity_key(a.actor), entity_key(b.actor)
    ra, rb = entity_key(a.recipient), entity_key(b.recipient)
    if not (_agree(ka, kb) and _agree(ra, rb)):
        return False
    if not (_agree(a.mode, b.mode) and _agree(_place_key(a.location), _place_key(b.location))):
        return False
    if not _agree(_date_of(a), _date_of(b)):
        return False
    for f in ("fatalities", "injuries", "arrests"):
        va, vb = getattr(a, f), getattr(b, f)
        if va and vb and va.get("value") != vb.get("value"):
            return False
    if loose:
        return True
    return ka is not None and ka == kb and (ra == rb)


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
            loose = k.trigger.start < headline_end or ev.trigger.start < headline_end
            if compatible(k, ev, loose=loose):
                if loose and not (entity_key(k.actor) and entity_key(k.actor) == entity_key(ev.actor)
                                  or entity_key(k.recipient) and entity_key(k.recipient) == entity_key(ev.recipient)):
                    continue
                target = k
                break
        if target is None:
            kept.append(ev)
        else:
            merged = absorb(target, ev)
            if merged is not target:
                kept[kept.index(target)] = merged
    return kept
