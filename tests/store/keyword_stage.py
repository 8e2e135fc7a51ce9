"""A small rule-based stage for testing the spine without the full pipeline.

It finds a handful of trigger words, actors and places by exact string match
and emits contract-true events, so the store, runner, CLI and exports can be
tested on real article text while the language stages evolve.
"""

from __future__ import annotations

import re

from marsad.doc import Doc, Entity, Event, Place, TimeExpr
from marsad.events.ontology import CAMEO_ROOT

TRIGGERS = {"قصف": ("ASSAULT", "shelling"), "تظاهر": ("PROTEST", "demonstrate"),
            "التقى": ("CONSULT", "meet"), "اعتقلت": ("COERCE", "arrest")}
ACTORS = {
    "القوات الحكومية": ("ORG", "syr_gov_forces", "Syrian government forces", "SYR", "MIL", None),
    "قوات الأمن الأردنية": ("ORG", "jor_security", "Jordanian security forces", "JOR", "COP", None),
    "الصفدي": ("PER", "ayman_safadi", "Ayman Safadi", "JOR", "GOV", "Q4830617"),
    "المواطنين": ("NORP", "IRQ:CVL", "Iraqi citizens", "IRQ", "CVL", None),
    "مدنيين": ("NORP", "SYR:CVL", "Syrian civilians", "SYR", "CVL", None),
}
PLACES = {
    "إدلب": (169389, "Idlib", 35.93, 36.63, "SY", "Idlib", "city"),
    "عمّان": (250441, "Amman", 31.96, 35.95, "JO", "Amman", "city"),
    "البصرة": (99532, "Basra", 30.51, 47.78, "IQ", "Basra", "city"),
}
_KILLED = re.compile(r"قتل (ستة|\d+)")
_NUMBER_WORDS = {"ستة": 6}


class KeywordEvents:
    """``Doc -> Doc``: sentences, entities, places and one event per trigger word."""

    name = "test.keyword_events"

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        doc.sentences = [doc.span(m.start(), m.end()) for m in re.finditer(r"[^.\n]+", text)]
        for surface, (etype, aid, label, cc, sector, qid) in ACTORS.items():
            for m in re.finditer(re.escape(surface), text):
                doc.entities.append(Entity(surface, m.start(), m.end(), etype, aid, label, cc, sector, qid))
        for surface, (gid, name, lat, lon, cc, adm, feat) in PLACES.items():
            for m in re.finditer(re.escape(surface), text):
                doc.places.append(Place(surface, m.start(), m.end(), gid, name, lat, lon, cc, adm, feat))
        if doc.published:
            for m in re.finditer("اليوم", text):
                doc.times.append(TimeExpr("اليوم", m.start(), m.end(), doc.published[:10], "day"))
        for word, (etype, mode) in TRIGGERS.items():
            for m in re.finditer(word, text):
                sent = doc.sentence_of(m.start())
                actor = next((e for e in doc.entities if sent.start <= e.start < sent.end), None)
                place = next((p for p in doc.places if sent.start <= p.start < sent.end), None)
                killed = _KILLED.search(sent.text)
                deaths = None
                if killed and etype == "ASSAULT":
                    word_ = killed.group(1)
                    deaths = {"value": _NUMBER_WORDS.get(word_) or int(word_), "qualifier": "exact"}
                doc.events.append(Event(
                    event_id=f"{doc.doc_id}-{len(doc.events)}", event_type=etype,
                    trigger=doc.span(m.start(), m.end()), sentence=sent, mode=mode,
                    cameo_root=CAMEO_ROOT[etype], actor=actor, location=place,
                    date=(doc.published or "")[:10] or None, date_inferred=True,
                    fatalities=deaths, confidence=0.9, rule=f"test:{word}",
                ))
        return doc
