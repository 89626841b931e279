"""Tests for the alignment engine: seed- and demo-pair quality against gold alignments, invariants and cues."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsdiff.text.align import Alignment, Link, align
from newsdiff.text.cues import CONFLICT_PREFIXES
from tests.text.gold_real import is_dev19, is_former_fresh, load_real_golds
from tests.text.gold_scoring import Tally, find, score_snippet_gold
from newsdiff.text.pipeline import split_upload
from newsdiff.text.segment import segment

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
GOLD = Path(__file__).resolve().parent / "gold" / "seed_alignment.json"
DEMO_GOLD = Path(__file__).resolve().parent / "gold" / "demo_alignment.json"
DEMO_DIR = Path(__file__).resolve().parents[2] / "newsdiff" / "demo"
ALIGNABLE = {"claim", "quote"}

# Floors = what the engine reaches on each development gold (figures in tests/text/gold_scoring.py),
# set at the measured values, not above. Raise them when the engine improves; never lower them silently.
# (seed: 5/9 links, precision 0.83, its conflict found by the schedule cue: "slated for later this
# month" / "no timetable was announced"; demo: 4/7 links, both conflicts, precision and uniques kept 1.00
# since session 19: its one wrong link, a sentence that repeated what the lead's best partner shares, is gone.
# Default engine, with the shipped English model.)
FLOORS = {
    "seed": {"link_recall": 0.55, "link_precision": 0.83, "uniques_kept": 0.77, "conflicts_found": 1.0},
    "demo": {"link_recall": 0.57, "link_precision": 1.0, "uniques_kept": 1.0, "conflicts_found": 1.0},
}


@dataclass(frozen=True)
class P:
    """A minimal passage for crafted inputs."""

    text: str
    kind: str = "claim"


def load_demo_pair() -> tuple[list, list]:
    """Return the demo accounts (side a, side b) that load_demo ships, split as the app splits an upload."""
    gold = json.loads(DEMO_GOLD.read_text(encoding="utf-8"))
    return tuple(split_upload((DEMO_DIR / gold[side]).read_bytes(), gold[side]).segments
                 for side in "ab")


def load_seed_pair() -> tuple[list, list]:
    """Return the segmented seed accounts (side a, side b), skipping when the seeds are absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}; the gold-alignment test needs them")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    a = segment((SEEDS / gold["a"]).read_text(encoding="utf-8"))
    b = segment((SEEDS / gold["b"]).read_text(encoding="utf-8"))
    return a, b


def evaluate(a: list, b: list, result: Alignment, gold_path: Path = GOLD) -> dict[str, float | None]:
    """Score an alignment against a snippet gold file."""
    return score_snippet_gold(a, b, result, json.loads(gold_path.read_text(encoding="utf-8"))).figures()


@pytest.mark.parametrize("which", ["seed", "demo"])
def test_gold_snippets_name_alignable_passages(which):
    """Every gold snippet still names at least one claim/quote passage after segmentation."""
    a, b = load_seed_pair() if which == "seed" else load_demo_pair()
    gold = json.loads((GOLD if which == "seed" else DEMO_GOLD).read_text(encoding="utf-8"))
    entries = gold["links"] + gold["acceptable"]
    for side, passages in (("a", a), ("b", b)):
        snippets = [s for e in entries for s in e[side]] + gold["unique"][side]
        missing = [s for s in snippets if not find(passages, s)]
        assert not missing, f"gold snippets on side {side} match no claim/quote passage: {missing}"


@pytest.mark.parametrize("which", ["seed", "demo"])
def test_alignment_meets_quality_floors(which):
    """The seed and demo pairs align with at least the measured figures on their golds."""
    a, b = load_seed_pair() if which == "seed" else load_demo_pair()
    result = align(a, b)
    _check_invariants(a, b, result)
    scores = evaluate(a, b, result, GOLD if which == "seed" else DEMO_GOLD)
    for name, floor in FLOORS[which].items():
        assert scores[name] >= floor, (name, scores)


def test_demo_headline_conflict_names_both_durations():
    """The demo's headline conflict (fifteen vs ten minutes, in words) is linked and explained."""
    a, b = load_demo_pair()
    links = [l for l in align(a, b).links
             if "fifteen minutes" in a[l.a[0]].text and "ten minutes" in b[l.b[0]].text]
    assert len(links) == 1 and links[0].label == "conflict", links
    assert 'numbers differ: "fifteen minutes" vs "ten minutes"' in links[0].reasons


