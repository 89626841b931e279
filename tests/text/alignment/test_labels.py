"""Tests for labelling links: possible conflicts only with evidence about what the passages share."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.text.alignment.context import build_context
from newsdiff.text.alignment.labels import label
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
