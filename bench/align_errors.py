"""The engine's links on the development golds, each with the rule that made it and its signals: where false links come from.

Run: .venv/bin/python bench/align_errors.py [--list false|unique|all] [--only NAME] [--csv PATH]

Dev golds only (by construction it never reads a held-out pair's alignment): the seed, the demo, every
tests/text/gold/real/*.json marked "split": "dev" (English), and ECB+'s odd topics (same-event pairs and
the different-event precision check). Each link of `align()` is traced through the engine's steps
(`trace`, which repeats engine.align's selection and is checked against it) and tagged with:

- the rule that chose it: `always` (score >= ALWAYS), `verbatim`, `mutual` / `row` / `col` (best of both /
  only its a passage's / only its b passage's partners, at the bar), `cue` (mutual best at CUE_FLOOR with a
  conflict cue), `schedule` (the schedule cue), `second` (a further partner of a linked passage,
  calibrate.second_partners), `nearest-cue` (labels.nearest_cue_links), `quantity` (conflicting.conflict_partners:
  two figures, and the cue-backed partners), and `+vouched` when
  the sentence model vouched for it;
- its score, the lexical score (terms, fuzz), cosine and lift, the bars, and its margin over the passage's
  second-best partner (on the side(s) where it is best);
- what the two passages share (words, numbers, words the language does not know: names), how many links each
  of its passages has, and whether the baseline links the same pair;
- the verdict by the gold: `true` (on a gold link), `false` (off gold and judged), `ok` (acceptable / unjudged),
  and `eats` when it links a gold-unique passage.

Summary tables count links per rule and verdict; `--list` prints the false links (or those eating uniques).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.align_quality import snippet_golds  # noqa: E402
from newsdiff.text.align import Alignment, Link, align  # noqa: E402
from newsdiff.text.alignment import engine  # noqa: E402
from newsdiff.text.alignment.calibrate import bars, best_partners, select  # noqa: E402
from newsdiff.text.alignment.candidates import PARAPHRASE_COSINE, candidate_pairs  # noqa: E402
from newsdiff.text.alignment.combine import bonus_for, combine, needed_signals, weights_for  # noqa: E402
from newsdiff.text.alignment.context import build_context  # noqa: E402
from newsdiff.text.alignment.conflicting import conflict_partners  # noqa: E402
from newsdiff.text.alignment.labels import has_cue, has_schedule_cue, nearest_cue_links  # noqa: E402
from newsdiff.text.alignment.signals import SIGNALS  # noqa: E402
from newsdiff.text.alignment.terms import VOCABULARY, analyse  # noqa: E402
from tests.text.gold_scoring import (  # noqa: E402
    Tally, _lines, baseline_align, ecb_is_dev, ecb_passages, find, load_ecbplus, score_ecbplus, score_snippet_gold,
)


@dataclass
class Traced:
    """One link with the rule that made it and its evidence."""

    gold: str
    i: int  # passage indices in the account
    j: int
    rule: str
    score: float
    lexical: float
    terms: float
    fuzz: float
    cosine: float
    lift: float
    bar_mutual: float
    bar_one: float
    margin: float  # score minus the second best of the side(s) where it is best (the smaller)
    is_row: bool = False  # the best partner of its a passage
    is_col: bool = False  # the best partner of its b passage
    best_a: float = 0.0  # the best score of its a passage (any partner)
    best_b: float = 0.0  # the best score of its b passage
    held_a: float = 0.0  # the share of the a passage's term weight the b passage holds
    held_b: float = 0.0  # the share of the b passage's term weight the a passage holds
    rank_a: int = 0  # the pair's rank among its a passage's partners (1 = best)
    rank_b: int = 0  # ... among its b passage's partners
    hub_a: int = 0  # b passages whose best partner is its a passage
    hub_b: int = 0  # a passages whose best partner is its b passage
    crank_a: int = 0  # the b passage's rank among all b passages by the model's cosine to the a passage (0: no model)
    crank_b: int = 0  # the a passage's rank among all a passages by cosine to the b passage
    cgap_a: float = 0.0  # the a passage's best cosine minus this pair's
    cgap_b: float = 0.0
    level: float = 0.0  # the comparison's median cosine
    novel: float = 1.0  # one-sided links: the share of the shared weight the other passage's best partner does not hold
    rival_cos: float = 0.0  # one-sided links: the cosine of the other passage with its best partner
    len_a: int = 0  # content terms of each passage
    len_b: int = 0
    shared: list[str] = field(default_factory=list)
    numbers: int = 0
    names: int = 0  # shared words the language's frequency list does not know
    shared_weight: float = 0.0
    degree_a: int = 0
    degree_b: int = 0
    baseline: bool = False
    verdict: str = ""
    eats: bool = False
    unique_a: bool = False  # its a passage is gold-unique
    unique_b: bool = False
    text_a: str = ""
    text_b: str = ""


def alignable(passages) -> list[int]:
    """The indices of the passages the engine aligns."""
    return [k for k, p in enumerate(passages) if p.kind in ("claim", "quote")]


def novelty(ctx, i: int, j: int, is_row: bool, is_col: bool, row: dict, col: dict) -> float:
    """For a pair best on one side only: the share of its shared weight that the other passage's best partner lacks."""
    if is_row == is_col:
        return 1.0
    shared = ctx.a.terms[i] & ctx.b.terms[j]
    rival = ctx.b.terms[row[i][1]] if is_col else ctx.a.terms[col[j][1]]
    total = sum(ctx.weight[t] for t in shared)
    return sum(ctx.weight[t] for t in shared - rival) / total if total else 0.0