def test_seed_links_name_shared_words():
    """Every seed link explains itself with the rare words the two passages share."""
    a, b = load_seed_pair()
    for link in align(a, b).links:
        assert any(r.startswith("shares rare words: ") for r in link.reasons), link


def _check_invariants(a: list, b: list, result: Alignment) -> None:
    """Assert coverage, exclusivity and kind rules of an alignment."""
    for side, passages, unique in (("a", a, result.unique_a), ("b", b, result.unique_b)):
        linked = {k for link in result.links for k in getattr(link, side)}
        for k, p in enumerate(passages):
            if p.kind in ALIGNABLE:
                assert (k in linked) != (k in unique), (side, k, p)
            else:
                assert k not in linked and k not in unique, (side, k, p)
    for link in result.links:
        assert link.a and link.b
        assert 0 <= link.score <= 100 and link.score == round(link.score, 1)
        assert link.label in {"match", "conflict"}
        assert (link.label == "conflict") == any(r.startswith(CONFLICT_PREFIXES) for r in link.reasons)


def test_seed_alignment_invariants():
    """Seed passages: headings/boilerplate untouched, each claim either linked or unique, not both."""
    a, b = load_seed_pair()
    _check_invariants(a, b, align(a, b))


def test_headings_and_boilerplate_never_linked_or_unique():
    """Identical headings and boilerplate on both sides are neither linked nor unique."""
    a = [P("Security and trade on the agenda", "heading"), P("© 2026 Newsmax. All rights reserved.", "boilerplate"),
         P("The cartel violence in Sinaloa displaced thousands of families this spring.")]
    b = [P("Security and trade on the agenda", "heading"), P("© 2026 Newsmax. All rights reserved.", "boilerplate"),
         P("Thousands of families fled cartel violence in Sinaloa this spring.")]
    result = align(a, b)
    _check_invariants(a, b, result)
    assert [(l.a, l.b) for l in result.links] == [([2], [2])]
    assert result.unique_a == [] and result.unique_b == []


def test_every_claim_is_covered():
    """A mix of related and unrelated claims and quotes is fully covered by links and uniques."""
    a = [P("Floods in Valencia killed 200 people after torrential rain."),
         P("The regional government was criticised for a late alert.", "claim"),
         P("Volunteers cleared mud from the streets of Paiporta.", "claim"),
         P('"We were abandoned," one resident said.', "quote")]
    b = [P("Torrential rain caused floods in Valencia that killed 200 people."),
         P("The king visited Paiporta and was pelted with mud.", "claim"),
         P("Tourism bookings rose sharply in Andalusia.", "claim")]
    result = align(a, b)
    _check_invariants(a, b, result)
    assert ([0], [0]) in [(l.a, l.b) for l in result.links]
    assert 2 in [k for l in result.links for k in l.b] or 2 in result.unique_b


def test_empty_inputs():
    """Two empty accounts give an empty alignment."""
    result = align([], [])
    assert result.to_dict() == {"links": [], "unique": {"a": [], "b": []}}


def test_one_side_empty_makes_everything_unique():
    """With nothing on one side, every claim/quote on the other is unique; headings are not."""
    a = [P("Title", "heading"), P("The minister resigned on Monday."), P('"I am leaving," she said.', "quote")]
    result = align(a, [])
    assert result.links == [] and result.unique_a == [1, 2] and result.unique_b == []
    result = align([], a)
    assert result.unique_b == [1, 2] and result.unique_a == []


def test_alignment_is_deterministic():
    """Aligning the same inputs twice gives identical output."""
    a, b = load_seed_pair()
    assert align(a, b).to_dict() == align(a, b).to_dict()


def test_to_dict_shape():
    """to_dict exposes exactly the documented keys."""
    result = Alignment(links=[Link(a=[1], b=[2], score=42.0, label="match", reasons=["x"])],
                       unique_a=[3], unique_b=[])
    assert result.to_dict() == {
        "links": [{"a": [1], "b": [2], "score": 42.0, "label": "match", "reasons": ["x"]}],
        "unique": {"a": [3], "b": []},
    }


