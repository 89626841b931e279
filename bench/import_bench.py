"""Measure sentence splitting, article import and command start-up.

    .venv/bin/python bench/import_bench.py [--sizes 10000,100000,1000000] [--skip-startup]

1. Splitting quality on text nobody tuned on: ECB+ news articles (../shared/data/alignment, one gold
   sentence per line) joined into paragraphs (a paragraph ends after a line without closing punctuation, as a
   headline or dateline would in a real import; --one-paragraph joins each article into one, the bench before
   session 19); each splitter's share of gold sentences found exactly.
   Splitters: segment() (rules first, pysbd on ambiguous stretches), pysbd alone (chunked, as before),
   and the plain regex splitter as the baseline. Articles of the first half of the file / second half.
2. CPU time of segment() against pysbd alone on news-like text of each size (the seed articles and ECB+
   sentences repeated), and of a whole import through services.articles.article_import (no alignment:
   that runs as a background task) in a temporary SQLite database.
3. Start-up of a management command: `python -X importtime manage.py help|check` (total of the import tree,
   newsdiff's own share, heavy packages) and the wall/CPU time of `manage.py help` and `manage.py check`
   beside importing Django's own modules alone (the floor no project code can go under).
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def cpu(call):
    start = time.process_time()
    result = call()
    return time.process_time() - start, result


def pysbd_alone(text: str) -> list[str]:
    """Every paragraph through pysbd in chunks, as segment() did before (the reference)."""
    from newsdiff.text import segment as seg

    sentences = []
    for start, end in seg._paragraph_spans(text):
        paragraph = text[start:end]
        cuts = sorted(set(seg._ambiguous_ends(paragraph, 0, len(paragraph), [float("inf")]) + [len(paragraph)]))
        previous = 0
        for cut in cuts:
            piece = paragraph[previous:cut].strip()
            if piece:
                sentences.append(piece)
            previous = cut
    return sentences


def rules_alone(text: str) -> list[str]:
    from newsdiff.text import segment as seg

    sentences = []
    for start, end in seg._paragraph_spans(text):
        paragraph = text[start:end]
        previous = 0
        for cut in [*seg._simple_ends(paragraph), len(paragraph)]:
            piece = paragraph[previous:cut].strip()
            if piece:
                sentences.append(piece)
            previous = cut
    return sentences


def ecb_articles() -> tuple[list[str], list[str]]:
    """ECB+ articles (one gold sentence per line), in file order: (first half, second half)."""
    ecb = json.loads((SHARED / "data" / "alignment" / "ecbplus_pairs.json").read_text(encoding="utf-8"))
    articles = list({pair[side]["doc"]: pair[side]["text"] for pair in ecb["pairs"] for side in "ab"}.values())
    half = len(articles) // 2
    return articles[:half], articles[half:]


# ECB+ gives one sentence per line and no paragraphs. Joining every line into one paragraph (as this bench did
# until session 19) glues each headline, dateline, byline and "The results were:" line to the sentence after
# it; no splitter can cut there on punctuation, and in a real import such a line is a paragraph of its own
# (a line break, a block in the HTML). So a paragraph ends after every line without closing punctuation.
LINE_END = re.compile(r"""[.!?…]+["'”’»)\]]*$""")
# One artefact of ECB+'s re-joined tokens is repaired in the gold itself, before any splitter sees it: a
# closing quote after a sentence's last punctuation kept its space ('happen. "', 'Sunday. ” DeGeneres'). A
# straight one at the end of a line and a curly one anywhere can only close, so they are attached
# ('happen."'). Other artefacts are left alone (bench/segment_errors.py lists them apart).
SPACED_CLOSING_QUOTE = re.compile(r"""([.!?…,]) (?:(["'])$|([”’])(?=\s|$))""")


def bench_paragraphs(article: str, one_paragraph: bool = False) -> list[list[str]]:
    """The article's gold sentences, grouped into the paragraphs the splitters see."""
    gold = [line.strip() for line in article.splitlines() if line.strip()]
    if one_paragraph:
        return [gold]
    paragraphs: list[list[str]] = [[]]
    for line in gold:
        line = SPACED_CLOSING_QUOTE.sub(lambda match: match.group(1) + (match.group(2) or match.group(3)), line)
        paragraphs[-1].append(line)
        if not LINE_END.search(line):
            paragraphs.append([])
    return [lines for lines in paragraphs if lines]


def quality(articles: list[str], one_paragraph: bool = False) -> dict[str, float]:
    """Share of gold sentences (lines) that each splitter returns exactly, over articles joined into paragraphs."""
    from newsdiff.text.segment import segment

    splitters = {
        "segment()": lambda text: [s.text for s in segment(text)],
        "pysbd alone": pysbd_alone,
        "regex baseline": rules_alone,
    }
    found = dict.fromkeys(splitters, 0)
    total = 0
    for article in articles:
        paragraphs = bench_paragraphs(article, one_paragraph)
        text = "\n\n".join(" ".join(lines) for lines in paragraphs)
        gold = [line for lines in paragraphs for line in lines]
        total += len(gold)
        for name, split in splitters.items():
            got = set(split(text))
            found[name] += sum(1 for sentence in gold if sentence in got)
    return {name: found[name] / total for name in splitters} | {"sentences": total}


