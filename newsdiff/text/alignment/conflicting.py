"""Conflict partners: pairs that give two values of one kind of quantity about one thing, linked though they score low.

Two accounts that disagree about a figure share less than two that agree: the differing value is the key fact of
the sentence ("a 48-hour walkout" / "The 72-hour walkout began...", "A dozen councillors voted in favour" / "backed by
15 councillors"), so the pair scores under the bars or loses its passage to another partner (a lead sentence that
names the event). No link, no label: the reviewer never sees the conflict. `conflict_partners` links such a pair,
labelled a possible conflict, also as a further partner of a passage already linked, when:

- each passage gives one value of one kind of quantity (`cues.quantities`: a duration, money in one currency, a
  percentage, a count of one noun, a compound of one unit; dates, days, clock times and ordinals are left out, a day
  has many events; the second number of a score or range, "20-13", "2004-05", is no figure), the values cannot be
  the same (`cues.values_differ`: their ranges do not meet) and are of one order (VALUE_RATIO: 40 is not a slip of 12);
- the values are about one thing: the clause of one shares a content word with the sentence of the other (as the
  cue `cues.number_reasons` reads them), or the two passages are each other's lexical best; and the two clauses do
  not each name someone the other passage does not ("stopping Rahman in the sixth round" / "stopping Thompson in six
  rounds" are two fights);
- the sentence model ranks the pair first for one of its passages (COSINE_RANK), at least COSINE_LIFT above the
  comparison's usual cosine;
- the lexical score reaches LEXICAL_FLOOR (calibrate.UNRELATED_BAR between accounts the model finds barely related,
  as in `calibrate.select`), and the two share PLAIN_WEIGHT of words that are neither numbers, nor the figures'
  units, nor names (words only written capitalised); failing that the model must put the pair CLOSE_LIFT above the
  usual cosine: a name, a number and the unit in common are no evidence on their own.

The link's reasons are the cue's ("numbers differ: ..."), or the two figures when the cue's stricter reading of the
clauses does not fire ("dozen councillors" / "15 councillors"). Needs the model (no cosines: no partners; comparisons
past engine.SEMANTIC_MAX_PASSAGES pay nothing).

Cue-backed partners (session 20, s20-link2): a pair the quantity rule does not take links, labelled conflict, when the
labeller (`cues.conflict_reasons`) finds a cue other than the number cue about it (two days or dates, a negation of
the shared clause or opposite words in it, one quotation given to two speakers, a date against "no date") and:

- the pair passes the same floors (LEXICAL_FLOOR, UNRELATED_BAR between barely related accounts, COSINE_LIFT) and is
  the model's nearest of one passage (CUE_RANK) or the lexical best of one passage (the same quotation given to two
  speakers: "These are the homes this city needs," ... Pyke told / ... Tait posted; the model ranks it 2nd / 10th);
- the two share CUE_PLAIN_WEIGHT of plain words (written in lower case on both sides, not numbers): what happened, in
  the same words, not a day and a name ("Service returns ... on Wednesday morning" / "Okafor wrote ... on Monday
  morning");
- the shared words are not the accounts' background only (`calibrate.background_only`), and, between accounts under
  calibrate.DISTINCT_COSINE, the two passages do not each name someone the other account never mentions
  (`calibrate.distinct_names`: two happenings of one kind).

Figures are left to the quantity rule above: through the cue path the number cue added 27 ECB+ dev links and 6
different-event ones, no gold conflict (its values, clauses and names guards read closer than the cue's).

Measured on the dev halves (bench/align_quality.py --dev, bench/conflict_misses.py --ecb; docs/alignment-quality.md,
session 20): dev gold conflicts found 56 -> 62 of 77, the six links all gold conflicts; snippet golds precision
unchanged (0.978), ECB+ dev 20 more links (precision 0.935 unchanged, conflict share 0.034 -> 0.042), ECB+ different
events 2 more links (precision 0.027, uniques 0.716 unchanged). PLAIN_WEIGHT 1.0 or CLOSE_LIFT 0.15 add one false
link on the snippet golds ("Core inflation ... was 4.3 percent" / "The bank forecasts inflation will ease to 3
percent"); COSINE_RANK 2 one on the s18 set; no VALUE_RATIO, or names not read, add 5 to 7 links on ECB+ different
events and 10 to 25 on ECB+ dev (sports statistics: yards, rebounds, games of other players).
"""

from __future__ import annotations

import re
from functools import lru_cache
from math import fsum

from newsdiff.text.alignment.calibrate import (DISTINCT_COSINE, RELATED_COSINE, UNRELATED_BAR, background_only,
                                               background_terms, best_partners, distinct_names)
from newsdiff.text.alignment.context import Context
from newsdiff.text.alignment.terms import VOCABULARY
from newsdiff.text.cues import conflict_reasons, number_reasons, quantity_clauses, values_differ
from newsdiff.text.lexicon import lexicon_for
from newsdiff.text.names import names, written_plain

