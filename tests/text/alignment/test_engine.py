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


DOCK_A = ["PORTHAVEN — About 900 dock workers walked off the job in Porthaven on Tuesday, leaving most of the harbour's "
          "cranes idle at the start of a 24-hour walkout, their union said.",
          "The port authority said arriving ships would be sent to Millbay until the cranes restart.",
          "Union leader Sara Finch said members wanted a raise of 6 percent this year.",
          "Managers offered 3 percent and a one-off payment.",
          "Fruit importers warned that bananas could rot on the quays."]
DOCK_B = ["Dock workers in Porthaven stopped work on Tuesday, and the harbour's cranes stood idle.",
          "The 36-hour walkout began after pay talks collapsed late on Monday.",
          "Ships arriving at Porthaven are being sent to Millbay, the port authority said.",
          "Finch, who leads the union, said members want 6 percent.",
          "Importers of fruit said bananas might rot on the quays."]


def test_a_differing_figure_links_as_a_second_partner_labelled_conflict():
    """"a 24-hour walkout" in the lead / "The 36-hour walkout began...": the lead is linked to b's first sentence, and
    the walkout sentence, too weak for the bars, links to it as well (conflicting.conflict_partners), labelled a
    possible conflict with both figures; with the model off, the rule is off."""
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class P:
        text: str
        kind: str = "claim"

    result = align([P(t) for t in DOCK_A], [P(t) for t in DOCK_B])
    links = {(link.a[0], link.b[0]): link for link in result.links}
    assert (0, 0) in links and links[(0, 0)].label == "match"
    assert links[(0, 1)].label == "conflict"
    assert links[(0, 1)].reasons[-1] == 'numbers differ: "24-hour" vs "36-hour"'
    assert (0, 1) not in {(link.a[0], link.b[0]) for link in align([P(t) for t in DOCK_A], [P(t) for t in DOCK_B],
                                                                   scorer=None).links}
