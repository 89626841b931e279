"""Combination: one score per candidate pair from the signals' scores, as a weighted mean.

WEIGHTS names the signals that take part (a signal with weight 0 or absent is not computed).
`verbatim` is not averaged: a (near-)verbatim sentence makes the pair score at least VERBATIM_SCORE.
Measured on the dev halves: fuzz at 0.35 beside terms raised link recall (snippet golds 0.74 -> 0.78,
ECB+ 0.62 -> 0.66) at the same precision; `containment` averaged in (0.15, 0.35) lowered both, so it
stays registered but unweighted (verbatim covers the containment case).
"""

from __future__ import annotations

WEIGHTS: dict[str, float] = {"terms": 1.0, "fuzz": 0.35}
VERBATIM_SCORE = 0.6
# Across languages the lexical signals see only names and numbers, so the model's cosine carries the
# score. Set by reasoning, not tuned: no multilingual model was available when these were written (issue 12).
CROSS_LANGUAGE_WEIGHTS: dict[str, float] = {"terms": 0.2, "semantic": 1.0}
# In one language the model's evidence is added to the lexical mean, not averaged in: a pair the model
# finds no closer than the comparison's usual pair keeps its lexical score (and the calibration tuned on
# it), and a pair it puts well above that level (`semantic_lift`) gains up to 0.15. Measured on the dev
# halves with the shipped English model: averaging the raw cosine in at 0.5 (issue 12's setting) cut
# demo link precision from 0.75 to 0.60 and uniques kept from 0.83 to 0.67 (every pair of one story
# gains); the bonus at 0.1 / 0.15 / 0.2 / 0.3 moved snippet-gold recall 0.79 -> 0.81-0.82 and ECB+ dev
# recall 0.67 -> 0.69-0.73 at equal precision, 0.3 started to cost uniques.
SEMANTIC_BONUS: dict[str, float] = {"semantic_lift": 0.15}


def weights_for(*, scorer: bool, cross_language: bool) -> dict[str, float]:
    """Return the averaged weights of a comparison: lexical (one language) or semantic-led (two)."""
    return CROSS_LANGUAGE_WEIGHTS if scorer and cross_language else WEIGHTS


def bonus_for(*, scorer: bool, cross_language: bool) -> dict[str, float]:
    """Return the signals added on top of the mean: the model's lift in a one-language comparison."""
    return SEMANTIC_BONUS if scorer and not cross_language else {}


def needed_signals(weights: dict[str, float] | None = None, bonus: dict[str, float] | None = None) -> list[str]:
    """Return the names of the signals the combination reads."""
    weights = WEIGHTS if weights is None else weights
    extra = [name for name, w in (bonus or {}).items() if w]
    return [name for name, w in weights.items() if w] + extra + ["verbatim"]


def combine(values: dict[str, list[float]], weights: dict[str, float] | None = None,
            bonus: dict[str, float] | None = None) -> list[float]:
    """Return the combined score of each pair from each signal's scores (same pair order)."""
    weights = WEIGHTS if weights is None else weights
    active = {name: w for name, w in weights.items() if w}
    total = sum(active.values())
    n = len(next(iter(values.values()))) if values else 0
    combined = [0.0] * n
    for name, w in active.items():
        share = w / total
        combined = [c + share * s for c, s in zip(combined, values[name])]
    for name, w in (bonus or {}).items():
        if w:
            combined = [c + w * s for c, s in zip(combined, values[name])]
    return [max(c, VERBATIM_SCORE) if v else c for c, v in zip(combined, values["verbatim"])]
