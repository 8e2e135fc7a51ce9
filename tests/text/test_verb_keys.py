"""The verb-form keys of ``morph`` let through every word with a listed verb among its candidates."""

import json
import random
import re
import zipfile

from marsad.text.lexicon import known_verbs
from marsad.text.morph import _deep_list, _shallow_list, _verb_keys, inflected_verb, verb_lemma
from marsad.text.normalize import normalize
from marsad.text.tokenize import ARABIC_WORD


def _by_candidates(s: str) -> tuple[str | None, str | None]:
    """(inflected_verb, verb_lemma) of ``s`` read off the full candidate lists, without the keys."""
    verbs = known_verbs()
    inflected = s if s in verbs else next((c for c in _shallow_list(s) if c in verbs), None)
    if inflected is not None:
        return inflected, inflected
    return None, next((c for c in _deep_list(s) if c in verbs), None)


def _agree(strings: set[str]) -> list[str]:
    """Return the strings whose keyed answers differ from the candidate lists' (bypassing the memos)."""
    return [
        s for s in strings
        if (inflected_verb.__wrapped__(s), verb_lemma.__wrapped__(s)) != _by_candidates(s)
    ]


def _edits(rnd: random.Random, n: int) -> set[str]:
    """Listed verbs with up to three random letter insertions, deletions or substitutions (affix letters)."""
    verbs = sorted(known_verbs())
    out = set()
    for _ in range(n):
        s = list(rnd.choice(verbs))
        for _ in range(rnd.randint(1, 3)):
            pos = rnd.randrange(len(s) + 1)
            op = rnd.randrange(3)
            if op == 0:
                s.insert(pos, rnd.choice("ايوتنسمهء"))
            elif s:
                pos = min(pos, len(s) - 1)
                if op == 1:
                    del s[pos]
                else:
                    s[pos] = rnd.choice("ايوتنسمهء")
        if s:
            out.add("".join(s))
    return out


def test_keys_hold_the_inflections_of_every_listed_verb():
    shallow, masdar, deep = _verb_keys()
    verbs = known_verbs()
    assert verbs <= shallow and verbs <= deep and masdar <= deep
    assert normalize("قتلوا") in shallow and normalize("يستهدفون") in shallow and normalize("سيلتقي") in shallow
    assert normalize("اغتيال") in masdar and normalize("استهداف") in masdar
    assert normalize("مدرسة") not in shallow and normalize("مدرسة") not in masdar


def test_keyed_answers_equal_the_candidate_lists_on_edited_verbs():
    strings = _edits(random.Random(2), 30_000)
    assert len(strings) > 15_000
    hits = sum(_by_candidates(s)[1] is not None for s in strings)
    assert hits > 1_000  # the sample holds many verb forms, not only non-words
    assert _agree(strings) == []


def test_keyed_answers_equal_the_candidate_lists_on_news_words(shared_data):
    path = sorted((shared_data / "saudinewsnet").glob("*.zip"))[0]
    with zipfile.ZipFile(path) as zf:
        articles = json.loads(zf.read(zf.namelist()[0]))[:150]
    words = {w for art in articles for w in re.findall(ARABIC_WORD, art.get("content") or "")}
    strings = set()
    for w in words:
        n = normalize(w)
        for i in range(min(3, len(n))):  # the word less up to two letters in front and three behind
            strings.update(n[i:j] for j in range(max(i + 1, len(n) - 3), len(n) + 1))
    assert len(strings) > 15_000
    assert _agree(strings) == []
