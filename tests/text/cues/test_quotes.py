"""Tests for the "quote attributed" cue (`cues.quotes`): the same quotation credited to two different speakers."""

from __future__ import annotations

import pytest

from newsdiff.text.cues import quote_reasons, speaker


def test_same_quote_different_speakers_is_a_cue():
    """The same quoted words next to different names and reporting verbs."""
    a = '"We will not back down from this fight," Okoro said on Tuesday.'
    b = '"We will not back down from this fight," said Governor Reed.'
    assert quote_reasons(a, b) == [
        'quote attributed to different speakers: "We will not back down from this fight": Okoro vs Governor Reed']


def test_speaker_after_a_title_is_found():
    """"said her campaign manager, Joel Pryce": the name after the verb and a title is the speaker."""
    a = '"We ran on the bus lines and the rents, and people listened," Sayeed told supporters.'
    b = '"We ran on the bus lines and the rents, and people listened," said her campaign manager, Joel Pryce.'
    assert quote_reasons(a, b) == ['quote attributed to different speakers: "We ran on the bus lines and the rents, and '
                                  'people listened": Sayeed vs her campaign manager, Joel Pryce']
    text = '"We will appeal," said on Tuesday the lawyer for the owners.'
    assert speaker(text, 0, text.index(",") + 2) is None


@pytest.mark.parametrize("text, who", [
    ('"We have wanted him for three seasons," said Kingsbridge manager Lars Hendry.', "Hendry"),
    ('"We have wanted him for three seasons," said White House spokesman Josh Earnest on Monday.', "Earnest"),
    # a preposition after the name: a place or a day, not a title before a name
    ('"We have wanted him for three seasons," said Okoro at the Lagos hearing.', "Okoro"),
    ('"We have wanted him for three seasons," said Okoro on Tuesday in Lagos.', "Okoro"),
])
def test_the_speaker_after_an_organisation_and_a_title_is_the_name(text, who):
    """"said Kingsbridge manager Lars Hendry": the speaker is Hendry, not Kingsbridge."""
    assert speaker(text, 0, text.index(',"') + 2) == who


def test_same_speaker_after_an_organisation_and_a_title_is_no_cue():
    """The same person named with the club and title on one side and alone on the other."""
    assert quote_reasons('"We have wanted him for three seasons," said Kingsbridge manager Lars Hendry.',
                         '"We have wanted him for three seasons," Hendry said.') == []
    assert quote_reasons('"We have wanted him for three seasons," said Kingsbridge manager Lars Hendry.',
                         '"We have wanted him for three seasons," said Ashford chairman Colin Mabry.') == \
        ['quote attributed to different speakers: "We have wanted him for three seasons": Kingsbridge manager Lars Hendry '
         'vs Ashford chairman Colin Mabry']


def test_same_quote_same_speaker_is_no_cue():
    """Same speaker with a title on one side and a different reporting verb; short quotes are skipped."""
    assert quote_reasons('"We will not back down from this fight," Okoro said.',
                         'Mayor Janet Okoro told reporters: "We will not back down from this fight."') == []
    assert quote_reasons('"Finally," said Rosa Delgado.', '"Finally," Delgado said, and a crowd cheered.') == []


def test_speaker_needs_a_reporting_verb():
    """A capitalised word that is not next to said/told/wrote is not a speaker."""
    text = 'In Washington, the "very productive" call ended.'
    assert speaker(text, text.index('"'), text.rindex('"') + 1) is None
    text = 'Peter Vance, a lawyer for the alliance, said the ruling was "a blow to owners".'
    assert speaker(text, text.index('"'), text.rindex('"') + 1) == "Vance"


def test_a_speaker_named_in_an_apposition_is_found():
    """"the mayor, Ilse Brandt, said": the name between commas before the verb is the speaker."""
    a = '"We will not back down," Okafor told reporters.'
    b = '"We will not back down," the mayor, Ilse Brandt, said.'
    assert quote_reasons(a, b) == ['quote attributed to different speakers: "We will not back down": Okafor vs the mayor, '
                                  'Ilse Brandt']
    assert quote_reasons('"We will not back down," Okafor said.', '"We will not back down," the union leader, Okafor, said.') == []


