"""Build small stores for the web tests: Docs with events, written per schema.sql.

The rows follow ``marsad/store/schema.sql`` column by column, so the tests do
not depend on how :mod:`marsad.store` batches its writes.
"""

from __future__ import annotations

import json
import re
from importlib import resources

import duckdb

from marsad.doc import Doc, Entity, Event, Place, Span, TimeExpr
from marsad.events.ontology import QUAD, quad_of_root


def schema_sql() -> str:
    """Return the store's DDL."""
    return (resources.files("marsad.store") / "schema.sql").read_text(encoding="utf-8")


def split_sentences(text: str) -> list[Span]:
    """Cut ``text`` at full stops, question marks and line breaks (test helper only)."""
    spans, start = [], 0
    for m in re.finditer(r"[.!?؟]+|\n+", text):
        if text[start:m.end()].strip():
            spans.append(Span(text[start:m.end()], start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append(Span(text[start:], start, len(text)))
    return spans


def mention(doc: Doc, cls, needle: str, nth: int = 0, after: int = 0, **kw):
    """Return ``cls(text, start, end, **kw)`` for the ``nth`` ``needle`` at or after ``after``."""
    start = after - 1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    return cls(needle, start, start + len(needle), **kw)


def _who(prefix: str, ent: Entity | None) -> list:
    if ent is None:
        return [None] * 5
    return [ent.text, ent.actor_id, ent.label_en, ent.country, ent.sector]


def _count(obj: dict | None) -> list:
    return [None, None] if not obj else [obj.get("value"), obj.get("qualifier")]


EVENT_COLUMNS = (
    "event_id", "doc_id", "event_type", "mode", "cameo_root", "quad",
    "actor_text", "actor_id", "actor_label_en", "actor_country", "actor_sector",
    "recipient_text", "recipient_id", "recipient_label_en", "recipient_country", "recipient_sector",
    "trigger_text", "trigger_start", "trigger_end", "sentence_start", "sentence_end", "sentence_text",
    "place_text", "geonameid", "place_name_en", "latitude", "longitude", "country_code", "admin1", "feature",
    "event_date", "date_inferred", "status", "fatalities", "fatalities_qualifier", "injuries",
    "injuries_qualifier", "arrests", "arrests_qualifier", "attributed_to_text", "attributed_to_id",
    "confidence", "rule", "record",
)


def event_row(doc: Doc, ev: Event) -> list:
    """Return one ``events`` row, values in :data:`EVENT_COLUMNS` order."""
    loc = ev.location
    root = ev.cameo_root
    quad = quad_of_root(root) if root else QUAD.get(ev.event_type)
    date = ev.date if ev.date and len(ev.date) == 10 else None
    return [
        ev.event_id, doc.doc_id, ev.event_type, ev.mode, root, quad,
        *_who("actor", ev.actor), *_who("recipient", ev.recipient),
        ev.trigger.text, ev.trigger.start, ev.trigger.end,
        ev.sentence.start, ev.sentence.end, ev.sentence.text,
        *( [loc.text, loc.geonameid, loc.name_en, loc.latitude, loc.longitude, loc.country_code, loc.admin1, loc.feature]
           if loc else [None] * 8 ),
        date, ev.date_inferred, ev.status,
        *_count(ev.fatalities), *_count(ev.injuries), *_count(ev.arrests),
        ev.attributed_to.text if ev.attributed_to else None,
        ev.attributed_to.actor_id if ev.attributed_to else None,
        ev.confidence, ev.rule, json.dumps(ev.as_dict(), ensure_ascii=False),
    ]


def write_store(path: str, docs: list[Doc]) -> None:
    """Create the store at ``path`` and write every doc with its annotations."""
    con = duckdb.connect(str(path))
    try:
        con.execute(schema_sql())
        for doc in docs:
            con.execute(
                "INSERT INTO articles (doc_id, source, url, title, published, language, text, raw, input,"
                " record_no, run_id, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc.doc_id, doc.source, doc.url, doc.title, doc.published, doc.language, doc.text,
                 doc.raw, doc.meta.get("input"), doc.meta.get("record_no"), None,
                 json.dumps(doc.to_record(), ensure_ascii=False)],
            )
            for i, e in enumerate(doc.entities):
                con.execute("INSERT INTO entities (doc_id, idx, text, start_char, end_char, type, actor_id,"
                            " label_en, country, sector, wikidata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [doc.doc_id, i, e.text, e.start, e.end, e.type, e.actor_id, e.label_en,
                             e.country, e.sector, e.wikidata])
            for i, p in enumerate(doc.places):
                con.execute("INSERT INTO places (doc_id, idx, text, start_char, end_char, geonameid, name_en,"
                            " latitude, longitude, country_code, admin1, feature)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [doc.doc_id, i, p.text, p.start, p.end, p.geonameid, p.name_en, p.latitude,
                             p.longitude, p.country_code, p.admin1, p.feature])
            for i, t in enumerate(doc.times):
                con.execute("INSERT INTO times (doc_id, idx, text, start_char, end_char, value, granularity)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [doc.doc_id, i, t.text, t.start, t.end, t.value, t.granularity])
            for ev in doc.events:
                con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join(['?'] * 44)})",
                            event_row(doc, ev))
    finally:
        con.close()


