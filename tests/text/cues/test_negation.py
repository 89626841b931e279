"""Tests for the "negation in the shared clause" cue (`cues.negation`)."""

from __future__ import annotations

import pytest

from newsdiff.text.cues import conflict_reasons, negation_reasons


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


def test_a_statement_restated_without_its_negation_is_a_cue():
    """Two sentences alike but for a "not": the negated clause is shared even when it is a bare verb."""
    a = "The dockers' union, which represents half the staff, said it had not been consulted before the announcement."
    b = "The dockers' union, which represents half the staff, said it had been consulted before the announcement."
    assert negation_reasons(a, b) == ['negation in the shared clause: "said it had not been consulted"']
    assert negation_reasons(b, a) == ['negation in the shared clause: "said it had not been consulted"']


@pytest.mark.parametrize("a, b", [
    # alike, but the other side does not state the negated verb
    ("The dockers' union, which represents half the staff, said it had not been consulted before the announcement.",
     "The dockers' union, which represents half the staff, said it had been told before the announcement."),
    # the verb is shared but the rest of the statement is not
    ("The union said it had not been consulted before the announcement.",
     "The company said the union had been consulted about the store closures for months."),
])
def test_a_restated_negation_needs_the_whole_statement_and_its_verb(a, b):
    """Decoys: a sentence that shares only part of the negated statement, or not the negated verb."""
    assert negation_reasons(a, b) == []


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


def test_a_negation_sharing_only_a_name_with_the_other_side_is_no_cue():
    """The negated clause and the other side share the Act's name and nothing written in lower case."""
    assert negation_reasons("Obama has said he does not favor changing the Endangered Species Act.",
                            "Critics of the Endangered Species Act often substitute anecdote for fact.") == []
    assert negation_reasons("Carrow Transit had agreed to independent arbitration, its chief said.",
                            "Carrow Transit had not agreed to independent arbitration, its chief said.")


def test_a_negated_record_is_no_cue_but_a_negated_event_since_a_time_is():
    """"No storm so strong ... since 1990" says what "the strongest since 1990" says; "has not reopened since the
    fire" still contradicts "has reopened since the fire"."""
    assert negation_reasons("No storm so strong had hit the northern coast since 1990.",
                            "It was the strongest storm to hit the northern coast since 1990.") == []
    assert negation_reasons("The plant has not reopened since the fire in the east wing.",
                            "The plant has reopened since the fire in the east wing.")


def test_word_checks_answer_as_the_patterns_do():
    """The set lookups that stand in for the negation and schedule patterns give the patterns' answers,
    across case, glued "n't", underscores, digits and non-ASCII text."""
    import random

    from newsdiff.text.cues.negation import _negates
    from newsdiff.text.cues.schedule import _schedule_re, _speaks_of_schedule
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
            assert _negates(text, lex) == bool(lex.negation_re.search(text)), (code, text)
            if lex.schedule_nouns:
                assert _speaks_of_schedule(text, lex) == bool(_schedule_re(lex).search(text)), (code, text)


def test_negation_evidence_shows_the_negation_of_a_long_clause():
    """The evidence is the negated clause trimmed around its negation, not its first words without it."""
    reasons = negation_reasons(
        "The champion landed 178 punches while the challenger connected with a clean punch in the sixth round.",
        "The champion wore the challenger down in the sixth round, a long round in which the tired challenger "
        "didn't connect with a clean punch at all.")
    assert reasons == ['negation in the shared clause: "… in which the tired challenger didn\'t connect with a clean '
                       'punch at"']


def test_not_only_adds_and_denies_nothing():
    """"consult not only their own experts but also wildlife scientists" states the consultation."""
    other = "Agencies had to consult federal wildlife scientists before approving dam construction."
    assert negation_reasons("Agencies had to consult not only their own experts but also federal wildlife scientists "
                            "before approving dam construction.", other) == []
    assert negation_reasons("Agencies did not consult federal wildlife scientists before approving dam construction.",
                            other) != []


