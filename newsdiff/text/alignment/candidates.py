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


def _tail(groups, n_groups: int, keep: int):
    """Whether each entry, sorted so that `groups` runs in ascending blocks, is among the last `keep` of its group."""
    import numpy as np

    ends = np.cumsum(np.bincount(groups, minlength=n_groups))
    return ends[groups] - np.arange(len(groups)) <= keep


def _blocked(ctx: Context, cap: int) -> set[tuple[int, int]]:
    """Prefix filtering over side a: each a passage keeps its best b candidates, each b its best a.

    A pair that overlaps substantially shares one of the heaviest terms of its passages, so the
    weight two passages share through those terms ranks the candidates of both sides. Vectorised with
    numpy; the sums and the ties break exactly as the loop they replace (tests/text/alignment/test_candidates.py):
    each a passage's PREFIX_TERMS heaviest terms (the later in its text among equal weights; a passage of at most
    PREFIX_TERMS terms takes them in its text's order), the weight a pair shares added term by term in that
    order, an a passage's best b by that weight (the later proposed among equals: first proposed through
    the earlier term, then the lower b), a b passage's best a (the higher a among equals).
    """
    import numpy as np

    arrays = ctx.arrays()
    a_local, a_owner, a_len, weight = arrays.a_local, arrays.a_owner, arrays.a_lengths, arrays.weight
    n_a, n_b = len(a_len), len(arrays.b_lengths)
    if not len(a_local) or not len(arrays.b_local):
        return set()
    # Postings of side b: for each term, the b passages holding it in ascending order.
    df_b = np.bincount(arrays.b_local, minlength=len(weight))
    postings = arrays.b_owner[np.argsort(arrays.b_local, kind="stable")]
    starts = np.cumsum(df_b) - df_b
    # The prefix terms of each a passage, lightest first (sorted(ts, key=weight)[-PREFIX_TERMS:]).
    a_weight = weight[a_local]
    order = np.lexsort((np.arange(len(a_local)), np.where(a_len[a_owner] > PREFIX_TERMS, a_weight, 0.0), a_owner))
    rare = order[_tail(a_owner[order], n_a, PREFIX_TERMS)]
    terms, owners = a_local[rare], a_owner[rare]
    counts = np.where(df_b[terms] <= cap, df_b[terms], 0)
    total = int(counts.sum())
    if not total:
        return set()
    # One row per (a passage, prefix term, b passage holding it), in the order the loop visits them.
    offsets = np.repeat(starts[terms] - (np.cumsum(counts) - counts), counts) + np.arange(total)
    proposer = np.repeat(owners, counts)
    proposed = postings[offsets]
    keys, first, which = np.unique(proposer * n_b + proposed, return_index=True, return_inverse=True)
    shared = np.bincount(which.ravel(), weights=np.repeat(a_weight[rare], counts))  # summed in visiting order
    pair_a, pair_b = keys // n_b, keys % n_b
    by_a = np.lexsort((first, shared, pair_a))
    by_a = by_a[_tail(pair_a[by_a], n_a, TOP_CANDIDATES)]
    by_b = np.lexsort((pair_a, shared, pair_b))
    by_b = by_b[_tail(pair_b[by_b], n_b, TOP_CANDIDATES)]
    chosen = np.union1d(by_a, by_b)
    return set(zip(pair_a[chosen].tolist(), pair_b[chosen].tolist()))


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
