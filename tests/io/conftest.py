"""Fixtures for the io tests."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The bundled example articles."""
    return ROOT / "examples"
