"""Conflict cues between two linked passages, each about something the two passages share.

A cue is evidence a reviewer can check, not a verdict: the link is shown as a "possible conflict"
with the reasons below. Only differences about what both passages talk about count:

- typed quantities with different values: money (currency and scale: "$1 million" vs "$500,000"),
  counts of the same noun ("three people" vs "10 people"), "38-word"-style compounds, durations
  (compared in minutes: "half an hour" = "30-minute", "30 days" = "a month"), percentages,
  clock times, ordinals of the same noun; values are read across surface forms ("two hundred and forty",
  "two and a half million pounds", "a million", "a year and a half", "a quarter of an hour", "14 Earth days"; "a
  third of", "nearly two-thirds", "half of", "one in three" as percentages) and hedged or loose ones compared as
  ranges ("about 40" meets 43, "more than 60" does not meet "forty", a month is 4 to 5 weeks); two ordinals of
  different nouns when each is its side's only one and they count one tally ("the fifth rescue since 2020" / "the
  4th call-out since 2020"); compounds of an uncounted noun by the noun they modify ("a 10-point plan"); a duration
  compound before a span noun as the duration ("a three-year period" / "five years"); counts of near-synonym nouns
  by the static model's word vectors ("25 new stores" / "fifty-two shops"; "37 homes" / "two dozen houses" wherever
  the nouns are as close as homes / houses); measures of one dimension converted through a unit table with SI prefixes
  ("a 900-megawatt reactor" / "a 1.1-gigawatt unit", "5 miles" = "8 km" within the written value's rounding);
  number words with scales ("two dozen", "a few hundred", "several thousand", "a quarter of a million") and
  currency words after a scale letter ("48m pounds"); each side's only sum of one currency compared by sentence;
  ranges of money as one range ("$5-6 million", "£3m-£4m", "between $5 million and $6 million": "$5.5 million" is
  inside it); a number that names a thing is no quantity ("F-16", "MH17", "Boeing 737", "a .38-caliber revolver",
  "a 3-pointer", `_designation`);
- dates (month and day; a day alone, "on the 9th", against a full date's day) and weekdays given for the event
  ("Saturday" vs "on Friday"; a possessive day, "Saturday's derby", dates its noun only); years where each side has
  one and dates the same word with it ("first opened to traffic in 1964" / "Opened in 1946"); a headline in title
  case or capitals is read as if in lower case (`_uncased`: "Trial To Resume Monday Morning");
- a date or time-frame for an event on one side ("will meet later this month") and "no date" for the
  same event on the other ("No date was announced for the proposed meetings");
- a negation inside the clause the two passages share (the clause holds most of what the pair
  shares, and the other side states that clause without a negation); an implicative verb ("failed to", "neglected
  to", "has yet to") denies its complement as "not" does; a negated verb the other side replaces by another verb
  with the same arguments ("did not arrest" / "questioned") is another act, not a denial;
- the same quotation (as `newsdiff.text.quotations` reads it: in double marks, guillemets or single marks: ‘...’,
  '...', not an apostrophe; or one found near-verbatim inside the other side's longer one) attributed to two different
  speakers, each read from a verb that reports speech (said, told, wrote, declared, recalled...) by
  `newsdiff.text.speakers`: two names that differ ("Gail Sutter" / "June Sutter"; not "Colm Dwyer" / "Mr. Dwyer"), or
  two roles that share no word when a name is missing ("the city's mayor" / "the museum's director").

A number on one side only, a "not" in a clause the other side does not have, or a quote whose
speaker is not named next to a reporting verb (or is a pronoun, or "officials"), raise nothing.

Every word list comes from the passage's language (`newsdiff.text.lexicon`: English, Spanish); each
function takes the language code ("en" by default). Two passages in different languages are each read
with their own lexicon, so typed quantities (minutes, weekdays, dates, percentages) still compare.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel
from rapidfuzz.utils import default_process

from newsdiff.text.lexicon import Lexicon, lexicon_for
from newsdiff.text.lexicon.en import ENGLISH
from newsdiff.text.quotations import quotations
from newsdiff.text.speakers import different_speakers, is_common_word, speaker_of

# Spellings of one thing that alignment should treat as one word (English; each Lexicon has its own).
CANONICAL_WORDS = ENGLISH.canonical_words

_DIGITS_RE = re.compile(r"\d")


@functools.cache
def _token_re(lex: Lexicon) -> re.Pattern:
    """Tokens: currency signs, numbers (with separators, decimals, clock colons, ordinal suffixes), words
    (with inner apostrophes and dots: "p.m.", "U.S."), percent signs and hyphens."""
    signs = "".join(re.escape(c) for c in lex.currency_signs)
    return re.compile(rf"[{signs}]|\d+(?:[.,:]\d+)*(?:{lex.ordinal_suffix})?|[^\W\d_]+(?:['’.][^\W\d_]+)*\.?|%|-")


@dataclass(frozen=True)
class Quantity:
    """A typed quantity: what it measures (key), its value and how it was written."""

    key: str
    value: float
    text: str
    low: float | None = None  # the range the value stands for, where it is hedged or approximate; None: the value
    high: float | None = None
    size: float = 0.0  # a measure's unit as written, in the dimension's base unit ("MW": 1e6); 0: no unit of measure
    step: float = 0.0  # half the last written digit's place, in base units: how far a converted value may be rounded

    def bounds(self) -> tuple[float, float]:
        return (self.value if self.low is None else self.low, self.value if self.high is None else self.high)


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


_POSSESSIVE = ("'s", "’s")
# The year an event is dated by: a kind of date (readers that leave dates out, as a day has many events, leave it out
# too); compared only by `_years_of_one_event`, never with a month and day.
YEAR_KEY = "date:year"


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", token))


def quantities(text: str, language: str = "en") -> tuple[Quantity, ...]:
    """Return the typed quantities, dates and weekdays of `text`."""
    return _quantities(text, lexicon_for(language))


@functools.lru_cache(maxsize=20_000)
def _quantities(text: str, lex: Lexicon) -> tuple[Quantity, ...]:
    if not _DIGITS_RE.search(text) and lex.wordy.isdisjoint(default_process(text).split()):
        return ()
    found = list(_token_re(lex).finditer(text))
    tokens = [m.group() for m in found]
    # joined[k]: token k+1 follows token k across blanks only (no comma, dash or quote between them)
    joined = [not text[m.end():nxt.start()].strip() for m, nxt in zip(found, found[1:])] + [False]
    low = [t.lower().rstrip(".") if t.lower() not in lex.clock else t.lower() for t in tokens]
    # "Saturday's derby", "June's vote": a possessive weekday or month is the day or month itself
    low = [w[:-2] if w[-2:] in _POSSESSIVE and w[:-2] in lex.weekdays else w for w in low]
    months, weekdays, ordinals, stopwords = lex.months, lex.weekdays, lex.ordinals, lex.stopwords
    day_re = rf"\d{{1,2}}(?:{lex.ordinal_suffix})?"
    out: list[Quantity] = []
    n = len(tokens)
    range_from: dict[int, tuple[float, int]] = {}  # token index of a range's upper end: its lower end and first token
    headline = _uncased(text, lex)
    k = 0
    while k < n:
        t, lt = tokens[k], low[k]
        if lt in lex.currency_signs or (lex.range_words and lt == lex.range_words[0] and k + 1 < n
                                        and low[k + 1] in lex.currency_signs):
            money = _money_range_at(text, found, tokens, low, k, lex)
            if money is not None:  # "$5-6 million", "£3m-£4m", "between $5 million and $6 million": one range
                out.append(money[0])
                k += money[1]
                continue
        if lt[:1].isdigit() and _designation(text, found, tokens, low, k, lex, headline):
            # "F-16", "AK-47", "MH17", "Boeing 737", "Windows 11", "a .38-caliber", "a 3-pointer": a name or a kind,
            # no quantity ("737-800" and "Chelsea 2-1" are skipped whole)
            k += 1
            while k + 1 < n and low[k] == "-" and found[k - 1].end() == found[k].start() == found[k + 1].start() - 1:
                k += 2
            continue
        upper = _dashed(text, found, low, k) if lt[:1].isdigit() else None
        if upper is not None:
            # "a 2-0 win", "a 20-13 loss", "the 2004-05 season", "a 162-139 record": a score, tally or span of
            # seasons counts no wins, losses or seasons; "20-30 people", "20–30 people": one range
            first, second = _number(lt, lex), _number(low[upper], lex)
            if first is not None and second is not None:
                if second <= first or (_is_year(lt) and len(low[upper]) == 2):
                    k = upper + 1
                    continue
                range_from[upper] = (first, k)
                k = upper
                continue
        if lex.range_words and lt == lex.range_words[0] and k + 3 < n and low[k + 2] == lex.range_words[1] \
                and (first := _number(low[k + 1], lex)) is not None and low[k + 1][:1].isdigit() == \
                low[k + 3][:1].isdigit() and (second := _number(low[k + 3], lex)) is not None and first < second:
            range_from[k + 3] = (first, k + 1)  # "between 20 and 30 people": one range
            k += 3
            continue
        # "3 de marzo": a link word may stand between the day and the month.
        month_at = k + 2 if k + 2 < n and low[k + 1] in lex.links else k + 1
        if k >= 2 and (low[k - 2], low[k - 1]) in lex.day_openers and re.fullmatch(day_re, lt) \
                and 1 <= float(_number(lt, lex) or 0) <= 31 and not (k + 1 < n and joined[k]
                                                                      and _ordinal_phrase(low, joined, k + 1, lex)):
            day = float(_number(lt, lex))
            if k + 2 < n and low[k + 1] in lex.day_month_links and low[k + 2] in months:  # "on the 9th of June"
                out.append(Quantity("date" + _statement_time(low, k - 2, lex), months[low[k + 2]] * 100 + day,
                                    " ".join(tokens[k:k + 3])))
                k += 3
                continue
            # "on the 9th": a day without its month (value under 100), compared by day with full dates
            out.append(Quantity("date" + _statement_time(low, k - 2, lex), day, t))
        elif lt in weekdays:
            out.append(Quantity("weekday" + _statement_time(low, k, lex), float(weekdays[lt]),
                                re.sub(r"['’]s$", "", t.rstrip("."))))
        elif lt in months and k + 1 < n and re.fullmatch(day_re, low[k + 1]):
            if lt != "may" or tokens[k][0] == "M":
                out.append(Quantity("date" + _statement_time(low, k, lex),
                                    months[lt] * 100 + float(_number(low[k + 1], lex)), f"{t} {tokens[k + 1]}"))
            k += 2
            continue
        elif re.fullmatch(day_re, lt) and month_at < n and low[month_at] in months \
                and (low[month_at] != "may" or tokens[month_at][0] == "M"):  # "3 May", not "3 may"
            value = months[low[month_at]] * 100 + float(_number(lt, lex))
            written = " ".join(tokens[k:month_at + 1]).rstrip(".")
            out.append(Quantity("date" + _statement_time(low, k, lex), value, written))
            k = month_at + 1
            continue
        elif lex.year_openers and _is_year(lt) and k > 0 and (low[k - 1] in lex.year_openers or (
                low[k - 1] in months and joined[k - 1] and (low[k - 1] != "may" or tokens[k - 1][0] == "M"))):
            # "opened in 1964", "planned for August 2025": the year an event is dated by; a month narrows it
            year = float(_number(lt, lex))
            if low[k - 1] in months:
                value = year + months[low[k - 1]] / 100
                out.append(Quantity(YEAR_KEY, value, f"{tokens[k - 1]} {t}"))
            else:
                out.append(Quantity(YEAR_KEY, year, t, year + 0.01, year + 0.12))
        elif (lt in lex.number_words or lt in lex.half) and (fraction := _fraction_at(low, k, lex)):
            # "a third of the flats", "two thirds of", "two-thirds of", "half of", "grew by a quarter": a share,
            # compared with percentages (to the nearest point) and widened by a hedge ("nearly two-thirds");
            # "a quarter of an hour", "three quarters of an hour": a duration
            share, after = fraction
            unit = after + 2 if after + 2 < n and low[after + 1] in lex.indefinite else after + 1
            if low[after] in lex.fraction_links and unit < n and low[unit] in lex.minutes:
                out.append(Quantity("duration", share * lex.minutes[low[unit]], " ".join(tokens[k:unit + 1])))
                k = unit + 1
                continue
            if low[after] in lex.fraction_links and unit < n and low[unit] in lex.scales \
                    and low[unit] not in lex.money_scales:
                # "a quarter of a million people": a share of a scale is a number
                q, used = _multiple_at(tokens, low, unit, lex, share, share,
                                       " ".join(tokens[k:unit]).replace(" - ", "-"))
                if q is not None:
                    out.append(_ranged(q, low, k, lex))
                    k = unit + used
                    continue
            written = " ".join(tokens[k:after]).replace(" - ", "-")
            out.append(_ranged(Quantity("percent", 100 * share, written, 100 * share - 0.5, 100 * share + 0.5),
                               low, k, lex))
            k = after
            continue
        elif lex.ratio_links and (lt[:1].isdigit() or lt in lex.number_words) and (ratio := _ratio_at(low, k, lex)):
            # "one in three growers", "three out of four": a share, compared with percentages
            share, after = ratio
            out.append(_ranged(Quantity("percent", 100 * share, " ".join(tokens[k:after]), 100 * share - 0.5,
                                        100 * share + 0.5), low, k, lex))
            k = after
            continue
        elif (lt in ordinals or re.fullmatch(rf"\d+(?:{lex.ordinal_suffix})", lt)) and k + 1 < n:
            # "the fourth such attempt", "a second such incident": the phrase starts after "such"
            first = k + 2 if low[k + 1] in lex.ordinal_skips and k + 2 < n and joined[k + 1] else k + 1
            phrase = _ordinal_phrase(low, joined, first, lex) if joined[k] else []
            if phrase:
                value = float(ordinals.get(lt) or _number(lt, lex))
                # The noun the ordinal counts: the head of the phrase after it ("third strike" / "fourth bus
                # strike": the last word in English, the first in Spanish), and its first word as before.
                head = phrase[0] if lex.noun_head_first else phrase[-1]
                for end in dict.fromkeys((phrase.index(head), 0)):
                    words = " ".join(tokens[k + 1:first + 1 + end]).rstrip(".")
                    out.append(Quantity(f"ordinal:{lex.stem(low[first + end])}", value, f"{t} {words}"))
        else:
            q, used = _quantity_at(tokens, low, k, lex)
            if q is not None and k in range_from and q.value:
                first, opener = range_from[k]
                scale = q.value / (_number(lt, lex) or 1.0)
                q = replace(q, low=first * scale, high=q.value, text=text[found[opener].start():found[k].start()]
                            + q.text, step=0.0)
            if q is not None and q.key.startswith("count:") and used > 1 and not joined[k + used - 2]:
                q = None  # "rose to 12, officials said": the word after a comma, dash or colon is not what is counted
            if q is not None:
                if q.text not in text:  # "£48m" was read from "£", "48", "m": show it as written
                    written = text[found[k].start():found[min(n, k + used) - 1].end()]
                    q = replace(q, text=written if low[min(n, k + used) - 1] in lex.clock else written.rstrip("."))
                q = q if k in range_from else _ranged(q, low, k, lex)  # a range keeps its two ends
                out.append(q)
                noun = k + used - 1
                if q.key.startswith("count:") and not lex.noun_head_first and "-" not in q.text \
                        and len(_ordinal_phrase(low, joined, noun, lex)[:2]) == 2:
                    # "1,800 bus drivers": the number counts the drivers too (English puts the head last);
                    # marked "+" so it is compared only where the other side names the first word too
                    out.append(Quantity(f"count:{lex.stem(low[noun + 1])}+{lex.stem(low[noun])}", q.value,
                                        f"{q.text} {tokens[noun + 1].rstrip('.')}", q.low, q.high))
                k += used
                continue
        k += 1
    return tuple(out)


def _dashed(text: str, found: list, low: list[str], k: int) -> int | None:
    """The index of the number a dash joins to the number at token k, as in a range or a score ("20-30", "20–30",
    "2-0"), or None. The en dash is the typographic dash of ranges; it is no token, so the two numbers are neighbours."""
    if k + 2 < len(low) and low[k + 1] == "-" and low[k + 2][:1].isdigit() \
            and text[found[k].end():found[k + 2].start()] == "-":
        return k + 2
    if k + 1 < len(low) and low[k + 1][:1].isdigit() and text[found[k].end():found[k + 1].start()] == "–":
        return k + 1
    return None


# A range's two ends are joined by a hyphen or an en dash ("$5-6 million", "£3m–£4m"); an em dash sets off a clause.
_RANGE_DASHES = ("-", "–")


def _money_range_at(text: str, found: list, tokens: list[str], low: list[str], k: int,
                    lex: Lexicon) -> tuple[Quantity, int] | None:
    """A range of money at token k read as one quantity, and the number of its tokens; None where there is none.
    Its ends are joined by a dash ("$5-6 million", "$5–$6 million", "£3m-£4m") or written "between $5 million and $6
    million"; the upper end takes the lower's currency where it has no sign ("$5-6 million"), the lower the upper's
    scale where it has no scale word ("$5-6 million", "between $5 and $6 million"). The range is the value
    (`Quantity.low`, `Quantity.high`): "$5.5 million" is inside it, "$8 million" is not."""
    n = len(tokens)
    between = bool(lex.range_words) and low[k] == lex.range_words[0]
    start = k + 1 if between else k
    first, used = _quantity_at(tokens, low, start, lex, False)
    if first is None or not first.key.startswith("money:") or start + used >= n:
        return None
    j = start + used  # the token after the lower end
    if between:
        if low[j] != lex.range_words[1] or j + 1 >= n:
            return None
        upper = j + 1
    else:
        upper = j + 1 if low[j] == "-" else j
        if upper >= n or text[found[j - 1].end():found[upper].start()].strip() not in _RANGE_DASHES:
            return None
    if low[upper] in lex.currency_signs:
        second, used = _quantity_at(tokens, low, upper, lex, False)
        end, digits = upper + used, upper + 1
    elif low[upper][:1].isdigit():  # "$5-6 million": read as "$6 million"
        sign = [tokens[start]]
        second, used = _quantity_at(tokens[:upper] + sign + tokens[upper:], low[:upper] + [low[start]] + low[upper:],
                                    upper, lex, False)
        end, digits = upper + used - 1, upper
    else:
        return None
    if second is None or second.key != first.key or digits >= n:
        return None
    lower = first.value
    if not any(w in lex.scales for w in low[start:j]):
        lower *= second.value / (_number(low[digits], lex) or 1.0)
    if not lower < second.value:
        return None
    written = text[found[start].start():found[end - 1].end()]
    written = written if low[end - 1] in lex.clock else written.rstrip(".")
    return Quantity(first.key, second.value, written, lower, second.value), end - k


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


def _fraction_at(low: list[str], k: int, lex: Lexicon) -> tuple[float, int] | None:
    """The share a fraction at token k gives and the index of the token after the fraction, or None: a number word
    under ten and a fraction ("a third", "two thirds", "two-thirds", "three-quarters") followed by "of" or after
    "by" ("grew by a quarter"); or a bare "half" followed by "of" ("half of the crop", "nearly half of")."""
    n = len(low)
    lt = low[k]
    if lt in lex.half:
        before = low[k - 1] if k else ""
        if k + 1 < n and low[k + 1] in lex.fraction_links and before not in lex.number_words \
                and before not in lex.ordinals and before not in lex.definite:  # not "the first half of the year"
            return 0.5, k + 1
        return None
    if lt not in lex.number_words or lex.number_words[lt] >= 10:
        return None
    at = k + 2 if k + 2 < n and low[k + 1] == "-" else k + 1  # "two-thirds"
    if at + 1 >= n or low[at] not in lex.fractions:
        return None
    if low[at + 1] in lex.fraction_links or (k > 0 and low[k - 1] in lex.fraction_openers):
        return lex.number_words[lt] * lex.fractions[low[at]], at + 1
    return None


def _ratio_at(low: list[str], k: int, lex: Lexicon) -> tuple[float, int] | None:
    """The share a ratio at token k gives ("one in three", "3 in 10", "three out of four") and the index of the
    token after it, or None. The part must be smaller than the whole, the whole no year and no unit of time after
    it ("5 in 10 minutes")."""
    n = len(low)
    for link in lex.ratio_links:
        end = k + 1 + len(link)
        if end < n and tuple(low[k + 1:end]) == link:
            part, whole = _number(low[k], lex), _number(low[end], lex)
            if low[k] in lex.indefinite or low[end] in lex.indefinite or low[k] in lex.half:
                return None
            if part is not None and whole is not None and 0 < part < whole and not _is_year(low[end]) \
                    and not (end + 1 < n and (low[end + 1] in lex.minutes or low[end + 1] in lex.scales)):
                return part / whole, end + 1
    return None


def _statement_time(low: list[str], k: int, lex: Lexicon) -> str:
    """":said" when the date or weekday at token k follows a reporting verb ("Lyons said Thursday that...", "said
    on Friday", "dijo el jueves"): the day someone spoke, compared only with another such day, not with
    the day of the event ("the escape on Monday")."""
    before = [w for w in low[max(0, k - 3):k] if w not in lex.stopwords or w in _reporting(lex)]
    return ":said" if before and before[-1] in _reporting(lex) else ""


@functools.cache
def _reporting(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.reporting_verbs)


def _ordinal_unit(low: list[str], j: int, lex: Lexicon) -> bool:
    """Whether the unit of time at token j is an ordinal qualifying a noun ("a second rehab center", "un segundo
    juicio"), not seconds ("a second", "10 seconds")."""
    nxt = low[j + 1] if j + 1 < len(low) else ""
    return low[j] in lex.ordinals and nxt.isalpha() and (nxt in lex.ordinal_skips or (
        nxt not in lex.stopwords and nxt not in lex.minutes))


ORDINAL_PHRASE = 3  # words read after an ordinal for the noun it counts ("the fourth bus strike")


def _ordinal_phrase(low: list[str], joined: list[bool], k: int, lex: Lexicon) -> list[str]:
    """Return the content words from token k that form the phrase an ordinal qualifies: up to ORDINAL_PHRASE
    words, stopping at a stopword, a month, a number, or any punctuation between words."""
    out: list[str] = []
    if k < len(low) and low[k] in lex.occasion_nouns:
        return [low[k]]  # "por tercera vez": a noun of occasion, even where the stopword list holds it
    while k < len(low) and len(out) < ORDINAL_PHRASE:
        word = low[k]
        if not word.isalpha() or word in lex.stopwords or word in lex.months or word in lex.number_words \
                or word in lex.ordinals:
            break
        out.append(word)
        if not joined[k]:
            break
        k += 1
    return out


def _quantity_at(tokens: list[str], low: list[str], k: int, lex: Lexicon,
                 vague_read: bool = True) -> tuple[Quantity | None, int]:
    """Read a money amount, percentage, duration, clock time, measure, compound or count starting at token k."""
    n = len(tokens)
    start = k
    currency = None
    vague = _vague_at(low, k, lex) if vague_read else None
    if vague is not None:
        # "a few hundred people", "several thousand visitors", "a few million pounds": a range of multiples
        (lo, hi), opener = vague
        return _multiple_at(tokens, low, k, lex, lo, hi, " ".join(tokens[k - opener:k]))
    if low[k] in lex.currency_signs:
        currency = lex.currency_signs[low[k]]
        k += 1
        if k >= n:
            return None, 1
    value = _number(low[k], lex)
    if value is None:
        return None, 1
    if (low[k] in lex.indefinite or low[k] in lex.one or low[k] in lex.half) and currency is None:
        # "a"/"an"/"one"/"half" count only before a unit of time ("an hour", "half an hour", "a month").
        j = k + 1
        if low[k] in lex.half and j < n and low[j] in lex.indefinite:
            j += 1
        if j < n and low[j] in lex.minutes and not _ordinal_unit(low, j, lex):
            half = _and_half(low, j + 1, lex) if low[k] not in lex.half else 0  # "a year and a half"
            return Quantity("duration", (value + 0.5 * bool(half)) * lex.minutes[low[j]],
                            " ".join(tokens[start:j + 1 + half]).rstrip(".")), j + 1 + half - start
        if j < n and low[j] in lex.scales and low[j] not in lex.money_scales and j > k + (low[k] in lex.half):
            k = j - 1  # "a million pounds", "half a million": the scale below multiplies the value
        elif low[k] not in lex.one:
            return None, 1
    if _is_year(low[k]) and currency is None:
        return None, 1
    value, k = _number_words_on(low, k, value, lex)
    if k + 1 < n and low[k] == "-" and low[k + 1] in lex.scales:  # "$5.4-billion"
        k += 1
    if k < n and low[k] in lex.scales and (low[k] not in lex.money_scales or currency or (
            k + 1 < n and low[k + 1] in lex.currency_words)):  # "£48m", "48m pounds"; not "48m" alone
        value *= lex.scales[low[k]]
        k += 1
    if k + 1 < n and low[k] in lex.links and low[k + 1] in lex.currency_words:  # "35 millones de pesos"
        k += 1
    if k < n and low[k] in lex.currency_words:
        currency = lex.currency_words[low[k]]
        k += 1

    def written(end: int) -> str:
        text = " ".join(tokens[start:end]).replace(" - ", "-").replace(" %", "%")
        text = re.sub(r"([$€£¥]) ", r"\1", text)
        return text if low[end - 1] in lex.clock else text.rstrip(".")

    if currency:
        return Quantity(f"money:{currency}", value, written(k)), k - start
    for marker in lex.percent:
        if tuple(low[k:k + len(marker)]) == marker:
            end = k + len(marker)
            return Quantity("percent", value, written(end)), end - start
    if k < n and low[k] in lex.clock:
        return Quantity("clock", value, written(k + 1)), k + 1 - start
    hyphen = k < n and low[k] == "-"
    j = k + 1 if hyphen else k
    measure = _unit_at(low, j, lex)
    if measure is not None:
        # "a 900-megawatt reactor", "1.1 GW", "12 square miles": a measure, in its dimension's base unit
        dimension, size, end = measure
        return Quantity(f"measure:{dimension}", value * size, written(end), size=size,
                        step=_rounding(value) * size), end - start
    if j < n and low[j] in lex.minutes and not _ordinal_unit(low, j, lex):
        if j + 1 < n and (low[j + 1] in lex.age_words
                          or (j + 2 < n and low[j + 1] in ("-", *lex.links) and low[j + 2] in lex.age_words)):
            return None, j + 2 - start  # "a 10-year-old", "36-year old", "10 años de edad": an age
        half = _and_half(low, j + 1, lex)  # "a year and a half" = 18 months
        if half:
            value += 0.5
        return Quantity("duration", value * lex.minutes[low[j]], written(j + 1 + half)), j + 1 + half - start
    if not hyphen and not lex.noun_head_first and j + 1 < n and low[j].isalpha() and low[j] not in lex.stopwords \
            and low[j] not in lex.months and low[j] not in lex.number_words and low[j] not in lex.ordinals \
            and low[j + 1] in lex.minutes and not (j + 2 < n and low[j + 2] in ("-", *lex.age_words)):
        # "14 Earth days", "three working days", "five calendar months": a unit of time with a modifier
        return Quantity("duration", value * lex.minutes[low[j + 1]], written(j + 2)), j + 2 - start
    if j < n and low[j].isalpha() and low[j] not in lex.stopwords and low[j] not in lex.months:
        noun = lex.stem(low[j])
        if noun in lex.not_count_stems:
            # "10 points" counts nothing compared; "a 10-point plan", "a three-time winner" measure the noun after them,
            # compared only with a compound of that noun ("30-point win" / "three-point play" measure two things)
            after = low[j + 1] if j + 1 < n and j + 1 < len(tokens) else ""
            if not hyphen or not after.isalpha() or after in lex.stopwords:
                return None, j - start
            return Quantity(f"count:{noun}>{lex.stem(after)}", value, written(j + 1)), j + 1 - start
        return Quantity(f"count:{noun}", value, written(j + 1)), j + 1 - start
    return None, max(1, k - start)


def _multiple_at(tokens: list[str], low: list[str], k: int, lex: Lexicon, lo: float, hi: float,
                 opener: str) -> tuple[Quantity | None, int]:
    """Read the quantity of one scale word at token k ("hundred people", "million pounds") and give it the range lo
    to hi times that: "a few hundred people" (2 to 5), "a quarter of a million people" (a quarter). `opener` is what
    was written before the scale ("a few"); the number of tokens read from k is returned with the quantity."""
    size = lex.scales.get(low[k]) or lex.dozens.get(low[k]) or 100.0
    if low[k] in lex.scales:  # read as one of the unit after it: "1 visitors", "1 pounds"
        q, used = _quantity_at(tokens[:k] + ["1"] + tokens[k + 1:], low[:k] + ["1"] + low[k + 1:], k, lex, False)
    else:
        q, used = _quantity_at(tokens, low, k, lex, False)
    if q is None or q.key.startswith(("percent", "clock", "duration")):
        return None, used
    unit = q.value / (1.0 if low[k] in lex.scales else lex.number_words.get(low[k], 1.0))
    written = f"{opener} " + (tokens[k] + q.text[1:] if low[k] in lex.scales else q.text)
    if lo == hi:
        return Quantity(q.key, unit * size * lo, written, size=q.size, step=q.step * lo), used
    return Quantity(q.key, unit * size * (lo + hi) / 2, written, unit * size * lo, unit * size * hi, q.size), used


def _vague_at(low: list[str], k: int, lex: Lexicon) -> tuple[tuple[float, float], int] | None:
    """The range of multiples a vague quantifier before a scale at token k allows ("a few hundred": 2 to 5 hundred,
    "several thousand") and the number of its tokens, or None."""
    word = low[k]
    if not lex.vague_counts or not (word in lex.scales and word not in lex.money_scales
                                    or word in lex.hundreds or word in lex.dozens):
        return None
    for size in (3, 2, 1):
        factors = lex.vague_counts.get(tuple(low[max(0, k - size):k])) if k >= size else None
        if factors:
            return factors, size
    return None


def _unit_at(low: list[str], j: int, lex: Lexicon) -> tuple[str, float, int] | None:
    """The unit of measure at token j ("megawatts", "km", "square miles", "kilowatt-hours"): its dimension, its size
    in the dimension's base unit and the index of the token after it; None if there is none."""
    n = len(low)
    if j >= n or not lex.measure_units:
        return None
    units = lex.unit_words
    if low[j] in lex.square_words and j + 1 < n and units.get(low[j + 1], ("",))[0] == "length":
        return "area", units[low[j + 1]][1] ** 2, j + 2
    found = units.get(low[j])
    if found is None:
        return None
    dimension, size = found
    if dimension == "power":  # "kilowatt-hours", "megawatt hours": energy, in watt-hours
        after = j + 2 if j + 2 < n and low[j + 1] == "-" else j + 1
        if after < n and lex.minutes.get(low[after]) == 60:
            return "energy", size, after + 1
    return dimension, size, j + 1


def _rounding(value: float) -> float:
    """Half the place of the last non-zero digit of `value` ("1,100": 50, "1.1": 0.05, "48": 0.5): how far the written
    value may be from the value it rounds."""
    if value <= 0 or not math.isfinite(value):
        return 0.0
    place = 10.0 ** math.floor(math.log10(value))
    for _ in range(8):
        if abs(value / place - round(value / place)) < 1e-6:
            break
        place /= 10
    return place / 2


def _ranged(q: Quantity, low: list[str], k: int, lex: Lexicon) -> Quantity:
    """Give a quantity read at token k the range it stands for: a hedge before it ("about", "more than") widens it;
    months are 28 to 31 days each (one month 4 to 5 weeks), a year 365 or 366 days."""
    lo, hi = q.value, q.value
    if q.key == "duration":
        words = set(re.findall(r"[^\W\d_]+", q.text.lower()))
        if words & lex.month_units:
            months = q.value / lex.minutes[next(iter(words & lex.month_units))]
            lo, hi = months * 28 * 1440, months * (35 if months <= 1 else 31) * 1440
        elif q.value >= 525600 and any(lex.minutes.get(w) == 525600 for w in words):
            hi = q.value * 366 / 365
    for size in (2, 1):
        before = tuple(low[max(0, k - size):k])
        factors = lex.hedges.get(before) if k >= size else None
        if factors and q.key == "duration" and before in lex.span_hedges:
            break
        if factors:
            lo, hi = lo * factors[0], hi * factors[1]
            break
    if (lo, hi) == (q.value, q.value):
        return q  # no hedge: the range the value was read with, if any ("a few hundred", "a third")
    return replace(q, low=lo, high=hi)


def _agree(x: Quantity, y: Quantity) -> bool:
    """Whether two values of one kind may be the same: their ranges meet."""
    if x.key.startswith("date") and min(x.value, y.value) < 100:
        return _same(x.value % 100, y.value % 100)  # "on the 9th" / "on June 11": the days differ
    (lx, hx), (ly, hy) = x.bounds(), y.bounds()
    if (hx == hy == float("inf") and lx == x.value and ly == y.value) or (lx == ly == 0 and hx == x.value
                                                                          and hy == y.value):
        lx, hx, ly, hy = x.value, x.value, y.value, y.value  # "at least three" / "at least 10": two bounds differ
    if x.size and y.size and not _same(x.size, y.size):
        # two units ("1.1 GW" / "1,150 MW", "5 miles" / "8 km"): a converted value may have been rounded
        lx, hx, ly, hy = lx - x.step, hx + x.step, ly - y.step, hy + y.step
    slack = 1e-9 * max(abs(x.value), abs(y.value))
    return lx <= hy + slack and ly <= hx + slack


def values_differ(x: Quantity, y: Quantity) -> bool:
    """Whether two quantities of one kind (`Quantity.key`) give values that cannot be the same: their ranges do not
    meet ("more than 60" / "some forty", "six weeks" / "a month")."""
    return x.key == y.key and not _agree(x, y)


def quantity_clauses(text: str, language: str = "en") -> list[tuple[Quantity, frozenset[str] | None,
                                                                     frozenset[str] | None]]:
    """Each quantity of `text` with the content stems of the clause and of the sentence around it, its unit left
    out (None: not located in the text)."""
    return _quantity_contexts(text, lexicon_for(language))


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


STAMP_WORDS = 3  # a passage with at most this many other words besides its dates and times is a time stamp


@functools.lru_cache(maxsize=20_000)
def _is_stamp(text: str, lex: Lexicon) -> bool:
    """Whether `text` is only a time stamp ("PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2:29 PM", "Posted on March 09,
    2013"): it says when a page was written, not when the event happened, so its values are compared with nothing."""
    keys = [q.key for q in _quantities(text, lex)]
    if not keys or not all(key.startswith(("date", "weekday", "clock")) for key in keys):
        return False
    words = {w for w in default_process(text).split() if w.isalpha() and len(w) > 1 and w not in lex.months
             and w not in lex.weekdays and w not in lex.clock}
    return len(words) <= STAMP_WORDS


def _same(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y))


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


def _quantity_contexts(text: str, lex: Lexicon) -> list[tuple[Quantity, frozenset[str] | None, frozenset[str] | None]]:
    """Each quantity of `text` with the content stems of the clause around it and of its sentence
    (None: not located). A clause whose only word is the quantity ("On Thursday,") takes its sentence's."""
    bounds = _clause_bounds(text, lex)
    stops = [0] + [m.end() for m in _SENTENCE_BREAK_RE.finditer(text)] + [len(text)]
    out = []
    for q in _quantities(text, lex):
        at = text.find(q.text)
        if at < 0:
            out.append((q, None, None))
            continue
        end_q = at + len(q.text)
        unit = q.key.split(":", 1)[1].split("+")[0] if ":" in q.key and not q.key.startswith("money") else None
        start, end = max(b for b in bounds if b <= at), min(b for b in bounds if b >= end_q)
        s_start, s_end = max(b for b in stops if b <= at), min(b for b in stops if b >= end_q)
        sentence = _topic_words(text[s_start:at] + " " + text[end_q:s_end], lex) - {unit}
        clause = _topic_words(text[start:at] + " " + text[end_q:end], lex) - {unit}
        out.append((q, clause or sentence, sentence))
    return out


_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?\b")


def _clause_names(text: str, q: Quantity, lex: Lexicon, known: frozenset[str]) -> frozenset[str]:
    """The names written inside the clause of a count (capitalised words not opening a sentence, besides weekdays
    and months): "Howard grabbed 11 rebounds" names Howard."""
    at = text.find(q.text)
    if at < 0 or _uncased(text, lex):
        return frozenset()  # in headline case every word is capitalised: no word reads as a name
    bounds = _clause_bounds(text, lex)
    start, end = max(b for b in bounds if b <= at), min(b for b in bounds if b >= at + len(q.text))
    names = set()
    for m in _NAME_RE.finditer(text, start, end):
        word = re.sub(r"['’]s$", "", m.group()).lower()
        if text[:m.start()].rstrip()[-1:] in ("", ".", "!", "?", "\"", "“") and word not in known and (
                word.endswith("s") or is_common_word(word, lex.wordfreq)):
            continue  # a sentence opens with it: a name where written capitalised inside a sentence too, or where
            # it is no common word and no plural ("Allen had three catches"; not "Rescuers", "Police")
        if word not in lex.stopwords and word not in lex.weekdays and word not in lex.months:
            names.add(word)
    return frozenset(names)


def _counts_of_different_names(x: Quantity, a: str, y: Quantity, b: str, lex: Lexicon) -> bool:
    """Two counts each in a clause that names someone, the names all different ("Howard had 11 rebounds" / "Lewis
    added eight rebounds"): statistics of different players or places, not one figure reported twice."""
    if x.key.startswith(("date", "weekday", "clock")):
        return False
    known = _inner_names(a) | _inner_names(b)
    names_a, names_b = _clause_names(a, x, lex, known), _clause_names(b, y, lex, known)
    return bool(names_a) and bool(names_b) and names_a.isdisjoint(names_b) \
        and names_a.isdisjoint(_plain_names(b)) and names_b.isdisjoint(_plain_names(a))


@functools.lru_cache(maxsize=20_000)
def _inner_names(text: str) -> frozenset[str]:
    """Capitalised words written inside a sentence (not opening it): names."""
    return frozenset(re.sub(r"['’]s$", "", m.group()).lower() for m in _NAME_RE.finditer(text)
                     if text[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?", "\"", "“"))


@functools.lru_cache(maxsize=20_000)
def _plain_names(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z][a-z]+", text))


DAY_SENTENCE_SHARED = 2


def _about_the_same(x: tuple, y: tuple, plain: frozenset[str] | None = None) -> bool:
    """Whether two located quantities are about one thing: the clause of one shares a content word with
    the sentence of the other ("Turnout was 38 percent" / "Turnout, according to the clerk, reached 41
    percent"), not only with words elsewhere in the passage. With `plain` (dates and weekdays), the shared words
    must be of those, words both sides write in lower case, not only names ("talks with Carrow Transit broke
    down late on Sunday" / "drivers at Carrow Transit stopped work on Monday" are two events of one company): one
    shared by the two clauses, or DAY_SENTENCE_SHARED shared by a clause and the other sentence (a day has more
    events around it than a figure: "The strike was called after talks broke down late on Sunday" / "drivers
    stopped work on Monday in the city's fourth bus strike" share only "strike", which the Sunday clause lacks)."""
    _, clause_x, sentence_x = x
    _, clause_y, sentence_y = y
    if clause_x is None or clause_y is None:
        return True
    shared = (clause_x & sentence_y) | (sentence_x & clause_y)
    if plain is not None:
        return bool(clause_x & clause_y & plain) or len(shared & plain) >= DAY_SENTENCE_SHARED
    return bool(shared)


def _years_of_one_event(ctx_a: list, ctx_b: list, a: str, b: str, lex: Lexicon) -> list[tuple]:
    """Two years given for one event ("The bridge first opened to traffic in 1964" / "Opened in 1946, the bridge
    ..."): each side's only year, and the two clauses share a word that one side at least writes in lower case (the
    event: "opened"; not a name alone). A year has more events around it than a figure, so the clause of each, not
    its sentence, must name the event."""
    xs = [x for x in ctx_a if x[0].key == YEAR_KEY]
    ys = [y for y in ctx_b if y[0].key == YEAR_KEY]
    if len(xs) != 1 or len(ys) != 1 or xs[0][1] is None or ys[0][1] is None:
        return []
    if len(_years(a)) != 1 or len(_years(b)) != 1:
        return []  # another year elsewhere ("from 1990 to 2004"): which one dates the event is unclear
    (x, _, _), (y, _, _) = xs[0], ys[0]
    event_x = _dated_event(a, x, _plain_words(b, lex), lex)
    if event_x is None or event_x != _dated_event(b, y, _plain_words(a, lex), lex):
        return []
    return [(x, y)]


def _dated_event(text: str, q: Quantity, other_plain: frozenset[str], lex: Lexicon) -> str | None:
    """The stem of the word a year dates in its clause: the first word after the clause's subject ("The firm was
    founded in 1990" -> found; "The bridge first opened to traffic in 1964" -> open; "Police arrested him in 2010"
    -> arrest; "Opened in 1946, ..." -> open), skipping ordinals and adverbs in -ly ("was originally planned").
    The subject is a determiner's phrase up to its first stopword, or a run of capitalised words at the clause's
    start that the other side does not write in lower case (a name, not "Opened")."""
    at = text.find(q.text)
    if at < 0:
        return None
    start = max(b for b in _clause_bounds(text, lex) if b <= at)
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text[start:at])
    k = 0
    if words and words[0].lower() in lex.definite | lex.indefinite:
        k = 1
        while k < len(words) and words[k].lower() not in lex.stopwords and words[k].lower() not in lex.ordinals \
                and not words[k].lower().endswith("ly"):
            k += 1
    else:
        while k < len(words) and words[k][0].isupper() and lex.stem(words[k].lower()) not in other_plain:
            k += 1
    for word in words[k:]:
        low = word.lower()
        if low in lex.stopwords or low in lex.ordinals or low.endswith("ly") or not low.isalpha():
            continue
        return lex.stem(low)
    return None


_YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _years(text: str) -> frozenset[str]:
    return frozenset(_YEAR_RE.findall(text))


def _possessed(q: Quantity, text: str, lex: Lexicon) -> str | None:
    """The stem of the noun a possessive day owns, the head of the phrase after it ("Saturday's derby" -> derbi,
    "Friday's second semifinal" -> semifin), or None where the day is no possessive."""
    if not q.key.startswith("weekday"):
        return None
    at = text.find(q.text)
    if at < 0 or text[at + len(q.text):at + len(q.text) + 2] not in _POSSESSIVE:
        return None
    words = default_process(text[at + len(q.text) + 2:]).split()[:ORDINAL_PHRASE + 1]
    phrase = []
    for word in words:
        if not word.isalpha() or word in lex.stopwords:
            break
        phrase.append(word)
    if not phrase or any(w in lex.ordinals for w in phrase):
        return ""  # "Friday's second semifinal": one of several of that noun, which the other side may not mean
    return lex.stem(phrase[0] if lex.noun_head_first else phrase[-1])


def _day_of_named_event(x: tuple, a: str, y: tuple, b: str, plain: frozenset[str], lex: Lexicon) -> bool:
    """Whether two days, one of them possessive, date one event: a possessive day dates the noun it owns
    ("Saturday's derby"), not its clause's verb ("will play in Sunday's playoff" / "was arrested Tuesday" are two
    events), so the other value's clause must name that noun, in lower case on both sides, or the clause before it
    where the other value's is a short appositive ("The derby between Almont and Ferris City, scheduled for Sunday,
    ..."); two possessive days of one noun ("Monday's vote" / "Tuesday's vote") too. Besides that noun the two
    sentences share DAY_SENTENCE_SHARED such words, as two days read by their sentences must ("Sunday's game at New
    England" / "the end of the game ... Thursday night" share only the game, which sports reports all name)."""
    if x[2] is None or y[2] is None:
        return False
    for (q, _, _), text, (other_q, _, _), other_text in ((x, a, y, b), (y, b, x, a)):
        noun = _possessed(q, text, lex)
        if noun and noun in plain and noun in _value_clause(other_text, other_q, lex) \
                and len((x[2] & y[2] & plain) - {noun}) >= DAY_SENTENCE_SHARED:
            return True
    return False


