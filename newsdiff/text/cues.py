"""Conflict cues between two linked passages, each about something the two passages share.

A cue is evidence a reviewer can check, not a verdict: the link is shown as a "possible conflict"
with the reasons below. Only differences about what both passages talk about count:

- typed quantities with different values: money (currency and scale: "$1 million" vs "$500,000"),
  counts of the same noun ("three people" vs "10 people"), "38-word"-style compounds, durations
  (compared in minutes: "half an hour" = "30-minute", "30 days" = "a month"), percentages,
  clock times, ordinals of the same noun;
- dates (month and day) and weekdays given for the event ("Saturday" vs "on Friday");
- a negation inside the clause the two passages share (the clause holds most of what the pair
  shares, and the other side states that clause without a negation);
- the same quotation attributed to different speakers, the speaker being the name next to a
  reporting verb (said, told, wrote, posted...).

A number on one side only, a "not" in a clause the other side does not have, or a quote whose
speaker is not named next to a reporting verb, raise nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import snowballstemmer
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from newsdiff.text.tokens import STOPWORDS

_STEM = functools.lru_cache(maxsize=100_000)(snowballstemmer.stemmer("english").stemWord)
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "one": 1, "a": 1, "an": 1, "half": 0.5,
}
_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_UNITS = frozenset("one two three four five six seven eight nine".split())
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_CURRENCY_SIGNS = {"$": "$", "€": "€", "£": "£", "¥": "¥"}
_CURRENCY_WORDS = {"dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "pound": "£", "pounds": "£",
                   "yen": "¥"}
_MINUTES = {"second": 1 / 60, "seconds": 1 / 60, "minute": 1, "minutes": 1, "hour": 60, "hours": 60,
            "day": 1440, "days": 1440, "week": 10080, "weeks": 10080, "month": 43200, "months": 43200,
            "year": 525600, "years": 525600}
_MONTHS = {m: k + 1 for k, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS.update({m[:3]: k for m, k in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {d: k for k, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_CLOCK = {"am", "pm", "a.m.", "p.m."}
# Spellings of one thing that alignment should treat as one word: number words as digits
# ("ten" = "10"), month abbreviations as months ("Jan." = "January").
CANONICAL_WORDS = {**{w: str(int(v)) for w, v in _NUMBER_WORDS.items() if v >= 2 and w != "dozens"},
                   **{m: full for full in _MONTHS if len(full) > 4 for m in (full[:3], "sept")
                      if _MONTHS[m] == _MONTHS[full]}}

# Tokens: currency signs, numbers (with thousands separators, decimals, clock colons), words
# (with inner apostrophes and dots: "p.m.", "U.S."), percent signs and hyphens.
_TOKEN_RE = re.compile(r"[$€£¥]|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|[^\W\d_]+(?:['’.][^\W\d_]+)*\.?|%|-")
_DIGITS_RE = re.compile(r"\d")
# A passage without a digit quantifies nothing unless it has one of these words.
_WORDY = (frozenset(_NUMBER_WORDS) - {"a", "an"}) | frozenset(_WEEKDAYS) | frozenset(_ORDINALS) | frozenset(_MINUTES)


@dataclass(frozen=True)
class Quantity:
    """A typed quantity: what it measures (key), its value and how it was written."""

    key: str
    value: float
    text: str


def _number(token: str) -> float | None:
    """Parse a number token ("1,200", "5.1", "twenty") or return None."""
    t = token.lower()
    if t in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[t])
    if not t[:1].isdigit() or ":" in t:
        return None
    t = re.sub(r"(st|nd|rd|th)$", "", t)
    if re.fullmatch(r"\d{1,3}(,\d{3})+", t):
        t = t.replace(",", "")
    t = t.replace(",", ".")  # a decimal comma ("1,5")
    try:
        return float(t)
    except ValueError:
        return None


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", token))


@functools.lru_cache(maxsize=20_000)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Return the typed quantities, dates and weekdays of `text`."""
    if not _DIGITS_RE.search(text) and _WORDY.isdisjoint(default_process(text).split()):
        return ()
    tokens = [m.group() for m in _TOKEN_RE.finditer(text)]
    low = [t.lower().rstrip(".") if t.lower() not in _CLOCK else t.lower() for t in tokens]
    out: list[Quantity] = []
    n = len(tokens)
    k = 0
    while k < n:
        t, lt = tokens[k], low[k]
        if lt in _WEEKDAYS:
            out.append(Quantity("weekday", float(_WEEKDAYS[lt]), t.rstrip(".")))
        elif lt in _MONTHS and k + 1 < n and re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", low[k + 1]):
            if lt != "may" or tokens[k][0] == "M":
                out.append(Quantity("date", _MONTHS[lt] * 100 + float(_number(low[k + 1])), f"{t} {tokens[k + 1]}"))
            k += 2
            continue
        elif re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", lt) and k + 1 < n and low[k + 1] in _MONTHS and low[k + 1] != "may":
            out.append(Quantity("date", _MONTHS[low[k + 1]] * 100 + float(_number(lt)), f"{t} {tokens[k + 1]}"))
            k += 2
            continue
        elif (lt in _ORDINALS or re.fullmatch(r"\d+(st|nd|rd|th)", lt)) and k + 1 < n:
            noun = low[k + 1]
            if noun.isalpha() and noun not in STOPWORDS and noun not in _MONTHS:
                value = _ORDINALS.get(lt) or _number(lt)
                out.append(Quantity(f"ordinal:{_STEM(noun)}", float(value), f"{t} {tokens[k + 1].rstrip('.')}"))
        else:
            q, used = _quantity_at(tokens, low, k)
            if q is not None:
                out.append(q)
                k += used
                continue
        k += 1
    return tuple(out)


