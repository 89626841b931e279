"""Tests for "the same quotation, different speakers": which quotations are one, who said each, who is one person."""

from __future__ import annotations

import pytest

from newsdiff.text.cues import conflict_reasons, quote_reasons, same_quotation
from newsdiff.text.quotations import quotations as _quotes
from newsdiff.text.speakers import different_speakers, speaker_of


def _speaker(text: str, language: str = "en"):
    _, start, end = _quotes(text)[0]
    return speaker_of(text, start, end, language)


# --- (1) a quotation inside the other side's longer one is the same quotation -----------------------------------

@pytest.mark.parametrize("a, b, reason", [
    ('"Nobody will lose their job because of this merger," said Tamsin Gale.',
     '"The deal is about growth. Nobody will lose their job because of this merger," the union\'s general secretary, '
     'Bram Holt, said.',
     'quote attributed to different speakers: "Nobody will lose their job because of this merger": Tamsin Gale vs '
     'the union\'s general secretary, Bram Holt'),
    # inside the other's sentence, not a sentence of its own
    ('"The river rose faster than any of us expected," the harbour master, Ines Calder, wrote.',
     '"We moved the sandbags twice that night, but the river rose faster than any of us expected," Fenwick told the '
     'inquiry.',
     'quote attributed to different speakers: "The river rose faster than any of us expected": the harbour master, '
     'Ines Calder vs Fenwick'),
    # near-verbatim: another spelling and a dropped article, curly quotes
    ('“We will re-open the bridge before winter,” said county engineer Marta Quist.',
     '“It has been a hard year for the valley. We will reopen the bridge before the winter,” council leader Tom Avery '
     'declared.',
     'quote attributed to different speakers: "We will re-open the bridge before winter": county engineer Marta Quist '
     'vs council leader Tom Avery'),
])
def test_a_quotation_inside_the_other_sides_longer_one_is_the_same_quotation(a, b, reason):
    assert quote_reasons(a, b) == [reason]
    assert quote_reasons(b, a)  # whichever side has the longer one
    assert reason in conflict_reasons(a, b)


@pytest.mark.parametrize("x, y", [
    # a negation makes another statement, near-verbatim or not
    ("We will not close the library on Sundays", "It is settled. We will close the library on Sundays"),
    ("We won't close the library on Sundays", "We will close the library on Sundays"),
    # three words are too few to be found inside a longer quotation ("We are ready" is everyone's)
    ("We are ready", "We are ready for whatever the storm brings tonight"),
    # two words as written ("off-the-field issue"), however many once hyphens are read as spaces
    ("off-the-field issue", "We are aware of the off-the-field issue involving our player"),
    # most words in common, but not one inside the other
    ("The council must find the money for the new pool",
     "The council must find a site for the new pool before it can ask for money"),
])
def test_quotations_that_are_not_one(x, y):
    assert not same_quotation(x, y)
    assert not same_quotation(y, x)


def test_a_short_quotation_inside_a_longer_one_by_two_speakers_raises_nothing():
    assert quote_reasons('"We are ready," said Mira Kahn.',
                         '"We are ready for whatever the storm brings tonight," the fire chief, Ben Ode, said.') == []


# --- (2) the speaker, read from any verb of speech, before or after the quotation ---------------------------------

@pytest.mark.parametrize("text, name", [
    ('"The roof will be finished by spring," said Yusuf Demir.', ("Yusuf", "Demir")),
    ('"The roof will be finished by spring," Demir insisted on Monday.', ("Demir",)),
    ('"The roof will be finished by spring," the site manager, Yusuf Demir, explained.', ("Yusuf", "Demir")),
    ('"The roof will be finished by spring," Yusuf Demir, the site manager, told the council.', ("Yusuf", "Demir")),
    ('"The roof will be finished by spring," Dr. Petrova later recalled.', ("Petrova",)),
    ('"The roof will be finished by spring," Demir has repeatedly insisted.', ("Demir",)),
    ('"The roof will be finished by spring," remarked Councillor Ana Petrova, who chairs the works committee.',
     ("Ana", "Petrova")),
    ('"The roof will be finished by spring," Lt. Gen. Aaron Blake stated.', ("Aaron", "Blake")),
    ('"The roof will be finished by spring," according to Yusuf Demir.', ("Yusuf", "Demir")),
    ('Yusuf Demir, 58, said: "The roof will be finished by spring."', ("Yusuf", "Demir")),
    ('Site manager Yusuf Demir wrote on Facebook that "the roof will be finished by spring".', ("Yusuf", "Demir")),
    ('Speaking at the depot, Demir warned: "The roof will be finished by spring."', ("Demir",)),
    ('The site manager, Yusuf Demir, who has run the project since 2019, said: "The roof will be finished by spring."',
     ("Yusuf", "Demir")),
    # what a person works for is not their name: after "of", before a role, with a possessive
    ('"The roof will be finished by spring," the mayor of Eastwick, Ana Petrova, declared.', ("Ana", "Petrova")),
    ('"The roof will be finished by spring," Ministry of Works spokesman Lee Tan told reporters.', ("Lee", "Tan")),
    ('"The roof will be finished by spring," said Arkway\'s head of safety, Nils Ober.', ("Nils", "Ober")),
    ('"The roof will be finished by spring," Ranford site manager Kai Moss posted.', ("Kai", "Moss")),
    ('"The roof will be finished by spring," said Ada Quinn of the Harbour Residents\' Forum.', ("Ada", "Quinn")),
    # a title alone with no "the" is a surname; an initial is part of a name, not an acronym
    ('"The roof will be finished by spring," King said.', ("King",)),
    ('"The roof will be finished by spring," general manager A.J. Moss said.', ("A.", "J.", "Moss")),
])
def test_the_speaker_is_read_from_any_verb_of_speech(text, name):
    assert _speaker(text).name == name


