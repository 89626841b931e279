"""Tests for the conflict cues: typed quantities, dates, negation in the shared clause, re-attributed quotes."""

from __future__ import annotations

import pytest

from newsdiff.text.cues import conflict_reasons, negation_reasons, quantities, quote_reasons, speaker


@pytest.mark.parametrize("a, b, reason", [
    ("The network paid $1 million for the airtime.", "The network paid $500,000 of airtime.",
     'numbers differ: "$1 million" vs "$500,000"'),
    ("He took a 38-word oath before the court.", "He took the 35-word oath before the court.",
     'numbers differ: "38-word" vs "35-word"'),
    ("The senator apologised on Saturday for the remarks.", "The senator apologised for the remarks on Friday.",
     'dates differ: "Saturday" vs "Friday"'),
    ("The council adopted the ordinance 18 months ago.", "The council adopted the ordinance two years ago.",
     'numbers differ: "18 months" vs "two years"'),
    ("The flood killed at least three people in the valley.", "The flood killed at least 10 people in the valley.",
     'numbers differ: "three people" vs "10 people"'),
    ("Turnout in the mayoral race reached 38 percent.", "Turnout in the mayoral race reached 41%.",
     'numbers differ: "38 percent" vs "41%"'),
    ("The summit opens on March 3 in Geneva.", "The summit opens on March 4 in Geneva.",
     'dates differ: "March 3" vs "March 4"'),
    ("The call lasted roughly fifteen minutes, officials said.", "The call lasted about ten minutes, officials said.",
     'numbers differ: "fifteen minutes" vs "ten minutes"'),
    ("The champion won the title in the seventh round.", "The champion won the title in the sixth round.",
     'numbers differ: "seventh round" vs "sixth round"'),
])
def test_quantities_that_differ_are_cues(a, b, reason):
    """Money with scale, compounds, durations, counts, percentages, dates, weekdays, ordinals."""
    assert conflict_reasons(a, b) == [reason]


@pytest.mark.parametrize("a, b", [
    ("Refund guidance on the rent cap will come within 30 days.", "Refund guidance on the rent cap will come within a month."),
    ("Marchetti's news conference on rates lasted half an hour.", "In a 30-minute news conference on rates, Marchetti spoke."),
    ("Boeing shares rose 1.5% to $67.94.", "Boeing comparte aumentó un 1,5% a $67.94."),
    ("The new mayor takes office on Jan. 1.", "The new mayor will be sworn in on January 1."),
    ("It took twenty-five minutes to count the ballots.", "It took 25 minutes to count the ballots."),
    ("The firm paid $5.4 billion for the chipmaker.", "The firm paid US $5.4-billion for the chipmaker."),
    ("A dozen people were hurt in the crash.", "Twelve people were hurt in the crash."),
])
def test_same_quantities_written_differently_are_no_cue(a, b):
    """Units convert (30 days = a month), words and digits meet, decimal commas read as decimals."""
    assert conflict_reasons(a, b) == []


def test_numbers_about_different_things_are_no_cue():
    """Decoys: a number on one side only, an age against a duration, datelines that share nothing else."""
    assert conflict_reasons("The cap covers roughly 42,000 apartments in buildings of more than six units.",
                            "The cap covers about 42,000 apartments.") == []
    assert conflict_reasons("The 36-year-old boxer lost the title.", "The boxer lost the title a year later.") == []
    assert conflict_reasons("January 5, 2011", "Updated: January 6, 2011, 11:34 AM ET") == []
    assert conflict_reasons("Ferreira, 29, has now scored 23 goals this season.",
                            "Ferreira's two goals took his tally for the season to 23.") == []


def test_years_alone_are_not_counts():
    """A bare year is not a quantity of anything."""
    assert quantities("The law passed in 2015 after a long fight.") == ()


def test_negation_inside_the_shared_clause_is_a_cue():
    """One side negates the very clause the other states."""
    reasons = negation_reasons(
        "The court did not decide whether the cap covers buildings completed after 2015.",
        "The court also held that the cap covers buildings completed after 2015.")
    assert reasons == ['negation in the shared clause: "The court did not decide whether the cap covers buildings completed"']


def test_a_negated_verb_the_other_side_states_is_a_cue_after_a_long_shared_subject():
    """"will not meet" against "will meet": the negation is about the shared verb, however much comes before it."""
    reasons = negation_reasons("Officials in the capital said trade teams from both governments will not meet this month.",
                               "Officials in the capital said trade and energy teams from both governments will meet later this month.")
    assert reasons and reasons[0].startswith("negation in the shared clause")


@pytest.mark.parametrize("a, b", [
    # the "not" sits in a clause the other side does not have
    ("The justices said the city acted within its powers, but the landlords could not point to any law.",
     "The justices said the city acted within its constitutional powers."),
    ("AMD's ATI acquisition will not affect India operations.",
     "AMD says the ATI acquisition is about more than just selling machines."),
    ("Deputy Governor Paul Arnaud voted against the increase, saying rates were not the problem.",
     "Deputy Governor Paul Arnaud voted against the increase, the bank said."),
    # both sides negate
    ("It is not yet clear whether tenants will get refunds.", "Whether tenants will get refunds is not yet clear."),
    # the negated part holds only part of what the pair shares (the people, the pumps): the other side words it otherwise
    ("Thousands of residents were left without drinking water because the pumps failed.",
     "The drinking water pumps failed and thousands of residents lost their supply."),
])
def test_negation_outside_the_shared_clause_is_no_cue(a, b):
    """Decoys: a "not" elsewhere in the sentence, or on both sides, labels nothing."""
    assert negation_reasons(a, b) == []