def news_text(size: int) -> str:
    """News-like text of about size characters: the seeds and ECB+ articles, repeated, in paragraphs."""
    parts = [path.read_text(encoding="utf-8") for path in sorted((SHARED / "seeds").glob("*.txt"))]
    ecb = json.loads((SHARED / "data" / "alignment" / "ecbplus_pairs.json").read_text(encoding="utf-8"))
    parts += [pair["a"]["text"].replace("\n", " ") for pair in ecb["pairs"][:60]]
    text = "\n\n".join(parts)
    return (text * (size // len(text) + 1))[:size]


def _import_tree(stderr: str) -> list[tuple[int, int, str, list]]:
    """`-X importtime` lines as a tree: (cumulative µs, depth, module, children), roots in import order."""
    pending: list[tuple[int, int, str, list]] = []
    for line in stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if not match:
            continue
        depth = len(match.group(3))
        children = []
        while pending and pending[-1][1] > depth:  # a module is listed after everything it imported
            children.insert(0, pending.pop())
        pending.append((int(match.group(2)), depth, match.group(4), children))
    return pending


def _own(nodes, inside=False) -> list[tuple[int, str]]:
    """The outermost newsdiff modules of the tree (their cumulative time includes what they imported)."""
    found = []
    for micros, _, name, children in nodes:
        ours = name.split(".")[0] == "newsdiff"
        if ours and not inside:
            found.append((micros, name))
        found.extend(_own(children, inside or ours))
    return found


def startup() -> list[str]:
    lines = []
    # As deployed: bytecode is written once and reused (PYTHONDONTWRITEBYTECODE would recompile every file of
    # the project at each start); one warm-up run writes it.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["DEBUG"] = "1"
    subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, check=True)
    for command in (["help"], ["check"]):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True
        )
        tree = _import_tree(result.stderr)
        own = sorted(_own(tree), reverse=True)
        lines.append(
            f"  imports of `manage.py {command[0]}`: {sum(r[0] for r in tree) / 1000:.0f} ms in total, newsdiff's own"
            f" {sum(r[0] for r in own) / 1000:.0f} ms (-X importtime)"
        )
        for micros, name in own[:4]:
            lines.append(f"    {name:<40} {micros / 1000:>6.0f} ms")
        names = set()
        stack = list(tree)
        while stack:
            _, _, name, children = stack.pop()
            names.add(name)
            stack.extend(children)
        heavy = [name for name in ("trafilatura", "pysbd", "lxml", "rapidfuzz", "bleach", "numpy") if name in names]
        lines.append(f"    heavy packages imported: {', '.join(heavy) or 'none'}")
    floor = ["-c", "import django.core.management, django.urls, django.db.models, django.forms, django.template"]
    for label, args in (("help", ["manage.py", "help"]), ("check", ["manage.py", "check"]), ("django alone", floor)):
        walls, cpus = [], []
        for _ in range(5):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, check=True)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        lines.append(
            f"  {label:<17} wall {sorted(walls)[2] * 1000:>5.0f} ms   cpu {sorted(cpus)[2] * 1000:>5.0f} ms (median of 5)"
        )
    lines.append("  (django alone: importing the Django modules every command needs, without settings or apps)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument(
        "--one-paragraph", action="store_true",
        help="join each ECB+ article into one paragraph (the bench before session 19)",
    )
    parser.add_argument("--startup-only", action="store_true", help="only the start-up figures (part 3)")
    args = parser.parse_args()
    if args.startup_only:
        print("Start-up")
        for line in startup():
            print(line)
        print(f"  load average {os.getloadavg()[0]:.1f}")
        return

    workdir = tempfile.mkdtemp(prefix="newsdiff-import-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    os.environ.setdefault("NEWSDIFF_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024))

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    first_half, second_half = ecb_articles()
    joined = ("articles joined into one paragraph each" if args.one_paragraph
              else "a paragraph ends after a line without closing punctuation")
    print(f"Sentence splitting on ECB+ (gold sentences found exactly; {joined})")
    for label, part in (("first half", first_half), ("second half", second_half)):
        scores = quality(part, args.one_paragraph)
        print(
            f"  {label:<12} {scores['sentences']:>6} sentences   segment() {scores['segment()']:.3f}"
            f"   pysbd alone {scores['pysbd alone']:.3f}   regex baseline {scores['regex baseline']:.3f}"
        )

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from newsdiff.services.articles import ArticleMeta, article_import, comparison_get_or_create
    from newsdiff.text.segment import segment

    segment("Warm up. Mr. Smith went to Washington, D.C. on Monday.")
    # The first import in a process loads the pipeline's modules and word lists (extraction, language
    # detection, ...), as a fresh worker does once; it is reported on its own so the sizes below show
    # what each later import costs.
    warm_comparison = comparison_get_or_create(slug="import-warm-up", title="Warm-up")
    first_cpu, _ = cpu(lambda: article_import(comparison=warm_comparison, meta=ArticleMeta(source="Bench"),
                                              content=news_text(2_000), fmt="text", align=False))
    print(f"\nFirst import in the process (2,000 characters, loads the pipeline once): {first_cpu:.2f} s CPU")
    print("\nCPU seconds         segment()   pysbd alone   import (no alignment)")
    for size in [int(s) for s in args.sizes.split(",")]:
        text = news_text(size)
        seg_cpu, segments = cpu(lambda: segment(text))
        sbd_cpu, _ = cpu(lambda: pysbd_alone(text)) if size <= 200_000 else (float("nan"), None)
        comparison = comparison_get_or_create(slug=f"import-{size}", title=f"Import {size}")
        imp_cpu, _ = cpu(
            lambda: article_import(
                comparison=comparison, meta=ArticleMeta(source="Bench"), content=text, fmt="text", align=False
            )
        )
        print(f"  {size:>9,} chars   {seg_cpu:>8.2f}   {sbd_cpu:>11.2f}   {imp_cpu:>8.2f}   ({len(segments):,} sentences)")
    print("  (pysbd alone is skipped above 200,000 characters: minutes)")

    if not args.skip_startup:
        print("\nStart-up")
        for line in startup():
            print(line)


if __name__ == "__main__":
    main()