def test_both_parts_of_a_quotation_split_by_its_attribution_have_its_speaker():
    text = '"The roof will be finished," said Yusuf Demir, "and by spring at the latest."'
    assert [speaker_of(text, start, end).name for _, start, end in _quotes(text)] == [("Yusuf", "Demir")] * 2
    a = '"We will rebuild the pier," said harbour master Ines Calder, "and we will do it before the summer."'
    b = '"We will rebuild the pier and we will do it before the summer," the council leader, Tom Avery, declared.'
    assert quote_reasons(a, b) == ['quote attributed to different speakers: "We will rebuild the pier": harbour '
                                   'master Ines Calder vs the council leader, Tom Avery']
    assert quote_reasons(a, '"We will do it before the summer," Calder said.') == []


@pytest.mark.parametrize("text, phrase", [
    ('"The roof will be finished by spring," the site manager noted in his report.', "the site manager"),
    ('According to the site manager, "the roof will be finished by spring."', "the site manager"),
    ('Yesterday, the council leader argued that "the roof will be finished by spring".', "the council leader"),
    ('"The roof will be finished by spring," the report notes.', "the report"),
])
def test_a_speaker_without_a_name_is_their_role(text, phrase):
    who = _speaker(text)
    assert who.name == () and who.phrase == phrase


@pytest.mark.parametrize("text", [
    '"The roof will be finished by spring," he said.',
    '"The roof will be finished by spring," officials said.',
    '"The roof will be finished by spring," Demir and Petrova said.',
    '"The roof will be finished by spring," said Demir and Petrova.',
    '"The roof will be finished by spring," said the mayor, Ana Petrova, and her deputy, Lev Petrov.',
    'The mayor, Ana Petrova, and her deputy, Lev Petrov, said: "The roof will be finished by spring."',
    'The man who spoke to Demir said the roof was "finished by spring at the latest".',
    'Residents were told the roof would be "finished by spring at the latest".',
    '"The roof will be finished by spring," said on Tuesday the lawyer for the owners.',
    'Okafor said she overheard someone say "the roof will be finished by spring".',
])
def test_no_speaker_when_none_is_named(text):
    """A pronoun, a plural source, two speakers, an object or a passive: nobody the cue can compare."""
    assert _speaker(text) is None


def test_the_speaker_of_a_spanish_quotation():
    assert _speaker('"El techo estará listo en primavera", dijo el alcalde de Soria, Juan de la Cruz.', "es").name == \
        ("Juan", "de", "la", "Cruz")
    assert _speaker('"El techo estará listo en primavera", recordó la portavoz municipal.', "es").phrase == \
        "la portavoz municipal"
    assert _speaker('Según la alcaldesa, "el techo estará listo en primavera".', "es").phrase == "la alcaldesa"
    assert _speaker('"El techo estará listo en primavera", ha dicho Ruiz.', "es").name == ("Ruiz",)


@pytest.mark.parametrize("a, b", [
    ('"Every ticket will be refunded in full," the promoter, Lars Ekberg, insisted.',
     '"Every ticket will be refunded in full," venue owner Priya Nair explained.'),
    ('"Every ticket will be refunded in full," recalled festival founder Jonas Webb.',
     'Promoter Lars Ekberg remarked: "Every ticket will be refunded in full."'),
    ('"Every ticket will be refunded in full," according to Lars Ekberg.',
     '"Every ticket will be refunded in full," Priya Nair noted.'),
    ('The promoter, Lars Ekberg, argued that "every ticket will be refunded in full".',
     '"Every ticket will be refunded in full," warned Priya Nair, who runs the venue.'),
])
def test_one_quotation_given_to_two_speakers_by_any_verb_of_speech_is_a_cue(a, b):
    assert quote_reasons(a, b)


