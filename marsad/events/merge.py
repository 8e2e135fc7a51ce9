"""One event per happening: merging mentions within a sentence and an article.

Two coded mentions are one happening when they have the same type, their
participants, place, date, mode and casualty counts do not disagree, and
they share positive evidence: the same actor and recipient; a headline
mention needs no more than not disagreeing.
A violent or coercive happening is often told twice in one article: once
from the victims' side with no agent ("مقتل 5 مدنيين في دوما") and once
with the agent ("قصف مدفعي لقوات النظام على دوما"). Such mentions merge when
one of them lacks the actor, both name the same place and nothing else
disagrees (:func:`agentless_restatement`); the casualty figures are then
taken once, never added, so an ACLED export does not count the dead twice.
A headline that names the area ("مقتل 6 مدنيين بقصف على ريف إدلب") merges
with the body's mention of a town in that area (same country and province,
:func:`_covers`), the places standing in as recipients included.
A reference is one happening with what it points at (:func:`refers_back`):
"خلال تلك المواجهات" joins the latest clash, "وحضر اللقاء سفير فرنسا" the
latest meeting; victims on the side of the other mention's actor are another
attack (two sides of a front), never a restatement.
Two sources may report one happening, so the sources need not agree (the
merged event keeps the first one's). Descriptions ("المحتجين"، "المواطنين") agree when their country and sector
do, places when they share a GeoNames id or a name. The merged event keeps every mention's trigger span in ``mentions`` and
takes each field from the most informative mention (the body over the
headline, explicit dates over publication dates, a participant with a
country and sector over a bare description, a town over its province); a
participant named as the victim in one mention is never the merged actor.
"""

from __future__ import annotations

from marsad.doc import Entity, Event, Place
from marsad.entities.gazetteer import precision_rank
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


#: Place features that cover an area other places lie in.
_AREAS = frozenset({"country", "admin1", "region"})


def _covers(a: Place | None, b: Place | None) -> bool:
    """True when either place is an area (country, province, region) the other lies in.

    "ريف إدلب" (a region of Idlib province) covers "سرمين" (a village there):
    same country and, below country level, the same admin1.
    """
    if a is None or b is None or a.country_code is None or a.country_code != b.country_code:
        return False
    for big, small in ((a, b), (b, a)):
        if big.feature == "country" or (big.feature in _AREAS and big.admin1 is not None and big.admin1 == small.admin1):
            return True
    return False


def _place_stand_ins(a: Entity | None, b: Entity | None, pa: Place | None, pb: Place | None) -> bool:
    """True when two participants are the events' own places standing for their people, and the places agree."""
    return (a is not None and b is not None and a.type == b.type == "LOC" and pa is not None and pb is not None
            and a.start == pa.start and b.start == pb.start and (_same_place(pa, pb) or _covers(pa, pb)))


def _bare(text: str) -> str:
    t = fold(text)
    return t[2:] if t.startswith("ال") else t


def _date_of(ev: Event) -> str | None:
    return None if ev.date_inferred else ev.date


def _agree(a, b) -> bool:
    return a is None or b is None or a == b


def _modes_agree(a: Event, b: Event, loose: bool) -> bool:
    """Modes agree when equal or missing; loosely, a talk and a call are one ("يبحث مع" over "اتصالا هاتفيا")."""
    return _agree(a.mode, b.mode) or (loose and a.event_type == "CONSULT" and {a.mode, b.mode} == {"meet", "phone"})


