"""A number that names a thing is no quantity ("F-16", "MH17", "Boeing 737", "a .38-caliber revolver", "a 3-pointer"):
`_designation` and the tests of the words around the number it reads."""

from __future__ import annotations

from newsdiff.text.cues.numbers import _is_year
from newsdiff.text.cues.units import _unit_at
from newsdiff.text.cues.words import _reporting
from newsdiff.text.lexicon import Lexicon


# Before a number, a sentence or a clause opens: the word before it is capitalised as a sentence's first word is.
_OPENING = frozenset(".!?:;\"“”‘'’(—–-")


def _designation(text: str, found: list, tokens: list[str], low: list[str], k: int, lex: Lexicon,
                 headline: bool) -> bool:
    """Whether the number at token k names a thing rather than counting anything, as a model, a type or a calibre:
    - written onto letters ("MH17", "G20", "Q3"), or joined by a hyphen to a code ("F-16", "AK-47", "MS08-078": a
      word in capitals or of two letters at most): a word in front of a number is a name's or a code's (a count, a
      measure or a sum is written after its number);
    - after a capitalised word inside a sentence ("Boeing 737", "Windows 11", "Firefox 2 browser", "Week 16",
      "Covid-19"), unless the number reads on with what follows it as a quantity does, a unit, a month or a plural
      noun ("told the Guardian 41 bodies", "the Gaza Strip 11 days ago", "Act-409 animals"); not a month, a day, a
      number word, nor a word after a reporting verb; not in a passage in headline case, whose every word is
      capitalised;
    - with a leading decimal point (".38-caliber", "a .300 hitter"): calibres and averages;
    - joined by a hyphen to a noun that is itself a noun phrase's head: "a 3-pointer with five seconds left", "took
      out a 7-iron.", "two 3-pointers" (a number-noun compound modifies a noun after it, "a 38-word oath", "a
      13-play, 73-yard drive", "32-bit and 64-bit versions"; a plural "-ers" is the "-er" noun English makes of such a
      compound, "three-pointers", "18-wheelers")."""
    start, n = found[k].start(), len(low)
    if k and found[k - 1].end() == start and tokens[k - 1][-1:].isalpha() and low[k - 1] not in lex.stopwords:
        return True  # "MH17", "G20"
    if start and text[start - 1] == "." and (start < 2 or not text[start - 2].isalnum()):
        return True  # ".38-caliber"
    reads_on = _reads_on(low, k + 1, lex)
    if k >= 2 and low[k - 1] == "-" and found[k - 2].end() == found[k - 1].start() and found[k - 1].end() == start \
            and tokens[k - 2].isalpha() and low[k - 2] not in lex.stopwords and low[k - 2] not in lex.number_words:
        word = tokens[k - 2]
        if word.isupper() or len(word) <= 2 or (word[0].isupper() and not reads_on and not _opens(text, found, k - 2)):
            return True  # "F-16", "AK-47", "Covid-19 pandemic"
    if k and not headline and tokens[k - 1].isalpha() and tokens[k - 1][0].isupper() and not reads_on \
            and not text[found[k - 1].end():start].strip() and _is_name_word(low[k - 1], lex) \
            and not _opens(text, found, k - 1) and (k < 2 or low[k - 2] not in _reporting(lex)):
        return True  # "Boeing 737", "Windows 11"
    j = k + 2
    if j < n and low[k + 1] == "-" and found[k].end() == found[k + 1].start() == found[j].start() - 1 \
            and low[j].isalpha() and low[j] not in lex.minutes and _unit_at(low, j, lex) is None \
            and lex.stem(low[j]) not in lex.not_count_stems and not lex.noun_head_first and not _is_year(low[k]):
        if low[j].endswith("ers"):
            return True  # "two 3-pointers"
        if low[j].endswith("s") and lex.stem(low[j]) != low[j]:
            return False  # "returned an interception 35-yards": a count with a stray hyphen
        after = low[j + 1] if j + 1 < n else ""
        gap = text[found[j].end():found[j + 1].start()].strip() if j + 1 < n else ""
        return not after or (gap[:1] in _CLOSING and gap[:1] != "") or (
            not gap and after in lex.stopwords and after not in lex.age_words and after not in lex.coordinators)
    return False


def _opens(text: str, found: list, k: int) -> bool:
    """Whether token k may open a sentence or a clause, where a capital is no name's ("Magnitude-6.1 quake hits")."""
    return text[:found[k].start()].rstrip()[-1:] in _OPENING | {""}


_CLOSING = frozenset(".!?;:)")  # marks that end a noun phrase (a comma may join two modifiers: "a 13-play, 73-yard drive")


def _reads_on(low: list[str], j: int, lex: Lexicon) -> bool:
    """Whether the token at j reads with a number before it as a quantity: a unit of time or measure, a scale, a
    percent sign or word, a currency word, a clock word, a month ("16 Sep"), or a plural noun ("41 bodies")."""
    if j >= len(low):
        return False
    word = low[j]
    if word in lex.minutes or word in lex.scales or word in lex.currency_words or word in lex.clock \
            or word in lex.months or word == "%" or any(m[0] == word for m in lex.percent) \
            or _unit_at(low, j, lex) is not None:
        return True
    return word.isalpha() and word not in lex.stopwords and word.endswith("s") and not word.endswith("ss") \
        and lex.stem(word) != word


def _is_name_word(word: str, lex: Lexicon) -> bool:
    """Whether a capitalised word before a number may be a name's: no stopword, month, day, number word, unit,
    currency word, hedge or scale (words that read with the number: "About 40", "March 3", "Sunday 12")."""
    return word not in lex.stopwords and word not in lex.months and word not in lex.weekdays \
        and word not in lex.number_words and word not in lex.ordinals and (word,) not in lex.hedges \
        and word not in lex.currency_words and word not in lex.scales and word not in lex.clock
