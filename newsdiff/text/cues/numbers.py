"""Reading numbers: the tokens of a passage (`_token_re`), one number in digits or words ("1,200", "twenty", "3.200" in
Spanish), the words that continue it ("two hundred and forty", "two dozen", "two and a half"), years, and every number
a passage writes (`_numbers`)."""

from __future__ import annotations

import functools
import re

from newsdiff.text.lexicon import Lexicon
from newsdiff.text.lexicon.en import ENGLISH


@functools.cache
def _token_re(lex: Lexicon) -> re.Pattern:
    """Tokens: currency signs, numbers (with separators, decimals, clock colons, ordinal suffixes), words
    (with inner apostrophes and dots: "p.m.", "U.S."), percent signs and hyphens."""
    signs = "".join(re.escape(c) for c in lex.currency_signs)
    return re.compile(rf"[{signs}]|\d+(?:[.,:]\d+)*(?:{lex.ordinal_suffix})?|[^\W\d_]+(?:['’.][^\W\d_]+)*\.?|%|-")


def _number(token: str, lex: Lexicon = ENGLISH) -> float | None:
    """Parse a number token ("1,200", "5.1", "twenty", "3.200" in Spanish) or return None."""
    t = token.lower()
    if t in lex.number_words:
        return float(lex.number_words[t])
    if not t[:1].isdigit() or ":" in t:
        return None
    t = re.sub(rf"(?:{lex.ordinal_suffix})$", "", t)
    # Groups of three digits after the separator are thousands: "1,200"; in Spanish also "3.200".
    thousands = r"\d{1,3}(,\d{3})+" if lex.code == "en" else r"\d{1,3}([.,]\d{3})+"
    if re.fullmatch(thousands, t):
        t = t.replace(",", "").replace(".", "")
    t = t.replace(",", ".")  # a decimal comma ("1,5")
    try:
        return float(t)
    except ValueError:
        return None


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", token))


def _and_half(low: list[str], k: int, lex: Lexicon) -> int:
    """The number of tokens of "and a half" ("y medio") at token k, or 0."""
    for marker in lex.and_half:
        if tuple(low[k:k + len(marker)]) == marker:
            return len(marker)
    return 0


def _number_words_on(low: list[str], k: int, value: float, lex: Lexicon) -> tuple[float, int]:
    """Read on from the number at token k (worth `value`) through the words that continue it: "twenty-five",
    "treinta y cinco", "two hundred and forty", "two and a half" (before a scale: "two and a half million").
    Return the value and the index of the first token after the number."""
    n = len(low)

    def tens_units(i: int) -> tuple[float | None, int]:
        word = low[i] if i < n else ""
        if word not in lex.number_words or word in lex.indefinite or word in lex.half or word in lex.hundreds \
                or lex.number_words[word] >= 100 or word in ("dozen", "dozens"):
            return None, i
        sub = float(lex.number_words[word])
        if word in lex.tens and i + 2 < n and low[i + 1] in lex.tens_joiners and low[i + 2] in lex.units:
            return sub + lex.number_words[low[i + 2]], i + 3  # twenty-five, treinta y cinco
        return sub, i + 1

    if low[k] in lex.number_words:
        sub, end = tens_units(k)
        if sub is not None:
            value, k = sub, end - 1
    k += 1
    if k < n and low[k] in lex.hundreds and low[k - 1] in lex.number_words and value < 100:
        value *= 100  # "two hundred"
        k += 1
        rest_at = k + 1 if k + 1 < n and low[k] in lex.hundred_joiners else k
        rest, end = tens_units(rest_at)
        if rest is not None:  # "two hundred and forty", "three hundred five"
            value += rest
            k = end
    if k < n and low[k] in lex.dozens and low[k - 1] in lex.number_words and value < 100:
        value *= lex.dozens[low[k]]  # "two dozen houses"
        k += 1
    half = _and_half(low, k, lex)
    if half:
        value += 0.5  # "two and a half million pounds", "two and a half days"
        k += half
    return value, k


@functools.lru_cache(maxsize=20_000)
def _numbers(text: str, lex: Lexicon = ENGLISH) -> frozenset[float]:
    """Every number written in `text`, in digits or words, whatever follows it."""
    out = set()
    skip = lex.indefinite | lex.one | lex.half
    for m in _token_re(lex).finditer(text):
        t = m.group().lower()
        if t[:1].isdigit() or (t in lex.number_words and t not in skip):
            value = _number(t, lex)
            if value is not None:
                out.add(value)
    return frozenset(out)
