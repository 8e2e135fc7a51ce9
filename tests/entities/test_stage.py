"""The entity stage on real text: the seed article and SaudiNewsNet sentences."""

import math
import unicodedata
from pathlib import Path

import pytest

from marsad.doc import Doc
from marsad.entities import EntityStage


def _km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (haversine, R = 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def seed_doc(stage, seed_path, seed_expected):
    text = seed_path.read_text(encoding="utf-8")
    return stage(Doc(text, published=seed_expected["published"]))


def test_seed_entities_have_the_expected_codes(seed_doc, seed_expected):
    for want in seed_expected["entities"]:
        hits = [e for e in seed_doc.entities if e.text == want["text"]]
        assert hits, want["text"]
        e = hits[0]
        for field in ("type", "label_en", "country", "sector"):
            if field in want:
                assert getattr(e, field) == want[field], (want["text"], field)


def test_seed_places_are_within_25_km(seed_doc, seed_expected):
    for want in seed_expected["places"]:
        hits = [p for p in seed_doc.places if p.text == want["text"]]
        assert hits, want["text"]
        p = hits[0]
        assert p.country_code == want["country_code"]
        assert _km(p.latitude, p.longitude, want["latitude"], want["longitude"]) < 25, want["text"]


def test_seed_every_person_has_an_english_label(seed_doc):
    people = [e for e in seed_doc.entities if e.type == "PER"]
    assert {"Vladimir Putin", "Ali Khamenei", "Hassan Rouhani", "John Kerry", "John Kirby", "Yuri Ushakov",
            "Oleg Syromolotov", "Staffan de Mistura", "Hadi al-Bahra", "Bashar al-Assad"} <= \
        {e.label_en for e in people}
    assert all(e.label_en for e in people), [e.text for e in people if not e.label_en]


def test_seed_descriptions_are_composed(seed_doc):
    by_text = {}
    for e in seed_doc.entities:
        by_text.setdefault(e.text, e)
    assert (by_text["الطيران الروسي"].country, by_text["الطيران الروسي"].sector) == ("RUS", "MIL")
    assert by_text["الجيشان الروسي والفرنسي"].country == "RUS"
    assert (by_text["وزارة الدفاع الروسية"].country, by_text["وزارة الدفاع الروسية"].sector) == ("RUS", "MIL")
    assert (by_text["الخارجية الأميركية"].country, by_text["الخارجية الأميركية"].sector) == ("USA", "GOV")
    assert (by_text["القوات الحكومية"].country, by_text["القوات الحكومية"].source) == ("SYR", "composed")
    assert (by_text["قوات المعارضة"].country, by_text["قوات المعارضة"].sector) == ("SYR", "REB")
    assert by_text["المدنيين"].sector == "CVL"
    assert (by_text["وكالة أنباء فارس"].country, by_text["وكالة أنباء فارس"].sector) == ("IRN", "MED")
    assert by_text["سانا"].sector == "MED"
    assert (by_text["قوات التعبئة"].country, by_text["قوات التعبئة"].sector) == ("IRN", "MIL")
    assert by_text["تركيا"].type == "GPE" and by_text["تركيا"].country == "TUR"
    # "مقتل 160 روسياً": nationals, not the state
    assert by_text["روسيا"].type == "GPE"
    assert any(e.text == "روسياً" and e.type == "NORP" and e.country == "RUS" for e in seed_doc.entities)


def test_seed_metonyms_and_locatives(seed_doc):
    moscow = [e for e in seed_doc.entities if e.text == "موسكو"]
    assert moscow and moscow[0].country == "RUS" and moscow[0].sector == "GOV"
    # "إلى طهران" is a destination: a place, not an actor there
    tehran = seed_doc.text.index("إلى طهران") + len("إلى ")
    assert not any(e.start == tehran for e in seed_doc.entities)
    assert any(p.start == tehran and p.country_code == "IR" for p in seed_doc.places)


def test_spans_are_text_slices_and_do_not_overlap(seed_doc):
    for e in seed_doc.entities + seed_doc.places:
        assert seed_doc.text[e.start:e.end] == e.text
    ends = [(e.start, e.end) for e in seed_doc.entities]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))


