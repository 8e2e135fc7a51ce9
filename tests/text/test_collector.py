"""The collector pause restores the collector's state, also after an error."""

import gc

import pytest

from marsad.text.collector import collector_paused


def test_collector_paused_and_restored():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outer block re-enables it
    assert gc.isenabled()


def test_collector_restored_after_an_error():
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("boom")
    assert gc.isenabled()


def test_collector_left_off_when_it_was_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
