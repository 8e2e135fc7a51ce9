"""The event stage: lexicon triggers -> coded PLOVER events on ``doc.events``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from marsad.doc import Doc, Event, Span
from marsad.events.arguments import (
    Positions, casualties, pick_according, pick_participants, pick_place, pick_speaker, pick_time,
)
from marsad.events.context import (
    clause_of, is_background, is_object_of_other, is_question, is_sports, kept_in_sports, lacks_participant, segment,
    status_of,
)
from marsad.events.forms import fold
from marsad.events.lexicon import Lexicon, load_lexicon
from marsad.events.match import find_triggers, marker_flags, may_have_trigger, remembered_hits, split_words
from marsad.events.merge import absorb, compatible, merge_mentions
from marsad.events.model import SentenceModel, load_model
from marsad.events.ontology import cameo_root
from marsad.text.collector import collector_paused

_FALLBACK_SENT = re.compile(r"[^.!?؟\n]+[.!?؟]?")
#: Events dated more than this many days before publication are history.
HISTORY_DAYS = 120
#: Types whose triggers are speech acts; without a subject of their own they
#: take the sentence's first subject ("استدعت تركيا ... ووجهت إليه تحذيرا").
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"})
#: Types a speaker announces about itself ("أعلنت X استضافتها").
SELF_CLAIMED = frozenset({"CONSULT", "AGREE", "SUPPORT", "AID", "COOPERATE", "SANCTION", "MOBILIZE", "CONCEDE",
                          "RETREAT"})
#: Types for which two triggers in one clause are one happening whatever
#: their participants ("قتل 14 مدنيا ... عندما قصفت القوات").
ONE_PER_CLAUSE = frozenset({"ASSAULT", "PROTEST", "MOBILIZE"})


@dataclass(slots=True)
class _Draft:
    event: Event
    clause_first: int
    speaker_key: int | None


def _parse_date(value: str | None) -> date | None:
    """The first day an ISO value covers ("2015-11" -> 1 Nov, "2024-W12" -> Monday 18 Mar), or None."""
    if not value:
        return None
    parts = value.split("T")[0].split("-")
    try:
        if len(parts) == 2 and parts[1].startswith("W"):
            return date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


class EventStage:
    """Code PLOVER events from an article's sentences.

    Parameters
    ----------
    lexicon : str, optional
        Path of a user YAML lexicon layered over the bundled one (entries
        with a known ``id`` replace bundled ones, new ids are added).
    use_model : bool, default True
        Use the bundled sentence classifier to keep only ASSAULT and
        PROTEST mentions that report a happening (see docs/evaluation.md).
    keep_strong : bool, default False
        Keep a mention the classifier doubts when the rules found strong
        evidence (a state or armed actor with a country and a place, or a
        verb with counted dead): the classifier was trained on 2007-2011
        newswire and should not veto a fully specified report.

    Attributes
    ----------
    lexicon_ : Lexicon
        Set by :meth:`initialize`.
    model_ : SentenceModel or None
        Set by :meth:`initialize`.

    Examples
    --------
    >>> from marsad.doc import Doc
    >>> stage = EventStage()
    >>> doc = stage(Doc("قصفت الطائرات الإسرائيلية مدينة غزة أمس."))
    >>> [(e.event_type, e.mode) for e in doc.events]
    [('ASSAULT', 'shelling')]
    """

    name = "ar.events.v1"
    requires = ["doc.sentences", "doc.tokens", "doc.entities", "doc.places", "doc.times", "doc.quantities"]
    assigns = ["doc.events"]

    def __init__(self, lexicon: str | None = None, use_model: bool = True, keep_strong: bool = False):
        self.lexicon = lexicon
        self.use_model = use_model
        self.keep_strong = keep_strong
        self.lexicon_: Lexicon | None = None
        self.model_: SentenceModel | None = None

    def initialize(self) -> "EventStage":
        """Load and check the lexicon (and the sentence model) once; return ``self``.

        Raises
        ------
        DataFileError
            If the lexicon or model file is invalid; the message names the
            file, line or entry, and the reason.
        """
        if self.lexicon_ is None:
            self.lexicon_ = load_lexicon(self.lexicon)
            self.model_ = load_model() if self.use_model else None
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.events`` and return ``doc``."""
        self.initialize()
        with collector_paused():  # see marsad.text.collector
            doc.events = self.code(doc)
        return doc

    # ------------------------------------------------------------------
    def code(self, doc: Doc) -> list[Event]:
        """Return the events of ``doc`` without modifying it."""
        sentences = doc.sentences or [Span(m.group(), m.start(), m.end()) for m in _FALLBACK_SENT.finditer(doc.text)
                                      if m.group().strip()]
        lemmas = _lemmas_by_start(doc, self.lexicon_)
        lemma_starts = sorted(lemmas)
        published = _parse_date(doc.published)
        drafts: list[Event] = []
        for sent in sentences:
            if may_have_trigger(doc.text, sent.start, sent.end, self.lexicon_, lemma_starts):
                drafts.extend(self.code_sentence(doc, sent, lemmas, published))
        headline_end = sentences[0].end if len(sentences) > 1 else -1
        events = merge_mentions(drafts, headline_end=headline_end)
        for i, ev in enumerate(events):
            ev.event_id = f"{doc.doc_id}-{i}"
        return events

    def code_sentence(self, doc: Doc, sent: Span, lemmas: dict | None = None,
                      published: date | None = None) -> list[Event]:
        """Return the events of one sentence, merged within it.

        Parameters
        ----------
        doc : Doc
        sent : Span
            A sentence of ``doc``.
        lemmas : dict of int to tuple of str, optional
            Word start offset -> folded lemmas from the language layer.
        published : datetime.date, optional
            Publication date, for date fallback, "planned" and history.
        """
        lex = self.lexicon_
        words = split_words(doc.text, sent.start, sent.end, lemmas)
        triggers = find_triggers(words, lex)
        if not triggers or is_question(words):
            return []
        flags = marker_flags(words, lex)
        sports = is_sports(words)  # a match report: "لقاء" is a game, "هاجم" an attack on goal
        clauses = segment(words, flags)
        pos = Positions(doc, words)
        according = pick_according(words, flags, pos)
        sentence = Span(doc.text[sent.start:sent.end], sent.start, sent.end)
        probs: dict[str, float] = {}
        drafts: list[_Draft] = []
        subjects: dict[int, object] = {}
        first_subject = None
        trigger_words = frozenset(k for t in triggers for k in range(t.first, t.last + 1))
        counts_by_clause: dict[int, dict] = {}
        for trig in triggers:
            entry = trig.entry
            clause = clause_of(clauses, trig.first)
            if is_object_of_other(trig, triggers, words, flags, clause) or is_background(trig, words, flags, clause):
                continue
            status = status_of(trig, words, flags, clause)
            speaker = pick_speaker(words, flags, clause, pos, clauses, trig.first) or according
            exclude = (id(speaker),) if speaker is not None else ()
            inherited = first_subject if entry.type in SPEECH_TYPES else subjects.get(clause.first)
            actor, recipient = pick_participants(trig, pos, clause, exclude, inherited)
            if actor is None and not trig.is_verb:
                if speaker is not None and clause.kind == "reporting" and entry.type in SELF_CLAIMED:
                    actor = speaker  # "أعلنت السعودية استضافتها مؤتمرا"
                elif entry.type in SPEECH_TYPES:
                    actor = inherited
            if trig.is_verb and actor is not None:
                subjects[clause.first] = actor
                first_subject = first_subject or actor
            if (sports and not kept_in_sports(entry)) or lacks_participant(entry.type, actor, recipient):
                continue
            place = pick_place(trig, pos, clause, [actor, recipient, speaker], trigger_words)
            when = pick_time(trig, pos, clause)
            ev_date, inferred = (when.value.split("T")[0], False) if when else (doc.published and doc.published[:10], True)
            d = _parse_date(ev_date)
            if published and d and not inferred:
                if (published - d).days > HISTORY_DAYS:
                    continue
                if status == "reported" and d > published and entry.type not in SPEECH_TYPES:
                    status = "planned"  # a call or threat is made now about a later date
            if clause.first not in counts_by_clause:
                counts_by_clause[clause.first] = casualties(pos, lex, clause.first, clause.last)
            counts = counts_by_clause[clause.first]
            conf = entry.weight * (1.0 if actor is not None else 0.85)
            if entry.type in ("ASSAULT", "PROTEST") and self.model_ is not None:
                if entry.type not in probs:
                    probs[entry.type] = self.model_.probability(entry.type, words, triggers, flags, clauses)
                p = probs[entry.type]
                strong = _strong_evidence(trig, actor, place, counts, entry.type)
                if status == "reported" and p < self.model_.threshold(entry.type) and not (self.keep_strong and strong):
                    continue
                conf = round(0.4 * conf + 0.6 * p, 3)
            trigger = Span(doc.text[trig.start:trig.end], trig.start, trig.end)
            ev = Event(
                event_id="", event_type=entry.type, trigger=trigger, sentence=sentence, mode=entry.mode,
                cameo_root=entry.cameo or cameo_root(entry.type, entry.mode), actor=actor, recipient=recipient,
                location=place, date=ev_date, date_inferred=inferred, status=status,
                fatalities=counts.get("fatalities") if entry.type == "ASSAULT" else None,
                injuries=counts.get("injuries") if entry.type == "ASSAULT" else None,
                arrests=counts.get("arrests") if entry.type == "COERCE" else None,
                attributed_to=speaker, confidence=round(min(conf, 1.0), 3), rule=entry.id, mentions=[trigger],
            )
            drafts.append(_Draft(ev, clause.first, id(speaker) if speaker is not None else None))
        return _merge_in_sentence(drafts)


