"""The alignment engine: analyse, generate candidates, score with signals, combine, calibrate, label.

Each step is a module of its own and reads only the shared `Context`; a new signal is a new class
registered in `signals.SIGNALS` with a weight in `combine.WEIGHTS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from newsdiff.text.alignment.calibrate import select
from newsdiff.text.alignment.candidates import candidate_pairs
from newsdiff.text.alignment.combine import combine, needed_signals, weights_for
from newsdiff.text.alignment.context import build_context
from newsdiff.text.alignment.labels import has_cue, label
from newsdiff.text.alignment.signals import SIGNALS
from newsdiff.text.alignment.terms import PassageLike, analyse

SEMANTIC_VOUCH = 0.7  # cosine at which the model alone vouches for a pair (untuned: no real model here)


@dataclass
class Link:
    """A correspondence between passages of side a and side b."""

    a: list[int]
    b: list[int]
    score: float
    label: str  # "match" | "conflict"
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Return the JSON-ready form of this link."""
        return {"a": list(self.a), "b": list(self.b), "score": self.score, "label": self.label,
                "reasons": list(self.reasons)}


@dataclass
class Alignment:
    """All links between two accounts plus the alignable passages left unmatched on each side."""

    links: list[Link]
    unique_a: list[int]
    unique_b: list[int]
    pairs_scored: int = 0  # candidate pairs scored; for benchmarks, not serialised
    needs_model: bool = False  # two languages and no sentence-embedding model: no suggestions were made

    def to_dict(self) -> dict:
        """Return the JSON-ready form of this alignment."""
        return {"links": [link.to_dict() for link in self.links],
                "unique": {"a": list(self.unique_a), "b": list(self.unique_b)}}


def align(a: Sequence[PassageLike], b: Sequence[PassageLike], *, language_a: str = "en",
          language_b: str | None = None, scorer=None) -> Alignment:
    """Link corresponding claim/quote passages of two accounts and list the unmatched ones.

    Each side is read in its language (a tag: "es-MX" reads as Spanish). `scorer` (a
    `newsdiff.text.semantic.SemanticScorer`) adds the sentence-embedding signal; accounts in two
    languages get suggestions only with one (otherwise `needs_model` is set and nothing is linked).
    """
    side_a = analyse(a, language=language_a)
    side_b = analyse(b, language=language_b or language_a)
    ctx = build_context(side_a, side_b, scorer)
    if ctx.cross_language and scorer is None:
        return Alignment([], list(side_a.indices), list(side_b.indices), needs_model=True)
    if not side_a.terms or not side_b.terms:
        return Alignment([], list(side_a.indices), list(side_b.indices))
    pairs = sorted(candidate_pairs(ctx))
    weights = weights_for(scorer=scorer is not None, cross_language=ctx.cross_language)
    values = {name: SIGNALS[name].scores(ctx, pairs) for name in needed_signals(weights)}
    scores = dict(zip(pairs, combine(values, weights)))
    verbatim = {p for p, v in zip(pairs, values["verbatim"]) if v}
    vouched = set(pairs) if ctx.cross_language else \
        {p for p, v in zip(pairs, values.get("semantic", ())) if v >= SEMANTIC_VOUCH}
    links = []
    for i, j in select(ctx, scores, verbatim, lambda i, j: has_cue(ctx, i, j), vouched):
        name, reasons = label(ctx, i, j, (i, j) in verbatim)
        links.append(Link(a=[side_a.indices[i]], b=[side_b.indices[j]],
                          score=round(100 * min(1.0, scores[(i, j)]), 1), label=name, reasons=reasons))
    linked_a = {k for link in links for k in link.a}
    linked_b = {k for link in links for k in link.b}
    return Alignment(links, [k for k in side_a.indices if k not in linked_a],
                     [k for k in side_b.indices if k not in linked_b], pairs_scored=len(scores))