APPOSITIVE_WORDS = 2  # a clause of at most this many content words besides its value hangs on the clause before


def _value_clause(text: str, q: Quantity, lex: Lexicon) -> frozenset[str]:
    """Content stems of the clause around a value, with the clause before it where that clause is a short appositive
    ("..., scheduled for Sunday, ...")."""
    at = text.find(q.text)
    if at < 0:
        return frozenset()
    bounds = _clause_bounds(text, lex)
    start, end = max(b for b in bounds if b <= at), min(b for b in bounds if b >= at + len(q.text))
    words = _topic_words(text[start:at] + " " + text[at + len(q.text):end], lex)
    if len(words) <= APPOSITIVE_WORDS and start > 0:
        before = max(b for b in bounds if b < start)
        words |= _topic_words(text[before:start], lex)
    return words


COMPOUND_SENTENCE_SHARED = 2


def _compounds_of_one_sentence(x: tuple, y: tuple) -> bool:
    """Two compounds of one unit ("a 41-day voyage" / "a 34-day expedition"), each its side's only value of that
    kind, whose sentences share COMPOUND_SENTENCE_SHARED content words (the institute that announced both): a
    paraphrase names what the compound measures in other words ("voyage", "expedition"), so its clause may share
    nothing with the other side."""
    (qx, _, sentence_x), (qy, _, sentence_y) = x, y
    if not (_is_compound(qx) and _is_compound(qy)) or sentence_x is None or sentence_y is None:
        return False
    return len(sentence_x & sentence_y) >= COMPOUND_SENTENCE_SHARED


