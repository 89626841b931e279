"""Word tokens and folding shared by alignment, cues and highlighting.

Word forms (Snowball stems) and rarity (wordfreq) live in `newsdiff.text.alignment.terms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.utils import default_process

from newsdiff.text.lexicon.en import ENGLISH

# A word is a run of letters/digits, optionally joined by inner hyphens, apostrophes or dots
# ("15-minute", "cross-border", "U.S.", "Mexico's") so highlights keep such words whole.
_WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*\.?", re.UNICODE)
_TERM_RE = re.compile(r"\w+", re.UNICODE)

STOPWORDS = ENGLISH.stopwords  # each language's are in newsdiff.text.lexicon


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
