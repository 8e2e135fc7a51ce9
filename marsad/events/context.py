"""Clauses of a sentence, who says so, and whether an event happened.

A sentence is cut into clauses at connective markers ("في حين"، "بينما"،
"حيث") and around reported speech: a reporting verb ("قال"، "أعلن"، "زعم")
opens a clause, and the complementiser after it ("أن"، "إن"، "بأن") opens the
inner clause whose events are attributed to the speaker. Denial verbs
("نفى") make their inner clause negated; opinion verbs ("اعتبر"، "رأى")
make nominal triggers in it opinions rather than reports.

Status follows the cues newswire Arabic uses (rules written by the Marsad
team, see docs/events.md): a negation particle just before the trigger
(لم، لن، لا، ما، عدم), the future prefix "س" or "سوف"/"من المقرر", a
conditional ("إذا"، "في حال"، "لو") earlier in the clause, "قد" before an
imperfect verb.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from marsad.errors import DataFileError
from marsad.events.forms import fold, has_cue
from marsad.events.match import Trigger, Word

#: Folded complementisers that open the inner clause of reported speech.
COMPLEMENTISERS = frozenset({
    "ان", "بان", "انه", "انها", "انهم", "انهما", "بانه", "بانها", "بانهم", "لان",
})
#: Words that cancel a preceding negation ("لم يلتق إلا مرة").
EXCEPTIONS = frozenset({"سوي", "الا"})
#: Words after which a nominal trigger is a topic, not a report.
TOPIC_WORDS = frozenset({"يتعلق", "بشان", "حول", "بخصوص", "ملف", "قضيه", "مساله", "موضوع", "الاوضاع", "الوضع",
                         "مجالات", "مجال", "تتعلق", "فشل", "انهيار", "خرق", "تشكيل", "انشاء"})
#: Clause openers of a fronted subordinate clause ("وبعد فشل الهدنة، قتل ..."): it ends at the first comma.
SUBORDINATORS = frozenset({"بعد", "عقب", "اثر", "قبل"})
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")
#: Relative pronouns ("الذي"، "التي").
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي"})
#: Types whose trigger takes another event as its object ("أدان الهجوم"،
#: "دعا إلى التظاهر"، "وقعوا اتفاقا لوقف إطلاق النار").
GOVERNING_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONSULT", "AGREE"})
_STRONG_NEGATION = frozenset({"لم", "لن", "عدم", "دون", "بلا", "ليس", "ليست"})
#: Words that carry a trigger noun or verbal noun, so that a negation before
#: them negates it: "لم يتوصلوا إلى اتفاق"، "ولم يتم اعتقاله"، "عدم التوصل إلى اتفاق".
CARRIERS = frozenset({"الي", "الى", "تم", "يتم", "جري", "يجري", "التوصل", "توصل", "يتوصل", "يتوصلوا", "يتوصلا",
                      "تتوصل", "نتوصل", "توصلوا", "توصلت"})
#: Verbs of failing: "فشل الوزراء في التوصل إلى اتفاق" reports no agreement.
FAILURE = frozenset({"فشل", "فشلت", "فشلوا", "فشلا", "يفشل", "تفشل"})
#: Quantifiers after which a verb-looking word is a noun: "بأي ثمن" (at any price), not "ثمّن" (praised).
QUANTIFIERS = frozenset({"اي", "باي", "لاي", "واي", "كل", "بكل", "لكل"})
#: Words after a refusal or request that make it about keeping a name secret
#: ("رفض نشر اسمه"، "طلب عدم الكشف عن هويته"): a source's anonymity, not an event.
DISCLOSURE = frozenset({"نشر", "ذكر", "الكشف", "كشف", "الافصاح", "الاعلان"})
IDENTITY = frozenset({"اسمه", "اسمها", "اسمهم", "هويته", "هويتها", "هويتهم", "اسمائهم"})
#: Words before a definite agreement noun that make it the act of agreeing
#: ("توقيع الاتفاق"، "التوصل إلى الاتفاقية"، "تم الاتفاق") rather than a named, standing agreement.
AGREEMENT_ACTS = frozenset({"توقيع", "وقع", "وقعت", "وقعا", "وقعوا", "ابرام", "ابرم", "ابرمت", "التوصل", "توصل",
                            "توصلت", "توصلوا", "يتوصل", "الي", "الى", "تم", "جري", "يتم", "عقد", "عقدت",
                            # the start of cooperation ("بدء التنسيق الأمني")
                            "بدء", "بدا", "بدات", "استئناف", "اطلاق"})


@dataclass(slots=True)
class Clause:
    """A stretch of a sentence's words.

    Parameters
    ----------
    first, last : int
        Word indices, inclusive.
    kind : str
        ``"main"``, ``"reported"`` (inner clause of reported speech),
        ``"reporting"`` (the clause of the reporting verb itself),
        ``"denied"`` or ``"opinion"``.
    reporter : int or None
        Word index of the reporting verb governing this clause.
    complementiser : int or None
        Word index of the complementiser that opened this clause.
    """

    first: int
    last: int
    kind: str = "main"
    reporter: int | None = None
    complementiser: int | None = None


def segment(words: list[Word], flags: list[frozenset]) -> list[Clause]:
    """Cut a sentence into clauses.

    Parameters
    ----------
    words : list of Word
    flags : list of frozenset
        Marker names per word, from :func:`marsad.events.match.marker_flags`.

    Returns
    -------
    list of Clause
        Covering all words in order.
    """
    n = len(words)
    starts: dict[int, tuple[str, int | None, int | None]] = {0: ("main", None, None)}
    i = 0
    while i < n:
        f = flags[i]
        if "clause" in f and i > 0:
            starts.setdefault(i, ("main", None, None))
        speech = "reporting" in f or "denial" in f or "opinion" in f
        if speech and not (words[i].fold in ("ما",)):
            kind = "denied" if "denial" in f else "opinion" if "opinion" in f else "reported"
            starts[i] = ("reporting" if kind == "reported" else kind, i, None)
            for j in range(i + 1, min(i + 14, n)):
                if words[j].fold in COMPLEMENTISERS or words[j].fold == ":":
                    starts[j] = (kind, i, j)
                    i = j
                    break
                if "clause" in flags[j] or words[j].fold in (".", "؛"):
                    break
        i += 1
    for s in list(starts):
        w = words[s].fold
        if w in SUBORDINATORS or (w.startswith(("و", "ف")) and w[1:] in SUBORDINATORS):
            for j in range(s + 1, n - 1):
                if j in starts:
                    break
                if words[j].fold in ("،", ","):
                    starts.setdefault(j + 1, ("main", None, None))
                    break
    order = sorted(starts)
    out = []
    for k, s in enumerate(order):
        last = order[k + 1] - 1 if k + 1 < len(order) else n - 1
        kind, rep, comp = starts[s]
        out.append(Clause(s, last, kind, rep, comp))
    return out


def clause_of(clauses: list[Clause], index: int) -> Clause:
    """Return the clause holding word ``index``."""
    for c in clauses:
        if c.first <= index <= c.last:
            return c
    return clauses[-1]


def is_question(words: list[Word]) -> bool:
    """True when the sentence asks rather than reports ("هل ..."، "؟")."""
    if not words:
        return False
    return words[0].fold in ("هل", "اهل", "وهل") or any(w.fold in ("؟", "?") for w in words)


def status_of(trig: Trigger, words: list[Word], flags: list[frozenset], clause: Clause) -> str:
    """Return the status of a trigger: reported, planned, hypothetical or negated.

    Parameters
    ----------
    trig : Trigger
    words : list of Word
    flags : list of frozenset
        Marker names per word.
    clause : Clause
        The clause holding the trigger.

    Returns
    -------
    str
        One of :data:`marsad.doc.STATUSES`. ``"planned"`` may still be set
        later from a future date.
    """
    t = trig.first
    lo = clause.first
    head = t
    while head - 1 >= lo and t - head < 2 and words[head - 1].fold in CARRIERS:
        head -= 1  # "لم يتوصلوا إلى [اتفاق]": the negation stands before the carrying verb
    before = range(max(lo, head - 2), t)
    negated = False
    for k in before:
        w = words[k].fold
        bare = w[1:] if w[:1] in ("و", "ف") else w
        if w in _STRONG_NEGATION or bare in _STRONG_NEGATION or (k == head - 1 and "negation" in flags[k]):
            negated = True
    if head < t and any(words[k].fold.lstrip("و") in FAILURE for k in range(max(lo, head - 10), head)):
        negated = True  # "وفشل الوزراء يوم الجمعة في التوصل إلى اتفاق"
    if negated:
        for w in words[trig.last + 1: trig.last + 5]:
            if not w.fold[:1].isalnum():
                break  # "ولم يتم اعتقاله، إلا أن ...": the exception belongs to the next clause
            if w.fold in EXCEPTIONS:
                negated = False
                break
    if clause.kind == "denied" or negated:
        return "negated"
    window = range(max(lo, t - 8), t)
    if any("conditional" in flags[k] for k in window):
        return "hypothetical"
    if t - 1 >= lo and words[t - 1].fold == "قد" and trig.is_verb and words[t].fold.startswith(_IMPERFECT_PREFIXES):
        return "hypothetical"
    if trig.is_verb and ("س" in trig.proclitic or words[t].fold.startswith(("سي", "ست", "سن"))):
        return "planned"
    if any("future" in flags[k] for k in window):
        return "planned"
    if t - 1 >= lo and words[t - 1].fold in ("سوف", "سي"):
        return "planned"
    if not trig.is_verb and any(w.fold == "سوف" or "future" in flags[k]
                                for k, w in enumerate(words[trig.last + 1: min(clause.last, trig.last + 3) + 1],
                                                      trig.last + 1)):
        return "planned"  # "زيارة بوتين سوف تتزامن مع ..."، "محادثات مسقط المرتقبة"، "الاجتماع المقبل"
    return "reported"


def is_background(trig: Trigger, words: list[Word], flags: list[frozenset], clause: Clause) -> bool:
    """True when the trigger is history or background ("منذ اندلاع ...")."""
    lo, hi = clause.first, clause.last
    near = list(range(max(lo, trig.first - 3), trig.first)) + list(range(trig.last + 1, min(hi, trig.last + 3) + 1))
    return any("background" in flags[k] for k in near)


def is_object_of_other(trig: Trigger, triggers: list[Trigger], words: list[Word], flags: list[frozenset],
                       clause: Clause) -> bool:
    """True when a nominal trigger is the object or topic of another word.

    "أدان الهجوم" (condemned the attack), "دعا إلى تشكيل تحالف", "بحث
    التعاون", "فيما يتعلق بوقف إطلاق النار": the noun names what is talked
    about, not a new happening. A noun behind ب up to ten words after a
    demand in its clause is what is demanded ("طالبت النقابة في بيان
    بالإفراج عن المعتقلين"). Also not reports: a verb-looking word after a
    quantifier ("بأي ثمن"), a refusal to have one's name published ("رفض
    نشر اسمه"), a court's penalty ("عقوبته بالسجن", ``_penalty``) or
    conviction ("أدين بتهمة التجسس", ``_conviction``), an interview ("لقاء
    مع قناة سكاي نيوز", ``_interview``), and a
    definite agreement or cooperation noun that names a standing one
    (``_standing_agreement``: "ويهدف الاتفاق إلى ..."، "تعزيز التعاون العسكري").
    """
    if _anonymity(trig, words) or _penalty(trig, words) or _conviction(trig, words) or _interview(trig, words):
        return True
    if trig.is_verb:
        # "أدان الهجوم الذي استهدف القافلة": the relative clause describes the condemned noun
        if trig.first >= 2 and words[trig.first - 1].fold in RELATIVES:
            head = next((o for o in triggers if o.last == trig.first - 2 and not o.is_verb), None)
            return head is not None and is_object_of_other(head, triggers, words, flags, clause)
        return trig.first >= 1 and words[trig.first - 1].fold in QUANTIFIERS  # "بأي ثمن": a noun
    if trig.entry.type in ("AGREE", "COOPERATE") and _standing_agreement(trig, words):
        return True
    lo = max(clause.first, trig.first - 5)
    for other in triggers:
        if other is trig or other.entry.type not in GOVERNING_TYPES:
            continue
        if lo <= other.last < trig.first and other.entry.type != trig.entry.type:
            return True
        if (other.entry.type == "REQUEST" and "ب" in trig.proclitic
                and clause.first <= other.last < trig.first and trig.first - other.last <= 10):
            return True  # "طالبت النقابة في بيان بالإفراج عن المعتقلين": what is demanded
    for k in range(max(clause.first, trig.first - 2), trig.first):
        w = words[k].fold
        if w in TOPIC_WORDS:
            return True
    if clause.kind == "opinion":
        return True
    if trig.entry.type not in ("ASSAULT", "PROTEST"):
        # topics of talks: "يبحث بوتين مع خامنئي ... التعاون الدفاعي"
        for other in triggers:
            if (other.is_verb and other.entry.type == "CONSULT" and clause.first <= other.last < trig.first
                    and any(root in words[other.first].fold for root in ("بحث", "ناقش"))):
                return True
    return False


def _anonymity(trig: Trigger, words: list[Word]) -> bool:
    """True for a refusal or request to keep a name secret ("رفض نشر اسمه"، "طلب عدم الكشف عن هويته")."""
    if trig.entry.type not in ("REJECT", "REQUEST"):
        return False
    after = [w.fold for w in words[trig.last + 1: trig.last + 5]]
    return any(w in DISCLOSURE for w in after) and any(w in IDENTITY for w in after)


#: Words before a name that make it a news outlet ("قناة سكاي نيوز"، "صحيفة الحياة").
MEDIA = frozenset({"قناه", "صحيفه", "وكاله", "تلفزيون", "اذاعه", "مجله", "جريده", "موقع"})


def _interview(trig: Trigger, words: list[Word]) -> bool:
    """True for a meeting noun with a news outlet ("خلال لقاء مع قناة سكاي نيوز"): an interview."""
    if trig.entry.type != "CONSULT" or trig.is_verb:
        return False
    after = [w.fold for w in words[trig.last + 1: trig.last + 4]]
    return "مع" in after and any(w.lstrip("ول") in MEDIA for w in after[after.index("مع") + 1:])


#: Words that make a condemnation word a court's verdict ("أدين بتهمة التجسس"، "ثبوت إدانة متهم").
CHARGES = frozenset({"بتهمه", "بتهم", "بجريمه", "بجرائم", "بارتكاب"})
VERDICT = frozenset({"ثبوت", "بثبوت", "حكم", "حكما", "المحكمه"})


def _conviction(trig: Trigger, words: list[Word]) -> bool:
    """True when "أدان"/"إدانة" is a court's conviction, not a political condemnation."""
    if trig.entry.type != "ACCUSE" or trig.entry.mode != "disapprove":
        return False
    after = (w.fold for w in words[trig.last + 1: trig.last + 4])
    before = (w.fold for w in words[max(0, trig.first - 2): trig.first])
    return any(w in CHARGES for w in after) or any(w in VERDICT for w in before)


def _penalty(trig: Trigger, words: list[Word]) -> bool:
    """True for the singular "عقوبة": a court's penalty ("يقضي عقوبته بالسجن"، "تغليظ عقوبة راشقي
    الحجارة"), not sanctions between states, which news words in the plural ("فرض عقوبات"); and
    for the penal code ("تعديل قانون العقوبات")."""
    if trig.entry.type != "SANCTION" or trig.last != trig.first:
        return False
    w = words[trig.first].fold
    if trig.first > 0 and words[trig.first - 1].fold.lstrip("وب") in ("قانون", "لقانون"):
        return True  # "قانون العقوبات": the penal code
    return "عقوب" in w and "عقوبات" not in w


def _standing_agreement(trig: Trigger, words: list[Word]) -> bool:
    """True when a definite agreement or cooperation noun names a standing one, not the act of agreeing.

    "ويهدف الاتفاق إلى خفض الحواجز"، "معارضو الاتفاق النووي": a definite
    noun (``ال``), or one in construct with a definite word ("اتفاقية
    التبادل الحر"), with no act of agreeing in the two words before it
    (:data:`AGREEMENT_ACTS`: "توقيع الاتفاق"، "تم الاتفاق") and no "على"
    after it ("الاتفاق على بدء محادثات" is the agreeing itself). Our rule,
    from reading SaudiNewsNet in 2015, where the Iran nuclear deal and trade
    treaties are named in most articles that mention an agreement. The same
    holds for cooperation ("تعزيز التعاون العسكري" is a topic, "التحالف
    الدولي" a name) unless its start is told ("بدء التنسيق الأمني").
    """
    if trig.is_verb:
        return False
    w = words[trig.first].fold
    bare = w[1:] if w[:1] in ("و", "ف") else w
    after = words[trig.last + 1].fold if trig.last + 1 < len(words) else ""
    named = trig.last == trig.first and after.startswith("ال") and after not in RELATIVES
    if not bare.startswith(("ال", "بال", "لل")) and not named:
        return False  # "اتفاقية التجارة الحرة"، "اتفاق باريس": a named agreement in construct
    if trig.last + 1 < len(words) and words[trig.last + 1].fold in ("علي", "على"):
        return False
    return not any(has_cue(words[k].fold, AGREEMENT_ACTS) for k in range(max(0, trig.first - 2), trig.first))


@dataclass(frozen=True, slots=True)
class Cues:
    """Folded cue words from ``marsad/events/data/cues.yaml``.

    Parameters
    ----------
    protest_target, protest_site, attack_nouns, target_place, place_nouns, light_verbs : frozenset of str
        Single folded words (see the file's comments for what each marks).
    sports_strong, sports_unique : frozenset of str
        Folded words and space-joined folded bigrams of sports reports.
    needs_participant : dict of str to str
        PLOVER type -> ``"any"`` (actor or recipient) or ``"actor"``.
    """

    protest_target: frozenset
    protest_site: frozenset
    attack_nouns: frozenset
    target_place: frozenset
    place_nouns: frozenset
    light_verbs: frozenset
    sports_strong: frozenset
    sports_unique: frozenset
    needs_participant: dict


#: Lexicon entries still coded in a sports sentence: fans killed, wounded or
#: arrested, and protests, are real events; "هاجم" (attacked the goal) is not.
SPORTS_KEEPS = frozenset({"assault.kill", "assault.kill_met", "assault.kill_fell", "assault.wound", "coerce.arrest"})
_CUE_LISTS = ("protest_target", "protest_site", "attack_nouns", "target_place", "place_nouns", "light_verbs",
              "sports_strong", "sports_unique")


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read and check the bundled cue lists once.

    Returns
    -------
    Cues

    Raises
    ------
    DataFileError
        If a list is missing or not a list of strings, or a
        ``needs_participant`` value is not ``any``/``actor``.
    """
    path = "marsad/events/data/cues.yaml"
    try:
        data = yaml.safe_load(resources.files("marsad.events").joinpath("data/cues.yaml").read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"[E430] {path}: cannot read cue lists: {exc}") from exc
    lists = {}
    for name in _CUE_LISTS:
        words = (data or {}).get(name)
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataFileError(f"[E431] {path}: {name!r} must be a list of words, got {words!r}")
        lists[name] = frozenset(" ".join(fold(p) for p in w.split()) for w in words)
    needs = (data or {}).get("needs_participant") or {}
    bad = {k: v for k, v in needs.items() if v not in ("any", "actor")}
    if bad:
        raise DataFileError(f"[E432] {path}: needs_participant values must be 'any' or 'actor', got {bad!r}")
    return Cues(needs_participant=dict(needs), **lists)


def is_sports(words: list[Word]) -> bool:
    """True when a sentence reads as a sports report, not politics.

    A word of ``sports_unique`` (مباراة، الدوري، لاعب، المدرب ...), or two
    different words of ``sports_strong`` (which also holds club names and
    words such as "فوز"، "الفريق" that occur in politics alone), proclitics
    stripped; two-word cues ("حارس المرمى") are matched too. Source of the
    lists: ``marsad/events/data/cues.yaml``; in a sports sentence "لقاء" is a
    match, "هاجم" an attack on goal and "انتقاد" a pundit's comment.

    Parameters
    ----------
    words : list of Word
        The sentence's words.

    Returns
    -------
    bool
    """
    cues = load_cues()
    found = set()
    prev = ""
    for w in words:
        f = w.fold
        pair = f"{prev} {f}" if prev else ""
        if pair in cues.sports_unique:
            return True
        if pair in cues.sports_strong:
            found.add(pair)
        for k in _bare_forms(f):
            if k in cues.sports_unique:
                return True
            if k in cues.sports_strong:
                found.add(k[2:] if k.startswith("ال") else k)
                break
        if len(found) >= 2:
            return True
        prev = f
    return False


_SPORTS_PROCLITICS = ("وبال", "فبال", "ولل", "وال", "فال", "بال", "لل", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")


@lru_cache(maxsize=65536)
def _bare_forms(word: str) -> tuple[str, ...]:
    """The word and the word without one proclitic (never an enclitic: "الدورية" is not "الدوري")."""
    out = [word]
    for pre in _SPORTS_PROCLITICS:
        if word.startswith(pre) and len(word) - len(pre) >= 3:
            rest = word[len(pre):]
            out.append(rest if not pre.endswith("ل") or pre.endswith("ال") else "ال" + rest)
    return tuple(out)


def kept_in_sports(entry) -> bool:
    """True when a trigger of lexicon ``entry`` still counts in a sports sentence (see :data:`SPORTS_KEEPS`)."""
    return entry.id in SPORTS_KEEPS or entry.type == "PROTEST"


def lacks_participant(event_type: str, actor, recipient) -> bool:
    """True when an event of ``event_type`` names nobody it needs.

    Meetings, accusations, threats, rejections, praise and demands with
    neither actor nor recipient are dropped (``needs_participant`` in
    ``cues.yaml``): on SaudiNewsNet they are mostly sports, business and
    general commentary ("انتقاد"، "لقاء"، "مطالبات"), and an event with
    nobody doing it cannot be checked or exported. Violence, protest,
    coercion and the rest keep their victim-only and agentless reports
    ("اغتيل قاض"، "مقتل 5 مدنيين").

    Parameters
    ----------
    event_type : str
        A PLOVER type.
    actor, recipient : Entity or None

    Returns
    -------
    bool
    """
    need = load_cues().needs_participant.get(event_type)
    if need is None:
        return False
    if need == "actor":
        return actor is None
    return actor is None and recipient is None
