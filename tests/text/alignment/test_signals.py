"""Tests for the similarity signals and their registry."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.text.alignment.context import build_context
from newsdiff.text.alignment.signals import SIGNALS
from newsdiff.text.alignment.terms import analyse
from tests.text.alignment.fakes import FixedScorer


@dataclass(frozen=True)
class P:
    text: str
    kind: str = "claim"


def _ctx(a, b):
    return build_context(analyse(a), analyse(b))


def test_every_registered_signal_scores_pairs_in_unit_range():
    """Each signal gives one score in [0, 1] per pair; the registry names the ones the engine uses."""
    ctx = _ctx([P("The court upheld the rent cap on Thursday."), P("Landlords plan to appeal.")],
               [P("On Thursday the court upheld the cap on rents."), P("Tenants cheered.")])
    pairs = [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert {"terms", "containment", "fuzz", "verbatim"} <= set(SIGNALS)
    for name, signal in SIGNALS.items():
        scores = signal.scores(ctx, pairs)
        assert len(scores) == 4 and all(0.0 <= s <= 1.0 for s in scores), name
    assert SIGNALS["terms"].scores(ctx, [(0, 0)])[0] > SIGNALS["terms"].scores(ctx, [(1, 1)])[0]


def test_terms_scores_a_long_passage_sentence_by_sentence():
    """A sentence quoted inside a three-sentence passage scores as the sentence pair, not the paragraph."""
    quote = "A city that cannot keep its residents housed cannot govern itself."
    ctx = _ctx([P(quote)], [P("The question before us is not whether regulation is wise. "
                              "It is whether the council may adopt it. " + quote)])
    assert SIGNALS["terms"].scores(ctx, [(0, 0)]) == [1.0]
    assert SIGNALS["verbatim"].scores(ctx, [(0, 0)]) == [1.0]


def test_verbatim_needs_the_words_in_order():
    """The same words in another order are not verbatim."""
    ctx = _ctx([P("Police arrested the driver after the crash.")], [P("After the crash the driver arrested police.")])
    assert SIGNALS["verbatim"].scores(ctx, [(0, 0)]) == [0.0]


def test_the_semantic_lift_goes_only_to_a_passage_s_nearest_partners(monkeypatch):
    """A pair the model ranks behind another partner on both sides gets no lift, however close; the nearest do."""
    axes = [[1.0 if k == d else 0.0 for k in range(6)] for d in range(6)]
    a = [P("alpha one"), P("bravo two"), P("alpha bravo"), P("charlie"), P("delta")]
    b = [P("alpha uno"), P("bravo dos"), P("alpha bravo tres"), P("echo"), P("foxtrot")]
    vectors = {"alpha one": axes[0], "bravo two": axes[1], "alpha bravo": [1, 1, 0, 0, 0, 0], "charlie": axes[2],
               "delta": axes[3], "alpha uno": axes[0], "bravo dos": axes[1], "alpha bravo tres": [1, 1, 0, 0, 0, 0],
               "echo": axes[4], "foxtrot": axes[5]}
    ctx = build_context(analyse(a), analyse(b), FixedScorer(vectors))
    lift = SIGNALS["semantic_lift"]
    # (0, 2): cosine 0.71, far above the comparison's usual cosine (0), but a0's nearest is b0 and b2's is a2.
    assert lift.scores(ctx, [(0, 0), (2, 2), (0, 2)]) == [1.0, 1.0, 0.0]
    monkeypatch.setattr(type(lift), "NEAREST_GAP", 1.0)
    assert lift.scores(ctx, [(0, 2)]) == [1.0]


def test_term_scores_do_not_depend_on_the_term_ids():
    """The same passages read with vocabularies of different histories (other term ids, so the terms two passages
    share iterate in another order) score the same to the last bit, passage and sentence by sentence."""
    from tests.text.alignment.synthetic import articles, vocabularies

    a, b = articles(120, seed=4)
    contexts = [build_context(analyse(a, vocabulary), analyse(b, vocabulary)) for vocabulary in vocabularies()]
    pairs = [(i, j) for i in range(len(a)) for j in range(len(b))]
    for name in ("terms", "containment"):
        fresh, used = (SIGNALS[name].scores(ctx, pairs) for ctx in contexts)
        assert fresh == used, name


def test_a_passage_longer_than_max_fuzzy_chars_is_verbatim_only_when_held_exactly():
    """Past MAX_FUZZY_CHARS a passage is not compared by partial_ratio (its cost is the product of the lengths): held
    exactly it is verbatim, with one word changed it is not (under MAX_FUZZY_CHARS partial_ratio would call it so)."""
    verbatim = SIGNALS["verbatim"]
    words = [f"word{k}" for k in range(verbatim.MAX_FUZZY_CHARS // 4)]
    long_text = " ".join(words)
    assert len(long_text) > verbatim.MAX_FUZZY_CHARS
    changed = " ".join(words[:-1] + ["word0"])
    assert verbatim.scores(_ctx([P(long_text)], [P(long_text + " more")]), [(0, 0)]) == [1.0]
    assert verbatim.scores(_ctx([P(changed)], [P(long_text)]), [(0, 0)]) == [0.0]
