"""Benchmark `newsdiff.text.align.align` on synthetic articles with planted paraphrase pairs.

Run: .venv/bin/python bench/align_bench.py [--lexical] [--seed N] [sizes...]   (default 100 1000 5000 passages a side)

By default `align()` scores two English accounts with the shipped English model (up to
SEMANTIC_MAX_PASSAGES passages in all; larger comparisons are scored lexically); --lexical turns it off.

Sentences mix English function words with content words drawn from a Zipf-like vocabulary, and a
few story names (the "Trump/Sheinbaum/Mexico" effect) that appear in about half the sentences.
A fifth of side b are paraphrases of side a sentences (words dropped, replaced, inserted and
locally reordered); the rest of both sides is unrelated. Targets: 1,000x1,000 under 0.5 s,
5,000x5,000 under 1 s CPU (issue 10), peak memory under 400 MB.

Each size is aligned twice. "cpu first" is the first call on that pair: its words are interned (stemmed,
looked up in wordfreq) and the cue caches are cold, as for any new comparison in a running worker; "new
words" says how many words it met for the first time in the process (the sizes share one made-up
vocabulary per --seed, so a larger size after a smaller one meets fewer). "cpu again" is the same pair
once more: what the alignment itself costs with every per-word and per-passage cache warm.
"""

from __future__ import annotations

import gc
import itertools
import random
import resource
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdiff.text.align import align  # noqa: E402
from newsdiff.text.alignment.terms import VOCABULARY as INTERNED  # noqa: E402

FUNCTION_WORDS = (
    "the of and to a in that is was for on with as by at from it be has have are were said will "
    "its their an this which but not or after also would been who than more about into over"
).split()
NAMES = ["Trump", "Sheinbaum", "Mexico", "Washington"]
VOCABULARY = 30_000
# Zipf-Mandelbrot ranks p(r) ~ 1 / (r + q)^s: the q offset keeps the top content words at a few
# per cent of tokens, as "government" or "year" are in news text, instead of a third of them.
ZIPF_S = 1.05
ZIPF_Q = 20
PLANTED_SHARE = 0.2


@dataclass(frozen=True)
class Passage:
    """A synthetic claim passage."""

    text: str
    kind: str = "claim"


def _vocabulary(rng: random.Random) -> list[str]:
    """Make pronounceable fake words, shortest first so frequent words are short as in English."""
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    words = set()
    while len(words) < VOCABULARY:
        syllables = rng.choice((2, 2, 3, 3, 3, 4))
        words.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(syllables))
                  + rng.choice(("", "n", "s", "r", "t")))
    return sorted(words, key=lambda w: (len(w), w))


