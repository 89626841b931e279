"""Tests for calibration: best partners, relative bars held by absolute floors and ceilings."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.text.alignment import calibrate
from newsdiff.text.alignment.context import build_context
from newsdiff.text.alignment.terms import analyse


@dataclass(frozen=True)
class P:
    text: str
    kind: str = "claim"


def _ctx(n_a: int, n_b: int):
    a = [P(f"Alpha bravo charlie {k} delta.") for k in range(n_a)]
    b = [P(f"Echo foxtrot golf {k} hotel.") for k in range(n_b)]
    return build_context(analyse(a), analyse(b))


def test_best_partners_break_ties_towards_the_lower_index():
    """Each passage's best partner, deterministic on ties."""
    row, col = calibrate.best_partners({(0, 0): 0.5, (0, 1): 0.5, (1, 1): 0.2})
    assert row == {0: (0.5, 0), 1: (0.2, 1)} and col == {0: (0.5, 0), 1: (0.5, 0)}


def test_heavy_overlap_caps_the_bar():
    """When every passage's best is already high, the bar stays at the ceiling, not above it."""
    ctx = _ctx(10, 10)
    row = {i: (0.45 + 0.01 * i, i) for i in range(10)}
    bars = calibrate.bars(ctx, row, dict(row))
    assert bars.mutual == calibrate.CEILING and bars.one_sided == calibrate.ONE_SIDED_CEILING


def test_lopsided_lengths_keep_the_floor():
    """When most passages (the long account) have no partner, the bar does not collapse below the floor."""
    ctx = _ctx(2, 20)
    bars = calibrate.bars(ctx, {0: (0.3, 0), 1: (0.25, 1)}, {0: (0.3, 0), 1: (0.25, 1)})
    assert bars.mutual == calibrate.FLOOR and bars.one_sided == calibrate.ONE_SIDED_FLOOR


def test_a_cue_lowers_the_bar_for_mutual_best_pairs_only():
    """A mutual best pair under the bar links when it carries a conflict cue, not otherwise."""
    ctx = _ctx(3, 3)
    shared = analyse([P("alpha bravo charlie delta")]).terms[0]
    ctx.a.terms[:] = [shared] * 3
    ctx.b.terms[:] = [shared] * 3
    for t in shared:
        ctx.weight[t] = 1.0
    scores = {(0, 0): 0.2, (1, 1): 0.2, (2, 2): 0.2}
    assert calibrate.select(ctx, scores, set()) == []
    assert calibrate.select(ctx, scores, set(), lambda i, j: i == 1) == [(1, 1)]


def _shared_ctx(n: int):
    """n passages a side, all holding the same four terms of weight 1 (enough shared terms for any pair)."""
    ctx = _ctx(n, n)
    shared = analyse([P("alpha bravo charlie delta")]).terms[0]
    ctx.a.terms[:] = [shared] * n
    ctx.b.terms[:] = [shared] * n
    for t in shared:
        ctx.weight[t] = 1.0
    return ctx


def test_select_reports_the_rule_that_chose_each_pair():
    """`why` names the rule behind each chosen pair and nothing else."""
    ctx = _shared_ctx(3)
    # (0, 0) scores above ALWAYS; (1, 1) is mutual best at the tiny-comparison bar; (2, 2) mutual best under it,
    # carrying a cue; (1, 2) is best of nothing.
    scores = {(0, 0): 0.6, (1, 1): 0.35, (2, 2): 0.2, (1, 2): 0.1}
    why: dict = {}
    chosen = calibrate.select(ctx, scores, set(), lambda i, j: (i, j) == (2, 2), why=why)
    assert chosen == [(0, 0), (1, 1), (2, 2)]
    assert why == {(0, 0): "always", (1, 1): "mutual", (2, 2): "cue"}


def _hub_ctx(b1_text: str):
    """a0 is b0's mutual best and b1's best; a1, a2 and b2 are fillers. Every term weighs 1."""
    a = [P("alpha bravo charlie delta echo"), P("kilo lima"), P("mike november")]
    b = [P("alpha bravo charlie"), P(b1_text), P("oscar papa")]
    ctx = build_context(analyse(a), analyse(b))
    for t in ctx.weight:
        ctx.weight[t] = 1.0
    return ctx


