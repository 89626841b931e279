"""Tests for passage analysis: Snowball stems, wordfreq rarity, integer term ids, sentences."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.text.alignment.terms import NO_SENTENCES, VOCABULARY, analyse, event_terms, rarity, sentences


@dataclass(frozen=True)
class P:
    text: str
    kind: str = "claim"


def test_forms_of_a_word_share_one_term_id():
    """Inflections meet through the Snowball stemmer; stopwords and stray letters are dropped."""
    side = analyse([P("The meetings were planned."), P("They planned a meeting."), P("Heading", "heading")])
    assert side.indices == [0, 1]
    assert side.terms[0] == side.terms[1]
    assert all(isinstance(t, int) for t in side.terms[0])
    assert sorted(side.words[0].values()) == ["meetings", "planned"]


def test_rarity_comes_from_the_language():
    """Common English words weigh little, unknown names and rare words fully."""
    assert rarity("people") < rarity("government") < rarity("fentanyl") == rarity("sheinbaum") == 1.0


def test_digit_groups_are_one_term():
    """"2,000" is one number term, marked as a number, not "2" and "000"."""
    (terms,) = analyse([P("About 2,000 people marched.")]).terms
    numbers = terms & VOCABULARY.numbers
    assert len(numbers) == 1 and VOCABULARY.term("2000") in numbers


def test_multi_sentence_passages_keep_their_sentences():
    """A passage of several sentences is also analysed sentence by sentence; a single one is not (and allocates nothing)."""
    side = analyse([P('"The question is not whether the rule is wise. It is whether the city may adopt it."', "quote"),
                    P("One sentence only.")])
    assert len(side.sentence_terms[0]) == 2
    assert side.sentence_terms[1] is side.sentence_texts[1] is NO_SENTENCES  # shared, not two new lists a passage
    assert sentences("First point made here. Second point follows.") == ["First point made here.", "Second point follows."]


def test_interning_a_batch_gives_what_one_word_at_a_time_gives():
    """`Vocabulary.intern` gives the ids, id order, number marks and rarity that `term` gives word by word."""
    from newsdiff.text.alignment.terms import Vocabulary

    words = "the meetings planned 2000 two meeting a planned sheinbaum people x dos".split()
    one, batch = Vocabulary(), Vocabulary()
    by_word = [one.term(w) for w in words]
    assert batch.intern(words) == by_word
    assert by_word[0] == by_word[6] == by_word[10] == -1  # stopwords and stray letters
    assert by_word[1] == by_word[5] and by_word[2] == by_word[7]  # forms of one word, a word twice in the batch
    assert one.id_of_stem == batch.id_of_stem and one.numbers == batch.numbers == {by_word[3], by_word[4]}
    assert one.rarity == batch.rarity == {w: rarity(w) for w in words if one.term(w) >= 0}


def test_terms_keep_each_terms_first_word_in_order():
    """A passage's terms come in the order they are first met, each with the first word that gave it."""
    from newsdiff.text.alignment.terms import Vocabulary

    vocabulary = Vocabulary()
    words = vocabulary.terms("Meetings were planned; the meeting was planned for 2,000 people, meetings said.")
    assert list(words.values()) == ["meetings", "planned", "2000", "people"]
    assert list(words) == [vocabulary.term(w) for w in words.values()]


def test_a_full_vocabulary_reads_new_words_the_same(monkeypatch):
    """Past MAX_VOCABULARY new words are no longer remembered, but a passage's terms and ids come out the same."""
    from newsdiff.text.alignment import terms as terms_module
    from newsdiff.text.alignment.terms import Vocabulary

    text = "Meetings were planned; the meeting was planned for 2,000 people, meetings said."
    roomy = Vocabulary().terms(text)
    monkeypatch.setattr(terms_module, "MAX_VOCABULARY", 0)
    full = Vocabulary()
    assert list(full.terms(text).items()) == list(full.terms(text).items()) == list(roomy.items())
    assert full.term_of_word == {}