MONEY_SENTENCE_SHARED = 2


def _sums_of_one_sentence(x: tuple, y: tuple) -> bool:
    """Two sums of one currency, each its side's only one, whose sentences share MONEY_SENTENCE_SHARED content words:
    "The work cost £48 million, most of it given by private donors" / "Private donors paid for most of the project,
    whose final bill reached eighty-four million pounds" (the cost is a "bill" in one clause, the donors are in the
    other): one sum of a sentence is what the sentence is about, in whatever words."""
    (qx, _, sentence_x), (qy, _, sentence_y) = x, y
    if not (qx.key.startswith("money:") and qy.key.startswith("money:")) or sentence_x is None or sentence_y is None:
        return False
    return len(sentence_x & sentence_y) >= MONEY_SENTENCE_SHARED


COMPOUND_PHRASE = 2  # words read after a compound for what it modifies ("a six-game losing streak")
_COMPOUND_RE = re.compile(r"\w-[^\W\d_]")


def _is_compound(q: Quantity) -> bool:
    """Whether a count or duration is written as a compound modifier ("six-game", "38-word", "10-day")."""
    return not q.key.startswith("money") and bool(_COMPOUND_RE.search(q.text))


def _compound_fits(x: Quantity, a: str, y: Quantity, b: str, lex: Lexicon, clauses: tuple = (None, None, None)) -> bool:
    """A compound ("a six-game losing streak") measures the phrase after it, a plain value ("23 games") counts
    its unit: the two are compared only when the other passage names what the compound modifies ("The 10-day
    trial" / "The trial lasted 12 days"). Two compounds, or two plain values, always compare."""
    if _is_compound(x) == _is_compound(y):
        return True
    compound, text, other = (x, a, b) if _is_compound(x) else (y, b, a)
    at = text.find(compound.text)
    if at < 0:
        return True
    after = default_process(text[at + len(compound.text):]).split()[:COMPOUND_PHRASE]
    phrase = []
    for word in after:
        if not word.isalpha() or word in lex.stopwords:
            break
        if compound.key == "duration" and word in lex.span_nouns:
            # "a three-year period", "a two-week spell": the stretch of time is the duration itself, of what the two
            # clauses share, written in lower case by one side at least ("the ban on fishing ... for a three-year
            # period" / "Fishing ... prohibited for five years"; not "Klitschko, who has not lost in four years" / "the
            # next three-minute stretch")
            clause_x, clause_y, plain = clauses
            return clause_x is None or clause_y is None or plain is None or bool(clause_x & clause_y & plain)
        phrase.append(lex.stem(word))
    return not phrase or bool(set(phrase) & _topic_words(other, lex))


