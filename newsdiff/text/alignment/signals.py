"""Similarity signals: each scores candidate passage pairs in [0, 1]; a new signal is a new entry in SIGNALS.

A signal is any object with a `name` and `scores(ctx, pairs) -> list[float]`. The combination
(`combine.py`) reads them by name, so adding one (a sentence-embedding model, a cross-language
scorer) means registering it here and giving it a weight there; nothing else changes.

- `terms`: IDF x rarity weighted Dice overlap of content-term sets. A passage of several sentences
  is also scored sentence by sentence and the best sentence pair counts, so a sentence that one
  account quotes inside a long paragraph is not drowned by the paragraph's other sentences.
- `containment`: the share of the lighter side's weight (passage or sentence) that the other side
  holds: 1.0 when one side's sentence is (near-)verbatim inside the other.
- `fuzz`: rapidfuzz `token_set_ratio` / 100 over the two passages' content words (word order and
  repeated words ignored); a string-level view of the same evidence.
- `verbatim`: a sentence of one side (near-)verbatim inside the other (not averaged: a floor).
- `semantic`: the embedding cosine (with a model); `semantic_lift`: that cosine above the comparison's
  usual level, the bonus a one-language comparison adds.
"""

from __future__ import annotations

from math import fsum
from typing import Protocol, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from newsdiff.text.alignment.context import Context

Pairs = Sequence[tuple[int, int]]


class Signal(Protocol):
    """A similarity signal over candidate pairs."""

    name: str

    def scores(self, ctx: Context, pairs: Pairs) -> list[float]:
        """Return one score in [0, 1] per pair."""


def _units(side, k: int, norm: float, weight: dict[int, float]) -> list[tuple[frozenset[int], float]]:
    """The passage and, when it has several, each of its sentences, with their weights."""
    units = [(side.terms[k], norm)]
    for ts in side.sentence_terms[k]:
        units.append((ts, fsum(map(weight.__getitem__, ts))))
    return units


class TermOverlap:
    """Weighted Dice overlap (and containment) of term sets, best over sentence pairs.

    The weight two sets share is added with `math.fsum` (exactly rounded, so the same whatever order the set
    iterates in: term ids, and so a set's order, depend on what the process read before), as fast as `sum`.
    """

    def __init__(self, name: str, containment: bool = False) -> None:
        self.name = name
        self.containment = containment

    def _score(self, x: frozenset[int], nx: float, y: frozenset[int], ny: float, weight) -> float:
        if not nx or not ny:
            return 0.0
        shared = x & y
        if not shared:
            return 0.0
        w = fsum(map(weight.__getitem__, shared))
        return w / min(nx, ny) if self.containment else 2 * w / (nx + ny)

    def scores(self, ctx: Context, pairs: Pairs) -> list[float]:
        weight = ctx.weight
        get = weight.__getitem__
        a, b = ctx.a, ctx.b
        a_terms, b_terms, norm_a, norm_b = a.terms, b.terms, ctx.norm_a, ctx.norm_b
        a_sentences, b_sentences = a.sentence_terms, b.sentence_terms
        containment = self.containment
        units_a: dict[int, list] = {}  # each passage's units, totalled once
        units_b: dict[int, list] = {}
        out = []
        append = out.append
        for i, j in pairs:
            # self._score inlined: this loop runs once per candidate pair.
            nx, ny = norm_a[i], norm_b[j]
            best = 0.0
            if nx and ny:
                shared = a_terms[i] & b_terms[j]
                if shared:
                    w = fsum(map(get, shared))
                    best = w / min(nx, ny) if containment else 2 * w / (nx + ny)
            if a_sentences[i] or b_sentences[j]:
                xs = units_a.get(i)
                if xs is None:
                    xs = units_a[i] = _units(a, i, nx, weight)
                ys = units_b.get(j)
                if ys is None:
                    ys = units_b[j] = _units(b, j, ny, weight)
                for x, ux in xs:
                    for y, uy in ys:
                        best = max(best, self._score(x, ux, y, uy, weight))
            append(min(1.0, best))
        return out


class FuzzTokenSet:
    """rapidfuzz token_set_ratio over content words, as a share."""

    name = "fuzz"

    def scores(self, ctx: Context, pairs: Pairs) -> list[float]:
        import numpy as np

        a_words, b_words = ctx.a.content, ctx.b.content
        # One call for all pairs (rapidfuzz's pairwise cdist), scores as float64: the same values as one
        # token_set_ratio call a pair.
        ratios = process.cpdist([a_words[i] for i, _ in pairs], [b_words[j] for _, j in pairs],
                                scorer=fuzz.token_set_ratio, dtype=np.float64)
        return (ratios / 100).tolist()


SIGNALS: dict[str, Signal] = {s.name: s for s in (
    TermOverlap("terms"), TermOverlap("containment", containment=True), FuzzTokenSet())}