def build_store(path, docs: list[Doc]):
    """Write ``docs`` with the store engineer's ``Store.add_docs`` (else per schema.sql); return ``path``."""
    try:
        from marsad.store import Store
    except ImportError:
        write_store(str(path), docs)
    else:
        Store(path).add_docs(docs)
    return path


def seed_doc(text: str) -> Doc:
    """The reference article with the events a correct coder finds, built from its offsets.

    Used when the real pipeline does not code the article yet. Codes and
    coordinates follow ``../shared/data/seed/expected.json``.
    """
    doc = Doc(text, raw=text, title=text.split("\n", 1)[0], source="seed", url="https://example.org/seed",
              published="2015-11-21T21:59:00")
    doc.sentences = split_sentences(text)
    putin = mention(doc, Entity, "فلاديمير بوتين", nth=1, type="PER", actor_id="putin",
                    label_en="Vladimir Putin", country="RUS", sector="GOV", wikidata="Q7747")
    khamenei = mention(doc, Entity, "علي خامنئي", type="PER", actor_id="khamenei",
                       label_en="Ali Khamenei", country="IRN", sector="GOV", wikidata="Q57336")
    rus_army = mention(doc, Entity, "الجيش الروسي", type="ORG", actor_id="RUS:MIL",
                       label_en="Russian military", country="RUS", sector="MIL")
    gov_forces = mention(doc, Entity, "القوات الحكومية", type="ORG", actor_id="SYR:MIL",
                         label_en="Syrian government forces", country="SYR", sector="MIL")
    opposition = mention(doc, Entity, "قوات المعارضة", type="ORG", actor_id="SYR:REB",
                         label_en="Syrian armed opposition", country="SYR", sector="REB")
    turkey = mention(doc, Entity, "تركيا", type="GPE", actor_id="TUR", label_en="Turkey", country="TUR", sector="GOV")
    ambassador = mention(doc, Entity, "سفير روسيا", type="PER", actor_id="RUS:GOV",
                         label_en="Russian ambassador", country="RUS", sector="GOV")
    doc.entities = [putin, khamenei, rus_army, gov_forces, opposition, turkey, ambassador]
    tehran = mention(doc, Place, "طهران", geonameid=112931, name_en="Tehran", latitude=35.69,
                     longitude=51.42, country_code="IR", admin1="Tehran", feature="city")
    idlib = mention(doc, Place, "إدلب", geonameid=169388, name_en="Idlib", latitude=35.93,
                    longitude=36.63, country_code="SY", admin1="Idlib", feature="city")
    ghouta_at = doc.text.index("الغوطة الشرقية قرب دمشق")
    ghouta = Place("الغوطة الشرقية", ghouta_at, ghouta_at + len("الغوطة الشرقية"), name_en="Eastern Ghouta",
                   latitude=33.55, longitude=36.45, country_code="SY", admin1="Rif Dimashq", feature="region")
    damascus = mention(doc, Place, "دمشق", after=ghouta.end + 20, geonameid=170654, name_en="Damascus",
                       latitude=33.51, longitude=36.29, country_code="SY", admin1="Damascus", feature="city")
    near = mention(doc, Place, "دمشق", after=ghouta.end, geonameid=170654, name_en="Damascus",
                   latitude=33.51, longitude=36.29, country_code="SY", admin1="Damascus", feature="city")
    doc.places = [tehran, idlib, ghouta, near, damascus]
    monday = mention(doc, TimeExpr, "الاثنين المقبل", value="2015-11-23", granularity="day")
    yesterday = mention(doc, TimeExpr, "أمس", value="2015-11-20", granularity="day")
    doc.times = [yesterday, monday]

    def event(i, etype, trig, after, **kw):
        t = mention(doc, Span, trig, after=after)
        return Event(f"{doc.doc_id}-{i}", etype, t, doc.sentence_of(t.start), **kw)

    meet = event(0, "CONSULT", "سيلتقي", 0, mode="meet", cameo_root="04", actor=putin, recipient=khamenei,
                 location=tehran, date="2015-11-23", status="planned", confidence=0.9, rule="consult.meet")
    strike = event(1, "ASSAULT", "قصف", rus_army.start, mode="aerial", cameo_root="19", actor=rus_army,
                   location=idlib, date="2015-11-21", date_inferred=True, confidence=0.8, rule="assault.bomb")
    shelling = event(2, "ASSAULT", "قصف", gov_forces.start, mode="shelling", cameo_root="19", actor=gov_forces,
                     recipient=opposition, location=ghouta, date="2015-11-21", date_inferred=True,
                     fatalities={"value": 14, "qualifier": "min"}, injuries={"value": 50, "qualifier": "min"},
                     confidence=0.85, rule="assault.shell")
    reply = event(3, "ASSAULT", "قصفت", opposition.end, mode="shelling", cameo_root="19", actor=opposition,
                  location=damascus, date="2015-11-21", date_inferred=True,
                  fatalities={"value": 5, "qualifier": "min"}, injuries={"value": 30, "qualifier": "min"},
                  confidence=0.75, rule="assault.shell")
    summon = event(4, "ACCUSE", "واستدعت", 0, mode="summon", cameo_root="11", actor=turkey, recipient=ambassador,
                   date="2015-11-20", confidence=0.6, rule="accuse.summon")
    doc.events = [meet, strike, shelling, reply, summon]
    return doc


