"""Tests for newsdiff/services/refusals.py: the text layer's refusals in the reader's language."""

import pytest
from django.utils import translation

from newsdiff.services.articles import ImportRefused, split_input
from newsdiff.services.refusals import INPUT_MESSAGES, refusal_text
from newsdiff.text.decode import InputRejected, decode_bytes, normalise_text
from newsdiff.text.extract import prepare
from newsdiff.text.sanitise import sanitise_html
from newsdiff.text.web import NoArticleFound, extract_article

REFUSED = {
    "empty": lambda: decode_bytes(b"   \n"),
    "binary": lambda: decode_bytes(b"%PDF-1.7 rest of it"),
    "nul_bytes": lambda: decode_bytes(b"plain words\x00 and more plain words " * 3),
    "nul_text": lambda: normalise_text("a\x00b"),
    "bad_bom": lambda: decode_bytes(b"\xef\xbb\xbf\xff\xfe bad"),
    "no_text": lambda: prepare("<p> </p><script>x()</script>", "html"),
    "too_deep": lambda: sanitise_html("<div>" * 5000 + "deep" + "</div>" * 5000),
    "empty_page": lambda: extract_article("   "),
}


@pytest.mark.parametrize("code", sorted(REFUSED))
def test_each_refusal_carries_its_code_and_reads_the_same_in_english(code):
    """The wording here, in English, is the text layer's own message: the two cannot drift apart."""
    with pytest.raises((InputRejected, NoArticleFound)) as caught:
        REFUSED[code]()
    assert caught.value.code == code
    with translation.override("en"):
        assert refusal_text(caught.value) == str(caught.value)


def test_every_code_has_a_spanish_message():
    with translation.override("en"):
        english = {code: str(message) for code, message in INPUT_MESSAGES.items()}
    with translation.override("es"):
        untranslated = [code for code, message in INPUT_MESSAGES.items() if str(message) == english[code]]
    assert untranslated == []


def test_an_unknown_refusal_is_shown_as_it_came():
    assert refusal_text(ValueError("Something new.")) == "Something new."


def test_an_upload_refused_by_the_text_layer_says_so_in_spanish():
    with translation.override("es"), pytest.raises(ImportRefused) as caught:
        split_input(data=b"\xef\xbb\xbf\xff\xfe bad", filename="nota.txt")
    assert caught.value.reason == "El archivo empieza con una marca de orden de bytes de UTF-8 pero no es UTF-8 válido."