def trace(a, b, language: str = "en") -> tuple[list[Traced], set[tuple[int, int]]]:
    """Repeat engine.align's steps and return each chosen pair with the rule that chose it (account indices)."""
    side_a = analyse(a, language=language)
    side_b = analyse(b, language=language)
    from newsdiff.text.semantic import shipped_scorer

    scorer = shipped_scorer(side_a.language, side_b.language)
    if scorer is not None and len(side_a.texts) + len(side_b.texts) > engine.SEMANTIC_MAX_PASSAGES:
        scorer = None
    ctx = build_context(side_a, side_b, scorer)
    if not side_a.terms or not side_b.terms:
        return [], set()
    pairs = sorted(candidate_pairs(ctx))
    weights = weights_for(scorer=scorer is not None, cross_language=False)
    bonus = bonus_for(scorer=scorer is not None, cross_language=False)
    names = needed_signals(weights, bonus)
    values = {name: SIGNALS[name].scores(ctx, pairs) for name in names}
    scores = dict(zip(pairs, combine(values, weights, bonus)))
    calibration = dict(zip(pairs, combine(values, weights))) if bonus else dict(scores)
    verbatim = {p for p, v in zip(pairs, values["verbatim"]) if v}
    cosines = dict(zip(pairs, SIGNALS["semantic"].scores(ctx, pairs))) if scorer is not None else {}
    lift = dict(zip(pairs, values.get("semantic_lift", [0.0] * len(pairs))))
    vouched = set()
    nearest: set = set()  # the model's mutual nearest pairs
    if scorer is not None:
        lifted = {p for p, v in lift.items() if v > 0}
        r, c = best_partners(cosines)
        nearest = {(i, j) for i, (_, j) in r.items() if c[j][1] == i}
        vouched = {(i, j) for (i, j) in nearest if cosines[(i, j)] >= PARAPHRASE_COSINE and (i, j) in lifted}
        for p in vouched:
            scores[p] = max(scores[p], engine.PARAPHRASE_SCORE)
    terms = dict(zip(pairs, values["terms"]))
    fuzzes = dict(zip(pairs, values["fuzz"]))
    row, col = best_partners(scores)
    bar = bars(ctx, *best_partners(calibration))
    second_row: dict[int, float] = defaultdict(float)
    second_col: dict[int, float] = defaultdict(float)
    for (i, j), s in scores.items():
        if row[i][1] != j:
            second_row[i] = max(second_row[i], s)
        if col[j][1] != i:
            second_col[j] = max(second_col[j], s)
    by_row: dict[int, list[float]] = defaultdict(list)
    by_col: dict[int, list[float]] = defaultdict(list)
    for (i, j), s in scores.items():
        by_row[i].append(s)
        by_col[j].append(s)
    hubs_a = Counter(c[1] for c in col.values())
    hubs_b = Counter(r[1] for r in row.values())
    matrix = None
    if scorer is not None:
        va, vb = ctx.vectors()
        matrix = va @ vb.T
    why: dict[tuple[int, int], str] = {}
    chosen = select(ctx, scores, verbatim, lambda i, j: has_cue(ctx, i, j), vouched, calibration if bonus else None,
                    lambda i, j: has_schedule_cue(ctx, i, j), why=why, cosines=cosines or None,
                    relatedness=ctx.document_cosine() if scorer is not None else None)
    for pair in nearest_cue_links(ctx, scores, chosen, nearest):
        why[pair] = "nearest-cue"  # labels.nearest_cue_links: the model's mutual nearest pair with a quantity cue
    for pair in conflict_partners(ctx, scores, calibration, set(why), cosines):
        why[pair] = "quantity"  # conflicting.conflict_partners: two values of one quantity about one thing
    out = []
    for (i, j), rule in why.items():
        s = scores[(i, j)]
        is_row, is_col = row[i][1] == j, col[j][1] == i
        shared = ctx.a.terms[i] & ctx.b.terms[j]
        if (i, j) in vouched:
            rule += "+vouched"
        margins = []
        if is_row:
            margins.append(s - second_row[i])
        if is_col:
            margins.append(s - second_col[j])
        words_a = ctx.a.words[i]
        shared_words = sorted((words_a[t] for t in shared), key=lambda w: -ctx.weight[ctx.a.vocabulary.term(w)])
        out.append(Traced(
            gold="", i=side_a.indices[i], j=side_b.indices[j], rule=rule, score=s, lexical=calibration[(i, j)],
            terms=terms[(i, j)], fuzz=fuzzes[(i, j)], cosine=cosines.get((i, j), 0.0), lift=lift[(i, j)],
            bar_mutual=bar.mutual, bar_one=bar.one_sided, margin=min(margins) if margins else 0.0,
            is_row=is_row, is_col=is_col, best_a=row[i][0], best_b=col[j][0],
            held_a=sum(ctx.weight[t] for t in shared) / (ctx.norm_a[i] or 1.0),
            held_b=sum(ctx.weight[t] for t in shared) / (ctx.norm_b[j] or 1.0),
            len_a=len(ctx.a.terms[i]), len_b=len(ctx.b.terms[j]),
            rank_a=1 + sum(v > s for v in by_row[i]), rank_b=1 + sum(v > s for v in by_col[j]),
            hub_a=hubs_a[i], hub_b=hubs_b[j],
            crank_a=int((matrix[i] > matrix[i, j]).sum()) + 1 if matrix is not None else 0,
            crank_b=int((matrix[:, j] > matrix[i, j]).sum()) + 1 if matrix is not None else 0,
            cgap_a=float(matrix[i].max() - matrix[i, j]) if matrix is not None else 0.0,
            cgap_b=float(matrix[:, j].max() - matrix[i, j]) if matrix is not None else 0.0,
            level=ctx.cosine_level() if matrix is not None else 0.0,
            novel=novelty(ctx, i, j, is_row, is_col, row, col),
            rival_cos=(float(matrix[col[j][1], j] if is_row else matrix[i, row[i][1]])
                       if matrix is not None and is_row != is_col else 0.0),
            shared=shared_words, numbers=len(shared & VOCABULARY.numbers),
            names=sum(1 for t in shared if t not in VOCABULARY.numbers
                      and ctx.a.vocabulary.rarity.get(words_a[t], 1.0) >= 1.0 and not words_a[t].isdigit()),
            shared_weight=sum(ctx.weight[t] for t in shared),
            text_a=ctx.a.texts[i], text_b=ctx.b.texts[j]))
    degree_a = Counter(t.i for t in out)
    degree_b = Counter(t.j for t in out)
    for t in out:
        t.degree_a, t.degree_b = degree_a[t.i], degree_b[t.j]
    return out, {(t.i, t.j) for t in out}


