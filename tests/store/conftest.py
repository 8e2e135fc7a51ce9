"""Fixtures for the store tests: our test articles, coded, and a store holding them."""

from pathlib import Path

import pytest

from marsad.io import iter_docs
from tests.store.keyword_stage import KeywordEvents

# Four short articles written for these tests, in three input forms: a talk
# in Amman (.txt), a protest in Basra and arrests in Amman (.jsonl), and an
# artillery attack near Idlib (an .html page with navigation and comments).
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture()
def coded_examples():
    """The test articles, read by marsad.io and coded by the keyword stage."""
    stage = KeywordEvents()
    return [stage(d) for d in iter_docs([str(DATA)])]


@pytest.fixture()
def filled_store(tmp_path, coded_examples):
    """A store holding the coded examples (one run)."""
    from marsad.store import Store

    store = Store(tmp_path / "events.duckdb")
    run_id = store.start_run({"test": True})
    store.add_docs(coded_examples, run_id)
    return store