def _quantity_at(tokens: list[str], low: list[str], k: int) -> tuple[Quantity | None, int]:
    """Read a money amount, percentage, duration, clock time, compound or count starting at token k."""
    n = len(tokens)
    start = k
    currency = None
    if low[k] in _CURRENCY_SIGNS:
        currency = _CURRENCY_SIGNS[low[k]]
        k += 1
        if k >= n:
            return None, 1
    value = _number(low[k])
    if value is None:
        return None, 1
    if low[k] in ("a", "an", "one", "half") and currency is None:
        # "a"/"an"/"one"/"half" count only before a unit of time ("an hour", "half an hour", "a month").
        j = k + 1
        if low[k] == "half" and j < n and low[j] in ("a", "an"):
            j += 1
        if j < n and low[j] in _MINUTES:
            return Quantity("duration", value * _MINUTES[low[j]], " ".join(tokens[start:j + 1])), j + 1 - start
        if low[k] != "one":
            return None, 1
    if _is_year(low[k]) and currency is None:
        return None, 1
    if low[k] in _TENS and k + 2 < n and low[k + 1] == "-" and low[k + 2] in _UNITS:  # twenty-five
        value += _NUMBER_WORDS[low[k + 2]]
        k += 2
    k += 1
    if k + 1 < n and low[k] == "-" and low[k + 1] in _SCALES:  # "$5.4-billion"
        k += 1
    if k < n and low[k] in _SCALES and (low[k] not in ("m", "k", "bn") or currency):
        value *= _SCALES[low[k]]
        k += 1
    if k < n and low[k] in _CURRENCY_WORDS:
        currency = _CURRENCY_WORDS[low[k]]
        k += 1
    def written(end: int) -> str:
        text = " ".join(tokens[start:end]).replace(" - ", "-").replace(" %", "%")
        text = re.sub(r"([$€£¥]) ", r"\1", text)
        return text if low[end - 1] in _CLOCK else text.rstrip(".")

    if currency:
        return Quantity(f"money:{currency}", value, written(k)), k - start
    if k < n and (low[k] in ("%", "percent") or (low[k] == "per" and k + 1 < n and low[k + 1] == "cent")):
        end = k + (2 if low[k] == "per" else 1)
        return Quantity("percent", value, written(end)), end - start
    if k < n and low[k] in _CLOCK:
        return Quantity("clock", value, written(k + 1)), k + 1 - start
    hyphen = k < n and low[k] == "-"
    j = k + 1 if hyphen else k
    if j < n and low[j] in _MINUTES:
        if j + 1 < n and (low[j + 1] == "old" or (j + 2 < n and low[j + 1] == "-" and low[j + 2] == "old")):
            return None, j + 2 - start  # "a 10-year-old", "36-year old": an age, not a duration
        return Quantity("duration", value * _MINUTES[low[j]], written(j + 1)), j + 1 - start
    if j < n and low[j].isalpha() and low[j] not in STOPWORDS and low[j] not in _MONTHS:
        noun = _STEM(low[j])
        if noun in ("percent", "time", "point"):
            return None, j - start
        return Quantity(f"count:{noun}", value, written(j + 1)), j + 1 - start
    return None, max(1, k - start)