def check(a, b, chosen: set[tuple[int, int]], language: str) -> None:
    """Fail loudly when the trace and align() disagree (the engine changed under this script)."""
    result = align(a, b, language_a=language)
    made = {(i, j) for link in result.links for i in link.a for j in link.b}
    if made != chosen:
        raise SystemExit(f"trace differs from align(): {sorted(made ^ chosen)[:5]}")


def judge_snippet(name, a, b, gold, traced: list[Traced]) -> set[tuple[int, int]]:
    """Set each link's verdict from a snippet gold; return the pairs the baseline links."""

    def pairs(entry):
        ia = set().union(*(find(a, s) for s in entry["a"]))
        ib = set().union(*(find(b, s) for s in entry["b"]))
        return {(i, j) for i in ia for j in ib}

    required = set().union(*(pairs(e) for e in gold["links"]))
    acceptable = set().union(*(pairs(e) for e in gold.get("acceptable", [])))
    unique_a = set().union(*(find(a, s) for s in gold["unique"]["a"]))
    unique_b = set().union(*(find(b, s) for s in gold["unique"]["b"]))
    base = {(i, j) for link in baseline_align(a, b).links for i in link.a for j in link.b}
    for t in traced:
        t.gold = name
        t.baseline = (t.i, t.j) in base
        t.verdict = "true" if (t.i, t.j) in required else ("ok" if (t.i, t.j) in acceptable else "false")
        t.unique_a, t.unique_b = t.i in unique_a, t.j in unique_b
        t.eats = t.unique_a or t.unique_b
    return base


