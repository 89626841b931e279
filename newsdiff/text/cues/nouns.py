"""Counts of near-synonym nouns, by the shipped static model's word vectors: "25 new stores" / "fifty-two shops",
"37 homes" / "two dozen houses" (`_counts_named_alike`, `_synonym_count_reasons`)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from newsdiff.text.cues.numbers import _numbers
from newsdiff.text.cues.subjects import _about_the_same
from newsdiff.text.cues.values import Quantity, _agree
from newsdiff.text.cues.words import _word_similarity
from newsdiff.text.lexicon import Lexicon


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