@functools.lru_cache(maxsize=20_000)
def _numbers(text: str) -> frozenset[float]:
    """Every number written in `text`, in digits or words, whatever follows it."""
    out = set()
    for m in _TOKEN_RE.finditer(text):
        t = m.group().lower()
        if t[:1].isdigit() or (t in _NUMBER_WORDS and t not in ("a", "an", "one", "half")):
            value = _number(t)
            if value is not None:
                out.add(value)
    return frozenset(out)


def _same(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y))


def number_reasons(a: str, b: str) -> list[str]:
    """Report quantities of the same kind that the two passages give with different values."""
    qa, qb = quantities(a), quantities(b)
    if not qa or not qb:
        return []
    reasons = []
    keys_b = {q.key for q in qb}
    for key in sorted({q.key for q in qa} & keys_b):
        va = [q for q in qa if q.key == key]
        vb = [q for q in qb if q.key == key]
        if any(_same(x.value, y.value) for x in va for y in vb):
            continue
        if key.startswith("count:") and (any(x.value in _numbers(b) for x in va)
                                         or any(y.value in _numbers(a) for y in vb)):
            continue  # "23 goals" / "two goals took his tally to 23": the count is there, its noun elsewhere
        kind = "dates differ" if key in ("date", "weekday") else "numbers differ"
        left = ", ".join(dict.fromkeys(f'"{q.text}"' for q in va))
        right = ", ".join(dict.fromkeys(f'"{q.text}"' for q in vb))
        reasons.append(f"{kind}: {left} vs {right}")
    return reasons


# --- negation in the shared clause ------------------------------------------------------------

_NEGATIONS = frozenset("not no never none nor neither without nothing nobody cannot denied denies deny "
                       "refused refuses declined declines".split())
NEGATED_SHARE = 0.6
_NEGATION_RE = re.compile(r"\b(?:%s)\b|n['’]t\b" % "|".join(sorted(_NEGATIONS)), re.IGNORECASE)
_CLAUSE_RE = re.compile(r"[,;:()—–“”\"]|\.\s|\b(?:but|while|although|though|whereas|because|after|before)\b", re.I)


@functools.lru_cache(maxsize=20_000)
def clauses(text: str) -> tuple[tuple[frozenset[str], bool], ...]:
    """Return each clause of `text` as (its content-word stems, whether it holds a negation)."""
    out = []
    for part in _CLAUSE_RE.split(text):
        words = default_process(part.replace("n't", " not").replace("n’t", " not")).split()
        if not words:
            continue
        first = next((k for k, w in enumerate(words) if w in _NEGATIONS), None)
        if first is not None:
            # What is negated: the words from the negation to the clause end, and the verb
            # or subject just before it ("did not decide", "the court denied").
            words = words[max(0, first - 1):]
        stems = frozenset(_STEM(w) for w in words if w not in STOPWORDS and w not in _NEGATIONS and len(w) > 1)
        if stems:
            out.append((stems, first is not None))
    return tuple(out)


def negated_phrases(text: str) -> list[set[str]]:
    """Return the stems of each negated clause of `text`."""
    return [set(stems) for stems, negated in clauses(text) if negated]


def negation_reasons(a: str, b: str, min_shared: int = 2) -> list[str]:
    """Report a negated clause on one side whose content the other side states without negation.

    The negated part of the clause (from the word before the negation to the clause end) must share
    at least `min_shared` content words, and NEGATED_SHARE of its own, with a clause of the other
    side, and the other side must negate nothing.
    A "not" in a clause the other side does not have says nothing.
    """
    if bool(_NEGATION_RE.search(a)) == bool(_NEGATION_RE.search(b)):
        return []  # both sides negate something (or neither does): nothing one-sided to point at
    ca, cb = clauses(a), clauses(b)
    neg_a, neg_b = any(n for _, n in ca), any(n for _, n in cb)
    if neg_a == neg_b:
        return []
    neg_side, other, text = (ca, cb, a) if neg_a else (cb, ca, b)
    for stems, negated in neg_side:
        if not negated:
            continue
        for other_stems, _ in other:
            shared = stems & other_stems
            if len(shared) >= min_shared and len(shared) >= NEGATED_SHARE * len(stems):
                return [f'negation in the shared clause: "{_clause_text(text, stems)}"']
    return []


