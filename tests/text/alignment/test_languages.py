"""The engine reads each account in its language; two languages need a sentence-embedding model."""

from dataclasses import dataclass

import pytest

from newsdiff.text.alignment import align
from newsdiff.text.alignment.terms import VOCABULARY, vocabulary_for
from newsdiff.text.pipeline import split_content
from newsdiff.text.semantic import load_scorer
from tests.text.tiny_model import build_tiny_model


@dataclass
class P:
    text: str
    kind: str = "claim"


def test_spanish_words_are_stemmed_and_stopwords_dropped_in_spanish():
    es = vocabulary_for("es-MX")
    terms = es.terms("Los trabajadores del sindicato dijeron que trabajarán quince días")
    words = set(terms.values())
    assert "los" not in words and "dijeron" not in words and "que" not in words  # stopwords (stop-words' list)
    assert es.term("trabajadores") == es.term("trabajarán")  # one Snowball Spanish stem
    assert es.term("quince") == VOCABULARY.term("15") == VOCABULARY.term("fifteen")  # numbers shared by languages
    assert es.term("dos") in es.numbers  # a number word is a number even where the stopword list has it


def test_a_spanish_pair_links_and_flags_spanish_conflicts():
    a = [P("La reunión con la secretaria Carbajal duró quince minutos en la capitanía."),
         P("El sindicato no aceptó la mediación del gobierno federal."),
         P("El puerto mueve el 12 por ciento de las exportaciones agrícolas.")]
    b = [P("El sindicato aceptó la mediación del gobierno federal."),
         P("La reunión con la secretaria Carbajal en la capitanía duró cuarenta minutos."),
         P("Los aguacates se echaron a perder.")]
    result = align(a, b, language_a="es", language_b="es-MX")
    found = {(link.a[0], link.b[0]): link for link in result.links}
    assert found[(0, 1)].label == "conflict" and "quince minutos" in " ".join(found[(0, 1)].reasons)
    assert found[(1, 0)].label == "conflict"
    assert result.unique_a == [2] and result.unique_b == [2]


def test_two_languages_without_a_model_make_no_suggestions_and_say_so():
    a = [P("The call with President Sheinbaum was very productive, Trump said.")]
    b = [P("La llamada con el presidente Trump fue muy productiva, dijo Sheinbaum.")]
    result = align(a, b, language_a="en", language_b="es")
    assert result.needs_model and result.links == [] and result.unique_a == [0] and result.unique_b == [0]
    assert not align(a, a, language_a="en", language_b="en-GB").needs_model


@pytest.fixture(scope="module")
def scorer(tmp_path_factory):
    return load_scorer(build_tiny_model(tmp_path_factory.mktemp("tiny")))


def test_with_a_model_translations_link_across_languages(scorer):
    a = [P("The call was productive."), P("Trade and security at the border."), P("Football on Friday.")]
    b = [P("Fútbol el viernes."), P("La llamada fue productiva."), P("Comercio y seguridad en la frontera.")]
    result = align(a, b, language_a="en", language_b="es", scorer=scorer)
    assert not result.needs_model
    assert sorted((link.a[0], link.b[0]) for link in result.links) == [(0, 1), (1, 2), (2, 0)]
    assert all(any(r.startswith("close in meaning (sentence model): ") for r in link.reasons) for link in result.links)


def test_with_a_model_a_paraphrase_sharing_no_word_links_in_one_language(scorer):
    a = [P("A productive call."), P("The weather in the port was calm and the harbour stayed open."),
         P("Fentanyl seized at the border crossing near the bridge.")]
    b = [P("Football results."), P("The weather in the port was calm and the harbour stayed open."),
         P("A fruitful conversation.")]
    without = {(link.a[0], link.b[0]) for link in align(a, b).links}
    with_model = {(link.a[0], link.b[0]) for link in align(a, b, scorer=scorer).links}
    assert (0, 2) not in without and (0, 2) in with_model
    assert (1, 1) in without and (1, 1) in with_model
    assert (2, 0) not in with_model


def test_a_link_the_model_made_says_so_and_a_lexical_one_does_not(scorer):
    a = [P("A productive call."), P("The weather in the port was calm and the harbour stayed open.")]
    b = [P("The weather in the port was calm and the harbour stayed open."), P("A fruitful conversation.")]
    by_pair = {(link.a[0], link.b[0]): link.reasons for link in align(a, b, scorer=scorer).links}
    model_reason = [r for r in by_pair[(0, 1)] if r.startswith("close in meaning (sentence model): ")]
    assert len(model_reason) == 1 and 0.0 < float(model_reason[0].rsplit(" ", 1)[1]) <= 1.0
    assert not [r for r in by_pair[(0, 1)] if r.startswith("shares rare words")]  # the model alone made it
    lexical = align(a, b, scorer=None).links
    assert lexical and not any("sentence model" in r for link in lexical for r in link.reasons)


def test_the_pipeline_detects_the_language_and_splits_by_it():
    document = split_content("El Sr. García llegó el viernes al puerto. La huelga sigue sin acuerdo.")
    assert document.language == "es"
    assert [s.text for s in document.segments][0] == "El Sr. García llegó el viernes al puerto."
    assert split_content("The strike goes on without a deal at the port.", language="en-GB").language == "en-GB"


def test_default_english_alignment_uses_the_shipped_model(monkeypatch):
    """align() with no scorer argument reads two English accounts with the shipped model; scorer=None turns it off."""
    from newsdiff.text import semantic
    from newsdiff.text.alignment import engine

    seen = []
    real = semantic.shipped_scorer

    def spy(language_a="en", language_b=None):
        found = real(language_a, language_b)
        seen.append(found)
        return found

    monkeypatch.setattr(semantic, "shipped_scorer", spy)
    a = [P("The council approved the budget on Tuesday."), P("Rents will rise next year.")]
    b = [P("On Tuesday the council approved the budget."), P("Schools reopen in March.")]
    captured = []
    original = engine.build_context
    monkeypatch.setattr(engine, "build_context", lambda x, y, scorer=None: captured.append(scorer) or original(x, y, scorer))
    align(a, b)
    assert seen and seen[-1] is not None and captured[-1] is seen[-1]
    align(a, b, scorer=None)
    assert captured[-1] is None
    align(a, [P("El consejo aprobó el presupuesto el martes.")], language_a="en", language_b="es")
    assert seen[-1] is None  # English words only: no shipped model across languages
