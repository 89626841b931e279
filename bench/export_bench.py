"""Benchmark the exports: how long each format takes for a large annotated comparison.

Run: .venv/bin/python bench/export_bench.py [passages-per-side] [--repeat N]   (default 2000, 3 repeats)

Builds, in a throw-away test database (SQLite unless DATABASE_URL says otherwise), a comparison of
two synthetic accounts (tests.factories.synthetic_text) imported and aligned through the real
service, then two reviewers tag a share of the links and passages, with notes, and an editor
records final verdicts. It times building the export model (selectors plus the record queries) and
each renderer, with and without untagged suggestions, and prints one table: best of N runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
os.environ.setdefault("DEBUG", "1")


def best_of(repeat: int, function):
    """Best wall time and best CPU time of N runs (CPU time is steadier on a busy machine)."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return (min(walls), min(cpus)), result


def build(passages: int):
    from newsdiff.models import Link, Passage
    from newsdiff.services.annotations import annotation_set, link_accept
    from tests import factories

    started = time.perf_counter()
    comparison = factories.ComparisonFactory(slug="bench-export", title="Export benchmark")
    a = factories.article(comparison, factories.synthetic_text(passages, seed=1), source="Account A", outlet="Wire A")
    factories.article(comparison, factories.synthetic_text(passages, seed=2), source="Account B", outlet="Wire B")
    imported = time.perf_counter() - started
    ana, ben, eve = factories.reviewer("ana"), factories.reviewer("ben"), factories.editor("eve")
    links = list(Link.objects.filter(comparison=comparison).order_by("pk"))
    tagged = links[: len(links) // 4]
    for number, link in enumerate(tagged):
        label = "conflicting" if number % 5 == 0 else "matching"
        link_accept(link=link, reviewer=ana)
        annotation_set(reviewer=ana, link=link, label=label, note=f"Note {number} on <b>this</b> pair." if number % 3 == 0 else None)
        annotation_set(reviewer=ben, link=link, label="matching" if number % 7 else "conflicting")
        if number % 10 == 0:
            annotation_set(reviewer=eve, link=link, label=label, note="Editor's call.", final=True)
    linked = set(Link.a_passages.through.objects.filter(link__in=links).values_list("passage_id", flat=True))
    lone = [p for p in Passage.objects.filter(article=a).order_by("index") if p.is_reviewable and p.pk not in linked]
    for passage in lone[:50]:
        annotation_set(reviewer=ana, passage=passage, label="unique", note="Only A says so.")
    annotated = time.perf_counter() - started - imported
    return comparison, len(links), len(tagged), imported, annotated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("passages", nargs="?", type=int, default=2000, help="passages per side (default 2000)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from newsdiff.exports import RENDERERS, ExportOptions, comparison_export
    from newsdiff.selectors import comparison_side_by_side

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        comparison, n_links, n_tagged, imported, annotated = build(args.passages)
        print(
            f"{args.passages:,} passages a side · {n_links:,} links ({n_tagged:,} tagged by two reviewers) · "
            f"{connection.vendor} · import+align {imported:.1f} s · tagging {annotated:.1f} s · best of {args.repeat}"
        )
        print()
        print(f"{'options':<22} {'step':<14} {'wall s':>8} {'CPU s':>8} {'size':>10} {'queries':>8}")
        print("-" * 75)
        (wall, cpu), _ = best_of(args.repeat, lambda: comparison_side_by_side(comparison))
        print(f"{'(selector alone)':<22} {'side by side':<14} {wall:>8.3f} {cpu:>8.3f} {'':>10} {'':>8}")
        print()
        for label, options in (
            ("without suggestions", ExportOptions(suggestions=False)),
            ("with suggestions", ExportOptions(suggestions=True)),
        ):
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                comparison_export(comparison, options=options)
            (wall, cpu), model = best_of(args.repeat, lambda: comparison_export(comparison, options=options))
            print(f"{label:<22} {'build model':<14} {wall:>8.3f} {cpu:>8.3f} {'':>10} {len(queries.captured_queries):>8}")
            for fmt, render in RENDERERS.items():
                (wall, cpu), content = best_of(args.repeat, lambda: render(model))
                size = len(content.encode("utf-8", "surrogatepass"))
                print(f"{'':<22} {'render ' + fmt:<14} {wall:>8.3f} {cpu:>8.3f} {size / 1_048_576:>8.2f}MB {'':>8}")
            print()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
