"""What every part of the engine reads: both sides analysed and the comparison's term weights."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from newsdiff.text.alignment.terms import VOCABULARY, Side

MIN_IDF_PAIRS = 9  # below this many passage pairs in-comparison IDF means nothing: rarity alone


@dataclass
class Context:
    """Two analysed sides with each term's weight and each passage's total weight."""

    a: Side
    b: Side
    weight: dict[int, float]
    norm_a: list[float]
    norm_b: list[float]


def term_weights(a: Side, b: Side) -> dict[int, float]:
    """Weigh each term by its IDF over both sides' passages times its rarity in English.

    IDF, log((N+1)/df), makes the story's names and topic words that most sentences share count
    little; rarity makes "year" or "people" count little even where IDF cannot tell.
    """
    df: Counter = Counter()
    rarity: dict[int, float] = {}
    word_rarity = VOCABULARY.rarity
    for side in (a, b):
        for words in side.words:
            df.update(words.keys())
            for t, w in words.items():
                # A term is as common as its most common form in this comparison.
                r = word_rarity[w]
                if r < rarity.get(t, 2.0):
                    rarity[t] = r
    if len(a.terms) * len(b.terms) < MIN_IDF_PAIRS:
        return rarity
    n = len(a.terms) + len(b.terms)
    return {t: math.log((n + 1) / d) * rarity[t] for t, d in df.items()}


def build_context(a: Side, b: Side) -> Context:
    """Weigh the terms and total each passage's weight once."""
    weight = term_weights(a, b)
    return Context(a, b, weight,
                   [sum(weight[t] for t in terms) for terms in a.terms],
                   [sum(weight[t] for t in terms) for terms in b.terms])
