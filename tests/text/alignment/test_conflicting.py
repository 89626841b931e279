"""Tests for conflict partners: two values of one quantity about one thing link as a possible conflict."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.text.alignment.conflicting import conflict_partners
from newsdiff.text.alignment.context import build_context
from newsdiff.text.alignment.terms import analyse
from tests.text.alignment.fakes import FixedScorer


@dataclass(frozen=True)
class P:
    text: str
    kind: str = "claim"


OTHERS_A = ["Rain is expected across the region on Friday.", "The bridge reopens to traffic next spring."]
OTHERS_B = ["Shops in the old town close early in winter.", "Ferries sail twice a day in summer."]
AXES = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]


def _partners(a0: str, b0: str, *, lexical: float = 0.2, cosine: float = 0.5, rival: float = 0.1,
              related: bool = True, chosen=()) -> dict:
    """conflict_partners over a0 / b0 and two unrelated passages a side: the model puts a0 and b0 at `cosine`, a0
    and b1 and a1 and b0 at `rival`; `related=False` makes the two accounts unrelated as wholes (different events)."""
    a, b = [a0, *OTHERS_A], [b0, *OTHERS_B]
    vectors = {t: v for t, v in zip(a, AXES)}
    vectors.update({t: (v if related else [0, 0, 0, 1]) for t, v in zip(b, AXES)})
    ctx = build_context(analyse([P(t) for t in a]), analyse([P(t) for t in b]), FixedScorer(vectors))
    pairs = [(i, j) for i in range(3) for j in range(3)]
    lexical_scores = {p: 0.02 for p in pairs} | {(0, 0): lexical}
    cosines = {p: 0.0 for p in pairs} | {(0, 0): cosine, (0, 1): rival, (1, 0): rival}
    return conflict_partners(ctx, dict(lexical_scores), lexical_scores, set(chosen), cosines)


COUNCIL_A = "A dozen councillors voted in favour of the tower."
COUNCIL_B = "The tower was backed by 15 councillors."


def test_two_counts_of_one_noun_about_one_thing_link_as_a_conflict():
    """"A dozen councillors ... the tower" / "The tower was backed by 15 councillors": the pair links, with the two
    figures as its reason."""
    assert _partners(COUNCIL_A, COUNCIL_B) == {(0, 0): ['numbers differ: "dozen councillors" vs "15 councillors"']}


def test_values_that_may_be_the_same_or_of_another_order_do_not_link():
    """12 and a dozen agree; 40 is not a slip of 12 (of another order: VALUE_RATIO); two counts of the noun on one
    side say more than one figure."""
    assert _partners(COUNCIL_A, "The tower was backed by 12 councillors.") == {}
    assert _partners(COUNCIL_A, "The tower was backed by 40 councillors.") == {}
    assert _partners(COUNCIL_A, "The tower was backed by 15 councillors, and 4 councillors opposed it.") == {}


def test_a_name_and_a_number_in_common_need_the_model_close():
    """Sharing a name and the figure's unit is no evidence: the model must put the pair CLOSE_LIFT above the
    comparison's usual cosine when no other word is shared."""
    a0 = "The 47-metre Halcyon rocket lifted off at dawn."
    b0 = "The 53-metre Halcyon booster carried the probe aloft."
    assert _partners(a0, b0, cosine=0.15) == {}
    assert _partners(a0, b0, cosine=0.3) == {(0, 0): ['numbers differ: "47-metre" vs "53-metre"']}


def test_conflict_partners_need_the_models_nearest_the_floor_and_related_accounts():
    """Not the model's nearest of either passage, under LEXICAL_FLOOR, between accounts of different events (under
    calibrate.UNRELATED_BAR), already linked, or without the model: nothing."""
    assert _partners(COUNCIL_A, COUNCIL_B, cosine=0.3, rival=0.4) == {}
    assert _partners(COUNCIL_A, COUNCIL_B, lexical=0.1) == {}
    assert _partners(COUNCIL_A, COUNCIL_B, related=False) == {}
    assert _partners(COUNCIL_A, COUNCIL_B, related=False, lexical=0.35) != {}
    assert _partners(COUNCIL_A, COUNCIL_B, chosen={(0, 0)}) == {}
    ctx = build_context(analyse([P(COUNCIL_A)]), analyse([P(COUNCIL_B)]))
    assert conflict_partners(ctx, {(0, 0): 0.3}, {(0, 0): 0.3}, set(), {}) == {}


