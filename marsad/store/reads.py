"""Read side of the store: counts, event rows, article records, errors and runs.

Mixed into :class:`marsad.store.Store`, which provides ``connect`` (short
read-only connections, retried while a writer holds the file) and ``path``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from marsad.store.flatten import flat_row
from marsad.store.query import EventFilter

# "column IN <a list parameter>", planned as a hash semi-join.
IN_LIST = "IN (SELECT unnest(?::VARCHAR[]))"


def has_table(con, name: str) -> bool:
    """Return True when the database behind ``con`` has table ``name``."""
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])


class StoreQueries:
    """Queries over a store; see :class:`marsad.store.Store` for the connection."""

    def counts(self) -> dict[str, int]:
        """Return the number of rows in each table (all zero when the file is absent)."""
        tables = ("articles", "duplicates", "entities", "places", "times", "events", "errors", "runs")
        if not self.path.exists():
            return dict.fromkeys(tables, 0)
        with self.connect(read_only=True) as con:
            return {t: (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                        if has_table(con, t) else 0) for t in tables}

    def events(self, filters: EventFilter | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Return matching events as flat rows, newest first.

        Parameters
        ----------
        filters : EventFilter, optional
        limit : int, optional
            At most this many rows.

        Returns
        -------
        list of dict
            Keys :data:`marsad.store.flatten.FLAT_NAMES` (the event with its
            article's fields), ordered by event date then publication date,
            newest first.
        """
        filters = filters or EventFilter()
        where, params = filters.where()
        sql = ("SELECT a.doc_id, a.published, a.source, a.url, a.title, a.language, e.record "
               f"FROM events e JOIN articles a USING (doc_id) WHERE {where} "
               "ORDER BY COALESCE(e.event_date, CAST(a.published AS DATE)) DESC NULLS LAST, e.event_id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        keys = ("doc_id", "published", "source", "url", "title", "language")
        with self.connect(read_only=True) as con:
            rows = con.execute(sql, params).fetchall()
        out = []
        for *head, event in rows:
            article = dict(zip(keys, head))
            if article["published"] is not None:
                article["published"] = article["published"].isoformat()
            out.append(flat_row(article, json.loads(event)))
        return out

    def records(self, filters: EventFilter | None = None, batch: int = 200) -> Iterator[dict[str, Any]]:
        """Yield stored article records (the output contract), oldest first.

        Without filters every article is yielded whole. With filters only
        articles having a matching event are yielded, and each record's
        ``events`` keeps just the matching ones.

        Parameters
        ----------
        filters : EventFilter, optional
        batch : int, default 200
            Records fetched per short connection. The order is settled first
            on the small key columns, so memory stays bounded and writers get
            the file between batches.
        """
        filters = filters or EventFilter()
        with self.connect(read_only=True) as con:
            if filters.empty:
                keys = con.execute(
                    "SELECT doc_id, NULL FROM articles ORDER BY published NULLS LAST, doc_id").fetchall()
            else:
                where, params = filters.where()
                keys = con.execute(
                    "SELECT e.doc_id, list(e.event_id) FROM events e JOIN articles a USING (doc_id) "
                    f"WHERE {where} GROUP BY e.doc_id, a.published "
                    "ORDER BY a.published NULLS LAST, e.doc_id", params).fetchall()
        for i in range(0, len(keys), batch):
            chunk = keys[i:i + batch]
            with self.connect(read_only=True) as con:
                found = dict(con.execute(f"SELECT doc_id, record FROM articles WHERE doc_id {IN_LIST}",
                                         [[doc_id for doc_id, _ in chunk]]).fetchall())
            for doc_id, event_ids in chunk:
                if doc_id not in found:        # deleted meanwhile
                    continue
                record = json.loads(found[doc_id])
                if event_ids is not None:
                    keep = set(event_ids)
                    record["events"] = [e for e in record["events"] if e["event_id"] in keep]
                yield record

    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        """Return recorded failures (of one run, or all), oldest first."""
        sql = "SELECT run_id, input, record_no, reason FROM errors"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        with self.connect(read_only=True) as con:
            rows = con.execute(sql + " ORDER BY created, input, record_no", params).fetchall()
        return [dict(zip(("run_id", "input", "record_no", "reason"), r)) for r in rows]

    def runs(self) -> list[dict[str, Any]]:
        """Return every run with its version, options, counts and seconds, oldest first."""
        with self.connect(read_only=True) as con:
            rows = con.execute(
                "SELECT run_id, version, started, finished, options, counts, seconds FROM runs ORDER BY run_id"
            ).fetchall()
        keys = ("run_id", "version", "started", "finished", "options", "counts", "seconds")
        out = []
        for r in rows:
            d = dict(zip(keys, r))
            d["options"] = json.loads(d["options"]) if d["options"] else {}
            d["counts"] = json.loads(d["counts"]) if d["counts"] else None
            out.append(d)
        return out