_QUOTE = '"We will rebuild the school before winter,"'


@pytest.mark.parametrize("a, b, reason", [
    (_QUOTE + " Mark Reed said.", _QUOTE + " said Anna Reed, the head teacher.",
     "Mark Reed vs Anna Reed, the head teacher"),
    (_QUOTE + " the head teacher, Carol Obi, said.", _QUOTE + " her deputy, Dan Obi, told parents.",
     "the head teacher, Carol Obi vs her deputy, Dan Obi"),
])
def test_one_surname_with_two_given_names_is_two_speakers(a, b, reason):
    assert quote_reasons(a, b) == \
        [f'quote attributed to different speakers: "We will rebuild the school before winter": {reason}']


@pytest.mark.parametrize("a, b", [
    (_QUOTE + " Senator Ida Crane said.", _QUOTE + " Ida Crane said on Monday."),
    (_QUOTE + " Mr. Reed said.", _QUOTE + " Tom Reed said."),
    (_QUOTE + " Coach Tom Reed said.", _QUOTE + " Tom Reed said."),
    (_QUOTE + " the mayor, Tom Reed, said.", _QUOTE + " Reed told reporters."),
])
def test_a_title_or_a_missing_given_name_is_one_speaker(a, b):
    assert quote_reasons(a, b) == []


@pytest.mark.parametrize("a, b, reason", [
    ('"The bridge will stay shut until the spring," said the county engineer, Tom Ruiz.',
     '"We found cracks in two piers. The bridge will stay shut until the spring," Mayor Ana Dwyer told reporters.',
     '"The bridge will stay shut until the spring": the county engineer, Tom Ruiz vs Mayor Ana Dwyer'),
    ('"Nobody expected the water to rise that fast. We lost everything in an hour," Kemal Aydin said.',
     '"We lost everything in an hour," said Lena Marsh, a neighbour.',
     '"We lost everything in an hour": Kemal Aydin vs Lena Marsh, a neighbour'),
])
def test_the_same_words_as_part_of_a_longer_quotation_are_one_quotation(a, b, reason):
    """One outlet quotes two sentences, the other one of them: the words are the same quotation."""
    assert quote_reasons(a, b) == [f"quote attributed to different speakers: {reason}"]


@pytest.mark.parametrize("a, b", [
    ('"The bridge will stay shut until the spring," said the county engineer, Tom Ruiz.',
     '"We found cracks in two piers. The bridge will stay shut until the spring," Ruiz told reporters.'),
    # a short phrase inside a longer quotation is no quotation of it
    ('"Stay at home," Kemal Aydin said.', '"People should stay at home tonight if they can," said Lena Marsh.'),
])
def test_a_part_of_a_quotation_by_the_same_speaker_or_too_short_is_no_cue(a, b):
    assert quote_reasons(a, b) == []


@pytest.mark.parametrize("verb", ["recalled", "explained"])
def test_recalled_and_explained_report_a_quotation(verb):
    a = '"The wind turned at exactly the wrong moment," said incident commander Rosa Tallent.'
    b = f'"The wind turned at exactly the wrong moment," Orrin Vale {verb}.'
    assert quote_reasons(a, b) == ['quote attributed to different speakers: "The wind turned at exactly the wrong '
                                   'moment": incident commander Rosa Tallent vs Orrin Vale']


def test_passages_longer_than_max_cue_chars_give_no_quotation_cue():
    """Every quotation of one passage is compared with every one of the other: past MAX_CUE_CHARS (a hostile
    one-"sentence" passage) no cue is read, where the same quotation in short passages gives one."""
    from newsdiff.text.cues.quantities import MAX_CUE_CHARS

    a = '"We will not close the library," Mayor Ann Lee said.'
    b = '"We will not close the library," council leader Tom Hart said.'
    assert quote_reasons(a, b)
    padding = " It rained." * (MAX_CUE_CHARS // 11 + 1)
    assert quote_reasons(a + padding, b) == [] and quote_reasons(a, b + padding) == []
