"""Candidate generation: which passage pairs are worth scoring at all.

Small comparisons (<= EXHAUSTIVE_PAIRS) score every pair sharing a term. Larger ones use prefix
filtering: each passage proposes candidates through its PREFIX_TERMS heaviest terms (terms found
in more than max(POSTINGS_CAP_MIN, POSTINGS_CAP_SHARE of the passages) are skipped), keeps its
TOP_CANDIDATES best by the weight they share, in both directions.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

from newsdiff.text.alignment.context import Context

EXHAUSTIVE_PAIRS = 40_000
TOP_CANDIDATES = 6
PREFIX_TERMS = 6
POSTINGS_CAP_MIN = 100
POSTINGS_CAP_SHARE = 0.01


def _postings(terms: list[frozenset[int]], cap: int) -> dict[int, list[int]]:
    """Index passages by term, dropping terms found in more than `cap` passages."""
    postings: dict[int, list[int]] = defaultdict(list)
    for k, ts in enumerate(terms):
        for t in ts:
            postings[t].append(k)
    return {t: ks for t, ks in postings.items() if len(ks) <= cap}


def _block(terms: list[frozenset[int]], other: dict[int, list[int]], weight: dict[int, float],
           prefix: int | None) -> list[tuple[int, int]]:
    """Return (passage, other passage) pairs sharing one of the passage's `prefix` heaviest terms."""
    out = []
    get = other.get
    for k, ts in enumerate(terms):
        rare = ts if prefix is None or len(ts) <= prefix else heapq.nlargest(prefix, ts, key=weight.__getitem__)
        acc: dict[int, float] = defaultdict(float)
        for t in rare:
            w = weight[t]
            for other_k in get(t, ()):
                acc[other_k] += w
        if prefix is None or len(acc) <= TOP_CANDIDATES:
            out.extend((k, other_k) for other_k in acc)
        else:
            out.extend((k, other_k) for other_k in heapq.nlargest(TOP_CANDIDATES, acc, key=acc.__getitem__))
    return out


def candidate_pairs(ctx: Context) -> set[tuple[int, int]]:
    """Return the (a, b) passage pairs to score."""
    a, b = ctx.a.terms, ctx.b.terms
    if len(a) * len(b) <= EXHAUSTIVE_PAIRS:
        return set(_block(a, _postings(b, len(b)), ctx.weight, None))
    cap = max(POSTINGS_CAP_MIN, int(POSTINGS_CAP_SHARE * max(len(a), len(b))))
    pairs = set(_block(a, _postings(b, cap), ctx.weight, PREFIX_TERMS))
    pairs.update((i, j) for j, i in _block(b, _postings(a, cap), ctx.weight, PREFIX_TERMS))
    return pairs
