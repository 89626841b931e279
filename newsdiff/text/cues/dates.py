"""Dates of one event: years where each side dates the same word with one (`_years_of_one_event`), a possessive day
that dates its noun only ("Saturday's derby", `_day_of_named_event`), and the clause a value hangs on
(`_value_clause`)."""

from __future__ import annotations

import re

from rapidfuzz.utils import default_process

from newsdiff.text.cues.ordinals import ORDINAL_PHRASE
from newsdiff.text.cues.subjects import DAY_SENTENCE_SHARED
from newsdiff.text.cues.values import YEAR_KEY, Quantity
from newsdiff.text.cues.words import _POSSESSIVE, _clause_bounds, _plain_words, _topic_words
from newsdiff.text.lexicon import Lexicon


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
