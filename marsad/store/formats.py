"""Column sets of the POLECAT and ACLED flat formats, filled from flat rows.

POLECAT (Halterman et al. 2023, the PLOVER-coded successor of ICEWS) names
its columns in title case ("Event ID", "Actor Country"...); ACLED (Raleigh
et al. 2010, codebook 2023) in snake case ("event_date", "sub_event_type").
Columns a Marsad event cannot fill are kept and left empty so that files load
into tools written for those datasets. The PLOVER -> ACLED mapping is in
:data:`ACLED_TYPES` and :func:`acled_type`, and documented in docs/store.md.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import marsad
from marsad.store.countries import alpha3, country_name, iso_numeric

POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity",
    "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Primary Actor Sector", "Actor Name Raw",
    "Wikidata Actor ID",
    "Recipient Name", "Recipient Country", "Primary Recipient Sector",
    "Recipient Name Raw", "Wikidata Recipient ID",
    "Placename", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type",
    "Publication Date", "Source", "Headline", "Event Text", "Language",
    "Fatalities", "Injuries", "Arrests", "Status", "Version",
]

# CAMEO quad class -> POLECAT "Quad Code" (1 verbal cooperation ... 4 material conflict).
QUAD_CODES = {
    "verbal_cooperation": 1, "material_cooperation": 2,
    "verbal_conflict": 3, "material_conflict": 4,
}

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]

# PLOVER type -> (ACLED event_type, default sub_event_type). Types not listed
# (verbal events such as CONSULT or ACCUSE) have no ACLED counterpart and are
# left out of ACLED exports.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "ASSAULT": ("Battles", "Armed clash"),
    "PROTEST": ("Protests", "Peaceful protest"),
    "COERCE": ("Strategic developments", "Other"),
    "AGREE": ("Strategic developments", "Agreement"),
    "MOBILIZE": ("Strategic developments", "Headquarters or base established"),
    "RETREAT": ("Strategic developments", "Non-violent transfer of territory"),
}

# Words in a PLOVER mode -> (event_type, sub_event_type) for ASSAULT/PROTEST/COERCE.
_MODE_RULES: list[tuple[tuple[str, ...], tuple[str, str]]] = [
    (("aerial", "air", "drone"), ("Explosions/Remote violence", "Air/drone strike")),
    (("shell", "artillery", "missile", "rocket", "mortar"),
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    (("suicide",), ("Explosions/Remote violence", "Suicide bomb")),
    (("bomb", "explos", "ied", "mine"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    (("chemical",), ("Explosions/Remote violence", "Chemical weapon")),
    (("grenade",), ("Explosions/Remote violence", "Grenade")),
    (("sexual",), ("Violence against civilians", "Sexual violence")),
    (("abduct", "kidnap"), ("Violence against civilians", "Abduction/forced disappearance")),
    (("riot", "violent"), ("Riots", "Violent demonstration")),
    (("arrest", "detain"), ("Strategic developments", "Arrests")),
    (("seize", "destroy", "loot", "demolish"), ("Strategic developments", "Looting/property destruction")),
]

_DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Political violence",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}

# Place feature -> ACLED geo_precision (1 town, 2 near a town / district, 3 region or country).
_GEO_PRECISION = {"village": 1, "city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}


def polecat_row(row: dict[str, Any]) -> dict[str, Any]:
    """Return a flat row (:func:`marsad.store.flatten.flat_row`) in POLECAT's columns."""
    return {
        "Event ID": row["event_id"], "Event Date": row["event_date"],
        "Event Type": row["event_type"], "Event Mode": row["mode"],
        "Event Intensity": None, "Quad Code": QUAD_CODES.get(row["quad"] or ""),
        "Contexts": None,
        "Actor Name": row["actor_label_en"] or row["actor_text"],
        "Actor Country": row["actor_country"], "Primary Actor Sector": row["actor_sector"],
        "Actor Name Raw": row["actor_text"], "Wikidata Actor ID": row["actor_wikidata"],
        "Recipient Name": row["recipient_label_en"] or row["recipient_text"],
        "Recipient Country": row["recipient_country"],
        "Primary Recipient Sector": row["recipient_sector"],
        "Recipient Name Raw": row["recipient_text"],
        "Wikidata Recipient ID": row["recipient_wikidata"],
        "Placename": row["place_name_en"] or row["place_text"], "Province": row["admin1"],
        "Country": row["country"], "Latitude": row["latitude"], "Longitude": row["longitude"],
        "GeoNames ID": row["geonameid"], "Raw Placename": row["place_text"],
        "Feature Type": row["feature"],
        "Publication Date": row["published"], "Source": row["source"] or row["url"],
        "Headline": row["title"], "Event Text": row["sentence_text"],
        "Language": row["language"], "Fatalities": row["fatalities"],
        "Injuries": row["injuries"], "Arrests": row["arrests"],
        "Status": row["status"], "Version": f"marsad-{marsad.__version__}",
    }


