"""The alignment engine: analyse, generate candidates, score with signals, combine, calibrate, label.

Each step is a module of its own and reads only the shared `Context`; a new signal is a new class
registered in `signals.SIGNALS` with a weight in `combine.WEIGHTS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from newsdiff.text.alignment.calibrate import select
from newsdiff.text.alignment.candidates import candidate_pairs
from newsdiff.text.alignment.combine import combine, needed_signals
from newsdiff.text.alignment.context import build_context
from newsdiff.text.alignment.labels import has_cue, label
from newsdiff.text.alignment.signals import SIGNALS
from newsdiff.text.alignment.terms import PassageLike, analyse


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

    def to_dict(self) -> dict:
        """Return the JSON-ready form of this alignment."""
        return {"links": [link.to_dict() for link in self.links],
                "unique": {"a": list(self.unique_a), "b": list(self.unique_b)}}


def align(a: Sequence[PassageLike], b: Sequence[PassageLike]) -> Alignment:
    """Link corresponding claim/quote passages of two accounts and list the unmatched ones."""
    side_a, side_b = analyse(a), analyse(b)
    if not side_a.terms or not side_b.terms:
        return Alignment([], list(side_a.indices), list(side_b.indices))
    ctx = build_context(side_a, side_b)
    pairs = sorted(candidate_pairs(ctx))
    values = {name: SIGNALS[name].scores(ctx, pairs) for name in needed_signals()}
    scores = dict(zip(pairs, combine(values)))
    verbatim = {p for p, v in zip(pairs, values["verbatim"]) if v}
    links = []
    for i, j in select(ctx, scores, verbatim, lambda i, j: has_cue(ctx, i, j)):
        name, reasons = label(ctx, i, j, (i, j) in verbatim)
        links.append(Link(a=[side_a.indices[i]], b=[side_b.indices[j]],
                          score=round(100 * min(1.0, scores[(i, j)]), 1), label=name, reasons=reasons))
    linked_a = {k for link in links for k in link.a}
    linked_b = {k for link in links for k in link.b}
    return Alignment(links, [k for k in side_a.indices if k not in linked_a],
                     [k for k in side_b.indices if k not in linked_b], pairs_scored=len(scores))
