"""Tests for the engine's entry point: one comparison's result depends on its two accounts alone."""

from __future__ import annotations

import pytest

from newsdiff.text.alignment import terms
from newsdiff.text.alignment.engine import align
from newsdiff.text.alignment.terms import VOCABULARY, Vocabulary
from tests.text.alignment.synthetic import articles


@pytest.fixture
def new_process(monkeypatch):
    """Return a function that empties the process-wide vocabularies, as a newly started worker has them
    (the vocabularies of the test session are put back afterwards)."""

    def empty() -> None:
        for name, value in vars(Vocabulary(VOCABULARY.lexicon)).items():
            monkeypatch.setattr(VOCABULARY, name, value)
        monkeypatch.setattr(terms, "_VOCABULARIES", {"en": VOCABULARY})

    return empty


def _everything(result) -> tuple:
    """What a reviewer sees (links with scores, labels and reasons; unmatched passages) and the pairs scored."""
    return result.to_dict(), result.pairs_scored


@pytest.mark.parametrize("scorer", ["auto", None], ids=["default", "lexical"])
def test_a_pair_aligns_the_same_whatever_the_process_aligned_before(new_process, scorer):
    """Term ids are interned process-wide in the order words are first met, so they differ with what the
    process aligned before; the links, scores, labels, reasons and candidates of a pair must not. 250 x 250
    passages take the blocking path, where equal weights leave many ties to break."""
    kw = {} if scorer == "auto" else {"scorer": None}
    a, b = articles(250, seed=7)
    new_process()
    alone = _everything(align(a, b, **kw))
    new_process()
    align(*articles(60, seed=8), **kw)  # another story: other words
    align(*articles(80, seed=9, vocabulary_seed=7), **kw)  # the same story's words, met in another order
    after_others = _everything(align(a, b, **kw))
    assert after_others == alone
    assert alone[0]["links"]  # the pair links: there is something to compare
