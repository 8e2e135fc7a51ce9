"""Filters over stored events, as SQL for the ``events``/``articles`` tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.doc import EVENT_TYPES
from marsad.errors import UsageError
from marsad.store.countries import alpha2, alpha3


def date_bound(name: str, value: str | None, *, end: bool = False) -> str | None:
    """Return an ISO day for a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` bound.

    A year or month is widened to its first day (``end=False``) or its last
    day (``end=True``).

    Raises
    ------
    UsageError
        If ``value`` is not one of those forms.
    """
    if value is None:
        return None
    text = str(value).strip()
    try:
        if len(text) == 4:
            return date(int(text), 12, 31).isoformat() if end else date(int(text), 1, 1).isoformat()
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:])
            first = date(year, month, 1)
            if not end:
                return first.isoformat()
            following = date(year + month // 12, month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1).isoformat()
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise UsageError(f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); got {value!r}") from None


@dataclass(frozen=True)
class EventFilter:
    """Which stored events to select. Empty fields select everything.

    Parameters
    ----------
    type : str, optional
        PLOVER event type (``"ASSAULT"``), case-insensitive.
    country : str, optional
        ISO 3166 alpha-3 (``"SYR"``) or alpha-2 (``"SY"``): matches the
        actor's or recipient's country or the country of the event's place.
    since, until : str, optional
        Inclusive ISO dates (``2015-07``, ``2015-07-21``) on the event date,
        or the publication date when the event has none.
    actor : str, optional
        Substring (case-insensitive) of the actor's or recipient's Arabic
        text, English label or actor id.

    Raises
    ------
    UsageError
        For an unknown event type, a country code that is not 2 or 3
        letters, or a date that is not ISO.
    """

    type: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None

    def __post_init__(self) -> None:
        if self.type is not None:
            upper = self.type.upper()
            if upper not in EVENT_TYPES:
                raise UsageError(f"type must be a PLOVER type ({', '.join(EVENT_TYPES)}); got {self.type!r}")
            object.__setattr__(self, "type", upper)
        if self.country is not None:
            code = self.country.upper()
            if len(code) not in (2, 3) or not code.isalpha():
                raise UsageError(f"country must be an ISO 3166 alpha-3 or alpha-2 code; got {self.country!r}")
            object.__setattr__(self, "country", code)
        object.__setattr__(self, "since", date_bound("since", self.since))
        object.__setattr__(self, "until", date_bound("until", self.until, end=True))

    @property
    def empty(self) -> bool:
        """True when no field is set."""
        return not any((self.type, self.country, self.since, self.until, self.actor))

    def where(self, alias: str = "e", article: str = "a") -> tuple[str, list[Any]]:
        """Return ``(sql, params)``: a WHERE condition over events ``alias`` joined to articles ``article``."""
        parts: list[str] = []
        params: list[Any] = []
        if self.type:
            parts.append(f"{alias}.event_type = ?")
            params.append(self.type)
        if self.country:
            a3 = self.country if len(self.country) == 3 else alpha3(self.country)
            a2 = self.country if len(self.country) == 2 else alpha2(self.country)
            parts.append(f"({alias}.actor_country = ? OR {alias}.recipient_country = ? OR {alias}.country_code = ?)")
            params += [a3, a3, a2]
        day = f"COALESCE({alias}.event_date, CAST({article}.published AS DATE))"
        if self.since:
            parts.append(f"{day} >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            parts.append(f"{day} <= CAST(? AS DATE)")
            params.append(self.until)
        if self.actor:
            cols = ("actor_text", "actor_label_en", "actor_id",
                    "recipient_text", "recipient_label_en", "recipient_id")
            parts.append("(" + " OR ".join(f"{alias}.{c} ILIKE ?" for c in cols) + ")")
            params += [f"%{self.actor}%"] * len(cols)
        return (" AND ".join(parts) or "TRUE"), params