def test_a_wire_dateline_opening_the_story_gives_no_terms():
    """"PORT CALDER (Coastline Press) — " is where the story was filed: the lead is scored without it, and its text
    is kept whole; the same words later in the story, or a name before a dash, still count."""
    side = analyse([P("PORT CALDER (Coastline Press) — Amina Sayeed won the vote."),
                    P("Lindford -- Results came late. Officials said so."),
                    P("PORT CALDER — Turnout was low.")])
    assert sorted(side.words[0].values()) == ["amina", "sayeed", "vote", "won"]
    assert side.texts[0].startswith("PORT CALDER (Coastline Press) —")
    assert "lindford" in side.words[1].values()  # no capitals, no agency: not a dateline
    assert "calder" in side.words[2].values()  # past the story's opening
    caps = analyse([P("NEW YORK - Results came late. Officials said so.")])
    assert "york" not in caps.words[0].values() and all("york" not in " ".join(s) for s in caps.sentence_texts[0])
    named = analyse([P("Trump — who spoke first — said the talks went well.")])
    assert "trump" in named.words[0].values()


def test_a_mostly_quoted_passage_keeps_its_quoted_terms():
    """A passage whose closed quotation gives half its terms or more records them; a short scare quote, an
    unclosed quote or no quote records none."""
    side = analyse([P('"Nobody wants to see empty bus stops," union president Daniel Okafor said.'),
                    P('Trump said he had a "very productive" call with Sheinbaum about trade and security.'),
                    P('The rules “set to go into effect before the new government takes office, critics said.'),
                    P("The walkout began on Monday.")])
    assert sorted(side.words[0][t] for t in side.quoted[0]) == ["bus", "empty", "nobody", "see", "stops", "wants"]
    assert side.quoted[1:] == [frozenset()] * 3


def test_event_terms_are_past_tense_verbs_and_nominalisations_sharing_the_verbs_stem():
    """"escaped" and "announcement" are written as events, and their stems are the verb's, so "the escape" of another
    account shares the term; names, plain nouns and -ing words ("borrowing costs") are not events; nor is anything
    outside English."""
    side = analyse([P("The inmate escaped on Monday after the announcement."), P("Higher borrowing costs hit firms."),
                    P("The escape was announced.")])
    events = {side.words[0][t] for t in event_terms(side, 0)}
    assert events == {"escaped", "announcement"}
    assert not event_terms(side, 1)
    assert VOCABULARY.term("escape") in event_terms(side, 0)  # "escape" / "escaped": one stem
    assert VOCABULARY.term("announce") in event_terms(side, 0) and VOCABULARY.term("escape") not in event_terms(side, 2)
    assert not event_terms(analyse([P("El preso escapó tras la explosión.")], language="es"), 0)


def test_a_passage_quoting_in_single_marks_keeps_its_quoted_terms_as_one_in_double_marks():
    """A British account quoting in single marks (‘...’ or '...') is read as an American one in double marks: the
    same quoted terms, the same "mostly a quotation"; apostrophes ("drivers' union", "don't") quote nothing."""
    side = analyse([P('"Nobody wants to see empty bus stops," union president Daniel Okafor said.'),
                    P("‘Nobody wants to see empty bus stops,’ union president Daniel Okafor said."),
                    P("'Nobody wants to see empty bus stops,' union president Daniel Okafor said."),
                    P("Okafor said the drivers' union won't see empty bus stops, and the owners’ offer was poor.")])
    assert side.quoted[0] and side.quoted[1] == side.quoted[0] and side.quoted[2] == side.quoted[0]
    assert side.quotations[:3] == side.quoted[:3]
    assert side.quoted[3] == frozenset() and side.quotations[3] == frozenset()


def test_a_quotation_of_three_words_or_more_is_a_statement_a_shorter_one_is_not():
    """`Side.quotations` holds the terms of statements (STATEMENT_WORDS written words or more), not of a scare quote
    or a title; `Side.quoted` holds every quotation's terms when they are most of the passage."""
    side = analyse([P("Trump said he had a ‘very productive’ call with Sheinbaum about trade and security."),
                    P("She said her brother had too much 'common sense' to point a gun, and was 'grabbing his belt'."),
                    P("'Completely false'")])
    assert side.quotations[0] == frozenset() and side.quoted[0] == frozenset()
    assert sorted(side.words[1][t] for t in side.quotations[1]) == ["belt", "grabbing"]
    assert side.quotations[2] == frozenset() and sorted(side.words[2][t] for t in side.quoted[2]) == [
        "completely", "false"]