def test_dates_and_days_are_left_out():
    """Two days of one event are no quantity; the cue path links them only with more in common (a day has many
    events)."""
    assert _partners("The council approved the tower on Monday.", "The council approved the tower on Tuesday.") == {}


def test_the_second_number_of_a_score_or_range_is_no_figure():
    """"60-120 days", "a 20-13 win", "the 2004-05 season": the number after the hyphen is not a value of its own."""
    assert _partners("The council debated the tower for 90 days.", "The council debated the tower for 60-120 days.") \
        == {}
    assert _partners("The council debated the tower for 90 days.", "The council debated the tower for 120 days.") \
        == {(0, 0): ['numbers differ: "90 days" vs "120 days"']}


def test_values_about_two_named_others_do_not_link():
    """"stopped Rahman in seven rounds" / "stopped Thompson in six rounds": each clause names someone the other
    passage does not (two fights); a name on one side only is no obstacle."""
    fight = "Klitschko stopped Thompson in six rounds at the arena."
    assert _partners("Klitschko stopped Rahman in seven rounds at the arena.", fight) == {}
    assert _partners("Klitschko stopped the challenger in seven rounds at the arena.", fight) == \
        {(0, 0): ['numbers differ: "seven rounds" vs "six rounds"']}


FROST_A = "A hard frost on Tuesday night destroyed the apple blossom in orchards across the valley."
FROST_B = "A frost late on Monday night destroyed the apple blossom in orchard after orchard in the valley."


def test_a_pair_with_a_cue_of_another_kind_links_when_it_shares_what_happened():
    """A cue that is not a figure (two days, a negation, a quotation given to two speakers) links a pair under the
    bar when the two share CUE_PLAIN_WEIGHT of plain words; a day and a name in common are not enough."""
    assert _partners(FROST_A, FROST_B) == {(0, 0): ['dates differ: "Tuesday" vs "Monday"']}
    assert _partners("Service returns to normal on Wednesday morning, the company said.",
                     "Okafor wrote on social media on Monday morning.") == {}
    # figures stay with the quantity rule: "a dozen" / forty (of another order) is refused however much is shared,
    # and a pair already linked is not linked again
    assert _partners("A dozen councillors voted in favour of the riverside tower at the planning meeting.",
                     "Forty councillors voted in favour of the riverside tower at the planning meeting.") == {}
    assert _partners(FROST_A, FROST_B, chosen={(0, 0)}) == {}


def test_a_cue_pair_may_be_the_lexical_best_instead_of_the_models_nearest():
    """The same quotation given to two speakers: the model puts the pair under another for both passages, but each is
    the other's lexical best; a pair that is neither is not linked."""
    quote = '"These are the affordable family homes this growing riverside city badly needs,"'
    a0 = quote + " committee chair Rosalind Pyke told the meeting."
    b0 = quote + " managing director Owen Tait posted after the meeting."
    assert _partners(a0, b0, cosine=0.3, rival=0.4) == \
        {(0, 0): ['quote attributed to different speakers: "These are the affordable family homes this growing riverside '
                  'city badly needs": committee chair Rosalind Pyke vs managing director Owen Tait']}
    assert _partners(FROST_A, FROST_B, cosine=0.3, rival=0.4, lexical=0.01) == {}


def test_a_cue_pair_naming_two_others_between_unrelated_accounts_does_not_link():
    """Between accounts the model finds unrelated, two passages each naming someone the other account never mentions
    are two happenings of one kind (calibrate.distinct_names), whatever the cue."""
    a0 = "Judge Alvarez said the trial of the two brothers would resume on Monday morning at the courthouse."
    b0 = "Judge Brennan said the trial of the two brothers would resume on Tuesday morning at the courthouse."
    same = "Judge Alvarez said the trial of the two brothers would resume on Tuesday morning at the courthouse."
    assert _partners(a0, b0, related=False, lexical=0.35) == {}
    assert _partners(a0, same, related=False, lexical=0.35) == {(0, 0): ['dates differ: "Monday" vs "Tuesday"']}