def test_coreference_of_titles(stage):
    doc = stage(Doc("التقى الرئيس الروسي فلاديمير بوتين نظيره الإيراني. وقال بوتين إن الرئيس الإيراني "
                    "حسن روحاني وافق. وأكد الرئيس الإيراني أن بلاده مستعدة.", published="2015-11-23"))
    putin = [e for e in doc.entities if e.actor_id == "putin"]
    assert [e.text for e in putin] == ["فلاديمير بوتين", "بوتين"]
    last = [e for e in doc.entities if e.text == "الرئيس الإيراني"]
    assert last and (last[-1].actor_id, last[-1].source, last[-1].label_en) == ("rouhani", "coref", "Hassan Rouhani")


def test_role_follows_the_article_date(stage):
    text = "قال وزير الخارجية الأميركي إن المحادثات مستمرة، وذكر جون كيري أن"
    e2015 = stage(Doc(text, published="2015-11-21")).entities
    assert any(e.text == "وزير الخارجية الأميركي" and e.actor_id == "kerry" for e in e2015)
    e2019 = stage(Doc(text, published="2019-05-01")).entities
    assert not any(e.actor_id == "kerry" and e.source == "coref" for e in e2019)


def test_clitics_on_names_start_the_span_after_them(stage, saudi_article):
    text = saudi_article("2015-07-21", "واشنطن وموسكو")
    doc = stage(Doc(text, published="2015-07-21"))
    start = text.index("واشنطن وموسكو") + len("واشنطن و")
    moscow = [e for e in doc.entities if e.start == start]
    assert moscow and (moscow[0].text, moscow[0].country) == ("موسكو", "RUS")


def test_capital_with_preposition_is_a_place_only(stage, saudi_article):
    text = saudi_article("2015-07-24", "السفارة المغلقة بدمشق")
    doc = stage(Doc(text, published="2015-07-24"))
    start = text.index("المغلقة بدمشق") + len("المغلقة ب")
    assert any(p.start == start and p.text == "دمشق" and p.country_code == "SY" for p in doc.places)
    assert not any(e.start == start for e in doc.entities)


def test_hama_protectors_is_not_the_city(stage, saudi_article):
    text = saudi_article("2015-07-22", "عن حماة الوطن")
    doc = stage(Doc(text, published="2015-07-22"))
    at = text.index("عن حماة الوطن") + len("عن ")
    assert not any(p.start == at for p in doc.places)
    city = stage(Doc("قصفت الطائرات مدينة حماة وريفها الشمالي", published="2015-11-21"))
    assert [(p.text, p.country_code) for p in city.places] == [("حماة", "SY")]


def test_amman_and_oman(stage, saudi_article):
    text = saudi_article("2015-07-22", "السفير العراقي في عمان")
    doc = stage(Doc(text, published="2015-07-22"))
    at = text.index("السفير العراقي في عمان") + len("السفير العراقي في ")
    assert [p.country_code for p in doc.places if p.start == at] == ["JO"]
    text = saudi_article("2015-07-21", "أعربت سلطنة عمان")
    doc = stage(Doc(text, published="2015-07-21"))
    at = text.index("سلطنة عمان")
    assert [e.country for e in doc.entities if e.start == at] == ["OMN"]


def test_amal_needs_its_movement_word(stage, saudi_article):
    text = saudi_article("2015-07-23", "نافذة حركة أمل")
    doc = stage(Doc(text, published="2015-07-23"))
    assert any(e.actor_id == "amal" and e.country == "LBN" for e in doc.entities)
    plain = stage(Doc("يحدونا أمل كبير في نجاح المفاوضات", published="2015-07-23"))
    assert not plain.entities and not plain.places


