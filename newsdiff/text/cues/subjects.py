"""Whether two located values are about one thing: their clauses and sentences share a word (`_about_the_same`),
counts in clauses that name different people (`_counts_of_different_names`), compounds and sums of one sentence, a
compound of the noun it modifies (`_compound_fits`), ordinals of different heads, counts of a qualified noun
(`_qualified`)."""

from __future__ import annotations

import functools
import re

from rapidfuzz.utils import default_process

from newsdiff.text.cues.values import Quantity
from newsdiff.text.cues.words import _clause_bounds, _topic_words, _uncased
from newsdiff.text.lexicon import Lexicon
from newsdiff.text.speakers import is_common_word


# A capitalised word (a capital, then lower case only), possessive or not; the capital is of any script ("Ángel",
# "Øresund"), as `names` reads one: the letters are matched here and their case told by `_names_in`.
_NAME_RE = re.compile(r"\b([^\W\d_]{2,})(?:['’]s)?\b")


def _names_in(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """The matches of `_NAME_RE` in text[start:end] whose word is a capital then lower case only."""
    return [m for m in _NAME_RE.finditer(text, start, len(text) if end is None else end)
            if m.group(1)[0].isupper() and m.group(1)[1:].islower()]


def _clause_names(text: str, q: Quantity, lex: Lexicon, known: frozenset[str]) -> frozenset[str]:
    """The names written inside the clause of a count (capitalised words not opening a sentence, besides weekdays
    and months): "Howard grabbed 11 rebounds" names Howard."""
    at = text.find(q.text)
    if at < 0 or _uncased(text, lex):
        return frozenset()  # in headline case every word is capitalised: no word reads as a name
    bounds = _clause_bounds(text, lex)
    start, end = max(b for b in bounds if b <= at), min(b for b in bounds if b >= at + len(q.text))
    names = set()
    for m in _names_in(text, start, end):
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
    return frozenset(re.sub(r"['’]s$", "", m.group()).lower() for m in _names_in(text)
                     if text[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?", "\"", "“"))


@functools.lru_cache(maxsize=20_000)
def _plain_names(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"\b[^\W\d_]{2,}", text) if w[0].isupper() and w[1:].islower())


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
