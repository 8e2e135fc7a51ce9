"""Event coding: Arabic news sentences -> PLOVER events with actors, place, date and evidence.

Public API
----------
EventStage
    The pipeline stage (``ar.events.v1``) that sets ``doc.events``.
load_lexicon
    Read the bundled YAML lexicon, optionally layered with a user file.
evaluate_gsr, format_gsr_report
    Score the coder on the Arabic ASSAULT/PROTEST gold standard layout.
"""

from marsad.events.coder import EventStage
from marsad.events.gsr import evaluate_gsr, format_gsr_report
from marsad.events.lexicon import Entry, Lexicon, load_lexicon

__all__ = ["EventStage", "load_lexicon", "Lexicon", "Entry", "evaluate_gsr", "format_gsr_report"]
