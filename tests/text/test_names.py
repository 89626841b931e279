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