def cairo_doc() -> Doc:
    """A short article of our own: a student protest in Cairo and arrests."""
    text = ("طلاب يتظاهرون في القاهرة\n"
            "تظاهر مئات الطلاب في القاهرة يوم الأحد احتجاجا على رفع الرسوم الدراسية. "
            "واعتقلت الشرطة عشرة من المتظاهرين أمام مبنى الجامعة.")
    doc = Doc(text, raw=text, title="طلاب يتظاهرون في القاهرة", source="example", published="2015-12-07T10:00:00")
    doc.sentences = split_sentences(text)
    students = mention(doc, Entity, "الطلاب", type="NORP", actor_id="EGY:EDU", label_en="Egyptian students",
                       country="EGY", sector="EDU")
    police = mention(doc, Entity, "الشرطة", type="ORG", actor_id="EGY:COP", label_en="Egyptian police",
                     country="EGY", sector="COP")
    cairo = mention(doc, Place, "القاهرة", nth=1, geonameid=360630, name_en="Cairo", latitude=30.04,
                    longitude=31.24, country_code="EG", admin1="Cairo", feature="city")
    sunday = mention(doc, TimeExpr, "يوم الأحد", value="2015-12-06", granularity="day")
    doc.entities, doc.places, doc.times = [students, police], [cairo], [sunday]
    t1 = mention(doc, Span, "تظاهر", after=text.index("\n"))
    t2 = mention(doc, Span, "واعتقلت")
    doc.events = [
        Event(f"{doc.doc_id}-0", "PROTEST", t1, doc.sentence_of(t1.start), mode="demonstrate", cameo_root="14",
              actor=students, location=cairo, date="2015-12-06", confidence=0.9, rule="protest.demonstrate"),
        Event(f"{doc.doc_id}-1", "COERCE", t2, doc.sentence_of(t2.start), mode="arrest", cameo_root="17",
              actor=police, recipient=students, location=cairo, date="2015-12-06",
              arrests={"value": 10, "qualifier": "exact"}, confidence=0.7, rule="coerce.arrest"),
    ]
    return doc


def riyadh_doc() -> Doc:
    """A short article of our own: a Saudi-Jordanian energy agreement."""
    text = ("اتفاقية سعودية أردنية للطاقة\n"
            "وقعت السعودية والأردن في الرياض أمس اتفاقية للتعاون في مجال الطاقة المتجددة.")
    doc = Doc(text, raw=text, title="اتفاقية سعودية أردنية للطاقة", source="example", published="2015-10-15T08:00:00")
    doc.sentences = split_sentences(text)
    sau = mention(doc, Entity, "السعودية", type="GPE", actor_id="SAU", label_en="Saudi Arabia", country="SAU", sector="GOV")
    jor = mention(doc, Entity, "الأردن", type="GPE", actor_id="JOR", label_en="Jordan", country="JOR", sector="GOV")
    riyadh = mention(doc, Place, "الرياض", geonameid=108410, name_en="Riyadh", latitude=24.69,
                     longitude=46.72, country_code="SA", admin1="Riyadh", feature="city")
    doc.entities, doc.places = [sau, jor], [riyadh]
    doc.times = [mention(doc, TimeExpr, "أمس", value="2015-10-14", granularity="day")]
    t = mention(doc, Span, "وقعت")
    doc.events = [Event(f"{doc.doc_id}-0", "AGREE", t, doc.sentence_of(t.start), mode="sign", cameo_root="03",
                        actor=sau, recipient=jor, location=riyadh, date="2015-10-14", confidence=0.95,
                        rule="agree.sign")]
    return doc
