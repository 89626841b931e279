"""Measure server time of the review page and of a tag request at 20, 500 and 2,000 passages per side.

    .venv/bin/python bench/page_bench.py [--sizes 20,500,2000] [--repeat 5]

Builds each comparison through the real import (synthetic text, aligned) in a temporary SQLite
database, then times requests through Django's test client (no network, no test instrumentation):
the first screen of the page (gzipped, as a browser asks for it), htmx tag requests on rows far apart,
accepting suggestions and undoing. Prints median wall and CPU time, SQL queries and response sizes.
"""

import argparse
import gzip
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
    parser.add_argument("--sizes", default="20,500,2000")
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

    call_command("migrate", verbosity=0)
    # Requests run as in production and as Django's test runner runs them: DEBUG off, so no SQL is logged.
    from django.conf import settings

    settings.DEBUG = False

    from newsdiff.selectors import comparison_side_by_side
    from tests import factories

    user = factories.reviewer("bench-reviewer")
    client = Client()
    client.force_login(user)

    def timed(call):
        # Queries are counted by a wrapper that only counts: CaptureQueriesContext would force the logging
        # cursor, which formats every SQL string and costs about 1 ms per request by itself.
        queries = []

        def count(execute, sql, params, many, context):
            queries.append(1)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            start, cpu = time.perf_counter(), time.process_time()
            response = call()
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert response.status_code in (200, 302), response.status_code
        return elapsed, len(queries), len(response.content), cpu

    results = []
    for size in [int(s) for s in args.sizes.split(",")]:
        comparison = factories.ComparisonFactory(slug=f"bench-{size}", title=f"Bench {size}")
        start = time.perf_counter()
        factories.article(comparison, factories.synthetic_text(size), source="Left", align=False)
        factories.article(comparison, factories.synthetic_text(size, seed=3, topic="also "), source="Right")
        build = time.perf_counter() - start
        url = comparison.get_absolute_url()
        view = comparison_side_by_side(comparison, highlight=False)
        rows = [row for row in view.rows if row.reviewable]

        # As a browser asks for it: gzipped (GZipMiddleware); the size column is what travels.
        page = [timed(lambda: client.get(url, headers={"Accept-Encoding": "gzip"})) for _ in range(args.repeat)]
        page_raw = len(gzip.decompress(client.get(url, headers={"Accept-Encoding": "gzip"}).content))
        tags = []
        for i in range(args.repeat):
            row = rows[(i * len(rows)) // args.repeat]
            current = next(r for r in comparison_side_by_side(comparison, highlight=False).rows if r.key == row.key)
            label = "matching" if row.kind == "pair" else "unique"
            tags.append(
                timed(
                    lambda: client.post(
                        f"{url}rows/{row.key}/tag/",
                        {"label": label, "version": current.version},
                        headers={"HX-Request": "true", "HX-Target": f"row-{row.key}"},
                    )
                )
            )
        accepts = []
        pending = [row for row in rows if row.is_suggestion][-args.repeat * 3 :: 3]
        for row in pending[: args.repeat]:
            accepts.append(
                timed(
                    lambda: client.post(
                        f"{url}links/{row.link.pk}/accept/", headers={"HX-Request": "true", "HX-Target": f"row-{row.key}"}
                    )
                )
            )
        undos = [timed(lambda: client.post(f"{url}undo/", headers={"HX-Request": "true"})) for _ in range(args.repeat)]
        results.append((size, len(view.rows), build, page, tags, page_raw, accepts, undos))

    print()
    def ms(samples, i):
        return statistics.median(s[i] for s in samples) * 1000

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"{'passages/side':>13} {'rows':>5} {'build s':>8} {'page ms':>8} {'page cpu':>8} {'page q':>6}"
        f" {'page KB':>8} {'gz KB':>6} {'tag ms':>7} {'tag cpu':>7} {'tag q':>5} {'tag KB':>6}"
        f" {'acc cpu':>7} {'acc q':>5} {'undo cpu':>8} {'undo q':>6}"
    )
    for size, nrows, build, page, tags, page_raw, accepts, undos in results:
        print(
            f"{size:>13} {nrows:>5} {build:>8.1f} {ms(page, 0):>8.0f} {ms(page, 3):>8.0f} {max(p[1] for p in page):>6}"
            f" {page_raw / 1024:>8.0f} {page[0][2] / 1024:>6.0f} {ms(tags, 0):>7.1f} {ms(tags, 3):>7.1f}"
            f" {max(t[1] for t in tags):>5} {tags[0][2] / 1024:>6.1f}"
            f" {ms(accepts, 3):>7.1f} {max(a[1] for a in accepts):>5} {ms(undos, 3):>8.1f} {max(u[1] for u in undos):>6}"
        )
    print(
        f"\nmedian of {args.repeat} requests each; ms = wall time, cpu = this process's CPU time (less"
        f" affected by other load); q = SQL queries (max). Temporary database in {workdir}"
    )


if __name__ == "__main__":
    main()
