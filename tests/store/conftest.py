"""Fixtures for the store tests: coded example articles and a filled store."""

from pathlib import Path

import pytest

from marsad.io import iter_docs
from tests.store.keyword_stage import KeywordEvents

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture()
def coded_examples():
    """The bundled example articles, read by marsad.io and coded by the keyword stage."""
    stage = KeywordEvents()
    return [stage(d) for d in iter_docs([str(EXAMPLES)])]


@pytest.fixture()
def filled_store(tmp_path, coded_examples):
    """A store holding the coded examples (one run)."""
    from marsad.store import Store

    store = Store(tmp_path / "events.duckdb")
    run_id = store.start_run({"test": True})
    store.add_docs(coded_examples, run_id)
    return store