def _single_link(text_a: str, text_b: str) -> Link:
    """Align two one-passage accounts and return their only link."""
    result = align([P(text_a)], [P(text_b)])
    assert len(result.links) == 1, result
    return result.links[0]


def test_unrelated_passages_stay_unique():
    """Passages about different things are not linked just because they share names."""
    a = [P("Trump and Sheinbaum discussed fentanyl trafficking across the border."),
         P("Sheinbaum said Mexico would protect its sovereignty."),
         P("Trump praised the economy of Mexico.")]
    b = [P("Trump said Sheinbaum is a wonderful and highly intelligent leader."),
         P("The White House did not release transcripts of the Trump call with Sheinbaum."),
         P("Trump and Sheinbaum discussed trafficking of fentanyl across the border.")]
    result = align(a, b)
    assert [(l.a, l.b) for l in result.links] == [([0], [2])]
    assert result.unique_a == [1, 2] and result.unique_b == [0, 1]


# Real-looking development golds (tests/text/gold/real/, "split": "dev"), pooled, with the default
# engine (the shipped English model on); measured 2026-11-29: link recall 0.86, precision 0.946,
# uniques kept 0.96, conflicts found 0.90, conflict-label precision 0.90 (lexical only: 0.84, 0.956,
# 0.98: the model adds one right link and one wrong, a dateline lede). Session 18 added two dev pairs
# (`*_dev18`); with them the engine of d8b754d measured recall 0.842, precision 0.946, uniques 0.971,
# conflicts found 0.857, conflict precision 0.96, and the ordinal-head cue of session 18 0.842, 0.946,
# 0.971, 0.893, 1.00. Session 19's precision rules (one-sided pairs must add to the best pair, wire datelines, quotes
# sharing only the speaker): 0.842, 0.984, 0.986, 0.893, 1.00. The held-out half is reported by
# bench/align_quality.py only. Session 18's fresh set, dev since session 19, has floors of its own (below), so
# these stay comparable; session 19's new dev pairs (`*_dev19`) have floors of their own (below). Session 20's
# conflict partners (alignment/conflicting.py): 0.863, 0.984, 0.986, 1.00, 1.00.
REAL_DEV_FLOORS = {"link_recall": 0.86, "link_precision": 0.98, "uniques_kept": 0.98, "conflicts_found": 1.0,
                   "conflict_precision": 0.96}
# Session 18's fresh set (aviation, merger, science; dev since session 19): measured 2026-11-29 before session 19's
# precision rules, recall 0.873, precision 0.917, uniques 0.882, conflicts found 0.50, conflict precision 1.00;
# after them 0.873, 0.965, 0.941, 0.50, 1.00; session 20's conflict partners: 0.889, 0.966, 0.941, 0.83, 1.00.
S18_SET_FLOORS = {"link_recall": 0.88, "link_precision": 0.96, "uniques_kept": 0.94, "conflicts_found": 0.83,
                  "conflict_precision": 1.0}
# Session 19's dev pairs (`*_dev19`: a brief against a feature five times longer, and a housing pair): measured
# 2026-11-29 (session 20, with the conflict partners) recall 0.743, precision 0.839, uniques 0.897; after two
# quotations of one speaker sharing no quoted word and, between accounts of lopsided lengths, pairs sharing only
# names stopped linking: 0.743, 0.929, 0.966 (the baseline: 0.657, 1.00, 1.00); with the cue-backed partners
# (s20-link2): 0.771, 0.931, 0.966.
DEV19_FLOORS = {"link_recall": 0.77, "link_precision": 0.93, "uniques_kept": 0.96}


