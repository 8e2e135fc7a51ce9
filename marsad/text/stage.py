"""The language-layer pipeline stage: sentences, tokens, quantities, times."""

from __future__ import annotations

from marsad.doc import Doc
from marsad.text.collector import collector_paused
from marsad.text.lexicon import known_verbs, known_words
from marsad.text.morph import _verb_keys
from marsad.text.numbers import _find_quantities, _load_qualifiers
from marsad.text.sentences import split_sentences
from marsad.text.times import _find_times, _load_dateparser, parse_published
from marsad.text.tokenize import _tokenize

__all__ = ["TextStage"]


class TextStage:
    """Fill ``doc.sentences``, ``doc.tokens``, ``doc.quantities`` and ``doc.times``.

    A ``Doc -> Doc`` pipeline stage; ``doc.text`` is never changed.

    Attributes
    ----------
    name : str
        ``"ar.text.v1"``.
    requires : list of str
        ``["doc.text", "doc.published"]``.
    assigns : list of str
        ``["doc.sentences", "doc.tokens", "doc.quantities", "doc.times"]``.

    Examples
    --------
    >>> from marsad.doc import Doc
    >>> doc = TextStage()(Doc("قتل 14 مدنيا أمس.", published="2015-11-21"))
    >>> doc.times[0].value, doc.quantities[0].value
    ('2015-11-20', 14.0)
    """

    name = "ar.text.v1"
    requires = ["doc.text", "doc.published"]
    assigns = ["doc.sentences", "doc.tokens", "doc.quantities", "doc.times"]

    def __init__(self) -> None:
        self._ready = False

    def initialize(self) -> "TextStage":
        """Load what the layer loads lazily, once; return ``self``.

        That is the bundled word lists (checked), the verb-form keys of
        :mod:`marsad.text.morph`, the qualifier tables of
        :mod:`marsad.text.numbers` and dateparser's Arabic data for the
        date fallback: about 0.1 s, which the first article would otherwise pay.

        Raises
        ------
        DataFileError
            If a bundled list is missing or malformed.
        """
        if not self._ready:
            known_words()
            known_verbs()
            _verb_keys()
            _load_qualifiers()
            _load_dateparser()
            self._ready = True
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it.

        Raises
        ------
        TypeError
            If ``doc`` is not a :class:`~marsad.doc.Doc`.
        UsageError
            If ``doc.published`` is set but is not ISO 8601.
        """
        if not isinstance(doc, Doc):
            raise TypeError(f"TextStage expects a Doc, got {type(doc).__name__}")
        self.initialize()
        parse_published(doc.published)
        text = doc.text
        with collector_paused():
            doc.sentences = split_sentences(text)
            # one pass over the text marks the tokens quantities and times start from
            doc.tokens, candidates, anchors = _tokenize(text)
            doc.quantities = _find_quantities(text, doc.tokens, candidates)
            doc.times = _find_times(text, doc.published, anchors)
        return doc