# a0-b0 mutual best; b1's best is a0, whose best is b0 (a pair best on one side only); the rest are fillers.
HUB_SCORES = {(0, 0): 0.45, (0, 1): 0.42, (1, 2): 0.05, (2, 2): 0.04}


def test_a_one_sided_pair_that_only_repeats_the_best_pair_does_not_link():
    """b1 shares with a0 only what a0's best partner b0 already shares: not linked; sharing something new, linked."""
    assert calibrate.select(_hub_ctx("alpha bravo"), HUB_SCORES, set()) == [(0, 0)]
    assert calibrate.select(_hub_ctx("delta echo"), HUB_SCORES, set()) == [(0, 0), (0, 1)]


def test_the_model_can_keep_a_one_sided_pair_that_repeats_the_best_pair():
    """The same repeating pair links when the sentence model puts it at least as close as the best pair."""
    ctx = _hub_ctx("alpha bravo")
    closer = {(0, 0): 0.6, (0, 1): 0.7, (1, 2): 0.1, (2, 2): 0.1}
    farther = {(0, 0): 0.7, (0, 1): 0.6, (1, 2): 0.1, (2, 2): 0.1}
    assert calibrate.select(ctx, HUB_SCORES, set(), cosines=closer) == [(0, 0), (0, 1)]
    assert calibrate.select(ctx, HUB_SCORES, set(), cosines=farther) == [(0, 0)]


def test_two_quotations_that_share_only_the_speaker_do_not_link():
    """Two quotes by one speaker share only the attribution: no link, however high the score; a quote and a
    report of it that share a quoted word link; a verbatim pair links whatever it shares."""
    a = [P('"We are tired of being told to wait," union president Daniel Okafor said.'), P("kilo lima"),
         P("mike november")]
    b = [P('"Nobody wants to see empty bus stops," union president Daniel Okafor said.'),
         P("Okafor said drivers were tired of waiting."), P("oscar papa")]
    ctx = build_context(analyse(a), analyse(b))
    scores = {(0, 0): 0.7, (0, 1): 0.6, (1, 2): 0.05, (2, 2): 0.04}
    assert calibrate.select(ctx, scores, set()) == [(0, 1)]
    assert calibrate.select(ctx, scores, {(0, 0)}) == [(0, 0), (0, 1)]


def test_two_statements_by_one_speaker_introduced_at_length_do_not_link():
    """Two passages that each quote the same person, with an attribution as long as the quotation, and share none of
    either quotation's words report two statements: no link, however high the score (not even as a further
    partner); one quoted word in common, a pair the model vouches for, or a verbatim pair links."""
    a = [P('"We have listened to the neighbours," Harcastle\'s managing director Owen Tait said on Tuesday.'),
         P("kilo lima"), P("mike november")]
    b = [P('"These are the homes this city needs," Harcastle\'s managing director Owen Tait posted after the vote.'),
         P('"We listened," Harcastle\'s managing director Owen Tait said.'), P("oscar papa")]
    ctx = build_context(analyse(a), analyse(b))
    assert not ctx.a.quoted[0] and not ctx.b.quoted[0]  # neither is mostly a quotation: speaker_only does not apply
    scores = {(0, 0): 0.7, (0, 1): 0.6, (1, 2): 0.05, (2, 2): 0.04}
    assert calibrate.select(ctx, scores, set()) == [(0, 1)]
    assert calibrate.select(ctx, scores, set(), vouched={(0, 0)}) == [(0, 0), (0, 1)]
    assert calibrate.select(ctx, scores, {(0, 0)}) == [(0, 0), (0, 1)]
    # Under the bars (a mutual best pair) the same holds.
    weak = {(0, 0): 0.45, (1, 2): 0.05, (2, 2): 0.04}
    assert calibrate.select(ctx, weak, set()) == []