def judge_ecb(pair, traced: list[Traced], spans_a, spans_b, base: set) -> None:
    """Set each link's verdict from an ECB+ pair (a pair touching an unjudged line is "ok")."""
    required = set()
    for link in pair["links"]:
        required |= {(i, j) for i in _lines(spans_a, link["a"]) for j in _lines(spans_b, link["b"])}
    judged_a, judged_b = _lines(spans_a, pair["judged"]["a"]), _lines(spans_b, pair["judged"]["b"])
    unique_a, unique_b = _lines(spans_a, pair["unique"]["a"]), _lines(spans_b, pair["unique"]["b"])
    for t in traced:
        t.gold = f"ecb {pair['id']}"
        t.baseline = (t.i, t.j) in base
        if (t.i, t.j) in required:
            t.verdict = "true"
        elif t.i in judged_a and t.j in judged_b:
            t.verdict = "false"
        else:
            t.verdict = "ok"
        t.unique_a, t.unique_b = t.i in unique_a, t.j in unique_b
        t.eats = t.unique_a or t.unique_b


@dataclass
class Case:
    """One dev gold's traced links and how to score any subset of them (for trying a pruning rule offline)."""

    group: str
    links: list[Traced]
    score: Callable[[Alignment], Tally]
    alignable_a: list[int]
    alignable_b: list[int]
    baseline: set[tuple[int, int]] = field(default_factory=set)  # the pairs the baseline links

    def tally(self, keep: Callable[[Traced], bool] = lambda t: True) -> Tally:
        """Score the links `keep` accepts, as align() would report them (the rest of the passages unique)."""
        kept = [t for t in self.links if keep(t)]
        linked_a, linked_b = {t.i for t in kept}, {t.j for t in kept}
        return self.score(Alignment([Link(a=[t.i], b=[t.j], score=0.0, label="match") for t in kept],
                                    [k for k in self.alignable_a if k not in linked_a],
                                    [k for k in self.alignable_b if k not in linked_b]))


def dev_cases(only: str = "") -> list[Case]:
    """Trace every dev gold (snippet golds, the s18 set, ECB+ odd topics of both kinds)."""
    cases = []
    for name, split, a, b, gold in snippet_golds():
        if split != "dev" or gold.get("language", "en") != "en" or (only and only != name):
            continue
        traced, chosen = trace(a, b)
        check(a, b, chosen, "en")
        base = judge_snippet(name, a, b, gold, traced)
        cases.append(Case("s18" if "was_heldout" in gold else "snippet", traced,
                          lambda r, a=a, b=b, g=gold: score_snippet_gold(a, b, r, g), alignable(a), alignable(b), base))
    if only and not only.startswith("ecb"):
        return cases
    for pair in load_ecbplus():
        if not ecb_is_dev(pair):
            continue
        (pa, sa), (pb, sb) = ecb_passages(pair["a"]["text"]), ecb_passages(pair["b"]["text"])
        traced, chosen = trace(pa, pb)
        base = {(i, j) for link in baseline_align(pa, pb).links for i in link.a for j in link.b}
        judge_ecb(pair, traced, sa, sb, base)
        cases.append(Case("ecb" if pair["kind"] == "same_event" else "ecb-diff", traced,
                          lambda r, p=pair, sa=sa, sb=sb: score_ecbplus(p, r, sa, sb), alignable(pa), alignable(pb),
                          base))
    return cases


