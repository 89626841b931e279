"""Why the engine misses ECB+ dev gold links: each missed link classified by the step that lost it.

Run: .venv/bin/python bench/link_misses.py [--list CLASS] [--limit N]

Dev only (ECB+ odd topics, same-event pairs; it never reads a held-out pair). Each gold link no link of `align()`
touches is put in one class, by the pair of its passage pairs that came closest to being linked:

- `no-candidate`: none of its passage pairs is scored (they share no term and the model does not propose them);
- `dropped-background` / `dropped-distinct` / `dropped-names`: select() chose a pair, then a drop rule removed it
  (calibrate.drop_background: background_only, distinct_names, names_only; select() is run once more with the drop
  rules off, so `between_linked` there judges against the undropped links);
- `under-bar-mutual` / `under-bar-one-sided`: a pair is the best partner of both / one of its passages but scores
  under the comparison's bar; `too-few-shared`: at the bar but sharing fewer than MIN_SHARED_TERMS terms or
  MIN_SHARED_WEIGHT; `repeats-best`: best on one side only and adds nothing to the other passage's best pair
  (NEW_SHARE); `unrelated-bar`: under UNRELATED_BAR between accounts the model finds barely related;
  `speaker`: shares only who spoke;
- `beaten-linked`: best of neither passage, and a passage of the pair is linked to another partner (a one-to-many
  link `second_partners` did not add; the reason it refused is counted apart); `beaten-unlinked`: best of neither,
  neither passage linked (its passages' best partners are elsewhere but not linked either).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from math import fsum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdiff.text.alignment import calibrate, engine  # noqa: E402
from newsdiff.text.alignment.calibrate import (  # noqa: E402
    bars, best_partners, adds_to_best, background_terms, background_only, distinct_names, lopsided, names_only,
    select, speaker_only, two_statements,
)
from newsdiff.text.alignment.candidates import PARAPHRASE_COSINE, candidate_pairs  # noqa: E402
from newsdiff.text.alignment.combine import bonus_for, combine, needed_signals, weights_for  # noqa: E402
from newsdiff.text.alignment.context import build_context  # noqa: E402
from newsdiff.text.alignment.labels import has_cue, has_schedule_cue  # noqa: E402
from newsdiff.text.alignment.signals import SIGNALS  # noqa: E402
from newsdiff.text.alignment.terms import VOCABULARY, analyse  # noqa: E402
from newsdiff.text.align import align  # noqa: E402
from tests.text.gold_scoring import _lines, ecb_is_dev, ecb_passages, load_ecbplus  # noqa: E402


def engine_state(pa, pb):
    """Repeat engine.align's scoring; return what select() sees."""
    side_a, side_b = analyse(pa), analyse(pb)
    from newsdiff.text.semantic import shipped_scorer

    scorer = shipped_scorer(side_a.language, side_b.language)
    ctx = build_context(side_a, side_b, scorer)
    pairs = sorted(candidate_pairs(ctx))
    weights = weights_for(scorer=True, cross_language=False)
    bonus = bonus_for(scorer=True, cross_language=False)
    values = {name: SIGNALS[name].scores(ctx, pairs) for name in needed_signals(weights, bonus)}
    scores = dict(zip(pairs, combine(values, weights, bonus)))
    calibration = dict(zip(pairs, combine(values, weights)))
    verbatim = {p for p, v in zip(pairs, values["verbatim"]) if v}
    cosines = dict(zip(pairs, SIGNALS["semantic"].scores(ctx, pairs)))
    lifted = {p for p, v in zip(pairs, values["semantic_lift"]) if v > 0}
    r, c = best_partners(cosines)
    nearest = {(i, j) for i, (_, j) in r.items() if c[j][1] == i}
    vouched = {(i, j) for (i, j) in nearest if cosines[(i, j)] >= PARAPHRASE_COSINE and (i, j) in lifted}
    for p in vouched:
        scores[p] = max(scores[p], engine.PARAPHRASE_SCORE)
    relatedness = ctx.document_cosine()
    args = (ctx, scores, verbatim, lambda i, j: has_cue(ctx, i, j), vouched, calibration,
            lambda i, j: has_schedule_cue(ctx, i, j))
    kw = dict(cosines=cosines, relatedness=relatedness)
    saved = calibrate.drop_background
    calibrate.drop_background = lambda ctx, chosen, *a, **k: chosen
    try:
        predrop = set(select(*args, **kw))
    finally:
        calibrate.drop_background = saved
    return dict(ctx=ctx, scores=scores, calibration=calibration, verbatim=verbatim, cosines=cosines,
                vouched=vouched, relatedness=relatedness, predrop=predrop, values=dict(zip(pairs, zip(
                    values["terms"], values["fuzz"], values["semantic_lift"]))))


def drop_reason(st, i, j) -> str:
    ctx, scores = st["ctx"], st["scores"]
    shared = ctx.a.terms[i] & ctx.b.terms[j]
    background = background_terms(ctx)
    if background and background_only(ctx.weight, shared, background):
        return "dropped-background"
    rel = st["relatedness"]
    if rel < calibrate.DISTINCT_COSINE and scores[(i, j)] < calibrate.DISTINCT_SCORE:
        all_a, all_b = frozenset().union(*ctx.a.terms), frozenset().union(*ctx.b.terms)
        if distinct_names(ctx, i, j, all_a, all_b):
            return "dropped-distinct"
    if lopsided(ctx) and names_only(ctx, i, j, shared):
        return "dropped-names"
    return "dropped-?"


