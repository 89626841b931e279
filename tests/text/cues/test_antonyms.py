"""Tests for the "negation by opposite words" cue (`cues.antonyms`)."""

from __future__ import annotations

import pytest

from newsdiff.text.cues import conflict_reasons


@pytest.mark.parametrize("a, b, reason", [
    ("The school board accepted the union's pay offer at its meeting on Monday.",
     "At its meeting on Monday the school board rejected the union's pay offer.", '"accepted" vs "rejected"'),
    ("The new striker passed a medical at the club's training ground on Thursday.",
     "The new striker failed a medical at the club's training ground on Thursday.", '"passed" vs "failed"'),
    # irregular forms, through WordNet's exception lists: "rose" is "rise", "fell" is "fall"
    ("Water bills in the county rose sharply last year, the regulator said.",
     "Water bills in the county fell sharply last year, according to the regulator.", '"rose" vs "fell"'),
    # a common word capitalised to open the sentence is no name
    ("Oil prices rose on Tuesday after the cartel announced output cuts.",
     "Oil prices fell on Tuesday after the cartel announced output cuts.", '"rose" vs "fell"'),
    ("The two climbers missing on the glacier since Sunday were found alive by a helicopter crew.",
     "The two climbers missing on the glacier since Sunday were found dead by a helicopter crew.",
     '"alive" vs "dead"'),
])
def test_opposite_words_in_the_shared_clause_are_a_cue(a, b, reason):
    """One side states the clause with a word, the other with its WordNet antonym, the rest alike."""
    from newsdiff.text.cues import antonym_reasons

    assert antonym_reasons(a, b) == [f"negation by opposite words: {reason}"]
    assert conflict_reasons(a, b) == [f"negation by opposite words: {reason}"]
    assert antonym_reasons(b, a) != []


@pytest.mark.parametrize("a, b", [
    # two things: what rose is not what fell
    ("Shares in the bank rose sharply in early trading on Monday.",
     "The wider index fell sharply in early trading on Monday."),
    # one event told from its two sides: the winner won, the loser lost
    ("Arsenal won the derby against Chelsea at home on Saturday.",
     "Chelsea lost the derby against Arsenal at home on Saturday."),
    # a negation of the other word agrees
    ("The new striker did not fail a medical at the club's training ground on Thursday.",
     "The new striker passed a medical at the club's training ground on Thursday."),
    # the words are parts of names
    ("Residents of Old Harbour were allowed home on Monday evening after the storm.",
     "Residents of New Harbour were allowed home on Monday evening after the storm."),
    # one side writes both words
    ("The index rose in the morning and fell in the afternoon, traders said.",
     "The index fell in the afternoon after a strong morning, traders said."),
    # too little shared around the words
    ("Prices rose.", "Prices fell on the markets of Asia."),
    # a verb of a pair of verbs after an article is no verb ("take" / "give")
    ("The new servers use less power and take one sixth the space of older machines.",
     "The new servers use less power and pack more computing into a given space than older machines."),
    # a word of the pair inside a hyphenated compound ("young" / "old")
    ("The trial of the teen accused of killing young Kathina Thomas resumed on Wednesday.",
     "The trial of the teen accused of killing 10-year-old Kathina Thomas resumed on Wednesday."),
])
def test_opposite_words_about_other_things_are_no_cue(a, b):
    """Decoys: opposite words about two subjects, negated, in names, on one side, or with little else shared."""
    from newsdiff.text.cues import antonym_reasons

    assert antonym_reasons(a, b) == []
    assert antonym_reasons(b, a) == []


def test_opposite_words_are_conflict_evidence_for_exports():
    """The cue's reasons count as conflict evidence (CONFLICT_PREFIXES), as the labeller's do."""
    from newsdiff.text.cues import CONFLICT_PREFIXES

    assert 'negation by opposite words: "passed" vs "failed"'.startswith(CONFLICT_PREFIXES)