def number_reasons(a: str, b: str, language: str = "en", language_b: str | None = None) -> list[str]:
    """Report quantities of the same kind that the two passages give with different values.

    Two values are compared only when the clause of one shares a content word besides the unit with the
    sentence of the other ("More than 40 people died in the strike" / "About 400 people had sought
    shelter there" are about different people; "The fire, which killed 12 people, started in a kitchen"
    / "Fifteen people died in the fire" are about one fire). Measured: the stricter clause-to-clause
    rule kept every dev conflict and cleared one dev decoy, but missed 7 of 9 conflicts written in
    ordinary news syntax (appositives, fronted phrases: tests/text/test_cues.py), and held-out
    conflicts found fell from 0.82 to 0.55 with it. Across languages the check is skipped.
    """
    lex_a, lex_b = lexicon_for(language), lexicon_for(language_b or language)
    qa, qb = _quantities(a, lex_a), _quantities(b, lex_b)
    if not qa or not qb or _is_stamp(a, lex_a) or _is_stamp(b, lex_b):
        return []
    same_language = lex_a is lex_b
    ctx_a = _quantity_contexts(a, lex_a) if same_language else [(q, None, None) for q in qa]
    ctx_b = _quantity_contexts(b, lex_b) if same_language else [(q, None, None) for q in qb]
    if same_language:
        ctx_a, ctx_b = _counts_named_alike(ctx_a, ctx_b, lex_a)
    raw_a, raw_b = ctx_a, ctx_b
    ctx_a, ctx_b = _qualified(ctx_a, _topic_words(b, lex_b)), _qualified(ctx_b, _topic_words(a, lex_a))
    qa, qb = tuple(x[0] for x in ctx_a), tuple(x[0] for x in ctx_b)
    plain = _plain_words(a, lex_a) & _plain_words(b, lex_b) if same_language else None
    written_plain = _plain_words(a, lex_a) | _plain_words(b, lex_b) if same_language else None  # by one side at least
    reasons = []
    keys_b = {q.key for q in qb}
    for key in sorted({q.key for q in qa} & keys_b):
        va = [q for q in qa if q.key == key]
        vb = [q for q in qb if q.key == key]
        if any(_agree(x, y) for x in va for y in vb):
            continue
        if key.startswith("count:") and (any(x.value in _numbers(b, lex_b) for x in va)
                                         or any(y.value in _numbers(a, lex_a) for y in vb)):
            continue  # "23 goals" / "two goals took his tally to 23": the count is there, its noun elsewhere
        sole = len(va) == 1 and len(vb) == 1
        day = key.startswith(("date", "weekday"))
        if key == YEAR_KEY:
            pairs = _years_of_one_event(ctx_a, ctx_b, a, b, lex_a) if same_language else []
            if pairs:
                reasons.append((key, pairs, f'dates differ: "{pairs[0][0].text}" vs "{pairs[0][1].text}"'))
            continue
        pairs = [(x[0], y[0]) for x in ctx_a if x[0].key == key for y in ctx_b if y[0].key == key
                 if (_day_of_named_event(x, a, y, b, plain, lex_a) if day and same_language
                     and (_possessed(x[0], a, lex_a) is not None or _possessed(y[0], b, lex_a) is not None)
                     else _about_the_same(x, y, plain if day else None)
                     or (sole and (_compounds_of_one_sentence(x, y) or _sums_of_one_sentence(x, y))))
                 and (not same_language or _compound_fits(x[0], a, y[0], b, lex_a, (x[1], y[1], written_plain)))
                 and not (key.startswith("ordinal:") and _heads_differ(x[0], qa, y[0], qb))
                 and not (same_language and _counts_of_different_names(x[0], a, y[0], b, lex_a))]
        if not pairs:
            continue  # the same kind of quantity about different things
        kind = "dates differ" if key.startswith(("date", "weekday")) else "numbers differ"
        left = ", ".join(dict.fromkeys(f'"{x.text}"' for x, _ in pairs))
        right = ", ".join(dict.fromkeys(f'"{y.text}"' for _, y in pairs))
        reasons.append((key, pairs, f"{kind}: {left} vs {right}"))
    if same_language and not any(key.startswith("count:") for key, _, _ in reasons):
        reasons += _synonym_count_reasons(raw_a, raw_b, a, b, plain, lex_a)
    if same_language and not any(key.startswith("ordinal:") for key, _, _ in reasons):
        reasons += _occasion_reasons(ctx_a, ctx_b, plain, lex_a) or _sole_ordinal_reasons(ctx_a, ctx_b, a, b, lex_a)
    return [reason for key, pairs, reason in reasons if not _said_longer(key, pairs, reasons)]


# Two counted nouns whose vectors in the shipped static model are this close name one thing ("stores" / "shops"
# 0.81, "workers" / "employees" 0.81, "cars" / "vehicles" 0.85); co-hyponyms stay below it ("men" / "women" 0.64,
# "brothers" / "sisters" 0.69, "soldiers" / "civilians" 0.57, "pupils" / "students" 0.55 is lost with them).
COUNT_SYNONYM = 0.75


def _synonym_count_reasons(ctx_a: list, ctx_b: list, a: str, b: str, plain: frozenset[str],
                           lex: Lexicon) -> list[tuple]:
    """Compare two counts of different nouns that name one thing ("plans to open 25 new stores across the region" /
    "will add fifty-two shops across the region"): each is its side's only count, the nouns are near synonyms by the
    static model's word vectors (COUNT_SYNONYM), and the two clauses share a word both sides write in lower case."""
    def sole(ctx: list) -> tuple | None:
        found = [x for x in ctx if x[0].key.startswith("count:")]
        if not found or len({x[0].value for x in found}) != 1:
            return None
        x = max(found, key=lambda x: len(x[0].text))  # "25 new stores" over "25 new": the head is counted
        words = re.findall(r"[^\W\d_]+", x[0].text)
        return (x, words[-1].lower()) if words and x[1] is not None else None

    x, y = sole(ctx_a), sole(ctx_b)
    if x is None or y is None:
        return []
    (qx, clause_x, _), noun_x = x
    (qy, clause_y, _), noun_y = y
    if lex.stem(noun_x) == lex.stem(noun_y) or _agree(qx, qy) or not clause_x & clause_y & plain:
        return []
    if qx.value in _numbers(b, lex) or qy.value in _numbers(a, lex):
        return []
    similarity = _word_similarity(noun_x, noun_y, lex.code)
    if similarity is None or similarity < COUNT_SYNONYM:
        return []
    return [("count:synonym", [(qx, qy)], f'numbers differ: "{qx.text}" vs "{qy.text}"')]


OCCASION_SHARED = 2


@functools.cache
def _occasion_keys(lex: Lexicon) -> frozenset[str]:
    return frozenset(f"ordinal:{lex.stem(w)}" for w in lex.occasion_nouns)


def _occasion_reasons(ctx_a: list, ctx_b: list, plain: frozenset[str], lex: Lexicon) -> list[tuple]:
    """Compare an ordinal of occasion ("winning the trophy for the third time") with an ordinal of another noun on
    the other side ("the club's fourth cup title"): both count the event. Stricter than two ordinals of one noun,
    as the nouns differ: the clause of one value and the sentence of the other must share OCCASION_SHARED words
    both passages write in lower case ("win", "club"; "institute", "ridge"), and the two sides must give no
    ordinal of the same value (then the values may count different things). "For the first time" is left out:
    it says something is new ("for the first time since 2008"), not how many times it happened."""
    occasion = _occasion_keys(lex)
    if not occasion:
        return []
    out = []
    for side, (mine, theirs) in enumerate(((ctx_a, ctx_b), (ctx_b, ctx_a))):
        times = [x for x in mine if x[0].key in occasion and x[0].value > 1]
        others = [y for y in theirs if y[0].key.startswith("ordinal:") and y[0].key not in occasion]
        if not times or not others:
            continue
        values = {x[0].value for x in mine if x[0].key.startswith("ordinal:")}
        if values & {y[0].value for y in others}:
            continue
        pairs = [(x[0], y[0]) for x in times for y in others if x[1] is not None and y[1] is not None
                 and len(((x[1] & y[2]) | (x[2] & y[1])) & plain) >= OCCASION_SHARED]
        if not pairs:
            continue
        # One value of the other side read with its first word and with its head ("fourth cup", "fourth cup
        # title"): the longest phrase of each value is shown.
        longest = {}
        for x, y in pairs:
            if y.value not in longest or len(y.text) > len(longest[y.value].text):
                longest[y.value] = y
        pairs = [(x, y) for x, y in pairs if longest[y.value] is y]
        if side:
            pairs = [(y, x) for x, y in pairs]
        left = ", ".join(dict.fromkeys(f'"{x.text}"' for x, _ in pairs))
        right = ", ".join(dict.fromkeys(f'"{y.text}"' for _, y in pairs))
        out.append(("ordinal:occasion", pairs, f"numbers differ: {left} vs {right}"))
    return out


