"""Tests for word-level highlighting of linked passages."""

from __future__ import annotations

from newsdiff.text.highlight import Span, highlight_pair
from newsdiff.text.tokens import word_tokens

A = "According to officials, the approximately 15-minute phone call was “very good”."
B = "Trump said the 10-minute phone call was very productive, officials added."


def _kinds_by_word(text: str, spans: list[Span]) -> dict[str, str]:
    """Map each word of `text` to the kind of the span containing it."""
    out = {}
    for token in word_tokens(text):
        (span,) = [s for s in spans if s.start <= token.start and token.end <= s.end]
        out[token.text] = span.kind
    return out


def test_spans_cover_every_token_once():
    """Every word token lies inside exactly one span; spans are ordered and disjoint."""
    for text, spans in zip((A, B), highlight_pair(A, B)):
        for token in word_tokens(text):
            assert sum(s.start <= token.start and token.end <= s.end for s in spans) == 1, token
        assert all(x.end <= y.start for x, y in zip(spans, spans[1:]))
        assert all(s.kind in {"same", "diff"} for s in spans)


def test_offsets_slice_the_passage():
    """Span offsets slice the original text at word boundaries."""
    spans_a, spans_b = highlight_pair(A, B)
    assert [A[s.start:s.end] for s in spans_a] == [
        "According to officials", "the", "approximately 15-minute", "phone call was “very", "good"]
    assert [B[s.start:s.end] for s in spans_b] == [
        "Trump said", "the", "10-minute", "phone call was very", "productive, officials added"]


def test_shared_words_are_same_and_others_diff():
    """Words shared in order are "same", differing figures and words are "diff"."""
    spans_a, spans_b = highlight_pair(A, B)
    kinds_a, kinds_b = _kinds_by_word(A, spans_a), _kinds_by_word(B, spans_b)
    for word in ("phone", "call", "was", "very"):
        assert kinds_a[word] == "same" and kinds_b[word] == "same"
    assert kinds_a["15-minute"] == "diff" and kinds_b["10-minute"] == "diff"
    assert kinds_a["good"] == "diff" and kinds_b["productive"] == "diff"


def test_comparison_folds_case_and_punctuation():
    """Case and punctuation do not make words differ."""
    spans_a, spans_b = highlight_pair("The U.S. Border, said TRUMP.", "the US border said Trump")
    assert [s.kind for s in spans_a] == ["same"] and [s.kind for s in spans_b] == ["same"]


def test_identical_passages_are_all_same():
    """A passage compared with itself is one "same" span."""
    spans_a, spans_b = highlight_pair(A, A)
    assert spans_a == spans_b == [Span(0, len(A) - 2, "same")]


def test_empty_inputs():
    """Empty text has no spans; the other side is all "diff"."""
    assert highlight_pair("", "") == ([], [])
    spans_a, spans_b = highlight_pair("New tariffs announced", "")
    assert spans_a == [Span(0, 21, "diff")] and spans_b == []
