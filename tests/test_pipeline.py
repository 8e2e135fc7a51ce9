"""The pipeline driver: stage order and the collector around each article."""

import gc
import weakref

import pytest

from marsad import pipeline as pipeline_module
from marsad.doc import Doc
from marsad.pipeline import Pipeline


class _Cycle:
    """A stage that leaves a reference cycle behind and keeps a weak reference to it."""

    name = "test.cycle"

    def __init__(self):
        self.refs = []

    def __call__(self, doc):
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        self.refs.append(weakref.ref(a))
        assert not gc.isenabled()  # paused for the whole article
        return doc


class _Node:
    other = None


class _Fails:
    name = "test.fails"

    def __call__(self, doc):
        raise ValueError("boom")


def test_the_collector_resumes_after_each_article_and_what_it_made_is_frozen():
    was = gc.isenabled()
    gc.enable()
    try:
        nlp = Pipeline([_Cycle()]).initialize()
        frozen = gc.get_freeze_count()
        nlp(Doc("نص قصير"))
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        if not was:
            gc.disable()


def test_cycles_left_by_articles_are_collected_every_collect_every_documents(monkeypatch):
    monkeypatch.setattr(pipeline_module, "COLLECT_EVERY", 3)
    stage = _Cycle()
    nlp = Pipeline([stage]).initialize()
    try:
        nlp(Doc("أ"))
        nlp(Doc("ب"))
        assert all(r() is not None for r in stage.refs)  # frozen, not yet collected
        nlp(Doc("ج"))
        assert all(r() is None for r in stage.refs)
    finally:
        gc.unfreeze()


def test_a_failing_stage_leaves_the_collector_running():
    was = gc.isenabled()
    gc.enable()
    try:
        with pytest.raises(ValueError, match="boom"):
            Pipeline([_Fails()])(Doc("نص"))
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()