class SentenceMaker:
    """Draw sentences whose content words follow a Zipf-like distribution."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words = _vocabulary(rng)
        self.cumulative = list(itertools.accumulate(
            1 / ((r + ZIPF_Q) ** ZIPF_S) for r in range(1, VOCABULARY + 1)))

    def content_word(self) -> str:
        """Return one content word, frequent ones more often."""
        return self.rng.choices(self.words, cum_weights=self.cumulative)[0]

    def words_for_sentence(self) -> list[str]:
        """Return the words of one new sentence."""
        out = [name for name in NAMES if self.rng.random() < 0.4]
        for _ in range(self.rng.randint(12, 34)):
            out.append(self.rng.choice(FUNCTION_WORDS) if self.rng.random() < 0.45 else self.content_word())
        self.rng.shuffle(out)
        return out

    def paraphrase(self, words: list[str]) -> list[str]:
        """Return a noisy rewording: drops, substitutions, insertions and local swaps."""
        out = []
        for word in words:
            roll = self.rng.random()
            if roll < 0.25:
                continue  # dropped
            if roll < 0.40:
                out.append(self.content_word())  # replaced by a synonym we cannot know
            else:
                out.append(word)
            if self.rng.random() < 0.1:
                out.append(self.rng.choice(FUNCTION_WORDS))
        for k in range(0, len(out) - 1, 4):
            if self.rng.random() < 0.5:
                out[k], out[k + 1] = out[k + 1], out[k]
        return out


def _text(words: list[str]) -> str:
    """Join words into a sentence."""
    return " ".join(words).capitalize() + "."


def make_pair(n: int, seed: int = 1) -> tuple[list[Passage], list[Passage], set[tuple[int, int]]]:
    """Return two n-passage articles and the planted (a, b) index pairs."""
    rng = random.Random(seed)
    maker = SentenceMaker(rng)
    a_words = [maker.words_for_sentence() for _ in range(n)]
    b_words = [maker.words_for_sentence() for _ in range(n)]
    planted_a = rng.sample(range(n), int(PLANTED_SHARE * n))
    planted_b = rng.sample(range(n), len(planted_a))
    for i, j in zip(planted_a, planted_b):
        b_words[j] = maker.paraphrase(a_words[i])
    a = [Passage(_text(w)) for w in a_words]
    b = [Passage(_text(w)) for w in b_words]
    return a, b, set(zip(planted_a, planted_b))


def run(n: int, seed: int = 1, **options) -> dict:
    """Time and measure one alignment of two n-passage articles: first call, the same again, memory."""
    a, b, planted = make_pair(n, seed)
    gc.collect()
    known = len(INTERNED.term_of_word)
    start, cpu_start = time.perf_counter(), time.process_time()
    result = align(a, b, **options)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    new_words = len(INTERNED.term_of_word) - known
    gc.collect()
    cpu_start = time.process_time()
    align(a, b, **options)
    cpu_again = time.process_time() - cpu_start
    # Memory in a second run: tracemalloc slows Python down, so it must not touch the timing.
    gc.collect()
    tracemalloc.start()
    align(a, b, **options)
    peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    linked = {(i, j) for link in result.links for i in link.a for j in link.b}
    return {
        "size": f"{n:,}x{n:,}",
        "seconds": seconds,
        "cpu": cpu,
        "cpu_again": cpu_again,
        "new_words": new_words,
        "peak_mb": peak_mb,
        "pairs_scored": result.pairs_scored,
        "recall": len(linked & planted) / len(planted) if planted else 1.0,
        "precision": len(linked & planted) / len(linked) if linked else 1.0,
    }


def main(sizes: list[int], lexical: bool = False, seed: int = 1) -> None:
    """Print the benchmark table."""
    options = {"scorer": None} if lexical else {}
    # What loads once per process (the shipped English model, word lists) is timed apart, before the table.
    cpu_start = time.process_time()
    align([Passage("The council met on Tuesday.")], [Passage("The council met on Monday.")], **options)
    print(f"first call (loads the model and word lists): {time.process_time() - cpu_start:.2f} s CPU"
          + (" [lexical: scorer=None]" if lexical else " [default: shipped English model]"))
    # CPU seconds are reported too: wall time is unreliable when other jobs share the machine.
    print(f"{'size':>12} {'seconds':>8} {'cpu first':>9} {'new words':>9} {'cpu again':>9} {'peak MB':>8}"
          f" {'pairs scored':>13} {'recall':>7} {'precision':>9}")
    for n in sizes:
        row = run(n, seed, **options)
        print(f"{row['size']:>12} {row['seconds']:>8.3f} {row['cpu']:>9.3f} {row['new_words']:>9,} {row['cpu_again']:>9.3f}"
              f" {row['peak_mb']:>8.1f} {row['pairs_scored']:>13,} {row['recall']:>7.3f} {row['precision']:>9.3f}")
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS (incl. interpreter, test data): {maxrss_mb:.0f} MB")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--lexical", action="store_true", help="scorer=None (no shipped model)")
    parser.add_argument("--seed", type=int, default=1, help="the made-up vocabulary and the pairs drawn from it")
    args = parser.parse_args()
    main(args.sizes, lexical=args.lexical, seed=args.seed)