# Session 19's fresh set (dev since session 20) and session 19's dev pairs (`*_dev19`): conflict floors only, measured
# 2026-11-29 with session 20's conflict labels (fractions as shares, implicative negatives, negated statements
# compared without their sources, ordinals of one tally in other words): s19 set conflicts found 0.857, conflict
# precision 0.923 (main before: 0.571, 0.800); *_dev19 0.643, 0.900 (main before: 0.500, 0.875). Session 20's
# cue-backed partners (alignment/conflicting.py, s20-link2): s19 set 0.929, 0.929; *_dev19 0.714, 0.909.
S19_SET_CONFLICT_FLOORS = {"conflicts_found": 0.92, "conflict_precision": 0.92}
DEV19_CONFLICT_FLOORS = {"conflicts_found": 0.71, "conflict_precision": 0.9}
# Session 20's first fresh set (dev since s20b was written): conflict floors, measured 2026-11-29 on main b3bf0a9
# (s20-bank2 merged) 0.357, 0.833; with quantities read across units, scale words and synonym nouns (s20-qty2: "a
# 900-megawatt reactor" / "a 1.1-gigawatt unit", "£48 million" / "eighty-four million pounds") 0.500, 0.875.
S20_SET_CONFLICT_FLOORS = {"conflicts_found": 0.5, "conflict_precision": 0.87}


def _pooled_dev_figures(pick) -> dict:
    """Align the English development pairs `pick(gold)` accepts and pool their figures."""
    total = Tally()
    for pair in load_real_golds("dev"):
        if pair.gold.get("language", "en") != "en" or not pick(pair.gold):
            continue  # the Spanish development pair has floors of its own (below)
        result = align(pair.a, pair.b)
        _check_invariants(pair.a, pair.b, result)
        total.add(score_snippet_gold(pair.a, pair.b, result, pair.gold))
    return total.figures()


def test_real_dev_golds_meet_quality_floors():
    """The hand-written development pairs, pooled, align with at least the measured figures."""
    scores = _pooled_dev_figures(lambda gold: not is_former_fresh(gold) and not is_dev19(gold))
    for name, floor in REAL_DEV_FLOORS.items():
        assert scores[name] >= floor, (name, scores)


def test_session_19_dev_pairs_meet_their_quality_floors():
    """Session 19's development pairs (`*_dev19`), pooled, align with at least the measured figures."""
    scores = _pooled_dev_figures(is_dev19)
    for name, floor in DEV19_FLOORS.items():
        assert scores[name] >= floor, (name, scores)


@pytest.mark.parametrize("pick, floors", [
    (lambda gold: is_former_fresh(gold, session=19), S19_SET_CONFLICT_FLOORS),
    (is_dev19, DEV19_CONFLICT_FLOORS),
    (lambda gold: is_former_fresh(gold, session=20), S20_SET_CONFLICT_FLOORS),
], ids=["s19-set", "dev19", "s20-set"])
def test_session_19_pairs_meet_their_conflict_floors(pick, floors):
    """Session 19's fresh set and dev pairs, session 20's first fresh set, pooled, find and label conflicts with at
    least the measured figures."""
    scores = _pooled_dev_figures(pick)
    for name, floor in floors.items():
        assert scores[name] >= floor, (name, scores)


# Session 20's first fresh set (`*_s20`, dev since session 20's second set was written): conflict floors only,
# measured 2026-11-29: main at 58c299f conflicts found 0.214, conflict precision 0.750 (a decoy labelled: one person
# named with her company and title, then by surname); with the speaker reading of s20-speaker (a quotation inside the
# other side's longer one, any verb of speech, what a speaker works for not taken for the speaker): 0.357, 1.00.
S20_SET_CONFLICT_FLOORS = {"conflicts_found": 0.35, "conflict_precision": 1.0}


def test_session_20_set_meets_its_conflict_floors():
    """Session 20's first fresh set, pooled, finds and labels conflicts with at least the measured figures."""
    scores = _pooled_dev_figures(lambda gold: is_former_fresh(gold, session=20))
    for name, floor in S20_SET_CONFLICT_FLOORS.items():
        assert scores[name] >= floor, (name, scores)


def test_session_18_set_meets_its_quality_floors():
    """Session 18's fresh set, development since session 19, pooled, aligns with at least the measured figures."""
    scores = _pooled_dev_figures(lambda gold: is_former_fresh(gold, session=18))
    for name, floor in S18_SET_FLOORS.items():
        assert scores[name] >= floor, (name, scores)


# The Spanish development pair (es_apagon_ciudad), read with the Spanish rules; measured 2026-11-29: link recall
# 0.89, precision 1.00, uniques kept 1.00, conflicts found 1.00 (6 of 6), conflict-label precision 0.86; 1.00 since
# session 18 reads "no se veía un apagón tan extenso desde 2019" as a record, not a denial.
SPANISH_DEV_FLOORS = {"link_recall": 0.85, "link_precision": 0.95, "uniques_kept": 0.95, "conflicts_found": 1.0,
                      "conflict_precision": 0.95}


