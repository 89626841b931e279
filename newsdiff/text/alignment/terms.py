"""Passages as integer term sets: folded words, Snowball stems, rarity in the language from wordfreq.

Each alignable passage is analysed once: its sentences (a passage of several sentences is scored
sentence by sentence), the term ids of each sentence and of the whole passage. Term ids are small
ints interned in a process-wide vocabulary, so the scoring loops work on ints, not strings.
Ids are given in the order the process first meets words, so the same passage has other ids (and a set of
them iterates in another order) depending on what the process read before: nothing that decides a result may
follow the ids or a set's order. Weights are summed in a passage's text order (`Side.words`, a dict in the
order its text gives the terms) or with `math.fsum`, and ties break by passage index or text position
(tests/text/alignment/test_engine.py).
A term's rarity in the language comes from wordfreq (its Zipf frequency: "the" 7.7, "government"
5.5, "fentanyl" 2.9, a name it does not know 0), so a word common in English weighs little even
in a short comparison where in-comparison IDF cannot tell.

Stopwords, stems, number words and rarity follow the account's language (`newsdiff.text.lexicon`);
the vocabularies of all languages share one space of term ids keyed by stem, so a name or a number
("Sheinbaum", "15") is one term in an English and a Spanish account alike.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from typing import Protocol, Sequence

from rapidfuzz.utils import default_process

from newsdiff.text.language import base_language
from newsdiff.text.lexicon import Lexicon, lexicon_for
from newsdiff.text.quotations import quotations

ALIGNABLE_KINDS = frozenset({"claim", "quote"})
# A sentence ends at . ! or ? (optionally closed by a quote or bracket) before a capital or a quote.
_DIGIT_GROUP_RE = re.compile(r"(?<=\d)[,.](?=\d)")
_HAS_DIGIT_GROUP_RE = re.compile(r"\d[,.]\d")  # a cheaper test first: most passages have none
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"”’')\]]?\s+(?=[\"“‘(\[]?[A-Z0-9])")
# Other languages: guillemets, inverted marks ("¿Por qué?") and accented capitals also open a sentence.
_SENTENCE_END_WIDE_RE = re.compile(r"(?<=[.!?])[\"”’')\]»]?\s+(?=[\"“‘(\[«¿¡]?[A-Z0-9À-ÖØ-Þ])")
# A wire dateline opening a story ("KESTREL FALLS (Northern Press) — ", "PORT CALDER — ", "Lindford (Coastline
# Press) -- "): where the story was filed, not what it says. Both accounts' leads carry it, and a later sentence
# that names the town would share it with the lead, so it gives no terms. Looked for in the story's opening
# only (its first DATELINE_PASSAGES alignable passages: the lead, or a headline line and the lead): a place in
# capitals, or any place followed by the agency in brackets, before a dash ("Trump — who ..." is kept).
_DATELINE_RE = re.compile(r"^(?:[A-Z]{2}[A-Z .,'’-]{0,40}(?:\s*\([^()]{1,40}\))?|[A-Z][\w .,'’-]{0,40}?\s*\([^()]{1,40}\))"
                          r"\s*(?:[—–]|--?)\s+")
DATELINE_PASSAGES = 2
# A passage is mostly a quotation when its quoted words give at least this share of its terms: the rest is
# who said it ("..., union president Daniel Okafor said").
QUOTED_SHARE = 0.5
# A word written as an event: a verb in the past tense ("escaped", "fired", "sentenced") or a nominalisation
# ("election", "announcement", "decision"). Its Snowball stem is the verb's ("escape" / "escaped" -> "escap",
# "election" / "elected" -> "elect"), so one account's "the escape" and another's "escaped" share an event term.
# Not -ing: in news it is as often a noun or an adjective ("borrowing costs", "the building", "housing", "ongoing")
# as a verb (measured: with -ing the dev snippet golds gained one false link, "higher borrowing costs" / "lifted
# borrowing costs", and no true one). English only: other languages inflect otherwise (`event_terms` gives none).
_EVENT_WORD_RE = re.compile(r"[^\W\d_]{3,}ed|[^\W\d_]{2,}(?:tion|sion|ment)")
# A quotation of fewer written words is a term, a title or a scare quote ('common sense', "very productive", 'Doctor
# Who'), not a statement: `Side.quotations` (calibrate.two_statements) leaves it out, as `cues` leaves it out of
# quotations credited to a speaker (cues.QUOTE_MIN_WORDS). `Side.quoted` keeps it (a passage that is all "'Completely
# false'" is mostly a quotation). Dev halves (bench/align_quality.py --dev; session 21, s21-quotes): with quotations in
# single marks read and no such floor, one ECB+ link fell ("her brother had too much ‘common sense’ to point a loaded
# gun" / "she doubted her brother was carrying a gun, but was rather grabbing his belt “to squeeze it”", unjudged);
# with it every dev row and every ECB+ dev link is as before single marks were read.
STATEMENT_WORDS = 3
RARITY_FLOOR = 0.15  # weight factor of the most common words of the language that are not stopwords
MAX_VOCABULARY = 1_000_000  # folded words remembered by the process (a few tens of MB at most)
# The sentences of a one-sentence passage (most of them): one shared empty tuple, not two new lists a passage.
# Lists are objects the garbage collector tracks: 20,000 of them for 5,000 x 5,000 passages, all alive until
# align() returns, brought on a full collection of the process's heap in most first calls (bench/align_bench.py).
NO_SENTENCES: tuple = ()
NO_QUOTE: frozenset = frozenset()  # shared by every passage without quotations or not mostly one (one object, as above)


class PassageLike(Protocol):
    """Anything with passage text and a segment kind."""

    text: str
    kind: str  # heading | claim | quote | boilerplate


@functools.lru_cache(maxsize=4)
def _frequencies(language: str = "en") -> dict[str, float]:
    """wordfreq's word frequencies of a language, loaded on first use.

    The "small" list holds every word down to Zipf 3.0, below which rarity() is 1.0 anyway, and
    loads in about 10 ms (the "best" list: 0.15 s). Imported here rather than at module level so
    that starting the web app does not pay for wordfreq's import (about 0.5 s).
    """
    from wordfreq import get_frequency_dict

    return get_frequency_dict(language, wordlist="small")


def rarity(word: str, language: str = "en") -> float:
    """How rare a folded word is in its language, 1.0 (unknown, a name) down to RARITY_FLOOR (very common)."""
    return _rarity(word, _frequencies(language))


def _rarity(word: str, frequencies: dict[str, float]) -> float:
    """`rarity` with the language's frequency list already at hand."""
    if word.isdigit():
        return 1.0
    frequency = frequencies.get(word)
    zipf = math.log10(frequency) + 9 if frequency else 0.0  # wordfreq's Zipf scale
    return max(RARITY_FLOOR, min(1.0, (7.0 - zipf) / 4.0))


