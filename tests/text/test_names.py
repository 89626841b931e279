"""Tests for the one reading of "a name" (`newsdiff.text.names`) that calibration and conflict partners share."""

from __future__ import annotations

from newsdiff.text.names import names, written_plain


def test_a_name_is_capitalised_past_a_sentence_start_and_never_in_lower_case():
    text = ("Rescuers reached the cave on Wednesday. The Saints placed Thomas on injured reserve: Police said "
            "the police found nothing, and O'Neill agreed — Officials did not.")
    assert names(text) == ["wednesday", "saints", "thomas", "o'neill"]


def test_a_word_written_in_lower_case_too_is_no_name():
    assert names("The Court heard the case; the court rose at noon.") == []
    assert written_plain("court", "the court rose") and not written_plain("court", "the Court rose")
    assert not written_plain("smith", "the smithy")  # a whole word, not part of one


def test_names_are_read_once_each_in_text_order():
    assert names("Gray told NY1 that Gray was unarmed, Kimani Gray's sister said.") == ["ny1", "gray", "kimani",
                                                                                       "gray's"]


def test_a_capital_of_any_script_begins_a_name():
    """Spanish, French, Danish and Turkish capitals are capitals ([A-Z] knew only English ones); a word inside a
    lower-case one still counts ("al-Assad"), and a name's hyphenated parts are one name."""
    assert names("Dijo que Ángel Ruiz y Élodie Martin cruzaron el puente de Øresund con Emre Şahin.") == [
        "ángel", "ruiz", "élodie", "martin", "øresund", "emre", "şahin"]
    assert names("The al-Assad government met Jean-Pierre Raffarin in Ångström Hall.") == [
        "assad", "jean-pierre", "raffarin", "ångström", "hall"]
    assert names("Ángel llegó; el ángel de la guarda no.") == []  # a sentence start, and written plain too


def test_opening_marks_before_a_sentence_leave_its_first_word_the_first():
    """A quotation mark, ¿ or ¡ before a sentence's first word (or a colon's clause) does not make that word a name;
    a quoted name inside a sentence still is one."""
    assert names('He left. “We will win,” he said.') == []
    assert names('"We will win," he said. \'They\' came.') == []
    assert names("Se fue. ¿Quién ganó? ¡Qué partido!") == []
    assert names("He said: “We won,” and thanked «Ángel» and “Smith” for it.") == ["ángel", "smith"]


def test_closing_marks_after_a_sentence_leave_the_next_word_the_first():
    """'“We won.” Later he said': the word after a sentence that ends inside closing quotes (or a bracket) opens
    the next sentence; a closing mark after no sentence end does not ("the players’ Union")."""
    assert names("He spoke. “We won.” Later Smith left.") == ["smith"]
    assert names("She said ‘we lost.’ Then Jones left.") == ["jones"]
    assert names("He left (as planned.) Later Smith came.") == ["smith"]
    assert names("The players’ Union met.") == ["union"]


def test_written_plain_meets_a_word_whole_as_a_word_boundary_search_does():
    """`written_plain` reads an index of the text's word runs: the same answers as `(?<!\\w)word(?!\\w)`, for words
    with apostrophes and hyphens too (a part of a hyphened word is met, a prefix of a longer word is not)."""
    import re

    cases = [("jean", "jean-pierre left"), ("pierre", "jean-pierre left"), ("jean-pierre", "jean-pierre's car"),
             ("o'neil", "o'neil's"), ("o'neil", "o'neill"), ("ab", "ab_c"), ("ab", "ab1"), ("été", "l'été"),
             ("x-", "x- y"), ("x-", "x-y"), ("smith", "smithy smith"), ("smith", ""), ("a’b", "za’b a’bc")]
    for word, text in cases:
        expected = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text) is not None
        assert written_plain(word, text) is expected, (word, text)
