"""Segmentation accuracy on the hand-annotated sets stays at its measured level."""

from pathlib import Path

from marsad.text import tokenize

DATA = Path(__file__).parent / "data"
PROCLITICS = {"و", "ف", "ب", "ل", "ك", "س", "ال"}


def _words(name):
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield from (item.split("+") for item in line.split())


def _accuracy(name):
    words = list(_words(name))
    ok = sum([t.text for t in tokenize("".join(segs))] == segs for segs in words)
    return ok / len(words), len(words)


def test_gold_set_size_and_accuracy():
    acc, n = _accuracy("segmentation_gold.txt")
    assert n >= 300
    assert acc >= 0.98


def test_heldout_set_accuracy():
    acc, n = _accuracy("segmentation_heldout.txt")
    assert n >= 140
    assert acc >= 0.95


def test_verb_forms_match_their_entry():
    from marsad.text import lemma_of

    misses = []
    for line in (DATA / "verb_forms.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("*"):
            continue
        entry, forms = line.split("\t")
        misses += [f for f in forms.split() if lemma_of(f) != lemma_of(entry)]
    assert misses == []
