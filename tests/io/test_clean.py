"""Cleaning scraped article text: the seed page and common site furniture."""

import pytest

from marsad.io import clean_scraped_text


@pytest.fixture(scope="module")
def seed_raw(seed_path):
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_clean(seed_raw):
    return clean_scraped_text(seed_raw)


def test_seed_title_and_published(seed_clean, seed_expected):
    assert seed_clean.title == 'بوتين يبحث مع خامنئي الأوضاع في سورية وحلف لقتال "داعش"'
    assert seed_expected["title_contains"] in seed_clean.title
    assert seed_clean.published == "2015-11-21T21:59:00"
    assert seed_clean.published.startswith(seed_expected["published"])


def test_seed_has_no_residue(seed_clean, seed_expected):
    for residue in seed_expected["text_must_not_contain"]:
        assert residue not in seed_clean.text
    paragraphs = [line for line in seed_clean.text.split("\n") if line]
    assert "بوتين يبحث مع خامنئي" not in paragraphs
    assert seed_clean.text.endswith("لديها الرغبة في ذلك.")


def test_seed_text_layout(seed_clean):
    head, body = seed_clean.text.split("\n\n", 1)
    assert head == seed_clean.title
    assert seed_clean.body_start == len(head) + 2
    assert body.startswith("بدا أن الرئيس الروسي فلاديمير بوتين")
    # the paragraph breaks where captions stood survive as blank lines
    assert "مستشار الكرملين.\n\nاللافت أن بوتين" in seed_clean.text


def test_seed_removed_is_recorded_against_raw(seed_clean, seed_raw):
    reasons = [r.reason for r in seed_clean.removed]
    assert reasons == ["dateline", "widget"] + ["headline repeat"] * 5 + ["widget"]
    for r in seed_clean.removed:
        assert seed_raw[r.start:r.end] == r.text
    assert seed_clean.removed[1].text == "طباعة بوتين يبحث مع خامنئي"


def test_seed_offsets_map_back_to_raw(seed_clean, seed_raw):
    i = seed_clean.text.index("الغوطة الشرقية")
    j = seed_clean.to_raw(i)
    assert seed_raw[j:j + len("الغوطة الشرقية")] == "الغوطة الشرقية"
    assert seed_clean.to_raw(seed_clean.body_start - 1) is None  # the separator


def test_counter_glued_to_last_word(seed_raw):
    glued = seed_raw.replace("\n\nشارك", "شارك8868")
    result = clean_scraped_text(glued)
    assert result.text.endswith("في ذلك.")
    assert result.removed[-1].reason == "counter"
    assert result.removed[-1].text == "شارك8868"


def test_verb_sharaka_in_prose_is_kept():
    raw = "الجيش يطلق عملية في درعا\n\nشارك مئات الجنود في العملية التي بدأت فجر اليوم.\nوقال مصدر إن العملية مستمرة."
    result = clean_scraped_text(raw)
    assert "شارك مئات الجنود" in result.text


def test_given_title_drops_its_repeat_and_link_footer():
    body = (" سبق- أبها: أطلق مسلح النار على دورية أمنية في خميس مشيط.\n"
            "اقرأ أيضاً: أمطار غزيرة على منطقة عسير\n"
            " وأوضح المتحدث أن التحقيقات جارية. رابط الخبر بصحيفة الوئام: إطلاق نار على دورية في خميس مشيط ")
    result = clean_scraped_text(body, title="إطلاق نار على دورية في خميس مشيط")
    assert result.text == ("إطلاق نار على دورية في خميس مشيط\n\n"
                           "سبق- أبها: أطلق مسلح النار على دورية أمنية في خميس مشيط.\n\n"
                           "وأوضح المتحدث أن التحقيقات جارية.")
    assert [r.reason for r in result.removed] == ["related link", "footer"]


def test_single_paragraph_has_no_title():
    result = clean_scraped_text("قصفت الطائرات الحربية مواقع في ريف حماة الشمالي صباح اليوم.")
    assert result.title is None
    assert result.body_start == 0
    assert result.text == "قصفت الطائرات الحربية مواقع في ريف حماة الشمالي صباح اليوم."


