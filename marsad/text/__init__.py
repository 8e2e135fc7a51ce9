"""The Arabic language layer: normalisation, sentences, clitic-segmented
tokens with stems and lemmas, quantities and time expressions, all as
offsets into the unchanged text. See ``docs/text.md``.
"""

from marsad.text.normalize import normalize, normalize_with_offsets
from marsad.text.numbers import find_quantities, parse_number
from marsad.text.sentences import split_sentences
from marsad.text.stage import TextStage
from marsad.text.times import find_times, hijri_to_gregorian
from marsad.text.tokenize import lemma_of, tokenize

__all__ = [
    "normalize",
    "normalize_with_offsets",
    "split_sentences",
    "tokenize",
    "lemma_of",
    "find_quantities",
    "parse_number",
    "find_times",
    "hijri_to_gregorian",
    "TextStage",
]