SOLE_ORDINAL_SHARED = 3


def _sole_ordinal_reasons(ctx_a: list, ctx_b: list, a: str, b: str, lex: Lexicon) -> list[tuple]:
    """Compare two ordinals of different nouns that count one tally in other words ("the fifth rescue in Stannary
    Pot since 2020" / "the 4th call-out to Stannary Pot since 2020"; "the third time the agency tried to reach the
    Moon" / "the fourth such attempt by the space agency to get to the Moon"): each is its side's only ordinal value
    (above "first", a novelty rather than a tally), and the two clauses, with the nouns counted, share
    SOLE_ORDINAL_SHARED content words, names included, but not names alone: one side at least writes one of them in
    lower case ("rescue", "space agency"; not "Wladimir Klitschko stopped Tony Thompson in the sixth round" / "a
    second professional victory over Tony Thompson"). An ordinal after a preposition and its determiner ("in the
    fifth round", "on the third floor") places something in a sequence and tallies nothing. Phrases that share a
    word but not their head ("seventh straight playoff berth" / "eighth straight win") count two different
    things."""
    def sole(ctx: list, text: str) -> tuple | None:
        found = [x for x in ctx if x[0].key.startswith("ordinal:") and x[1] is not None]
        if not found or len({x[0].value for x in found}) != 1 or found[0][0].value <= 1:
            return None
        x = max(found, key=lambda x: len(x[0].text))
        at = text.find(x[0].text)
        before = default_process(text[max(0, at - 40):at]).split()[-2:] if at >= 0 else []
        if len(before) == 2 and before[0] in lex.place_prepositions and before[1] in lex.stopwords:
            return None  # "in the sixth round", "on the third floor": a place in a sequence, not a tally
        return x

    x, y = sole(ctx_a, a), sole(ctx_b, b)
    if x is None or y is None or _same(x[0].value, y[0].value):
        return []
    phrase_x = {lex.stem(w) for w in default_process(x[0].text).split()[1:]}
    phrase_y = {lex.stem(w) for w in default_process(y[0].text).split()[1:]}
    if phrase_x & phrase_y:
        return []  # one noun (the ordinal rules above compared it) or a shared modifier of two heads
    shared = (x[1] | phrase_x) & (y[1] | phrase_y)
    if len(shared) < SOLE_ORDINAL_SHARED or shared.isdisjoint(_plain_words(a, lex) | _plain_words(b, lex)):
        return []
    return [("ordinal:sole", [(x[0], y[0])], f'numbers differ: "{x[0].text}" vs "{y[0].text}"')]


def differ_about_one_subject(a: str, b: str, language: str = "en") -> bool:
    """Whether the two passages give two values of one kind of quantity (not a date or a day) whose clauses share a
    word both passages write in lower case: "Talks between the two clubs lasted three weeks" / "The clubs negotiated
    for five weeks" (the clubs' talks). Stricter than `number_reasons`, which reads a value's clause against the
    other's whole sentence; both passages in one language."""
    lex = lexicon_for(language)
    if not _quantities(a, lex) or not _quantities(b, lex) or _is_stamp(a, lex) or _is_stamp(b, lex):
        return False
    ctx_a = _qualified(_quantity_contexts(a, lex), _topic_words(b, lex))
    ctx_b = _qualified(_quantity_contexts(b, lex), _topic_words(a, lex))
    plain = _plain_words(a, lex) & _plain_words(b, lex)
    return any(x.key == y.key and not x.key.startswith(("date", "weekday")) and not _same(x.value, y.value)
               and clause_x is not None and clause_y is not None and bool(clause_x & clause_y & plain)
               for x, clause_x, _ in ctx_a for y, clause_y, _ in ctx_b)


def _heads_differ(x: Quantity, qa: tuple, y: Quantity, qb: tuple) -> bool:
    """Whether two ordinals read with the first word of their phrases ("seventh straight", "eighth straight") are
    both read with a longer phrase too, of different heads ("seventh straight playoff berth" / "eighth straight
    win"): the first word is then a modifier of two different things. A phrase of one word ("its third cup" /
    "the fourth cup title") still compares."""
    def heads(q: Quantity, found: tuple) -> set[str]:
        return {o.key for o in found if o.key.startswith("ordinal:") and o.value == q.value
                and o.text != q.text and o.text.startswith(q.text)}

    head_x, head_y = heads(x, qa), heads(y, qb)
    return bool(head_x) and bool(head_y) and not head_x & head_y


# The model's cosine between two counted nouns that name one thing: "homes" / "houses" 0.87, "stores" / "shops" 0.81.
# Measured over every dev sentence pair (ECB+ dev and the dev golds): under it the model's near nouns are mostly two
# kinds of one class ("palestinians" / "israelis" 0.73, "civilians" / "soldiers" 0.57, "touchdowns" / "interceptions"
# 0.63, "people" / "workers" 0.58), so "pupils" / "students" (0.55) stay apart.
NOUN_COSINE = 0.8



@functools.lru_cache(maxsize=10_000)
def _noun_vector(word: str, language: str):
    """The shipped model's unit vector of one word, or None (no model for the language, or an unknown word)."""
    from newsdiff.text.semantic import shipped_scorer

    scorer = shipped_scorer(language)
    if scorer is None:
        return None
    vector = scorer.embed([word])[0]
    return vector if vector.any() else None


def _noun_cosine(word_a: str, word_b: str, lex: Lexicon) -> float:
    """The shipped model's cosine between two counted nouns (0 for a weekday, a month, a number word or a word the
    model does not know): "homes" / "houses" 0.87, "stores" / "shops" 0.81, "pupils" / "students" 0.55."""
    if not (word_a.isalpha() and word_b.isalpha()) or any(w in lex.weekdays or w in lex.months or w in lex.number_words
                                                          for w in (word_a, word_b)):
        return 0.0  # "Thursday" / "Friday" are two days, not one thing
    va, vb = _noun_vector(word_a, lex.code), _noun_vector(word_b, lex.code)
    return 0.0 if va is None or vb is None else float(va @ vb)


def _counted_noun(q: Quantity) -> str:
    """The noun a count counts, as written: the last word of its text ("25 new stores": "stores")."""
    return q.text.split()[-1].lower().rstrip(".") if q.text.split() else ""


def _counts_named_alike(ctx_a: list, ctx_b: list, lex: Lexicon) -> tuple[list, list]:
    """Give two counts of nouns that differ but name one thing ("37 homes" / "two dozen houses", "25 new stores" /
    "fifty-two shops") one key, so that they compare as counts of one noun do: a noun of one side that the other side
    does not count is matched with the other side's only noun of its meaning (`_noun_cosine` NOUN_COSINE or more).
    Sole counts of less close nouns are `_synonym_count_reasons`' ("stores" / "shops" in clauses sharing a word)."""
    def counts(ctx: list) -> dict[str, list]:
        out: dict[str, list] = {}
        for x in ctx:
            if x[0].key.startswith("count:"):
                out.setdefault(x[0].key.split("+")[0], []).append(x)
        return out

    located_a, located_b = counts(ctx_a), counts(ctx_b)
    by_a = {key: [x[0] for x in found] for key, found in located_a.items()}
    by_b = {key: [x[0] for x in found] for key, found in located_b.items()}
    only_a, only_b = by_a.keys() - by_b.keys(), by_b.keys() - by_a.keys()
    if not only_a or not only_b or lex.code != "en":
        return ctx_a, ctx_b
    def alike(ka: str, kb: str) -> bool:
        if any(_agree(x, y) for x in by_a[ka] for y in by_b[kb]) \
                or not any(_about_the_same(x, y) for x in located_a[ka] for y in located_b[kb]):
            return False  # one value in two words, or two values of different things: the model is not asked
        cosine = max(_noun_cosine(x, y, lex) for x in {_counted_noun(q) for q in by_a[ka]}
                     for y in {_counted_noun(q) for q in by_b[kb]})
        return cosine >= NOUN_COSINE

    renamed = {}
    for kb in sorted(only_b):
        matches = [ka for ka in sorted(only_a) if alike(ka, kb)]
        if len(matches) == 1:
            renamed[kb] = renamed[matches[0]] = matches[0]
    if not renamed:
        return ctx_a, ctx_b

    def rename(ctx: list) -> list:
        out = []
        for q, clause, sentence in ctx:
            head = q.key.split("+")[0]
            if head in renamed and q.key.startswith("count:"):
                q = replace(q, key=renamed[head])  # "25 new stores" counts stores whether or not b says "new"
            out.append((q, clause, sentence))
        return out

    return rename(ctx_a), rename(ctx_b)


def _qualified(contexts: list, other_words: frozenset[str]) -> list:
    """Resolve "count:driver+bus" (the head of "1,800 bus drivers"): it counts drivers where the other passage
    names buses too ("2,300 drivers ... in the fourth bus strike"), and nothing otherwise ("498 rushing yards" is
    not "404 yards" unless the other side speaks of rushing)."""
    out = []
    for q, clause, sentence in contexts:
        if "+" in q.key:
            key, modifier = q.key.split("+", 1)
            if modifier not in other_words:
                continue
            q = Quantity(key, q.value, q.text, q.low, q.high)
        out.append((q, clause, sentence))
    return out


def _said_longer(key: str, pairs: list, reasons: list) -> bool:
    """Whether an ordinal or count cue is already reported with the longer phrase of the same values ("third
    Ashford" is in "third Ashford player": one value read with its first word and with its head gives one reason)."""
    kind = key.split(":")[0]
    if kind not in ("ordinal", "count"):
        return False
    return any(other != key and other.startswith(kind + ":") and all(
        any(o_x.text.startswith(x.text) and o_y.text.startswith(y.text) and o_x.text != x.text
            for o_x, o_y in other_pairs) for x, y in pairs)
        for other, other_pairs, _ in reasons)


# --- negation in the shared clause ------------------------------------------------------------

NEGATED_SHARE = 0.6
# ...and the negation is about what the two passages share: either the negated part holds this much of the words
# the pair shares, or the word a "not"/"no" negates (its verb: "will not meet", "no descartó") is one the other
# side states. "Sin agua potable" against "las bombas de agua potable se detuvieron y miles de personas perdieron
# el suministro" is neither: the pair shares the people and the pumps, and "sin" denies a noun, not a verb.
PAIR_SHARE = 2 / 3

# Content words the whole negated clause must share with the other side's clause. Measured on the dev
# halves: 2 let "O'Brien declined to comment" / "a message seeking comment was left with O'Brien's
# attorney" through; 3 lowered the share of ECB+ dev links labelled conflict (all false) and lost no
# gold conflict.
NEGATION_MIN_SHARED = 3
# ...of which this many both sides write in lower case: what the two clauses share is more than a name ("Obama
# has said he does not favor changing the Endangered Species Act" / "Critics of the Endangered Species Act often
# substitute anecdote for fact" share only the Act's name; "had agreed" / "had not agreed to independent
# arbitration" share a verb and its object).
NEGATION_MIN_PLAIN = 2


def clauses(text: str, language: str = "en") -> tuple[tuple[frozenset[str], bool], ...]:
    """Return each clause of `text` as (its content-word stems, whether it holds a negation)."""
    return _clauses(text, lexicon_for(language))