def test_dateline_before_title_and_crlf():
    raw = "نشر في: الأحد 2024-03-10 18:45\r\nاحتجاجات في صنعاء\r\n\r\nخرج آلاف المحتجين في صنعاء.\r\n"
    result = clean_scraped_text(raw)
    assert (result.title, result.published) == ("احتجاجات في صنعاء", "2024-03-10T18:45:00")
    assert result.text == "احتجاجات في صنعاء\n\nخرج آلاف المحتجين في صنعاء."


def test_repeated_short_captions_dropped_without_title():
    raw = ("قصفت طائرات مسيرة مواقع في مأرب.\nصورة من موقع القصف\n"
           "وقال مصدر محلي إن القصف استمر ساعتين.\nصورة من موقع القصف\nوأضاف أن الأضرار كبيرة.")
    result = clean_scraped_text(raw)
    assert "صورة من موقع القصف" not in result.text
    assert [r.reason for r in result.removed] == ["repeated caption"] * 2


def test_broken_prose_lines_are_not_captions():
    raw = ("أكد خادم الحرمين الشريفين ،\nأن المملكة ماضية في دعم اليمن.\n"
           "وجدد خادم الحرمين الشريفين ،\nدعوته إلى الحوار.")
    assert clean_scraped_text(raw).text == raw


def test_breadcrumb_and_photo_credit_before_headline():
    raw = ("الرئيسية > أخبار > العراق\nانفجار سيارة مفخخة في كركوك\n\n"
           "مصدر الصورة: وكالة الأنباء\nانفجرت سيارة مفخخة صباح اليوم قرب سوق شعبي في كركوك.")
    result = clean_scraped_text(raw)
    assert result.title == "انفجار سيارة مفخخة في كركوك"
    assert result.text == "انفجار سيارة مفخخة في كركوك\n\nانفجرت سيارة مفخخة صباح اليوم قرب سوق شعبي في كركوك."
    assert [r.reason for r in result.removed] == ["breadcrumb", "related link"]


def test_control_characters_become_spaces_keeping_offsets():
    raw = "قال مسؤول\x1a\x1aإن الهجوم وقع فجراً.\n\x1a سارة ـ الدمام"
    result = clean_scraped_text(raw)
    assert "\x1a" not in result.text
    assert result.text.startswith("قال مسؤول  إن الهجوم")
    i = result.text.index("الهجوم")
    assert raw[result.to_raw(i):result.to_raw(i) + 6] == "الهجوم"


def test_header_byline_relative_time_and_share_bar():
    raw = ("مقتل جنديين بهجوم في سيناء\n"
           "منذ 3 ساعات\n"
           "كتب - محمود سامي\n"
           "الأحد 9 صفر 1437 هـ\n"
           "شارك على فيسبوك | تويتر | واتساب\n"
           "قتل جنديان وأصيب ثلاثة آخرون في هجوم مسلح استهدف نقطة تفتيش في شمال سيناء.\n"
           "الكلمات المفتاحية: سيناء، هجوم، الجيش المصري\n"
           "إعلان")
    result = clean_scraped_text(raw)
    assert result.title == "مقتل جنديين بهجوم في سيناء"
    assert result.byline == "محمود سامي"
    assert result.published is None
    assert result.body == "قتل جنديان وأصيب ثلاثة آخرون في هجوم مسلح استهدف نقطة تفتيش في شمال سيناء."
    assert [r.reason for r in result.removed] == [
        "dateline", "byline", "dateline", "widget", "related link", "widget"]


def test_prose_starting_with_kataba_is_not_a_byline():
    raw = "تغريدة للرئيس\n\nكتب الرئيس الأمريكي على منصة إكس أن المحادثات تسير بشكل جيد."
    result = clean_scraped_text(raw)
    assert result.byline is None
    assert result.body.startswith("كتب الرئيس الأمريكي")


def test_english_dateline_on_a_bilingual_site():
    raw = "قمة خليجية في الدوحة\nSaturday, November 21, 2015 09:59 PM\n\nانطلقت في الدوحة أعمال القمة الخليجية."
    assert clean_scraped_text(raw).published == "2015-11-21T21:59:00"