def test_a_short_quotation_inside_a_report_is_not_two_statements():
    """A passage that quotes a word or two inside a report ('a "very productive" call') is not a statement of its
    own (under terms.STATEMENT_WORDS, and under TWO_QUOTES_SHARE of its terms): the pair links as before."""
    a = [P('President Trump said he held a "very productive" phone call with Sheinbaum about border security.'),
         P("kilo lima"), P("mike november")]
    b = [P('"We agreed to keep talking," Sheinbaum said after her phone call with Trump about the border.'),
         P("oscar papa"), P("quebec romeo")]
    ctx = build_context(analyse(a), analyse(b))
    shared = ctx.a.terms[0] & ctx.b.terms[0]
    assert not calibrate.quotation_terms(ctx.a, 0) and calibrate.quotation_terms(ctx.b, 0)
    assert not calibrate.two_statements(ctx, 0, 0, shared)
    scores = {(0, 0): 0.7, (1, 1): 0.05, (2, 2): 0.04}
    assert calibrate.select(ctx, scores, set()) == [(0, 0)]


def test_what_a_pair_adds_to_the_best_pair_does_not_depend_on_the_term_ids():
    """Weights are added whatever order a set of term ids iterates in (ids depend on what the process read before):
    a pair whose new terms weigh exactly NEW_SHARE of what it shares (here four times their sum, with tied
    weights as short comparisons have them) adds to the best pair under any ids."""
    from math import log

    from newsdiff.text.alignment.context import Context
    from newsdiff.text.alignment.terms import Side

    w1, w2 = log(41) * 0.5, log(41 / 3) * 0.5
    weights = [w1, w1, w2, 2 * w2, w2, 2 * w1]  # terms 0 and 4 are the pair's own: w1 + w2, a quarter of the total
    answers = set()
    for ids in ([0, 1, 2, 3, 4, 5], [890473, 371614, 426550, 843738, 822855, 384419]):
        every, rival = frozenset(ids), frozenset(ids[k] for k in (1, 2, 3, 5))
        ctx = Context(Side(terms=[every, rival]), Side(terms=[every]), dict(zip(ids, weights)), [], [])
        # (0, 0) is a0's best pair; b0's best is a1, which shares everything but terms 0 and 4.
        answers.add(calibrate.adds_to_best(ctx, 0, 0, every, {0: (0.4, 0)}, {0: (0.5, 1)}, is_row=True))
    assert answers == {True}


def test_accounts_the_model_finds_unrelated_need_the_higher_bar():
    """Under RELATED_COSINE a mutual best pair or a cue pair under UNRELATED_BAR does not link; above it, or
    vouched for by the model, it does; related accounts keep the usual bars."""
    ctx = _shared_ctx(3)
    scores = {(0, 0): calibrate.UNRELATED_BAR + 0.01, (1, 1): calibrate.UNRELATED_BAR - 0.01, (2, 2): 0.2}
    cue = lambda i, j: (i, j) == (2, 2)  # noqa: E731
    related, unrelated = calibrate.RELATED_COSINE + 0.05, calibrate.RELATED_COSINE - 0.05
    assert calibrate.select(ctx, scores, set(), cue, relatedness=related) == [(0, 0), (1, 1), (2, 2)]
    assert calibrate.select(ctx, scores, set(), cue) == [(0, 0), (1, 1), (2, 2)]
    assert calibrate.select(ctx, scores, set(), cue, relatedness=unrelated) == [(0, 0)]
    assert calibrate.select(ctx, scores, set(), cue, vouched={(1, 1)}, relatedness=unrelated) == [(0, 0), (1, 1)]


def _second_ctx(b1_text: str):
    """a0 is b0's mutual best; a1 (which holds all that b1 can share with a0) is b1's; b1 may match another part of
    a0 (a one-to-many correspondence). SECOND_RANK fillers b2... give a0 more partners for the model to rank. Every
    term weighs 1."""
    a = [P("alpha bravo charlie delta echo"), P("alpha bravo delta echo golf"), P("mike november")]
    b = [P("alpha bravo charlie"), P(b1_text)] + [P(f"oscar papa {k}") for k in range(calibrate.SECOND_RANK)]
    ctx = build_context(analyse(a), analyse(b))
    for t in ctx.weight:
        ctx.weight[t] = 1.0
    return ctx