def compatible(a: Event, b: Event, loose: bool = False) -> bool:
    """True when ``a`` and ``b`` can be mentions of one happening.

    Parameters
    ----------
    a, b : Event
    loose : bool, default False
        Accept a single shared participant (headline against body, or two
        triggers of one clause) instead of requiring both to agree, a place
        inside the other's area (:func:`_covers`), and a meeting against a
        call (a headline's "يبحث مع" tells the body's phone call).
    """
    if a.event_type != b.event_type:
        return False
    if (a.status == "negated") != (b.status == "negated"):
        return False
    # a headline names the area ("ريف إدلب"), the body the town in it ("سرمين")
    headline_area = loose and _covers(a.location, b.location)
    same_recipient = _same_actor(a.recipient, b.recipient) or (
        headline_area and _place_stand_ins(a.recipient, b.recipient, a.location, b.location))
    swapped = a.event_type == "CONSULT" and _same_actor(a.actor, b.recipient) and _same_actor(a.recipient, b.actor)
    if not (_same_actor(a.actor, b.actor) and same_recipient) and not swapped:
        return False  # a meeting is symmetric: "التقى X بY" and "استقبل Y X" are one
    if not (_modes_agree(a, b, loose) and (_same_place(a.location, b.location) or headline_area)):
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
    return (_same_actor(a.actor, b.actor) and _same_actor(a.recipient, b.recipient)) or swapped


#: Lexicon entries whose recipient is the victim (killed, wounded, arrested): a
#: victim in one mention is not the actor of the merged event.
VICTIM_RULES = frozenset({"assault.kill", "assault.kill_met", "assault.kill_fell", "assault.wound",
                          "assault.assassination", "coerce.arrest"})
#: Types whose victim-only and agent-only mentions in one article are one happening.
RESTATED_TYPES = frozenset({"ASSAULT", "COERCE"})


def agentless_restatement(a: Event, b: Event) -> bool:
    """True when one of two mentions lacks the actor and they otherwise tell the same happening.

    Parameters
    ----------
    a, b : Event
        Mentions of one article that are :func:`compatible` with ``loose=True``.

    Returns
    -------
    bool
        True for two mentions of a type in :data:`RESTATED_TYPES`, exactly
        one with an actor, both with a place and the same place (GeoNames id
        or name): "مقتل 5 مدنيين في دوما" and "قصف لقوات النظام على دوما".
        Without a place on both sides two mentions may be two attacks of a
        round-up article, and they stay apart; so do victims on the side of
        the other mention's actor (two attacks by opposite sides of a front).
    """
    if a.event_type not in RESTATED_TYPES or (a.actor is None) == (b.actor is None):
        return False
    victims, agent = (a, b) if a.actor is None else (b, a)
    if _same_side(victims.recipient, agent.actor):
        return False  # "مقتل 3 جنود أوكرانيين" is not the Ukrainian army's own shelling: the other side's attack
    return a.location is not None and b.location is not None and _same_place(a.location, b.location)


def _same_side(a: Entity | None, b: Entity | None) -> bool:
    """True when two participants are one party: the same key, or the same country and sector."""
    if a is None or b is None:
        return False
    return entity_key(a) == entity_key(b) or (a.country is not None and a.sector is not None
                                             and (a.country, a.sector) == (b.country, b.sector))


#: Words that point back at a happening already told ("تلك المواجهات"، "الهجوم نفسه").
DEMONSTRATIVES = frozenset({"تلك", "هذه", "هذا", "ذلك", "هذين", "هاتين", "ذاته", "ذاتها", "نفسه", "نفسها"})
#: Types a demonstrative can point back at across sentences.
POINTED_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})
_DEFINITE_PREFIXES = ("ال", "وال", "فال", "بال", "وبال", "فبال", "لل", "ولل", "فلل")
_POSSESSIVES = ("ها", "هم", "هما", "ته")


def _pointed(ev: Event) -> bool:
    """True when a demonstrative stands right before or after the trigger ("خلال تلك المواجهات")."""
    s = ev.sentence
    before = s.text[:max(0, ev.trigger.start - s.start)].split()
    after = s.text[max(0, ev.trigger.end - s.start):].split()
    return bool((before and fold(before[-1]) in DEMONSTRATIVES) or (after and fold(after[0]) in DEMONSTRATIVES))