def acled_type(event_type: str | None, mode: str | None, recipient_sector: str | None) -> tuple[str, str] | None:
    """Return ACLED ``(event_type, sub_event_type)`` for a PLOVER event, or None.

    Parameters
    ----------
    event_type : str or None
        PLOVER type.
    mode : str or None
        PLOVER mode; words in it pick the sub-event type (``"aerial"`` ->
        Air/drone strike, ``"shelling"`` -> Shelling/artillery/missile attack,
        ``"arrest"`` -> Arrests...).
    recipient_sector : str or None
        An ASSAULT on civilians (``CVL``) with no more specific mode is
        "Violence against civilians / Attack"; otherwise "Battles / Armed clash".

    Returns
    -------
    tuple of str or None
        None for types ACLED does not record (verbal cooperation and conflict).
    """
    if event_type not in ACLED_TYPES:
        return None
    words = (mode or "").lower()
    for keys, pair in _MODE_RULES:
        if words and any(k in words for k in keys):
            if event_type == "PROTEST" and pair[0] not in ("Riots",):
                continue
            if event_type != "PROTEST" and pair[0] == "Riots":
                continue
            return pair
    if event_type == "ASSAULT" and recipient_sector == "CVL":
        return ("Violence against civilians", "Attack")
    return ACLED_TYPES[event_type]


def acled_date(value: Any, published: Any, inferred: bool | None) -> tuple[str | None, int | None]:
    """Return ACLED's ``(event_date, time_precision)`` for an event date.

    ACLED's ``event_date`` is a day and ``time_precision`` says how sure it
    is: 1 the day itself, 2 within a week, 3 within a month (ACLED Codebook,
    "Time precision"). Week (``2024-W12``), month (``2015-12``) and year
    values become the first day of their period with precision 2, 3 and 3;
    a date that fell back to the publication date gets precision 2.

    Parameters
    ----------
    value : str, date or None
        The event's ``date`` (ISO 8601 day, datetime, week, month or year).
    published : str, datetime or None
        The article's publication date, used when ``value`` is empty.
    inferred : bool or None
        True when ``value`` is the publication date, not a date in the text.

    Returns
    -------
    tuple of (str or None, int or None)
        ``YYYY-MM-DD`` and the precision; ``(None, None)`` with no date at all.

    Examples
    --------
    >>> acled_date("2024-W12", None, False)
    ('2024-03-18', 2)
    >>> acled_date("2015-12", None, False)
    ('2015-12-01', 3)
    """
    text = str(value or "")
    if not text:
        day = str(published or "")[:10]
        return (day, 2) if day else (None, None)
    if "-W" in text:
        year, week = text.split("-W")
        return date.fromisocalendar(int(year), int(week[:2]), 1).isoformat(), 2
    if len(text) == 7:
        return text + "-01", 3
    if len(text) == 4:
        return text + "-01-01", 3
    return text[:10], 2 if inferred else 1


def acled_row(row: dict[str, Any]) -> dict[str, Any] | None:
    """Return a flat row in ACLED's columns, or None when ACLED has no such event type."""
    kind = acled_type(row["event_type"], row["mode"], row["recipient_sector"])
    if kind is None:
        return None
    day, precision = acled_date(row["event_date"], row["published"], row["date_inferred"])
    cc = row["country_code"] or None
    iso3 = alpha3(cc) or row["actor_country"]
    return {
        "event_id_cnty": row["event_id"], "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": precision,
        "disorder_type": _DISORDER[kind[0]], "event_type": kind[0], "sub_event_type": kind[1],
        "actor1": row["actor_label_en"] or row["actor_text"], "assoc_actor_1": None,
        "inter1": None,
        "actor2": row["recipient_label_en"] or row["recipient_text"], "assoc_actor_2": None,
        "inter2": None, "interaction": None,
        "civilian_targeting": "Civilian targeting" if row["recipient_sector"] == "CVL" else None,
        "iso": iso_numeric(iso3), "region": None, "country": country_name(iso3),
        "admin1": row["admin1"], "admin2": None, "admin3": None,
        "location": row["place_name_en"] or row["place_text"],
        "latitude": row["latitude"], "longitude": row["longitude"],
        "geo_precision": _GEO_PRECISION.get(row["feature"] or ""),
        "source": row["source"] or row["url"], "source_scale": None,
        "notes": row["sentence_text"], "fatalities": row["fatalities"] or 0,
        "tags": row["status"] if row["status"] != "reported" else None, "timestamp": None,
    }