LEXICAL_FLOOR = 0.15  # 0.12: the same links; 0.18: two dev gold conflicts fewer
COSINE_LIFT = 0.05
COSINE_RANK = 1
PLAIN_WEIGHT = 1.3
CLOSE_LIFT = 0.19
VALUE_RATIO = 2.0
SKIPPED_KINDS = ("date", "weekday", "clock", "ordinal", "placing")
CUE_RANK = 1  # 2: one more false link on ECB+ different events (two attacks on two days), no gold conflict
NUMBER_CUE = "numbers differ"  # the number cue's reasons: figures are the quantity rule's
CUE_PLAIN_WEIGHT = 2.5  # 2.0: one false link on the s18 set ("on Friday" / "By Saturday morning the runway")


def _kinds(text: str, language: str) -> dict[str, list]:
    """The passage's quantities by kind, each with its clause's content stems (dates, days, times and ordinals left
    out; a count read with its modifier, "1,800 bus drivers", only as the plain count)."""
    out: dict[str, list] = {}
    for q, clause, sentence in quantity_clauses(text, language):
        if not q.key.startswith(SKIPPED_KINDS) and "+" not in q.key and not _second_of_pair(q.text, text):
            out.setdefault(q.key, []).append((q, clause, sentence))
    return out


def _second_of_pair(written: str, text: str) -> bool:
    """Whether a value is the second number of a score, a range or a season ("20-13 win", "90-120 days", "the
    2004-05 season"): not a figure of its own."""
    at = text.find(written)
    return at > 0 and re.search(r"\d\s?[-–/]\s?$", text[:at]) is not None


def _names(text: str, language: str) -> frozenset[str]:
    """The names `text` writes (`newsdiff.text.names`), folded; weekdays and months left out (a day has many
    events)."""
    lex = lexicon_for(language)
    return frozenset(w for w in names(text) if w not in lex.weekdays and w not in lex.months)


def _other_people(x: tuple, a: str, y: tuple, b: str, language: str) -> bool:
    """Whether the clause of each value names someone or somewhere the other passage does not: "stopping the former
    champion Hasim Rahman in the sixth round" / "Klitschko retains titles stopping Thompson in six rounds" are two
    fights (a name elsewhere in a passage, or on one side only, is often who said it)."""
    stem = lexicon_for(language).stem

    def foreign(clause, text: str, other: str) -> bool:
        return any(stem(w) in clause and not written_plain(w, other) for w in _names(text, language))

    return bool(x[1] and y[1]) and foreign(x[1], a, b.lower()) and foreign(y[1], b, a.lower())


def _near(x: float, y: float) -> bool:
    """Whether two values are of one order: the larger at most VALUE_RATIO times the smaller."""
    return min(x, y) > 0 and max(x, y) <= VALUE_RATIO * min(x, y)


def _about_one_thing(x: tuple, y: tuple) -> bool:
    """Whether two located values are about one thing: the clause of one shares a content word (not the unit) with
    the sentence of the other, as `cues.number_reasons` reads it."""
    (_, clause_x, sentence_x), (_, clause_y, sentence_y) = x, y
    if clause_x is None or clause_y is None:
        return False
    return bool(clause_x & sentence_y or sentence_x & clause_y)


_WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
_PIECE_RE = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _lower_words(text: str) -> frozenset[str]:
    """The words `text` writes in lower case (whole, and each part of a word joined by an apostrophe or hyphen):
    `written_plain` for many words of one passage at once."""
    return frozenset(w for w in {*_WORD_RE.findall(text), *_PIECE_RE.findall(text)} if w.islower())


