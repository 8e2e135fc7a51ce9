"""Fixtures for the event coder tests: the whole pipeline, built once."""

from pathlib import Path

import pytest
import yaml

from marsad.doc import Doc

HERE = Path(__file__).parent
PUBLISHED = "2015-11-21T12:00:00"


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (language layer, entities, events), initialised once."""
    from marsad.pipeline import default_pipeline

    return default_pipeline().initialize()


@pytest.fixture(scope="session")
def code(nlp):
    """Return a function that codes one text and returns its Doc."""

    def _code(text: str, published: str = PUBLISHED) -> Doc:
        return nlp(Doc(text, published=published))

    return _code


@pytest.fixture(scope="session")
def code_rules():
    """Like ``code`` but with the event rules alone (no sentence model)."""
    from marsad.events import EventStage
    from marsad.pipeline import default_pipeline

    nlp = default_pipeline()
    nlp.replace("ar.events.v1", EventStage(use_model=False))
    nlp.initialize()

    def _code(text: str, published: str = PUBLISHED) -> Doc:
        return nlp(Doc(text, published=published))

    return _code


def load_cases() -> list[dict]:
    """The sentence cases of sentences.yaml."""
    return yaml.safe_load((HERE / "sentences.yaml").read_text(encoding="utf-8"))
