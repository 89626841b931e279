"""Fuzz the whole import (decode, extract, sanitise, segment, align) for a while and report what happened.

    .venv/bin/python bench/fuzz_import.py --minutes 5 [--batch 200] [--seed 1]

The property and the generators are the suite's (tests/hardening/hostile.py): every input imports with
passages that slice their text, or is refused with a one-line ImportRefused and no row written. The run first
feeds the public corpora in ../shared/data (each XSS payload line and each naughty string, as HTML and as
text) when they are there, then Hypothesis batches until the time is up. Unlike the suite it does not stop at
the first failure: it counts every input, groups failures by exception and place, and keeps the shortest
input of each group. Runs in a temporary SQLite database; prints wall and CPU time. Exit status 1 on failures.
"""

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--batch", type=int, default=200, help="Hypothesis examples per batch")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="newsdiff-fuzz-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/fuzz.sqlite3"
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.core.management import call_command
    from hypothesis import Phase, given, seed, settings

    from tests import factories
    from tests.hardening.hostile import import_and_roll_back, uploads
    from tests.hardening.test_fuzz_import import OTHER_ACCOUNT

    call_command("migrate", verbosity=0)
    comparison = factories.ComparisonFactory(slug="fuzz")
    factories.article(comparison, OTHER_ACCOUNT, source="Wire")

    outcomes: Counter = Counter()
    failures: dict[str, dict] = {}

    def run(upload: dict, origin: str) -> None:
        try:
            outcomes[import_and_roll_back(comparison, upload)] += 1
        except Exception as error:  # noqa: BLE001 — the point is to catch whatever escapes
            outcomes["failed"] += 1
            frame = traceback.extract_tb(error.__traceback__)[-1]
            key = f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            found = failures.setdefault(key, {"count": 0, "message": str(error)[:200], "input": None, "origin": origin})
            found["count"] += 1
            shown = repr(upload)
            if found["input"] is None or len(shown) < len(found["input"]):
                found["input"] = shown

    started, cpu_started = time.monotonic(), time.process_time()
    corpus = 0
    if DATA.is_dir():
        lines = (DATA / "xss-payload-list.sample300.txt").read_bytes().splitlines()
        naughty = [s.encode("utf-8", "surrogatepass") for s in json.load(gzip.open(DATA / "blns.json.gz"))]
        for data in lines + naughty:
            for filename in ("payload.html", "payload.txt"):
                run({"data": data, "filename": filename}, "corpus")
                corpus += 1
    deadline = started + args.minutes * 60
    batches = 0
    while time.monotonic() < deadline:

        @seed(args.seed + batches)
        @settings(settings.get_profile("suite"), max_examples=args.batch, phases=[Phase.generate])
        @given(upload=uploads())
        def batch(upload):
            if time.monotonic() < deadline:
                run(upload, "hypothesis")

        batch()
        batches += 1

    wall, cpu = time.monotonic() - started, time.process_time() - cpu_started
    tried = sum(outcomes.values())
    print(f"inputs tried: {tried}  (corpus {corpus}, generated {tried - corpus} in {batches} batches, seed {args.seed})")
    print(f"imported {outcomes['imported']}, refused {outcomes['refused']}, failed {outcomes['failed']}")
    print(f"wall {wall:.0f} s, CPU {cpu:.0f} s, {tried / wall:.1f} inputs/s")
    for key, found in sorted(failures.items(), key=lambda item: -item[1]["count"]):
        print(f"\nFAILURE {key} ×{found['count']} ({found['origin']}): {found['message']}")
        print(f"  shortest input: {found['input'][:600]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
