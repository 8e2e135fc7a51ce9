"""Wire the stages: language layer -> entities and places -> events.

A stage is any callable ``Doc -> Doc`` with a ``name`` attribute; it may also
have ``initialize()`` (load data once) and ``requires``/``assigns`` lists of
``Doc`` attributes. Reading and cleaning happen before the pipeline, in
:mod:`marsad.io`; storing and exporting after it, in :mod:`marsad.store`.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from marsad.doc import Doc
from marsad.errors import UsageError
from marsad.text.collector import collector_paused

log = logging.getLogger(__name__)

#: Documents between two full collections of cyclic garbage (see ``Pipeline.__call__``).
COLLECT_EVERY = 1000


def freeze_survivors() -> None:
    """Collect cyclic garbage, then hide every surviving object from the collector.

    After :func:`gc.collect` what remains is live data: loaded lexicons,
    gazetteer, model and the stages' word caches. :func:`gc.freeze` moves
    it to the permanent generation, which later collections skip. Frozen
    objects are still freed by reference counting; only a reference cycle
    among them waits for the next :func:`gc.unfreeze`. See the Python
    documentation of :func:`gc.freeze`.
    """
    gc.collect()
    gc.freeze()


class Stage(Protocol):
    """A pipeline component: ``stage(doc) -> doc``, named and replaceable."""

    name: str

    def __call__(self, doc: Doc) -> Doc: ...


class Pipeline:
    """An ordered list of stages applied to each :class:`Doc`.

    Parameters
    ----------
    stages : list of Stage
        Applied in order. Each stage's ``initialize()``, if any, runs once
        before the first document.

    Examples
    --------
    >>> from marsad.doc import Doc
    >>> nlp = Pipeline([])
    >>> nlp(Doc("قصفت الطائرات المدينة")).text
    'قصفت الطائرات المدينة'
    """

    def __init__(self, stages: list[Stage]):
        self.stages = list(stages)
        self._ready = False
        self._coded = 0

    @property
    def names(self) -> list[str]:
        """Names of the stages, in order."""
        return [s.name for s in self.stages]

    def initialize(self) -> "Pipeline":
        """Load every stage's data once; return ``self``.

        The loaded data (hundreds of thousands of objects that live as long
        as the process) are then frozen out of the cyclic garbage
        collector's sight (:func:`freeze_survivors`).
        """
        if not self._ready:
            for stage in self.stages:
                init = getattr(stage, "initialize", None)
                if init is not None:
                    init()
            self._ready = True
            freeze_survivors()
        return self

    def replace(self, name: str, stage: Stage) -> None:
        """Swap the stage called ``name`` for ``stage``.

        Raises
        ------
        UsageError
            If no stage has that name.
        """
        for i, s in enumerate(self.stages):
            if s.name == name:
                self.stages[i] = stage
                self._ready = False
                return
        raise UsageError(f"no stage named {name!r}; stages are {self.names}")

    def __call__(self, doc: Doc) -> Doc:
        """Run every stage on ``doc`` and return it.

        The cyclic garbage collector is paused while the stages run and what
        they made is frozen after (:func:`gc.freeze`), so the collector
        never walks an article's thousands of objects or the stages' word
        caches; they are freed by reference counting. A coded article
        leaves almost no reference cycles (0.06 objects per SaudiNewsNet
        article), so one full collection every :data:`COLLECT_EVERY`
        documents (:func:`gc.unfreeze`, :func:`freeze_survivors`) is
        enough to bound them. On 300 SaudiNewsNet articles this cut
        collection time from 4-6 ms to under 0.1 ms per article
        (``benchmarks/profile_pipeline.py``).
        """
        self.initialize()
        with collector_paused():
            for stage in self.stages:
                doc = stage(doc)
            gc.freeze()  # before the collector resumes, or its first run walks them all
        self._coded += 1
        if self._coded % COLLECT_EVERY == 0:
            gc.unfreeze()
            freeze_survivors()
        return doc

    def pipe(
        self,
        docs: Iterable[Doc],
        on_error: Callable[[Doc, Exception], None] | None = None,
    ) -> Iterator[Doc]:
        """Yield each doc processed, in input order.

        Parameters
        ----------
        docs : iterable of Doc
            Not a bare string.
        on_error : callable, optional
            Called with ``(doc, exception)`` when a stage fails on a doc; that
            doc is then skipped. Without it the exception propagates.

        Raises
        ------
        TypeError
            If ``docs`` is a ``str`` or ``Doc`` rather than an iterable of docs.
        """
        if isinstance(docs, (str, Doc)):
            raise TypeError(f"expected an iterable of Doc, got {type(docs).__name__}")
        self.initialize()
        for doc in docs:
            try:
                yield self(doc)
            except Exception as exc:  # noqa: BLE001 - per-document isolation
                if on_error is None:
                    raise
                log.warning("doc %s failed: %s", doc.doc_id, exc)
                on_error(doc, exc)


def default_pipeline(lexicon: str | None = None) -> Pipeline:
    """Return the standard Marsad pipeline.

    Parameters
    ----------
    lexicon : str, optional
        Path of a user event lexicon (YAML) layered over the bundled one.
    """
    from marsad.entities import EntityStage
    from marsad.events import EventStage
    from marsad.text import TextStage

    return Pipeline([TextStage(), EntityStage(), EventStage(lexicon=lexicon)])