def _second_scores(a0_b1: float) -> dict:
    scores = {(0, 0): 0.45, (0, 1): a0_b1, (1, 1): 0.5, (2, 2): 0.04}
    scores.update({(0, 2 + k): 0.01 for k in range(calibrate.SECOND_RANK)})
    return scores


def _second_cosines(closer_fillers: int) -> dict:
    """The model's cosines: a0-b1 at 0.65, below a0-b0 (0.7) and `closer_fillers` fillers (0.9)."""
    cosines = {(0, 0): 0.7, (0, 1): 0.65, (1, 1): 0.8, (2, 2): 0.1}
    cosines.update({(0, 2 + k): 0.9 if k < closer_fillers else 0.1 for k in range(calibrate.SECOND_RANK)})
    return cosines


def test_a_linked_passage_gets_a_second_partner_for_another_part_of_it():
    """b1 (best partner of a1) also matches the part of a0 that a0's linked partner b0 does not ("delta echo"),
    close to a0's best score and near the top of the model's ranking: linked as a second partner. Sharing only
    what b0 already shares, it is not; without the model, no second partners."""
    scores, cosines = _second_scores(0.4), _second_cosines(0)
    why: dict = {}
    assert calibrate.select(_second_ctx("delta echo"), scores, set(), cosines=cosines, why=why) == [
        (0, 0), (0, 1), (1, 1)]
    assert why[(0, 1)] == "second"
    # (a1-b1 itself shares only "alpha bravo", which both toy accounts repeat: their background, not linked either)
    assert (0, 1) not in calibrate.select(_second_ctx("alpha bravo"), scores, set(), cosines=cosines)
    assert calibrate.select(_second_ctx("delta echo"), scores, set()) == [(0, 0), (1, 1)]


def test_a_second_partner_must_be_close_to_the_best_and_near_the_top_for_the_model():
    """Under SECOND_RATIO of the passage's best score, under SECOND_FLOOR by the lexical score (`calibration`), or
    with SECOND_RANK of the passage's partners closer by the model, the pair is not a second partner."""
    ctx = _second_ctx("delta echo")
    near = calibrate.SECOND_RATIO * 0.45
    linked = [(0, 0), (0, 1), (1, 1)]
    assert calibrate.select(ctx, _second_scores(near + 0.01), set(), cosines=_second_cosines(0)) == linked
    assert calibrate.select(ctx, _second_scores(near - 0.01), set(), cosines=_second_cosines(0)) == [(0, 0), (1, 1)]
    lexical = _second_scores(calibrate.SECOND_FLOOR - 0.01)
    assert calibrate.select(ctx, _second_scores(0.4), set(), calibration=lexical,
                            cosines=_second_cosines(0)) == [(0, 0), (1, 1)]
    ranked = calibrate.SECOND_RANK - 1  # a0-b0 is closer too
    assert calibrate.select(ctx, _second_scores(0.4), set(), cosines=_second_cosines(ranked - 1)) == linked
    assert calibrate.select(ctx, _second_scores(0.4), set(), cosines=_second_cosines(ranked)) == [(0, 0), (1, 1)]


def _weighed(a: list[str], b: list[str]):
    """A context of two accounts whose every term weighs 1."""
    ctx = build_context(analyse([P(t) for t in a]), analyse([P(t) for t in b]))
    for t in ctx.weight:
        ctx.weight[t] = 1.0
    return ctx


REHAB_A = ["Lindsay Lohan checks into rehab", "Lohan entered rehab on Thursday, her lawyer said.",
           "Lohan's rehab stay follows a court order.", "The judge set a hearing date."]
REHAB_B = ["Lohan in rehab again", "Lohan went to rehab at Betty Ford.", "Her rehab stay is her sixth.",
           "Lohan and her lawyer arrived late."]


