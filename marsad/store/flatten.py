"""Flatten contract records into one row per event.

An article record (see ``docs/contract.md``) nests its events, and each event
nests its actor, recipient, place and casualty counts. Flat formats (the
``events`` table, CSV, Parquet, POLECAT, ACLED) need one row per event with
the nested objects spread into columns and the article fields joined.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from marsad.events.ontology import QUAD, quad_of_root
from marsad.store.countries import alpha3

# (column, DuckDB type) of the generic flat export, in order.
FLAT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "VARCHAR"), ("doc_id", "VARCHAR"),
    ("event_type", "VARCHAR"), ("mode", "VARCHAR"), ("cameo_root", "VARCHAR"),
    ("quad", "VARCHAR"), ("event_date", "VARCHAR"), ("date_inferred", "BOOLEAN"),
    ("status", "VARCHAR"),
    ("actor_text", "VARCHAR"), ("actor_id", "VARCHAR"), ("actor_label_en", "VARCHAR"),
    ("actor_country", "VARCHAR"), ("actor_sector", "VARCHAR"), ("actor_wikidata", "VARCHAR"),
    ("recipient_text", "VARCHAR"), ("recipient_id", "VARCHAR"),
    ("recipient_label_en", "VARCHAR"), ("recipient_country", "VARCHAR"),
    ("recipient_sector", "VARCHAR"), ("recipient_wikidata", "VARCHAR"),
    ("attributed_to_text", "VARCHAR"), ("attributed_to_id", "VARCHAR"),
    ("attributed_to_label_en", "VARCHAR"),
    ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
    ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"), ("sentence_text", "VARCHAR"),
    ("place_text", "VARCHAR"), ("geonameid", "BIGINT"), ("place_name_en", "VARCHAR"),
    ("latitude", "DOUBLE"), ("longitude", "DOUBLE"), ("country_code", "VARCHAR"),
    ("country", "VARCHAR"), ("admin1", "VARCHAR"), ("feature", "VARCHAR"),
    ("fatalities", "INTEGER"), ("fatalities_qualifier", "VARCHAR"),
    ("injuries", "INTEGER"), ("injuries_qualifier", "VARCHAR"),
    ("arrests", "INTEGER"), ("arrests_qualifier", "VARCHAR"),
    ("confidence", "DOUBLE"), ("rule", "VARCHAR"),
    ("published", "VARCHAR"), ("source", "VARCHAR"), ("url", "VARCHAR"),
    ("title", "VARCHAR"), ("language", "VARCHAR"),
]
FLAT_NAMES = [name for name, _ in FLAT_COLUMNS]

# Columns of the store's ``events`` table (schema.sql), in order.
EVENT_TABLE_COLUMNS = [
    "event_id", "doc_id", "event_type", "mode", "cameo_root", "quad",
    "actor_text", "actor_id", "actor_label_en", "actor_country", "actor_sector",
    "recipient_text", "recipient_id", "recipient_label_en", "recipient_country",
    "recipient_sector", "trigger_text", "trigger_start", "trigger_end",
    "sentence_start", "sentence_end", "sentence_text", "place_text", "geonameid",
    "place_name_en", "latitude", "longitude", "country_code", "admin1", "feature",
    "event_date", "date_inferred", "status", "fatalities", "fatalities_qualifier",
    "injuries", "injuries_qualifier", "arrests", "arrests_qualifier",
    "attributed_to_text", "attributed_to_id", "confidence", "rule", "record",
]


def quad_of(event: dict[str, Any]) -> str | None:
    """Return the CAMEO quad class of an event from its root code, else its type."""
    root = event.get("cameo_root")
    if root:
        try:
            return quad_of_root(str(root))
        except ValueError:
            pass
    return QUAD.get(event.get("event_type") or "")


def iso_date(value: Any) -> str | None:
    """Return ``YYYY-MM-DD`` when ``value`` is a full ISO date or datetime, else None."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def iso_timestamp(value: Any) -> str | None:
    """Return ``value`` when it parses as an ISO 8601 date or datetime, else None."""
    if isinstance(value, datetime):
        return value.isoformat()
    if not isinstance(value, str) or not value:
        return None
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value


def _count(obj: dict | None) -> tuple[int | None, str | None]:
    if not obj:
        return None, None
    value = obj.get("value")
    return (int(value) if value is not None else None), obj.get("qualifier")


def _who(prefix: str, ent: dict | None) -> dict[str, Any]:
    ent = ent or {}
    return {
        f"{prefix}_text": ent.get("text"), f"{prefix}_id": ent.get("actor_id"),
        f"{prefix}_label_en": ent.get("label_en"), f"{prefix}_country": ent.get("country"),
        f"{prefix}_sector": ent.get("sector"), f"{prefix}_wikidata": ent.get("wikidata"),
    }


def flat_row(article: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """Return one event of an article record as a flat dict keyed by :data:`FLAT_NAMES`.

    Parameters
    ----------
    article : dict
        An article contract record (``Doc.to_record()``).
    event : dict
        One of its ``events``.

    Returns
    -------
    dict
        Every name in :data:`FLAT_NAMES`; absent values are None. ``country``
        is the alpha-3 code of the event's location.
    """
    trig = event.get("trigger") or {}
    sent = event.get("sentence") or {}
    place = event.get("location") or {}
    row: dict[str, Any] = {
        "event_id": event.get("event_id"), "doc_id": article.get("doc_id"),
        "event_type": event.get("event_type"), "mode": event.get("mode"),
        "cameo_root": event.get("cameo_root"), "quad": quad_of(event),
        "event_date": event.get("date"), "date_inferred": bool(event.get("date_inferred")),
        "status": event.get("status"),
        **_who("actor", event.get("actor")), **_who("recipient", event.get("recipient")),
        "trigger_text": trig.get("text"), "trigger_start": trig.get("start"),
        "trigger_end": trig.get("end"),
        "sentence_start": sent.get("start"), "sentence_end": sent.get("end"),
        "sentence_text": sent.get("text"),
        "place_text": place.get("text"), "geonameid": place.get("geonameid"),
        "place_name_en": place.get("name_en"), "latitude": place.get("latitude"),
        "longitude": place.get("longitude"), "country_code": place.get("country_code"),
        "country": alpha3(place.get("country_code")), "admin1": place.get("admin1"),
        "feature": place.get("feature"),
        "confidence": event.get("confidence"), "rule": event.get("rule"),
        "published": article.get("published"), "source": article.get("source"),
        "url": article.get("url"), "title": article.get("title"),
        "language": article.get("language"),
    }
    att = _who("attributed_to", event.get("attributed_to"))
    row.update({k: att[k] for k in ("attributed_to_text", "attributed_to_id", "attributed_to_label_en")})
    for name in ("fatalities", "injuries", "arrests"):
        row[name], row[f"{name}_qualifier"] = _count(event.get(name))
    return {name: row.get(name) for name in FLAT_NAMES}


def event_table_row(article: dict[str, Any], event: dict[str, Any], record_json: str) -> list[Any]:
    """Return the values of one ``events`` table row, ordered as :data:`EVENT_TABLE_COLUMNS`.

    ``event_date`` keeps full ISO dates only (a month such as ``2015-11``
    is stored as NULL there and stays whole in ``record``).
    """
    row = flat_row(article, event)
    row["event_date"] = iso_date(event.get("date"))
    row["record"] = record_json
    return [row[name] for name in EVENT_TABLE_COLUMNS]
