"""Load the hand-written real-looking gold alignments in tests/text/gold/real/ (see its README.md).

    from tests.text.gold_real import load_real_golds
    for pair in load_real_golds():          # sorted by name
        pair.name, pair.split               # "court_rent_cap", "dev" | "heldout"
        pair.a, pair.b                      # segmented accounts, as the app splits an upload
        pair.gold                           # the gold dict (links, acceptable, decoys, unique, ...)
        is_fresh(pair.gold)                 # True for the fresh held-out sets (those of FRESH_SETS)
        fresh_set(pair.gold)                # which of them ("s20b", "s21"), or None
        pair.find("a", "snippet")           # indices of the alignable passages of side a holding the snippet

Only "claim" and "quote" passages are alignable; gold snippets name exactly one of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from newsdiff.text.pipeline import split_upload

REAL_GOLD_DIR = Path(__file__).resolve().parent / "gold" / "real"
ALIGNABLE = frozenset({"claim", "quote"})
# Held-out golds of these sets ("fresh_set", or "s<session>") were written after the last tuning; each set is
# reported on its own bench row, in this order (s21 was written in session 21 beside s20b, which stays clean).
FRESH_SETS = ("s20b", "s21")
# Each earlier fresh set became dev once its figures had been read or its misses opened (its golds carry
# "was_heldout"); each keeps its own bench row, so the older rows stay comparable from session to session.
FORMER_FRESH_SESSIONS = {18: "s19", 19: "s20", 20: "s20b"}  # a set's session: the set that replaced it


@dataclass(frozen=True)
class RealGold:
    """One gold pair: its name, split, both segmented accounts and the gold dict."""

    name: str
    split: str
    a: list
    b: list
    gold: dict
    path: Path

    def find(self, side: str, snippet: str) -> set[int]:
        """Return the indices of alignable passages of `side` ("a" or "b") whose text contains `snippet`."""
        passages = self.a if side == "a" else self.b
        return {i for i, p in enumerate(passages) if p.kind in ALIGNABLE and snippet in p.text}

    def pairs(self, entry: dict) -> set[tuple[int, int]]:
        """Return the (a index, b index) pairs a links/acceptable/decoys entry names."""
        ia = set().union(*(self.find("a", s) for s in entry["a"]))
        ib = set().union(*(self.find("b", s) for s in entry["b"]))
        return {(i, j) for i in ia for j in ib}


def load_pair(gold_path: Path) -> RealGold:
    """Load one gold JSON file and segment the two accounts it names (files beside it)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    language = gold.get("language", "en")  # Spanish golds say so; the others are English
    a, b = (split_upload((gold_path.parent / gold[side]).read_bytes(), gold[side], language=language).segments
            for side in "ab")
    return RealGold(name=gold_path.stem, split=gold["split"], a=a, b=b, gold=gold, path=gold_path)


def load_real_golds(split: str | None = None) -> list[RealGold]:
    """Return every real gold pair sorted by name, or only those of `split` ("dev" or "heldout")."""
    pairs = [load_pair(path) for path in sorted(REAL_GOLD_DIR.glob("*.json"))]
    return [pair for pair in pairs if split is None or pair.split == split]


def fresh_set(gold: dict) -> str | None:
    """Return the fresh held-out set (one of FRESH_SETS) a gold belongs to, or None if it belongs to none."""
    name = gold.get("fresh_set", f"s{gold.get('session')}")
    return name if name in FRESH_SETS and gold["split"] == "heldout" else None


def is_fresh(gold: dict) -> bool:
    """Return whether a gold belongs to a fresh held-out set, written after the last tuning (nothing tuned on it)."""
    return fresh_set(gold) is not None


def is_dev19(gold: dict) -> bool:
    """Return whether a gold is one of the development pairs written in session 19 (`*_dev19`)."""
    return gold.get("session") == 19 and gold["split"] == "dev" and "was_heldout" not in gold


def is_former_fresh(gold: dict, session: int | None = None) -> bool:
    """Return whether a gold was a fresh held-out set (of `session`, or of any session), dev since it was read."""
    return "was_heldout" in gold and (session is None or gold.get("session") == session)


def summary_row(pair: RealGold) -> str:
    """Return the pair's row of the README table (see the README for the columns)."""
    gold = pair.gold
    sizes = [sum(p.kind in ALIGNABLE for p in passages) for passages in (pair.a, pair.b)]
    conflicts = [link["conflict_kind"] for link in gold["links"] if link["label"] == "conflict"]
    uniques = [len(gold["unique"][side]) for side in "ab"]
    return (f"| {pair.name} | {gold['kind']} | {sizes[0]}/{sizes[1]} | {len(gold['links'])} "
            f"| {len(conflicts)} ({', '.join(conflicts)}) | {len(gold['decoys'])} | {uniques[0]}/{uniques[1]} "
            f"| {pair.split} |")


if __name__ == "__main__":  # python -m tests.text.gold_real prints the README table
    print("| pair | kind | sentences a/b | links | conflicts (kinds) | decoys | uniques a/b | split |")
    print("|---|---|---|---|---|---|---|---|")
    for gold_pair in load_real_golds():
        print(summary_row(gold_pair))
