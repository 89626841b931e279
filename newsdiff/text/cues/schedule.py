"""The cue of a date or time-frame for an event on one side and "no date" for the same event on the other
(`schedule_reasons`)."""

from __future__ import annotations

import functools
import re

from rapidfuzz.utils import default_process

from newsdiff.text.cues.negation import _negates, _says_any
from newsdiff.text.cues.quantities import _quantities
from newsdiff.text.cues.values import YEAR_KEY
from newsdiff.text.cues.words import _negation_text
from newsdiff.text.lexicon import Lexicon, lexicon_for


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