def dev_links(only: str = "") -> dict[str, list[Traced]]:
    """Trace every dev gold; return the links per group (snippet, s18, ecb, ecb-diff)."""
    groups: dict[str, list[Traced]] = defaultdict(list)
    for case in dev_cases(only):
        groups[case.group].extend(case.links)
    return groups


def figures(cases: list[Case], keep: Callable[[Traced], bool] = lambda t: True) -> dict[str, dict]:
    """Recall, precision and uniques kept per group when only the links `keep` accepts are kept."""
    totals: dict[str, Tally] = defaultdict(Tally)
    for case in cases:
        totals[case.group].add(case.tally(keep))
    return {group: tally.figures() for group, tally in totals.items()}


def summary(groups: dict[str, list[Traced]]) -> None:
    """Print, per group, links by rule and verdict, and the medians of a few signals for true vs false."""
    for group, links in groups.items():
        print(f"\n== {group}: {len(links)} links")
        by_rule: dict[str, Counter] = defaultdict(Counter)
        for t in links:
            by_rule[t.rule][t.verdict] += 1
            by_rule[t.rule]["eats"] += t.eats
            by_rule[t.rule]["baseline"] += t.baseline
        print(f"{'rule':18} {'links':>6} {'true':>6} {'false':>6} {'ok':>6} {'eats':>6} {'in base':>7}")
        for rule, c in sorted(by_rule.items(), key=lambda kv: -sum(kv[1][v] for v in ("true", "false", "ok"))):
            n = c["true"] + c["false"] + c["ok"]
            print(f"{rule:18} {n:6d} {c['true']:6d} {c['false']:6d} {c['ok']:6d} {c['eats']:6d} {c['baseline']:7d}")
        for verdict in ("true", "false"):
            sel = [t for t in links if t.verdict == verdict]
            if not sel:
                continue
            med = {k: statistics.median(getattr(t, k) for t in sel)
                   for k in ("score", "lexical", "terms", "fuzz", "cosine", "margin", "shared_weight")}
            multi = sum(t.degree_a > 1 or t.degree_b > 1 for t in sel)
            only_names = sum(len(t.shared) - t.numbers - t.names <= 0 for t in sel)
            print(f"  {verdict:5} n={len(sel):4d} " + " ".join(f"{k}={v:.3f}" for k, v in med.items())
                  + f" one-to-many={multi} names/numbers-only={only_names}")


def listing(groups: dict[str, list[Traced]], what: str) -> None:
    """Print the chosen links one per block."""
    for group, links in groups.items():
        for t in links:
            if what == "false" and t.verdict != "false":
                continue
            if what == "unique" and not (t.eats and t.verdict != "true"):
                continue
            print(f"[{group}] {t.gold} a{t.i}-b{t.j} {t.verdict}{' eats' if t.eats else ''} rule={t.rule} "
                  f"s={t.score:.3f} lex={t.lexical:.3f} terms={t.terms:.3f} fuzz={t.fuzz:.2f} cos={t.cosine:.2f} "
                  f"lift={t.lift:.2f} bars={t.bar_mutual:.2f}/{t.bar_one:.2f} margin={t.margin:.3f} "
                  f"deg={t.degree_a}/{t.degree_b} base={'Y' if t.baseline else 'n'} "
                  f"shared={','.join(t.shared[:6])} (num {t.numbers}, names {t.names}, w {t.shared_weight:.2f})")
            print(f"    A: {t.text_a[:160]}")
            print(f"    B: {t.text_b[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", choices=("false", "unique", "all"), default="")
    parser.add_argument("--only", default="", help="one snippet gold by name, or 'ecb' for ECB+ only")
    parser.add_argument("--csv", default="", help="write every traced link to this CSV file")
    args = parser.parse_args()
    groups = dev_links(args.only)
    summary(groups)
    if args.list:
        listing(groups, args.list)
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            fields = [k for k in Traced.__dataclass_fields__ if k not in ("text_a", "text_b")]
            writer = csv.DictWriter(f, fieldnames=fields + ["group"])
            writer.writeheader()
            for group, links in groups.items():
                for t in links:
                    row = {k: getattr(t, k) for k in fields}
                    row["shared"] = " ".join(t.shared)
                    row["group"] = group
                    writer.writerow(row)


if __name__ == "__main__":
    main()
