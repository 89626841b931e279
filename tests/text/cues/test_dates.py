"""Tests for the "dates differ" cue (`cues.dates`, `cues.words._uncased`): days, dates and years of one event."""

from __future__ import annotations

import pytest

from newsdiff.text.cues import conflict_reasons, quantities


def test_the_day_someone_spoke_is_compared_only_with_the_day_someone_spoke():
    """"said Thursday" dates the statement, not the escape on Monday; two statement days still compare."""
    assert conflict_reasons("Spokeswoman Michelle Lyons said Thursday that the convicted sex offender was still on the run.",
                            "A convicted sex offender escaped during a prison transport on Monday.") == []
    assert conflict_reasons("The senator said on Monday that the vote would go ahead.",
                            "The senator said on Tuesday that the vote would go ahead.") == [
        'dates differ: "Monday" vs "Tuesday"']
    assert [q.key for q in quantities("Lyons said on Friday that talks failed.")] == ["weekday:said"]


def test_two_days_are_compared_only_when_their_clauses_share_more_than_a_name():
    """"talks with Carrow Transit broke down late on Sunday" / "drivers at Carrow Transit walked out on Monday": two
    events of one company; "Talks resume on Thursday with the state mediator" / "Negotiators meet the state mediator
    on Wednesday" share the meeting."""
    from newsdiff.text.cues import number_reasons

    assert number_reasons("Talks with Carrow Transit broke down late on Sunday.",
                          "Drivers at Carrow Transit walked out on Monday.") == []
    assert number_reasons("Talks are due to resume on Thursday with the state mediator.",
                          "Negotiators will meet the state mediator again on Wednesday.") == [
        'dates differ: "Thursday" vs "Wednesday"']


def test_a_day_before_a_capitalised_may_is_a_date():
    """"3 May" is a date as "May 5" is; "3 may" (the verb) is not."""
    assert conflict_reasons("The minister said the deal was signed on 3 May.",
                            "The minister said the deal was signed on May 5.") == ['dates differ: "3 May" vs "May 5"']
    assert [q.key for q in quantities("Of the applicants, 3 may come later.")] == []


def test_a_day_compares_when_its_clause_is_shared():
    """"Talks resume on Thursday at the mediation service" / "Negotiators will meet again on Wednesday, with a
    mediator present": the Wednesday clause shares nothing, but the sentences share two lower-case words."""
    assert conflict_reasons("Talks are due to resume on Thursday at the offices of the state mediation service.",
                            "Negotiators will meet again on Wednesday, with a state mediator present.") == \
        ['dates differ: "Thursday" vs "Wednesday"']
    assert conflict_reasons("The dockers' strike began on Monday at the port.",
                            "Dockers at the port walked out on Tuesday, starting the strike.") == \
        ['dates differ: "Monday" vs "Tuesday"']


def test_a_day_of_another_event_in_the_sentence_is_no_cue():
    """"The walkout was called after talks broke down late on Sunday" / "dockers stopped work on Monday in the
    port's third walkout": Sunday dates the talks, Monday the walkout; the sentences share only "walkout"."""
    assert conflict_reasons("The walkout was called by the Harbour Workers Union after talks with Portline broke "
                            "down late on Sunday.",
                            "Some 900 dockers at Portline stopped work on Monday in the port's third walkout this "
                            "year, the Harbour Workers Union said.") == []


def test_a_day_of_the_month_compares_with_the_day_of_a_full_date():
    """"on the 9th" has no month: it differs from "on June 11" by its day, agrees with "on June 9"; "the 9th of
    June" is a full date; "the 9th hole" stays an ordinal of holes."""
    assert conflict_reasons("The cavers came out on the 9th.", "The cavers came out on June 11.") == \
        ['dates differ: "9th" vs "June 11"']
    assert conflict_reasons("The cavers came out on the 9th.", "The cavers came out on June 9.") == []
    assert [(q.key, q.value) for q in quantities("They came out on the 9th of June.")] == [("date", 609)]
    assert [q.key for q in quantities("He finished on the 9th hole.")] == ["ordinal:hole"]


@pytest.mark.parametrize("a, b, reason", [
    ("Monday's meeting of the city council was cancelled after a power cut.",
     "The city council meeting, set for Tuesday, was called off because the power failed.",
     'dates differ: "Monday" vs "Tuesday"'),
    ("Crowds gathered early for Friday's parade through the old town.",
     "The parade, held on Thursday, drew crowds through the old town's streets.",
     'dates differ: "Friday" vs "Thursday"'),
])
def test_a_possessive_weekday_dates_the_event_it_owns(a, b, reason):
    """"Saturday's derby": the day is the derby's; it meets a day the other side gives for that noun."""
    assert conflict_reasons(a, b) == [reason]


