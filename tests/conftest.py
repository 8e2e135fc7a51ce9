"""Shared fixtures: paths to ../shared/data and expensive objects built once."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path of ../shared/data; skips the test only when the folder is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_path(shared_data: Path) -> Path:
    """The reference article."""
    return shared_data / "seed" / "article-2015-11-21.txt"


@pytest.fixture(scope="session")
def seed_expected(shared_data: Path) -> dict:
    """Facts a correct system extracts from the reference article."""
    import json

    return json.loads((shared_data / "seed" / "expected.json").read_text(encoding="utf-8"))
