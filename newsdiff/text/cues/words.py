"""How the cues read a passage's words: headline case (`_uncased`), clause bounds, the reporting verbs, content-word
stems (`_topic_words`), words written in lower case (`_plain_words`), negations spelt as words (`_negation_text`) and
the shipped static model's similarity of two words. Shared by every kind of cue."""

from __future__ import annotations

import functools
import re

from rapidfuzz.utils import default_process

from newsdiff.text.lexicon import Lexicon
from newsdiff.text.lexicon.en import ENGLISH
from newsdiff.text.speakers import is_common_word


# Spellings of one thing that alignment should treat as one word (English; each Lexicon has its own).
CANONICAL_WORDS = ENGLISH.canonical_words

_POSSESSIVE = ("'s", "’s")

# In headline case only stopwords of at most this many letters may stay in lower case ("of", "in", "at"); the rule of
# session 20's s20-caps measurement (`terms.is_cased` there), which on ECB+ dev flagged 443 of 12,366 lines.
TITLE_CASE_LOWER = 3


@functools.lru_cache(maxsize=20_000)
def _uncased(text: str, lex: Lexicon) -> bool:
    """Whether `text` is written in headline case, where a capital says nothing about a name: all in capitals ("BANK
    OUTAGE HITS CUSTOMERS"), or every word past the first capitalised but short stopwords ("Bank Outage Hits
    Customers On Friday"), three such words at least, one of them a stopword or a common word (not a line of
    names: "Kevin Durant, Russell Westbrook")."""
    words = re.findall(r"\b[^\W\d_]+(?:['’][^\W\d_]+)*\b", text)  # not "th" of "5th"
    if len(words) < 4:
        return False
    letters = "".join(words)
    if letters.isupper():
        return True
    capitalised = [w for w in words[1:] if w[0].isupper()]
    if any(w[0].islower() and not (w.lower() in lex.stopwords and len(w) <= TITLE_CASE_LOWER) for w in words[1:]):
        return False
    return len(capitalised) >= 3 and any(w.lower() in lex.stopwords or is_common_word(w.lower(), lex.wordfreq)
                                         for w in capitalised)


@functools.cache
def _reporting(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.reporting_verbs)


def _clause_bounds(text: str, lex: Lexicon) -> list[int]:
    """Offsets where clauses of `text` break (a comma or colon between digits, as in "1,200", is no break)."""
    out = [0]
    for m in lex.clause_re.finditer(text):
        if text[m.start() - 1:m.start()].isdigit() and text[m.end():m.end() + 1].isdigit():
            continue
        out.append(m.start())
    out.append(len(text))
    return out


_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"”’')\]]?\s+")


def _negation_text(text: str, lex: Lexicon) -> str:
    """`text` with its negations spelt as words: the glued "n't" as " not", and an implicative verb that entails
    the opposite of its complement ("failed to publish", "neglected to tell", "was unable to attend": it was not
    published, told, attended) as " not"."""
    if lex.negation_suffix:
        text = text.replace("n't", " not").replace("n’t", " not")
    pattern = lex.implicative_re
    if pattern is None or lex.implicative_verbs.isdisjoint(text.lower().split()):
        return text
    return pattern.sub(" not", text)


@functools.lru_cache(maxsize=20_000)
def _word_similarity(x: str, y: str, language: str) -> float | None:
    """Cosine of two words' vectors in the shipped static model; None where the model cannot say."""
    from newsdiff.text.semantic import shipped_scorer

    scorer = shipped_scorer(language)
    if scorer is None:
        return None
    return float(scorer.matrix([x], [y])[0, 0])


@functools.lru_cache(maxsize=20_000)
def _plain_words(text: str, lex: Lexicon) -> frozenset[str]:
    """Stems of the words `text` writes in lower case somewhere: not only as part of a name. In headline case
    (`_uncased`: "Brothers' Murder Trial To Resume Monday Morning") a capital says nothing, so every word counts; the
    other side's words in lower case still keep names out where both are compared (`plain` is what both write)."""
    text = _negation_text(text, lex)
    if _uncased(text, lex):
        return frozenset(lex.stem(w.lower()) for w in re.findall(r"[^\W\d_]+", text))
    return frozenset(lex.stem(w.lower()) for w in re.findall(r"[^\W\d_]+", text) if w[0].islower())


@functools.lru_cache(maxsize=20_000)
def _topic_words(text: str, lex: Lexicon) -> frozenset[str]:
    """Content-word stems of `text` that are not numbers, months or weekdays."""
    return frozenset(lex.stem(w) for w in default_process(text).split()
                     if w.isalpha() and len(w) > 1 and w not in lex.stopwords and w not in lex.months
                     and w not in lex.weekdays and w not in lex.number_words and w not in lex.ordinals)
