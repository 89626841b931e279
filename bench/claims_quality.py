"""Claim clustering across accounts, scored on ECB+ (cross-document event coreference), against a baseline.

    .venv/bin/python bench/claims_quality.py [--docs 4]

For each ECB+ seminal event (documents joined by `same_event` pairs in ../shared/data/alignment/
ecbplus_pairs.json), up to --docs articles are aligned pair by pair with the engine (`align()`), and the
links are joined into claims by `newsdiff/text/claims.py`. Gold: two sentences of different articles belong
to one claim when their ECB+ gold links name a shared event; only sentences ECB+ judged exhaustively count.
Scored over every such pair of sentences (pairwise precision / recall / F1):
  claims     build_claims() (strongest first, no chaining within an account, weak bridges split)
  components baseline: plain connected components of the same links
  links      the pairwise links alone (two sentences together only when one link joins them directly)
Topics are split in two halves (odd topics: development, even topics: held out); BRIDGE_FLOOR (50) was set
before this ran and was not tuned on either half. Prints both halves.
"""

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "alignment" / "ecbplus_pairs.json"

from newsdiff.text.align import align  # noqa: E402
from newsdiff.text.claims import PairLink, _UnionFind, build_claims  # noqa: E402


@dataclass
class Line:
    text: str
    kind: str = "claim"


def _line_of(text: str, span) -> int:
    return text.count("\n", 0, span[0])


def load_groups(max_docs: int):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    texts, events, judged, topic = {}, defaultdict(set), set(), {}
    uf = _UnionFind()
    for pair in data["pairs"]:
        if pair["kind"] != "same_event":
            continue
        a, b = pair["a"]["doc"], pair["b"]["doc"]
        texts[a], texts[b] = pair["a"]["text"], pair["b"]["text"]
        topic[a] = topic[b] = pair["topic"]
        uf.union(a, b)
        for link in pair["links"]:
            for side, doc in (("a", a), ("b", b)):
                for span in link[side]:
                    events[(doc, _line_of(texts[doc], span))].update(link["events"])
        for side, doc in (("a", a), ("b", b)):
            for span in pair["judged"][side]:
                judged.add((doc, _line_of(texts[doc], span)))
    groups = defaultdict(list)
    for doc in sorted(texts):
        groups[uf.find(doc)].append(doc)
    for docs in groups.values():
        if len(docs) >= 3:
            yield topic[docs[0]], docs[:max_docs], texts, events, judged


def score(pred_same, gold_same, keys):
    tp = fp = fn = 0
    for x, y in keys:
        p, g = pred_same(x, y), gold_same(x, y)
        tp += p and g
        fp += p and not g
        fn += g and not p
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return tp, fp, fn, precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=4)
    args = parser.parse_args()
    if not DATA.is_file():
        sys.exit(f"{DATA} not found (../shared beside the checkout)")
    totals = {half: defaultdict(lambda: [0, 0, 0]) for half in ("dev", "held-out")}
    groups = 0
    for topic, docs, texts, events, judged in load_groups(args.docs):
        groups += 1
        half = "dev" if topic % 2 else "held-out"
        lines = {doc: [Line(t) for t in texts[doc].split("\n")] for doc in docs}
        accounts = {doc: list(range(len(lines[doc]))) for doc in docs}
        links = []
        for x, y in combinations(docs, 2):
            for i, link in enumerate(align(lines[x], lines[y]).links):
                links.append(PairLink(f"{x}|{y}|{i}", x, y, tuple(link.a), tuple(link.b), link.label, link.score))
        claim_of = {}
        for n, claim in enumerate(build_claims(accounts, links)):
            for doc, ids in claim.members.items():
                for i in ids:
                    claim_of[(doc, i)] = n
        uf = _UnionFind()
        direct = set()
        for link in links:
            nodes = [(link.account_a, i) for i in link.a] + [(link.account_b, i) for i in link.b]
            for node in nodes[1:]:
                uf.union(nodes[0], node)
            for u in [(link.account_a, i) for i in link.a]:
                for v in [(link.account_b, i) for i in link.b]:
                    direct.add(frozenset((u, v)))
        keys = [
            (u, v)
            for x, y in combinations(docs, 2)
            for u in [(x, i) for i in accounts[x] if (x, i) in judged]
            for v in [(y, i) for i in accounts[y] if (y, i) in judged]
        ]

        def gold(u, v):
            return bool(events.get(u, set()) & events.get(v, set()))

        methods = {
            "claims": lambda u, v: claim_of.get(u) is not None and claim_of.get(u) == claim_of.get(v),
            "components": lambda u, v: uf.find(u) == uf.find(v),
            "links": lambda u, v: frozenset((u, v)) in direct,
        }
        for name, same in methods.items():
            tp, fp, fn, *_ = score(same, gold, keys)
            row = totals[half][name]
            row[0] += tp
            row[1] += fp
            row[2] += fn
    print(f"ECB+ seminal events with 3+ articles: {groups} (up to {args.docs} articles each, every pair aligned)")
    print(f"{'half':<10}{'method':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'pairs in gold':>15}")
    for half, rows in totals.items():
        for name, (tp, fp, fn) in rows.items():
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{half:<10}{name:<12}{p:>10.3f}{r:>8.3f}{f:>7.3f}{tp + fn:>15}")


if __name__ == "__main__":
    main()