def classify(st, gold: set, linked_a: dict, linked_b: dict) -> tuple[str, tuple, str]:
    """The class of a missed gold link, the pair that decided it, and a detail."""
    ctx, scores, cal = st["ctx"], st["scores"], st["calibration"]
    cands = [p for p in gold if p in scores]
    if not cands:
        return "no-candidate", min(gold), ""
    dropped = [p for p in cands if p in st["predrop"]]
    if dropped:
        p = max(dropped, key=scores.get)
        return drop_reason(st, *p), p, ""
    row, col = best_partners(scores)
    bar = bars(ctx, *best_partners(cal))
    best_side = [p for p in cands if row[p[0]][1] == p[1] or col[p[1]][1] == p[0]]
    weight = ctx.weight
    numbers = VOCABULARY.numbers
    if best_side:
        i, j = p = max(best_side, key=scores.get)
        s = scores[p]
        is_row, is_col = row[i][1] == j, col[j][1] == i
        shared = ctx.a.terms[i] & ctx.b.terms[j]
        words = len(shared) - 0.5 * len(shared & numbers)
        enough = p in st["vouched"] or (words >= calibrate.MIN_SHARED_TERMS
                                        and fsum(map(weight.__getitem__, shared)) >= calibrate.MIN_SHARED_WEIGHT)
        needed = bar.mutual if is_row and is_col else bar.one_sided
        detail = f"s={s:.3f} need={needed:.3f}"
        if s < needed:
            return ("under-bar-mutual" if is_row and is_col else "under-bar-one-sided"), p, detail
        if not enough:
            return "too-few-shared", p, detail
        if not (is_row and is_col) and not adds_to_best(ctx, i, j, shared, row, col, is_row, st["cosines"]):
            return "repeats-best", p, detail
        if st["relatedness"] < calibrate.RELATED_COSINE and s < calibrate.UNRELATED_BAR:
            return "unrelated-bar", p, detail
        if speaker_only(shared, ctx.a.quoted[i], ctx.b.quoted[j]) or two_statements(ctx, i, j, shared):
            return "speaker", p, detail
        return "best-?", p, detail
    i, j = p = max(cands, key=scores.get)
    s = scores[p]
    if i in linked_a or j in linked_b:
        # Why second_partners refused it.
        why = []
        if cal[p] < calibrate.SECOND_FLOOR:
            why.append("floor")
        ratio_ok = (i in linked_a and s >= calibrate.SECOND_RATIO * row[i][0]) or (
            j in linked_b and s >= calibrate.SECOND_RATIO * col[j][0])
        if not ratio_ok:
            why.append("ratio")
        c = st["cosines"][p]
        rank_a = sum(v > c for (x, _), v in st["cosines"].items() if x == i)
        rank_b = sum(v > c for (_, y), v in st["cosines"].items() if y == j)
        if min(rank_a if i in linked_a else 99, rank_b if j in linked_b else 99) >= calibrate.SECOND_RANK:
            why.append("rank")
        refused = "+".join(why) or "new/other"
        return "beaten-linked", p, f"s={s:.3f} best={max(row[i][0], col[j][0]):.3f} refused={refused}"
    return "beaten-unlinked", p, f"s={s:.3f} best_a={row[i][0]:.3f} best_b={col[j][0]:.3f} bar={bar.mutual:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", default="", help="print the missed links of this class")
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    counts: Counter = Counter()
    refused: Counter = Counter()
    total = found = 0
    shown = 0
    for pair in load_ecbplus():
        if not ecb_is_dev(pair) or pair["kind"] != "same_event":
            continue
        (pa, sa), (pb, sb) = ecb_passages(pair["a"]["text"]), ecb_passages(pair["b"]["text"])
        result = align(pa, pb)
        made = {(i, j) for link in result.links for i in link.a for j in link.b}
        linked_a, linked_b = defaultdict(list), defaultdict(list)
        for i, j in made:
            linked_a[i].append(j)
            linked_b[j].append(i)
        st = None
        for link in pair["links"]:
            gold = {(i, j) for i in _lines(sa, link["a"]) for j in _lines(sb, link["b"])}
            total += 1
            if gold & made:
                found += 1
                continue
            st = st or engine_state(pa, pb)
            cls, p, detail = classify(st, gold, linked_a, linked_b)
            counts[cls] += 1
            if cls == "beaten-linked":
                refused[detail.split("refused=")[1]] += 1
            if args.list and cls.startswith(args.list) and shown < args.limit:
                shown += 1
                i, j = p
                ctx = st["ctx"]
                t, f, lift = st["values"].get(p, (0, 0, 0))
                print(f"[{cls}] {pair['id']} a{i}-b{j} {detail} terms={t:.3f} fuzz={f:.2f} lift={lift:.2f} "
                      f"cos={st['cosines'].get(p, 0):.2f} links a{i}->{linked_a.get(i)} b{j}<-{linked_b.get(j)} "
                      f"gold={len(gold)} pairs")
                print("   A:", pa[i].text[:220])
                print("   B:", pb[j].text[:220])
                for k in linked_a.get(i, [])[:2]:
                    print(f"   b{k} (linked to A):", pb[k].text[:160])
                for k in linked_b.get(j, [])[:2]:
                    print(f"   a{k} (linked to B):", pa[k].text[:160])
    print(f"gold links {total}, found {found} ({found / total:.3f}), missed {total - found}")
    for cls, n in counts.most_common():
        print(f"  {cls:22} {n:5d}")
    if refused:
        print("beaten-linked, why second_partners refused:", dict(refused.most_common()))


if __name__ == "__main__":
    main()