class Vocabulary:
    """Process-wide interning of one language's folded words to term ids, in a term space shared by languages."""

    def __init__(self, lexicon: Lexicon | None = None, space: "Vocabulary | None" = None) -> None:
        self.lexicon = lexicon or lexicon_for("en")
        self.term_of_word: dict[str, int] = {}
        # The term space (stem -> id, which ids are numbers) is shared with `space`'s vocabulary.
        self.id_of_stem: dict[str, int] = space.id_of_stem if space else {}
        self.rarity: dict[str, float] = {}  # folded word -> rarity() in this language
        self.numbers: set[int] = space.numbers if space else set()  # term ids of numbers

    def term(self, word: str) -> int:
        """Return the term id of a folded word (its Snowball stem), -1 for a stopword or stray letter."""
        tid = self.term_of_word.get(word)
        if tid is None:
            tid = self.intern([word])[0]
        return tid

    def intern(self, words: list[str]) -> list[int]:
        """Return the term ids of folded words not met before, giving new stems new ids in the order met.

        The work of a word met for the first time (its canonical spelling, its stem, its rarity), done
        for a batch with everything it needs looked up once; `term` is the same for one word.
        """
        lexicon = self.lexicon
        canonical_words, stopwords, stem = lexicon.canonical_words, lexicon.stopwords, lexicon.stem
        frequencies = _frequencies(lexicon.wordfreq)
        term_of_word, id_of_stem, rarities, numbers = self.term_of_word, self.id_of_stem, self.rarity, self.numbers
        out = []
        for word in words:
            tid = term_of_word.get(word)  # a word twice in one batch
            if tid is None:
                canonical = canonical_words.get(word, word)
                digits = canonical.isdigit()
                # A number word is a number even where the stopword list has it ("dos", "tres").
                if not digits and (word in stopwords or len(word) < 2):
                    tid = -1
                else:
                    s = canonical if digits else stem(canonical)
                    tid = id_of_stem.get(s)
                    if tid is None:
                        tid = id_of_stem[s] = len(id_of_stem)
                        if digits:
                            numbers.add(tid)
                    rarities[word] = _rarity(word, frequencies)
                if len(term_of_word) < MAX_VOCABULARY:
                    term_of_word[word] = tid
            out.append(tid)
        return out

    def terms(self, text: str) -> dict[int, str]:
        """Return the term ids of `text` in order, each with the first folded word that gave it."""
        if _HAS_DIGIT_GROUP_RE.search(text):
            text = _DIGIT_GROUP_RE.sub("", text)  # "2,000" and "5.1" are one term each
        words = default_process(text).split()
        get = self.term_of_word.get
        out: dict[int, str] = {}
        for w in words:
            tid = get(w)
            if tid is None:  # a word met for the first time: intern the passage's new words, in order, and read again
                self.intern([x for x in words if x not in self.term_of_word])
                return self._read(words)
            if tid >= 0 and tid not in out:
                out[tid] = w
        return out

    def _read(self, words: list[str]) -> dict[int, str]:
        """`terms` of words that are all interned (or past MAX_VOCABULARY: looked up again)."""
        out: dict[int, str] = {}
        get, term = self.term_of_word.get, self.term
        for w in words:
            tid = get(w)
            if tid is None:
                tid = term(w)
            if tid >= 0 and tid not in out:
                out[tid] = w
        return out


