"""What every part of the engine reads: both sides analysed and the comparison's term weights."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

from newsdiff.text.alignment.terms import Side

LEVEL_SAMPLE = 300  # passages a side whose cosines give the comparison's typical level (90,000 pairs)
MIN_IDF_PAIRS = 9  # below this many passage pairs in-comparison IDF means nothing: rarity alone
COSINE_ROWS = 1024  # rows of the similarity matrix held at once when looking for each passage's nearest
DENSE_TERM_IDS = 4_000_000  # term ids up to this are located through a table (32 MB at most), beyond by search


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
    _cosine_best: Any = None
    _document_cosine: float | None = None
    _arrays: "TermArrays | None" = None

    def arrays(self) -> "TermArrays":
        """Both sides' term sets as numpy arrays over this comparison's terms, built once."""
        if self._arrays is None:
            self._arrays = term_arrays(self.a, self.b, self.weight)
        return self._arrays

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

    def document_cosine(self) -> float:
        """The cosine of the two sides' mean passage embeddings: how closely the two accounts are about the same
        thing as wholes (a long account's many unmatched passages pull its mean less than its share of pairs would
        pull the median), computed once; needs a scorer."""
        if self._document_cosine is None:
            import numpy as np

            va, vb = self.vectors()
            self._document_cosine = 0.0
            if len(va) and len(vb):
                ma, mb = va.mean(axis=0, dtype=np.float64), vb.mean(axis=0, dtype=np.float64)
                norms = float(np.linalg.norm(ma) * np.linalg.norm(mb))
                if norms > 0:
                    self._document_cosine = float(ma @ mb) / norms
        return self._document_cosine

    def cosine_best(self) -> tuple:
        """Each passage's highest cosine with any passage of the other side (side a's, side b's), computed once."""
        if self._cosine_best is None:
            import numpy as np

            va, vb = self.vectors()
            best_a = np.full(len(va), -1.0, dtype=np.float32)
            best_b = np.full(len(vb), -1.0, dtype=np.float32)
            if len(va) and len(vb):
                for start in range(0, len(va), COSINE_ROWS):
                    block = va[start:start + COSINE_ROWS] @ vb.T
                    best_a[start:start + len(block)] = block.max(axis=1)
                    np.maximum(best_b, block.max(axis=0), out=best_b)
            self._cosine_best = (best_a.tolist(), best_b.tolist())
        return self._cosine_best

    @property
    def cross_language(self) -> bool:
        """Whether the two sides are read with different lexicons (lexical signals then see only names and numbers)."""
        return self.a.language != self.b.language


@dataclass
class TermArrays:
    """Both sides' passages' terms end to end as numpy arrays, each passage's in the order its text gives them.

    `terms` holds this comparison's term ids in ascending order and `weight` their weights; a side's
    `local` gives each entry's position in `terms`, `owner` its passage, `lengths` each passage's size.
    """

    terms: Any
    weight: Any
    a_local: Any
    a_owner: Any
    a_lengths: Any
    b_local: Any
    b_owner: Any
    b_lengths: Any


def _flatten(words: list[dict[int, str]]) -> tuple:
    """Return the term ids of all passages end to end and each passage's count.

    Each passage's terms come in the order its text first gives them (`Side.words`), not in its term set's
    iteration order: term ids are interned process-wide in the order words are first met, so a set of them
    iterates in an order that depends on what the process read before. Every sum and tie-break that reads these
    arrays (passage totals, blocking's prefix terms) then depends on the comparison's two accounts alone.
    """
    import numpy as np

    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    flat = np.fromiter(itertools.chain.from_iterable(words), dtype=np.int64, count=int(lengths.sum()))
    return flat, lengths