def test_numbers_inside_the_body_are_content():
    raw = ("أرقام المقبولين في الكلية الحربية\n\nأعلنت الكلية أرقام المقبولين وهي:\n3601100204\n3601100410\n"
           "وعلى المقبولين مراجعة الكلية يوم الأحد.\n12345")
    result = clean_scraped_text(raw)
    assert "3601100204\n3601100410" in result.text
    assert result.text.endswith("يوم الأحد.")


PORTAL_PAGE = """موقع الأخبار
الرئيسية
أخبار
سياسة

غارات إسرائيلية على جنوب لبنان تقتل 3 أشخاص

12/3/2024
|
آخر تحديث: 12/3/2024 05:25 PM (توقيت مكة)

شارك
طباعة
حفظ

قتل ثلاثة أشخاص وأصيب آخرون في غارات إسرائيلية استهدفت بلدتين في جنوب لبنان، وفق الوكالة الرسمية.
وقالت الوكالة إن الغارات استهدفت منزلاً في بلدة عيتا الشعب ودراجة نارية قرب الناقورة.

المصدر : وكالات
"""


def test_portal_page_with_menu_two_date_lines_and_share_bar():
    result = clean_scraped_text(PORTAL_PAGE)
    assert result.title == "غارات إسرائيلية على جنوب لبنان تقتل 3 أشخاص"
    assert result.published == "2024-03-12"
    assert result.body == ("قتل ثلاثة أشخاص وأصيب آخرون في غارات إسرائيلية استهدفت بلدتين في جنوب لبنان، "
                           "وفق الوكالة الرسمية.\nوقالت الوكالة إن الغارات استهدفت منزلاً في بلدة عيتا الشعب "
                           "ودراجة نارية قرب الناقورة.")
    assert [r.reason for r in result.removed] == (
        ["navigation"] * 4 + ["dateline", "counter", "dateline"] + ["widget"] * 3 + ["related link"])


def test_seed_without_blank_lines_or_date(seed_raw):
    lines = [ln for ln in seed_raw.splitlines() if ln.strip() and "نوفمبر" not in ln]
    result = clean_scraped_text("\n".join(lines))
    assert result.title == 'بوتين يبحث مع خامنئي الأوضاع في سورية وحلف لقتال "داعش"'
    assert result.published is None
    assert result.body.startswith("بدا أن الرئيس الروسي")
    assert "طباعة" not in result.text and "\nبوتين يبحث مع خامنئي\n" not in result.text
    assert result.text.endswith("الرغبة في ذلك.")


SAME_SITE = """الحوثيون يعلنون استهداف سفينة تجارية في البحر الأحمر

الأربعاء 03/يناير/2024 - 12:30 ص
طباعة الحوثيون يعلنون استهداف سفينة
 
أعلنت جماعة الحوثي في اليمن، فجر اليوم، استهداف سفينة تجارية في البحر الأحمر بصاروخين بحريين، في حين قالت هيئة بحرية بريطانية إن السفينة لم تصب بأضرار.

الحوثيون يعلنون استهداف سفينة
وقال المتحدث العسكري باسم الجماعة إن العملية جاءت ردا على الحرب في غزة، متوعدا بمزيد من الهجمات.

شارك1203"""


def test_same_site_style_article():
    result = clean_scraped_text(SAME_SITE)
    assert result.title == "الحوثيون يعلنون استهداف سفينة تجارية في البحر الأحمر"
    assert result.published == "2024-01-03T00:30:00"
    assert result.body == (
        "أعلنت جماعة الحوثي في اليمن، فجر اليوم، استهداف سفينة تجارية في البحر الأحمر بصاروخين بحريين، "
        "في حين قالت هيئة بحرية بريطانية إن السفينة لم تصب بأضرار.\n\n"
        "وقال المتحدث العسكري باسم الجماعة إن العملية جاءت ردا على الحرب في غزة، متوعدا بمزيد من الهجمات.")
    assert [r.reason for r in result.removed] == ["dateline", "widget", "headline repeat", "widget"]
