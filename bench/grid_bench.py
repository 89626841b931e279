"""Measure server time of the claim grid and of a claim tag at 10 accounts of 200 passages each.

    .venv/bin/python bench/grid_bench.py [--accounts 10] [--passages 200] [--repeat 5]

Builds the comparison through the real import (synthetic text, every pair aligned: 45 pairs at 10 accounts)
in a temporary SQLite database, then times requests through Django's test client: the grid page (first
50 claims), the selector alone (every claim clustered), and htmx claim tags on claims far apart.
Prints median wall and CPU time and the SQL query count per request.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=10)
    parser.add_argument("--passages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="newsdiff-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DEBUG", "1")
    os.environ["ALLOWED_HOSTS"] = "testserver,localhost"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    call_command("migrate", verbosity=0)

    from newsdiff.models import Link
    from newsdiff.selectors.claims import comparison_claims
    from newsdiff.services.alignment import comparison_align
    from tests import factories

    user = factories.reviewer("bench-reviewer")
    client = Client()
    client.force_login(user)

    def timed(call):
        with CaptureQueriesContext(connection) as queries:
            start, cpu = time.perf_counter(), time.process_time()
            response = call()
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        status = getattr(response, "status_code", 200)
        assert status == 200, status
        return elapsed, cpu, len(queries)

    comparison = factories.ComparisonFactory(slug="grid-bench", title="Grid bench")
    start = time.perf_counter()
    for i in range(args.accounts):
        factories.article(comparison, factories.synthetic_text(args.passages, seed=i), source=f"Account {i}", align=False)
    comparison_align(comparison=comparison)
    build = time.perf_counter() - start
    grid = comparison_claims(comparison)
    url = reverse("comparison-grid", args=[comparison.slug])

    page = [timed(lambda: client.get(url)) for _ in range(args.repeat)]
    selector = [timed(lambda: comparison_claims(comparison, viewer=user)) for _ in range(args.repeat)]
    tags = []
    for i in range(args.repeat):
        row = grid.rows[(i * len(grid.rows)) // args.repeat]
        tags.append(
            timed(
                lambda: client.post(
                    reverse("claim-tag", args=[comparison.slug, row.key]),
                    {"label": "unique"},
                    headers={"HX-Request": "true", "HX-Target": f"row-{row.key}"},
                )
            )
        )

    print(
        f"{args.accounts} accounts x {args.passages} passages: {Link.objects.filter(comparison=comparison).count()} links, "
        f"{len(grid.rows)} claims (built and aligned in {build:.1f} s)"
    )
    print(f"{'request':<28}{'wall ms':>10}{'cpu ms':>10}{'queries':>9}")
    for name, samples in (("grid page (50 claims)", page), ("selector (all claims)", selector), ("claim tag (htmx)", tags)):
        wall = statistics.median(s[0] for s in samples) * 1000
        cpu = statistics.median(s[1] for s in samples) * 1000
        print(f"{name:<28}{wall:>10.0f}{cpu:>10.0f}{max(s[2] for s in samples):>9}")


if __name__ == "__main__":
    main()
