from marsad.store.fingerprint import body_fingerprint, normalize_for_fingerprint

BODY = "قصفت القوات الحكومية ريف إدلب صباح اليوم، ما أسفر عن مقتل ستة مدنيين."


def test_spacing_punctuation_tatweel_and_diacritics_do_not_count():
    variant = "قصـــفت  القواتُ الحكومية ريف إدلب\nصباح اليوم ما أسفر عن مقتل ستة مدنيين"
    assert body_fingerprint(variant) == body_fingerprint(BODY)


def test_same_body_under_another_headline_matches():
    a = body_fingerprint("قصف على إدلب\n\n" + BODY, "قصف على إدلب")
    b = body_fingerprint("مقتل ستة مدنيين في ريف إدلب\n\n" + BODY, "مقتل ستة مدنيين في ريف إدلب")
    assert a == b == body_fingerprint(BODY)


def test_different_bodies_differ():
    other = BODY.replace("ستة", "سبعة")
    assert body_fingerprint(other) != body_fingerprint(BODY)


def test_hamza_forms_and_arabic_indic_digits_fold():
    assert normalize_for_fingerprint("أعلن إطلاق ٣ صواريخ") == normalize_for_fingerprint("اعلن اطلاق 3 صواريخ")


def test_text_without_letters_has_no_fingerprint():
    assert body_fingerprint(" ... !! ") is None
