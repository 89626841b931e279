"""The "numbers differ" and "dates differ" cues: quantities of one kind that two passages give with different values,
about one thing (`number_reasons`), and the stricter test of two values of one subject (`differ_about_one_subject`)."""

from __future__ import annotations

from newsdiff.text.cues.dates import _day_of_named_event, _possessed, _years_of_one_event
from newsdiff.text.cues.nouns import _counts_named_alike, _synonym_count_reasons
from newsdiff.text.cues.numbers import _numbers
from newsdiff.text.cues.ordinal_reasons import _occasion_reasons, _placing_reasons, _sole_ordinal_reasons
from newsdiff.text.cues.ordinals import PLACING_KEY
from newsdiff.text.cues.quantities import _is_stamp, _quantities, _quantity_contexts
from newsdiff.text.cues.subjects import (
    _about_the_same, _compound_fits, _compounds_of_one_sentence, _counts_of_different_names, _heads_differ, _qualified,
    _sums_of_one_sentence,
)
from newsdiff.text.cues.values import YEAR_KEY, _agree, _same
from newsdiff.text.cues.words import _plain_words, _topic_words
from newsdiff.text.lexicon import lexicon_for


def number_reasons(a: str, b: str, language: str = "en", language_b: str | None = None) -> list[str]:
    """Report quantities of the same kind that the two passages give with different values.

    Two values are compared only when the clause of one shares a content word besides the unit with the
    sentence of the other ("More than 40 people died in the strike" / "About 400 people had sought
    shelter there" are about different people; "The fire, which killed 12 people, started in a kitchen"
    / "Fifteen people died in the fire" are about one fire). Measured: the stricter clause-to-clause
    rule kept every dev conflict and cleared one dev decoy, but missed 7 of 9 conflicts written in
    ordinary news syntax (appositives, fronted phrases: tests/text/cues/test_number_reasons.py), and held-out
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
        if key == PLACING_KEY:
            continue  # compared by `_placing_reasons`, below
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
        reasons += _occasion_reasons(ctx_a, ctx_b, plain, lex_a) or _sole_ordinal_reasons(ctx_a, ctx_b, a, b, lex_a) \
            or _placing_reasons(ctx_a, ctx_b, a, b, lex_a)
    return [reason for key, pairs, reason in reasons if not _said_longer(key, pairs, reasons)]


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
    return any(x.key == y.key and not x.key.startswith(("date", "weekday", PLACING_KEY)) and not _same(x.value, y.value)
               and clause_x is not None and clause_y is not None and bool(clause_x & clause_y & plain)
               for x, clause_x, _ in ctx_a for y, clause_y, _ in ctx_b)


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