@pytest.mark.parametrize("a, b", [
    ("Monday's meeting of the city council was cancelled after a power cut.",
     "The meeting of the city council on Monday was cancelled after a power cut."),
    ("Friday's storm cut power to thousands of homes.",
     "Crews said on Tuesday that the power lines would be checked again."),
    # the possessive day dates its noun (the final), not the clause's other event (the injury)
    ("Despite an ankle injury in training, the striker Leo Brandt will play in Sunday's cup final.",
     "The striker Leo Brandt injured his ankle in training on Wednesday."),
    # one of several of that noun on that day
    ("The winner of Friday's second heat between Ortiz and Lamb meets Cole in the final.",
     "Cole will race in the final on Saturday after winning his heat."),
])
def test_a_possessive_weekday_of_the_same_day_or_another_event_is_no_cue(a, b):
    assert conflict_reasons(a, b) == []


@pytest.mark.parametrize("a, b, reason", [
    ("The museum first opened to visitors in 1971, the city said.",
     "Opened in 1917, the museum now draws visitors from abroad.", 'dates differ: "1971" vs "1917"'),
    ("The festival was first held in June 2019 on the old airfield.",
     "First held in June 2018, the festival takes place on the old airfield.",
     'dates differ: "June 2019" vs "June 2018"'),
    ("The law was passed in 2015 after a long fight.", "The law, passed in 2016, ended a long fight.",
     'dates differ: "2015" vs "2016"'),
])
def test_two_years_dating_one_event_differ(a, b, reason):
    """A year read where it dates an event ("opened in 1964", "planned for August 2025") against the other side's
    year for the word it dates."""
    assert conflict_reasons(a, b) == [reason]


@pytest.mark.parametrize("a, b", [
    ("The bridge opened to traffic in 1964.", "Opened in 1964, the bridge carries traffic."),
    ("The bridge opened to traffic in 1964.", "Opened in June 1964, the bridge carries traffic."),
    # one subject, two events
    ("The firm was founded in 1990 in Leeds.", "The firm was sold in 2004 to a rival in Leeds."),
    ("Police arrested the man in 2010 after the robbery.", "Police released the man in 2012 after the robbery."),
    # two years on one side: which dates the event is unclear
    ("The mayor was elected in 2010 and the bridge opened in 1964.", "The bridge opened in 1946."),
])
def test_years_of_one_value_two_events_or_several_years_are_no_cue(a, b):
    assert conflict_reasons(a, b) == []


@pytest.mark.parametrize("a, b, reason", [
    ("Brothers' Murder Trial To Resume Monday Morning At Courthouse",
     "The brothers' murder trial will resume on Tuesday morning at the courthouse.",
     'dates differ: "Monday" vs "Tuesday"'),
    ("BANK OUTAGE HITS CUSTOMERS ON FRIDAY", "The bank outage hit customers on Thursday, the bank said.",
     'dates differ: "FRIDAY" vs "Thursday"'),
    ("Port Strike Called For March 3 By Dockers' Union", "The dockers' union called the port strike for March 5.",
     'dates differ: "March 3" vs "March 5"'),
])
def test_a_headline_in_title_case_or_capitals_gives_date_cues(a, b, reason):
    """In headline case a capital says nothing: its words count as written in lower case (the other side's lower case
    keeps names out)."""
    assert conflict_reasons(a, b) == [reason]


def test_headline_case_is_told_from_a_sentence_or_a_line_of_names():
    """Every word past the first capitalised but short stopwords, one of them a common word: a headline. A sentence,
    or a line of names only, keeps its capitals as names."""
    from newsdiff.text.cues.words import _uncased
    from newsdiff.text.lexicon.en import ENGLISH

    assert _uncased("Colts Beat Chiefs 20-13, Clinch 5th Seed In AFC Playoffs", ENGLISH)
    assert _uncased("BANK OUTAGE HITS CUSTOMERS ON FRIDAY", ENGLISH)
    assert not _uncased("The New York Times said the United Nations met on Friday.", ENGLISH)
    assert not _uncased("Kevin Durant, Russell Westbrook", ENGLISH)