def _definite(ev: Event) -> bool:
    """True when the trigger is a definite or possessed noun ("اللقاء"، "محادثاتها"، "زيارته").

    The trigger span starts after its proclitics, so the whole word is read
    from the sentence.
    """
    s = ev.sentence
    head = s.text[:max(0, ev.trigger.start - s.start)].split(" ")[-1] if ev.trigger.start > s.start else ""
    words = (head + ev.trigger.text).split()
    t = fold(words[0]) if words else ""
    return len(words) == 1 and (t.startswith(_DEFINITE_PREFIXES) or (len(t) > 5 and t.endswith(_POSSESSIVES)))


def _same_setting(a: Event, b: Event) -> bool:
    """Same status and mode; dates and places that do not disagree (a town inside the other's area agrees)."""
    return (a.status == b.status and _agree(a.mode, b.mode) and _agree(_date_of(a), _date_of(b))
            and (_same_place(a.location, b.location) or _covers(a.location, b.location)))


def _same_counts(a: Event, b: Event) -> bool:
    """No casualty figure given by both with different values."""
    return all(not (getattr(a, f) and getattr(b, f)) or getattr(a, f).get("value") == getattr(b, f).get("value")
               for f in ("fatalities", "injuries", "arrests"))


def _keys(ev: Event) -> set:
    return {entity_key(x) for x in (ev.actor, ev.recipient) if x is not None}


def refers_back(earlier: Event, later: Event) -> bool:
    """True when ``later`` tells again the happening ``earlier`` reported, by reference rather than by name.

    Parameters
    ----------
    earlier, later : Event
        Mentions of one article in text order that are :func:`compatible`
        with ``loose=True`` or, for meetings, have the same mode, status,
        date and place.

    Returns
    -------
    bool
        For meetings (CONSULT): the later mention's participants are among
        the earlier one's, in either role ("استقبل محمد بن زايد وزير
        الخارجية السعودي ... وبحث سموه ووزير الخارجية ..."), or it is a
        definite or possessed meeting noun ("وحضر اللقاء سفير فرنسا"،
        "محادثاتها") naming at most one participant (an attendee; a
        meeting with a new pair, "الاجتماع بين X وY", is another meeting).
        For violence, protest and coercion: a demonstrative points at the
        trigger ("مقتل 18 حوثيا خلال تلك المواجهات").

    Notes
    -----
    Our reading of SaudiNewsNet (docs/events.md, issue 4): a visit report
    restates its one meeting three to five times ("استقبل"، "بحث"،
    "اللقاء"، "حضر اللقاء"، "في ختام اللقاء"), each coded as its own event
    before this rule.
    """
    if earlier.event_type != later.event_type:
        return False
    if later.event_type in POINTED_TYPES:
        # the demonstrative is the evidence: a clash's two sides may stand in either role
        return _pointed(later) and _same_setting(earlier, later) and _same_counts(earlier, later)
    if later.event_type != "CONSULT" or not _same_setting(earlier, later):
        return False
    mine, theirs = _keys(later), _keys(earlier)
    if mine and mine <= theirs:
        return True
    return _definite(later) and len(mine) <= 1


def _score(ev: Event) -> int:
    return sum(x is not None for x in (ev.actor, ev.recipient, ev.location, ev.fatalities, ev.injuries,
                                       ev.arrests, ev.attributed_to, ev.mode)) + (0 if ev.date_inferred else 1)


def _specific(e: Entity | None) -> int:
    """How much a participant says: country, sector, a dictionary identity."""
    if e is None:
        return -1
    return (e.country is not None) + (e.sector is not None) + (e.source in ("dictionary", "coref"))


def _precision(p: Place | None) -> int:
    """How precise a place is (:func:`marsad.entities.gazetteer.precision_rank`); -1 for none."""
    return -1 if p is None else precision_rank(p.feature, p.admin1)


