"""List the sentence-splitting errors on the DEV half of ECB+ (the first half, as bench/import_bench.py cuts it).

    .venv/bin/python bench/segment_errors.py [--splitter segment|pysbd|regex] [--examples 8] [--class merged:quote]

The held-out half is never read here. Each gold sentence boundary the splitter misses is a *merge*; each
boundary it adds inside a gold sentence is a *split*. Both are put in one class by the text around them
(first class that applies, in the order of CLASSES), so the classes show which rule to look at; ECB+'s own
tokenisation artefacts (spaced punctuation, PTB quotes, dashes glued to words) are a class of their own and
must not drive rules.
"""

import argparse
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import import_bench  # noqa: E402

from newsdiff.text import segment as seg  # noqa: E402

FINAL = re.compile(r"""[.!?…]+["'”’»)\]]*$""")
# Spaced punctuation and PTB quotes, "€" read as "?" before an amount ("an? 110 billion"), ".357" and "TMZ.com"
# cut into two tokens ("a. 357", "TMZ. com"), an opening quote left at a line's end.
ARTEFACT = re.compile(r"""\s[.,;:!?'’”]|''|``|\s'[sS]\b|\w\?\s\d|\b\w\.\s\d|\.\s(?:com|org|gov|net)\b|[“"]$""")
QUOTE = re.compile(r"""["“”‘’«»]|'(?=\s|$)|(?<=\s)'""")


def dev_articles() -> list[str]:
    return import_bench.ecb_articles()[0]


def cuts_of(name: str, paragraph: str) -> set[int]:
    """Sentence ends (offsets just after the last non-space character) that a splitter returns."""
    if name == "segment":
        ends = [s.end for s in seg.segment(paragraph)]
    elif name == "pysbd":
        ends = seg._ambiguous_ends(paragraph, 0, len(paragraph), [float("inf")])
    else:
        ends = seg._simple_ends(paragraph)
    return {seg._strip_bounds(paragraph, 0, end)[1] for end in ends} - {0, len(paragraph)}


def classify(paragraph: str, cut: int, unpunctuated: bool) -> str:
    before, after = paragraph[max(0, cut - 25) : cut], paragraph[cut : cut + 25]
    word = before.split()[-1] if before.split() else ""
    following = after.split()[0] if after.split() else ""
    if unpunctuated:
        return "line without final punctuation (headline, dateline, truncated)"
    if ARTEFACT.search(paragraph[max(0, cut - 4) : cut + 4]) or ARTEFACT.search(word):
        return "tokenisation artefact"
    if "…" in word or ".." in word:
        return "ellipsis"
    if QUOTE.search(word[-3:]) or QUOTE.match(following) or in_quotation(paragraph, cut):
        return "quotation"
    bare = word.lstrip("(\"'“‘").rstrip(".!?”’\"')")
    if re.fullmatch(r"[A-Z]", bare) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", bare):
        return "initial or dotted abbreviation (U.S., J.)"
    if bare.lower() in seg._known_abbreviations("en"):
        return "known abbreviation"
    if re.search(r"\d", bare) or re.match(r"\d", following):
        return "number"
    if following[:1].islower():
        return "lower-case next"
    if word.endswith((":", ";", ",")) or not word.endswith((".", "!", "?")):
        return "no sentence punctuation at the cut"
    return "other (plain word + punctuation + capital)"


def in_quotation(paragraph: str, cut: int) -> bool:
    head = paragraph[:cut]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splitter", default="segment", choices=["segment", "pysbd", "regex"])
    parser.add_argument("--examples", type=int, default=6)
    parser.add_argument("--one-paragraph", action="store_true", help="each article as one paragraph (the old bench)")
    parser.add_argument("--class", dest="only", default="", help="kind:class prefix, e.g. merged:quot")
    args = parser.parse_args()
    counts = collections.Counter()
    examples = collections.defaultdict(list)
    for article in dev_articles():
        paragraphs = import_bench.bench_paragraphs(article, args.one_paragraph)
        for lines in paragraphs:
            paragraph = " ".join(lines)
            gold, offset = set(), 0
            unpunctuated = set()
            for line in lines[:-1]:
                offset += len(line)
                gold.add(offset)
                if not FINAL.search(line):
                    unpunctuated.add(offset)
                offset += 1
            got = cuts_of(args.splitter, paragraph)
            for kind, cuts in (("merged", gold - got), ("split", got - gold)):
                for cut in sorted(cuts):
                    label = classify(paragraph, cut, cut in unpunctuated)
                    counts[kind, label] += 1
                    shown = f"{paragraph[max(0, cut - 70) : cut]}⟦|⟧{paragraph[cut : cut + 50]}".replace("\n", " ")
                    examples[kind, label].append(shown)
    total = sum(counts.values())
    print(f"{args.splitter}: {total} boundary errors on the dev half")
    for (kind, label), count in counts.most_common():
        if args.only and not f"{kind}:{label}".startswith(args.only):
            continue
        print(f"\n{count:>5}  {kind:<7} {label}")
        for shown in examples[kind, label][: args.examples]:
            print(f"         …{shown}")


if __name__ == "__main__":
    main()
