"""The overlap test the entity stage uses for the tagger's names."""

import random

from marsad.entities.stage import _Taken


def _pairwise(spans, start, end):
    return any(s < end and start < e for s, e in spans)


def test_marked_characters_answer_as_the_pairwise_test():
    rng = random.Random(4)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 12)) for a in rng.sample(range(0, 180), 8)]
        taken = _Taken(200, spans)
        for start in range(0, 195, 3):
            for width in (1, 2, 5, 9):
                assert taken.overlaps(start, start + width) == _pairwise(spans, start, start + width)


def test_an_added_span_blocks_what_overlaps_it_only():
    taken = _Taken(50, [(10, 20)])
    assert taken.overlaps(19, 25) and not taken.overlaps(20, 25)
    taken.add(20, 25)
    assert taken.overlaps(24, 30) and not taken.overlaps(25, 30) and not taken.overlaps(0, 10)


def test_empty_spans_fall_back_to_the_pairwise_test():
    spans = [(10, 20), (30, 30)]
    taken = _Taken(50, spans)
    for start, end in [(25, 35), (29, 31), (30, 30), (15, 15), (20, 20), (40, 35)]:
        assert taken.overlaps(start, end) == _pairwise(spans, start, end)
