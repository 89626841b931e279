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


def _blocked_loop(ctx, cap):
    """The loop the vectorised blocking replaced, kept as its specification."""
    from collections import defaultdict

    weight = ctx.weight
    postings = candidates._postings(ctx.b.terms, cap)
    out, by_b = set(), defaultdict(list)
    for k, ts in enumerate(ctx.a.words):  # each passage's terms in its text's order, not its set's
        rare = list(ts) if len(ts) <= candidates.PREFIX_TERMS else sorted(ts, key=weight.__getitem__)[-candidates.PREFIX_TERMS:]
        acc = defaultdict(float)
        for t in rare:
            for other_k in postings.get(t, ()):
                acc[other_k] += weight[t]
        best = acc if len(acc) <= candidates.TOP_CANDIDATES else sorted(acc, key=acc.__getitem__)[-candidates.TOP_CANDIDATES:]
        out.update((k, other_k) for other_k in best)
        for other_k, v in acc.items():
            by_b[other_k].append((v, k))
    for other_k, found in by_b.items():
        out.update((k, other_k) for _, k in sorted(found)[-candidates.TOP_CANDIDATES:])
    return out


def test_vectorised_blocking_breaks_ties_as_the_loop_does():
    """Many equal weights, short and long passages, capped terms: the same candidates as the plain loop."""
    import random

    from newsdiff.text.alignment.context import Context
    from newsdiff.text.alignment.terms import Side

    rng = random.Random(3)
    for trial in range(20):
        vocabulary = list(range(5, 5 + rng.randint(20, 300)))
        weight = {t: rng.choice((0.1, 0.3, 0.3, 0.7, 1.0, 1.0 / 3)) for t in vocabulary}

        def side(n):
            words = [dict.fromkeys(rng.sample(vocabulary, rng.randint(1, 9)), "w") for _ in range(n)]
            return Side(terms=[frozenset(ws) for ws in words], words=words)

        ctx = Context(side(rng.randint(1, 120)), side(rng.randint(1, 120)), weight, [], [])
        cap = rng.choice((3, 10, 1000))
        assert candidates._blocked(ctx, cap) == _blocked_loop(ctx, cap), trial


def test_blocking_does_not_depend_on_the_term_ids():
    """The same passages read with vocabularies of different histories (other term ids, so sets of them iterate
    in another order) get the same candidates: ties between equal weights break the same way."""
    from tests.text.alignment.synthetic import articles, vocabularies

    a, b = articles(300, seed=5)
    fresh, used = (candidates.candidate_pairs(build_context(analyse(a, vocabulary), analyse(b, vocabulary)))
                   for vocabulary in vocabularies())
    assert len(a) * len(b) > candidates.EXHAUSTIVE_PAIRS
    assert fresh == used
