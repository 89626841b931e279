"""Direct quotations in a passage: what each says and where it is.

The one reader of quotations for the whole engine: the conflict cue of one quotation credited to two speakers
(`cues.quote_reasons`, whose speakers `newsdiff.text.speakers` reads next to the span given here), a passage that is
mostly a quotation in link scoring (`alignment.terms`: `Side.quoted`) and the quotation rules of calibration
(`alignment.calibrate`: `speaker_only`, `two_statements`). A British account quoting in single marks (‘We will win,’
he said) is read as an American one quoting in double marks ("We will win," he said).

A quotation is closed on the passage: in double marks ("...", “...”) or guillemets («...»), or else in single marks
(‘...’, '...'), whose closing mark is also the apostrophe: it opens at a word's start (not "'90s", "'08": an elided
century) and closes after a word or a mark of its end, before a space, a mark or the end; not inside a word ("don't",
"don’t"), and not as a plural possessive ("the players' union": a word other than a stopword follows, as a
possessive's noun does; "an attack on farmers' by" ends a quotation). Single marks inside a double-quoted quotation
are part of it ('"They were calling out, \'Rest in peace,\' all night," Ames said'). An unclosed quotation (a quote
running on to the next paragraph, or a stray mark) is not read, nor is an opening mark that another opens again
before it closes (“Unclosed ... “closed”: only the second).
"""

from __future__ import annotations

import bisect
import functools
import re

from newsdiff.text.lexicon import Lexicon, lexicon_for

_DOUBLE_RE = re.compile(r"“([^“”]{2,})”|\"([^\"]{2,})\"|«([^«»]{2,})»")
_SINGLE_OPEN_RE = re.compile(r"(?:^|(?<=[\s(\[—–]))['‘](?!\d\d(?:s\b|\b))(?=[^\W_])")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[^\W_]|[.,!?])['’](?![^\W_])")
_AFTER_RE = re.compile(r"\s+([^\W\d_]+)")
NONE: tuple = ()  # the quotations of a passage that has none (one shared object)


def may_quote(text: str) -> bool:
    """Whether `text` has a mark that can open a quotation (a cheap test before `quotations`; "’" only closes)."""
    return '"' in text or "“" in text or "«" in text or "'" in text or "‘" in text


def opens_in_single_marks(text: str) -> bool:
    """Whether `text` begins with a single mark that opens a quotation (‘We will..., 'We will...; not "'90s"): the
    paragraph of a quotation in single marks that runs on to the next one, which `quotations` does not read."""
    return _SINGLE_OPEN_RE.match(text) is not None


def quotations(text: str, language: str = "en") -> tuple[tuple[str, int, int], ...]:
    """Return (quoted words, start, end) for each quotation in `text`, in text order: [start, end) holds its marks,
    the words do not."""
    return _quotations(text, language) if may_quote(text) else NONE


@functools.lru_cache(maxsize=20_000)
def _quotations(text: str, language: str) -> tuple[tuple[str, int, int], ...]:
    found = tuple((next(g for g in m.groups() if g is not None), m.start(), m.end()) for m in _DOUBLE_RE.finditer(text))
    if "'" not in text and "‘" not in text:
        return found or NONE
    starts = [start for _, start, _ in found]  # double-quoted spans: in text order, disjoint
    single = [q for q in _single_quotations(text, lexicon_for(language)) if not _overlaps(found, starts, q[1], q[2])]
    return tuple(sorted(found + tuple(single), key=lambda q: q[1])) or NONE


def _overlaps(found: tuple[tuple[str, int, int], ...], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) meets one of the disjoint spans `found` (whose starts are `starts`): a single-quoted
    quotation inside (or across) a double-quoted one is part of it."""
    k = bisect.bisect_right(starts, start)
    return (k > 0 and start < found[k - 1][2]) or (k < len(found) and found[k][1] < end)


def _single_quotations(text: str, lex: Lexicon) -> list[tuple[str, int, int]]:
    """Quotations in single marks (‘We will win,’ he said; described as 'a disaster'): a mark at a word's start opens
    one; the first mark after a word that ends no word ("don't" goes on) and is no plural possessive ("players'
    union": the word after it is no stopword, as a possessive's noun is not) closes it."""
    closes = [c for c in _SINGLE_CLOSE_RE.finditer(text) if not _possessive(text, c, lex)]
    starts = [c.start() for c in closes]  # every close is judged once, whatever the opens before it (linear time)
    out = []
    at = 0
    for m in _SINGLE_OPEN_RE.finditer(text):
        if m.start() < at:
            continue
        k = bisect.bisect_left(starts, m.end() + 2)
        if k == len(closes):
            break
        c = closes[k]
        line_end = text.find("\n", m.end(), c.start())
        if line_end != -1:
            continue  # a quotation does not run across a line
        out.append((text[m.end():c.start()], m.start(), c.end()))
        at = c.end()
    return out


def _possessive(text: str, close: re.Match, lex: Lexicon) -> bool:
    """Whether the mark `close` ends a plural possessive ("the players' union"), not a quotation: after an s, and a
    word other than a stopword follows, as a possessive's noun does."""
    after = _AFTER_RE.match(text, close.end())
    return text[close.start() - 1] in "sS" and after is not None and after.group(1).lower() not in lex.stopwords
