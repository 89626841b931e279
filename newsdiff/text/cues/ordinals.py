"""Ordinals as the reader takes them: an ordinal of a noun (`_ordinal_phrase`: "the fourth bus strike"), not a unit
of time ("a second rehab center") nor an adverb of order ("was first reported missing"); placings, an ordinal alone
after a verb (`_placing_at`: "Smith finished third"); and every ordinal value a passage writes."""

from __future__ import annotations

import re

from newsdiff.text.cues.numbers import _number, _token_re
from newsdiff.text.cues.values import Quantity
from newsdiff.text.lexicon import Lexicon


def _ordinal_unit(low: list[str], j: int, lex: Lexicon) -> bool:
    """Whether the unit of time at token j is an ordinal qualifying a noun ("a second rehab center", "un segundo
    juicio"), not seconds ("a second", "10 seconds")."""
    nxt = low[j + 1] if j + 1 < len(low) else ""
    return low[j] in lex.ordinals and nxt.isalpha() and (nxt in lex.ordinal_skips or (
        nxt not in lex.stopwords and nxt not in lex.minutes))


def _ordinal_adverb(low: list[str], k: int, lex: Lexicon) -> bool:
    """Whether the ordinal at token k is an adverb of order before a past participle ("was first reported missing",
    "had first appeared", "were second seen"): after a copula or an auxiliary (`Lexicon.auxiliaries`), before a word
    with a participle ending (`Lexicon.participle_endings`), it says when the act came, not the tally of what
    follows. After a determiner it is an adjective and counts the noun ("the first reported case")."""
    return 0 < k < len(low) - 1 and low[k - 1] in lex.copulas | lex.auxiliaries \
        and low[k + 1].endswith(lex.participle_endings) and low[k + 1] not in lex.stopwords


ORDINAL_PHRASE = 3  # words read after an ordinal for the noun it counts ("the fourth bus strike")

# A placing: an ordinal alone after a verb ("Smith finished third in the race", "The Greens came fourth with 12
# percent of the vote"), compared by `_placing_reasons` only, never as an ordinal of a noun.
PLACING_KEY = "placing"


def _placing_at(tokens: list[str], low: list[str], joined: list[bool], k: int, lex: Lexicon,
                headline: bool) -> Quantity | None:
    """The placing at the ordinal token k, or None: an ordinal above "first" with no noun after it (a preposition,
    "with", a placing adverb such as "behind", a comma or the end of the clause follows), right after a verb written
    in lower case, a content word or a copula ("finished third", "came fourth", "are second in the table"), not after
    a determiner's word ("a split second", "the next second": a unit of time; "the second of the three men": one of
    a list). "First" after a verb is mostly an adverb of order ("arrived first at the scene", "reported first by"),
    and above all it says who won, which news writes with "won": it is left out, as the sole-ordinal rule leaves it.
    "Second" as a verb ("will second the motion") follows a stopword or takes an object, and is no placing either.
    An article and a word that qualifies a placing may stand between the verb and the ordinal ("came a close second",
    "finished a distant third": `Lexicon.placing_qualifiers`, words of a margin or a verdict, none of which qualifies
    a unit of time, so "finished a split second behind" and "a full second" stay out)."""
    lt = low[k]
    value = lex.ordinals.get(lt) or (_number(lt, lex) if lt[:1].isdigit() else None)
    if headline or not value or value <= 1 or k == 0 or not joined[k - 1]:
        return None
    at = k - 1
    if k >= 3 and low[k - 1] in lex.placing_qualifiers and low[k - 2] in lex.indefinite and joined[k - 1] \
            and joined[k - 2] and joined[k - 3]:
        at = k - 3  # "came a close second", "finished a distant third": the verb is before the article
    prev, verb = tokens[at], low[at]
    if not prev.isalpha() or not prev.islower() or (verb in lex.stopwords and verb not in lex.copulas) \
            or verb in lex.number_words or verb in lex.ordinals or verb in lex.minutes or verb in lex.months:
        return None
    if at == k - 1 and k >= 2 and joined[k - 2] and low[k - 2] in lex.definite | lex.indefinite:
        return None  # "a split second", "the next second": the ordinal heads a noun phrase
    if lt in lex.ordinal_nouns and k + 1 < len(low) and joined[k] and low[k + 1] in lex.links:
        return None  # "jugará cuartos de final", "ocupa el cuarto de atrás": a noun (a quarter, a room)
    if k + 1 < len(low) and joined[k] and low[k + 1] not in lex.stopwords and low[k + 1] not in lex.placing_adverbs:
        return None  # "finished third place", "came second round": a noun follows (the ordinal rules read it)
    return Quantity(PLACING_KEY, float(value), " ".join(tokens[at:k + 1]).rstrip("."))


def _ordinal_phrase(low: list[str], joined: list[bool], k: int, lex: Lexicon) -> list[str]:
    """Return the content words from token k that form the phrase an ordinal qualifies: up to ORDINAL_PHRASE
    words, stopping at a stopword, a month, a number, or any punctuation between words."""
    out: list[str] = []
    if k < len(low) and low[k] in lex.occasion_nouns:
        return [low[k]]  # "por tercera vez": a noun of occasion, even where the stopword list holds it
    while k < len(low) and len(out) < ORDINAL_PHRASE:
        word = low[k]
        if not word.isalpha() or word in lex.stopwords or word in lex.months or word in lex.number_words \
                or word in lex.ordinals or word in lex.placing_adverbs:
            break  # "finished a split second behind Jones": "behind" is no noun an ordinal counts
        out.append(word)
        if not joined[k]:
            break
        k += 1
    return out


def _ordinal_values(text: str, lex: Lexicon) -> frozenset[float]:
    """The values of every ordinal `text` writes, words and digits ("third", "4th")."""
    out = set()
    for m in _token_re(lex).finditer(text):
        t = m.group().lower().rstrip(".")
        if t in lex.ordinals:
            out.add(float(lex.ordinals[t]))
        elif re.fullmatch(rf"\d+(?:{lex.ordinal_suffix})", t):
            out.add(float(_number(t, lex) or 0))
    return frozenset(out)