def _strong_evidence(trig, actor, place, counts, event_type: str) -> bool:
    """True when the rules alone make a report certain: a known armed or state actor and a place, or counted victims."""
    if event_type == "ASSAULT" and counts.get("fatalities") and trig.is_verb:
        return True
    return (actor is not None and actor.country is not None and actor.sector in ("MIL", "GOV", "REB", "COP")
            and place is not None and trig.entry.weight >= 0.8)


def _merge_in_sentence(drafts: list[_Draft]) -> list[Event]:
    """Merge triggers of one happening inside a sentence (same type, speaker and compatible fields)."""
    kept: list[_Draft] = []
    for d in drafts:
        for k in kept:
            same_clause = (k.clause_first == d.clause_first and k.event.event_type == d.event.event_type
                           and d.event.event_type in ONE_PER_CLAUSE and k.event.status == d.event.status)
            if same_clause or k.speaker_key == d.speaker_key and compatible(k.event, d.event, loose=True):
                k.event = absorb(k.event, d.event)
                break
        else:
            kept.append(d)
    return [k.event for k in kept]


def _lemmas_by_start(doc: Doc, lex: Lexicon | None = None) -> dict[int, tuple[str, ...]]:
    """Map each whitespace word's start offset to the folded lemmas of its tokens.

    Parameters
    ----------
    doc : Doc
        With ``tokens`` from the language layer.
    lex : Lexicon, optional
        When given, only words with a lemma among ``lex.lemmas`` (the
        lexicon's verbs) are kept: :func:`~marsad.events.match.find_triggers`
        reads a word's lemmas only to look them up there, so its triggers
        are the same, and the tokens of all other words are never visited
        one by one (each surface lemma's answer is remembered in
        ``lex.memo``).

    Returns
    -------
    dict of int to tuple of str
        Folded lemmas in token order, for tokens of kind ``"word"``.
    """
    tokens = doc.tokens
    wanted = None
    if lex is not None:
        raw = [t.lemma for t in tokens]
        wanted = _verb_lemma_words(tokens, raw, lex)
        if not wanted:
            return {}
    out: dict[int, list[str]] = {}
    first: dict[int, int] = {}
    last, s = None, 0
    for t in tokens if wanted is None else [t for t in tokens if t.word_index in wanted]:
        if t.word_index != last:  # tokens of one word come together: look its start up once
            last = t.word_index
            s = first.setdefault(last, t.start)
        if t.lemma and t.kind == "word":
            out.setdefault(s, []).append(fold(t.lemma))
    return {k: tuple(v) for k, v in out.items()}


def _verb_lemma_words(tokens: list, raw: list[str], lex: Lexicon) -> set[int]:
    """Return the ``word_index`` of the words with a word token whose folded lemma is in ``lex.lemmas``.

    ``raw`` holds each token's ``lemma``. Whether a surface lemma folds to a
    lexicon verb is remembered (:func:`~marsad.events.match.remembered_hits`).
    """
    distinct = set(raw)
    verbs = remembered_hits(lex, "lemma_verbs", distinct, lambda r: bool(r) and fold(r) in lex.lemmas)
    if verbs.isdisjoint(distinct):
        return set()
    return {t.word_index for t, r in zip(tokens, raw) if r in verbs and t.kind == "word"}


__all__ = ["EventStage"]