@functools.lru_cache(maxsize=20_000)
def _clauses(text: str, lex: Lexicon) -> tuple[tuple[frozenset[str], bool], ...]:
    out = []
    negations, stopwords, stem = lex.negations, lex.stopwords, lex.stem
    for part in lex.clause_re.split(text):
        part = _negation_text(part, lex)
        words = default_process(part).split()
        if not words:
            continue
        first = next((k for k, w in enumerate(words) if w in negations), None)
        if first is not None:
            # What is negated: the words from the negation to the clause end, and the verb
            # or subject just before it ("did not decide", "the court denied").
            words = words[max(0, first - 1):]
        stems = frozenset(stem(w) for w in words if w not in stopwords and w not in negations and len(w) > 1)
        if stems:
            out.append((stems, first is not None))
    return tuple(out)


def negated_phrases(text: str, language: str = "en") -> list[set[str]]:
    """Return the stems of each negated clause of `text`."""
    return [set(stems) for stems, negated in clauses(text, language) if negated]


_WORD_RE = re.compile(r"\w+")


def _ascii_words(text: str) -> frozenset[str] | None:
    """The lowercased words (maximal runs of word characters) of an ASCII text without "_"; None for any other text.

    In such a text the word characters are the letters and digits, which `default_process` keeps (and
    lowercases) and splits at everything else: several times faster than a regex findall of the word runs.
    """
    if not text.isascii() or "_" in text:
        return None
    return frozenset(default_process(text).split())


@functools.lru_cache(maxsize=64)
def _ascii_word_set(words: frozenset[str]) -> frozenset[str] | None:
    """`words` lowercased when every one is ASCII word characters only, else None."""
    plain = all(w.isascii() and _WORD_RE.fullmatch(w) for w in words)
    return frozenset(w.lower() for w in words) if plain else None


def _says_any(text: str, words: frozenset[str], pattern: re.Pattern) -> bool:
    """Whether `pattern` (one of `words` between word boundaries, ignoring case) finds one of them in `text`.

    Such a match is a whole run of word characters, so in ASCII text (and ASCII words) it is one of the
    text's words, case aside: a set lookup gives the same answer at a fraction of the regex's cost
    (a search of the negation pattern took 24 us a passage).
    """
    plain, found = _ascii_word_set(words), _ascii_words(text)
    if plain is None or found is None:
        return bool(pattern.search(text))
    return not plain.isdisjoint(found)


@functools.cache
def _negation_suffix_re(lex: Lexicon) -> re.Pattern:
    return re.compile(lex.negation_suffix, re.IGNORECASE)


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


@functools.lru_cache(maxsize=20_000)  # the answers are cached, not the word sets (a few kB a passage)
def _negates(text: str, lex: Lexicon) -> bool:
    """Whether `lex.negation_re` finds a negation in `text` (a negation word, or the glued "n't"), or an
    implicative verb denies its complement ("failed to")."""
    implicative = lex.implicative_re
    plain, found = _ascii_word_set(lex.negations), _ascii_words(text)
    if plain is None or found is None:
        return bool(lex.negation_re.search(text) or (implicative is not None and implicative.search(text)))
    return not plain.isdisjoint(found) or bool(lex.negation_suffix and _negation_suffix_re(lex).search(text)) \
        or (implicative is not None and not lex.implicative_verbs.isdisjoint(found) and bool(implicative.search(text)))


SWAPPED_VERB_EXTRA = 1  # shared words beyond NEGATION_MIN_SHARED when the other side does not state the negated verb
# Two words whose vectors in the shipped static model are this close are read as forms of one word where their stems
# differ (irregular verbs: "pay" / "paid" 0.74, "sell" / "sold" 0.57, "meet" / "met" 0.75; two acts: "arrest" /
# "questioned" 0.16, "sign" / "read" 0.04, "decide" / "held" 0.01).
FORM_SIMILARITY = 0.5


def _states_a_form_of(text: str, heads: frozenset[str], other: str, lex: Lexicon) -> bool:
    """Whether `other` writes a form of a negated head of `text` that stemming does not join ("has yet to pay" /
    "paid"), by the shipped static model's word vectors. Without the model (or outside its language) every head
    counts as stated, as before."""
    words = [w for w in default_process(_negation_text(text, lex)).split() if lex.stem(w) in heads]
    if not words:
        return True
    others = [w for w in default_process(other).split() if w.isalpha() and w not in lex.stopwords and len(w) > 1]
    return any((_word_similarity(w, o, lex.code) or 1.0) >= FORM_SIMILARITY for w in words for o in others)


@functools.lru_cache(maxsize=20_000)
def _word_similarity(x: str, y: str, language: str) -> float | None:
    """Cosine of two words' vectors in the shipped static model; None where the model cannot say."""
    from newsdiff.text.semantic import shipped_scorer

    scorer = shipped_scorer(language)
    if scorer is None:
        return None
    return float(scorer.matrix([x], [y])[0, 0])


def negation_reasons(a: str, b: str, min_shared: int = NEGATION_MIN_SHARED, language: str = "en") -> list[str]:
    """Report a negated clause on one side whose content the other side states without negation.

    The negated part of the clause (from the word before the negation to the clause end) must share
    NEGATED_SHARE of its content words, and two at least, with a clause of the other side; the whole
    negated clause must share `min_shared` content words with it; the negated part must hold PAIR_SHARE of
    the content words the two passages share, or negate (with a "not", not a "without") a word the other side
    has; and the other side must negate nothing. Both passages are read in `language` (stems of two languages
    share nothing, so a pair in two languages raises no negation cue).
    A "not" in a clause the other side does not have says nothing.
    """
    lex = lexicon_for(language)
    a, b = _without_additive(a, lex), _without_additive(b, lex)
    if _negates(a, lex) == _negates(b, lex):
        return []  # both sides negate something (or neither does): nothing one-sided to point at
    ca, cb = _clauses(a, lex), _clauses(b, lex)
    neg_a, neg_b = any(n for _, n in ca), any(n for _, n in cb)
    if neg_a == neg_b:
        return []
    neg_side, other, text = (ca, cb, a) if neg_a else (cb, ca, b)
    pair_shared = _topic_words(a, lex) & _topic_words(b, lex)
    heads = _negated_heads(text, lex)
    whole = _whole_clauses(text, lex)
    if _is_record(text, lex):
        return []  # "no blackout so long since 2019" states a record, as "the longest since 2019" does
    other_text = b if neg_a else a
    other_all = _passage_stems(other_text, lex)
    restated = _restated_negation(text, b if neg_a else a, heads, lex)
    if restated:
        return [f'negation in the shared clause: "{restated}"']
    for stems, negated in neg_side:
        if not negated:
            continue
        if len(stems & pair_shared) < PAIR_SHARE * len(pair_shared) and not heads & pair_shared:
            continue
        clause = whole.get(stems, stems)
        # A negated verb the other side does not state, its arguments alike ("Police did not arrest the suspect at
        # the scene" / "Police questioned the suspect at the scene"): another act, unless more than the verb's
        # arguments is shared ("did not decide whether the cap covers buildings completed after 2015" / "held
        # that the cap covers buildings completed after 2015").
        maybe_swapped = bool(heads & stems) and (heads & stems).isdisjoint(other_all)
        for other_stems, _ in other:
            shared = stems & other_stems
            if len(shared) >= 2 and len(shared) >= NEGATED_SHARE * len(stems) \
                    and (len(clause & other_stems) >= min_shared or other_stems == stems) \
                    and len(shared & _plain_words(a, lex) & _plain_words(b, lex)) >= NEGATION_MIN_PLAIN:
                if maybe_swapped and len(clause & other_stems) < min_shared + SWAPPED_VERB_EXTRA \
                        and not _states_a_form_of(text, heads & stems, other_text, lex):
                    continue  # the model is asked only here: a cue but for the verb
                return [f'negation in the shared clause: "{_clause_text(text, stems, lex)}"']
    return []


# Two passages that say the same thing but for a negation ("said it had not been consulted before the announcement"
# / "said it had been consulted before the announcement"): their content words overlap this much (Jaccard) and
# count at least RESTATED_MIN_SHARED, and the other side states the negated verb. Clause splitting leaves a bare
# "it had not been consulted" too short for the clause rules above, but the whole statement is shared.
RESTATED_OVERLAP = 0.8
RESTATED_MIN_SHARED = 4


def _restated_negation(text: str, other: str, heads: frozenset[str], lex: Lexicon) -> str:
    """The negated clause of `text` when `other` restates the whole of `text` without the negation, else ""."""
    if not heads:
        return ""
    mine, theirs = _statement_stems(text, lex), _statement_stems(other, lex)
    shared = mine & theirs
    if len(shared) < RESTATED_MIN_SHARED or len(shared) < RESTATED_OVERLAP * len(mine | theirs):
        return ""
    if not heads & shared & _plain_words(other, lex):
        return ""
    for stems, negated in _clauses(text, lex):
        if negated and stems & heads:
            return _clause_text(text, stems, lex)
    return ""


ATTRIBUTION_WORDS = 6  # at most this many words in a clause that only says who said it ("head teachers said")


@functools.lru_cache(maxsize=20_000)
def _statement_stems(text: str, lex: Lexicon) -> frozenset[str]:
    """Content-word stems of what a passage states, without the short clauses that only say who states it ("...,
    head teachers said", "according to the board"): two accounts of one statement often credit different sources."""
    whole = _passage_stems(text, lex)
    if _reporting(lex).isdisjoint(default_process(text).split()) and not any(
            opener in text.lower() for opener in lex.attribution_openers):
        return whole  # the common case: no source named
    kept = []
    for part in lex.clause_re.split(text):
        words = default_process(part).split()
        if not words:
            continue
        if len(words) <= ATTRIBUTION_WORDS and (not _reporting(lex).isdisjoint(words[-2:]) or any(
                " ".join(words).startswith(opener) for opener in lex.attribution_openers)):
            # "head teachers said", "the controller told reporters", "according to the board"; not "said it had
            # been consulted", which states what was said
            continue
        kept.append(part)
    return _passage_stems(" ".join(kept), lex) if kept else whole


@functools.lru_cache(maxsize=20_000)
def _passage_stems(text: str, lex: Lexicon) -> frozenset[str]:
    """Content-word stems of a whole passage, negations left out ("n't" read as "not")."""
    text = _negation_text(text, lex)
    return frozenset(lex.stem(w) for w in default_process(text).split()
                     if w not in lex.stopwords and w not in lex.negations and len(w) > 1)


@functools.cache
def _additive_re(lex: Lexicon) -> re.Pattern | None:
    return re.compile(lex.additive_negation, re.IGNORECASE) if lex.additive_negation else None


def _without_additive(text: str, lex: Lexicon) -> str:
    """`text` without its additive negations ("consult not only their own experts but also ..." denies nothing)."""
    pattern = _additive_re(lex)
    return pattern.sub("", text) if pattern is not None and pattern.search(text) else text


