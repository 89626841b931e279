"""Word-level highlighting of two linked passages from rapidfuzz edit opcodes over word tokens."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel

from newsdiff.text.tokens import Token, word_tokens


@dataclass(frozen=True)
class Span:
    """A run of word tokens, as character offsets into the passage, marked "same" or "diff"."""

    start: int
    end: int
    kind: str  # "same" | "diff"


def _spans(tokens: list[Token], same: list[bool]) -> list[Span]:
    """Merge consecutive tokens of the same kind into spans."""
    spans: list[Span] = []
    for token, is_same in zip(tokens, same):
        kind = "same" if is_same else "diff"
        if spans and spans[-1].kind == kind:
            spans[-1] = Span(spans[-1].start, token.end, kind)
        else:
            spans.append(Span(token.start, token.end, kind))
    return spans


def highlight_pair(a: str, b: str) -> tuple[list[Span], list[Span]]:
    """Mark the words two passages share, in order, as "same" and the rest as "diff"."""
    tokens_a, tokens_b = word_tokens(a), word_tokens(b)
    # Compare case/punctuation-folded words as small ints so the opcodes work on word units.
    ids: dict[str, int] = {}
    seq_a = [ids.setdefault(t.folded, len(ids)) for t in tokens_a]
    seq_b = [ids.setdefault(t.folded, len(ids)) for t in tokens_b]
    same_a = [False] * len(seq_a)
    same_b = [False] * len(seq_b)
    for op in Indel.opcodes(seq_a, seq_b):
        if op.tag == "equal":
            same_a[op.src_start:op.src_end] = [True] * (op.src_end - op.src_start)
            same_b[op.dest_start:op.dest_end] = [True] * (op.dest_end - op.dest_start)
    return _spans(tokens_a, same_a), _spans(tokens_b, same_b)
