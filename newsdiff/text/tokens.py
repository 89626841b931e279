"""Word tokens, folding, stopwords and a light stemmer shared by alignment and highlighting."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz.utils import default_process

# A word is a run of letters/digits, optionally joined by inner hyphens, apostrophes or dots
# ("15-minute", "cross-border", "U.S.", "Mexico's") so highlights keep such words whole.
_WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*\.?", re.UNICODE)
_TERM_RE = re.compile(r"\w+", re.UNICODE)

STOPWORDS = frozenset(
    """
    a about above after again against all also although am among amid an and any are as at be
    because been before being below between both but by can could did do does doing down during
    each either even ever every few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less like many may me
    might more most much must my myself neither nor not now of off on once one only or other our
    ours ourselves out over own per rather same several she should since so some such than that
    the their theirs them themselves then there these they this those though through throughout
    thus to too toward towards under until up upon us very via was we were what when where whether
    which while who whom whose why will with within without would yet you your yours yourself
    said says say told according added including s t no
    """.split()
)


@dataclass(frozen=True)
class Token:
    """A word token with its character offsets and its case/punctuation-folded form."""

    start: int
    end: int
    text: str
    folded: str


def fold(text: str) -> str:
    """Fold case and punctuation the way rapidfuzz's default processor does."""
    return default_process(text)


def word_tokens(text: str) -> list[Token]:
    """Return the word tokens of `text` with offsets; a trailing abbreviation dot is kept only for one-letter parts."""
    out = []
    for m in _WORD_RE.finditer(text):
        start, end = m.start(), m.end()
        word = m.group()
        # Keep "U.S." whole but leave a sentence-final dot outside the token.
        if word.endswith(".") and not re.search(r"(?:^|[.])\w\.$", word):
            word, end = word[:-1], end - 1
        folded = default_process(word).replace(" ", "")
        out.append(Token(start, end, word, folded))
    return out


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Reduce a folded word to a crude stem so inflections and derivations meet.

    A plural ending goes first, then one verbal/adverbial ending, so "meetings", "meeting" and
    "meet" share a stem, as do "dates"/"date" and "talks"/"talked"/"talking".
    """
    if word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ses", "xes", "zes", "ches", "shes")) and len(word) > 4:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix, repl in (("ing", ""), ("ied", "y"), ("ed", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + repl
            if suffix in ("ing", "ed") and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # planned -> plan, stopping -> stop
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    # A 6-letter prefix merges derivations such as sovereign/sovereignty, traffic/trafficking.
    return word[:6]


# Lexical families of news-readout vocabulary: words that name the same thing in two accounts
# written by different people ("call" / "conversation", "no date" / "later this month"). Each
# family adds one extra term "~name" to a passage that uses any of its words, on top of the
# words' own stems, so paraphrases share something while identical wording still counts more.
# Families match whole folded words (with regular inflections), not 6-letter stems, so
# "communication" does not drag in "community" nor "lasted" the "last" of "last week".
# Keep it small and general (diplomatic/political readouts, schedules, durations): a family
# that matches most sentences of a story gets a low IDF weight and is harmless but useless.
LEXICAL_FAMILIES: dict[str, tuple[str, ...]] = {
    "talk": ("talk", "speak", "spoke", "spoken", "call", "phone", "telephone", "conversation",
             "discuss", "discussion", "dialogue", "communicate", "communication", "chat"),
    "meet": ("meet", "met", "meeting", "summit", "visit"),
    "schedule": ("date", "timetable", "schedule", "timeline", "slate", "soon", "later",
                 "upcoming", "month", "week", "deadline"),
    "duration": ("lasted", "length", "duration", "minute", "hour"),
    "agree": ("agree", "agreement", "consensus"),
    "continue": ("continue", "keep", "again", "ongoing", "regular", "resume"),
    "verdict": ("good", "productive", "cordial", "constructive", "positive", "friendly",
                "excellent", "fruitful", "warm"),
    "trade": ("trade", "commerce", "commercial"),
    "drug": ("drug", "narcotic", "opioid", "fentanyl"),
    "country": ("country", "nation"),
}


def _inflections(word: str) -> set[str]:
    """Return a word with its regular plural, past and -ing forms."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return forms


_FAMILY_OF_WORD = {form: "~" + name for name, words in LEXICAL_FAMILIES.items()
                   for word in words for form in _inflections(word)}


def family(word: str) -> str | None:
    """Return the lexical family term of a folded word ("~talk" for "conversations"), or None."""
    return _FAMILY_OF_WORD.get(word)


def content_words(text: str, families: bool = False) -> list[tuple[str, str]]:
    """Return (stem, folded word) for each content word, stopwords and stray letters dropped.

    With `families`, also (family term, folded word) for each word of a lexical family,
    stopwords included ("again"), after the content words.
    """
    out, related = [], []
    for word in _TERM_RE.findall(fold(text)):
        if families and word in _FAMILY_OF_WORD:
            related.append((_FAMILY_OF_WORD[word], word))
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        out.append((stem(word), word))
    return out + related


def content_terms(text: str) -> list[str]:
    """Return the stemmed content terms of `text`, in order."""
    return [term for term, _ in content_words(text)]
