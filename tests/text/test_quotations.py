"""Tests for the one reader of direct quotations (`newsdiff.text.quotations`): double marks, guillemets and single
marks read alike, apostrophes not read as marks."""

from __future__ import annotations

import pytest

from newsdiff.text.quotations import NONE, may_quote, quotations


def _said(text: str, language: str = "en") -> list[str]:
    return [q for q, _, _ in quotations(text, language)]


@pytest.mark.parametrize("text, quoted", [
    ("‘We will not close the library this year,’ said the mayor, Colm Dwyer.",
     ["We will not close the library this year,"]),
    ("The players' union said the offer was 'an insult to the fans' on Monday.", ["an insult to the fans"]),
    ("Okoro said: ‘We don’t close libraries, we open them.’", ["We don’t close libraries, we open them."]),
    ("Fans of the '90s band said 'it was the best night of our lives' after the show.",
     ["it was the best night of our lives"]),
    # an apostrophe is no quotation mark
    ("The players' union said it won't strike until the '90s deal ends.", []),
    ("The dockers’ leaders rejected the owners’ offer on Friday.", []),
])
def test_quotations_in_single_marks_are_read_and_apostrophes_are_not(text, quoted):
    assert _said(text) == quoted


def test_single_marks_inside_a_double_quoted_quotation_are_part_of_it():
    text = '"They were calling out, \'Rest in peace, Kiki,\' all night," Ames said.'
    assert _said(text) == ["They were calling out, 'Rest in peace, Kiki,' all night,"]


def test_every_kind_of_mark_is_read_in_text_order_with_its_span():
    text = "«No cerraremos», dijo Ruiz; “we will not close,” said Dwyer, and ‘nor will we,’ Sutter added."
    found = quotations(text)
    assert [q for q, _, _ in found] == ["No cerraremos", "we will not close,", "nor will we,"]
    assert [text[start:end] for _, start, end in found] == ["«No cerraremos»", "“we will not close,”", "‘nor will we,’"]


def test_an_opening_mark_opened_again_before_it_closes_is_not_read():
    """A stray or unclosed opening mark before a closed quotation: only the closed one is read, not the words from the
    stray mark on."""
    assert _said("The union called it “a betrayal and, Okafor said, “we are tired of waiting.”") == [
        "we are tired of waiting."]
    assert _said("«Primero «no cerraremos» la biblioteca", "es") == ["no cerraremos"]


def test_an_unclosed_quotation_or_no_mark_reads_nothing():
    assert quotations("“We are tired of waiting, said Okafor.") == NONE
    assert quotations("The walkout began on Monday.") == NONE
    assert not may_quote("The walkout began on Monday, the drivers’ union said.")  # "’" only closes a quotation
