"""Quality of `newsdiff.text.align.align` on every gold, beside the issue's baseline, in one run.

Run: .venv/bin/python bench/align_quality.py [--ecb-sample N] [--details] [--dev] [--digits 3]

`--dev` aligns the development half only (seed, demo, real pairs marked dev, ECB+ odd topics): no held-out
pair is aligned or shown, for tuning.

Golds: the seed pair and the demo pair (tests/text/gold/, both development), the hand-written real
pairs (tests/text/gold/real/*.json, each marked "split": "dev" | "heldout"; the held-out ones of the sets
FRESH_SETS (s20b, s21) are the fresh held-out sets, written after the last tuning and reported on their own
rows, one per set, outside the older aggregates so those stay comparable; the earlier fresh sets (s18, s19, s20),
dev since their figures were read, have their own rows too, as have the dev pairs written in session 19,
`*_dev19`), and ECB+ (/work/shared/data/alignment/ecbplus_pairs.json, one passage per line) split by topic number:
odd topics are the development half, even topics the held-out half. ECB+'s
`different_seminal_event` pairs (two different events of one kind) are a precision check: they
should link almost nothing, and any conflict label there is false. Figures are defined in
tests/text/gold_scoring.py; "-" means the gold has nothing to measure (e.g. ECB+ has no conflicts).

Baseline (the issue's): split passages into sentences with a regex, link mutual-best sentence
pairs whose `rapidfuzz.fuzz.token_set_ratio` >= 60, label every link "match".

`engine` is align()'s default: two English accounts read with the shipped English model; --lexical adds
the engine without it. Before/after tables (engine of commit d93f28d vs issue 10's engine, then commit
03d1830 vs the shipped model and stricter cues) are in docs/alignment-quality.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdiff.text.align import align  # noqa: E402
from newsdiff.text.pipeline import split_upload  # noqa: E402
from newsdiff.text.segment import segment  # noqa: E402
from tests.text.gold_real import (  # noqa: E402
    FORMER_FRESH_SESSIONS, FRESH_SETS, fresh_set, is_dev19, is_former_fresh, load_real_golds)
from tests.text.gold_scoring import (  # noqa: E402
    Tally, baseline_align, ecb_is_dev, ecb_passages, load_ecbplus, score_ecbplus, score_snippet_gold,
)

GOLD = ROOT / "tests" / "text" / "gold"
SEEDS = ROOT.parent / "shared" / "seeds"
DEMO = ROOT / "newsdiff" / "demo"
COLUMNS = ("link_recall", "link_precision", "uniques_kept", "conflicts_found", "conflict_precision",
           "conflict_share", "links", "decoys_labelled")
SHORT = ("recall", "prec", "uniq", "c-found", "c-prec", "c-share", "links", "decoy-c")


def snippet_golds() -> list[tuple[str, str, list, list, dict]]:
    """Return (name, split, side a, side b, gold) for the seed, the demo and every real pair."""
    out = []
    seed = json.loads((GOLD / "seed_alignment.json").read_text(encoding="utf-8"))
    if SEEDS.is_dir():
        out.append(("seed", "dev", segment((SEEDS / seed["a"]).read_text(encoding="utf-8")),
                    segment((SEEDS / seed["b"]).read_text(encoding="utf-8")), seed))
    demo = json.loads((GOLD / "demo_alignment.json").read_text(encoding="utf-8"))
    out.append(("demo", "dev", *(split_upload((DEMO / demo[s]).read_bytes(), demo[s]).segments for s in "ab"), demo))
    for pair in load_real_golds():
        out.append((pair.name, pair.split, pair.a, pair.b, pair.gold))
    return out


def fmt(figures: dict, digits: int = 2) -> str:
    """Format one row of figures."""
    cells = []
    for key in COLUMNS:
        v = figures[key]
        cells.append("-" if v is None else (f"{v:d}" if isinstance(v, int) else f"{v:.{digits}f}"))
    return " ".join(f"{c:>7}" for c in cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ecb-sample", type=int, default=0, help="score this many ECB+ pairs (fixed seed); 0 = all")
    parser.add_argument("--details", action="store_true", help="print every snippet gold's own row")
    parser.add_argument("--model", default="", help="a sentence-embedding model directory: adds 'engine+model'")
    parser.add_argument("--dev", action="store_true", help="align the development half only (for tuning)")
    parser.add_argument("--digits", type=int, default=2, help="decimals of the figures")
    parser.add_argument("--lexical", action="store_true",
                        help="add 'lexical': the engine without the shipped English model (scorer=None)")
    args = parser.parse_args()

    systems = {"engine": align, "baseline": baseline_align}
    if args.model:
        from newsdiff.text.semantic import load_scorer

        model = load_scorer(args.model)
        systems["engine+model"] = lambda a, b, **kw: align(a, b, scorer=model, **kw)
    if args.lexical:
        systems["lexical"] = lambda a, b, **kw: align(a, b, scorer=None, **kw)
    language = {"current": "en"}  # the language of the gold being scored: the engine reads it
    rows: list[tuple[str, str, dict[str, Tally]]] = []
    seconds = dict.fromkeys(systems, 0.0)

    def run(a, b, scorer) -> dict[str, Tally]:
        out = {}
        for name, fn in systems.items():
            t = time.process_time()
            result = fn(a, b) if fn is baseline_align else fn(a, b, language_a=language["current"])
            seconds[name] += time.process_time() - t
            out[name] = scorer(result)
        return out

    spanish: list[tuple[str, str, dict[str, Tally]]] = []
    # The fresh held-out golds, per set: their own rows, not in the older aggregates.
    fresh: dict[str, set[str]] = {name: set() for name in FRESH_SETS}
    # Earlier fresh sets, dev since their figures were read: their own rows too, so older rows stay comparable.
    former_fresh: dict[int, set[str]] = {session: set() for session in FORMER_FRESH_SESSIONS}
    dev19: set[str] = set()  # the dev pairs written in session 19: their own row, for the same reason
    for name, split, a, b, gold in snippet_golds():
        if args.dev and split != "dev":
            continue
        language["current"] = gold.get("language", "en")
        row = (name, split, run(a, b, lambda r, a=a, b=b, g=gold: score_snippet_gold(a, b, r, g)))
        (rows if language["current"] == "en" else spanish).append(row)
        if fresh_set(gold):
            fresh[fresh_set(gold)].add(name)
        if is_former_fresh(gold):
            former_fresh[gold["session"]].add(name)
        if is_dev19(gold):
            dev19.add(name)
    language["current"] = "en"

    pairs = [p for p in load_ecbplus() if ecb_is_dev(p)] if args.dev else load_ecbplus()
    if args.ecb_sample and args.ecb_sample < len(pairs):
        pairs = random.Random(10).sample(pairs, args.ecb_sample)
    ecb = {(kind, half): {s: Tally() for s in systems}
           for kind in ("same_event", "different_seminal_event") for half in ("dev", "heldout")}
    sizes = {key: 0 for key in ecb}
    for pair in pairs:
        (pa, sa), (pb, sb) = ecb_passages(pair["a"]["text"]), ecb_passages(pair["b"]["text"])
        key = (pair["kind"], "dev" if ecb_is_dev(pair) else "heldout")
        sizes[key] += 1
        for s, tally in run(pa, pb, lambda r, p=pair, sa=sa, sb=sb: score_ecbplus(p, r, sa, sb)).items():
            ecb[key][s].add(tally)
    for (kind, half), tallies in ecb.items():
        if args.dev and half != "dev":
            continue
        label = "ecb+" if kind == "same_event" else "ecb+ different events"
        rows.append((f"{label} ({sizes[(kind, half)]} pairs)", half, tallies))

    header = f"{'gold':34} {'split':8} {'system':9}" + " ".join(f"{c:>7}" for c in SHORT)
    print(header)
    print("-" * len(header))
    for name, split, tallies in rows:
        if not args.details and name not in ("seed", "demo") and not name.startswith("ecb+"):
            continue
        for s, tally in tallies.items():
            print(f"{name[:34]:34} {split:8} {s:9}{fmt(tally.figures(), args.digits)}")
    print("-" * len(header))
    # Aggregates: hand-written snippet golds (seed, demo, real) per half, then everything per half
    # (ECB+ same-event pairs included; the different-event pairs stay a separate precision check).
    for title, pick in (("snippet golds", lambda n: not n.startswith("ecb+")),
                        ("all golds", lambda n: not n.startswith("ecb+ different"))):
        for half in ("dev",) if args.dev else ("dev", "heldout"):
            for s in systems:
                total = Tally()
                for name, split, tallies in rows:
                    own_rows = dev19.union(*fresh.values(), *former_fresh.values())
                    if split == half and pick(name) and name not in own_rows:
                        total.add(tallies[s])
                print(f"{'ALL ' + title:34} {half:8} {s:9}{fmt(total.figures(), args.digits)}")
    # The fresh held-out sets, one row each: written after the last tuning, so the clean held-out figures. Each
    # earlier fresh set became dev once its figures were read or its misses opened; it keeps its own row.
    groups = [(f"ALL fresh held-out ({name})", "heldout", members) for name, members in fresh.items()]
    groups += [(f"ALL s{session} set (dev since {FORMER_FRESH_SESSIONS[session]})", "dev", names)
               for session, names in former_fresh.items()]
    groups.append(("ALL dev pairs *_dev19", "dev", dev19))
    for title, half, members in groups:
        if args.dev and half != "dev":
            continue
        for s in systems:
            total = Tally()
            for name, split, tallies in rows:
                if name in members:
                    total.add(tallies[s])
            print(f"{title:34} {half:8} {s:9}{fmt(total.figures(), args.digits)}")
    # Spanish golds (issue 12) are reported on their own, so the English figures above stay comparable.
    for name, split, tallies in spanish:
        for s, tally in tallies.items():
            print(f"{'es: ' + name[:30]:34} {split:8} {s:9}{fmt(tally.figures(), args.digits)}")
    print(f"\nECB+ pairs scored: {len(pairs)} of {len(load_ecbplus())} (odd topics = dev, even = held-out)")
    for s, t in seconds.items():
        print(f"CPU time in {s}: {t:.2f} s")


if __name__ == "__main__":
    main()
