"""Word-by-word diffs and passage pairing between two versions of an account."""

import itertools
import random

from newsdiff.text.versiondiff import (
    EDIT_THRESHOLD,
    DiffChunk,
    diff_counts,
    pair_passages,
    similarity,
    word_diff,
    words,
)


def test_words_keep_their_whitespace():
    """Joining the tokens gives back the text exactly."""
    text = "  One two,\n\nthree.  "
    assert "".join(words(text)) == text
    assert [w.strip() for w in words(text) if w.strip()] == ["One", "two", ",", "three", "."]


def test_word_diff_marks_replaced_inserted_and_deleted_words():
    """One word replaced, one added and one removed show as three changes; the rest is equal."""
    old = "The minister said the talks were frank and useful."
    new = "The minister said the talks were honest and very useful today."
    chunks = word_diff(old, new)
    assert "".join(c.old for c in chunks) == old
    assert "".join(c.new for c in chunks) == new
    changes = [(c.op, c.old.strip(), c.new.strip()) for c in chunks if c.op != "equal"]
    assert changes == [("replace", "frank", "honest"), ("insert", "", "very"), ("insert", "", "today")]
    assert diff_counts(chunks) == {"added": 3, "removed": 1}


def test_word_diff_ignores_whitespace_only_changes():
    """Re-wrapped lines are not a change."""
    assert [c.op for c in word_diff("a b\nc", "a  b c")] == ["equal"]


def test_word_diff_of_identical_and_empty_texts():
    assert word_diff("same text", "same text") == [DiffChunk("equal", "same text", "same text")]
    assert word_diff("", "") == []
    assert word_diff("", "new words") == [DiffChunk("insert", "", "new words")]


OLD = [
    "Border talks end without a deal.",
    "Negotiators left the summit on Tuesday without agreeing on a new tariff schedule.",
    "The delegations met for six hours in Monterrey.",
    "Officials agreed to expand cooperation on cartel violence.",
    "Business groups urged an agreement before the harvest.",
]
NEW = [
    "Border talks end without a deal.",
    "Negotiators left the summit on Wednesday without agreeing on a new tariff schedule.",
    "Officials agreed to expand cooperation on cartel violence.",
    "The peso fell two percent after the talks ended.",
    "Business groups urged an agreement before the harvest.",
]


def test_pair_passages_same_edited_removed_added():
    """Identical text is same, a reworded sentence is edited, a dropped one removed, a new one added."""
    pairs = pair_passages(OLD, NEW)
    summary = [(p.status, p.old, p.new) for p in pairs]
    assert summary == [
        ("same", 0, 0),
        ("edited", 1, 1),
        ("removed", 2, None),
        ("same", 3, 2),
        ("added", None, 3),
        ("same", 4, 4),
    ]
    edited = pairs[1]
    assert EDIT_THRESHOLD <= edited.score < 100


def test_pair_passages_each_passage_once():
    """Two near-identical new passages cannot both claim one old passage."""
    pairs = pair_passages(["The minister spoke on Tuesday."], ["The minister spoke on Monday.", "The minister spoke on Friday."])
    assert [p.status for p in pairs].count("edited") == 1
    assert [p.status for p in pairs].count("added") == 1


def test_pair_passages_moved_identical_passage_is_same():
    """A paragraph moved elsewhere in the text is still the same passage."""
    pairs = pair_passages(["A first claim here.", "B second claim here.", "C third one."],
                          ["C third one.", "A first claim here.", "B second claim here."])
    assert sorted((p.old, p.new) for p in pairs if p.status == "same") == [(0, 1), (1, 2), (2, 0)]


def test_pair_passages_repeated_text_pairs_in_order():
    """A repeated line (e.g. a sign-off) pairs with its counterpart in order."""
    pairs = pair_passages(["Read more.", "Claim one.", "Read more."], ["Read more.", "Claim one.", "Read more."])
    assert [(p.status, p.old, p.new) for p in pairs] == [("same", 0, 0), ("same", 1, 1), ("same", 2, 2)]


def test_unrelated_sentences_do_not_pair():
    """A rewritten sentence about something else is removed + added, never edited."""
    pairs = pair_passages(["Officials agreed to expand cooperation on cartel violence."],
                          ["The peso fell two percent after the talks ended."])
    assert [p.status for p in pairs] == ["removed", "added"]


def test_empty_versions():
    assert pair_passages([], []) == []
    assert [p.status for p in pair_passages([], ["New."])] == ["added"]
    assert [p.status for p in pair_passages(["Old."], [])] == ["removed"]


def _sentences(seeds_dir) -> list[str]:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    found = []
    for path in sorted(seeds_dir.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            found += [s.strip() for s in segmenter.segment(paragraph) if len(s.split()) >= 6]
    return found


def test_threshold_separates_light_edits_from_different_sentences(seeds_dir):
    """Measured on the seed articles: no two different sentences reach the threshold; light edits all do."""
    sentences = _sentences(seeds_dir)
    assert len(sentences) > 20
    unrelated = max(similarity(a, b) for a, b in itertools.combinations(sentences, 2))
    assert unrelated < EDIT_THRESHOLD
    rng = random.Random(7)
    fillers = ["officials", "government", "border", "announced", "Tuesday", "statement"]
    for sentence in sentences:
        tokens = sentence.split()
        tokens[rng.randrange(len(tokens))] = rng.choice(fillers)
        assert similarity(sentence, " ".join(tokens)) >= EDIT_THRESHOLD, sentence
        assert similarity(sentence, sentence.rstrip(".") + ", officials said on Tuesday.") >= EDIT_THRESHOLD