class Verbatim:
    """1.0 when a passage (two words or more) or a sentence of a longer passage (four words or more) on
    one side appears (near-)verbatim in the other passage.

    Only sentences whose terms are all held by the other passage are checked, with rapidfuzz
    `partial_ratio` (the best-aligned substring) over the folded texts.
    """

    name = "verbatim"
    MIN_WORDS = 4
    MIN_PASSAGE_WORDS = 2
    CUT = 92
    # partial_ratio costs the product of the two lengths: a text longer than this (no sentence of the golds or of
    # ECB+ is) is verbatim only when it is held exactly, so that two hostile one-"sentence" passages of 100,000
    # characters each are not compared for minutes (bench/hostile_text_bench.py).
    MAX_FUZZY_CHARS = 2_000

    def scores(self, ctx: Context, pairs: Pairs) -> list[float]:
        a, b = ctx.a, ctx.b
        folded: dict[tuple[int, int], str] = {}

        def fold(side_no: int, k: int) -> str:
            key = (side_no, k)
            if key not in folded:
                folded[key] = default_process((a, b)[side_no].texts[k])
            return folded[key]

        out = []
        for i, j in pairs:
            ta, tb = a.terms[i], b.terms[j]
            hit = 0.0
            for short_no, short, k, long_terms, m in ((0, a, i, tb, j), (1, b, j, ta, i)):
                units = short.sentence_terms[k]
                if not units:
                    if not short.terms[k] <= long_terms:
                        continue
                    # A whole passage (a short quote: "Why wait?") may be as short as MIN_PASSAGE_WORDS.
                    candidates = [(fold(short_no, k), self.MIN_PASSAGE_WORDS)]
                else:
                    candidates = [(default_process(text), self.MIN_WORDS)
                                  for text, ts in zip(short.sentence_texts[k], units) if ts and ts <= long_terms]
                for text, min_words in candidates:
                    if text and text.count(" ") + 1 >= min_words and self._held(text, fold(1 - short_no, m)):
                        hit = 1.0
                        break
                if hit:
                    break
            out.append(hit)
        return out

    def _held(self, text: str, other: str) -> bool:
        """Whether `text` appears (near-)verbatim in `other`: exactly, or by partial_ratio when it is short enough."""
        if text in other:
            return True
        return len(text) <= self.MAX_FUZZY_CHARS and fuzz.partial_ratio(text, other) >= self.CUT


SIGNALS["verbatim"] = Verbatim()


class Semantic:
    """Cosine similarity of the two passages' sentence embeddings (`newsdiff.text.semantic`), 0 without a model.

    The only signal that sees a paraphrase sharing no word, and a passage and its translation.
    """

    name = "semantic"

    def scores(self, ctx: Context, pairs: Pairs) -> list[float]:
        if ctx.scorer is None or not pairs:
            return [0.0] * len(pairs)
        va, vb = ctx.vectors()
        return [max(0.0, min(1.0, float(va[i] @ vb[j]))) for i, j in pairs]


SIGNALS["semantic"] = Semantic()


class SemanticLift:
    """How close the model puts two passages compared with the comparison's usual pair: the cosine above
    the median cosine of all passage pairs (`Context.cosine_level`) plus OFFSET, scaled to [0, 1] over SPAN.

    Relative, because the level moves with the text: unrelated sentences about one phone call sit at
    cosines of 0.4-0.6, and text the model reads badly (made-up words, lists of names) puts every pair
    above 0.8 (bench/align_bench.py's synthetic articles: an absolute 0.6-0.85 scale there cut link
    precision from 0.71 to 0.15). Measured on the dev halves: OFFSET 0.16 / 0.2 / 0.25 gave snippet-gold
    link recall 0.81 / 0.81 / 0.80 at precision 0.92 / 0.93 / 0.94, ECB+ dev recall 0.74 / 0.72 / 0.69
    at 0.93; a CSLS margin (cosine minus the passages' mean top-3 neighbour cosine) as the bonus did no
    better (0.81 at 0.92, ECB+ 0.71 at 0.92).

    Only a pair the model finds (within NEAREST_GAP) the nearest partner of one of its passages is lifted: a pair
    it ranks behind other partners on both sides is no evidence for this pair ("The institute plans to return
    to the ridge" / "only the second time the institute had sent a team to the ridge", both passages closer to
    their true partners, reached the always-link score by the bonus). Dev halves, NEAREST_GAP 0 / 0.02 / 0.05 /
    0.07 / none: s18 set precision 0.965 / 0.965 / 0.965 / 0.932 / 0.932 (uniques 0.941 or 0.912, recall 0.873
    throughout); ECB+ dev recall 0.708 / 0.716 / 0.718 / 0.718 / 0.718, precision 0.931 / 0.932 / 0.933 / 0.933
    / 0.934; snippet golds unchanged.
    """

    name = "semantic_lift"
    OFFSET = 0.2
    SPAN = 0.25
    NEAREST_GAP = 0.05

    def scores(self, ctx: Context, pairs: Pairs) -> list[float]:
        if ctx.scorer is None or not pairs:
            return [0.0] * len(pairs)
        cosines = SIGNALS["semantic"].scores(ctx, pairs)
        low = ctx.cosine_level() + self.OFFSET
        best_a, best_b = ctx.cosine_best()
        gap = self.NEAREST_GAP
        return [max(0.0, min(1.0, (c - low) / self.SPAN)) if c >= best_a[i] - gap or c >= best_b[j] - gap else 0.0
                for c, (i, j) in zip(cosines, pairs)]


SIGNALS["semantic_lift"] = SemanticLift()
