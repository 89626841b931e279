"""Measure server time of the review page and of a tag request at 20, 500 and 2,000 passages per side.

    .venv/bin/python bench/page_bench.py [--sizes 20,500,2000] [--repeat 5] [--tagged N]

Builds each comparison through the real import (synthetic text, aligned) in a temporary SQLite
database, then times requests through Django's test client (no network, no test instrumentation):
the first screen of the page (gzipped, as a browser asks for it), htmx tag requests on rows far apart,
notes, final verdicts, accepting suggestions, undoing and a filtered page. Prints median wall and CPU time, SQL queries and response sizes.
"""

import argparse
import gc
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
    parser.add_argument(
        "--tagged", type=int, default=0, metavar="N",
        help="before timing, give every row a verdict from N other reviewers (the counters' worst case)",
    )
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

    from newsdiff.models import Annotation
    from newsdiff.selectors import comparison_side_by_side
    from newsdiff.selectors.rows import rows_for
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

        gc.collect()  # what the setup left behind is not the request's to collect
        with connection.execute_wrapper(count):
            start, cpu = time.perf_counter(), time.process_time()
            response = call()
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert response.status_code in (200, 302), response.status_code
        return elapsed, len(queries), len(response.content), cpu

    editor = factories.editor("bench-editor")
    editor_client = Client()
    editor_client.force_login(editor)

    def post(who, path, data=None, key=""):
        headers = {"HX-Request": "true", **({"HX-Target": f"row-{key}"} if key else {})}
        return lambda: who.post(path, data or {}, headers=headers)

    built = []
    for size in [int(s) for s in args.sizes.split(",")]:
        comparison = factories.ComparisonFactory(slug=f"bench-{size}", title=f"Bench {size}")
        start = time.perf_counter()
        factories.article(comparison, factories.synthetic_text(size), source="Left", align=False)
        factories.article(comparison, factories.synthetic_text(size, seed=3, topic="also "), source="Right")
        build = time.perf_counter() - start
        view = comparison_side_by_side(comparison, highlight=False)
        # Keys only: a server process holds no view of every row, and neither should this one while it times.
        rows = [(row.key, row.kind, row.link.pk if row.link else None, row.is_suggestion) for row in view.rows if row.reviewable]
        built.append((size, comparison, len(view.rows), build, rows))
        for n in range(args.tagged):
            other = factories.reviewer(f"bench-other-{size}-{n}")
            Annotation.objects.bulk_create(
                Annotation(
                    comparison=comparison,
                    reviewer=other,
                    link=row.link if row.kind == "pair" else None,
                    passage=None if row.kind == "pair" else row.passage,
                    label=("matching", "conflicting")[(n + i) % 2] if row.kind == "pair" else "unique",
                )
                for i, row in enumerate(view.rows)
                if row.reviewable
            )
        del view
    gc.collect()

    def spread(i, among):
        return among[(i * len(among)) // args.repeat]

    def version(comparison, key):
        return rows_for(comparison, keys=[key]).rows[0].version

    # Rounds go through every size in turn, so that a change in the machine's load between the sizes
    # (other jobs share it) falls on all of them alike.
    actions = ["page", "tag", "note", "final", "accept", "undo", "filtered", "map"]
    samples = {size: {name: [] for name in actions} for size, *_ in built}
    pending = {size: [row for row in rows if row[3]][-args.repeat * 3 :: 3] for size, _, _, _, rows in built}
    for i in range(args.repeat):
        for size, comparison, _, _, rows in built:
            url, got = comparison.get_absolute_url(), samples[size]
            # As a browser asks for it: gzipped (GZipMiddleware); the size column is what travels.
            got["page"].append(timed(lambda: client.get(url, headers={"Accept-Encoding": "gzip"})))
            key, kind, _, _ = spread(i, rows)
            label = "matching" if kind == "pair" else "unique"
            got["tag"].append(timed(post(client, f"{url}rows/{key}/tag/", {"label": label, "version": version(comparison, key)}, key)))
            key = spread(i, rows[1:])[0]
            got["note"].append(
                timed(post(client, f"{url}rows/{key}/note/", {"note": f"note {i}", "version": version(comparison, key)}, key))
            )
            key, kind, _, _ = spread(i, rows[2:])
            label = "conflicting" if kind == "pair" else "unique"
            got["final"].append(
                timed(post(editor_client, f"{url}rows/{key}/final/", {"label": label, "version": version(comparison, key)}, key))
            )
            if i < len(pending[size]):
                key, _, link, _ = pending[size][i]
                got["accept"].append(timed(post(client, f"{url}links/{link}/accept/", key=key)))
            got["filtered"].append(timed(lambda: client.get(f"{url}?filter=conflicts")))
            # The map redraws itself (one request, debounced by a second) after every change on the page.
            got["map"].append(timed(lambda: client.get(f"{url}map/", headers={"HX-Request": "true"})))
    for i in range(args.repeat):
        for size, comparison, *_ in built:
            samples[size]["undo"].append(timed(post(client, f"{comparison.get_absolute_url()}undo/")))
    results = []
    for size, comparison, nrows, build, _ in built:
        page_raw = len(gzip.decompress(client.get(comparison.get_absolute_url(), headers={"Accept-Encoding": "gzip"}).content))
        results.append((size, nrows, build, samples[size].pop("page"), page_raw, samples[size]))
    actions.remove("page")

    def ms(samples, i):
        return statistics.median(s[i] for s in samples) * 1000

    print(f"\nload average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", end="")
    print(f"; every row tagged by {args.tagged} other reviewers first" if args.tagged else "")
    print(
        f"{'passages/side':>13} {'rows':>5} {'build s':>8} {'page ms':>8} {'page cpu':>8} {'page q':>6}"
        f" {'page KB':>8} {'gz KB':>6} {'tag ms':>7} {'tag KB':>6}"
        + "".join(f" {name + ' cpu':>{max(len(name) + 4, 7)}} {name[:6] + ' q':>8}" for name in actions)
    )
    for size, nrows, build, page, page_raw, samples in results:
        print(
            f"{size:>13} {nrows:>5} {build:>8.1f} {ms(page, 0):>8.0f} {ms(page, 3):>8.0f} {max(p[1] for p in page):>6}"
            f" {page_raw / 1024:>8.0f} {page[0][2] / 1024:>6.0f} {ms(samples['tag'], 0):>7.1f} {samples['tag'][0][2] / 1024:>6.1f}"
            + "".join(
                f" {ms(samples[name], 3):>{max(len(name) + 4, 7)}.1f} {max(x[1] for x in samples[name]):>8}" for name in actions
            )
        )
    print(
        f"\nmedian of {args.repeat} requests each; ms = wall time, cpu = this process's CPU time (less"
        f" affected by other load); q = SQL queries (max); filtered = the page showing conflicts only;"
        f" map = the alignment map, which the page asks for again after each change (debounced by 1 s)."
        f" Temporary database in {workdir}"
    )


if __name__ == "__main__":
    main()
