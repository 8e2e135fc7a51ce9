"""The Arabic examples in marsad.io docstrings run and hold."""

import doctest
import importlib

import pytest

MODULES = ["marsad.io.dates", "marsad.io.clean", "marsad.io.articles", "marsad.io.decode"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
    assert result.attempted > 0
