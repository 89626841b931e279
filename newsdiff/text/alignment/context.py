"""What every part of the engine reads: both sides analysed and the comparison's term weights."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsdiff.text.alignment.terms import Side

LEVEL_SAMPLE = 300  # passages a side whose cosines give the comparison's typical level (90,000 pairs)
MIN_IDF_PAIRS = 9  # below this many passage pairs in-comparison IDF means nothing: rarity alone


@dataclass
class Context:
    """Two analysed sides with each term's weight and each passage's total weight."""

    a: Side
    b: Side
    weight: dict[int, float]
    norm_a: list[float]
    norm_b: list[float]
    scorer: Any = None  # a newsdiff.text.semantic.SemanticScorer when a model is configured
    _vectors: Any = None
    _cosine_level: float | None = None

    def vectors(self):
        """Both sides' passage embeddings (unit vectors), computed once; needs a scorer."""
        if self._vectors is None:
            self._vectors = (self.scorer.embed(self.a.texts), self.scorer.embed(self.b.texts))
        return self._vectors

    def cosine_level(self) -> float:
        """The median cosine of all passage pairs (at most LEVEL_SAMPLE passages a side, evenly spread):
        what two passages of this comparison that do not correspond typically score."""
        if self._cosine_level is None:
            import numpy as np

            va, vb = self.vectors()
            if not len(va) or not len(vb):
                self._cosine_level = 0.0
            else:
                ra = np.linspace(0, len(va) - 1, min(len(va), LEVEL_SAMPLE)).astype(int)
                rb = np.linspace(0, len(vb) - 1, min(len(vb), LEVEL_SAMPLE)).astype(int)
                self._cosine_level = float(np.median(va[ra] @ vb[rb].T))
        return self._cosine_level

    @property
    def cross_language(self) -> bool:
        """Whether the two sides are read with different lexicons (lexical signals then see only names and numbers)."""
        return self.a.language != self.b.language


def term_weights(a: Side, b: Side) -> dict[int, float]:
    """Weigh each term by its IDF over both sides' passages times its rarity in its language.

    IDF, log((N+1)/df), makes the story's names and topic words that most sentences share count
    little; rarity makes "year" or "people" count little even where IDF cannot tell.
    """
    df: Counter = Counter()
    rarity: dict[int, float] = {}
    for side in (a, b):
        word_rarity = side.vocabulary.rarity  # each side's words are rare or common in its own language
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


def build_context(a: Side, b: Side, scorer: Any = None) -> Context:
    """Weigh the terms and total each passage's weight once."""
    weight = term_weights(a, b)
    return Context(a, b, weight,
                   [sum(weight[t] for t in terms) for terms in a.terms],
                   [sum(weight[t] for t in terms) for terms in b.terms], scorer)
