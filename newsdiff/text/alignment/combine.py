"""Combination: one score per candidate pair from the signals, as a weighted mean.

WEIGHTS names the signals that take part; a signal with weight 0 is not computed. `verbatim`
is not averaged: a (near-)verbatim sentence makes the pair score at least VERBATIM_SCORE.
"""

from __future__ import annotations

from newsdiff.text.alignment.context import Context
from newsdiff.text.alignment.signals import SIGNALS, Pairs

WEIGHTS: dict[str, float] = {"terms": 1.0, "fuzz": 0.0}
VERBATIM_SCORE = 0.6


def combined_scores(ctx: Context, pairs: Pairs, weights: dict[str, float] | None = None) -> list[float]:
    """Return the combined score of each pair."""
    weights = WEIGHTS if weights is None else weights
    active = {name: w for name, w in weights.items() if w}
    total = sum(active.values())
    combined = [0.0] * len(pairs)
    for name, w in active.items():
        for k, s in enumerate(SIGNALS[name].scores(ctx, pairs)):
            combined[k] += w * s / total
    for k, v in enumerate(SIGNALS["verbatim"].scores(ctx, pairs)):
        if v:
            combined[k] = max(combined[k], VERBATIM_SCORE)
    return combined