def test_a_pair_sharing_only_what_both_accounts_repeat_does_not_link():
    """"Lohan" and "rehab" are in most passages of both accounts: a headline pair sharing only them does not link, even
    at the always-link score, unless verbatim; a pair that also shares "lawyer" (one passage a side) does."""
    ctx = _weighed(REHAB_A, REHAB_B)
    scores = {(0, 0): 0.6, (1, 3): 0.6, (2, 2): 0.05, (3, 1): 0.05}
    why: dict = {}
    assert calibrate.select(ctx, scores, set(), why=why) == [(1, 3)]
    assert why == {(1, 3): "always"}
    assert calibrate.select(ctx, scores, {(0, 0)}) == [(0, 0), (1, 3)]


def test_background_terms_are_repeated_on_both_sides_of_accounts_long_enough():
    """A term in BACKGROUND_PASSAGES of the passages of each side (two at least) is background; one repeated on a
    single side is not, and a side of MIN_BACKGROUND_PASSAGES passages has none."""
    ctx = _weighed(REHAB_A, REHAB_B)
    words = {ctx.a.words[k][t] for k in range(len(REHAB_A)) for t in calibrate.background_terms(ctx) & ctx.a.terms[k]}
    assert words == {"lohan", "rehab"}
    assert calibrate.background_terms(_weighed(REHAB_A, REHAB_B[:calibrate.MIN_BACKGROUND_PASSAGES])) == frozenset()
    assert calibrate.background_only(ctx.weight, ctx.a.terms[0] & ctx.b.terms[0], calibrate.background_terms(ctx))
    assert not calibrate.background_only(ctx.weight, ctx.a.terms[1] & ctx.b.terms[3], calibrate.background_terms(ctx))


BOUT_A = ["Klitschko stopped Rahman in the seventh round on Saturday.", "The crowd in the arena cheered loudly.",
          "Tickets had sold out weeks before."]
BOUT_B = ["Klitschko stopped Thompson in the sixth round on Saturday.", "Fans waited outside the hall for hours.",
          "The weather was cold all week."]


def test_a_weak_pair_naming_a_different_participant_on_each_side_of_loosely_related_accounts_does_not_link():
    """Each passage names someone the other account never mentions (Rahman, Thompson): between accounts under
    DISTINCT_COSINE a pair under DISTINCT_SCORE does not link; closely related accounts, a stronger pair, no model
    (no relatedness) or the other account naming him too, it does."""
    scores = {(0, 0): 0.35, (1, 1): 0.05, (2, 2): 0.05}
    loose = calibrate.DISTINCT_COSINE - 0.03  # above RELATED_COSINE: only this rule can refuse the pair
    ctx = _weighed(BOUT_A, BOUT_B)
    assert calibrate.select(ctx, scores, set(), relatedness=loose) == []
    assert calibrate.select(ctx, scores, set(), relatedness=calibrate.DISTINCT_COSINE) == [(0, 0)]
    assert calibrate.select(ctx, scores, set()) == [(0, 0)]
    stronger = dict(scores)
    stronger[(0, 0)] = calibrate.DISTINCT_SCORE
    assert calibrate.select(ctx, stronger, set(), relatedness=loose) == [(0, 0)]
    named = _weighed(BOUT_A, BOUT_B[:2] + ["Rahman had held the belt before."])
    assert calibrate.select(named, scores, set(), relatedness=loose) == [(0, 0)]


BRIEF = ["The Wensholt Caving Club, which organised the trip, said it would review its rules.",
         "Four cavers were brought out alive on Monday."]
FEATURE = ["The four, all members of the Wensholt Caving Club, had gone underground on a Saturday.",
           "Heavy rain had been forecast for the evening.", "A friend waiting on the surface called the police.",
           "Pumps lowered the water by about a metre overnight.", "The club said its rules would be reviewed.",
           "They came out to applause from waiting rescuers."]


def test_a_pair_sharing_only_names_between_accounts_of_lopsided_lengths_does_not_link():
    """A brief against a feature LOPSIDED times longer: a pair sharing nothing but a name ("Wensholt Caving Club")
    does not link, even at the always-link score, unless verbatim; between accounts of comparable lengths, or
    sharing a word that is not a name ("rules"), it does."""
    scores = {(0, 0): 0.6, (1, 5): 0.05}
    ctx = _weighed(BRIEF, FEATURE)
    assert calibrate.lopsided(ctx)
    assert calibrate.select(ctx, scores, set()) == []
    assert calibrate.select(ctx, scores, {(0, 0)}) == [(0, 0)]
    even = _weighed(BRIEF, FEATURE[:calibrate.LOPSIDED * len(BRIEF) - 1])
    assert not calibrate.lopsided(even)
    assert calibrate.select(even, {(0, 0): 0.6, (1, 4): 0.05}, set()) == [(0, 0)]
    assert calibrate.select(ctx, {(0, 4): 0.6, (1, 5): 0.05}, set()) == [(0, 4)]  # club, rules: "club" is no name there


