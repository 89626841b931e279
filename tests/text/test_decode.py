"""Tests for newsdiff.text.decode: encodings in, normalised text out, bad input rejected with a message."""

import codecs
import random

import pytest

from newsdiff.text.decode import InputRejected, decode_bytes, normalise_text

SAMPLE = "Café “quoted” — naïve résumé\nsecond line"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(SAMPLE.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(SAMPLE.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(SAMPLE.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(SAMPLE.encode("utf-32"), id="utf-32-bom"),
        pytest.param(SAMPLE.encode("cp1252"), id="cp1252"),
    ],
)
def test_decodes_common_encodings_to_the_same_text(data):
    """Every supported encoding of the same text decodes to that text."""
    assert decode_bytes(data) == SAMPLE


def test_cp1252_curly_quotes_and_accents_decode_right():
    """Windows-1252 bytes for é and curly quotes come out as those characters, not mojibake."""
    assert decode_bytes(b"caf\xe9 \x93quoted\x94") == "café “quoted”"


def test_latin1_decodes():
    """Latin-1 Spanish text decodes with its accents."""
    text = "Señor Muñoz llegó a la estación. ¿Qué pasó?"
    assert decode_bytes(text.encode("latin-1")) == text


def test_utf8_with_stray_cp1252_bytes_keeps_both():
    """Mostly-UTF-8 text with one Windows-1252 byte keeps its UTF-8 and reads the stray byte as cp1252."""
    assert decode_bytes("It’s “mixed” ".encode() + b"\x93x\x94") == "It’s “mixed” “x”"


def test_non_western_legacy_encoding_is_detected():
    """A Cyrillic cp1251 file is not misread as Western European text."""
    text = "Президент провёл телефонный разговор с президентом Мексики. Это было продуктивно."
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize("data", [b"one\r\ntwo\rthree\n", "one\r\ntwo\rthree\n".encode("utf-16")])
def test_line_endings_are_normalised(data):
    """CRLF and lone CR become LF."""
    assert decode_bytes(data) == "one\ntwo\nthree\n"


def test_nfc_normalisation():
    """A decomposed é (e + combining acute) is composed."""
    assert decode_bytes("cafe\u0301".encode()) == "café"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(2000), id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", id="zip"),
        pytest.param(random.Random(2).randbytes(4000), id="random-bytes"),
        pytest.param(bytes(range(1, 9)) * 200 + b"some text", id="control-chars"),
    ],
)
def test_binary_is_rejected(data):
    """Binary files are refused as binary."""
    with pytest.raises(InputRejected, match="binary"):
        decode_bytes(data)


def test_nul_bytes_in_text_are_rejected():
    """A stray NUL byte in otherwise plain text is refused with its own message."""
    with pytest.raises(InputRejected, match="NUL"):
        decode_bytes(b"hello\x00world, this is text")


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", "  \n".encode("utf-16"), codecs.BOM_UTF8])
def test_empty_and_whitespace_only_are_rejected(data):
    """Empty and whitespace-only files are refused."""
    with pytest.raises(InputRejected, match="empty"):
        decode_bytes(data)


def test_invalid_bytes_after_a_bom_are_rejected():
    """A UTF-8 BOM followed by invalid UTF-8 is refused instead of guessed at."""
    with pytest.raises(InputRejected, match="UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + b"caf\xe9")


def test_rejection_messages_are_one_sentence():
    """Messages are a single human-readable sentence."""
    with pytest.raises(InputRejected) as caught:
        decode_bytes(b"\x89PNG\r\n\x1a\n")
    message = str(caught.value)
    assert message.endswith(".") and message.count(". ") == 0


def test_normalise_text_strips_bom_and_keeps_content():
    """normalise_text drops a leading BOM and unifies line endings but keeps everything else."""
    assert normalise_text("\ufeffa\r\nb\rc  \t\u200b") == "a\nb\nc  \t\u200b"


@pytest.mark.parametrize("text", ["", "  \n ", "\ufeff", "a\x00b"])
def test_normalise_text_rejects_empty_and_nul(text):
    """normalise_text refuses empty text and NUL characters."""
    with pytest.raises(InputRejected):
        normalise_text(text)
