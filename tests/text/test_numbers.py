"""Quantities: digits, number words, compounds, duals, fractions, qualifiers, nouns."""

import pytest

from marsad.text import find_quantities, parse_number

PARSE = [
    ("14", 14.0), ("1,300", 1300.0), ("١٣٠٠", 1300.0), ("١٬٣٠٠", 1300.0), ("2٫5", 2.5), ("1.5", 1.5),
    ("2.000", 2000.0), ("1,250,000", 1250000.0), ("0.5", 0.5), ("خمسة", 5.0), ("عشرين", 20.0),
    ("مائة", 100.0), ("مئتين", 200.0), ("ثلاثمائة", 300.0), ("إحدى", 1.0), ("اثنتي", 2.0), ("ثماني", 8.0),
    ("كلمة", None),
]


@pytest.mark.parametrize("s, value", PARSE)
def test_parse_number(s, value):
    assert parse_number(s) == value


# (text, value, qualifier, noun) of the first quantity found
FIRST = [
    ("قتل 14 مدنياً على الأقل", 14.0, "min", "مدني"),
    ("وأصيب أكثر من 50 آخرين", 50.0, "min", "اخر"),
    ("قتل نحو 1300 شخص", 1300.0, "approx", "شخص"),
    ("يقاتل نحو 25 ألف مسلح", 25000.0, "approx", "مسلح"),
    ("أطلقت 16 صاروخاً مجنحاً", 16.0, "exact", "صاروخ"),
    ("سقوط 4 أربعة صواريخ باليستية", 4.0, "exact", "صاروخ"),
    ("مقتل خمسة أشخاص على الأقل", 5.0, "min", "شخص"),
    ("شارك خمسة وعشرين ألفا في المسيرة", 25000.0, "exact", None),
    ("حضر خمسة وعشرون ألف متظاهر", 25000.0, "exact", "متظاهر"),
    ("قتل ثلاثة عشر جنديا", 13.0, "exact", "جندي"),
    ("أصيب أحد عشر طفلا", 11.0, "exact", "طفل"),
    ("اعتقلت الشرطة ثلاثة آلاف شخص", 3000.0, "exact", "شخص"),
    ("نزح 1.5 مليون شخص", 1500000.0, "exact", "شخص"),
    ("نزح نحو مليوني لاجئ", 2000000.0, "approx", "لاجي"),
    ("قتل حوالي 200 مسلح", 200.0, "approx", "مسلح"),
    ("قتل قرابة 30 جنديا", 30.0, "approx", "جندي"),
    ("لقي زهاء 40 شخصا حتفهم", 40.0, "approx", "شخص"),
    ("ما لا يقل عن 12 قتيلا", 12.0, "min", "قتيل"),
    ("سقط ما يزيد على 100 قتيل", 100.0, "min", "قتيل"),
    ("اعتقل أقل من 10 أشخاص", 10.0, "max", "شخص"),
    ("تستوعب حتى 500 لاجئ", 500.0, "max", "لاجي"),
    ("شنت 20 غارة جوية", 20.0, "exact", "غاره"),
    ("أسقطت 3 طائرات", 3.0, "exact", "طايره"),
    ("قتل 7 جنود", 7.0, "exact", "جندي"),
    ("قتل ١٥ مدنيا", 15.0, "exact", "مدني"),
    ("قتل 15 من الجنود", 15.0, "exact", "جندي"),
    ("ارتفع عدد القتلى إلى 32 قتيلا", 32.0, "exact", "قتيل"),
    ("وقعت 6 انفجارات", 6.0, "exact", "انفجار"),
    ("بلغت النسبة 50%", 50.0, "exact", "%"),
    ("قتل مئة وخمسون شخصا", 150.0, "exact", "شخص"),
    ("اعتقل 36 من أصل 2179", 36.0, "exact", None),
    ("فقد 300 ألف وظيفتهم", 300000.0, "exact", None),
    ("قتل 14 شخصاً تقريباً", 14.0, "approx", "شخص"),
    ("بأكثر من 60 قذيفة", 60.0, "min", "قذيفه"),
    ("مما أدى الى مقتل عشرة اشخاص على الاقل", 10.0, "min", "شخص"),
    ("وأصيب سبعة بجروح", 7.0, "exact", None),
    ("في سامراء (120 كلم شمال بغداد)", 120.0, "exact", "كلم"),
    ("أصيب ما لا يقل عن مائة آخرين", 100.0, "min", "اخر"),
    ("واصيب 6 آخرون", 6.0, "exact", "اخر"),
    ("نزح مليون ونصف لاجئ", 1500000.0, "exact", "لاجي"),
    ("بلغت الكلفة 3 ملايين ونصف دولار", 3500000.0, "exact", "دولار"),
]


