"""Calibration: which scored pairs become links, from this comparison's own scores and absolute floors.

A pair links by the bars only if it is the best partner of at least one of its passages (a passage
already linked may then get a further partner, SECOND_RATIO: one-to-many). The relative
bar comes from the distribution of every passage's best score in this comparison (median and
MAD spread: what the best of n unrelated candidates reaches here): a mutual best pair needs
MUTUAL_Z robust SD above the median, a pair best on one side only ONE_SIDED_Z (how one sentence
of a terse account links to several of a verbose one). Absolute limits keep the relative bar
sane: it never rises above CEILING (when two accounts overlap heavily the typical best is already
a true match) and never falls below FLOOR (when one account is many times longer the median best
is near zero and the bar would collapse). At or above ALWAYS a pair links whatever the rest.
A mutual best pair carrying a conflict cue needs only CUE_FLOOR. A link also needs MIN_SHARED_TERMS
shared terms (a number counts half) carrying MIN_SHARED_WEIGHT, unless one side holds the other's
sentence verbatim (a four-word quoted question has one content word). A pair best on one side only must add
to the other passage's own best pair (NEW_SHARE), so a lead sentence that names the place and the company
does not collect every later sentence that names them. When the sentence model finds the two accounts barely related
as wholes (their mean embeddings' cosine under RELATED_COSINE: different events), a pair linked by the bars or a cue
needs UNRELATED_BAR, since the relative bar of such a comparison falls to the floor and its weak pairs link. No pair links (whatever its score, unless verbatim) when
one passage is mostly a quotation and they share none of its quoted words, or when both quote someone and share none
of either quotation's words (TWO_QUOTES_SHARE): they share only who spoke. Last, a chosen
pair (unless verbatim) is dropped when it shares only what both accounts keep repeating (BACKGROUND_PASSAGES: the
story's names and subject), or, between accounts the model finds loosely related, when it is weak and each passage
names someone the other account never mentions (DISTINCT_COSINE: two instances of one kind of event), or, when one
account is many times longer than the other (LOPSIDED), when it shares only names. Two passages both linked after
that may be linked to each other too (`between_linked`, BETWEEN_FLOOR: many-to-many, when they share an event word).

Measured on the dev halves (bench/align_quality.py): without the ceilings, link recall on the dev
snippet golds (seed, demo, real dev pairs) falls from 0.79 to 0.61 (the heavy-overlap court pair
0.96 -> 0.88); without the floors, the 84 dev pairs of different ECB+ events get 323 links, not 204.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from math import fsum
from typing import Callable

from newsdiff.text.alignment.context import Context
from newsdiff.text.alignment.terms import VOCABULARY, Side, event_terms
from newsdiff.text.names import names

ALWAYS = 0.5
MUTUAL_Z = 0.5
ONE_SIDED_Z = 1.0
FLOOR = 0.26
ONE_SIDED_FLOOR = 0.28
CEILING = 0.3
ONE_SIDED_CEILING = 0.4
MIN_SHARED_TERMS = 2
MIN_SHARED_WEIGHT = 1.0
MIN_CALIBRATION_PASSAGES = 6
CUE_FLOOR = 0.18  # what a mutual best pair carrying a conflict cue needs
# A pair best on one side that gives a date for an event the other says has none ("will meet later this
# month" / "No date was announced for the proposed meetings") shares little else but the event: it needs
# SCHEDULE_FLOOR and one shared term. (The same relief for every cue, measured on the dev halves, doubled
# the share of ECB+ links labelled conflict, all false.)
SCHEDULE_FLOOR = 0.16
CUE_SHARED_TERMS = 1
TINY_LINK = 0.3  # what a mutual best pair needs when there is too little to calibrate on
# A pair best on one side only (i is j's best, but i's best is some j') links by the bars only when it shares
# with i at least NEW_SHARE of its weight that j' does not, or the sentence model finds it at least as close as
# (i, j'): otherwise j matches only the part of i that j' already matches (a lead sentence that every later
# mention of the place or the company picks as its best). Dev halves (bench/align_quality.py --dev), NEW_SHARE
# 0 (no rule) / 0.15 / 0.2 / 0.25 / 0.3: snippet golds precision 0.971 / 0.971 / 0.971 / 0.978 / 0.978, uniques
# 0.952 / 0.952 / 0.952 / 0.964 / 0.964; s18 set precision 0.917 / 0.917 / 0.932 / 0.932 / 0.932, uniques 0.882 /
# 0.882 / 0.912 / 0.912 / 0.912; ECB+ dev recall 0.723 / 0.722 / 0.718 / 0.718 / 0.715, precision 0.928 / 0.934 /
# 0.934 / 0.934 / 0.933, uniques 0.592 / 0.626 / 0.626 / 0.626 / 0.626.
NEW_SHARE = 0.25
# Two accounts the model finds barely related as wholes (`Context.document_cosine` under RELATED_COSINE) are most
# likely about different events: there a pair linked by the bars or a cue (not vouched for by the model) needs
# UNRELATED_BAR. Dev halves (bench/align_quality.py --dev; the model's document cosine is 0.86 or more on every
# hand-written pair, a median 0.88 on ECB+ same-event pairs, 0.83 on different-event ones), RELATED_COSINE /
# UNRELATED_BAR 0.75 / 0.32, 0.8 / 0.32, 0.8 / 0.36, 0.85 / 0.32: ECB+ dev recall 0.718 / 0.718 / 0.709 / 0.710,
# uniques 0.633 / 0.633 / 0.646 / 0.639; different events uniques 0.692 / 0.710 / 0.728 / 0.731, links 214 / 208
# / 202 / 196 (no rule: 0.718, 0.626; 0.665, 225); snippet golds and the s18 set unchanged.
RELATED_COSINE = 0.8
UNRELATED_BAR = 0.32
# One account often mentions an event in several sentences that the other names in one (one-to-many): a passage
# already linked (by any rule above) gets a further partner (`second_partners`) when that pair scores at least
# SECOND_RATIO of the passage's best score, its lexical score reaches SECOND_FLOOR (UNRELATED_BAR between barely
# related accounts), it shares with the passage at least SECOND_NEW of its weight that none of the passage's linked
# partners holds (it matches another part of the passage, not the part already linked), and the sentence model ranks
# it among the passage's SECOND_RANK closest partners. Needs the model (no cosines: no further partners). Dev halves
# (bench/align_quality.py --dev; recall / precision / uniques): none: ECB+ 0.718 / 0.933 / 0.633, different events
# uniques 0.710, snippet golds 0.821 / 0.978 / 0.964; adopted (0.8, 0.28, 0.1, 3): 0.741 / 0.935 / 0.626, 0.710,
# 0.827 / 0.978 / 0.964; s18 set unchanged (0.873 / 0.965 / 0.941). The floor on the combined score instead: ECB+
# 0.745, different events 0.707; ratio 0.7 / 0.75: ECB+ 0.748 / 0.746, s18 precision 0.948, different events 0.707;
# no SECOND_NEW: s18 precision 0.932, ECB+ uniques 0.619 (docs/alignment-quality.md, session 19, one-to-many links).
SECOND_RATIO = 0.8
SECOND_FLOOR = 0.28
SECOND_NEW = 0.1
SECOND_RANK = 3
# Two passages that are each linked already (after the drop rules below) report what the other account reports
# too; when one account tells an event in several sentences and the other in several more, each sentence of one
# corresponds to more than one of the other (many-to-many), and the rules above link each passage to its best
# partner only. `between_linked` adds such a pair, which reports no passage as shared that was not already, when
# they share an event word (`terms.event_terms`: a verb or its nominalisation, what happened rather than who or
# where), its lexical score reaches BETWEEN_FLOOR (UNRELATED_BAR between barely related accounts), its score is at
# least BETWEEN_RATIO of both passages' best scores, the model ranks each passage among the other's BETWEEN_RANK
# closest of the linked passages of its side, and it matches a part of each passage that its linked partners do not
# (SECOND_NEW). Needs the model. Dev halves (bench/align_quality.py --dev; recall / precision / uniques): none: ECB+
# 0.736 / 0.944 / 0.667; adopted (0.22, 0.6, 4): 0.750 / 0.945 / 0.667, every other row unchanged (different events
# 189 -> 194 links, uniques 0.766 kept); ratio 0.5: ECB+ 0.755, s18 and s19 sets one false link each; ratio 0.7:
# 0.741; floor 0.25: 0.742; no event word needed: ECB+ 0.752, snippet golds precision 0.978 -> 0.965, s18 0.966 ->
# 0.949, s19 0.964 -> 0.930 (docs/alignment-quality.md, session 21, branch s21-ecbrecall).
BETWEEN_FLOOR = 0.22
BETWEEN_RATIO = 0.6
BETWEEN_RANK = 4
# What both accounts keep repeating is their background: a term in at least BACKGROUND_PASSAGES of the passages of
# each side (and in two or more of them) is the story's names, place and subject ("Lindsay Lohan", "rehab"), which a
# headline and every later mention share whatever event they report. A link (unless verbatim) needs more than
# FOREGROUND_SHARE of its shared weight outside that background (`background_only`), so a pair sharing only the
# story's names ("Peter Capaldi: from spin doctor to the new Doctor Who" / "Peter Capaldi is in the TARDIS!") is
# not linked. A side of MIN_BACKGROUND_PASSAGES passages or fewer has no background.
# Dev halves (bench/align_quality.py --dev; recall / precision / uniques; docs/alignment-quality.md, session 20):
# FOREGROUND_SHARE none / 0 / 0.2 / 0.3 / 0.4 / 0.5 (BACKGROUND_PASSAGES 0.2): ECB+ 0.741 / 0.935 / 0.626; 0.739 /
# 0.940 / 0.653; same; 0.738 / 0.945 / 0.667; 0.729 / 0.953 / 0.707; 0.720 / 0.961 / 0.735; the snippet golds and
# the s19 / dev19 sets unchanged at every setting, the s18 set loses one true link at 0.5.
BACKGROUND_PASSAGES = 0.2
MIN_BACKGROUND_PASSAGES = 2
FOREGROUND_SHARE = 0.3
# Two reports of different instances of one kind of event ("Klitschko stopped Rahman in the seventh round" /
# "Klitschko stopped Thompson in the sixth round") share the kind and differ in who: between accounts the model
# does not find closely related (document cosine under DISTINCT_COSINE), a pair under DISTINCT_SCORE is not linked
# when each passage names someone (`_names`: a word capitalised past a sentence's start and never in lower case,
# not common in the language: rarity at least DISTINCT_RARITY) whom the other account never mentions
# (`distinct_names`). Dev halves: ECB+ different events uniques 0.716 -> 0.766 (links 211 -> 191 with the background
# rule), ECB+ recall -0.002; 0.35 / 0.45 under 0.85: 0.743 / 0.781, ECB+ recall -0.000 / -0.008; 0.4 under 0.8:
# 0.740. Session 21 (s21-quotes): names read as `conflicting` reads them (`newsdiff.text.names`; until then any
# capitalised word past the passage's first, sentence openers too): every dev row unchanged. Weekdays and months
# left out as `conflicting` does: ECB+ different events 188 -> 190 links, uniques 0.766 -> 0.760 (the only calendar
# word over the rarity floor is "Wednesday", whose absence from the other account had kept out one false link
# and three unjudged ones), so they are not.
DISTINCT_COSINE = 0.85
DISTINCT_SCORE = 0.4
DISTINCT_RARITY = 0.6
# Two passages that each quote someone at some length (quoted words at least TWO_QUOTES_SHARE of each passage's
# terms) and share none of either quotation's words give two different statements: what they share is who spoke and
# how he is introduced ("'We have listened to the neighbours,' Harcastle's managing director Owen Tait said" /
# "'These are the homes this city needs,' Harcastle's managing director Owen Tait posted"). `speaker_only` covers a
# passage that is mostly a quotation; this covers two passages whose attribution is as long as the quotation. A
# pair the model vouches for (a paraphrased or translated quotation) is exempt. Dev halves (bench/align_quality.py
# --dev; docs/alignment-quality.md, session 20, branch s20-snip): dev19 pairs precision 0.828 -> 0.857 (one false
# link removed, none true); 0.1: the same plus 3 ECB+ links between unjudged lines; 0.3: no link removed; every
# other dev row unchanged.
TWO_QUOTES_SHARE = 0.2
# When one account has LOPSIDED times the passages of the other (a brief against a long feature), the long one names
# the story's people, groups and places in many sentences that report other things; a pair that shares nothing but
# such names (every shared term a capitalised word in both passages, past a sentence's first word; numbers are not
# names) is a mention, not a correspondence ("The Wensholt Caving Club, which organised the trip, said it would
# review its rules" / "The four, all members of the Wensholt Caving Club, had gone underground"), and is dropped
# (`names_only`). A passage whose common words are capitalised too (TITLE_CASE_SHARE of them, two at least: a headline)
# says nothing about which of its words are names; the other passage decides. Not across languages, where what two
# passages share lexically is their names and numbers (the model links a translation). Dev halves
# (bench/align_quality.py --dev; docs/alignment-quality.md, session 20, branch s20-snip): dev19 pairs precision
# 0.857 -> 0.923, uniques 0.897 -> 0.966 (2 false links removed); ECB+ 1 true link and 15 between unjudged lines
# removed (recall 0.734 and precision 0.944 unchanged), different events 191 -> 189 links; every other row
# unchanged. LOPSIDED 4: the same but 14 ECB+ links; 2: ECB+ recall 0.732; every comparison: ECB+ 0.729, snippet
# golds one link fewer (acceptable).
LOPSIDED = 3
TITLE_CASE_SHARE = 0.6
# A capitalised word that does not open a sentence or a quotation: a name, or part of one. The capital is of any
# script ("Ángel", "Øresund", as `names` reads one): the pattern reads ahead from every letter after a blank, a comma,
# a bracket or a dash (so "Assad" is met inside "pro-Assad"), `name_terms` keeps the capitalised words.
_NAME_RE = re.compile(r"(?<![.!?:;] )(?<![.!?]\" )(?<![.!?]” )(?<=[\s,(—–-])(?=([^\W\d_][\w'’-]*))")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Bars:
    """The scores a mutual-best and a one-sided-best pair need in this comparison."""

    mutual: float
    one_sided: float


def best_partners(scores: dict[tuple[int, int], float]) -> tuple[dict, dict]:
    """Return each passage's best partner on the other side as {index: (score, partner)}."""
    row: dict[int, tuple[float, int]] = {}
    col: dict[int, tuple[float, int]] = {}
    for (i, j), s in scores.items():
        # Ties break towards the lower index so the result is deterministic.
        if i not in row or (s, -j) > (row[i][0], -row[i][1]):
            row[i] = (s, j)
        if j not in col or (s, -i) > (col[j][0], -col[j][1]):
            col[j] = (s, i)
    return row, col