@pytest.mark.parametrize("a, b, shown", [
    ("The ministry neglected to inform the families of the decision.",
     "The families were informed of the decision by the ministry.",
     "The ministry neglected to inform the families of the decision."),
    ("The airline failed to notify passengers about the delay.",
     "The airline notified passengers about the delay by text message.",
     "The airline failed to notify passengers about the delay."),
    ("The mayor was unable to attend the opening of the bridge.",
     "The mayor attended the opening of the bridge on Friday.",
     "The mayor was unable to attend the opening of the bridge."),
    ("The club forgot to register the new signing before the deadline.",
     "The club registered the new signing before the deadline.",
     "The club forgot to register the new signing"),
    ("The airline has yet to pay compensation to the passengers.",
     "The airline paid compensation to the passengers last week.",
     "The airline has yet to pay compensation to the passengers."),
])
def test_an_implicative_verb_denies_its_complement(a, b, shown):
    """"failed to notify", "neglected to inform", "was unable to attend", "forgot to register", "has yet to pay": the
    complement did not happen, against a side that states it happened; the evidence is the clause as written."""
    assert negation_reasons(a, b) == [f'negation in the shared clause: "{shown}"']


def test_a_verb_that_is_implicative_only_before_to_denies_nothing_alone():
    assert conflict_reasons("The bank failed last year, regulators said.",
                            "The bank collapsed last year, regulators said.") == []


@pytest.mark.parametrize("a, b, shown", [
    ("The families had not been told about the evacuation before the river burst its banks, residents said.",
     "The families were told about the evacuation before the river burst its banks, the council said.",
     "The families had not been told about the evacuation"),
    ("Patients had not been told of the error before the surgery began, relatives said.",
     "Patients were told of the error before the surgery began, according to the hospital.",
     "Patients had not been told of the error"),
])
def test_a_negated_statement_restated_under_another_source(a, b, shown):
    """Two accounts of one statement credit different sources ("residents said" / "the council said"): the clauses
    that only name the source are left out when the two statements are compared."""
    assert negation_reasons(a, b) == [f'negation in the shared clause: "{shown}"']


def test_a_statement_after_said_is_no_attribution():
    """"said it had been consulted" states what was said: it stays in the statement."""
    assert negation_reasons(
        "The union, which represents the drivers, said it had not been consulted before the announcement.",
        "The union, which represents the drivers, said it had been consulted before the announcement.") != []


@pytest.mark.parametrize("a, b, shown", [
    ("Many of the valley's 200 farms are not connected to the grid, the utility said.",
     "Most of them are connected to the grid, according to the utility.",
     "Many of the valley's 200 farms are not connected to the grid"),
    ("Most of the town's shops do not accept cash, the chamber said.",
     "Most of them accept cash, according to the chamber, but few take cheques.",
     "Most of the town's shops do not accept cash"),
])
def test_a_clause_that_states_exactly_what_the_other_negates(a, b, shown):
    """The other side's clause holds the negated words and nothing else ("are connected to the grid"): a cue though
    the subjects are worded apart ("Many of the valley's 200 farms" / "Most of them")."""
    assert negation_reasons(a, b) == [f'negation in the shared clause: "{shown}"']


def test_a_clause_that_states_part_of_what_the_other_negates_is_no_cue():
    """"he landed one punch" / "didn't land a clean punch": the negated part says more (a clean punch)."""
    assert negation_reasons("In the sixth, he landed one punch.",
                            "He wore Rahman down in the sixth round, a round in which Rahman didn't land a clean "
                            "punch at all.") == []


@pytest.mark.parametrize("a, b", [
    ("Police did not arrest the suspect at the scene.", "Police questioned the suspect at the scene."),
    ("The minister did not sign the treaty in Geneva on Monday.", "The minister read the treaty in Geneva on Monday."),
    ("Officers did not search the house on Elm Street.", "Officers photographed the house on Elm Street."),
])
def test_a_negated_verb_against_another_verb_with_the_same_arguments_is_no_cue(a, b):
    """Not arresting and questioning can both be true: the other side names another act, not the negated one."""
    assert negation_reasons(a, b) == []


@pytest.mark.parametrize("a, b", [
    ("Police did not arrest the suspect at the scene.", "Police arrested the suspect at the scene."),
    ("The firm did not sell the factory in Leeds to investors.", "The firm sold the factory in Leeds to investors."),
    ("The airline did not pay compensation to the passengers.",
     "The airline paid compensation to the passengers last week."),
])
def test_a_negated_verb_the_other_side_states_in_any_form_is_a_cue(a, b):
    """Irregular forms ("sell" / "sold") are joined by the static model's word vectors where stems differ."""
    assert negation_reasons(a, b) != []