@functools.lru_cache(maxsize=20_000)
def _is_record(text: str, lex: Lexicon) -> bool:
    """Whether a negated clause of `text` compares by degree against a past time ("No storm so strong had hit the
    coast since 1990", "No se veía un apagón tan extenso desde 2019"): a record, the same claim as a superlative."""
    if not lex.since_words or not lex.degree_words:
        return False
    for part in lex.clause_re.split(text):
        words = default_process(part).split()
        negation = next((k for k, w in enumerate(words) if w in lex.negations), None)
        if negation is None:
            continue
        rest = words[negation + 1:]
        if any(w in lex.degree_words for w in rest) and any(w in lex.since_words for w in rest):
            return True
    return False


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
def _negated_heads(text: str, lex: Lexicon) -> frozenset[str]:
    """Stems of the words a verb negation negates: the first content word after "not"/"no"/"never" ("will not
    meet" -> meet). Prepositions of absence ("without", "sin") deny a noun and give none."""
    text = _negation_text(text, lex)
    words = default_process(text).split()
    heads = set()
    for k, word in enumerate(words):
        if word in lex.negations and word not in lex.privative:
            following = (w for w in words[k + 1:] if w not in lex.stopwords and w not in lex.negations and len(w) > 1)
            head = next(following, None)
            if head:
                heads.add(lex.stem(head))
    return frozenset(heads)


@functools.lru_cache(maxsize=20_000)
def _whole_clauses(text: str, lex: Lexicon) -> dict[frozenset[str], frozenset[str]]:
    """Map the stems of each negated part (as `_clauses` gives them) to the stems of its whole clause."""
    out = {}
    for part in lex.clause_re.split(text):
        for stems, negated in _clauses(part, lex):
            if negated:
                out[stems] = frozenset(lex.stem(w) for w in default_process(part).split()
                                       if w not in lex.stopwords and w not in lex.negations and len(w) > 1)
    return out


CLAUSE_SHOWN = 12  # words of a negated clause shown as evidence
NEGATION_LEAD = 5  # ...of which at most this many before the negation, when the clause is longer


def _clause_text(text: str, stems: frozenset[str], lex: Lexicon) -> str:
    """Return the clause of `text` whose stems are `stems`, trimmed to CLAUSE_SHOWN words that hold its negation
    ("... a round in which Rahman didn't land a clean punch", not the clause's first 12 words without it)."""
    for part in lex.clause_re.split(text):
        if any(stems == c for c, _ in _clauses(part, lex)):
            words = part.split()
            at = next((k for k, w in enumerate(words) if _negates(w, lex) or (
                w.lower() in lex.implicative_verbs and _negates(" ".join(words[k:k + 2]), lex))), 0)
            start = max(0, min(at - NEGATION_LEAD, len(words) - CLAUSE_SHOWN))
            shown = " ".join(words[start:start + CLAUSE_SHOWN])
            return shown if start == 0 else "… " + shown
    return ""


# --- the same quotation, different speakers ---------------------------------------------------

QUOTE_MIN_WORDS = 3  # shorter quotations ("Finally," "very productive") are too common to credit to anyone
SAME_QUOTE = 85  # fuzz.ratio of two normalised quotations that are one
CONTAINED_MIN_WORDS = 4  # a quotation inside the other side's longer one: at least this many words...
CONTAINED = 0.85  # ...found in it, word for word, as near-verbatim as SAME_QUOTE (Indel similarity of the words)
QUOTE_SHOWN = 12  # words of the quotation shown as evidence


def same_quotation(x: str, y: str, language: str = "en") -> bool:
    """Whether two quotations are one: near-verbatim alike, or the shorter found near-verbatim, word for word, inside
    the longer ("We wanted a building that says come in" within "This is a museum for everyone. We wanted a
    building..."), with the same negations ("We will not close the library" is not "We will close the library").
    """
    written = min(len(x.split()), len(y.split()))  # words as written: "off-the-field issue" is two
    if written < QUOTE_MIN_WORDS:
        return False
    x, y = default_process(x.replace("-", "")), default_process(y.replace("-", ""))  # "re-open" is "reopen"
    short, long = sorted((x, y), key=len)
    if fuzz.ratio(x, y) >= SAME_QUOTE:
        window = long.split()
    else:
        if written < CONTAINED_MIN_WORDS:
            return False
        window = _window(short.split(), long.split())
        if window is None:
            return False
    lex = lexicon_for(language)
    return _negation_count(short.split(), lex) == _negation_count(window, lex)


def _window(short: list[str], long: list[str]) -> list[str] | None:
    """The words of `long` that give `short` near-verbatim (CONTAINED), a word or two more or fewer; None if none do."""
    if len(set(short) & set(long)) < CONTAINED * len(set(short)):
        return None  # the common case, and a cheap test
    n, best, found = len(short), CONTAINED, None
    for size in range(max(1, n - 2), min(n + 2, len(long)) + 1):
        for i in range(len(long) - size + 1):
            similarity = Indel.normalized_similarity(short, long[i:i + size])
            if similarity >= best:
                best, found = similarity, long[i:i + size]
    return found


def _negation_count(words: list[str], lex: Lexicon) -> int:
    """Negations in `default_process`ed words ("didn't" is "didn t" there)."""
    return sum(w in lex.negations or w == "t" and k > 0 and words[k - 1].endswith("n") for k, w in enumerate(words))


def speaker(text: str, quote_start: int, quote_end: int, language: str = "en") -> str | None:
    """Return the surname (or the role, when no name is given) of whom `text` credits with the quote at
    [quote_start, quote_end): see `newsdiff.text.speakers`."""
    who = speaker_of(text, quote_start, quote_end, language)
    return None if who is None else who.surname or who.phrase


def _shown(words: str) -> str:
    words = words.split()
    return " ".join(words[:QUOTE_SHOWN]) + ("..." if len(words) > QUOTE_SHOWN else "")


def quote_reasons(a: str, b: str, language: str = "en") -> list[str]:
    """Report a quotation both passages give (one may be part of the other's longer one) credited to two different
    speakers: the quotation, and each side's speaker as written."""
    quotes_a = quotations(a, language)
    quotes_b = quotations(b, language) if quotes_a else ()
    reasons, pairs = [], set()
    for words_a, start_a, end_a in quotes_a:
        for words_b, start_b, end_b in quotes_b:
            if not same_quotation(words_a, words_b, language):
                continue
            who_a = speaker_of(a, start_a, end_a, language)
            who_b = speaker_of(b, start_b, end_b, language) if who_a else None
            if who_a and who_b and (who_a, who_b) not in pairs and different_speakers(who_a, who_b):
                pairs.add((who_a, who_b))  # one reason for two speakers, however many parts they share
                shown = _shown(min(words_a, words_b, key=len).strip(" ,.;:"))
                reasons.append(f'quote attributed to different speakers: "{shown}": {who_a.phrase} vs {who_b.phrase}')
    return reasons


# --- a date for the event against "no date" ---------------------------------------------------

SCHEDULE_WINDOW = 3  # words between the negation and the schedule noun ("no firm date", "did not set a date")


@functools.cache
def _schedule_re(lex: Lexicon) -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % "|".join(sorted(lex.schedule_nouns)), re.IGNORECASE)


@functools.lru_cache(maxsize=20_000)
def _speaks_of_schedule(text: str, lex: Lexicon) -> bool:
    return _says_any(text, lex.schedule_nouns, _schedule_re(lex))


@functools.lru_cache(maxsize=20_000)
def _undated_clauses(text: str, lex: Lexicon) -> list[tuple[str, frozenset[str]]]:
    """Return (clause, its content stems) for each clause saying the event has no date ("No date was announced")."""
    out = []
    for part in lex.clause_re.split(text):
        part = _negation_text(part, lex)
        words = default_process(part).split()
        for k, w in enumerate(words):
            if w in lex.negations and any(x in lex.schedule_nouns for x in words[k + 1:k + 2 + SCHEDULE_WINDOW]):
                stems = frozenset(lex.stem(x) for x in words if x not in lex.stopwords and x not in lex.negations
                                  and x not in lex.schedule_nouns and len(x) > 1)
                shown = part.split()
                if shown and shown[0].lower() in ("and", "or", "but"):
                    shown = shown[1:]  # ", and no timetable was announced": the clause starts after "and"
                out.append((" ".join(shown[:12]), stems))
                break
    return out


@functools.lru_cache(maxsize=20_000)
def _timed_clauses(text: str, lex: Lexicon) -> list[tuple[str, frozenset[str]]]:
    """Return (the time-frame or date as written, the clause's content stems) for each clause that dates an event."""
    out = []
    ahead = re.compile(lex.time_ahead, re.IGNORECASE)
    for part in lex.clause_re.split(text):
        found = ahead.search(part)
        written = found.group() if found else next(
            (q.text for q in _quantities(part, lex) if q.key.startswith(("date", "weekday"))
                                     and q.key != YEAR_KEY), None)
        if written is None:
            continue
        stems = frozenset(lex.stem(x) for x in default_process(part).split()
                          if x not in lex.stopwords and len(x) > 1 and x.isalpha())
        out.append((written, stems))
    return out


def schedule_reasons(a: str, b: str, language: str = "en") -> list[str]:
    """Report a date or time-frame for an event on one side and "no date" for that event on the other.

    The clause giving the date and the clause saying there is none must share a content word (the
    event: "meet" in "will meet later this month" / "no date was announced for the proposed meetings").
    """
    lex = lexicon_for(language)
    if not lex.schedule_nouns or not lex.time_ahead:
        return []
    if not (_speaks_of_schedule(a, lex) or _speaks_of_schedule(b, lex)):
        return []  # the common case, checked cheaply: neither side speaks of a date or timetable
    for undated_side, timed_side in ((a, b), (b, a)):
        if not _negates(undated_side, lex):
            continue
        undated = _undated_clauses(undated_side, lex)
        if not undated:
            continue
        for written, stems in _timed_clauses(timed_side, lex):
            for clause, undated_stems in undated:
                if stems & undated_stems:
                    return [f'dates differ: "{written}" vs "{clause}"']
    return []


# Content words (not numbers, months, weekdays) two passages must share before their numbers are compared.
# 2 missed "The network agreed to pay $1 million to settle the complaint" / "Under the settlement, the
# network will provide $500,000 of airtime" (issue 10's example); `_about_the_same` now does the sorting.
TOPIC_WORDS_FOR_NUMBERS = 1
TOPIC_WORDS_ACROSS_LANGUAGES = 2  # across languages values are not located in clauses: the gate stays

CONFLICT_PREFIXES = ("numbers differ", "dates differ", "negation in the shared clause", "quote attributed")


@functools.lru_cache(maxsize=20_000)
def _topic_words(text: str, lex: Lexicon) -> frozenset[str]:
    """Content-word stems of `text` that are not numbers, months or weekdays."""
    return frozenset(lex.stem(w) for w in default_process(text).split()
                     if w.isalpha() and len(w) > 1 and w not in lex.stopwords and w not in lex.months
                     and w not in lex.weekdays and w not in lex.number_words and w not in lex.ordinals)


def conflict_reasons(a: str, b: str, language: str = "en", language_b: str | None = None) -> list[str]:
    """Return every conflict cue found between two linked passages (`language_b` when b's differs).

    Numbers and dates are compared only when the passages share another content word (two datelines,
    "January 5, 2011" and "Updated: January 6, 2011", share nothing else) and the two values are about
    one thing (`_about_the_same`).
    Negation and quotation cues need both passages in one language.
    """
    lex_a, lex_b = lexicon_for(language), lexicon_for(language_b or language)
    numbers = []
    if _quantities(a, lex_a) and _quantities(b, lex_b) \
            and len(_topic_words(a, lex_a) & _topic_words(b, lex_b)) >= \
            (TOPIC_WORDS_FOR_NUMBERS if lex_a is lex_b else TOPIC_WORDS_ACROSS_LANGUAGES):
        numbers = number_reasons(a, b, lex_a.code, lex_b.code)
    if lex_a is not lex_b:
        return numbers
    return (numbers + negation_reasons(a, b, language=lex_a.code) + quote_reasons(a, b, lex_a.code)
            + schedule_reasons(a, b, lex_a.code))