def adds_to_best(ctx: Context, i: int, j: int, shared: frozenset[int], row: dict, col: dict, is_row: bool,
                 cosines: dict[tuple[int, int], float] | None = None) -> bool:
    """Whether a pair best on one side only adds to the other passage's own best pair: it shares NEW_SHARE of its
    weight that the other passage's best partner lacks, or the model puts it at least as close (`cosines`)."""
    rival = (col[j][1], j) if is_row else (i, row[i][1])
    if cosines and cosines[(i, j)] >= cosines[rival]:
        return True
    rival_terms = ctx.a.terms[rival[0]] if is_row else ctx.b.terms[rival[1]]
    weight = ctx.weight
    total = fsum(map(weight.__getitem__, shared))  # exactly rounded: the same whatever order the set iterates in
    return total > 0 and fsum(map(weight.__getitem__, shared - rival_terms)) >= NEW_SHARE * total


def _partners(links: list[tuple[int, int]]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Return each linked passage's partners: a's passage -> its b partners, b's passage -> its a partners."""
    linked_a: dict[int, list[int]] = {}
    linked_b: dict[int, list[int]] = {}
    for i, j in links:
        linked_a.setdefault(i, []).append(j)
        linked_b.setdefault(j, []).append(i)
    return linked_a, linked_b


def second_partners(ctx: Context, scores: dict[tuple[int, int], float], chosen: list[tuple[int, int]],
                    row: dict, col: dict, cosines: dict[tuple[int, int], float], floor: float,
                    enough: Callable[[int, int, frozenset[int]], bool],
                    lexical: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Return further partners for the passages already linked in `chosen` (see SECOND_RATIO): pairs whose `lexical`
    score is at `floor` or more, whose score is within SECOND_RATIO of the linked passage's best (`row` / `col`), that
    match a part of that passage its linked partners do not, that `enough` accepts, and that are among the passage's
    SECOND_RANK nearest partners by the model's `cosines`. Judged against the links of `chosen` only (no chains)."""
    if not cosines or not chosen:
        return []
    linked_a, linked_b = _partners(chosen)
    taken = set(chosen)
    weight = ctx.weight
    near_a: dict[int, list[float]] = {}
    near_b: dict[int, list[float]] = {}
    for (i, j), c in cosines.items():
        if i in linked_a:
            near_a.setdefault(i, []).append(c)
        if j in linked_b:
            near_b.setdefault(j, []).append(c)
    added = []
    for (i, j), s in scores.items():
        if lexical[(i, j)] < floor or (i, j) in taken or not (i in linked_a or j in linked_b):
            continue
        shared = ctx.a.terms[i] & ctx.b.terms[j]
        if not enough(i, j, shared):
            continue
        total = fsum(map(weight.__getitem__, shared))
        c = cosines[(i, j)]
        for best, partners, terms, near in ((row[i][0], linked_a.get(i), ctx.b.terms, near_a.get(i)),
                                            (col[j][0], linked_b.get(j), ctx.a.terms, near_b.get(j))):
            if partners and s >= SECOND_RATIO * best and sum(v > c for v in near) < SECOND_RANK and all(
                    fsum(map(weight.__getitem__, shared - terms[k])) >= SECOND_NEW * total for k in partners):
                added.append((i, j))
                break
    return added


def between_linked(ctx: Context, scores: dict[tuple[int, int], float], kept: list[tuple[int, int]], row: dict,
                   col: dict, cosines: dict[tuple[int, int], float], floor: float,
                   enough: Callable[[int, int, frozenset[int]], bool],
                   lexical: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Return the pairs between passages both already linked in `kept` (see BETWEEN_FLOOR): sharing an event word,
    with a `lexical` score at `floor` or more, a score at least BETWEEN_RATIO of both passages' best (`row` / `col`),
    each passage among the other's BETWEEN_RANK nearest linked passages by the model's `cosines`, sharing at least
    SECOND_NEW of its weight outside each linked partner of either passage, and accepted by `enough`. Judged
    against `kept` only (no chains)."""
    if not cosines or not kept:
        return []
    linked_a, linked_b = _partners(kept)
    taken = set(kept)
    near_a: dict[int, list[float]] = {}
    near_b: dict[int, list[float]] = {}
    for (i, j), c in cosines.items():
        if i in linked_a and j in linked_b:
            near_a.setdefault(i, []).append(c)
            near_b.setdefault(j, []).append(c)
    weight = ctx.weight
    a_terms, b_terms = ctx.a.terms, ctx.b.terms
    events_a: dict[int, frozenset[int]] = {}
    events_b: dict[int, frozenset[int]] = {}
    added = []
    for (i, j), s in scores.items():
        if i not in linked_a or j not in linked_b or (i, j) in taken or lexical[(i, j)] < floor \
                or s < BETWEEN_RATIO * row[i][0] or s < BETWEEN_RATIO * col[j][0]:
            continue
        c = cosines[(i, j)]
        if sum(v > c for v in near_a[i]) >= BETWEEN_RANK or sum(v > c for v in near_b[j]) >= BETWEEN_RANK:
            continue
        shared = a_terms[i] & b_terms[j]
        if i not in events_a:
            events_a[i] = event_terms(ctx.a, i)
        if j not in events_b:
            events_b[j] = event_terms(ctx.b, j)
        if not shared & (events_a[i] | events_b[j]) or not enough(i, j, shared):
            continue
        total = fsum(map(weight.__getitem__, shared))
        if all(fsum(map(weight.__getitem__, shared - b_terms[k])) >= SECOND_NEW * total for k in linked_a[i]) and all(
                fsum(map(weight.__getitem__, shared - a_terms[k])) >= SECOND_NEW * total for k in linked_b[j]):
            added.append((i, j))
    return added


def background_terms(ctx: Context) -> frozenset[int]:
    """The terms in at least BACKGROUND_PASSAGES (and MIN_BACKGROUND_PASSAGES) of the passages of each side."""
    n_a, n_b = len(ctx.a.terms), len(ctx.b.terms)
    if min(n_a, n_b) <= MIN_BACKGROUND_PASSAGES:
        return frozenset()  # a term in every passage of a side is no background there, only the subject
    import numpy as np

    arrays = ctx.arrays()  # each passage's terms once: a term's count over a side is its passages there
    size = len(arrays.terms)
    df_a = np.bincount(arrays.a_local, minlength=size)
    df_b = np.bincount(arrays.b_local, minlength=size)
    often = (df_a >= max(MIN_BACKGROUND_PASSAGES, BACKGROUND_PASSAGES * n_a)) & (
        df_b >= max(MIN_BACKGROUND_PASSAGES, BACKGROUND_PASSAGES * n_b))
    return frozenset(arrays.terms[often].tolist())


def background_only(weight: dict[int, float], shared: frozenset[int], background: frozenset[int]) -> bool:
    """Whether at most FOREGROUND_SHARE of the shared weight lies outside the accounts' `background` terms."""
    total = fsum(map(weight.__getitem__, shared))
    return total <= 0 or fsum(map(weight.__getitem__, shared - background)) <= FOREGROUND_SHARE * total


def _names(side, k: int) -> frozenset[int]:
    """The terms of passage k's names (`newsdiff.text.names`, as `conflicting` reads them) that are not common in
    the language (DISTINCT_RARITY) and no numbers. Unlike `conflicting`, weekdays and months are not left out by
    name: the rarity floor leaves out all but "Wednesday" (rarity 0.603), and leaving that one out too cost a false
    link on the dev halves (see DISTINCT_RARITY)."""
    text = side.texts[k]
    found = side.vocabulary.terms(" ".join(names(text))) if text else {}
    rarity = side.vocabulary.rarity
    return frozenset(t for t, w in found.items()
                     if t in side.terms[k] and rarity.get(w, 1.0) >= DISTINCT_RARITY and not w.isdigit())


def distinct_names(ctx: Context, i: int, j: int, all_a: frozenset[int], all_b: frozenset[int]) -> bool:
    """Whether passage i names someone account b never mentions (`all_b`, all its terms) and passage j someone
    account a never mentions: two instances of one kind of event."""
    numbers = VOCABULARY.numbers
    return bool((_names(ctx.a, i) - all_b - numbers) and (_names(ctx.b, j) - all_a - numbers))


def name_terms(side: Side, k: int) -> frozenset[int] | None:
    """The terms of passage k written capitalised past the opening of a sentence or quotation, or None when most of
    its common words are capitalised too (a headline: its capitals say nothing)."""
    text = side.texts[k]
    stopwords, rarity = side.vocabulary.lexicon.stopwords, side.vocabulary.rarity
    common = [w[0].isupper() for w in _WORD_RE.findall(text)[1:]
              if (folded := w.lower()) in stopwords or rarity.get(folded, 1.0) < DISTINCT_RARITY]
    capitalised = sum(common)
    if capitalised >= 2 and capitalised >= TITLE_CASE_SHARE * len(common):
        return None  # common words capitalised: a headline in title case or in capitals
    found = [w for w in _NAME_RE.findall(text) if w[0].isupper()]
    return frozenset(side.vocabulary.terms(" ".join(found))) & side.terms[k] if found else frozenset()


def names_only(ctx: Context, i: int, j: int, shared: frozenset[int]) -> bool:
    """Whether every term passages i and j share is a name in both (`name_terms`; a headline defers to the other
    passage, two headlines say nothing) and none is a number."""
    if not shared or shared & VOCABULARY.numbers:
        return False
    names_a, names_b = name_terms(ctx.a, i), name_terms(ctx.b, j)
    if names_a is None and names_b is None:
        return False
    return shared <= (names_a if names_a is not None else names_b) and shared <= (
        names_b if names_b is not None else names_a)


def lopsided(ctx: Context) -> bool:
    """Whether one account has LOPSIDED times the passages of the other."""
    n_a, n_b = len(ctx.a.terms), len(ctx.b.terms)
    return max(n_a, n_b) >= LOPSIDED * min(n_a, n_b)


def speaker_only(shared: frozenset[int], quoted_a: frozenset[int], quoted_b: frozenset[int]) -> bool:
    """Whether a pair shares only who spoke: one passage is mostly a quotation (`quoted`, its quoted terms) and
    none of the shared terms is in it ("We are tired of waiting," Okafor said / "Nobody wants empty bus stops,"
    Okafor said)."""
    return bool(quoted_a and not shared & quoted_a or quoted_b and not shared & quoted_b)


def quotation_terms(side: Side, k: int) -> frozenset[int]:
    """The terms of passage k's direct quotations in double, angle or single marks (`newsdiff.text.quotations`) that
    are statements (terms.STATEMENT_WORDS words or more, not a scare quote), however small a part of the passage
    (`Side.quoted` holds the terms of all its quotations only for a passage that is mostly a quotation)."""
    return side.quotations[k]


def two_statements(ctx: Context, i: int, j: int, shared: frozenset[int]) -> bool:
    """Whether passages i and j each quote someone (at least TWO_QUOTES_SHARE of their terms) and share none of
    either quotation's words: two statements of one speaker, not one."""
    quoted_a = quotation_terms(ctx.a, i)
    if not quoted_a or shared & quoted_a or len(quoted_a) < TWO_QUOTES_SHARE * len(ctx.a.terms[i]):
        return False
    quoted_b = quotation_terms(ctx.b, j)
    return bool(quoted_b) and not shared & quoted_b and len(quoted_b) >= TWO_QUOTES_SHARE * len(ctx.b.terms[j])


def bars(ctx: Context, row: dict, col: dict) -> Bars:
    """Return the relative bars of this comparison, held between the absolute floors and ceilings."""
    n_a, n_b = len(ctx.a.terms), len(ctx.b.terms)
    values = [row[i][0] if i in row else 0.0 for i in range(n_a)]
    values += [col[j][0] if j in col else 0.0 for j in range(n_b)]
    if len(values) < MIN_CALIBRATION_PASSAGES:
        return Bars(TINY_LINK, ALWAYS)
    center = statistics.median(values)
    spread = 1.4826 * statistics.median(abs(v - center) for v in values)  # MAD as a standard deviation
    return Bars(min(CEILING, max(FLOOR, center + MUTUAL_Z * spread)),
                min(ONE_SIDED_CEILING, max(ONE_SIDED_FLOOR, center + ONE_SIDED_Z * spread)))


def select(ctx: Context, scores: dict[tuple[int, int], float], verbatim: set[tuple[int, int]],
           has_cue: Callable[[int, int], bool] | None = None,
           vouched: set[tuple[int, int]] | frozenset = frozenset(),
           calibration: dict[tuple[int, int], float] | None = None,
           has_schedule_cue: Callable[[int, int], bool] | None = None,
           why: dict[tuple[int, int], str] | None = None,
           cosines: dict[tuple[int, int], float] | None = None,
           relatedness: float | None = None) -> list[tuple[int, int]]:
    """Choose the pairs to link.

    A mutual best pair under its bar but at or above CUE_FLOOR still links when `has_cue(i, j)` says
    it carries a conflict cue about what the two passages share: a possible conflict is what a
    reviewer must not miss ("roughly fifteen minutes" / "lasted about ten minutes" share little
    else). A pair in `vouched` (the sentence-embedding model finds it close: a paraphrase, a
    translation) needs no shared terms. The bars come from `calibration` when given (the lexical scores,
    so a bonus the model adds to a few pairs does not raise the bar for all of them), else from `scores`.
    `relatedness`, when given, is the model's document cosine: under RELATED_COSINE a pair chosen by the bars or
    a cue and not in `vouched` needs UNRELATED_BAR.
    `why`, when given, receives the rule that chose each pair (for bench/align_errors.py): "always",
    "verbatim", "mutual", "row" / "col" (best of its a / b passage only), "cue", "schedule", "second"
    (`second_partners`), "between" (`between_linked`).
    """
    row, col = best_partners(scores)
    bar = bars(ctx, *best_partners(calibration)) if calibration is not None else bars(ctx, row, col)
    weight = ctx.weight
    numbers = VOCABULARY.numbers
    chosen = []
    rule = ""
    unrelated = relatedness is not None and relatedness < RELATED_COSINE
    quoted_a, quoted_b = ctx.a.quoted, ctx.b.quoted
    quotations_a, quotations_b = ctx.a.quotations, ctx.b.quotations

    def only_speaker(i: int, j: int, shared: frozenset[int] | None = None) -> bool:
        """Whether the pair shares only who spoke (`speaker_only`, `two_statements`)."""
        if not (quoted_a[i] or quoted_b[j] or quotations_a[i] and quotations_b[j]):
            return False  # no quotation on either side (the common case, and a cheap test)
        shared = ctx.a.terms[i] & ctx.b.terms[j] if shared is None else shared
        return speaker_only(shared, quoted_a[i], quoted_b[j]) or (
            (i, j) not in vouched and two_statements(ctx, i, j, shared))

    for (i, j), s in scores.items():
        if (i, j) in verbatim or s >= ALWAYS and not only_speaker(i, j):
            chosen.append((i, j))
            if why is not None:
                why[(i, j)] = "verbatim" if (i, j) in verbatim else "always"
            continue
        is_row, is_col = row[i][1] == j, col[j][1] == i
        if not (is_row or is_col):
            continue
        shared = ctx.a.terms[i] & ctx.b.terms[j]
        # A shared number counts half: a name and a number in common is not a correspondence.
        words = len(shared) - 0.5 * len(shared & numbers)
        enough = (i, j) in vouched or (words >= MIN_SHARED_TERMS
                                       and fsum(map(weight.__getitem__, shared)) >= MIN_SHARED_WEIGHT)
        needed = bar.mutual if is_row and is_col else bar.one_sided
        if enough and s >= needed:
            if not (is_row and is_col or adds_to_best(ctx, i, j, shared, row, col, is_row, cosines)):
                continue  # it repeats what the other passage's best pair shares (the cues below are for weak pairs)
            rule = "mutual" if is_row and is_col else ("row" if is_row else "col")
        elif enough and is_row and is_col and s >= CUE_FLOOR and has_cue is not None and has_cue(i, j):
            rule = "cue"
        elif words >= CUE_SHARED_TERMS and s >= SCHEDULE_FLOOR and has_schedule_cue is not None \
                and has_schedule_cue(i, j):
            rule = "schedule"
        else:
            continue
        if unrelated and rule != "schedule" and s < UNRELATED_BAR and (i, j) not in vouched:
            continue  # two accounts of different events: the bar fell to the floor, where unrelated pairs reach
        if only_speaker(i, j, shared):
            continue
        chosen.append((i, j))
        if why is not None:
            why[(i, j)] = rule

    def enough_second(i: int, j: int, shared: frozenset[int]) -> bool:
        words = len(shared) - 0.5 * len(shared & numbers)
        return (words >= MIN_SHARED_TERMS and fsum(map(weight.__getitem__, shared)) >= MIN_SHARED_WEIGHT
                and not only_speaker(i, j, shared))

    floor = max(SECOND_FLOOR, UNRELATED_BAR) if unrelated else SECOND_FLOOR
    for pair in second_partners(ctx, scores, chosen, row, col, cosines or {}, floor, enough_second,
                                calibration if calibration is not None else scores):
        chosen.append(pair)
        if why is not None:
            why[pair] = "second"
    kept = drop_background(ctx, chosen, scores, verbatim, relatedness, why)
    lexical = calibration if calibration is not None else scores
    between = between_linked(ctx, scores, kept, row, col, cosines or {},
                             max(BETWEEN_FLOOR, UNRELATED_BAR) if unrelated else BETWEEN_FLOOR, enough_second, lexical)
    if between and why is not None:
        why.update((pair, "between") for pair in between)
    return sorted(kept + drop_background(ctx, between, scores, verbatim, relatedness, why))


def drop_background(ctx: Context, chosen: list[tuple[int, int]], scores: dict[tuple[int, int], float],
                    verbatim: set[tuple[int, int]], relatedness: float | None,
                    why: dict[tuple[int, int], str] | None = None) -> list[tuple[int, int]]:
    """Return the chosen pairs but those that share only the accounts' background (`background_only`), between
    accounts not closely related, the weak ones naming a different participant on each side (`distinct_names`),
    and, between accounts of lopsided lengths (`lopsided`), those that share only names (`names_only`)."""
    if not chosen:
        return chosen
    background = background_terms(ctx)
    distinct = relatedness is not None and relatedness < DISTINCT_COSINE
    everything = (frozenset().union(*ctx.a.terms), frozenset().union(*ctx.b.terms)) if distinct else None
    uneven = lopsided(ctx) and not ctx.cross_language  # across languages the lexical overlap is names and numbers
    kept = []
    for i, j in chosen:
        if (i, j) not in verbatim and (
                background and background_only(ctx.weight, ctx.a.terms[i] & ctx.b.terms[j], background)
                or distinct and scores[(i, j)] < DISTINCT_SCORE and distinct_names(ctx, i, j, *everything)
                or uneven and names_only(ctx, i, j, ctx.a.terms[i] & ctx.b.terms[j])):
            if why is not None:
                why.pop((i, j), None)
            continue
        kept.append((i, j))
    return kept