def test_geneva(stage, saudi_article):
    text = saudi_article("2015-07-21", "مرة في ليبيا وأخرى في جنيف")
    doc = stage(Doc(text, published="2015-07-21"))
    at = text.index("وأخرى في جنيف") + len("وأخرى في ")
    assert [(p.country_code, p.feature) for p in doc.places if p.start == at] == [("CH", "city")]


def test_admin_context_and_features(stage):
    doc = stage(Doc("سقطت قذائف على قرية مرعيان بجبل الزاوية في ريف إدلب، وعلى محافظة حماة",
                    published="2015-11-21"))
    feats = {p.text: (p.feature, p.country_code) for p in doc.places}
    assert feats["مرعيان"] == ("village", "SY")
    assert feats["جبل الزاوية"] == ("region", "SY")
    assert feats["ريف إدلب"] == ("region", "SY")
    assert feats["حماة"] == ("admin1", "SY")


def test_stage_is_a_named_doc_to_doc_callable(dictionary, gazetteer):
    st = EntityStage(dictionary=dictionary, gazetteer=gazetteer, tagger=False)
    assert st.name == "ar.entities.v1"
    doc = Doc("")
    assert st(doc) is doc and doc.entities == [] and doc.places == []


def test_unit_nouns_need_a_country_adjective(stage):
    doc = stage(Doc("قالت مصادر إن وحدة اسرائيلية خاصة اغتالت ناشطا", published="2007-06-21"))
    assert [(e.text, e.country, e.sector) for e in doc.entities] == [("وحدة اسرائيلية", "ISR", "MIL")]
    assert stage(Doc("دعا إلى الوحدة الوطنية", published="2007-06-21")).entities == []


def test_nationals_and_ambassadors(stage):
    doc = stage(Doc("واستدعت تركيا سفير روسيا بعد مقتل 3 فلسطينيين واعتقال إسرائيلي", published="2015-11-24"))
    got = [(e.text, e.type, e.country) for e in doc.entities]
    assert ("سفير روسيا", "PER", "RUS") in got
    assert ("فلسطينيين", "NORP", "PSE") in got and ("إسرائيلي", "NORP", "ISR") in got


def test_invariants_on_saudinewsnet(stage, shared_data):
    import json
    import zipfile

    with zipfile.ZipFile(shared_data / "saudinewsnet" / "2015-08-01.zip") as zf:
        arts = json.loads(zf.read(zf.namelist()[0]))[:60]
    n_places = 0
    for art in arts:
        doc = stage(Doc(art["content"], published="2015-08-01"))
        spans = sorted((e.start, e.end) for e in doc.entities)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "entities overlap"
        for x in doc.entities + doc.places:
            assert 0 <= x.start < x.end <= len(doc.text) and doc.text[x.start:x.end] == x.text
            assert x.text[0].isalnum() and unicodedata.category(x.text[-1])[0] in "LMN"
        for e in doc.entities:
            assert e.type in ("PER", "ORG", "LOC", "GPE", "NORP", "MISC")
            assert e.country is None or len(e.country) == 3
        for p in doc.places:
            assert p.feature in ("country", "admin1", "region", "city", "village")
            assert p.latitude is not None and p.longitude is not None
        n_places += len(doc.places)
    assert n_places > 60


def test_with_the_language_layer_sentences(seed_path, seed_expected, stage):
    from marsad.text import TextStage

    text = seed_path.read_text(encoding="utf-8")
    doc = stage(TextStage()(Doc(text, published=seed_expected["published"])))
    assert doc.sentences
    names = {e.text for e in doc.entities}
    assert {w["text"] for w in seed_expected["entities"]} <= names
    assert {w["text"] for w in seed_expected["places"]} <= {p.text for p in doc.places}


