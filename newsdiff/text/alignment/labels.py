"""Labelling: a link is a "conflict" (shown as "possible conflict") only with evidence about what the passages share.

The cues live in `newsdiff.text.cues`; each returns reasons a reviewer can check. `explain`
adds the words that made the link (the rarest shared words).
"""

from __future__ import annotations

from newsdiff.text.alignment.context import Context
from newsdiff.text.cues import conflict_reasons, schedule_reasons


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
