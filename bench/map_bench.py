"""Measure the alignment map at 20, 500 and 2,000 passages per side: geometry, SVG rendering and size.

    .venv/bin/python bench/map_bench.py [--sizes 20,500,2000] [--repeat 5]

Builds each comparison through the real import (synthetic text, aligned) in a temporary SQLite database,
then times, on the rows the review page already has: map_from_rows + map_layout (pure Python) and the
template partial that draws the SVG. Prints the best wall and CPU time of each, and the SVG's size. The map
is drawn on every page view and every tag request (out of band), so its time adds to both.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def best_of(repeat: int, call):
    best_wall = best_cpu = float("inf")
    result = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = call()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,500,2000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="newsdiff-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.template.loader import render_to_string

    call_command("migrate", verbosity=0)

    from newsdiff.alignmap import map_from_rows, map_layout
    from newsdiff.selectors import comparison_side_by_side
    from tests import factories

    print(f"{'passages a side':>16} {'shapes':>7} {'geometry wall s':>16} {'CPU s':>7} {'SVG wall s':>11} {'CPU s':>7} {'SVG KB':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        comparison = factories.ComparisonFactory(slug=f"map-{size}")
        factories.article(comparison, factories.synthetic_text(size), source="Left", align=False)
        factories.article(comparison, factories.synthetic_text(size, seed=3, topic="also "), source="Right")
        view = comparison_side_by_side(comparison, highlight=False)
        geometry_wall, geometry_cpu, amap = best_of(
            args.repeat, lambda rows=view.rows: map_layout(*map_from_rows(rows, lambda key: f"#row-{key}"))
        )
        context = {"amap": amap, "map_id": "m", "map_label": "map"}
        svg_wall, svg_cpu, svg = best_of(
            args.repeat, lambda context=context: render_to_string("newsdiff/alignment_map.html#map", context)
        )
        print(
            f"{size:>16,} {len(amap.ribbons) + len(amap.bars):>7,} {geometry_wall:>16.3f} {geometry_cpu:>7.3f} "
            f"{svg_wall:>11.3f} {svg_cpu:>7.3f} {len(svg.encode()) / 1024:>7.0f}"
        )


if __name__ == "__main__":
    main()
