"""Encoding detection: the encodings Arabic news arrives in, and refusals."""

import codecs

import pytest

from marsad.errors import InputError
from marsad.io.decode import decode_bytes, sniff_encoding

TEXT = ("أعلنت وزارة الداخلية العراقية، اليوم الأحد، اعتقال خمسة متهمين بتنفيذ هجوم على نقطة "
        "تفتيش في محافظة ديالى، مؤكدة أن التحقيقات مستمرة لكشف بقية المتورطين في الهجوم.\n")


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1256"), "cp1256"),
        (TEXT.encode("iso8859_6"), "iso8859_6"),
    ],
)
def test_supported_encodings_round_trip(data, codec):
    assert sniff_encoding(data) == codec
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file"),
        (bytes(range(256)) * 4, "binary file"),
        (("Привет, это русский текст в кодировке КОИ-8. " * 10).encode("koi8-r"), "unknown encoding"),
        (("日本語の記事です。" * 20).encode("shift_jis"), "unknown encoding"),
        (TEXT.encode("utf-8").decode("latin-1").encode("utf-8"), "unknown encoding"),
    ],
)
def test_refusals(data, reason):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "x.txt", 3)
    assert info.value.reason.startswith(reason)
    assert (info.value.source, info.value.record_no) == ("x.txt", 3)


def test_block_cut_inside_a_character_is_utf8():
    data = TEXT.encode("utf-8") * 200
    cut = data[:19999]  # the sniffed block may end inside a two-byte letter
    with pytest.raises(UnicodeDecodeError):
        cut.decode("utf-8")
    assert sniff_encoding(cut) == "utf-8"