@pytest.mark.parametrize("text, value, qualifier, noun", FIRST)
def test_first_quantity(text, value, qualifier, noun):
    q = find_quantities(text)[0]
    assert (q.value, q.qualifier, q.noun) == (value, qualifier, noun)
    assert text[q.start:q.end] == q.text


DUALS = [
    ("قتل جنديان في الهجوم", "جندي"),
    ("أصيب طفلين بجروح", "طفل"),
    ("قتيلان وثلاثة جرحى", "قتيل"),
    ("أسقطت طائرتين", "طايره"),
    ("شنت غارتين", "غاره"),
    ("استمرت يومين", "يوم"),
]


@pytest.mark.parametrize("text, noun", DUALS)
def test_duals_count_two(text, noun):
    q = find_quantities(text)[0]
    assert (q.value, q.noun) == (2.0, noun)


def test_plural_ending_like_a_dual_is_not_two():
    assert find_quantities("قتل مدنيين ومقاتلين") == []


VAGUE = [
    ("قتل عشرات المدنيين", "مدني"),
    ("فر مئات الأشخاص", "شخص"),
    ("تظاهر آلاف المواطنين", "مواطن"),
    ("نزح عشرات الآلاف من السكان", None),
    ("سقوط عدة صواريخ", "صاروخ"),
]


@pytest.mark.parametrize("text, noun", VAGUE)
def test_vague_plurals_have_no_value(text, noun):
    q = find_quantities(text)[0]
    assert q.value is None
    assert q.qualifier == "min"
    if noun:
        assert q.noun == noun


def test_fraction_of_stated_whole():
    qs = find_quantities("قتل نحو 1300 شخص ثلثهم من المدنيين والأطفال")
    assert [(q.text, q.value, q.noun) for q in qs] == [
        ("نحو 1300 شخص", 1300.0, "شخص"),
        ("ثلثهم من المدنيين", 433.0, "مدني"),
    ]


def test_half_of_whole():
    qs = find_quantities("اعتقل 40 شخصا نصفهم من النساء")
    assert qs[1].value == 20.0


def test_fraction_without_whole_is_skipped():
    assert find_quantities("ربع الساعة الأخيرة") == []


NOT_QUANTITIES = [
    "في 30 أكتوبر الماضي",
    "في 13 الجاري",
    "في عام 2007",
    "منذ 2011",
    "السبت 21/11/2015",
    "الساعة 09:59",
    "يوم الاثنين المقبل",
    "في 5 رمضان 1436 هـ",
    "وفي نوفمبر (تشرين الثاني) 2005 قامت امرأة",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_dates_and_times_are_not_quantities(text):
    assert find_quantities(text) == []


def test_seed_quantities(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    got = {(q.value, q.qualifier, q.noun) for q in find_quantities(text)}
    assert (14.0, "min", "مدني") in got
    assert (50.0, "min", "اخر") in got
    assert (1300.0, "approx", "شخص") in got
    assert (433.0, "approx", "مدني") in got
    assert (25000.0, "approx", "مسلح") in got
    assert (5.0, "min", "شخص") in got
    assert (16.0, "exact", "صاروخ") in got


def test_tokens_argument_gives_same_result():
    from marsad.text import tokenize

    text = "قتل 14 مدنيا وأصيب 30 آخرين"
    assert find_quantities(text, tokenize(text)) == find_quantities(text)
