"""Wire the stages: language layer -> entities and places -> events.

A stage is any callable ``Doc -> Doc`` with a ``name`` attribute; it may also
have ``initialize()`` (load data once) and ``requires``/``assigns`` lists of
``Doc`` attributes. Reading and cleaning happen before the pipeline, in
:mod:`marsad.io`; storing and exporting after it, in :mod:`marsad.store`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from marsad.doc import Doc
from marsad.errors import UsageError

log = logging.getLogger(__name__)


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

    @property
    def names(self) -> list[str]:
        """Names of the stages, in order."""
        return [s.name for s in self.stages]

    def initialize(self) -> "Pipeline":
        """Load every stage's data once; return ``self``."""
        if not self._ready:
            for stage in self.stages:
                init = getattr(stage, "initialize", None)
                if init is not None:
                    init()
            self._ready = True
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
        """Run every stage on ``doc`` and return it."""
        self.initialize()
        for stage in self.stages:
            doc = stage(doc)
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