def test_names_are_capitalised_past_the_opening_of_a_sentence_or_quotation_and_a_headline_has_none():
    """Capitalised words count as names except at the start of a sentence or a quotation; a passage whose common
    words are capitalised too (a headline) says nothing, so the other passage decides; a shared number is never a
    name."""
    a = ['Mayor Ana Ruiz said: "Rain will come." Floods followed in Brenport on 12 May.',
         "Four Cavers Brought Out Alive After Flood In Brenport"]
    b = ["On Monday Ana Ruiz toured Brenport.", "Floods hit Brenport."]
    ctx = build_context(analyse([P(t) for t in a]), analyse([P(t) for t in b]))
    words = {ctx.a.words[0][t] for t in calibrate.name_terms(ctx.a, 0)}
    assert words == {"ana", "ruiz", "brenport"}  # not "mayor" (opens the passage), "rain", "floods" (open one)
    assert calibrate.name_terms(ctx.a, 1) is None
    assert calibrate.names_only(ctx, 0, 0, ctx.a.terms[0] & ctx.b.terms[0])  # ana, ruiz, brenport
    assert not calibrate.names_only(ctx, 0, 1, ctx.a.terms[0] & ctx.b.terms[1])  # "floods" opens a sentence in a
    assert calibrate.names_only(ctx, 1, 0, ctx.a.terms[1] & ctx.b.terms[0])  # the headline defers: brenport
    number = build_context(analyse([P("Ruiz won 12 seats.")]), analyse([P("Ana Ruiz took 12 seats.")]))
    assert not calibrate.names_only(number, 0, 0, number.a.terms[0] & number.b.terms[0])


def test_across_languages_a_pair_sharing_only_names_still_links():
    """Across languages two passages share lexically only their names and numbers: a translation of the brief's
    sentence in a feature three times longer keeps its link."""
    spanish = ["Los cuatro, todos miembros del Wensholt Caving Club, habían entrado en la cueva un sábado.",
               "Se esperaban lluvias fuertes por la tarde.", "Una amiga llamó a la policía.",
               "Las bombas bajaron el agua un metro.", "El club dijo que revisaría sus normas.",
               "Salieron entre aplausos de los rescatistas."]
    ctx = build_context(analyse([P(t) for t in BRIEF], language="en"), analyse([P(t) for t in spanish], language="es"))
    assert ctx.cross_language and calibrate.lopsided(ctx)
    assert calibrate.names_only(ctx, 0, 0, ctx.a.terms[0] & ctx.b.terms[0])
    assert calibrate.drop_background(ctx, [(0, 0)], {(0, 0): 0.6}, set(), None) == [(0, 0)]


def _between_ctx(a0: str, b1: str, b0: str = "inmate guards van"):
    """a0-b0 and a1-b1 are mutual best pairs (by the scores given); a0-b1 may share terms with each other."""
    return _weighed([a0, "police searched river bank"], [b0, b1])


BETWEEN_COSINES = {(0, 0): 0.8, (0, 1): 0.6, (1, 1): 0.8}


def _between_scores(a0_b1: float) -> dict:
    return {(0, 0): 0.45, (0, 1): a0_b1, (1, 1): 0.45}


