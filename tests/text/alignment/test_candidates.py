"""Tests for candidate generation: exhaustive for small comparisons, prefix blocking for large ones."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.text.alignment import candidates
from newsdiff.text.alignment.context import build_context
from newsdiff.text.alignment.terms import analyse


@dataclass(frozen=True)
class P:
    text: str
    kind: str = "claim"


def _ctx(a, b):
    return build_context(analyse(a), analyse(b))


def test_small_comparisons_propose_every_pair_sharing_a_term():
    """Every pair with a shared content word is a candidate; pairs sharing nothing are not."""
    ctx = _ctx([P("Floods hit Valencia."), P("Tourism rose in Spain.")],
               [P("Valencia floods killed many."), P("Markets closed early.")])
    assert candidates.candidate_pairs(ctx) == {(0, 0)}


def test_blocking_keeps_the_pair_that_shares_rare_words(monkeypatch):
    """With blocking forced on, a paraphrase pair sharing rare words is still proposed, both ways."""
    monkeypatch.setattr(candidates, "EXHAUSTIVE_PAIRS", 0)
    a = [P(f"Routine council item number {k} was discussed today.") for k in range(20)]
    a.append(P("Quakes shook Kermadec islanders overnight."))
    b = [P("Overnight, Kermadec islanders felt strong quakes.")] + [P(f"Council routine item {k}.") for k in range(20)]
    pairs = candidates.candidate_pairs(_ctx(a, b))
    assert (20, 0) in pairs
    assert len(pairs) <= (len(a) + len(b)) * candidates.TOP_CANDIDATES
