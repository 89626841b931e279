"""Score an alignment against a gold: snippet golds (seed, demo, hand-written real pairs) and ECB+ pairs.

Shared by the quality tests (`tests/text/test_align_quality.py`) and the benchmark
(`bench/align_quality.py`), which also runs the baseline defined here. All figures are counts, so
pairs can be pooled: `Tally.add` then `Tally.figures()`.

Figures (the issue's names):
- link recall: gold links found (some proposed link joins a passage of each side of the gold link);
- link precision: proposed passage pairs on a gold link / (on gold + wrong); pairs the gold calls
  acceptable, or that touch an unjudged ECB+ sentence, count neither way;
- uniques kept: gold-unique passages the engine reports unique;
- conflicts found: gold conflict links found and labelled conflict;
- conflict precision: conflict-labelled proposed pairs on a gold conflict link / conflict-labelled
  pairs that are on gold or wrong (on ECB+ every gold link is a match, so every such label is false);
- conflict share: proposed links labelled conflict / all proposed links;
- decoys labelled: the gold's decoy pairs (differences that are not conflicts) labelled conflict.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from newsdiff.text.align import Alignment, Link

ALIGNABLE = {"claim", "quote"}
ECBPLUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "alignment" / "ecbplus_pairs.json"


@dataclass(frozen=True)
class P:
    """A passage for golds that come as plain lines."""

    text: str
    kind: str = "claim"


@dataclass
class Tally:
    """Counts behind the quality figures, summable over many pairs."""

    counts: Counter = field(default_factory=Counter)

    def add(self, other: "Tally") -> None:
        """Add another tally's counts to this one."""
        self.counts.update(other.counts)

    def figures(self) -> dict[str, float | None]:
        """Return the figures; None where the gold has nothing to measure."""
        c = self.counts

        def ratio(num: str, den: int) -> float | None:
            return c[num] / den if den else None

        return {
            "link_recall": ratio("gold_found", c["gold_links"]),
            "link_precision": ratio("on_gold", c["on_gold"] + c["wrong"]),
            "uniques_kept": ratio("unique_kept", c["gold_unique"]),
            "conflicts_found": ratio("conflicts_found", c["gold_conflicts"]),
            "conflict_precision": ratio("conflict_right", c["conflict_right"] + c["conflict_wrong"]),
            "conflict_share": ratio("conflict_links", c["links"]),
            "decoys_labelled": ratio("decoys_labelled", c["decoys"]),
            "links": c["links"],
        }


def _pairs(link: Link) -> set[tuple[int, int]]:
    return {(i, j) for i in link.a for j in link.b}


def score_pairs(result: Alignment, gold_links: list[tuple[set[tuple[int, int]], str]],
                acceptable: set[tuple[int, int]], unique: Iterable[int],
                judged_a: set[int] | None = None, judged_b: set[int] | None = None) -> Tally:
    """Count the figures for one alignment given gold links as passage-pair sets with their labels.

    With `judged_a`/`judged_b` (ECB+), a proposed pair off gold is wrong only when both of its
    passages are judged; otherwise every pair off gold and off `acceptable` is wrong.
    """
    c: Counter = Counter()
    required = set().union(*(g for g, _ in gold_links)) if gold_links else set()
    conflict_pairs = set().union(*(g for g, label in gold_links if label == "conflict")) if gold_links else set()
    c["gold_links"] = len(gold_links)
    for g, label in gold_links:
        hit = [link for link in result.links if _pairs(link) & g]
        c["gold_found"] += bool(hit)
        if label == "conflict":
            c["gold_conflicts"] += 1
            c["conflicts_found"] += any(link.label == "conflict" for link in hit)
    c["links"] = len(result.links)
    for link in result.links:
        c["conflict_links"] += link.label == "conflict"
        for pair in _pairs(link):
            if pair in required:
                on, wrong = True, False
            elif pair in acceptable:
                on = wrong = False
            elif judged_a is not None:
                on, wrong = False, pair[0] in judged_a and pair[1] in judged_b
            else:
                on, wrong = False, True
            c["on_gold"] += on
            c["wrong"] += wrong
            if link.label == "conflict" and (on or wrong):
                c["conflict_right" if pair in conflict_pairs else "conflict_wrong"] += 1
    unique = set(unique)
    reported = set(result.unique_a) | {("b", k) for k in result.unique_b}
    c["gold_unique"] = len(unique)
    c["unique_kept"] = len(unique & reported)
    return Tally(c)


# --- snippet golds (seed, demo, hand-written real pairs) -------------------------------------

