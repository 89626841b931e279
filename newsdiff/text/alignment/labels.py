"""Labelling: a link is a "conflict" (shown as "possible conflict") only with evidence about what the passages share.

The cues live in `newsdiff.text.cues`; each returns reasons a reviewer can check. `explain`
adds the words that made the link (the rarest shared words).
"""

from __future__ import annotations

from math import fsum

from newsdiff.text.alignment.calibrate import CUE_FLOOR, MIN_SHARED_TERMS, MIN_SHARED_WEIGHT, best_partners
from newsdiff.text.alignment.context import Context
from newsdiff.text.alignment.terms import VOCABULARY
from newsdiff.text.cues import conflict_reasons, differ_about_one_subject, number_reasons, schedule_reasons


def shared_words(ctx: Context, i: int, j: int, limit: int = 4) -> list[str]:
    """Return the rarest words two passages share, spelled as on side a."""
    shared = sorted(ctx.a.terms[i] & ctx.b.terms[j], key=lambda t: (-ctx.weight[t], ctx.a.words[i][t]))
    return [ctx.a.words[i][t] for t in shared[:limit]]


def has_cue(ctx: Context, i: int, j: int) -> bool:
    """Whether a pair would be labelled a possible conflict."""
    return bool(conflict_reasons(ctx.a.texts[i], ctx.b.texts[j], ctx.a.language, ctx.b.language))


def has_schedule_cue(ctx: Context, i: int, j: int) -> bool:
    """Whether one passage dates an event the other says has no date (a same-language cue)."""
    return ctx.a.language == ctx.b.language and bool(schedule_reasons(ctx.a.texts[i], ctx.b.texts[j], ctx.a.language))


def label(ctx: Context, i: int, j: int, verbatim: bool, meaning: float | None = None) -> tuple[str, list[str]]:
    """Return the label of a link and its reasons; `meaning` is the model's cosine when it helped make the link."""
    reasons = []
    words = shared_words(ctx, i, j)
    if verbatim:
        reasons.append("same sentence on both sides")
    if words:
        reasons.append("shares rare words: " + ", ".join(words))
    if meaning is not None:
        reasons.append(f"close in meaning (sentence model): {meaning:.2f}")
    cues = conflict_reasons(ctx.a.texts[i], ctx.b.texts[j], ctx.a.language, ctx.b.language)
    return ("conflict" if cues else "match"), reasons + cues


def nearest_cue_links(ctx: Context, scores: dict[tuple[int, int], float], chosen: list[tuple[int, int]],
                      nearest: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs to link besides `chosen`: the sentence model's mutual nearest pairs (`nearest`) that are the lexical
    best of one of their passages, score CUE_FLOOR or more with the usual shared terms, and give two values of
    one kind of quantity about a subject both clauses name ("Talks between the two clubs lasted three weeks" /
    "The clubs negotiated for five weeks before a third offer was accepted": the b sentence's lexical best is
    another, so calibration's cue relief, for mutual lexical bests, does not reach it).

    Measured on the dev halves: on the hand-written dev golds it links one conflict and nothing else; on ECB+ dev
    (odd topics, same and different events) one link ("at least 6,000 Web sites had been infected" / "about 10,000
    Web sites that have been infected": one event, counted false there, as every conflict label on ECB+ is).
    With dates and days, or the model's nearest on one side only, or without the shared subject, the same rule
    adds false conflict links on ECB+ (a day has many events; sports reports give many counts of one kind).
    Only comparisons the model reads (SEMANTIC_MAX_PASSAGES) have nearest pairs: large ones pay nothing.
    """
    if not nearest or ctx.cross_language:
        return []
    taken = set(chosen)
    row, col = best_partners(scores)
    numbers = VOCABULARY.numbers
    out = []
    for i, j in sorted(nearest):
        s = scores.get((i, j))
        if s is None or s < CUE_FLOOR or (i, j) in taken or not (row[i][1] == j or col[j][1] == i):
            continue
        shared = ctx.a.terms[i] & ctx.b.terms[j]
        if len(shared) - 0.5 * len(shared & numbers) < MIN_SHARED_TERMS \
                or fsum(map(ctx.weight.__getitem__, shared)) < MIN_SHARED_WEIGHT:
            continue
        a, b, language = ctx.a.texts[i], ctx.b.texts[j], ctx.a.language
        if differ_about_one_subject(a, b, language) and number_reasons(a, b, language):
            out.append((i, j))
    return out
