"""Fixtures for the entity tests: the loaded stage and its data, built once."""

import json
import zipfile
from pathlib import Path

import pytest

from marsad.entities import ActorDictionary, EntityStage, Gazetteer


@pytest.fixture(scope="session")
def dictionary() -> ActorDictionary:
    """The bundled actor dictionary, loaded."""
    return ActorDictionary().load()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded."""
    return Gazetteer().load()


@pytest.fixture(scope="session")
def stage(dictionary, gazetteer) -> EntityStage:
    """The entity stage with the bundled tagger."""
    return EntityStage(dictionary=dictionary, gazetteer=gazetteer).initialize()


@pytest.fixture(scope="session")
def saudi_article(shared_data: Path):
    """Return ``find(day, phrase)``: the first SaudiNewsNet article of that day containing ``phrase``."""

    def find(day: str, phrase: str) -> str:
        with zipfile.ZipFile(shared_data / "saudinewsnet" / f"{day}.zip") as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name)):
                    if phrase in (art.get("content") or ""):
                        return art["content"]
        pytest.fail(f"no article of {day} contains {phrase!r}")

    return find