def find(passages: list, snippet: str) -> set[int]:
    """Return the indices of alignable passages containing `snippet`."""
    return {i for i, p in enumerate(passages) if p.kind in ALIGNABLE and snippet in p.text}


def score_snippet_gold(a: list, b: list, result: Alignment, gold: dict) -> Tally:
    """Score an alignment against a gold whose passages are named by distinctive substrings."""

    def pairs(entry: dict) -> set[tuple[int, int]]:
        ia = set().union(*(find(a, s) for s in entry["a"]))
        ib = set().union(*(find(b, s) for s in entry["b"]))
        return {(i, j) for i in ia for j in ib}

    gold_links = [(pairs(entry), entry["label"]) for entry in gold["links"]]
    acceptable = set().union(*(pairs(entry) for entry in gold.get("acceptable", [])))
    unique = set().union(*(find(a, s) for s in gold["unique"]["a"]))
    unique |= {("b", k) for k in set().union(*(find(b, s) for s in gold["unique"]["b"]))}
    tally = score_pairs(result, gold_links, acceptable, unique)
    # Decoys: pairs whose differences are not conflicts (a number on one side only, a "not" outside
    # the shared clause, the same figure written twice ways); a conflict label on one is wrong.
    conflicts = {pair for link in result.links if link.label == "conflict" for pair in _pairs(link)}
    for entry in gold.get("decoys", []):
        tally.counts["decoys"] += 1
        tally.counts["decoys_labelled"] += bool(pairs(entry) & conflicts)
    return tally


# --- ECB+ -------------------------------------------------------------------------------------

def load_ecbplus() -> list[dict]:
    """Return the ECB+ pairs (see /work/shared/data/alignment/README.md)."""
    return json.loads(ECBPLUS.read_text(encoding="utf-8"))["pairs"]


def ecb_is_dev(pair: dict) -> bool:
    """ECB+ is split by topic: odd topics are the development half, even topics are held out."""
    return pair["topic"] % 2 == 1


def ecb_passages(text: str) -> tuple[list[P], list[tuple[int, int]]]:
    """Return one claim passage per line of an ECB+ text, with each line's character span."""
    passages, spans, start = [], [], 0
    for line in text.split("\n"):
        if line.strip():
            passages.append(P(line))
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return passages, spans


def _lines(spans: list[tuple[int, int]], gold_spans: list[list[int]]) -> set[int]:
    """Map gold spans (whole lines) to passage indices."""
    wanted = {tuple(s) for s in gold_spans}
    return {k for k, span in enumerate(spans) if span in wanted}


def score_ecbplus(pair: dict, result: Alignment, spans_a, spans_b) -> Tally:
    """Score an alignment of one ECB+ pair with the README's recipe."""
    gold_links = [({(i, j) for i in _lines(spans_a, link["a"]) for j in _lines(spans_b, link["b"])},
                   link["label"]) for link in pair["links"]]
    unique = _lines(spans_a, pair["unique"]["a"]) | {("b", k) for k in _lines(spans_b, pair["unique"]["b"])}
    return score_pairs(result, gold_links, set(), unique,
                       _lines(spans_a, pair["judged"]["a"]), _lines(spans_b, pair["judged"]["b"]))


# --- the baseline the issue names -------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"”’')\]])\s+")
BASELINE_CUT = 60


def baseline_align(a: list, b: list) -> Alignment:
    """Split passages into sentences with a regex; link mutual-best sentence pairs with token_set_ratio >= 60."""

    def sentences(passages: list) -> tuple[list[str], list[int]]:
        texts, owner = [], []
        for k, p in enumerate(passages):
            if p.kind not in ALIGNABLE:
                continue
            for s in _SENTENCE_END.split(p.text):
                if s.strip():
                    texts.append(s)
                    owner.append(k)
        return texts, owner

    sa, oa = sentences(a)
    sb, ob = sentences(b)
    pairs: set[tuple[int, int]] = set()
    if sa and sb:
        m = process.cdist(sa, sb, scorer=fuzz.token_set_ratio, processor=default_process, dtype=np.uint8)
        row, col = m.argmax(axis=1), m.argmax(axis=0)
        for i, j in enumerate(row):
            if col[j] == i and m[i, j] >= BASELINE_CUT:
                pairs.add((oa[i], ob[j]))
    links = [Link(a=[i], b=[j], score=0.0, label="match") for i, j in sorted(pairs)]
    return Alignment(links,
                     [k for k, p in enumerate(a) if p.kind in ALIGNABLE and k not in {i for i, _ in pairs}],
                     [k for k, p in enumerate(b) if p.kind in ALIGNABLE and k not in {j for _, j in pairs}])