def test_spanish_dev_gold_meets_quality_floors():
    """The Spanish development pair aligns with at least the measured figures (the held-out one is bench-only)."""
    [pair] = [p for p in load_real_golds("dev") if p.gold.get("language") == "es"]
    result = align(pair.a, pair.b, language_a="es")
    _check_invariants(pair.a, pair.b, result)
    scores = score_snippet_gold(pair.a, pair.b, result, pair.gold).figures()
    for name, floor in SPANISH_DEV_FLOORS.items():
        assert scores[name] >= floor, (name, scores)


def test_quoted_sentence_inside_a_longer_passage_links():
    """A sentence quoted word for word inside a three-sentence passage links, and says so."""
    a = [P('"A city that cannot keep its residents housed cannot govern itself," Costa wrote.', "quote"),
         P("The ruling takes effect next month."), P("Landlords said they would appeal to the federal courts.")]
    b = [P('"The question before us is not whether rent regulation is wise. It is whether the city may adopt it. '
           'A city that cannot keep its residents housed cannot govern itself."', "quote"),
         P("Tenants celebrated outside the courthouse."), P("The mayor thanked the justices.")]
    result = align(a, b)
    link = next(l for l in result.links if l.a == [0])
    assert link.b == [0] and "same sentence on both sides" in link.reasons
    assert link.label == "match", link.reasons  # the "not" is in a sentence a does not quote


def test_short_quote_with_one_content_word_links():
    """A four-word quoted question with one content word links to the passage that holds it."""
    a = [P('"Where is the money?" the senator asked the minister.', "quote"), P("The hearing lasted four hours."),
         P("The budget office declined to comment.")]
    b = [P('Opposition members shouted "Where is the money?" as the minister left.', "quote"),
         P("Protesters gathered outside parliament."), P("The vote was postponed to Friday.")]
    assert ([0], [0]) in [(l.a, l.b) for l in align(a, b).links]


def test_lopsided_lengths_do_not_link_unrelated_sentences():
    """One account nine times longer: sentences sharing only a name and a number stay apart."""
    short = [P("Mayor Reed lost the election to Ana Costa by 2,000 votes."), P("Costa will take office in January.")]
    filler = [P(f"The {w} committee of the council reviewed item {k} of the budget on Tuesday.")
              for k, w in enumerate(["finance", "housing", "transport", "parks", "water", "schools", "health",
                                     "culture", "safety", "planning", "sports", "archives", "ports", "roads",
                                     "energy", "waste", "markets", "libraries"])]
    long = filler + [P("Reed, who has served two terms, spoke to 2,000 supporters at the harbour.")]
    result = align(short, long)
    assert all(l.b != [len(long) - 1] for l in result.links), result.links


def test_result_does_not_depend_on_what_the_process_aligned_before():
    """The process-wide vocabulary only caches: a comparison aligns the same before and after others."""
    a = [P("Prices rose sharply in March, the statistics office said."), P("Rents climbed fastest in the capital.")]
    b = [P("The statistics office said prices had risen sharply in March."), P("Capital rents climbed the most.")]
    before = align(a, b).to_dict()
    align([P("Rising prices and a rise in rents: risen, rises, rose.")], [P("Rents rising, prices risen.")])
    assert align(a, b).to_dict() == before


@pytest.mark.parametrize("a, b, reason", [
    ("Smith finished third in the race on Sunday.", "Smith finished fourth in the race on Sunday.",
     'numbers differ: "finished third" vs "finished fourth"'),
    ("The Greens came third with 12 percent of the vote.", "The Greens came fourth with 12 percent of the vote.",
     'numbers differ: "came third" vs "came fourth"'),
])
def test_a_placing_stated_twice_with_two_values_is_a_conflict(a, b, reason):
    """Sport and election reports state a placing with the ordinal alone after a verb: two values are a conflict;
    two people of one race are not."""
    link, = align([P(a)], [P(b)]).links
    assert link.label == "conflict" and reason in link.reasons, link
    link, = align([P("Smith finished second in the race on Sunday.")],
                  [P("Jones finished third in the race on Sunday.")]).links
    assert link.label == "match", link
