"""Fixtures for the web tests: a small store and a TestClient on it."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.web import create_app
from tests.web.storefill import build_store, cairo_doc, riyadh_doc, seed_doc, write_store


@pytest.fixture(scope="session")
def web_docs(seed_path: Path) -> dict:
    """The Docs in the test store, by name."""
    return {
        "seed": seed_doc(seed_path.read_text(encoding="utf-8")),
        "cairo": cairo_doc(),
        "riyadh": riyadh_doc(),
    }


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, web_docs: dict) -> Path:
    """A DuckDB store with the seed article and two short articles (8 events)."""
    return build_store(tmp_path_factory.mktemp("web") / "store.duckdb", list(web_docs.values()))


@pytest.fixture(scope="session")
def schema_store(tmp_path_factory, web_docs: dict) -> Path:
    """The same docs written row by row per schema.sql (no marsad.store code)."""
    path = tmp_path_factory.mktemp("web") / "schema.duckdb"
    write_store(str(path), list(web_docs.values()))
    return path


@pytest.fixture(scope="session")
def client(web_store: Path) -> TestClient:
    """A TestClient on the dashboard app over :func:`web_store`."""
    return TestClient(create_app(str(web_store)))