def _clause_text(text: str, stems: frozenset[str]) -> str:
    """Return the clause of `text` whose stems are `stems`, trimmed to 12 words."""
    for part in _CLAUSE_RE.split(text):
        if any(stems == c for c, _ in clauses(part)):
            return " ".join(part.split()[:12])
    return ""


# --- the same quotation, different speakers ---------------------------------------------------

_QUOTE_RE = re.compile(r"“([^”]{2,})”|\"([^\"]{2,})\"|«([^»]{2,})»")
_REPORTING = (r"(?:said|says|say|told|tells|tell|wrote|writes|write|posted|posts|added|adds|asked|asks|"
              r"stated|states|tweeted|declared|insisted|warned)")
_NAME = r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)"
_SPEAKER_RES = (
    re.compile(rf"{_NAME}\s*(?:,[^,]{{1,60}},\s*)?{_REPORTING}\b"),  # Name said / Name, a lawyer, said
    re.compile(rf"\b{_REPORTING}\s+{_NAME}"),  # said Name
    re.compile(rf"\b{_REPORTING}\s+(?:[a-z][\w’'-]*,?\s+){{1,4}}{_NAME}"),  # said her campaign manager, Name
)
_NOT_SPEAKERS = frozenset("""The A An It He She They We I You His Her Their Our This That These Those
    Officials Official Sources Source Police Reporters""".split()) | {
    w.capitalize() for w in list(_WEEKDAYS) + [m for m in _MONTHS if len(m) > 3]}


def _quotes(text: str) -> list[tuple[str, int, int]]:
    """Return (quoted words, start, end) for each quotation in `text`."""
    return [(next(g for g in m.groups() if g is not None), m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


def speaker(text: str, quote_start: int, quote_end: int) -> str | None:
    """Return the surname credited with the quote at [quote_start, quote_end): a name next to a reporting verb."""
    outside = text[:quote_start] + " " * (quote_end - quote_start) + text[quote_end:]
    best = None
    for pattern in _SPEAKER_RES:
        for m in pattern.finditer(outside):
            words = [w for w in m.group(1).split() if w not in _NOT_SPEAKERS]
            if not words:
                continue
            distance = min(abs(m.start() - quote_end), abs(m.end() - quote_start))
            name = re.sub(r"['’]s$", "", words[-1])
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def quote_reasons(a: str, b: str) -> list[str]:
    """Report the same quoted words credited to different named speakers on each side."""
    quotes_b = _quotes(b)
    if not quotes_b:
        return []
    reasons = []
    for words, start, end in _quotes(a):
        if len(words.split()) < 3:
            continue
        match = process.extractOne(words, [q[0] for q in quotes_b], scorer=fuzz.ratio,
                                   processor=default_process, score_cutoff=85)
        if match is None:
            continue
        who_a = speaker(a, start, end)
        who_b = speaker(b, quotes_b[match[2]][1], quotes_b[match[2]][2])
        if who_a and who_b and default_process(who_a) != default_process(who_b):
            reasons.append(f"quote attributed to different speakers: {who_a} vs {who_b}")
    return reasons


CONFLICT_PREFIXES = ("numbers differ", "dates differ", "negation in the shared clause", "quote attributed")


@functools.lru_cache(maxsize=20_000)
def _topic_words(text: str) -> frozenset[str]:
    """Content-word stems of `text` that are not numbers, months or weekdays."""
    return frozenset(_STEM(w) for w in default_process(text).split()
                     if w.isalpha() and len(w) > 1 and w not in STOPWORDS and w not in _MONTHS
                     and w not in _WEEKDAYS and w not in _NUMBER_WORDS)


def conflict_reasons(a: str, b: str) -> list[str]:
    """Return every conflict cue found between two linked passages.

    Numbers and dates are compared only when the passages share at least two other content
    words (two datelines, "January 5, 2011" and "Updated: January 6, 2011", share nothing else).
    """
    numbers = []
    if quantities(a) and quantities(b) and len(_topic_words(a) & _topic_words(b)) >= 2:
        numbers = number_reasons(a, b)
    return numbers + negation_reasons(a, b) + quote_reasons(a, b)