# --- (3) two speakers are two people ------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, reason", [
    # same surname, another given name: two people
    ('"We are grateful to every volunteer," said Nadia Brook.',
     '"We are grateful to every volunteer," her husband, Omar Brook, said.',
     'quote attributed to different speakers: "We are grateful to every volunteer": Nadia Brook vs her husband, '
     'Omar Brook'),
    # no name on either side: the roles
    ('"The station will stay open," the transport minister said.',
     '"The station will stay open," the rail company\'s chief executive said.',
     'quote attributed to different speakers: "The station will stay open": the transport minister vs the rail '
     'company\'s chief executive'),
    # a name and its role on one side, a role that shares no word on the other
    ('"The station will stay open," said the regional mayor, Eva Lund.',
     '"The station will stay open," the rail company\'s chief executive said.',
     'quote attributed to different speakers: "The station will stay open": the regional mayor, Eva Lund vs the rail '
     'company\'s chief executive'),
])
def test_two_people_named_or_described_differently_are_two_speakers(a, b, reason):
    assert quote_reasons(a, b) == [reason]


@pytest.mark.parametrize("a, b", [
    # one person with and without a title, an honorific, an initial, the surname alone
    ('"The station will stay open," said Transport Minister Eva Lund.',
     '"The station will stay open," Lund told reporters.'),
    ('"The station will stay open," Ms. Lund said.', '"The station will stay open," said Eva Lund.'),
    ('"The station will stay open," said E. Lund.', '"The station will stay open," said Eva Lund.'),
    ('"The station will stay open," said A.J. Lund.', '"The station will stay open," AJ Lund said.'),
    ('"The station will stay open," said Eva Lund of the Harbour Residents\' Forum.',
     '"The station will stay open," said Eva Lund, who chairs the Harbour Residents\' Forum.'),
    ('"The station will stay open," said Arkway\'s head of safety, Nils Ober.',
     '"The station will stay open," Ober said.'),
    # same speaker, another verb, another place
    ('"The station will stay open," Lund insisted.', 'Eva Lund recalled: "The station will stay open."'),
    # a body and its spokeswoman; a role against a name without one; pronouns and plural sources
    ('"The station will stay open," the ministry said.',
     '"The station will stay open," said Eva Lund, a spokeswoman for the ministry.'),
    ('"The station will stay open," the minister said.', '"The station will stay open," said Eva Lund.'),
    ('"The station will stay open," officials said.', '"The station will stay open," said Eva Lund.'),
    ('"The station will stay open," she said.', '"The station will stay open," said Omar Brook.'),
    # one side paraphrases without quoting; a quotation only one side has
    ('"The station will stay open," said Eva Lund.',
     "The rail company's chief executive said the station would stay open."),
    ('"The station will stay open," said Eva Lund.', '"Ticket prices will rise in May," said Omar Brook.'),
])
def test_one_speaker_or_no_comparable_speaker_raises_nothing(a, b):
    assert quote_reasons(a, b) == []
    assert quote_reasons(b, a) == []


def test_names_are_compared_whole():
    lund, eva_lund, ana_lund = (_speaker(f'"The station will stay open," said {n}.') for n in
                                ("Lund", "Eva Lund", "Ana Lund"))
    assert not different_speakers(lund, eva_lund)
    assert different_speakers(eva_lund, ana_lund)
    assert not different_speakers(lund, ana_lund)  # "Lund" may be either


def test_one_spanish_quotation_given_to_two_speakers():
    a = '"Nadie perderá su empleo por esta fusión", dijo la ministra de Trabajo, Ana Ruiz.'
    b = '"El acuerdo es bueno para todos. Nadie perderá su empleo por esta fusión", recordó el presidente del ' \
        'sindicato, Luis Gil.'
    assert quote_reasons(a, b, "es") == [
        'quote attributed to different speakers: "Nadie perderá su empleo por esta fusión": la ministra de Trabajo, '
        'Ana Ruiz vs el presidente del sindicato, Luis Gil']
    assert quote_reasons(a, '"Nadie perderá su empleo por esta fusión", recalcó Ruiz.', "es") == []


# --- session 21: quotations in single marks ------------------------------------------------------------------------

def test_a_quotation_in_single_marks_credited_to_two_speakers_is_a_cue():
    a = "‘We will not close the library this year,’ said the mayor, Colm Dwyer."
    b = "'We will not close the library this year,' Councillor June Sutter told reporters."
    assert quote_reasons(a, b) == ['quote attributed to different speakers: "We will not close the library this '
                                   'year": the mayor, Colm Dwyer vs Councillor June Sutter']
    assert _speaker(a).name == ("Colm", "Dwyer")



@pytest.mark.parametrize("text", [
    "‘We will do it,’ said Ines Calder, ‘and we will do it before the summer.’",
    "'We will do it,' said Ines Calder, 'and we will do it before the summer.'",
    "‘We will win’ the mayor, Ines Calder, said, ‘and we will do it before the summer.’",
])
def test_a_quotation_in_single_marks_resumed_after_its_speaker_is_credited_to_that_speaker(text):
    """The second part of a quotation split by its attribution is read after the first part's end, as the
    quotation reader gives it (`newsdiff.text.quotations`), in single marks as in double marks."""
    assert [speaker_of(text, start, end).name for _, start, end in _quotes(text)] == [("Ines", "Calder")] * 2
