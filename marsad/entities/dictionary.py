"""The actor dictionary: countries, organisations, people, descriptions.

Reads the YAML files in ``marsad/entities/data`` (format in each file's
header and in ``docs/entities.md``), checks them, and indexes every Arabic
alias by its matching key (:func:`marsad.entities.words.key`) so a document
can be scanned in one left-to-right pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from marsad.entities.words import key
from marsad.errors import DataFileError

QID_RE = re.compile(r"^Q[1-9][0-9]*$")
SECTORS = frozenset("GOV MIL COP REB OPP CVL IGO NGO MED JUD PTY BUS REF REL UAF CRM EDU ELI LEG SPY HLH LAB".split())
ENTITY_TYPES = frozenset(("PER", "ORG", "LOC", "GPE", "NORP", "MISC"))
COUNTRY_MODES = frozenset(("adjective", "context", "none", "required"))

# What a pattern stands for; the kind decides how the stage interprets a hit.
PERSON, ORG, COUNTRY, GOV_METONYM, ADJECTIVE, PEOPLE, NOUN, TITLE = (
    "person", "org", "country", "gov", "adj", "people", "noun", "title")
KIND_PRIORITY = {PERSON: 0, ORG: 1, COUNTRY: 2, GOV_METONYM: 3, NOUN: 4, TITLE: 5,
                 PEOPLE: 6, ADJECTIVE: 7}


@dataclass(frozen=True, slots=True)
class Role:
    """An office held between two dates.

    Parameters
    ----------
    role : str
        Role name, a key of ``titles`` in ``sectors.yaml`` (``"president"``).
    body : str or None
        ISO alpha-3 country or organisation id the role belongs to.
    sector : str
        Sector code while holding the role.
    start, end : str or None
        ISO dates; ``end`` is None while in office.
    """

    role: str
    body: str | None
    sector: str
    start: str | None
    end: str | None

    def holds_on(self, date: str) -> bool:
        """Return True when ``date`` (ISO, any precision) falls in the role."""
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(slots=True)
class Actor:
    """A canonical actor of the dictionary.

    Parameters
    ----------
    actor_id : str
        Dictionary key (``"putin"``, ``"isis"``, ``"RUS"``).
    kind : str
        ``"person"``, ``"org"`` or ``"country"``.
    label_en : str
    type : str
        Entity type (PER, ORG, GPE, NORP).
    country : str or None
        ISO alpha-3.
    sector : str or None
    wikidata : str or None
    roles : list of Role
        People only; time-bounded offices.
    iso2 : str or None
        Countries only.
    """

    actor_id: str
    kind: str
    label_en: str
    type: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    roles: list[Role] = field(default_factory=list)
    iso2: str | None = None

    def role_on(self, date: str | None) -> Role | None:
        """Return the role in force on ``date``, else the nearest one, else None.

        Parameters
        ----------
        date : str or None
            ISO 8601 date or datetime; None picks the latest role.
        """
        if not self.roles:
            return None
        if date is None:
            return self.roles[-1]
        day = date[:10]
        current = [r for r in self.roles if r.holds_on(day)]
        if current:
            return current[-1]
        before = [r for r in self.roles if r.start and r.start <= day]
        return before[-1] if before else self.roles[0]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One alias as a sequence of matching keys and what it stands for.

    Parameters
    ----------
    keys : tuple of str
        Matching keys of the alias words.
    kind : str
        One of the pattern kinds (person, org, country, gov, adj, people, noun, title).
    ref : str
        Actor id, ISO alpha-3 code, description id or role name.
    ambiguous : bool
        True when the alias is also an ordinary word; the stage then needs
        context before accepting it.
    """

    keys: tuple
    kind: str
    ref: str
    ambiguous: bool = False


def _str(v) -> str | None:
    """Return a YAML scalar (possibly a date) as a string, None as None."""
    return None if v is None else str(v)


