"""List the dev golds' conflicts the engine misses, and why; then every false conflict label on dev.

Run: .venv/bin/python bench/conflict_misses.py [--ecb]

For each gold conflict of a dev gold (the seed, the demo, every real pair marked "split": "dev"):
FOUND (linked and labelled conflict), MATCH (linked, labelled match: the cue did not fire) or UNLINKED
(no link holds the pair: no label can appear), with the pair's score, whether it is the best partner of
either passage, the calibration's bars, and the cue evidence `conflict_reasons` gives for the pair, and each miss's
stage: (a) no link holds it (not a candidate, scored low, taken by another partner, dropped), (b) linked and labelled
match, (c) one of its passages labelled conflict with another partner (counted on the last lines). Then
the links labelled conflict that are not gold conflicts (false labels), and with --ecb the false labels on
ECB+ dev (odd topics; ECB+ has no conflicts, so every label there is false). Held-out golds are never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.align_quality import snippet_golds  # noqa: E402
from newsdiff.text.alignment import engine  # noqa: E402
from newsdiff.text.alignment.calibrate import bars, best_partners  # noqa: E402
from newsdiff.text.align import align  # noqa: E402
from newsdiff.text.cues import conflict_reasons  # noqa: E402
from tests.text.gold_scoring import ecb_is_dev, ecb_passages, find, load_ecbplus  # noqa: E402

_seen: dict = {}
_select = engine.select


def _spy(ctx, scores, *args, **kwargs):
    """Keep the scores and bars align() chose its links from (the engine's own select, unchanged)."""
    calibration = args[3] if len(args) > 3 else kwargs.get("calibration")
    row, col = best_partners(scores)
    _seen.update(ctx=ctx, scores=scores, row=row, col=col,
                 bars=bars(ctx, *best_partners(calibration)) if calibration is not None else bars(ctx, row, col))
    return _select(ctx, scores, *args, **kwargs)


def _unlinked_why(pairs: set, links: list, pos_a: dict, pos_b: dict) -> str:
    """Why no link holds a gold conflict pair: the stage of the best-scoring of its passage pairs."""
    scores, row, col, bar = _seen["scores"], _seen["row"], _seen["col"], _seen["bars"]
    scored = [(scores[p], p) for i, j in pairs if (p := (pos_a.get(i), pos_b.get(j))) in scores]
    if not scored:
        return "not a candidate"
    s, (i, j) = max(scored)
    row_best, col_best = row[i][1] == j, col[j][1] == i
    if s < (bar.mutual if row_best and col_best else bar.one_sided):
        return "scored low: under the bar its best-partner status needs" if row_best or col_best \
            else "scored low: best of neither passage"
    linked = {x for link in links for x in link.a} | {("b", y) for link in links for y in link.b}
    if i in linked or ("b", j) in linked:
        return "taken by another partner"
    return "dropped: above its bar, not selected"


def short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 3] + "..."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ecb", action="store_true", help="also list the conflict labels on ECB+ dev")
    args = parser.parse_args()
    engine.select = _spy
    counts = {"FOUND": 0, "MATCH": 0, "UNLINKED": 0}
    stages: dict[str, int] = {}
    false_labels = []
    for name, split, a, b, gold in snippet_golds():
        if split != "dev":
            continue  # held-out golds are neither scored nor printed
        language = gold.get("language", "en")
        result = align(a, b, language_a=language)
        ctx = _seen["ctx"]
        pos_a = {k: i for i, k in enumerate(ctx.a.indices)}
        pos_b = {k: j for j, k in enumerate(ctx.b.indices)}
        links = {(x, y): link for link in result.links for x in link.a for y in link.b}
        conflict_pairs = set()
        for entry in gold["links"]:
            pairs = {(i, j) for s in entry["a"] for i in find(a, s) for t in entry["b"] for j in find(b, t)}
            if entry["label"] != "conflict":
                continue
            conflict_pairs |= pairs
            hit = [links[p] for p in pairs if p in links]
            status = "FOUND" if any(h.label == "conflict" for h in hit) else "MATCH" if hit else "UNLINKED"
            counts[status] += 1
            stage = ""
            if status == "MATCH":
                stage = "(b) linked, labelled match"
            elif status == "UNLINKED":
                stage = "(a) " + _unlinked_why(pairs, result.links, pos_a, pos_b)
                if any(link.label == "conflict" for link in result.links for i, j in pairs
                       if i in link.a or j in link.b):
                    stage = "(c) labelled conflict on another pair of one of its passages"
            if stage:
                stages[stage.split(":")[0]] = stages.get(stage.split(":")[0], 0) + 1
            print(f"{status:8} {name} [{entry.get('conflict_kind', '?')}] {entry.get('note', '')}"
                  + (f"\n    stage {stage}" if stage else ""))
            for i, j in sorted(pairs):
                p = (pos_a.get(i), pos_b.get(j))
                s = _seen["scores"].get(p)
                where = "not a candidate" if s is None else (
                    f"score {s:.3f} row-best {_seen['row'][p[0]][1] == p[1]} col-best {_seen['col'][p[1]][1] == p[0]}"
                    f" (row best {_seen['row'][p[0]][0]:.3f}, col best {_seen['col'][p[1]][0]:.3f};"
                    f" bars {_seen['bars'].mutual:.2f}/{_seen['bars'].one_sided:.2f})")
                print(f"    a{i}: {short(a[i].text)}")
                print(f"    b{j}: {short(b[j].text)}")
                print(f"    {where}; cues: {conflict_reasons(a[i].text, b[j].text, language) or '-'}")
        for link in result.links:
            if link.label == "conflict" and not ({(x, y) for x in link.a for y in link.b} & conflict_pairs):
                false_labels.append((name, link))
    print(f"\ndev gold conflicts: {counts}")
    print("missed, by stage: " + ", ".join(f"{k}: {v}" for k, v in sorted(stages.items())))
    print(f"false conflict labels on dev golds: {len(false_labels)}")
    for name, link in false_labels:
        print(f"  {name} a{link.a} b{link.b}: {link.reasons[-1]}")
    if args.ecb:
        n = 0
        for pair in load_ecbplus():
            if not ecb_is_dev(pair):
                continue
            (pa, _), (pb, _) = ecb_passages(pair["a"]["text"]), ecb_passages(pair["b"]["text"])
            for link in align(pa, pb).links:
                if link.label == "conflict":
                    n += 1
                    cue = [r for r in link.reasons if r.startswith(("numbers", "dates", "negation", "quote"))]
                    print(f"  ECB+ {pair['kind'][:4]} t{pair['topic']}: {cue}")
                    print(f"      a: {short(pa[link.a[0]].text, 150)}")
                    print(f"      b: {short(pb[link.b[0]].text, 150)}")
        print(f"ECB+ dev links labelled conflict: {n}")


if __name__ == "__main__":
    main()
