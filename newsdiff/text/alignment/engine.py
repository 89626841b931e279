"""The alignment engine: analyse, generate candidates, score with signals, combine, calibrate, label.

After calibration, `conflicting.conflict_partners` links pairs that give two values of one quantity about one thing
(a possible conflict scores low: the differing figure is the sentence's key fact), and pairs under the bar that carry
another conflict cue (two days, a negation, a re-attributed quotation) about what they share.

Each step is a module of its own and reads only the shared `Context`; a new signal is a new class
registered in `signals.SIGNALS` with a weight in `combine.WEIGHTS` (or `combine.SEMANTIC_BONUS`).

Two English accounts are read by default with the English model shipped in
newsdiff/text/models/minilm-static-en (`newsdiff.text.semantic.shipped_scorer`): it adds a bonus to
the pairs it puts well above the comparison's usual cosine, proposes and vouches for mutual-nearest
pairs at PARAPHRASE_COSINE or above (a paraphrase sharing no word), and leaves the bars to the lexical
scores. `scorer=None` turns it off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from newsdiff.text.alignment.calibrate import best_partners, select
from newsdiff.text.alignment.candidates import PARAPHRASE_COSINE, candidate_pairs
from newsdiff.text.alignment.combine import bonus_for, combine, needed_signals, weights_for
from newsdiff.text.alignment.conflicting import conflict_partners
from newsdiff.text.alignment.context import build_context
from newsdiff.text.alignment.labels import has_cue, has_schedule_cue, label, nearest_cue_links
from newsdiff.text.alignment.signals import SIGNALS
from newsdiff.text.alignment.terms import PassageLike, analyse

AUTO = "auto"  # align()'s default scorer: the shipped English model when both accounts are English
SEMANTIC_VOUCH = 0.7  # across languages: cosine at which the model alone vouches for a pair
PARAPHRASE_SCORE = 0.31  # in one language, a pair at PARAPHRASE_COSINE (a paraphrase) scores at least this
# ... when each passage is the other's nearest by cosine and the pair stands above the comparison's usual
# cosine (`semantic_lift`: text the model reads badly, e.g. made-up words, puts everything close together)
# In one language the model is one signal among several, and encoding costs about 0.1 ms of CPU a passage
# (a news article has tens to a few hundred): past this many passages (both sides) the comparison is scored
# lexically, which keeps 1,000 x 1,000 and 5,000 x 5,000 at their lexical cost (bench/align_bench.py).
SEMANTIC_MAX_PASSAGES = 1_000


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
          language_b: str | None = None, scorer=AUTO) -> Alignment:
    """Link corresponding claim/quote passages of two accounts and list the unmatched ones.

    Each side is read in its language (a tag: "es-MX" reads as Spanish). `scorer` (a
    `newsdiff.text.semantic.SemanticScorer`) adds the sentence-embedding signal; by default (AUTO) two
    English accounts get the shipped English model, and `scorer=None` turns the signal off. Accounts in
    two languages get suggestions only with a (multilingual) scorer (otherwise `needs_model` is set and
    nothing is linked).
    """
    side_a = analyse(a, language=language_a)
    side_b = analyse(b, language=language_b or language_a)
    if scorer is AUTO:
        from newsdiff.text.semantic import shipped_scorer

        scorer = shipped_scorer(side_a.language, side_b.language)
    if scorer is not None and side_a.language == side_b.language \
            and len(side_a.texts) + len(side_b.texts) > SEMANTIC_MAX_PASSAGES:
        scorer = None
    ctx = build_context(side_a, side_b, scorer)
    if ctx.cross_language and scorer is None:
        return Alignment([], list(side_a.indices), list(side_b.indices), needs_model=True)
    if not side_a.terms or not side_b.terms:
        return Alignment([], list(side_a.indices), list(side_b.indices))
    pairs = sorted(candidate_pairs(ctx))
    weights = weights_for(scorer=scorer is not None, cross_language=ctx.cross_language)
    bonus = bonus_for(scorer=scorer is not None, cross_language=ctx.cross_language)
    values = {name: SIGNALS[name].scores(ctx, pairs) for name in needed_signals(weights, bonus)}
    scores = dict(zip(pairs, combine(values, weights, bonus)))
    calibration = dict(zip(pairs, combine(values, weights))) if bonus else None
    verbatim = {p for p, v in zip(pairs, values["verbatim"]) if v}
    cosines: dict = {}
    lifted: set = set()
    nearest: set = set()  # the model's mutual nearest pairs
    if scorer is not None:  # the cosines are already among the signals when the weights average them in
        semantic = values["semantic"] if "semantic" in values else SIGNALS["semantic"].scores(ctx, pairs)
        cosines = dict(zip(pairs, semantic))
    if ctx.cross_language:
        vouched = set(pairs)
    elif scorer is not None:
        lifted = {p for p, v in zip(pairs, values["semantic_lift"]) if v > 0}
        row, col = best_partners(cosines)
        nearest = {(i, j) for i, (_, j) in row.items() if col[j][1] == i}
        vouched = {(i, j) for (i, j) in nearest if cosines[(i, j)] >= PARAPHRASE_COSINE and (i, j) in lifted}
        for p in vouched:
            scores[p] = max(scores[p], PARAPHRASE_SCORE)
    else:
        vouched = set()
    chosen = select(ctx, scores, verbatim, lambda i, j: has_cue(ctx, i, j), vouched, calibration,
                    lambda i, j: has_schedule_cue(ctx, i, j), cosines=cosines,
                    relatedness=ctx.document_cosine() if scorer is not None and not ctx.cross_language else None)
    # The model's mutual nearest pairs that differ in a quantity about a shared subject (labels.nearest_cue_links).
    by_cue = set(nearest_cue_links(ctx, scores, chosen, nearest))
    # Pairs that give two values of one quantity about one thing, linked though they score low (conflicting.py).
    by_quantity = conflict_partners(ctx, scores, calibration if calibration is not None else scores,
                                    set(chosen) | by_cue, cosines)
    links = []
    for i, j in sorted(set(chosen) | by_cue | by_quantity.keys()):
        # The model's cosine is a reason only where it made or lifted the link (lexical links keep theirs).
        helped = (i, j) in vouched or (i, j) in lifted or (i, j) in by_cue or (i, j) in by_quantity
        name, reasons = label(ctx, i, j, (i, j) in verbatim, cosines[(i, j)] if helped else None)
        if name != "conflict" and (i, j) in by_quantity:
            name, reasons = "conflict", reasons + by_quantity[(i, j)]
        links.append(Link(a=[side_a.indices[i]], b=[side_b.indices[j]],
                          score=round(100 * min(1.0, scores[(i, j)]), 1), label=name, reasons=reasons))
    linked_a = {k for link in links for k in link.a}
    linked_b = {k for link in links for k in link.b}
    return Alignment(links, [k for k in side_a.indices if k not in linked_a],
                     [k for k in side_b.indices if k not in linked_b], pairs_scored=len(scores))
