"""Synthetic accounts for the tests that compare alignments made with different word-interning histories.

A smaller copy of bench/align_bench.py's generator: made-up words (unknown to wordfreq, so all equally rare and
many term weights tie) drawn with Zipf-like frequencies, English function words, a few story names in about
half the sentences, and a fifth of side b rewording side a sentences. Ties are where an order that follows the
process-wide term ids (a set's iteration order) shows: in which candidates are kept and in float sums.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

FUNCTION_WORDS = ("the of and to a in that is was for on with as by at from it be has have are were said will "
                  "its their an this which but not or after also would been who than").split()
NAMES = ("Trump", "Sheinbaum", "Mexico", "Washington")


@dataclass(frozen=True)
class P:
    """A claim passage."""

    text: str
    kind: str = "claim"


def made_up_words(rng: random.Random, n: int = 3_000) -> list[str]:
    """Return `n` pronounceable made-up words, shortest first."""
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.choice((2, 3, 3, 4))))
                  + rng.choice(("", "n", "s", "r", "t")))
    return sorted(words, key=lambda w: (len(w), w))


def articles(n: int, seed: int, vocabulary_seed: int | None = None) -> tuple[list[P], list[P]]:
    """Return two n-passage accounts; the same `vocabulary_seed` (default `seed`) draws from the same words."""
    words = made_up_words(random.Random(seed if vocabulary_seed is None else vocabulary_seed))
    cumulative = list(itertools.accumulate(1 / (r + 20) ** 1.05 for r in range(1, len(words) + 1)))
    rng = random.Random(seed)

    def sentence() -> list[str]:
        out = [name for name in NAMES if rng.random() < 0.4]
        for _ in range(rng.randint(8, 24)):
            out.append(rng.choice(FUNCTION_WORDS) if rng.random() < 0.45
                       else rng.choices(words, cum_weights=cumulative)[0])
        rng.shuffle(out)
        return out

    def reworded(original: list[str]) -> list[str]:
        out = [w if rng.random() < 0.7 else rng.choices(words, cum_weights=cumulative)[0]
               for w in original if rng.random() >= 0.2]
        return out or original

    def text(words: list[str]) -> str:
        # Some passages are two sentences (scored sentence by sentence as well as whole).
        first = " ".join(words).capitalize() + "."
        return first + " " + " ".join(sentence()).capitalize() + "." if rng.random() < 0.15 else first

    a_words = [sentence() for _ in range(n)]
    b_words = [sentence() for _ in range(n)]
    for i, j in zip(rng.sample(range(n), n // 5), rng.sample(range(n), n // 5)):
        b_words[j] = reworded(a_words[i])
    return [P(text(w)) for w in a_words], [P(text(w)) for w in b_words]


def vocabularies() -> tuple:
    """Return two English vocabularies with different histories: a new one, and one that has met other words
    first (then the same words give other term ids, and sets of them iterate in another order)."""
    from newsdiff.text.alignment.terms import Vocabulary

    used = Vocabulary()
    used.intern(made_up_words(random.Random(99), 1_500) + [f"{k}" for k in range(500)])
    return Vocabulary(), used