def _index(ids) -> tuple:
    """Return the distinct term ids in ascending order and a function giving term ids' positions in them.

    Term ids are small ints (`terms.Vocabulary`), so a table as long as the largest id is cheaper than
    sorting; past DENSE_TERM_IDS (a process that has read millions of distinct words) a binary search.
    """
    import numpy as np

    top = int(ids.max(initial=-1)) + 1
    if top > DENSE_TERM_IDS:
        terms = np.unique(ids)
        return terms, lambda x: np.searchsorted(terms, x)
    seen = np.zeros(top, dtype=bool)
    seen[ids] = True
    terms = np.flatnonzero(seen)
    position = np.zeros(top, dtype=np.int64)
    position[terms] = np.arange(len(terms))
    return terms, position.__getitem__


def _arrays(a: Side, b: Side) -> tuple:
    """Return both sides' passage lengths, the comparison's terms, each side's entries as positions in
    those terms, and the function that gives the positions."""
    import numpy as np

    flat_a, len_a = _flatten(a.words)
    flat_b, len_b = _flatten(b.words)
    terms, locate = _index(np.concatenate([flat_a, flat_b]))
    return len_a, len_b, terms, locate(flat_a), locate(flat_b), locate


def _term_arrays(len_a, len_b, terms, local_a, local_b, weight) -> TermArrays:
    """Return the arrays with each entry's passage."""
    import numpy as np

    return TermArrays(terms, weight, local_a, np.repeat(np.arange(len(len_a)), len_a), len_a,
                      local_b, np.repeat(np.arange(len(len_b)), len_b), len_b)


def term_arrays(a: Side, b: Side, weight: dict[int, float]) -> TermArrays:
    """Return both sides' term sets as arrays, with `weight` (term id -> weight) as an array."""
    import numpy as np

    len_a, len_b, terms, local_a, local_b, _ = _arrays(a, b)
    values = np.fromiter(map(weight.__getitem__, terms.tolist()), dtype=np.float64, count=len(terms))
    return _term_arrays(len_a, len_b, terms, local_a, local_b, values)


def _weights(a: Side, b: Side, terms, local, locate) -> Any:
    """Weigh each term (in the order of `terms`) by its IDF over both sides' passages times its rarity in its language.

    IDF, log((N+1)/df), makes the story's names and topic words that most sentences share count
    little; rarity makes "year" or "people" count little even where IDF cannot tell.
    """
    import numpy as np

    df = np.bincount(local, minlength=len(terms))
    rarity = np.full(len(terms), 2.0)
    for side in (a, b):
        word_rarity = side.vocabulary.rarity  # each side's words are rare or common in its own language
        ids = np.fromiter(itertools.chain.from_iterable(side.words), dtype=np.int64)
        values = np.fromiter(map(word_rarity.__getitem__, itertools.chain.from_iterable(w.values() for w in side.words)),
                             dtype=np.float64, count=len(ids))
        # A term is as common as its most common form in this comparison.
        np.minimum.at(rarity, locate(ids), values)
    if len(a.terms) * len(b.terms) < MIN_IDF_PAIRS:
        return rarity
    n = len(a.terms) + len(b.terms)
    idf = np.zeros(int(df.max(initial=0)) + 1)
    for d in np.unique(df).tolist():
        idf[d] = math.log((n + 1) / d)  # math.log, as the weights have always been computed
    return idf[df] * rarity


def build_context(a: Side, b: Side, scorer: Any = None) -> Context:
    """Weigh the terms and total each passage's weight once.

    With numpy: a passage's total is added term by term in the order its text gives them (`numpy.bincount`, as
    `sum()` over `Side.words` adds them), whatever ids its terms have.
    """
    import numpy as np

    len_a, len_b, terms, local_a, local_b, locate = _arrays(a, b)
    values = _weights(a, b, terms, np.concatenate([local_a, local_b]), locate)
    arrays = _term_arrays(len_a, len_b, terms, local_a, local_b, values)
    norm_a = np.bincount(arrays.a_owner, weights=values[local_a], minlength=len(len_a)).tolist()
    norm_b = np.bincount(arrays.b_owner, weights=values[local_b], minlength=len(len_b)).tolist()
    return Context(a, b, dict(zip(terms.tolist(), values.tolist())), norm_a, norm_b, scorer, _arrays=arrays)