def test_same_quote_different_speakers_is_a_cue():
    """The same quoted words next to different names and reporting verbs."""
    a = '"We will not back down from this fight," Okoro said on Tuesday.'
    b = '"We will not back down from this fight," said Governor Reed.'
    assert quote_reasons(a, b) == ["quote attributed to different speakers: Okoro vs Reed"]


def test_speaker_after_a_title_is_found():
    """"said her campaign manager, Joel Pryce": the name after the verb and a title is the speaker."""
    a = '"We ran on the bus lines and the rents, and people listened," Sayeed told supporters.'
    b = '"We ran on the bus lines and the rents, and people listened," said her campaign manager, Joel Pryce.'
    assert quote_reasons(a, b) == ["quote attributed to different speakers: Sayeed vs Pryce"]
    text = '"We will appeal," said on Tuesday the lawyer for the owners.'
    assert speaker(text, 0, text.index(",") + 2) is None


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


def test_a_date_for_an_event_against_no_date_for_it_is_a_cue():
    from newsdiff.text.cues import schedule_reasons

    reasons = schedule_reasons("Both teams will meet later this month.", "No date was announced for the proposed meetings.")
    assert reasons == ['dates differ: "later this month" vs "No date was announced for the proposed meetings."']
    assert schedule_reasons("The board has not set a date for the vote.", "The vote is on March 3.")
    # No shared event, no "no date", or a negation that is not about a date: nothing.
    assert schedule_reasons("The council will meet next week.", "No date was given for the concert.") == []
    assert schedule_reasons("The council will meet next week.", "The meeting was announced.") == []
    assert schedule_reasons("The talks resume next week.", "It was not the first time the talks stalled.") == []


def test_quantities_of_different_things_in_their_clauses_are_no_cue():
    from newsdiff.text.cues import number_reasons

    assert number_reasons("More than 40 people died in the strike on the school.",
                          "About 400 people had sought shelter there.") == []
    # The same act with two values, and a fronted weekday whose clause is the rest of the sentence.
    assert number_reasons("The council adopted the ordinance 18 months ago.",
                          "The ordinance was adopted by the council two years ago.")
    assert number_reasons("On Thursday, the court struck down the rent cap.",
                          "The court struck down the rent cap on Friday.")


@pytest.mark.parametrize("a, b", [
    ("The network agreed to pay $1 million to settle the complaint.",
     "Under the settlement, the network will provide $500,000 of airtime for public-service announcements."),
    ("The settlement, worth $1 million, was announced on Monday.",
     "The network will give $500,000 of airtime under the settlement."),
    ("He stumbled over the 38-word oath.", "The president repeated the 35-word oath of office."),
    ("In a statement on Saturday, the coach apologised.", "The coach apologised on Friday, a day after the match."),
    ("The fire, which killed 12 people, started in a kitchen.", "Fifteen people died in the fire, officials said."),
    ("Officials said 12 people were killed in the blaze.", "The blaze, officials said, left 15 people dead."),
    ("The strike lasted three weeks.", "After a month, the strike ended."),
    ("Turnout was 38 percent.", "Turnout, according to the clerk, reached 41 percent."),
])
def test_conflicting_values_in_ordinary_news_syntax_are_cued(a, b):
    """Appositives, fronted phrases and relative clauses put the value and its subject in different clauses."""
    reasons = conflict_reasons(a, b)
    assert any(r.startswith(("numbers differ", "dates differ")) for r in reasons), reasons


def test_word_checks_answer_as_the_patterns_do():
    """The set lookups that stand in for the negation and schedule patterns give the patterns' answers,
    across case, glued "n't", underscores, digits and non-ASCII text."""
    import random

    from newsdiff.text import cues
    from newsdiff.text.lexicon import lexicon_for

    pieces = ("not", "NOT", "Not", "no", "nobody", "nothing", "don't", "DON'T", "won’t", "can't", "cannot", "never",
              "not_yet", "no2", "2no", "nota", "knot", "date", "Dates", "dated", "timetable", "schedule's", "update",
              "Señor", "nó", "ſchedule", "\u212aey", "refuses", "declined,", "(without)", "sin", "fecha", "nunca",
              "the", "talks", "met", "-", ".", "'", "n't", "n", "t", "é", "_", "no-one", "x/no", "\t", "\x00", "(", "#not")
    rng = random.Random(8)
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(3000)]
    texts += [rng.choice(pieces) + rng.choice(pieces) + rng.choice(pieces) for _ in range(3000)]
    for code in ("en", "es"):
        lex = lexicon_for(code)
        for text in texts:
            assert cues._negates(text, lex) == bool(lex.negation_re.search(text)), (code, text)
            if lex.schedule_nouns:
                assert cues._speaks_of_schedule(text, lex) == bool(cues._schedule_re(lex).search(text)), (code, text)