def conflict_partners(ctx: Context, scores: dict[tuple[int, int], float], lexical: dict[tuple[int, int], float],
                      chosen, cosines: dict[tuple[int, int], float]) -> dict[tuple[int, int], list[str]]:
    """Return the pairs to link besides `chosen` as a possible conflict, each with its reasons (see the module):
    `lexical` holds the scores without the model's bonus, `cosines` the model's cosine of every pair scored."""
    if not cosines or ctx.cross_language:
        return {}
    taken = set(chosen)
    level = ctx.cosine_level()
    # two accounts the model finds barely related as wholes (different events) need the bar of `calibrate.select`
    related = ctx.document_cosine()
    floor = max(LEXICAL_FLOOR, UNRELATED_BAR) if related < RELATED_COSINE else LEXICAL_FLOOR
    near_a: dict[int, list[float]] = {}
    near_b: dict[int, list[float]] = {}
    for (i, j), c in cosines.items():
        near_a.setdefault(i, []).append(c)
        near_b.setdefault(j, []).append(c)
    rank = max(COSINE_RANK, CUE_RANK)
    # each passage's COSINE_RANK-th / CUE_RANK-th highest cosine: a pair at or above it is among its nearest
    top_a = {i: _tops(v, rank) for i, v in near_a.items()}
    top_b = {j: _tops(v, rank) for j, v in near_b.items()}
    lex_row, lex_col = best_partners(lexical)
    kinds_a: dict[int, dict] = {}
    kinds_b: dict[int, dict] = {}
    language = ctx.a.language
    numbers = VOCABULARY.numbers
    term_of_word = ctx.a.vocabulary.term_of_word  # looked up, never interned: the vocabulary stays as analyse left it
    background = None
    everything = None
    out: dict[tuple[int, int], list[str]] = {}
    for (i, j) in scores:
        c = cosines[(i, j)]
        if (i, j) in taken or lexical[(i, j)] < floor or c < level + COSINE_LIFT:
            continue
        by_quantity = c >= top_a[i][COSINE_RANK - 1] or c >= top_b[j][COSINE_RANK - 1]
        by_cue = c >= top_a[i][CUE_RANK - 1] or c >= top_b[j][CUE_RANK - 1] \
            or lex_row[i][1] == j or lex_col[j][1] == i
        if not (by_quantity or by_cue):
            continue
        a, b = ctx.a.texts[i], ctx.b.texts[j]
        reasons = _quantity_reasons(ctx, i, j, lex_row, lex_col, kinds_a, kinds_b, term_of_word, c, level) \
            if by_quantity else None
        if reasons is None and by_cue:
            words_a = ctx.a.words[i]
            shared = ctx.a.terms[i] & ctx.b.terms[j]
            if fsum(map(ctx.weight.__getitem__, shared - numbers)) < CUE_PLAIN_WEIGHT:
                continue  # too little in common to look at how it is written
            low_a, low_b = _lower_words(a), _lower_words(b)
            plain = [t for t in shared - numbers if words_a[t] in low_a and words_a[t] in low_b]
            if fsum(map(ctx.weight.__getitem__, plain)) < CUE_PLAIN_WEIGHT:
                continue  # more in common than names, numbers and a day: what happened, in the same words
            if background is None:
                background = background_terms(ctx)
                everything = (frozenset().union(*ctx.a.terms), frozenset().union(*ctx.b.terms))
            if background and background_only(ctx.weight, shared, background):
                continue  # the story's background only: two happenings of one story
            if related < DISTINCT_COSINE and distinct_names(ctx, i, j, *everything):
                continue  # each names someone the other account never mentions: two happenings of one kind
            # figures are the quantity rule's (its values, clauses and names read closer than the number cue)
            reasons = [r for r in conflict_reasons(a, b, ctx.a.language, ctx.b.language)
                       if not r.startswith(NUMBER_CUE)] or None
        if reasons:
            out[(i, j)] = reasons
    return out


def _tops(values: list[float], k: int) -> list[float]:
    """The k highest of `values`, highest first, padded with -inf."""
    top = sorted(values, reverse=True)[:k]
    return top + [float("-inf")] * (k - len(top))


def _quantity_reasons(ctx: Context, i: int, j: int, lex_row, lex_col, kinds_a: dict, kinds_b: dict, term_of_word,
                      c: float, level: float) -> list[str] | None:
    """The reasons to link pair (i, j) for two values of one quantity about one thing (see the module), or None."""
    language = ctx.a.language
    if i not in kinds_a:
        kinds_a[i] = _kinds(ctx.a.texts[i], language)
    if j not in kinds_b:
        kinds_b[j] = _kinds(ctx.b.texts[j], ctx.b.language)
    ka, kb = kinds_a[i], kinds_b[j]
    # one value of the kind on each side (the figure is what each passage says of it), of one order
    keys = [k for k in sorted(ka.keys() & kb.keys()) if len(ka[k]) == 1 and len(kb[k]) == 1
            and values_differ(ka[k][0][0], kb[k][0][0]) and _near(ka[k][0][0].value, kb[k][0][0].value)]
    if not keys:
        return None
    best = lex_row[i][1] == j and lex_col[j][1] == i  # each passage's lexical best: the two sentences correspond
    a, b = ctx.a.texts[i], ctx.b.texts[j]
    about = [k for k in keys if (best or _about_one_thing(ka[k][0], kb[k][0]))
             and not _other_people(ka[k][0], a, kb[k][0], b, language)]
    if not about:
        return None
    units = {term_of_word.get(w, -1) for k in keys for q, _, _ in ka[k] + kb[k]
             for w in re.findall(r"[^\W\d_]+", q.text.lower())}
    words_a = ctx.a.words[i]
    plain = [t for t in ctx.a.terms[i] & ctx.b.terms[j] - VOCABULARY.numbers - units
             if written_plain(words_a[t], a) or written_plain(words_a[t], b)]
    if fsum(map(ctx.weight.__getitem__, plain)) < PLAIN_WEIGHT and c < level + CLOSE_LIFT:
        return None  # a name, a number and the unit in common: the model must find the rest close
    reasons = [r for r in number_reasons(a, b, language) if r.startswith("numbers differ")]
    if not reasons:
        k = about[0]
        reasons = [f'numbers differ: "{ka[k][0][0].text}" vs "{kb[k][0][0].text}"']
    return reasons
