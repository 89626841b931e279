"""Tests for the comparison's term weights and passage totals."""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass

import pytest

from newsdiff.text.alignment import context
from newsdiff.text.alignment.context import MIN_IDF_PAIRS, build_context
from newsdiff.text.alignment.terms import analyse
from tests.text.alignment.fakes import FixedScorer


@dataclass(frozen=True)
class P:
    text: str
    kind: str = "claim"


def _weights_loop(a, b):
    """The loop the numpy weights replaced, kept as their specification."""
    df, rarity = Counter(), {}
    for side in (a, b):
        for words in side.words:
            df.update(words.keys())
            for t, w in words.items():
                rarity[t] = min(rarity.get(t, 2.0), side.vocabulary.rarity[w])
    if len(a.terms) * len(b.terms) < MIN_IDF_PAIRS:
        return rarity
    n = len(a.terms) + len(b.terms)
    return {t: math.log((n + 1) / d) * rarity[t] for t, d in df.items()}


def _texts(rng, n):
    words = ("council budget Valencia floods mayor 2,000 minutes the of said talks Sheinbaum Trump Mexico "
             "meeting tariffs fentanyl border agreed denied people year government called").split()
    return [P(" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))).capitalize() + ".") for _ in range(n)]


@pytest.mark.parametrize("dense", [context.DENSE_TERM_IDS, 0])
def test_weights_and_totals_are_the_loops_to_the_last_bit(monkeypatch, dense):
    """IDF x rarity per term and each passage's total weight (its terms in its text's order), exactly as the plain
    loops compute them (term ids located through a table or, past DENSE_TERM_IDS, by search)."""
    monkeypatch.setattr(context, "DENSE_TERM_IDS", dense)
    rng = random.Random(5)
    for n_a, n_b in ((1, 1), (2, 3), (40, 7), (200, 150)):
        a, b = analyse(_texts(rng, n_a)), analyse(_texts(rng, n_b))
        ctx = build_context(a, b)
        expected = _weights_loop(a, b)
        assert ctx.weight == expected
        # Each total added in the order the passage's text gives its terms (not its set's order: see _flatten).
        assert ctx.norm_a == [sum(expected[t] for t in words) for words in a.words]
        assert ctx.norm_b == [sum(expected[t] for t in words) for words in b.words]
        arrays = ctx.arrays()
        assert [frozenset(arrays.terms[arrays.a_local[arrays.a_owner == k]].tolist()) for k in range(n_a)] == a.terms


def _read_by_words(ctx) -> tuple:
    """A context with term ids replaced by words: the passage totals, each word's weight and side a's entries in
    the arrays (the order blocking visits them in)."""
    arrays = ctx.arrays()
    entries = [ctx.a.words[k][t] for k, t in zip(arrays.a_owner.tolist(), arrays.terms[arrays.a_local].tolist())]
    weights = {w: ctx.weight[t] for words in ctx.a.words + ctx.b.words for t, w in words.items()}
    return ctx.norm_a, ctx.norm_b, weights, entries


def test_totals_do_not_depend_on_the_term_ids():
    """The same passages read with vocabularies of different histories (other term ids, so sets of them iterate
    in another order) give the same weights and passage totals to the last bit, and the same arrays."""
    from tests.text.alignment.synthetic import articles, vocabularies

    a, b = articles(300, seed=3)
    fresh, used = (_read_by_words(build_context(analyse(a, vocabulary), analyse(b, vocabulary)))
                   for vocabulary in vocabularies())
    assert fresh == used


def test_a_common_word_weighs_less_than_a_rare_one():
    """Within one comparison, "people" (common in English) weighs less than "fentanyl"."""
    a, b = analyse([P("People asked about fentanyl.")]), analyse([P("Officials discussed fentanyl with people.")])
    ctx = build_context(a, b)
    ids = {w: t for t, w in a.words[0].items()}
    assert ctx.weight[ids["people"]] < ctx.weight[ids["fentanyl"]]


def test_the_document_cosine_compares_the_sides_mean_embeddings():
    """Two accounts about one thing are close as wholes, even when one has an extra passage; unrelated ones are not."""
    vectors = {"one": [1, 0, 0], "two": [1, 0.2, 0], "three": [0, 0, 1], "other": [0, 1, 0]}
    a, b = [P("one"), P("three")], [P("two"), P("three"), P("one")]
    ctx = build_context(analyse(a), analyse(b), FixedScorer(vectors))
    assert ctx.document_cosine() > 0.9
    unrelated = build_context(analyse([P("one")]), analyse([P("other")]), FixedScorer(vectors))
    assert unrelated.document_cosine() == pytest.approx(0.0, abs=1e-6)
