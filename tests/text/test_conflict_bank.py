"""The conflict-label bank (tests/text/gold/conflict_bank.json) has the shape issue 10's measuring stick needs.

Only the bank's shape is checked here, never what the engine makes of it: bench/conflict_bank.py measures that.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

BANK = Path(__file__).resolve().parent / "gold" / "conflict_bank.json"
KINDS = {"money", "count", "duration", "percent", "compound", "ordinal", "date", "weekday", "negation", "speaker"}
PAIRS = json.loads(BANK.read_text(encoding="utf-8"))["pairs"]


def test_every_entry_has_the_fields_and_known_values():
    for pair in PAIRS:
        assert set(pair) == {"id", "kind", "label", "split", "a", "b", "why"}, pair.get("id")
        assert pair["kind"] in KINDS, pair["id"]
        assert pair["label"] in {"conflict", "agree"}, pair["id"]
        assert pair["split"] in {"dev", "heldout"}, pair["id"]


def test_ids_are_unique():
    counts = Counter(pair["id"] for pair in PAIRS)
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_sentence_is_a_non_empty_news_sentence():
    for pair in PAIRS:
        for side in ("a", "b"):
            words = pair[side].split()
            assert 12 <= len(words) <= 40, (pair["id"], side, len(words))
        assert pair["a"].strip() != pair["b"].strip(), pair["id"]
        assert pair["why"].strip(), pair["id"]


def test_at_least_ten_conflicts_and_ten_decoys_of_every_kind():
    counts = Counter((pair["kind"], pair["label"]) for pair in PAIRS)
    for kind in KINDS:
        for label in ("conflict", "agree"):
            assert counts[kind, label] >= 10, (kind, label, counts[kind, label])
    assert len(PAIRS) >= 200


def test_dev_and_held_out_halves_are_balanced_within_each_kind_and_label():
    counts = Counter((pair["kind"], pair["label"], pair["split"]) for pair in PAIRS)
    for kind in KINDS:
        for label in ("conflict", "agree"):
            dev, held = counts[kind, label, "dev"], counts[kind, label, "heldout"]
            assert dev >= 5 and held >= 5 and abs(dev - held) <= 1, (kind, label, dev, held)
