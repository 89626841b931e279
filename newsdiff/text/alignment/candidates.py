"""Candidate generation: which passage pairs are worth scoring at all.

Small comparisons (<= EXHAUSTIVE_PAIRS) score every pair sharing a term. Larger ones use prefix
filtering: each passage of side a proposes candidates through its PREFIX_TERMS heaviest terms
(terms found in more than max(POSTINGS_CAP_MIN, POSTINGS_CAP_SHARE of the passages) are skipped);
every passage, on either side, keeps its TOP_CANDIDATES best by the weight they share.
"""

from __future__ import annotations

from collections import defaultdict

from newsdiff.text.alignment.context import Context

EXHAUSTIVE_PAIRS = 40_000
TOP_CANDIDATES = 5
PREFIX_TERMS = 4
POSTINGS_CAP_MIN = 30
POSTINGS_CAP_SHARE = 0.005


def _postings(terms: list[frozenset[int]], cap: int) -> dict[int, list[int]]:
    """Index passages by term, dropping terms found in more than `cap` passages."""
    postings: dict[int, list[int]] = defaultdict(list)
    for k, ts in enumerate(terms):
        for t in ts:
            postings[t].append(k)
    return {t: ks for t, ks in postings.items() if len(ks) <= cap}


def _exhaustive(terms: list[frozenset[int]], other: dict[int, list[int]]) -> set[tuple[int, int]]:
    """Return every (passage, other passage) pair sharing a term."""
    out = set()
    get = other.get
    for k, ts in enumerate(terms):
        for t in ts:
            for other_k in get(t, ()):
                out.add((k, other_k))
    return out


def _blocked(ctx: Context, cap: int) -> set[tuple[int, int]]:
    """Prefix filtering in one pass over side a: each a passage keeps its best b candidates, each b its best a.

    A pair that overlaps substantially shares one of the heaviest terms of its passages, so the
    weight two passages share through those terms ranks the candidates of both sides.
    """
    weight = ctx.weight
    postings = _postings(ctx.b.terms, cap)
    get = postings.get
    out = set()
    by_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for k, ts in enumerate(ctx.a.terms):
        rare = ts if len(ts) <= PREFIX_TERMS else sorted(ts, key=weight.__getitem__)[-PREFIX_TERMS:]
        acc: dict[int, float] = defaultdict(float)
        for t in rare:
            w = weight[t]
            for other_k in get(t, ()):
                acc[other_k] += w
        best = acc if len(acc) <= TOP_CANDIDATES else sorted(acc, key=acc.__getitem__)[-TOP_CANDIDATES:]
        out.update((k, other_k) for other_k in best)
        for other_k, v in acc.items():
            by_b[other_k].append((v, k))
    for other_k, found in by_b.items():
        if len(found) > TOP_CANDIDATES:
            found = sorted(found)[-TOP_CANDIDATES:]
        out.update((k, other_k) for _, k in found)
    return out


def candidate_pairs(ctx: Context) -> set[tuple[int, int]]:
    """Return the (a, b) passage pairs to score."""
    a, b = ctx.a.terms, ctx.b.terms
    if len(a) * len(b) <= EXHAUSTIVE_PAIRS:
        return _exhaustive(a, _postings(b, len(b)))
    return _blocked(ctx, max(POSTINGS_CAP_MIN, int(POSTINGS_CAP_SHARE * max(len(a), len(b)))))
