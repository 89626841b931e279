"""Candidate generation: which passage pairs are worth scoring at all.

Small comparisons (<= EXHAUSTIVE_PAIRS) score every pair sharing a term. Larger ones use prefix
filtering: each passage of side a proposes candidates through its PREFIX_TERMS heaviest terms
(terms found in more than max(POSTINGS_CAP_MIN, POSTINGS_CAP_SHARE of the passages) are skipped);
every passage, on either side, keeps its TOP_CANDIDATES best by the weight they share.
With a sentence-embedding model, each passage also proposes its SEMANTIC_TOP nearest passages of the
other side (the only way a paraphrase with no word in common, or a translation, becomes a candidate);
in one language only pairs at PARAPHRASE_COSINE or above are proposed (`close_pairs`).
"""

from __future__ import annotations

from collections import defaultdict

from newsdiff.text.alignment.context import Context

EXHAUSTIVE_PAIRS = 40_000
TOP_CANDIDATES = 5
PREFIX_TERMS = 4
POSTINGS_CAP_MIN = 30
POSTINGS_CAP_SHARE = 0.005
SEMANTIC_TOP = 3
# In one language the lexical stage finds the pairs that share words; the model proposes only the pairs it
# finds this close (a paraphrase sharing no word), so unrelated near neighbours do not enter the
# calibration (on the dev golds, proposing every top-3 neighbour lowered the bar and link precision).
PARAPHRASE_COSINE = 0.8
SEMANTIC_ROWS = 1024  # rows of the similarity matrix held at once (1,024 x 5,000 floats = 20 MB)


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


def semantic_pairs(ctx: Context, top: int = SEMANTIC_TOP) -> set[tuple[int, int]]:
    """Each passage's `top` nearest passages on the other side by embedding cosine (both directions)."""
    import numpy as np

    va, vb = ctx.vectors()
    if not len(va) or not len(vb):
        return set()
    k_b, k_a = min(top, len(vb)), min(top, len(va))
    out = set()
    best_a = np.full((k_a, len(vb)), -2.0, dtype=np.float32)  # best a-scores per b column so far
    best_a_idx = np.zeros((k_a, len(vb)), dtype=np.int64)
    for start in range(0, len(va), SEMANTIC_ROWS):
        block = va[start:start + SEMANTIC_ROWS] @ vb.T
        rows = np.argpartition(-block, k_b - 1, axis=1)[:, :k_b]
        out.update((start + r, int(c)) for r, cols in enumerate(rows) for c in cols)
        merged = np.vstack([best_a, block])
        merged_idx = np.vstack([best_a_idx, np.arange(start, start + len(block))[:, None].repeat(len(vb), 1)])
        keep = np.argpartition(-merged, k_a - 1, axis=0)[:k_a]
        best_a = np.take_along_axis(merged, keep, 0)
        best_a_idx = np.take_along_axis(merged_idx, keep, 0)
    out.update((int(best_a_idx[r, c]), c) for r in range(k_a) for c in range(len(vb)))
    return out


def close_pairs(ctx: Context, floor: float, top: int = SEMANTIC_TOP) -> set[tuple[int, int]]:
    """Pairs at cosine `floor` or above, at most `top` per passage of side a (the closest): in one language
    few pairs are that close, so this is cheaper than ranking every row and column."""
    import numpy as np

    va, vb = ctx.vectors()
    out = set()
    if not len(va) or not len(vb):
        return out
    k = min(top, len(vb))
    for start in range(0, len(va), SEMANTIC_ROWS):
        block = va[start:start + SEMANTIC_ROWS] @ vb.T
        block[block < floor] = -np.inf
        best = np.argpartition(-block, k - 1, axis=1)[:, :k]
        rows, cols = np.nonzero(np.isfinite(np.take_along_axis(block, best, 1)))
        out.update(zip((start + rows).tolist(), best[rows, cols].tolist()))
    return out


def candidate_pairs(ctx: Context) -> set[tuple[int, int]]:
    """Return the (a, b) passage pairs to score."""
    a, b = ctx.a.terms, ctx.b.terms
    if ctx.scorer is not None:
        if ctx.cross_language and len(a) * len(b) <= EXHAUSTIVE_PAIRS:
            return {(i, j) for i in range(len(a)) for j in range(len(b))}
        extra = semantic_pairs(ctx) if ctx.cross_language else close_pairs(ctx, PARAPHRASE_COSINE)
    else:
        extra = set()
    if len(a) * len(b) <= EXHAUSTIVE_PAIRS:
        return _exhaustive(a, _postings(b, len(b))) | extra
    return _blocked(ctx, max(POSTINGS_CAP_MIN, int(POSTINGS_CAP_SHARE * max(len(a), len(b))))) | extra
