"""Ordinals of different nouns that count one tally: an ordinal of occasion against another noun's
(`_occasion_reasons`), each side's only ordinal (`_sole_ordinal_reasons`), and placings of one subject
(`_placing_reasons`)."""

from __future__ import annotations

import functools

from rapidfuzz.utils import default_process

from newsdiff.text.cues.ordinals import PLACING_KEY, _ordinal_values
from newsdiff.text.cues.values import Quantity, _same
from newsdiff.text.cues.words import _SENTENCE_BREAK_RE, _clause_bounds, _plain_words, _topic_words
from newsdiff.text.lexicon import Lexicon


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


def _placing_reasons(ctx_a: list, ctx_b: list, a: str, b: str, lex: Lexicon) -> list[tuple]:
    """Compare two placings (`_placing_at`: "Smith finished third in the race on Sunday" / "Smith finished fourth in
    the race on Sunday"; "The Greens came third with 12 percent" / "The Greens came fourth with 12 percent"): each is
    its side's only placing, the two verbs are one, and the two subjects share a word (`_placing_subject`). Two
    people of one race ("Smith finished second" / "Jones finished third") or a subject left to a pronoun ("He
    finished fourth") compare nothing; nor does a value the other side writes as an ordinal anywhere ("Smith was
    third on Saturday and fourth on Sunday" / "Smith finished fourth on Sunday"): two placings of two events."""
    def sole(ctx: list) -> tuple | None:
        found = [x for x in ctx if x[0].key == PLACING_KEY]
        return found[0] if found and len({x[0].value for x in found}) == 1 and found[0][1] is not None else None

    x, y = sole(ctx_a), sole(ctx_b)
    if x is None or y is None or _same(x[0].value, y[0].value):
        return []
    qx, qy = x[0], y[0]
    if lex.stem(qx.text.split()[0].lower()) != lex.stem(qy.text.split()[0].lower()):
        return []
    if qx.value in _ordinal_values(b, lex) or qy.value in _ordinal_values(a, lex):
        return []
    if _placing_subject(a, qx, lex).isdisjoint(_placing_subject(b, qy, lex)):
        return []
    return [("ordinal:placing", [(qx, qy)], f'numbers differ: "{qx.text}" vs "{qy.text}"')]


def _placing_subject(text: str, q: Quantity, lex: Lexicon) -> frozenset[str]:
    """The content stems (names too) of a placing's subject: the words of its clause before the verb, or where there
    are none ("Smith, the defending champion, finished third"; "Smith, who finished third"), of the nearest clause
    before it in its sentence that has some. A pronoun is no subject: empty."""
    at = text.find(q.text)
    if at < 0:
        return frozenset()
    bounds = [b for b in _clause_bounds(text, lex) if b <= at]
    stops = [0] + [m.end() for m in _SENTENCE_BREAK_RE.finditer(text, 0, at)]
    end = at
    for start in reversed(bounds):
        if start < stops[-1]:
            break
        words = _topic_words(text[start:end], lex)
        if words:
            return words
        end = start
    return frozenset()
