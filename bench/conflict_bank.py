"""The conflict labeller alone, on the hand-written bank of sentence pairs (tests/text/gold/conflict_bank.json).

Run: .venv/bin/python bench/conflict_bank.py [--heldout] [--misses] [--linked]

Each bank entry is two sentences, as two outlets would write the same fact: a planted contradiction of one of
issue 10's ten kinds (label "conflict") or an agreeing decoy of the same kind (label "agree"). The bank was
written and committed before the labeller's code was read. Each pair is labelled as the engine labels a linked
pair: both sentences are read as one-passage accounts (`terms.analyse`, `context.build_context`) and passed to
`alignment.labels.label` (whose verdict is `cues.conflict_reasons`), so whether the pair would be linked at
all is left out: this measures the labels, not the links (`--linked` adds, per kind, how many pairs align()
itself links when given the two sentences as two one-sentence accounts).

Figures, per split and per kind:
  found       conflicts labelled conflict / conflicts (recall on label=conflict)
  false       decoys labelled conflict / decoys
  prec        labelled-conflict pairs that are conflicts / labelled-conflict pairs ("-": none labelled)
  right       (engine) conflicts found with a reason of the kind's family (numbers / dates / negation / quote
              speakers), out of the conflicts found: a found conflict can rest on the wrong evidence
Baseline, in the same run: a pair is a conflict when the two sentences hold different sets of numbers (digit
runs, commas dropped, and number words; "a dozen" and "12" differ for it).

By default only the development half (split "dev") is scored and printed; `--heldout` adds the held-out half
(for the integrator; do not tune on it). `--misses` lists the dev pairs the engine gets wrong, with its reasons.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdiff.text.alignment.context import build_context  # noqa: E402
from newsdiff.text.alignment.labels import label  # noqa: E402
from newsdiff.text.alignment.terms import analyse  # noqa: E402

BANK = ROOT / "tests" / "text" / "gold" / "conflict_bank.json"
KINDS = ["money", "count", "duration", "percent", "compound", "ordinal", "date", "weekday", "negation", "speaker"]

NUMBER_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion
dozen half quarter third fourth fifth sixth seventh eighth ninth tenth first second
""".split())
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+")


@dataclass
class Passage:
    text: str
    kind: str = "claim"


FAMILY = {**dict.fromkeys(["money", "count", "duration", "percent", "compound", "ordinal"], "numbers differ"),
          "date": "dates differ", "weekday": "dates differ", "negation": "negation",
          "speaker": "quote attributed"}


def engine_label(a: str, b: str) -> tuple[str, list[str]]:
    """Label the pair as the engine labels a linked pair (no verbatim flag, no model cosine)."""
    ctx = build_context(analyse([Passage(a)]), analyse([Passage(b)]), None)
    return label(ctx, 0, 0, verbatim=False)


def numbers(text: str) -> frozenset[str]:
    out = set()
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            out.add(token.replace(",", "").rstrip("."))
        elif token.lower() in NUMBER_WORDS:
            out.add(token.lower())
    return frozenset(out)


def baseline_label(a: str, b: str) -> str:
    """The simple baseline: different number sets -> conflict."""
    return "conflict" if numbers(a) != numbers(b) else "match"


def linked(a: str, b: str) -> bool:
    from newsdiff.text.align import align

    return bool(align([Passage(a)], [Passage(b)]).links)


def fmt(num: int, den: int) -> str:
    return f"{num}/{den} {num / den:.2f}" if den else "-"


def prec(tp: int, fp: int) -> str:
    return f"{tp / (tp + fp):.2f}" if tp + fp else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heldout", action="store_true", help="also score and print the held-out half")
    parser.add_argument("--misses", action="store_true", help="list the dev pairs the engine labels wrongly")
    parser.add_argument("--linked", action="store_true", help="also count the pairs align() links (dev only)")
    args = parser.parse_args()
    pairs = json.loads(BANK.read_text(encoding="utf-8"))["pairs"]
    splits = ["dev", "heldout"] if args.heldout else ["dev"]
    # counts[split][system][kind] = [tp, conflicts, fp, decoys]
    counts: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0])))
    link_counts: dict = defaultdict(lambda: [0, 0])
    right: dict = defaultdict(lambda: defaultdict(int))  # right[split][kind]
    misses = []
    for pair in pairs:
        split = pair["split"]
        if split not in splits:
            continue  # the held-out half is neither labelled nor printed unless asked for
        a, b, gold = pair["a"], pair["b"], pair["label"]
        name, reasons = engine_label(a, b)
        if gold == "conflict" and name == "conflict" \
                and any(r.startswith(FAMILY[pair["kind"]]) for r in reasons):
            right[split][pair["kind"]] += 1
            right[split]["ALL"] += 1
        for system, said in (("engine", name), ("baseline", baseline_label(a, b))):
            for kind in (pair["kind"], "ALL"):
                row = counts[split][system][kind]
                if gold == "conflict":
                    row[0] += said == "conflict"
                    row[1] += 1
                else:
                    row[2] += said == "conflict"
                    row[3] += 1
        if split == "dev" and (name == "conflict") != (gold == "conflict"):
            misses.append((pair, name, reasons))
        if args.linked and split == "dev":
            for kind in (pair["kind"], "ALL"):
                link_counts[kind][0] += linked(a, b)
                link_counts[kind][1] += 1
    header = f"{'split':8} {'kind':9} {'system':9} {'found':>11} {'false':>11} {'prec':>5} {'right':>6}"
    print(header)
    print("-" * len(header))
    for split in splits:
        for kind in KINDS + ["ALL"]:
            for system in ("engine", "baseline"):
                tp, nc, fp, na = counts[split][system][kind]
                ok = f"{right[split][kind]}/{tp}" if system == "engine" else ""
                print(f"{split:8} {kind:9} {system:9} {fmt(tp, nc):>11} {fmt(fp, na):>11} {prec(tp, fp):>5} {ok:>6}")
        print("-" * len(header))
    if args.linked:
        print("dev pairs align() links as two one-sentence accounts:")
        for kind in KINDS + ["ALL"]:
            print(f"  {kind:9} {fmt(*link_counts[kind])}")
    if args.misses:
        for pair, name, reasons in misses:
            what = "MISSED" if pair["label"] == "conflict" else "FALSE"
            print(f"\n{what} {pair['id']} ({pair['why']})\n  a: {pair['a']}\n  b: {pair['b']}")
            cues = [r for r in reasons if not r.startswith(("shares rare words", "close in meaning"))]
            if cues:
                print("  engine: " + "; ".join(cues))


if __name__ == "__main__":
    main()