def test_tagged_person_surname_is_the_same_actor(stage):
    doc = stage(Doc("وقال غسان دغلس مسؤول الشؤون القروية في محافظة نابلس إن المستوطنين هاجموا القرية. "
                    "وأضاف دغلس أن الهجوم استمر ساعة.", published="2007-06-21"))
    people = [(e.text, e.actor_id, e.source) for e in doc.entities if e.type == "PER"]
    assert people == [("غسان دغلس", "ner:غسان دغلس", "ner"), ("دغلس", "ner:غسان دغلس", "coref")]
    assert [(p.text, p.country_code, p.feature) for p in doc.places] == [("نابلس", "PS", "city")]


def test_countryside_of_a_city_is_a_region(stage):
    doc = stage(Doc("قصفت قوات النظام بلدات في ريف درعا وبريف حماة الشمالي", published="2015-11-21"))
    got = [(p.text, p.feature, p.country_code) for p in doc.places]
    assert got == [("ريف درعا", "region", "SY"), ("ريف حماة", "region", "SY")]
    daraa = doc.places[0]
    assert _km(daraa.latitude, daraa.longitude, 32.62, 36.10) < 25


def test_bare_title_refers_back_to_the_office_holder(stage):
    doc = stage(Doc("التقى الرئيس الروسي فلاديمير بوتين وزير الخارجية جون كيري. وقال الرئيس إن المحادثات مثمرة.",
                    published="2015-11-21"))
    assert [(e.text, e.actor_id, e.source) for e in doc.entities] == [
        ("فلاديمير بوتين", "putin", "dictionary"), ("جون كيري", "kerry", "dictionary"), ("الرئيس", "putin", "coref")]
    assert stage(Doc("وقال الرئيس إن البلاد بخير", published="2015-11-21")).entities == []


def test_zinjibar_in_a_yemen_story_is_not_zanzibar(stage, saudi_article):
    # GeoNames names Zanzibar City "مدينة زنجبار"; the article speaks of Abyan, Aden and Hadi's forces
    text = saudi_article("2015-08-10", "في مدينة زنجبار")
    doc = stage(Doc(text, published="2015-08-10"))
    got = {(p.text, p.country_code, p.geonameid) for p in doc.places if "زنجبار" in p.text}
    assert got == {("زنجبار", "YE", 69426), ("مدينة زنجبار", "YE", 69426)}
    mine = stage(Doc("قتل مدنيان بانفجار لغم في زنجبار عاصمة محافظة أبين اليمنية", published="2015-08-10"))
    zin = [p for p in mine.places if p.text == "زنجبار"]
    assert zin and zin[0].country_code == "YE" and _km(zin[0].latitude, zin[0].longitude, 13.13, 45.38) < 25


def test_tagged_name_after_a_title_is_the_title_holder(stage, saudi_article):
    text = saudi_article("2015-07-21", "وزير الدفاع التونسي فرحات الحرشاني")
    doc = stage(Doc(text, published="2015-07-21"))
    at = text.index("وزير الدفاع التونسي فرحات الحرشاني")
    name = at + len("وزير الدفاع التونسي ")
    got = [(e.text, e.country, e.sector, e.label_en) for e in doc.entities if e.start == name]
    assert got == [("فرحات الحرشاني", "TUN", "GOV", "defence minister (Tunisia)")]
    assert not any(e.start == at for e in doc.entities)  # one person, not a title and a name


def test_headline_surname_before_the_full_name_is_the_same_person(stage):
    text = (Path(__file__).resolve().parents[2] / "examples" / "meeting.txt").read_text(encoding="utf-8")
    doc = stage(Doc(text, published="2024-03-12"))
    safadi = [(e.text, e.actor_id, e.country, e.source) for e in doc.entities if "الصفدي" in e.text]
    assert safadi[0] == ("الصفدي", "ner:ايمن الصفدي", None, "coref")  # the headline, before the body names him
    assert ("أيمن الصفدي", "ner:ايمن الصفدي", "JOR", "ner") in safadi
    assert not any(e.text == "وزير الخارجية الأردني" for e in doc.entities)
