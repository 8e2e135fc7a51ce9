"""Turn dictionary hits into entities: names, metonyms, descriptions, titles.

Rules (ours, written for Arabic news usage):

* a person or organisation alias is an entity; an alias declared ambiguous
  (``المعلم``، ``القاعدة``) needs an unambiguous alias of the same actor in
  the article, or a group word before it (تنظيم، حركة، جماعة ...);
* a country name or capital is a GPE actor (sector GOV) unless a locative
  word or ``ب`` precedes it (``في سورية``، ``إلى طهران``, ``بدمشق``) or it is a
  dateline (``لندن:``): then it is only a place; after a number it names
  nationals (``160 روسياً``, NORP), as does a nationality adjective after a
  number or a victim noun (``مقتل 3 عراقيين``، ``اعتقال إسرائيلي``);
* a description noun takes the country of a following adjective or genitive
  country (``الطيران الروسي``، ``الجيشان الروسي والفرنسي``، ``حكومة العراق``),
  else, when the noun names a national institution (army, police, forces,
  government...), the country of its context as event coders do ("the
  police" in a story set in Iraq are IRQ COP): the sentence's places, else
  the article's dominant country, else the one nationality the sentence
  names (``Entity.rule`` says which); never when a word such as ``أجنبية``
  or ``الدولية`` follows (``قوات أجنبية``);
* an alias several people share (``بوش``) with none of them named in full:
  the one whose dated role holds on the article's date; else, when every
  candidate has the same country and sector, those codes without an
  identity (no QID); else nothing;
* a title with a country (``الرئيس الإيراني``) directly before a person's
  name is absorbed by the name; alone it names the office holder on the
  article's date when that person is named elsewhere in the article
  (source ``coref``), else it is a composed GOV entity of that country; a
  bare title (``وقال الرئيس``) refers back to the last person named who
  held that role on the article's date;
* "الداخلية"، "الخارجية"، "الدفاع" right after a definite noun are
  adjectives ("الشؤون الداخلية"، "السياسة الخارجية"), not ministries, and
  "الإرهابي" after a noun of violence ("التفجير الإرهابي") is no terrorist;
* "صحفي" right after a noun of speech ("مؤتمرا صحفيا"، "بيان صحفي") is
  an adjective, not a journalist;
* a description word that is also a football position (``مهاجم``) in a
  sentence with a sports word (``الفريق``، ``الدوري``، ``هدف`` ...) is a
  player, not an armed man: no entity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from marsad.doc import Entity
from marsad.entities.dictionary import (ADJECTIVE, COUNTRY, GOV_METONYM, NOUN, ORG, PEOPLE, PERSON,
                                        TITLE, Actor, ActorDictionary, Pattern)
from marsad.entities.matcher import Match, Tok
from marsad.entities.words import key

LOCATIVE = frozenset(key(w) for w in (
    "في فى إلى الى من داخل قرب بالقرب نحو حول عند شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط "
    "أنحاء مدينة العاصمة محيط ضواحي ريف أطراف حدود عبر باتجاه بمدينة بالعاصمة وصل زار يزور "
    "زيارة مطار شوارع شارع ميدان ساحة مدن أحياء حي مناطق منطقة قرى عاصمة سماء أجواء").split())
GROUP_WORDS = frozenset(key(w) for w in (
    "تنظيم حركة جماعة حزب قناة وكالة عناصر مقاتلي مسلحي أنصار جبهة صحيفة موقع").split())
HONORIFICS = frozenset(key(w) for w in (
    "آية الله الشيخ السيد الدكتور د المشير الفريق اللواء العميد العقيد الجنرال الأمير الملك "
    "سمو فخامة الحاج الإمام السابق الحالي الجديد الأسبق").split())
VICTIM_NOUNS = frozenset(key(w) for w in (
    "مقتل إصابة جرح اعتقال خطف اختطاف قتل احتجاز إعدام وفاة استشهاد ترحيل طرد إطلاق سراح "
    "الإفراج مصرع").split())
ROLE_LABELS = {
    "president": "president", "pm": "prime minister", "fm": "foreign minister",
    "dm": "defence minister", "interior_minister": "interior minister",
    "deputy_fm": "deputy foreign minister", "supreme_leader": "supreme leader", "king": "king",
    "emir": "emir", "crown_prince": "crown prince", "chancellor": "chancellor",
    "vice_president": "vice president", "spokesman": "spokesperson", "adviser": "adviser",
    "envoy": "envoy", "sg": "secretary-general", "opposition_leader": "opposition leader",
    "speaker": "speaker", "leader": "leader", "commander": "commander", "ambassador": "ambassador",
    "consul": "consul"}
#: Words between a member noun and its group ("ناشطاً في كتائب الأقصى"، "عنصر من حماس").
MEMBER_SECTORS = frozenset({"REB", "INS", "MIL", "COP", "PTY", "OPP", "SEP", "UAF", "CRM", "GOV", "SPY"})
MEMBERSHIP = frozenset(key(w) for w in ("في من داخل".split()))
#: Sectors of state institutions, which may take a nationality the sentence names.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})
#: Words after a national-institution noun that make it foreign or
#: international ("قوات أجنبية"، "القوات الدولية"): no context country then.
NOT_NATIONAL = frozenset(key(w) for w in (
    "أجنبية الأجنبية أجنبي الأجنبي أجانب الأجانب دولية الدولية دولي الدولي متعددة "
    "الحليفة حليفة الغربية غربية التحالف الصديقة").split())
#: Ministry names that are also adjectives: after a definite noun they qualify it
#: ("الشؤون الداخلية" internal affairs, "السياسة الخارجية" foreign policy, "حق الدفاع").
ADJECTIVE_SENSES = frozenset(key(w) for w in "الداخلية الخارجية الدفاع".split())
#: "الإرهابي" after a noun of violence is an adjective ("التفجير الإرهابي" the terrorist
#: bombing); after anything else it is a terrorist ("قتلت الشرطة الإرهابي").
TERROR_SENSES = frozenset(key(w) for w in "الإرهابي الإرهابية إرهابي إرهابية".split())
VIOLENCE_HEADS = frozenset(key(w) for w in (
    "التفجير تفجير الهجوم هجوم الاعتداء اعتداء العمل عمل العملية عملية الحادث حادث الانفجار انفجار "
    "التفجيرات الهجمات الأعمال العمليات").split())
#: "صحفي" after a noun of speech is an adjective ("مؤتمرا صحفيا" a press conference,
#: "بيان صحفي" a press release), not a journalist.
PRESS_SENSES = frozenset(key(w) for w in "صحفيا صحفي الصحفي صحافيا صحافي الصحافي".split())
PRESS_HEADS = frozenset(key(w) for w in (
    "مؤتمر مؤتمرا المؤتمر بيان بيانا البيان تصريح تصريحا التصريح تصريحات لقاء لقاءا مؤتمره").split())
#: Description words that are also football positions ("مهاجم الهلال" is a striker).
SPORTS_SENSES = frozenset(key(w) for w in (
    "مهاجم مهاجما المهاجم مهاجمين المهاجمين مهاجمون المهاجمون").split())
#: Words of a sports report (clitics stripped); with one of them in the sentence
#: a word of :data:`SPORTS_SENSES` is a player, not an armed man.
SPORTS_CONTEXT = frozenset(key(w) for w in (
    "الفريق فريق المنتخب منتخب نادي النادي الدوري دوري مباراة المباراة مباريات هدف هدفا أهداف الأهداف "
    "اللاعب لاعب لاعبين اللاعبين الموسم التعاقد صفقة الانتقالات المدرب مدرب ملعب الملعب بطولة البطولة "
    "كأس الكرة كرة الهلال النصر الأهلي").split())


@dataclass
class DocContext:
    """What the article says about itself, used to fill in codes.

    Parameters
    ----------
    date : str or None
        Publication date (ISO 8601).
    named_actors : set of str
        Actor ids matched by an unambiguous alias anywhere in the article.
    sentence_countries : list of Counter
        Per sentence: ISO alpha-3 countries of its places and country names.
    doc_countries : Counter
        The same over the whole article.
    sentence_nationalities : list of Counter
        Per sentence: ISO alpha-3 countries of its nationality adjectives and
        nouns (``باكستانيا``، ``الروس``); filled by :meth:`Composer.compose`.
    """

    date: str | None = None
    named_actors: set = field(default_factory=set)
    sentence_countries: list = field(default_factory=list)
    doc_countries: Counter = field(default_factory=Counter)

    sentence_nationalities: list = field(default_factory=list)

    def country_near(self, sent: int) -> str | None:
        """Return the country a description in sentence ``sent`` most likely belongs to.

        See :meth:`country_evidence`; this returns only the country.
        """
        return self.country_evidence(sent)[0]

    def country_evidence(self, sent: int, state: bool = True) -> tuple[str | None, str | None]:
        """Return the context country of sentence ``sent`` and the rule that gave it.

        In order: the sentence's most-named place country when it is one of
        the article's three most-named place countries (a meeting venue such
        as Vienna does not count), rule ``"country:sentence"``; else the
        article's most-named place country when no other is named as often,
        ``"country:article"``, or, in a tie, the first of them the article
        names (datelines and leads name the setting first), ``"country:first"``;
        else, when the article names no place, the single country whose nationality the
        sentence names (``42 جنديا باكستانيا ... للجيش``),
        ``"country:nationality"``, for state institutions only (a
        nationality next to rebels is more often their enemy's); else
        ``(None, None)``.

        Parameters
        ----------
        sent : int
            Sentence index.
        state : bool, default True
            Whether the description is a state institution (sector GOV,
            MIL, COP, JUD...).

        Returns
        -------
        tuple of (str or None, str or None)
            ISO alpha-3 country and rule id.

        Notes
        -----
        The practice of event coders (CAMEO, PETRARCH's agent dictionaries,
        ACLED's actor naming): an unqualified national institution belongs to
        the country the story is set in.
        """
        ranked = self.doc_countries.most_common(3)
        top = [c for c, _ in ranked]
        if 0 <= sent < len(self.sentence_countries):
            for c, _ in self.sentence_countries[sent].most_common():
                if c in top:
                    return c, "country:sentence"
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], "country:article"
        if ranked:
            return ranked[0][0], "country:first"  # a tie: the first named, where news sets its story
        if state and 0 <= sent < len(self.sentence_nationalities) and len(self.sentence_nationalities[sent]) == 1:
            return next(iter(self.sentence_nationalities[sent])), "country:nationality"
        return None, None


def _after_definite_noun(text: str, toks: list[Tok], m: Match) -> bool:
    """True when the word before match ``m`` is a definite word (``ال``) with only a space between."""
    if m.i == 0 or m.stripped:
        return False
    prev = toks[m.i - 1]
    return prev.is_word and prev.norm.startswith("ال") and not text[prev.end:m.start].strip()


def _sports_sentence(toks: list[Tok], sent_of: list[int], i: int) -> bool:
    """True when the sentence of token ``i`` has a word of :data:`SPORTS_CONTEXT` (clitics stripped)."""
    if i >= len(sent_of):
        return False
    sent = sent_of[i]
    lo = hi = i
    while lo > 0 and sent_of[lo - 1] == sent:
        lo -= 1
    while hi + 1 < len(toks) and hi + 1 < len(sent_of) and sent_of[hi + 1] == sent:
        hi += 1
    return any(t.is_word and (t.norm in SPORTS_CONTEXT or any(r in SPORTS_CONTEXT for r, _, _ in t.readings))
               for t in toks[lo:hi + 1])


def description_id(country: str | None, sector: str | None) -> str | None:
    """Return the actor id of a description: ``"IRQ:COP"``, a bare sector (``"CVL"``), or None without a sector."""
    if sector is None:
        return None
    return f"{country}:{sector}" if country else sector


COUNT_WORDS = frozenset(key(w) for w in (
    "آلاف ألف الآلاف عشرات العشرات مئات المئات ملايين مليون مئة مائة ألفين عشرة خمسة ثلاثة أربعة ستة سبعة "
    "ثمانية تسعة اثنين اثنان ثلاث أربع خمس ست سبع ثمان تسع عشر").split())


def is_number(tok: Tok) -> bool:
    """Return True for a token written with digits or a count word (``آلاف``، ``ثلاثة``)."""
    return tok.is_word and (tok.norm[:1].isdigit() or tok.norm in COUNT_WORDS)


def partitive(toks: list[Tok], m: Match) -> bool:
    """Return True for a nationality after a count and "من" (``الآلاف من النيباليين``، ``عشرات من العراقيين``).

    Parameters
    ----------
    toks : list of Tok
        The article's tokens.
    m : Match
        A nationality adjective hit.

    Returns
    -------
    bool
        True when the two tokens before ``m`` are a number or count word and
        "من" (not "في": "آلاف في ..." is a place), and ``m`` carries no clitic.
    """
    return (not m.stripped and m.i >= 2 and toks[m.i - 1].is_word and toks[m.i - 1].norm in MEMBERSHIP
            and toks[m.i - 1].norm != key("في") and is_number(toks[m.i - 2]))


def locative(text: str, toks: list[Tok], m: Match) -> bool:
    """Return True when match ``m`` is read as a location (``في``, ``ب``, a dateline ``لندن:``)."""
    if "ب" in m.stripped:
        return True
    line_start = m.i == 0 or "\n" in text[toks[m.i - 1].end:m.start] or toks[m.i - 1].text in "*•-"
    if line_start and m.j < len(toks) and not toks[m.j].is_word and toks[m.j].text in ':-«"(':
        return True  # a dateline: "لندن:" / "* لندن ـ «الشرق الأوسط»"
    k = m.i - 1
    while k >= 0 and not toks[k].is_word and toks[k].text in '"\'«»(':
        k -= 1
    if k < 0 or not toks[k].is_word:
        return False
    prev = toks[k]
    return any(r in LOCATIVE for r, _, _ in prev.readings)


class Composer:
    """Interprets dictionary hits of one article as entities.

    Parameters
    ----------
    dictionary : ActorDictionary
        Loaded.
    """

    def __init__(self, dictionary: ActorDictionary):
        self.dictionary = dictionary

    # -- helpers ------------------------------------------------------------
    def _actor_entity(self, text: str, m: Match, actor_id: str, ctx: DocContext,
                      source: str = "dictionary") -> Entity:
        a = self.dictionary.actors_[actor_id]
        country, sector = self.dictionary.resolve(actor_id, ctx.date)
        return Entity(text[m.start:m.end], m.start, m.end, a.type, actor_id, a.label_en, country,
                      sector, a.wikidata, source)

    def _body_of(self, p: Pattern) -> str | None:
        """Return the country (ISO alpha-3) or organisation id an adjective or name stands for."""
        if p.kind in (ADJECTIVE, PEOPLE, COUNTRY, GOV_METONYM, ORG):
            return p.ref
        return None

    def _country_of_body(self, body: str | None) -> str | None:
        if body is None:
            return None
        a = self.dictionary.actors_[body]
        return a.actor_id if a.kind == "country" else a.country

    def accept(self, toks: list[Tok], m: Match, p: Pattern, ctx: DocContext) -> bool:
        """Return True when an ambiguous alias has the context it needs."""
        if not p.ambiguous:
            return True
        if p.kind in (PERSON, ORG) and p.ref in ctx.named_actors:
            return True
        if p.kind == ORG and m.i > 0 and toks[m.i - 1].norm in GROUP_WORDS:
            return True
        if p.kind == PERSON and len(self.candidates(m.keys)) > 1:
            return True  # which person is decided by compose (_shared_alias)
        return False

    def candidates(self, keys: tuple) -> list[str]:
        """Return the ids of the people who share the alias ``keys`` (``بوش``: three Bushes).

        Parameters
        ----------
        keys : tuple of str
            Matching keys of the alias words.

        Returns
        -------
        list of str
            Person ids of ``people.yaml`` in file order; one id for an alias
            only one person has.
        """
        return [q.ref for q in self.dictionary.patterns_.get(keys[0], ())
                if q.keys == keys and q.kind == PERSON]

    # -- main ---------------------------------------------------------------
    def compose(self, text: str, toks: list[Tok], hits: list[tuple[Match, Pattern]],
                sent_of: list[int], ctx: DocContext) -> list[Entity]:
        """Return the entities the hits stand for, in text order, without overlaps.

        Parameters
        ----------
        text : str
            ``Doc.text``.
        toks : list of Tok
        hits : list of (Match, Pattern)
            Non-overlapping dictionary hits in text order (ambiguous ones
            already filtered by :meth:`accept`).
        sent_of : list of int
            Sentence index of each token.
        ctx : DocContext
        """
        out: list[Entity] = []
        self._count_nationalities(hits, sent_of, ctx)
        k = 0
        n = len(hits)
        while k < n:
            m, p = hits[k]
            nxt = k + 1
            if p.kind == PERSON and p.ambiguous and p.ref not in ctx.named_actors:
                e = self._shared_alias(text, m, ctx)
                if e is not None:
                    out.append(e)
            elif p.kind == PERSON or p.kind == ORG:
                out.append(self._actor_entity(text, m, p.ref, ctx))
                # apposition: "يوري أوشاكوف مستشار الكرملين" - the title after a name is absorbed
                if p.kind == PERSON and nxt < n and hits[nxt][1].kind == TITLE and hits[nxt][0].i == m.j:
                    nxt = self._skip_body(hits, nxt)
            elif p.kind in (COUNTRY, GOV_METONYM):
                e = self._country_entity(text, toks, m, p, ctx)
                if e is not None:
                    out.append(e)
            elif p.kind in (PEOPLE, ADJECTIVE):
                # "الروس"; "مقتل 3 عراقيين"; "اعتقال إسرائيلي" - an adjective standing for people
                if p.kind == PEOPLE or (m.i > 0 and (is_number(toks[m.i - 1]) or any(
                        r in VICTIM_NOUNS for r, _, _ in toks[m.i - 1].readings))) or partitive(toks, m):
                    out.append(self._nationals(text, m, p.ref))
            elif p.kind == NOUN:
                e, nxt = self._noun_entity(text, toks, hits, k, sent_of, ctx)
                if e is not None:
                    out.append(e)
            elif p.kind == TITLE:
                e, nxt = self._title_entity(text, toks, hits, k, ctx, out)
                if e is not None:
                    out.append(e)
            k = nxt
        return out

    def _count_nationalities(self, hits, sent_of: list[int], ctx: DocContext) -> None:
        """Fill ``ctx.sentence_nationalities`` from the nationality adjectives and nouns of each sentence."""
        n_sents = max(sent_of, default=-1) + 1
        ctx.sentence_nationalities = [Counter() for _ in range(n_sents)]
        for m, p in hits:
            if p.kind in (ADJECTIVE, PEOPLE) and m.i < len(sent_of):
                country = self._country_of_body(p.ref)
                if country:
                    ctx.sentence_nationalities[sent_of[m.i]][country] += 1

    def _shared_alias(self, text: str, m: Match, ctx: DocContext) -> Entity | None:
        """Code an alias several people share (``بوش``) when none of them is named in full.

        The candidate whose dated role holds on the article's date when
        there is exactly one (rule ``"alias:date"``); else, when all
        candidates (those holding a role then, if any) resolve to the same
        country and sector, an unidentified person with those codes and no
        QID (``"alias:agree"``); else None.
        """
        cands = self.candidates(m.keys)
        if len(cands) < 2:
            return None  # a single-candidate ambiguous alias is a common word: it needs its full name
        day = (ctx.date or "")[:10]
        if day:
            dated = [c for c in cands if any(r.holds_on(day) for r in self.dictionary.actors_[c].roles)]
            if len(dated) == 1:
                e = self._actor_entity(text, m, dated[0], ctx)
                e.rule = "alias:date"
                return e
            cands = dated or cands
        codes = {self.dictionary.resolve(c, ctx.date) for c in cands}
        if len(codes) != 1:
            return None
        country, sector = codes.pop()
        if country is None and sector is None:
            return None
        labels = " or ".join(self.dictionary.actors_[c].label_en for c in cands)
        actor_id = description_id(country, sector) if sector else country
        return Entity(text[m.start:m.end], m.start, m.end, "PER", actor_id, f"unresolved: {labels}",
                      country, sector, None, "dictionary", "alias:agree")

    def _country_entity(self, text, toks, m, p, ctx) -> Entity | None:
        iso3 = p.ref
        a = self.dictionary.actors_[iso3]
        if m.i > 0 and is_number(toks[m.i - 1]):
            return self._nationals(text, m, iso3)
        if locative(text, toks, m):
            return None
        # "الصحف السعودية": a definite noun before an adjective-looking name -> adjective
        if p.kind == COUNTRY and m.i > 0 and toks[m.i - 1].is_word and m.keys[0].startswith("ال") \
                and toks[m.i - 1].norm.startswith("ال") and m.i - 1 >= 0 \
                and not text[toks[m.i - 1].end:m.start].strip():
            if any(q.kind == ADJECTIVE and q.ref == iso3 for q in self.dictionary.patterns_.get(m.keys[0], ())):
                return None
        label = a.label_en if p.kind == COUNTRY else f"Government of {a.label_en}"
        return Entity(text[m.start:m.end], m.start, m.end, "GPE", iso3, label, iso3, "GOV", a.wikidata,
                      "dictionary")

    def _nationals(self, text: str, m: Match, ref: str) -> Entity:
        a = self.dictionary.actors_[ref]
        country = ref if a.kind == "country" else a.country
        return Entity(text[m.start:m.end], m.start, m.end, "NORP", f"{country}:CVL" if country else None,
                      f"people of {a.label_en}", country, None, None, "composed")

    def _modifiers(self, hits, k: int) -> tuple[list[str], int, int]:
        """Collect adjacent adjectives/genitive names after hit ``k``.

        Returns
        -------
        bodies : list of str
            Country or organisation ids, in order.
        end : int
            Character end of the last modifier (or of hit ``k``).
        nxt : int
            Index of the first hit not consumed.
        """
        m = hits[k][0]
        bodies, end, j = [], m.end, k + 1
        last_tok = m.j
        while j < len(hits):
            hm, hp = hits[j]
            if hm.i != last_tok:
                break
            coordinated = hm.stripped == "و"
            if hp.kind in (ADJECTIVE, PEOPLE) and (not hm.stripped or (coordinated and bodies)):
                bodies.append(hp.ref)
            elif hp.kind in (COUNTRY, GOV_METONYM) and not hm.stripped and not bodies:
                bodies.append(hp.ref)
            else:
                break
            end, last_tok, j = hm.end, hm.j, j + 1
        return bodies, end, j

    def _noun_entity(self, text, toks, hits, k, sent_of, ctx) -> tuple[Entity | None, int]:
        m, p = hits[k]
        if m.keys[0] in SPORTS_SENSES and _sports_sentence(toks, sent_of, m.i):
            return None, k + 1  # "مهاجم النصر البرازيلي": a striker
        if len(m.keys) == 1 and m.keys[0] in ADJECTIVE_SENSES and _after_definite_noun(text, toks, m):
            return None, k + 1  # "الساحة الداخلية": the domestic arena, not the interior ministry
        for senses, heads in ((PRESS_SENSES, PRESS_HEADS), (TERROR_SENSES, VIOLENCE_HEADS)):
            if len(m.keys) == 1 and m.keys[0] in senses and m.i > 0 and toks[m.i - 1].is_word and any(
                    r in heads for r, _, _ in (toks[m.i - 1].readings or ((toks[m.i - 1].norm, 0, ""),))):
                return None, k + 1  # "مؤتمرا صحفيا"، "التفجير الإرهابي": adjectives
        row = self.dictionary.nouns_[p.ref]
        # a name right after the noun ("قوات الحرس الثوري") is the actor itself
        if k + 1 < len(hits) and hits[k + 1][0].i == m.j and hits[k + 1][1].kind == ORG \
                and not hits[k + 1][0].stripped:
            return None, k + 1
        bodies, end, nxt = self._modifiers(hits, k)
        mode = row["country"]
        if not bodies:
            found = self._genitive_adjective(text, toks, hits, k)
            if found is not None:
                bodies, end, nxt = [found[0]], found[1], k + 2
        if not bodies:
            member = self._member_of(toks, hits, k)
            if member is not None:
                return Entity(text[m.start:m.end], m.start, m.end, row["type"],
                              description_id(member.country, member.sector),
                              f"{row['label']} ({member.label_en})", member.country, member.sector,
                              None, "composed"), nxt
        if mode == "required" and not bodies:
            return None, nxt
        sector = row["sector"]
        country = rule = None
        body_label = None
        if bodies:
            body = self.dictionary.actors_[bodies[0]]
            country = self._country_of_body(bodies[0])
            body_label = body.label_en
            if body.kind == "org" and body.sector == "IGO":
                sector = "IGO"
        elif mode == "context" and not self._foreign_after(toks, hits[nxt - 1][0].j):
            country, rule = ctx.country_evidence(sent_of[m.i], sector in STATE_SECTORS)
        elif mode not in ("adjective", "none", "required", "context"):
            country = mode
        if country and not body_label:
            body_label = self.dictionary.actors_[country].label_en
        label = row["label"] + (f" ({body_label})" if body_label else "")
        if len(bodies) > 1:
            label = row["label"] + " (" + ", ".join(self.dictionary.actors_[b].label_en for b in bodies) + ")"
        actor_id = description_id(country, sector)
        return Entity(text[m.start:end], m.start, end, row["type"], actor_id, label, country, sector,
                      None, "composed", rule if country else None), nxt

    @staticmethod
    def _foreign_after(toks: list[Tok], j: int) -> bool:
        """Return True when the word at token ``j`` makes a description foreign (``قوات أجنبية``)."""
        return j < len(toks) and toks[j].is_word and any(r in NOT_NATIONAL for r, _, _ in toks[j].readings)

    def _genitive_adjective(self, text: str, toks: list[Tok], hits, k: int) -> tuple[str, int] | None:
        """Return ``(country or organisation id, end)`` of a nationality after one genitive word, or None.

        "طلبة المدارس العراقية"، "سكان المدن السورية": a description noun, one
        word the dictionary does not know (no preposition, no punctuation
        between), then a nationality adjective: the adjective qualifies the
        genitive, and the people of that thing share its country.
        """
        m = hits[k][0]
        if k + 1 >= len(hits) or m.j + 1 >= len(toks):
            return None
        hm, hp = hits[k + 1]
        mid = toks[m.j]
        if hm.i != m.j + 1 or hm.stripped or hp.kind != ADJECTIVE or not mid.is_word or len(mid.norm) < 3:
            return None
        if any(r in LOCATIVE or r in MEMBERSHIP for r, _, _ in mid.readings) or is_number(mid):
            return None
        if text[m.end:mid.start].strip() or text[mid.end:hm.start].strip():
            return None
        return hp.ref, hm.end

    def _member_of(self, toks: list[Tok], hits, k: int):
        """Return the armed group or party a person noun belongs to, or None.

        "ناشطاً في كتائب الأقصى"، "عنصرين من حركة طالبان": a person noun,
        then "في"/"من", then an organisation of an armed, party or state
        sector, or a description of one with its country ("متطوعا في الجيش
        العراقي"); the member takes the group's country and sector (the GSR
        codes such members as their group).
        """
        m = hits[k][0]
        if k + 1 >= len(hits) or m.j >= len(toks) or toks[m.j].norm not in MEMBERSHIP:
            return None
        hm, hp = hits[k + 1]
        if hm.i != m.j + 1 or hm.stripped:
            return None
        if hp.kind == NOUN:
            # "متطوعا في الجيش العراقي": a member of a described body with its country
            row = self.dictionary.nouns_[hp.ref]
            bodies, _, _ = self._modifiers(hits, k + 1)
            country = self._country_of_body(bodies[0]) if bodies else None
            if country is None or row["sector"] not in MEMBER_SECTORS:
                return None
            label = f"{row['label']} ({self.dictionary.actors_[country].label_en})"
            return Actor(description_id(country, row["sector"]), "org", label, "ORG", country, row["sector"])
        if hp.kind != ORG:
            return None
        group = self.dictionary.actors_[hp.ref]
        return group if group.sector in MEMBER_SECTORS else None

    def _skip_body(self, hits, k: int) -> int:
        """Return the index after a title hit and its modifiers."""
        _, _, nxt = self._modifiers(hits, k)
        if nxt == k + 1 and k + 1 < len(hits) and hits[k + 1][0].i == hits[k][0].j \
                and hits[k + 1][1].kind in (ORG, NOUN):
            nxt = k + 2
        return nxt

    def _title_entity(self, text, toks, hits, k, ctx, earlier: list[Entity]) -> tuple[Entity | None, int]:
        """Code a title; ``earlier`` holds the entities before it (a bare title refers back)."""
        m, p = hits[k]
        role = p.ref
        bodies, end, nxt = self._modifiers(hits, k)
        if not bodies and nxt < len(hits) and hits[nxt][0].i == m.j and hits[nxt][1].kind in (ORG, NOUN):
            # "المتحدث باسم الخارجية الأميركية", "الأمين العام للأمم المتحدة"
            hm, hp = hits[nxt]
            if hp.kind == ORG:
                bodies = [hp.ref]
            else:
                sub_bodies, sub_end, sub_nxt = self._modifiers(hits, nxt)
                bodies = sub_bodies
                hm = hm._replace(end=sub_end)
                nxt = sub_nxt - 1
            end, nxt = hm.end, nxt + 1
        last_tok = hits[nxt - 1][0].j
        # a name right after the title (honorifics allowed) absorbs it
        t = last_tok
        while t < len(toks) and toks[t].is_word and toks[t].norm in HONORIFICS and t - last_tok < 3:
            t += 1
        if nxt < len(hits) and hits[nxt][1].kind == PERSON and hits[nxt][0].i == t:
            return None, nxt
        if not bodies:
            # a bare title ("وقال الرئيس") is the last person named who held that role then
            for e in reversed(earlier):
                actor = self.dictionary.actors_.get(e.actor_id) if e.type == "PER" else None
                held = actor.role_on(ctx.date) if actor is not None else None
                if held is not None and held.role == role and held.holds_on((ctx.date or "")[:10] or "9999"):
                    return self._actor_entity(text, m._replace(end=end), actor.actor_id, ctx, "coref"), nxt
            return None, nxt
        body = bodies[0]
        country = self._country_of_body(body)
        holders = self.dictionary.holders(role, body, ctx.date)
        named = [h for h in holders if h in ctx.named_actors]
        span = text[m.start:end]
        if len(named) == 1:
            e = self._actor_entity(text, m._replace(end=end), named[0], ctx, source="coref")
            return e, nxt
        sector = "IGO" if self.dictionary.actors_[body].kind == "org" and \
            self.dictionary.actors_[body].sector == "IGO" else "GOV"
        label = f"{ROLE_LABELS.get(role, role)} ({self.dictionary.actors_[body].label_en})"
        actor_id = f"{country}:{sector}" if country else f"{body}:{sector}"
        return Entity(span, m.start, end, "PER", actor_id, label, country, sector, None, "composed"), nxt
