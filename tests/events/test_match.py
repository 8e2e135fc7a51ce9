"""The quick look at a sentence before it is coded, and the word forms looked up."""

from pathlib import Path

import pytest
import yaml

from marsad.doc import Doc
from marsad.events.coder import _lemmas_by_start
from marsad.events.forms import lookup_keys
from marsad.events.lexicon import load_lexicon
from marsad.events.match import find_triggers, may_have_trigger, split_words

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.fixture(scope="module")
def coded(nlp):
    """Our test sentences and the seed article, through the language layer and entities."""
    texts = [case["text"] for case in yaml.safe_load((HERE / "sentences.yaml").read_text(encoding="utf-8"))]
    return [nlp.stages[1](nlp.stages[0](Doc(t, published="2015-11-21"))) for t in texts]


def test_a_sentence_it_passes_over_has_no_trigger(coded, lex):
    skipped = passed = 0
    for doc in coded:
        lemmas = _lemmas_by_start(doc, lex)
        for sent in doc.sentences:
            if may_have_trigger(doc.text, sent.start, sent.end, lex, sorted(lemmas)):
                passed += 1
            else:
                skipped += 1
                assert find_triggers(split_words(doc.text, sent.start, sent.end, lemmas), lex) == []
    assert passed > 100 and skipped > 0


def test_a_trigger_word_or_verb_lemma_keeps_a_sentence(lex):
    text = "ارتفعت أسعار النفط في الأسواق العالمية اليوم. وقصفت الطائرات المدينة."
    first, second = text.index("."), text.index(".") + 1
    assert not may_have_trigger(text, 0, first, lex, [])
    assert may_have_trigger(text, second, len(text), lex, [])
    # a lemma that is a lexicon verb keeps the sentence whatever its surface form
    assert may_have_trigger(text, 0, first, lex, [text.index("النفط")])


def test_lemmas_are_kept_only_for_words_with_a_lexicon_verb(coded, lex):
    for doc in coded[:40]:
        full = _lemmas_by_start(doc)
        assert _lemmas_by_start(doc, lex) == {s: v for s, v in full.items() if any(x in lex.lemmas for x in v)}


@pytest.mark.parametrize("word, keys", [
    ("وغارتها", ("وغارتها", "وغارت", "وغاره", "غارتها", "غارت", "غاره")),
    # the alef after ه is the pronoun ها, never an accusative ending: not مصادره (= مصادرة)
    ("مصادرها", ("مصادرها", "مصادر")),
    ("لقصفهم", ("لقصفهم", "لقصف", "قصفهم")),
    ("سيقصفون", ("سيقصفون", "يقصفون")),
    ("صاروخا", ("صاروخا", "صاروخ")),
    ("هم", ("هم",)),
])
def test_lookup_keys_strip_one_proclitic_and_one_enclitic(word, keys):
    assert tuple(k for k, _ in lookup_keys(word)) == keys


def test_fold_drops_marks_and_tatweel_and_folds_letters_in_one_pass():
    from marsad.events.forms import fold

    assert fold("مُحَمَّـــد ٱلأُمَمِ ٣٤ إِلى مدينةٍ") == "محمد الامم 34 الي مدينه"


@pytest.mark.parametrize("text, expected", [
    ("تظاهر طلبة الجامعة أمس", ["protest.demonstrate"]),  # students, not "he asked for it"
    ("احتج الطلبة أمام الوزارة", ["protest.demonstrate"]),
    ("أعلنت الشركة زيادة رحلات الطيران إلى دبي", []),  # trips, not a deportation
    ("قتل ثلاثة أشخاص في انفجار في بعقوبة", ["assault.kill", "assault.explosives"]),  # the city Baqubah
    ("طلبته الشرطة للتحقيق", ["request.demand"]),  # an enclitic reading still triggers
    ("فرضت المحكمة عقوبة بالسجن", ["sanction.sanction"]),
])
def test_homographs_of_trigger_forms_never_trigger(lex, text, expected):
    words = split_words(text, 0, len(text))
    assert [t.entry.id for t in find_triggers(words, lex)] == expected


def test_a_user_lexicon_can_replace_the_homograph_list(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("markers:\n  not_trigger: [رحلات]\n", encoding="utf-8")
    lex = load_lexicon(str(mine))
    text = "تظاهر طلبة الجامعة"
    assert [t.entry.id for t in find_triggers(split_words(text, 0, len(text)), lex)] == [
        "protest.demonstrate", "request.demand"]
