"""CPU time of the text readers on hostile passages: one long paragraph built to make a reader scan it again for
every mark or word (the cost must grow with the text, not with its square).

Run: .venv/bin/python bench/hostile_text_bench.py [--sizes 2000 8000 32000]

Each row repeats one unit n times: single marks that never close as quotations ("'ab cs' union": every mark a
plural possessive), double and single quotations side by side, and distinct capitalised words (names, each looked
for in lower case in the whole passage). `--align` adds `align()` of two such passages a side, the same text on
both (the verbatim signal and every conflict cue read them).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
import random
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdiff.text import names, quotations, segment  # noqa: E402
from newsdiff.text.align import align  # noqa: E402


def _cpu(call, *args) -> float:
    start = time.process_time()
    call(*args)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000, 32000])
    parser.add_argument("--align", type=int, nargs="*", metavar="N",
                        help="also align two passages a side built of N units each (e.g. --align 1000 4000)")
    args = parser.parse_args()
    rng = random.Random(0)
    capitalised = ["Q" + "".join(rng.choice(string.ascii_lowercase) for _ in range(7)) for _ in range(max(args.sizes))]
    print(f"{'reader':<12} {'unit':<22} {'n':>7} {'chars':>9} {'cpu s':>7}")
    for n in args.sizes:
        for unit in ("'ab cs' union ", "\"ab\" 'cd' ", "“ab” ‘cd’ x "):
            text = unit * n
            quotations._quotations.cache_clear()
            print(f"{'quotations':<12} {unit!r:<22} {n:>7} {len(text):>9} {_cpu(quotations.quotations, text):>7.3f}")
            print(f"{'segment':<12} {unit!r:<22} {n:>7} {len(text):>9} {_cpu(segment.segment, text):>7.3f}")
        text = "x " + " ".join(capitalised[:n])
        print(f"{'names':<12} {'distinct Capitals':<22} {n:>7} {len(text):>9} {_cpu(names.names, text):>7.3f}")
    align([Passage("Warm up."), Passage("Load the model.")], [Passage("Warm up.")])
    for n in args.align or ():
        for unit in ("'ab cs' union ", "\"ab\" 'cd' ", "3 people, $5-6 million, 2nd time, 40 pounds of it, ",
                     "Smith finished third, "):
            text = unit * n
            a, b = [Passage(text), Passage("A short one.")], [Passage(text[::-1]), Passage(text)]
            print(f"{'align':<12} {unit[:20]!r:<22} {n:>7} {len(text):>9} {_cpu(align, a, b):>7.3f}")


@dataclass(frozen=True)
class Passage:
    text: str
    kind: str = "claim"


if __name__ == "__main__":
    main()
