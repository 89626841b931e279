"""Tests for labelling links: possible conflicts only with evidence about what the passages share."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.text.alignment.context import build_context
from newsdiff.text.alignment.labels import label, nearest_cue_links
from newsdiff.text.alignment.terms import analyse


@dataclass(frozen=True)
class P:
    text: str
    kind: str = "claim"


def _label(a: str, b: str, verbatim: bool = False):
    return label(build_context(analyse([P(a)]), analyse([P(b)])), 0, 0, verbatim)


def test_conflict_label_carries_its_evidence():
    """A differing amount makes a conflict whose reasons name both figures, after the shared words."""
    name, reasons = _label("The network paid $1 million for the airtime.", "The network paid $500,000 for airtime.")
    assert name == "conflict"
    assert reasons[0].startswith("shares rare words: ")
    assert reasons[-1] == 'numbers differ: "$1 million" vs "$500,000"'


def test_not_outside_the_shared_clause_is_a_match():
    """Decoy: a "not" in a clause the other passage lacks labels nothing."""
    name, reasons = _label("The court upheld the rent cap, and the landlords could not point to any law.",
                           "The court upheld the rent cap on Thursday.")
    assert name == "match", reasons


def test_verbatim_link_says_so():
    """A verbatim link names the reason first."""
    assert _label("Why wait?", '"Why wait?" she asked.', verbatim=True)[1][0] == "same sentence on both sides"


def _nearest_links(a: list[str], b: list[str], scores: dict, nearest: set) -> list:
    ctx = build_context(analyse([P(t) for t in a]), analyse([P(t) for t in b]))
    return nearest_cue_links(ctx, scores, [], nearest)


TALKS_A = ["Talks between the two clubs lasted three weeks.", "Ashford rejected two earlier bids for the striker."]
TALKS_B = ["The clubs negotiated for five weeks before a third offer was accepted.",
           "Ashford rejected two earlier bids from Kingsbridge."]
# (0, 0) is a0's lexical best, but b0's is a1: calibration's cue relief (mutual lexical bests) does not reach it
TALKS_SCORES = {(0, 0): 0.3, (1, 0): 0.36, (0, 1): 0.1, (1, 1): 0.8}


def test_the_models_nearest_pair_differing_about_one_subject_links():
    """"lasted three weeks" / "negotiated for five weeks", both of the clubs: the model's mutual nearest pair,
    lexically best on one side, links (and is labelled a conflict by the cues)."""
    assert _nearest_links(TALKS_A, TALKS_B, TALKS_SCORES, {(0, 0), (1, 1)}) == [(0, 0)]


def test_nearest_cue_links_need_the_model_a_lexical_best_and_the_floor():
    """Not the model's mutual nearest, the lexical best of neither passage, or under CUE_FLOOR: nothing."""
    assert _nearest_links(TALKS_A, TALKS_B, TALKS_SCORES, {(1, 1)}) == []
    assert _nearest_links(TALKS_A, TALKS_B, {**TALKS_SCORES, (0, 1): 0.31}, {(0, 0)}) == []
    assert _nearest_links(TALKS_A, TALKS_B, {**TALKS_SCORES, (0, 0): 0.17}, {(0, 0)}) == []


def test_nearest_cue_links_need_a_quantity_about_a_shared_subject():
    """Two days (a day has many events), or two values whose clauses share no lower-case word: nothing."""
    days_a = ["Talks between the two clubs began on Monday.", TALKS_A[1]]
    days_b = ["The clubs began negotiating on Tuesday, before a third offer was accepted.", TALKS_B[1]]
    assert _nearest_links(days_a, days_b, TALKS_SCORES, {(0, 0)}) == []
    other_a = ["Talks between the two clubs went on while Varga rested for three weeks.", TALKS_A[1]]
    assert _nearest_links(other_a, TALKS_B, TALKS_SCORES, {(0, 0)}) == []