def nisba_forms(adj: str) -> list[str]:
    """Return the inflected forms of a masculine singular nisba adjective.

    Parameters
    ----------
    adj : str
        E.g. ``"روسي"``; several words are inflected word by word.

    Returns
    -------
    list of str
        With and without the article: masculine/feminine singular, dual,
        sound plurals (``الروسي، روسية، الروسيان، الروسيين، الروسيات``...).

    Notes
    -----
    The indefinite accusative (``أفغانياً``) is added by the loader only when
    it differs from the country's names: ``روسياً`` reads as ``روسيا`` and is
    handled as a number-preceded nationality instead.
    """
    suffixes = ("", "ة", "ان", "ين", "ون", "ات", "تان", "تين")
    out = []
    for suf in suffixes:
        words = [w + suf for w in adj.split()]
        out.append(" ".join(words))
        out.append(" ".join("ال" + w for w in words))
    return out


class ActorDictionary:
    """Countries, organisations, people and descriptions with Arabic aliases.

    Parameters
    ----------
    data_dir : str or Path, optional
        Folder holding ``countries.yaml``, ``organizations.yaml``,
        ``people.yaml`` and ``sectors.yaml``; defaults to the bundled
        ``marsad/entities/data``.

    Attributes
    ----------
    actors_ : dict of str to Actor
        Every actor by id (people, organisations, and countries by ISO alpha-3).
    patterns_ : dict of str to list of Pattern
        Patterns indexed by the key of their first word.
    nouns_ : dict of str to dict
        Description nouns (``sectors.yaml`` ``nouns``) by id.
    titles_ : dict of str to list of str
        Role titles by role name.
    max_len_ : int
        Longest alias in words.

    Examples
    --------
    >>> d = ActorDictionary().load()
    >>> d.actors_["putin"].label_en
    'Vladimir Putin'
    """

    def __init__(self, data_dir: str | Path | None = None):
        self.data_dir = data_dir

    # -- loading ------------------------------------------------------------
    def _read(self, name: str) -> dict:
        """Return one YAML file of the data folder as a mapping.

        Raises
        ------
        DataFileError
            If the file is missing, not YAML, or not a mapping.
        """
        try:
            if self.data_dir is None:
                text = resources.files("marsad.entities").joinpath("data", name).read_text("utf-8")
            else:
                text = Path(self.data_dir, name).read_text("utf-8")
            data = yaml.safe_load(text)
        except (OSError, yaml.YAMLError) as exc:
            raise DataFileError(f"[E301] {name}: cannot read: {exc}") from exc
        if not isinstance(data, dict):
            raise DataFileError(f"[E302] {name}: expected a mapping at top level")
        return data

    def load(self) -> "ActorDictionary":
        """Read, validate and index the data files; return ``self``.

        Raises
        ------
        DataFileError
            On a missing field, bad code (ISO, QID, sector), duplicate id, or
            an alias whose key two actors share without declaring it ambiguous.
        """
        self.actors_: dict[str, Actor] = {}
        self.patterns_: dict[str, list[Pattern]] = {}
        self._owners: dict[tuple, set] = {}
        self._declared: set[tuple] = set()
        self._holders: dict[tuple, list] | None = None  # see holders()
        countries = self._read("countries.yaml")
        orgs = self._read("organizations.yaml")
        people = self._read("people.yaml")
        sectors = self._read("sectors.yaml")
        for iso3, row in countries.items():
            self._load_country(iso3, row)
        for oid, row in orgs.items():
            self._load_org(oid, row)
        for pid, row in people.items():
            self._load_person(pid, row)
        self.nouns_ = sectors.get("nouns") or {}
        self.titles_ = sectors.get("titles") or {}
        for nid, row in self.nouns_.items():
            self._check_noun(nid, row)
            for alias in row["ar"]:
                self._add(alias, NOUN, nid)
        for role, aliases in self.titles_.items():
            for alias in aliases:
                self._add(alias, TITLE, role)
        self._check_roles()
        self._check_collisions()
        self.max_len_ = max(len(p.keys) for ps in self.patterns_.values() for p in ps)
        del self._owners, self._declared
        return self

    def _add(self, alias: str, kind: str, ref: str, ambiguous: bool = False) -> None:
        """Index one alias."""
        keys = tuple(key(alias).split())
        if not keys:
            raise DataFileError(f"[E303] {ref}: empty alias {alias!r}")
        pat = Pattern(keys, kind, ref, ambiguous)
        bucket = self.patterns_.setdefault(keys[0], [])
        if pat not in bucket:
            bucket.append(pat)
        if kind in (PERSON, ORG, COUNTRY, GOV_METONYM):
            self._owners.setdefault(keys, set()).add(ref)
            if ambiguous:
                self._declared.add(keys)

    def _load_country(self, iso3: str, row: dict) -> None:
        """Index one country: names, metonyms, adjectives, plurals."""
        where = f"countries.yaml:{iso3}"
        if not re.fullmatch(r"[A-Z]{3}", str(iso3)):
            raise DataFileError(f"[E304] {where}: not an ISO alpha-3 code")
        iso2 = row.get("iso2")
        if not (isinstance(iso2, str) and re.fullmatch(r"[A-Z]{2}", iso2)):
            raise DataFileError(f"[E304] {where}: bad iso2 {iso2!r}")
        self._check_qid(where, row.get("qid"))
        if not row.get("ar") or not row.get("en"):
            raise DataFileError(f"[E305] {where}: needs 'en' and 'ar'")
        self.actors_[iso3] = Actor(iso3, COUNTRY, row["en"], "GPE", iso3, "GOV",
                                   _str(row.get("qid")), iso2=iso2)
        amb = {tuple(key(a).split()) for a in row.get("ambiguous") or []}
        for alias in row["ar"]:
            self._add(alias, COUNTRY, iso3, tuple(key(alias).split()) in amb)
        for alias in row.get("gov") or []:
            self._add(alias, GOV_METONYM, iso3, tuple(key(alias).split()) in amb)
        names = {key(a) for a in row["ar"]}
        for adj in row.get("adj") or []:
            for form in nisba_forms(adj):
                self._add(form, ADJECTIVE, iso3)
            accusative = " ".join(w + "ا" for w in adj.split())  # مدنيا أفغانيا
            if key(accusative) not in names:  # سوريا is the country, not "Syrian"
                self._add(accusative, ADJECTIVE, iso3)
        for alias in row.get("pl") or []:
            self._add(alias, PEOPLE, iso3)

    def _load_org(self, oid: str, row: dict) -> None:
        """Index one organisation."""
        where = f"organizations.yaml:{oid}"
        if oid in self.actors_:
            raise DataFileError(f"[E306] {where}: duplicate id")
        for f in ("en", "type", "sector", "ar"):
            if not row.get(f):
                raise DataFileError(f"[E305] {where}: missing {f!r}")
        if row["type"] not in ENTITY_TYPES:
            raise DataFileError(f"[E307] {where}: type {row['type']!r} not in {sorted(ENTITY_TYPES)}")
        self._check_sector(where, row["sector"])
        self._check_country(where, row.get("country"))
        self._check_qid(where, row.get("qid"))
        self.actors_[oid] = Actor(oid, ORG, row["en"], row["type"], row.get("country"),
                                  row["sector"], _str(row.get("qid")))
        amb = {tuple(key(a).split()) for a in row.get("ambiguous") or []}
        for alias in row["ar"]:
            self._add(alias, ORG, oid, tuple(key(alias).split()) in amb)
        for adj in row.get("adj") or []:
            for form in nisba_forms(adj):
                self._add(form, ADJECTIVE, oid)

    def _load_person(self, pid: str, row: dict) -> None:
        """Index one person with their roles."""
        where = f"people.yaml:{pid}"
        if pid in self.actors_:
            raise DataFileError(f"[E306] {where}: duplicate id")
        if not row.get("en") or not row.get("ar"):
            raise DataFileError(f"[E305] {where}: needs 'en' and 'ar'")
        self._check_qid(where, row.get("qid"))
        self._check_country(where, row.get("country"))
        roles = []
        for r in row.get("roles") or []:
            if not (isinstance(r, list) and len(r) == 5):
                raise DataFileError(f"[E308] {where}: role must be [role, body, sector, from, to], got {r!r}")
            self._check_sector(where, r[2])
            start, end = _str(r[3]), _str(r[4])
            for d in (start, end):
                if d is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
                    raise DataFileError(f"[E308] {where}: bad date {d!r}")
            roles.append(Role(r[0], r[1], r[2], start, end))
        roles.sort(key=lambda r: r.start or "")
        sector = roles[-1].sector if roles else None
        self.actors_[pid] = Actor(pid, PERSON, row["en"], "PER", row.get("country"), sector,
                                  _str(row.get("qid")), roles)
        amb = {tuple(key(a).split()) for a in row.get("ambiguous") or []}
        for alias in row["ar"]:
            self._add(alias, PERSON, pid, tuple(key(alias).split()) in amb)

    # -- checks -------------------------------------------------------------
    @staticmethod
    def _check_qid(where: str, qid) -> None:
        if qid is not None and not QID_RE.match(str(qid)):
            raise DataFileError(f"[E309] {where}: bad Wikidata QID {qid!r}")

    @staticmethod
    def _check_sector(where: str, sector) -> None:
        if sector not in SECTORS:
            raise DataFileError(f"[E310] {where}: sector {sector!r} not in {sorted(SECTORS)}")

    def _check_country(self, where: str, country) -> None:
        if country is not None and country not in self.actors_:
            raise DataFileError(f"[E311] {where}: country {country!r} is not in countries.yaml")

    def _check_noun(self, nid: str, row: dict) -> None:
        where = f"sectors.yaml:nouns.{nid}"
        if not row.get("ar"):
            raise DataFileError(f"[E305] {where}: missing 'ar'")
        if row.get("sector") is not None:
            self._check_sector(where, row["sector"])
        if row.get("type") not in ENTITY_TYPES:
            raise DataFileError(f"[E307] {where}: bad type {row.get('type')!r}")
        mode = row.get("country")
        if mode not in COUNTRY_MODES and mode not in self.actors_:
            raise DataFileError(f"[E311] {where}: country {mode!r} is neither a mode nor a country")

    def _check_roles(self) -> None:
        """Every role's body is a known country or organisation, every role name a title or known extra."""
        for actor in self.actors_.values():
            for r in actor.roles:
                if r.body is not None and r.body not in self.actors_:
                    raise DataFileError(f"[E311] people.yaml:{actor.actor_id}: role body {r.body!r} unknown")

    def _check_collisions(self) -> None:
        """Two actors may share an alias key only when it is declared ambiguous."""
        for keys, owners in self._owners.items():
            if len(owners) > 1 and keys not in self._declared:
                raise DataFileError(
                    f"[E312] alias {' '.join(keys)!r} is shared by {sorted(owners)} "
                    "but not declared ambiguous")

    # -- queries ------------------------------------------------------------
    def resolve(self, actor_id: str, date: str | None = None) -> tuple[str | None, str | None]:
        """Return ``(country, sector)`` of an actor on a date.

        Parameters
        ----------
        actor_id : str
        date : str or None
            ISO 8601; a person's role in force then gives the codes.

        Returns
        -------
        tuple of (str or None, str or None)
            ISO alpha-3 country and sector code. An organisation role (UN
            envoy) gives the organisation's country, None for international bodies.
        """
        actor = self.actors_[actor_id]
        if actor.kind != PERSON:
            return actor.country, actor.sector
        role = actor.role_on(date)
        if role is None:
            return actor.country, actor.sector
        body = self.actors_.get(role.body) if role.body else None
        country = body.country if body is not None else actor.country
        return country, role.sector

    def holders(self, role: str, body: str, date: str | None) -> list[str]:
        """Return ids of the people holding ``role`` for ``body`` on ``date``.

        Parameters
        ----------
        role : str
            Role name (``"president"``).
        body : str
            ISO alpha-3 or organisation id.
        date : str or None
            ISO 8601; None accepts any date.
        """
        index = self._holders
        if index is None:  # built on first use: (role, body) -> [(actor id, its roles of that kind)]
            index = self._holders = {}
            for actor in self.actors_.values():
                mine: dict[tuple, list] = {}
                for r in actor.roles:
                    mine.setdefault((r.role, r.body), []).append(r)
                for rb, roles in mine.items():
                    index.setdefault(rb, []).append((actor.actor_id, roles))
        return [actor_id for actor_id, roles in index.get((role, body), ())
                if date is None or any(r.holds_on(date[:10]) for r in roles)]
