"""The hand-written real-looking golds (tests/text/gold/real/) resolve and have the shape issue 10 asks for."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.text.gold_real import (
    FRESH_SETS, REAL_GOLD_DIR, fresh_set, is_former_fresh, is_fresh, load_real_golds, summary_row,
)

CONFLICT_KINDS = {
    "money", "count", "duration", "percent", "compound", "ordinal", "date", "weekday", "negation", "speaker",
}
PAIRS = load_real_golds()


def _ids(pairs):
    return [pair.name for pair in pairs]


def _alignable(passages) -> int:
    return sum(p.kind in {"claim", "quote"} for p in passages)


def _entries(gold: dict):
    yield from (("links", e) for e in gold["links"])
    yield from (("acceptable", e) for e in gold.get("acceptable", []))
    yield from (("decoys", e) for e in gold.get("decoys", []))


@pytest.mark.parametrize("pair", PAIRS, ids=_ids(PAIRS))
def test_every_snippet_names_exactly_one_alignable_passage(pair):
    """Each snippet of links, acceptable, decoys and unique is found in one claim/quote passage, no more, no less."""
    problems = []
    for section, entry in _entries(pair.gold):
        for side in "ab":
            for snippet in entry[side]:
                if len(pair.find(side, snippet)) != 1:
                    problems.append((section, side, snippet, len(pair.find(side, snippet))))
    for side in "ab":
        for snippet in pair.gold["unique"][side]:
            if len(pair.find(side, snippet)) != 1:
                problems.append(("unique", side, snippet, len(pair.find(side, snippet))))
    assert problems == []


@pytest.mark.parametrize("pair", PAIRS, ids=_ids(PAIRS))
def test_gold_entries_are_well_formed(pair):
    """Labels are match/conflict, conflicts carry a known kind, decoys are match links, uniques link nowhere."""
    gold = pair.gold
    assert gold["split"] in {"dev", "heldout"} and gold["kind"] and gold["about"]
    for link in gold["links"]:
        assert link["label"] in {"match", "conflict"} and link["note"]
        assert (link.get("conflict_kind") in CONFLICT_KINDS) == (link["label"] == "conflict"), link
    match_pairs = [pair.pairs(link) for link in gold["links"] if link["label"] == "match"]
    for decoy in gold["decoys"]:
        assert pair.pairs(decoy) in match_pairs, decoy
    linked = {side: set() for side in "ab"}
    for section, entry in _entries(gold):
        for i, j in pair.pairs(entry):
            linked["a"].add(i)
            linked["b"].add(j)
    for side in "ab":
        unique = set().union(*(pair.find(side, s) for s in gold["unique"][side]))
        passages = pair.a if side == "a" else pair.b
        assert [passages[i].text for i in sorted(unique & linked[side])] == [], f"side {side}: unique yet linked"


@pytest.mark.parametrize("pair", PAIRS, ids=_ids(PAIRS))
def test_every_passage_is_linked_acceptable_or_unique(pair):
    """The gold is thorough: no claim or quote passage of either side is left unjudged."""
    judged = {side: set() for side in "ab"}
    for section in ("links", "acceptable"):
        for entry in pair.gold[section]:
            for i, j in pair.pairs(entry):
                judged["a"].add(i)
                judged["b"].add(j)
    for side in "ab":
        passages = pair.a if side == "a" else pair.b
        judged[side] |= set().union(*(pair.find(side, s) for s in pair.gold["unique"][side]))
        unjudged = [p.text for i, p in enumerate(passages) if p.kind in {"claim", "quote"} and i not in judged[side]]
        assert unjudged == [], side


@pytest.mark.parametrize("pair", PAIRS, ids=_ids(PAIRS))
def test_each_pair_is_long_enough_and_lives_up_to_its_traits(pair):
    """One side has 30+ sentences; 'lopsided' means 5x longer; 'heavy_overlap' means most of the shorter side links."""
    sizes = sorted([_alignable(pair.a), _alignable(pair.b)])
    assert sizes[1] >= 30
    traits = pair.gold["traits"]
    if "lopsided" in traits:
        assert sizes[1] >= 5 * sizes[0]
    if "heavy_overlap" in traits:
        shorter = "a" if _alignable(pair.a) <= _alignable(pair.b) else "b"
        linked = {(i if shorter == "a" else j) for link in pair.gold["links"] for i, j in pair.pairs(link)}
        assert len(linked) >= 0.7 * sizes[0]


def test_the_set_covers_the_kinds_of_event_and_conflict_the_issue_asks_for():
    """At least 8 pairs of different kinds; at least 12 conflicts of at least 8 kinds; decoys of several pairs."""
    assert len(PAIRS) >= 8
    kinds = [pair.gold["kind"] for pair in PAIRS]
    assert len(set(kinds)) == len(kinds)
    assert {"court", "election", "disaster", "economy", "diplomacy", "sport"} <= set(kinds)
    conflicts = Counter(link["conflict_kind"] for pair in PAIRS for link in pair.gold["links"]
                        if link["label"] == "conflict")
    assert sum(conflicts.values()) >= 12 and len(conflicts) >= 8, conflicts
    assert sum(bool(pair.gold["decoys"]) for pair in PAIRS) >= 6


def test_the_splits_are_balanced():
    """Half the pairs are dev, half held out; each half has a lopsided, a heavy-overlap and a verbatim-quote pair
    and conflicts of several kinds."""
    # Spanish golds are held out; the golds written in session 18 (the fresh held-out set, reported on its own rows,
    # and two more dev pairs, `*_dev18`) came after this balance was struck and are checked by the tests below.
    english = [pair for pair in PAIRS if pair.gold.get("language", "en") == "en" and "session" not in pair.gold]
    splits = Counter(pair.split for pair in english)
    assert splits["dev"] == splits["heldout"]
    for split in ("dev", "heldout"):
        pairs = [pair for pair in english if pair.split == split]
        traits = set().union(*(pair.gold["traits"] for pair in pairs))
        assert {"lopsided", "heavy_overlap", "verbatim_quote"} <= traits, split
        kinds = {link["conflict_kind"] for pair in pairs for link in pair.gold["links"] if link["label"] == "conflict"}
        assert len(kinds) >= 4, (split, kinds)


@pytest.mark.parametrize("name", FRESH_SETS)
def test_each_fresh_held_out_set_covers_what_issue_10_asks_for(name):
    """Each fresh set: 3+ held-out pairs of kinds no other gold has, a lopsided, a heavy-overlap, a paraphrase and
    a verbatim-quote pair, at least 8 conflicts of at least 8 kinds, and decoys in every pair."""
    fresh = [pair for pair in PAIRS if fresh_set(pair.gold) == name]
    other_kinds = {pair.gold["kind"] for pair in PAIRS if fresh_set(pair.gold) != name}
    assert len(fresh) >= 3
    assert all(pair.split == "heldout" and is_fresh(pair.gold) and pair.name.endswith(f"_{name}") for pair in fresh)
    assert {pair.gold["kind"] for pair in fresh} & other_kinds == set()
    traits = set().union(*(pair.gold["traits"] for pair in fresh))
    assert {"lopsided", "heavy_overlap", "paraphrase", "verbatim_quote"} <= traits
    conflicts = Counter(link["conflict_kind"] for pair in fresh for link in pair.gold["links"]
                        if link["label"] == "conflict")
    assert sum(conflicts.values()) >= 8 and len(conflicts) >= 8, conflicts
    assert all(pair.gold["decoys"] for pair in fresh)


def test_the_fresh_sets_are_told_apart_so_each_gets_its_own_bench_row():
    """Every fresh held-out gold belongs to exactly one of FRESH_SETS (its `fresh_set`), and no dev gold to any."""
    for pair in PAIRS:
        assert fresh_set(pair.gold) == (pair.gold.get("fresh_set") if is_fresh(pair.gold) else None)
        assert pair.split == "heldout" or not is_fresh(pair.gold)
    assert {fresh_set(pair.gold) for pair in PAIRS if is_fresh(pair.gold)} == set(FRESH_SETS)


def test_the_s21_set_is_what_session_21_asked_for():
    """s21: a lopsided recall story (30+ sentences on the long side, 5x the short one), a heavy-overlap results story
    (20+ sentences a side) whose one-sentence quotation sits inside a longer quotation passage of the other account,
    and a paraphrased courts/policing story; together at least 12 conflicts of all ten kinds, with decoys."""
    s21 = {pair.gold["kind"]: pair for pair in PAIRS if fresh_set(pair.gold) == "s21"}
    assert set(s21) == {"recall", "referendum", "policing"}
    assert all(pair.gold["session"] == 21 for pair in s21.values())
    recall = sorted([_alignable(s21["recall"].a), _alignable(s21["recall"].b)])
    assert "lopsided" in s21["recall"].gold["traits"] and recall[1] >= 30 and recall[1] >= 5 * recall[0]
    results = s21["referendum"]
    assert "heavy_overlap" in results.gold["traits"] and min(_alignable(results.a), _alignable(results.b)) >= 20
    quoted = [(results.a[i].text.split('"')[1], results.b[j].text.split('"')[1])
              for link in results.gold["links"] if link["label"] == "match" for i, j in results.pairs(link)
              if results.a[i].kind == results.b[j].kind == "quote"]
    assert any(inner in outer and outer.count(". ") >= 1 and len(outer) > len(inner) for inner, outer in quoted)
    assert "paraphrase" in s21["policing"].gold["traits"]
    conflicts = Counter(link["conflict_kind"] for pair in s21.values() for link in pair.gold["links"]
                        if link["label"] == "conflict")
    assert sum(conflicts.values()) >= 12 and set(conflicts) == CONFLICT_KINDS, conflicts
    assert all(len(pair.gold["decoys"]) >= 3 for pair in s21.values())


def test_session_18s_fresh_set_is_dev_now_that_its_misses_were_read():
    former = [pair for pair in PAIRS if pair.name.endswith("_s18")]
    assert len(former) == 3
    assert all(pair.split == "dev" and is_former_fresh(pair.gold, 18) and not is_fresh(pair.gold) for pair in former)


def test_session_20s_first_fresh_set_is_dev_now_that_its_misses_were_opened():
    former = [pair for pair in PAIRS if pair.name.endswith("_s20")]
    assert len(former) == 3
    assert all(pair.split == "dev" and is_former_fresh(pair.gold, 20) and not is_fresh(pair.gold) for pair in former)


def test_session_19s_fresh_set_is_dev_now_that_its_figures_were_read():
    former = [pair for pair in PAIRS if pair.name.endswith("_s19")]
    assert len(former) == 3
    assert all(pair.split == "dev" and is_former_fresh(pair.gold, 19) and not is_fresh(pair.gold) for pair in former)


def test_the_session_18_dev_pairs_are_dev_and_not_fresh():
    """The two dev pairs written in session 18 are tuned on, so they must never count as the fresh held-out set;
    together they plant at least 12 conflicts of at least 8 kinds and carry decoys."""
    dev18 = [pair for pair in PAIRS if pair.name.endswith("_dev18")]
    assert len(dev18) >= 2
    assert all(pair.split == "dev" and not is_fresh(pair.gold) for pair in dev18)
    conflicts = Counter(link["conflict_kind"] for pair in dev18 for link in pair.gold["links"]
                        if link["label"] == "conflict")
    assert sum(conflicts.values()) >= 12 and len(conflicts) >= 8, conflicts
    assert all(len(pair.gold["decoys"]) >= 4 for pair in dev18)


def test_the_session_19_dev_pairs_are_dev_and_not_fresh():
    """The two dev pairs written in session 19 are tuned on, so they must never count as the fresh held-out set
    (which is also marked session 19); together they plant at least 12 conflicts of all ten kinds, each pair with at
    least 4 decoys, and they are of kinds of event different from each other."""
    dev19 = [pair for pair in PAIRS if pair.name.endswith("_dev19")]
    assert len(dev19) >= 2
    assert all(pair.split == "dev" and pair.gold["session"] == 19 and not is_fresh(pair.gold) for pair in dev19)
    assert len({pair.gold["kind"] for pair in dev19}) == len(dev19)
    conflicts = Counter(link["conflict_kind"] for pair in dev19 for link in pair.gold["links"]
                        if link["label"] == "conflict")
    assert sum(conflicts.values()) >= 12 and set(conflicts) == CONFLICT_KINDS, conflicts
    assert all(len(pair.gold["decoys"]) >= 4 for pair in dev19)
    assert all(pair.gold["unique"]["a"] and pair.gold["unique"]["b"] for pair in dev19)


def test_the_readme_table_is_current():
    """The README's table has each pair's current row (regenerate it with `python -m tests.text.gold_real`)."""
    readme = (REAL_GOLD_DIR / "README.md").read_text(encoding="utf-8")
    assert [summary_row(pair) for pair in PAIRS if summary_row(pair) not in readme] == []