def _better(first: Entity, rest: list) -> Entity:
    """``first``, or a better-specified participant of ``rest`` that agrees with it ("شخصا" -> "مدنيين أفغان")."""
    for e in rest:
        if e is not None and _specific(e) > _specific(first) and _agrees(first, e):
            first = e
    return first


def _agrees(a: Entity, b: Entity) -> bool:
    """Two participants may be one: same key, or a bare description and a coded one of no other country."""
    if entity_key(a) == entity_key(b):
        return True
    bare = a if a.country is None else b if b.country is None else None
    if bare is None or bare.source not in ("composed",):
        return _same_actor(a, b) and a.source != "dictionary" and b.source != "dictionary"
    other = b if bare is a else a
    return bare.sector is None or bare.sector == other.sector


def _same_entity(a: Entity, b: Entity) -> bool:
    return a is b or (a.start, a.end) == (b.start, b.end)


def absorb(keep: Event, other: Event) -> Event:
    """Fold ``other`` into ``keep``: fill missing fields, add its mentions; return the merged event.

    The mention with more filled fields is kept; from the other it takes
    what it lacks, and a better-specified participant (country and sector
    over a bare description) or a more precise place of the same
    happening. A participant that is the recipient of either mention
    ("جنديين قتلا بانفجار") is not the merged event's actor. Casualty
    figures are taken from one mention, never added.
    """
    if _score(other) > _score(keep):
        keep, other = other, keep
        keep.mentions = other.mentions + keep.mentions
    else:
        keep.mentions = keep.mentions + other.mentions
    if keep.mode is None and other.mode is not None:
        keep.mode, keep.cameo_root = other.mode, other.cameo_root
    victims = [x.recipient for x in (keep, other) if x.recipient is not None and x.rule in VICTIM_RULES]
    actors = [x for x in (keep.actor, other.actor) if x is not None and not any(_same_entity(x, v) for v in victims)]
    keep.actor = _better(actors[0], actors[1:]) if actors else None
    keep.recipient = _better(keep.recipient, [other.recipient]) if keep.recipient is not None else other.recipient
    if keep.actor is not None and keep.recipient is not None and (
            _same_entity(keep.actor, keep.recipient) or entity_key(keep.actor) == entity_key(keep.recipient)):
        # nobody attacks or meets themselves: the victim reading wins for a kill, the agent otherwise
        if keep.rule in VICTIM_RULES or other.rule in VICTIM_RULES:
            keep.actor = None
        else:
            keep.recipient = None
    if _precision(other.location) > _precision(keep.location) and (
            _same_place(keep.location, other.location) or _covers(keep.location, other.location)):
        keep.location = other.location  # "سرمين" over the headline's "ريف إدلب"
    for f in ("fatalities", "injuries", "arrests", "attributed_to"):
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
        Merged events; a victim-only and an agent-only mention of one
        attack at one place (:func:`agentless_restatement`) are one event,
        and so is a reference to the latest happening of its type
        (:func:`refers_back`).
    """
    kept: list[Event] = []
    for ev in events:
        target = None
        if _pointed(ev):
            # "خلال تلك المواجهات" points at the latest happening of its type, before any headline
            target = next((k for k in reversed(kept) if k.event_type == ev.event_type), None)
            if target is not None and not refers_back(target, ev):
                target = None
        for k in kept if target is None else ():
            # the headline summarises the article's main event: it merges with
            # the first body mention of that type that does not disagree
            loose = k.trigger.start < headline_end or ev.trigger.start < headline_end
            if compatible(k, ev, loose=loose) or (compatible(k, ev, loose=True) and agentless_restatement(k, ev)):
                target = k
                break
        if target is None:
            # a reference ("اللقاء"، "تلك المواجهات") points at the latest such happening
            target = next((k for k in reversed(kept) if k.event_type == ev.event_type), None)
            if target is not None and not refers_back(target, ev):
                target = None
        if target is None:
            kept.append(ev)
        else:
            merged = absorb(target, ev)
            if merged is not target:
                kept[kept.index(target)] = merged
    return kept
