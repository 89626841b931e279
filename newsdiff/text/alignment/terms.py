"""Passages as integer term sets: folded words, Snowball stems, rarity in English from wordfreq.

Each alignable passage is analysed once: its sentences (a passage of several sentences is scored
sentence by sentence), the term ids of each sentence and of the whole passage. Term ids are small
ints interned in a process-wide vocabulary, so the scoring loops work on ints, not strings.
A term's rarity in the language comes from wordfreq (its Zipf frequency: "the" 7.7, "government"
5.5, "fentanyl" 2.9, a name it does not know 0), so a word common in English weighs little even
in a short comparison where in-comparison IDF cannot tell.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from typing import Protocol, Sequence

import snowballstemmer
from rapidfuzz.utils import default_process

from newsdiff.text.cues import CANONICAL_WORDS
from newsdiff.text.tokens import STOPWORDS

ALIGNABLE_KINDS = frozenset({"claim", "quote"})
# A sentence ends at . ! or ? (optionally closed by a quote or bracket) before a capital or a quote.
_DIGIT_GROUP_RE = re.compile(r"(?<=\d)[,.](?=\d)")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"”’')\]]?\s+(?=[\"“‘(\[]?[A-Z0-9])")
RARITY_FLOOR = 0.15  # weight factor of the most common English words that are not stopwords
_STEMMER = snowballstemmer.stemmer("english")  # PyStemmer's C implementation when installed
MAX_VOCABULARY = 1_000_000  # folded words remembered by the process (a few tens of MB at most)


class PassageLike(Protocol):
    """Anything with passage text and a segment kind."""

    text: str
    kind: str  # heading | claim | quote | boilerplate


@functools.lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English word frequencies, loaded on first use.

    The "small" list holds every word down to Zipf 3.0, below which rarity() is 1.0 anyway, and
    loads in about 10 ms (the "best" list: 0.15 s). Imported here rather than at module level so
    that starting the web app does not pay for wordfreq's import (about 0.5 s).
    """
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="small")


def rarity(word: str) -> float:
    """How rare a folded word is in English, 1.0 (unknown, a name) down to RARITY_FLOOR (very common)."""
    if word.isdigit():
        return 1.0
    frequency = _frequencies().get(word)
    zipf = math.log10(frequency) + 9 if frequency else 0.0  # wordfreq's Zipf scale
    return max(RARITY_FLOOR, min(1.0, (7.0 - zipf) / 4.0))


class Vocabulary:
    """Process-wide interning of folded words to (term id, surface stem)."""

    def __init__(self) -> None:
        self.term_of_word: dict[str, int] = {}
        self.id_of_stem: dict[str, int] = {}
        self.rarity: dict[str, float] = {}  # folded word -> rarity()
        self.numbers: set[int] = set()  # term ids of numbers

    def term(self, word: str) -> int:
        """Return the term id of a folded word (its Snowball stem), -1 for a stopword or stray letter."""
        tid = self.term_of_word.get(word)
        if tid is None:
            if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
                tid = -1
            else:
                canonical = CANONICAL_WORDS.get(word, word)
                s = canonical if canonical.isdigit() else _STEMMER.stemWord(canonical)
                tid = self.id_of_stem.get(s)
                if tid is None:
                    tid = self.id_of_stem[s] = len(self.id_of_stem)
                    if canonical.isdigit():
                        self.numbers.add(tid)
                self.rarity[word] = rarity(word)
            if len(self.term_of_word) < MAX_VOCABULARY:
                self.term_of_word[word] = tid
        return tid

    def terms(self, text: str) -> dict[int, str]:
        """Return the term ids of `text` in order, each with the first folded word that gave it."""
        get, term = self.term_of_word.get, self.term
        out: dict[int, str] = {}
        text = _DIGIT_GROUP_RE.sub("", text)  # "2,000" and "5.1" are one term each
        for w in default_process(text).split():
            tid = get(w)
            if tid is None:
                tid = term(w)
            if tid >= 0 and tid not in out:
                out[tid] = w
        return out


VOCABULARY = Vocabulary()


def sentences(text: str) -> list[str]:
    """Split a passage into sentences; most passages are one sentence already."""
    parts = _SENTENCE_END_RE.split(text)
    return [p for p in parts if p.strip()] or [text]


@dataclass
class Side:
    """The alignable passages of one account, analysed once."""

    indices: list[int] = field(default_factory=list)  # position of each passage in the account
    texts: list[str] = field(default_factory=list)
    terms: list[frozenset[int]] = field(default_factory=list)  # the whole passage
    words: list[dict[int, str]] = field(default_factory=list)  # term -> first word as folded
    content: list[str] = field(default_factory=list)  # the content words, folded, space-separated
    sentence_texts: list[list[str]] = field(default_factory=list)  # only for multi-sentence passages
    sentence_terms: list[list[frozenset[int]]] = field(default_factory=list)


def analyse(passages: Sequence[PassageLike], vocabulary: Vocabulary = VOCABULARY) -> Side:
    """Extract the term ids of each alignable passage (and of each of its sentences when it has several)."""
    side = Side()
    for index, passage in enumerate(passages):
        if passage.kind not in ALIGNABLE_KINDS:
            continue
        text = passage.text
        words = vocabulary.terms(text)
        side.indices.append(index)
        side.texts.append(text)
        side.terms.append(frozenset(words))
        side.words.append(words)
        side.content.append(" ".join(words.values()))
        # str.count is a cheap test for a second sentence before the regex split.
        maybe_several = len(text) > 60 and (text.count(". ") + text.count("? ") + text.count("! ")
                                            + text.count(".” ") + text.count('." '))
        parts = sentences(text) if maybe_several else ()
        if len(parts) > 1:
            side.sentence_texts.append(parts)
            side.sentence_terms.append([frozenset(vocabulary.terms(p)) for p in parts])
        else:
            side.sentence_texts.append([])
            side.sentence_terms.append([])
    return side