VOCABULARY = Vocabulary()
_VOCABULARIES = {"en": VOCABULARY}


def vocabulary_for(language: str | None) -> Vocabulary:
    """Return the process-wide vocabulary of a language (English's for a language without a lexicon)."""
    lexicon = lexicon_for(language)
    vocabulary = _VOCABULARIES.get(lexicon.code)
    if vocabulary is None:
        vocabulary = _VOCABULARIES.setdefault(lexicon.code, Vocabulary(lexicon, space=VOCABULARY))
    return vocabulary


def sentences(text: str, language: str = "en") -> list[str]:
    """Split a passage into sentences; most passages are one sentence already."""
    parts = (_SENTENCE_END_RE if language == "en" else _SENTENCE_END_WIDE_RE).split(text)
    return [p for p in parts if p.strip()] or [text]


@dataclass
class Side:
    """The alignable passages of one account, analysed once."""

    indices: list[int] = field(default_factory=list)  # position of each passage in the account
    texts: list[str] = field(default_factory=list)
    terms: list[frozenset[int]] = field(default_factory=list)  # the whole passage (iterates in an order of ids)
    words: list[dict[int, str]] = field(default_factory=list)  # term -> first word as folded, in text order
    content: list[str] = field(default_factory=list)  # the content words, folded, space-separated
    # Only for multi-sentence passages; a one-sentence passage has NO_SENTENCES in both.
    sentence_texts: list[Sequence[str]] = field(default_factory=list)
    sentence_terms: list[Sequence[frozenset[int]]] = field(default_factory=list)
    quoted: list[frozenset[int]] = field(default_factory=list)  # a mostly quoted passage's quoted terms, else NO_QUOTE
    # The terms of a passage's direct quotations of STATEMENT_WORDS words or more (`newsdiff.text.quotations`), else
    # NO_QUOTE.
    quotations: list[frozenset[int]] = field(default_factory=list)
    language: str = "en"  # the account's base language ("es" for "es-MX"); its lexicon may be English's
    vocabulary: Vocabulary = field(default=VOCABULARY, repr=False)  # where its words' rarity is


def _quotation_terms(text: str, words: dict[int, str], vocabulary: Vocabulary) -> tuple[frozenset[int], frozenset[int]]:
    """The terms of a passage's direct quotations (in double, angle or single marks: `newsdiff.text.quotations`), and
    of those of STATEMENT_WORDS written words or more; NO_QUOTE for none."""
    found = quotations(text, vocabulary.lexicon.code)
    if not found:
        return NO_QUOTE, NO_QUOTE
    quoted: set[int] = set()
    statements: set[int] = set()
    for said, _, _ in found:
        said_terms = vocabulary.terms(said).keys() & words.keys()
        quoted |= said_terms
        if len(said.split()) >= STATEMENT_WORDS:
            statements |= said_terms
    return frozenset(quoted) if quoted else NO_QUOTE, frozenset(statements) if statements else NO_QUOTE


def analyse(passages: Sequence[PassageLike], vocabulary: Vocabulary | None = None, language: str = "en") -> Side:
    """Extract the term ids of each alignable passage (and of each of its sentences when it has several)."""
    vocabulary = vocabulary or vocabulary_for(language)
    side = Side(language=base_language(language) or vocabulary.lexicon.code, vocabulary=vocabulary)
    for index, passage in enumerate(passages):
        if passage.kind not in ALIGNABLE_KINDS:
            continue
        text = passage.text
        dateline = _DATELINE_RE.match(text) if len(side.texts) < DATELINE_PASSAGES and text[:1].isupper() else None
        body = text[dateline.end():] if dateline else text  # the words the passage is scored on
        words = vocabulary.terms(body)
        side.indices.append(index)
        side.texts.append(text)
        side.terms.append(frozenset(words))
        side.words.append(words)
        side.content.append(" ".join(words.values()))
        quoted, statements = _quotation_terms(body, words, vocabulary)
        side.quotations.append(statements)
        side.quoted.append(quoted if quoted and len(quoted) >= QUOTED_SHARE * len(words) else NO_QUOTE)
        # str.count is a cheap test for a second sentence before the regex split.
        maybe_several = len(body) > 60 and (body.count(". ") + body.count("? ") + body.count("! ")
                                            + body.count(".” ") + body.count('." '))
        parts = sentences(body, vocabulary.lexicon.code) if maybe_several else ()
        if len(parts) > 1:
            side.sentence_texts.append(parts)
            side.sentence_terms.append([frozenset(vocabulary.terms(p)) for p in parts])
        else:
            side.sentence_texts.append(NO_SENTENCES)
            side.sentence_terms.append(NO_SENTENCES)
    return side


def event_terms(side: Side, k: int) -> frozenset[int]:
    """The terms passage k writes as an event word (`_EVENT_WORD_RE`: a verb in -ed or a nominalisation in -tion /
    -sion / -ment; a stopword is no term), none outside English."""
    if side.vocabulary.lexicon.code != "en":
        return frozenset()
    match = _EVENT_WORD_RE.fullmatch
    return frozenset(t for t, w in side.words[k].items() if match(w))