def test_two_linked_passages_sharing_an_event_word_are_linked_to_each_other_too():
    """a0 and b1 are each linked to their best partner; they also share "escaped" / "escape" (an event word: what
    happened) and "monday", scoring within BETWEEN_RATIO of both passages' best: linked to each other (a
    many-to-many correspondence), by no other rule (under SECOND_RATIO of the best)."""
    ctx = _between_ctx("inmate escaped van guards monday", "police river bank escape monday")
    near = calibrate.BETWEEN_RATIO * 0.45
    assert near + 0.01 < calibrate.SECOND_RATIO * 0.45
    why: dict = {}
    assert calibrate.select(ctx, _between_scores(near + 0.01), set(), cosines=BETWEEN_COSINES, why=why) == [
        (0, 0), (0, 1), (1, 1)]
    assert why[(0, 1)] == "between"
    # Under BETWEEN_RATIO of the best, under BETWEEN_FLOOR by the lexical score, or without the model: not linked.
    assert calibrate.select(ctx, _between_scores(near - 0.01), set(), cosines=BETWEEN_COSINES) == [(0, 0), (1, 1)]
    assert calibrate.select(ctx, _between_scores(near + 0.01), set(), cosines=BETWEEN_COSINES,
                            calibration=_between_scores(calibrate.BETWEEN_FLOOR - 0.01)) == [(0, 0), (1, 1)]
    assert calibrate.select(ctx, _between_scores(near + 0.01), set()) == [(0, 0), (1, 1)]


def test_two_linked_passages_sharing_no_event_word_or_only_what_their_partners_share_are_not_linked():
    """Sharing "escape" and "monday" where neither writes an event ("the escape" is a noun, no -ed), or sharing only
    what a linked partner already shares with the passage, the pair is not linked."""
    scores = _between_scores(calibrate.BETWEEN_RATIO * 0.45 + 0.01)
    plain = _between_ctx("inmate escape van guards monday", "police river bank escape monday")
    assert calibrate.select(plain, scores, set(), cosines=BETWEEN_COSINES) == [(0, 0), (1, 1)]
    repeated = _between_ctx("inmate escaped van guards monday", "police river bank escaped monday",
                            b0="inmate guards van escaped monday")
    assert calibrate.select(repeated, scores, set(), cosines=BETWEEN_COSINES) == [(0, 0), (1, 1)]
    unrepeated = _between_ctx("inmate escaped van guards monday", "police river bank escaped monday")
    assert calibrate.select(unrepeated, scores, set(), cosines=BETWEEN_COSINES) == [(0, 0), (0, 1), (1, 1)]


def test_two_quotations_in_single_marks_that_share_only_the_speaker_do_not_link():
    """A British account quoting in single marks is held to the rules of double marks (`speaker_only`): two quotes
    by one speaker share only the attribution, whichever marks each side uses."""
    for mark_a, mark_b in (("‘", "’"), ("'", "'")), (('"', '"'), ("‘", "’")):
        (oa, ca), (ob, cb) = mark_a, mark_b
        a = [P(f"{oa}We are tired of being told to wait,{ca} union president Daniel Okafor said."), P("kilo lima"),
             P("mike november")]
        b = [P(f"{ob}Nobody wants to see empty bus stops,{cb} union president Daniel Okafor said."),
             P("Okafor said drivers were tired of waiting."), P("oscar papa")]
        ctx = build_context(analyse(a), analyse(b))
        assert ctx.b.quoted[0]  # mostly a quotation
        scores = {(0, 0): 0.7, (0, 1): 0.6, (1, 2): 0.05, (2, 2): 0.04}
        assert calibrate.select(ctx, scores, set()) == [(0, 1)]


def test_two_statements_in_single_marks_by_one_speaker_do_not_link():
    """`two_statements` reads quotations in single marks (and leaves the apostrophes of "Harcastle’s" alone): two
    statements of one speaker introduced at length do not link, as in double marks."""
    a = [P("‘We have listened to the neighbours,’ Harcastle’s managing director Owen Tait said on Tuesday."),
         P("kilo lima"), P("mike november")]
    b = [P("'These are the homes this city needs,' Harcastle's managing director Owen Tait posted after the vote."),
         P("'We listened,' Harcastle's managing director Owen Tait said."), P("oscar papa")]
    ctx = build_context(analyse(a), analyse(b))
    assert not ctx.a.quoted[0] and not ctx.b.quoted[0]  # neither is mostly a quotation: speaker_only does not apply
    shared = ctx.a.terms[0] & ctx.b.terms[0]
    assert calibrate.two_statements(ctx, 0, 0, shared)
    scores = {(0, 0): 0.7, (0, 1): 0.6, (1, 2): 0.05, (2, 2): 0.04}
    assert calibrate.select(ctx, scores, set()) == [(0, 1)]
    assert calibrate.select(ctx, scores, {(0, 0)}) == [(0, 0), (0, 1)]


