"""An account's language: the tag given, else detected; the pipeline's language from any tag."""

import pytest

from newsdiff.text.language import account_language, base_language, detect_language, pipeline_language


@pytest.mark.parametrize("text,expected", [
    ("La reunión duró quince minutos y terminó sin acuerdo.", "es"),
    ("El sindicato no aceptó la mediación del gobierno federal.", "es"),
    ("The call lasted about fifteen minutes, the White House said.", "en"),
    ("President Trump posted on Truth Social that the call was very productive.", "en"),
])
def test_short_news_sentences_are_detected(text, expected):
    assert detect_language(text) == expected


def test_too_little_text_is_not_guessed():
    assert detect_language("") == ""
    assert detect_language("Hola amigos") == ""


@pytest.mark.parametrize("tag,base,pipeline", [
    ("es-MX", "es", "es"), ("es_MX", "es", "es"), ("spa", "es", "es"), ("EN-us", "en", "en"),
    ("fr", "fr", "en"), ("", "", "en"), ("Spanish", "", "en"), ("not a tag!", "", "en"),
])
def test_tags_reduce_to_the_language_the_pipeline_reads(tag, base, pipeline):
    assert base_language(tag) == base
    assert pipeline_language(tag) == pipeline


def test_a_given_tag_wins_over_detection_and_is_kept_as_given():
    spanish = "El sindicato no aceptó la mediación del gobierno federal."
    assert account_language(given=" es-MX ", text="An English text that says otherwise.") == "es-MX"
    assert account_language(given="", text=spanish) == "es"
    assert account_language(given="Spanish", text=spanish) == "es"  # not a tag: detected instead
    assert account_language(given="", text="Sí") == ""
