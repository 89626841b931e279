"""Conflict cues between two linked passages: differing numbers, one-sided negation, re-attributed quotes.

Each cue returns human-readable reasons a journalist can check against the text; an empty list
means no cue. The cues are deliberately lexical and conservative: they point at a spot to read,
they do not decide that the accounts contradict each other.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "half": 0.5,
}
# Units that make two numbers comparable; a bare number is only compared when it looks like a year.
_UNITS = {
    "second": "second", "seconds": "second", "sec": "second", "minute": "minute",
    "minutes": "minute", "min": "minute", "mins": "minute", "hour": "hour", "hours": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "percent": "percent", "%": "percent",
    "per cent": "percent", "people": "people", "persons": "people", "deaths": "dead",
    "dead": "dead", "killed": "dead", "injured": "injured", "wounded": "injured",
    "million": "million", "billion": "billion", "trillion": "trillion",
    "am": "clock", "a.m.": "clock", "pm": "clock", "p.m.": "clock", "o'clock": "clock",
    "points": "point", "point": "point", "meetings": "meeting", "meeting": "meeting",
    "calls": "call", "call": "call", "times": "times",
}
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_DIGIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Number words: compounds first ("twenty-five", not "five" of it), then "half an"/"an" before a
# unit ("half an hour", "an hour"), then single words ("fifteen", "a dozen" as "dozen").
_NUM = (r"(?:\d+(?:[.,:]\d+)*|(?:" + "|".join(_TENS) + r")[-\s](?:" + "|".join(_DIGIT_WORDS) + r")|"
        r"half an|an|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")")
# Durations are compared in minutes, so "half an hour" and "45 minutes" differ, "an hour" and
# "60 minutes" do not.
_IN_MINUTES = {"second": 1 / 60, "minute": 1.0, "hour": 60.0}
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# "15-minute", "10 minutes", "3 p.m.", "$5 million", "40%"
_QUANTITY_RE = re.compile(
    rf"(?<![\w.])(\$|€|£)?\s?({_NUM})(?:\s*-\s*|\s+)?({_UNIT})(?![\w])", re.IGNORECASE
)
_DATE_RE = re.compile(
    rf"\b({'|'.join(_MONTHS)})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({'|'.join(_MONTHS)})\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<![\w$.,])(1[89]\d\d|20\d\d)(?![\w%])")

# Cheap pre-checks (a plain word split, no alternation regex): a passage without a digit, a
# number word or a month quantifies nothing; one without a negation word negates nothing.
_DIGIT_RE = re.compile(r"\d")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_NUMBERISH = frozenset(_NUMBER_WORDS) | frozenset(_MONTHS) | {"hour", "hours"}  # "an hour"
_NEGATION_WORDS = frozenset(
    "not no never none nor neither without nothing nobody cannot declined refused denied t".split()
)

_NEGATION_RE = re.compile(
    r"\b(?:not|no|never|none|nor|neither|without|nothing|nobody|cannot|declined to|refused to|"
    r"denied|\w+n['’]t)\b",
    re.IGNORECASE,
)
_CLAUSE_END_RE = re.compile(r"[,;:.!?()—–]|\band\b|\bbut\b|\bwhile\b")

_QUOTE_RE = re.compile(r"“([^”]{2,})”|\"([^\"]{2,})\"|«([^»]{2,})»")
_SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "wrote",
    "writes", "posted", "described", "describes", "called", "calling", "insisted", "argued",
    "claimed", "according", "declared", "announced", "noted", "tweeted",
)
_NAME_RE = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
_NOT_NAMES = frozenset(
    """a an the in on at as by for from of to and but or if it its this that these those he she
    they we i you his her their our my according following after before during while when
    president prime minister secretary senator governor mayor chancellor king queen mr mrs ms
    dr official officials sources source""".split()
)


def _number_value(text: str) -> float:
    """Parse a number written in digits or words."""
    text = text.lower()
    if text == "an":
        return 1.0
    if text == "half an":
        return 0.5
    parts = re.split(r"[-\s]", text)
    if len(parts) == 2 and all(p in _NUMBER_WORDS for p in parts):  # twenty-five
        return float(_NUMBER_WORDS[parts[0]] + _NUMBER_WORDS[parts[1]])
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    text = text.replace(",", "")
    if ":" in text:  # a clock time such as 15:30
        hours, _, minutes = text.partition(":")
        return float(hours) + float(minutes.split(":")[0]) / 100
    try:
        return float(text)
    except ValueError:
        return float("nan")


def may_quantify(text: str) -> bool:
    """Whether `text` may quantify anything: False means `quantities(text)` is empty."""
    if _DIGIT_RE.search(text):
        return True
    return not _NUMBERISH.isdisjoint(_LETTERS_RE.findall(text.lower()))


def quantities(text: str) -> dict[str, dict[float, str]]:
    """Map each unit mentioned in `text` to its values and how each was written."""
    found: dict[str, dict[float, str]] = {}
    for m in _QUANTITY_RE.finditer(text):
        currency, number, unit = m.group(1), m.group(2), m.group(3)
        key = _UNITS[unit.lower()]
        value = _number_value(number)
        if number.lower() in ("an", "half an") and key not in _IN_MINUTES:
            continue  # "an" counts only in "an hour"/"half an hour", not "a year"/"an injured man"
        if key in _IN_MINUTES:
            key, value = "duration", round(value * _IN_MINUTES[key], 6)
        if currency:
            key = f"{currency}{key}"
        found.setdefault(key, {})[value] = m.group().strip()
    for m in _DATE_RE.finditer(text):
        month = (m.group(1) or m.group(4)).lower()
        day = m.group(2) or m.group(3)
        found.setdefault(f"date:{month}", {})[float(day)] = m.group()
    for m in _YEAR_RE.finditer(text):
        found.setdefault("year-date", {})[float(m.group(1))] = m.group(1)
    return found


def number_reasons(a: str, b: str) -> list[str]:
    """Report units both passages quantify with disjoint values ('15-minute' vs '10 minutes')."""
    qa, qb = quantities(a), quantities(b)
    reasons = []
    for unit in sorted(qa.keys() & qb.keys()):
        if not qa[unit].keys() & qb[unit].keys():
            left = ", ".join(f'"{s}"' for s in qa[unit].values())
            right = ", ".join(f'"{s}"' for s in qb[unit].values())
            reasons.append(f"numbers differ: {left} vs {right}")
    return reasons


def negated_phrases(text: str) -> list[str]:
    """Return the clauses that open with a negation, each cut at the next clause boundary."""
    phrases = []
    if _NEGATION_WORDS.isdisjoint(_LETTERS_RE.findall(text.lower())):
        return phrases  # "didn't" splits into "didn" and "t"
    for m in _NEGATION_RE.finditer(text):
        # Include the subject/auxiliary just before "not" ("did not provide", "was not").
        head_start = m.start()
        if m.group().lower() == "not":
            # Step back over the spaces and the word before "not" without rescanning the text.
            k = len(text[: m.start()].rstrip())
            while k and (text[k - 1].isalnum() or text[k - 1] == "_"):
                k -= 1
            if k < m.start() and text[k:m.start()].strip():
                head_start = k
        end_m = _CLAUSE_END_RE.search(text, m.end())
        end = end_m.start() if end_m else len(text)
        words = text[head_start:end].split()
        phrases.append(" ".join(words[:8]))
    return phrases


def negation_reasons(a: str, b: str) -> list[str]:
    """Report a negation or absence stated on one side only ('no timetable was announced')."""
    neg_a, neg_b = negated_phrases(a), negated_phrases(b)
    if bool(neg_a) == bool(neg_b):
        return []
    phrases = neg_a or neg_b
    return ["negation on one side only: " + ", ".join(f'"{p}"' for p in phrases[:2])]


def _quotes(text: str) -> list[tuple[str, int, int]]:
    """Return (quoted words, start, end) for each quotation in `text`."""
    out = []
    for m in _QUOTE_RE.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        out.append((inner, m.start(), m.end()))
    return out


def speaker(text: str, quote_start: int, quote_end: int) -> str | None:
    """Guess who is credited with the quote at [quote_start, quote_end): the name nearest a speech verb."""
    outside = text[:quote_start] + " " * (quote_end - quote_start) + text[quote_end:]
    names = []
    for m in _NAME_RE.finditer(outside):
        words = [w.strip(".,’'") for w in m.group().split()]
        words = [w for w in words if w and w.lower() not in _NOT_NAMES]
        if words:
            surname = words[-1]
            if surname.endswith(("’s", "'s")):
                surname = surname[:-2]
            names.append((m.start(), surname))
    if not names:
        return None
    verbs = [m.start() for m in re.finditer(r"\b(?:%s)\b" % "|".join(_SPEECH_VERBS), outside)]
    if not verbs:
        return names[0][1]
    # The name closest to any speech verb is the most likely speaker.
    return min(names, key=lambda n: min(abs(n[0] - v) for v in verbs))[1]


def quote_reasons(a: str, b: str) -> list[str]:
    """Report the same quoted words credited to different speakers on each side."""
    quotes_b = _quotes(b)
    if not quotes_b:
        return []
    reasons = []
    for words, start, end in _quotes(a):
        match = process.extractOne(
            words, [q[0] for q in quotes_b], scorer=fuzz.ratio, processor=default_process,
            score_cutoff=85,
        )
        if match is None:
            continue
        _, _, idx = match
        who_a = speaker(a, start, end)
        who_b = speaker(b, quotes_b[idx][1], quotes_b[idx][2])
        if who_a and who_b and default_process(who_a) != default_process(who_b):
            reasons.append(f"quote attributed to different speakers: {who_a} vs {who_b}")
    return reasons


def conflict_reasons(a: str, b: str) -> list[str]:
    """Return every conflict cue found between two linked passages."""
    return number_reasons(a, b) + negation_reasons(a, b) + quote_reasons(a, b)