def test_apostrophes_are_no_quotation_for_calibration():
    """A possessive or a contraction is no quotation: two reports that share who and what link as before."""
    a = [P("The drivers' union said it won't accept the owners' offer, president Daniel Okafor said."),
         P("kilo lima"), P("mike november")]
    b = [P("Union president Daniel Okafor said the drivers’ union won’t accept the offer."), P("oscar papa"),
         P("quebec romeo")]
    ctx = build_context(analyse(a), analyse(b))
    assert not calibrate.quotation_terms(ctx.a, 0) and not calibrate.quotation_terms(ctx.b, 0)
    scores = {(0, 0): 0.7, (1, 1): 0.05, (2, 2): 0.04}
    assert calibrate.select(ctx, scores, set()) == [(0, 0)]


def test_distinct_names_are_names_not_the_words_that_open_a_sentence():
    """`distinct_names` reads names as `conflicting` does (`newsdiff.text.names`): a word opening a sentence inside
    the passage ("Spectators", "Paramedics") or written in lower case elsewhere in it ("Referee") is no name, so two
    reports of one fight are not taken for two fights; different opponents named inside a sentence still are."""
    a = [P("Klitschko stopped the challenger in the seventh round. Spectators cheered the champion.")]
    b = [P("Klitschko stopped the challenger in the sixth round. Paramedics treated him.")]
    ctx = build_context(analyse(a), analyse(b))
    every_a, every_b = ctx.a.terms[0], ctx.b.terms[0]
    assert not calibrate.distinct_names(ctx, 0, 0, every_a, every_b)
    a = [P("Klitschko stopped Rahman in the seventh round, and the Referee said the referee's count was fair.")]
    b = [P("Klitschko stopped Thompson in the sixth round.")]
    ctx = build_context(analyse(a), analyse(b))
    assert calibrate.distinct_names(ctx, 0, 0, ctx.a.terms[0], ctx.b.terms[0])
    assert [ctx.a.words[0][t] for t in calibrate._names(ctx.a, 0)] == ["rahman"]  # not "klitschko" (first), "referee"


def test_a_scare_quote_in_single_marks_is_no_statement():
    """Two passages reporting one thing, each with a scare quote of a word or two (‘common sense’, “skinny waist”)
    whose words they do not share, are not two statements of one speaker: they link (`terms.STATEMENT_WORDS`)."""
    a = [P("His sister told reporters she doubted her brother was carrying a gun, but said he had a “skinny waist.”"),
         P("kilo lima"), P("mike november")]
    b = [P("She added that her brother had too much ‘common sense’ to point a gun, and doubted he was carrying one."),
         P("oscar papa"), P("quebec romeo")]
    ctx = build_context(analyse(a), analyse(b))
    shared = ctx.a.terms[0] & ctx.b.terms[0]
    assert not calibrate.two_statements(ctx, 0, 0, shared)
    scores = {(0, 0): 0.7, (1, 1): 0.05, (2, 2): 0.04}
    assert calibrate.select(ctx, scores, set()) == [(0, 0)]


def test_name_terms_read_a_capital_of_any_script_as_names_does():
    """"Ángel", "Øresund" are names ([A-Z] knew only English capitals); a name inside a lower-case word still
    counts ("pro-Assad"), and a lower-case word is none."""
    ctx = build_context(analyse([P("Officials said Ángel Ruiz crossed the Øresund bridge at a pro-Assad rally.")]),
                        analyse([P("Ruiz crossed the bridge.")]))
    words = {ctx.a.words[0][t] for t in calibrate.name_terms(ctx.a, 0)}
    assert {"ángel", "ruiz", "øresund", "assad"} <= words
    assert not words & {"officials", "crossed", "bridge", "rally"}
