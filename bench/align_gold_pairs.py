"""Each gold link of a development snippet gold, as the engine sees it: scores, ranks, and why it is or is not linked.

Run: .venv/bin/python bench/align_gold_pairs.py [--only NAME] [--missed]

Dev golds only (the seed, the demo and the real pairs marked "split": "dev"; held-out pairs are skipped before any
alignment). Per gold pair of passages: the combined score and the lexical score (`calibration`), its lexical rank
in its a passage's row and its b passage's column, the model's cosine with its rank in row and column, the
comparison's cosine level and bars, the shared terms, and the verdict: the rule that linked it (as
bench/align_errors.py names them) or why `calibrate.select` refuses it (best of neither passage; too few shared
terms; under the mutual / one-sided bar; repeats the other passage's best pair, NEW_SHARE; barely related accounts,
UNRELATED_BAR; shares only who spoke). Session 19 used it on the seed's missed paraphrases
(docs/alignment-quality.md, "Session 19: the seed's paraphrases").
"""

from __future__ import annotations

import argparse
import sys
from math import fsum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.align_quality import snippet_golds  # noqa: E402
from newsdiff.text.align import align  # noqa: E402
from newsdiff.text.alignment import calibrate, engine  # noqa: E402
from newsdiff.text.alignment.calibrate import adds_to_best, bars, best_partners, speaker_only  # noqa: E402
from newsdiff.text.alignment.candidates import PARAPHRASE_COSINE, candidate_pairs  # noqa: E402
from newsdiff.text.alignment.combine import bonus_for, combine, needed_signals, weights_for  # noqa: E402
from newsdiff.text.alignment.context import build_context  # noqa: E402
from newsdiff.text.alignment.signals import SIGNALS  # noqa: E402
from newsdiff.text.alignment.terms import VOCABULARY, analyse  # noqa: E402
from newsdiff.text.semantic import shipped_scorer  # noqa: E402
from tests.text.gold_scoring import find  # noqa: E402


def refusal(ctx, i, j, scores, cosines, bar, relatedness) -> str:
    """Why `select` does not link (i, j) by the bars (the first test it fails), or "" when the bars would link it."""
    row, col = best_partners(scores)
    is_row, is_col = row[i][1] == j, col[j][1] == i
    if not (is_row or is_col):
        return f"best of neither passage (a's best {row[i][0]:.3f}, b's best {col[j][0]:.3f})"
    shared = ctx.a.terms[i] & ctx.b.terms[j]
    words = len(shared) - 0.5 * len(shared & VOCABULARY.numbers)
    weight = fsum(map(ctx.weight.__getitem__, shared))
    if words < calibrate.MIN_SHARED_TERMS or weight < calibrate.MIN_SHARED_WEIGHT:
        return f"too few shared terms ({words:g}, weight {weight:.2f})"
    needed = bar.mutual if is_row and is_col else bar.one_sided
    kind = "mutual" if is_row and is_col else ("row" if is_row else "col")
    if scores[(i, j)] < needed:
        return f"{kind} best under its bar ({scores[(i, j)]:.3f} < {needed:.3f})"
    if not (is_row and is_col or adds_to_best(ctx, i, j, shared, row, col, is_row, cosines)):
        return f"{kind} best repeating the other passage's best pair (NEW_SHARE)"
    if relatedness is not None and relatedness < calibrate.RELATED_COSINE and scores[(i, j)] < calibrate.UNRELATED_BAR:
        return f"barely related accounts (document cosine {relatedness:.3f}), under UNRELATED_BAR"
    if speaker_only(shared, ctx.a.quoted[i], ctx.b.quoted[j]):
        return "shares only who spoke"
    return ""


def report(name, a, b, gold, missed_only: bool) -> None:
    """Print every gold link of one snippet gold."""
    side_a, side_b = analyse(a, language="en"), analyse(b, language="en")
    scorer = shipped_scorer(side_a.language, side_b.language)
    ctx = build_context(side_a, side_b, scorer)
    pairs = sorted(candidate_pairs(ctx))
    weights = weights_for(scorer=scorer is not None, cross_language=False)
    bonus = bonus_for(scorer=scorer is not None, cross_language=False)
    values = {n: SIGNALS[n].scores(ctx, pairs) for n in needed_signals(weights, bonus)}
    scores = dict(zip(pairs, combine(values, weights, bonus)))
    lexical = dict(zip(pairs, combine(values, weights)))
    cosines, matrix, level, relatedness = {}, None, 0.0, None
    if scorer is not None:
        cosines = dict(zip(pairs, SIGNALS["semantic"].scores(ctx, pairs)))
        lifted = {p for p, v in zip(pairs, values["semantic_lift"]) if v > 0}
        r, c = best_partners(cosines)
        for p in ((i, j) for i, (_, j) in r.items() if c[j][1] == i):
            if cosines[p] >= PARAPHRASE_COSINE and p in lifted:
                scores[p] = max(scores[p], engine.PARAPHRASE_SCORE)
        va, vb = ctx.vectors()
        matrix, level, relatedness = va @ vb.T, ctx.cosine_level(), ctx.document_cosine()
    bar = bars(ctx, *best_partners(lexical))
    linked = {(i, j) for link in align(a, b).links for i in link.a for j in link.b}
    at_a = {k: n for n, k in enumerate(side_a.indices)}
    at_b = {k: n for n, k in enumerate(side_b.indices)}
    print(f"== {name}: bars {bar.mutual:.3f} / {bar.one_sided:.3f}, cosine level {level:.3f}, "
          f"document cosine {relatedness if relatedness is None else round(relatedness, 3)}")
    for entry in gold["links"]:
        for pa in sorted(set().union(*(find(a, s) for s in entry["a"]))):
            for pb in sorted(set().union(*(find(b, s) for s in entry["b"]))):
                if missed_only and (pa, pb) in linked:
                    continue
                i, j = at_a[pa], at_b[pb]
                s = scores.get((i, j), 0.0)
                rank_a = 1 + sum(v > s for (x, _), v in scores.items() if x == i)
                rank_b = 1 + sum(v > s for (_, y), v in scores.items() if y == j)
                line = (f"a{pa}-b{pb} {entry['label']}: score {s:.3f} (lexical {lexical.get((i, j), 0.0):.3f}), "
                        f"rank {rank_a} in its a row / {rank_b} in its b column")
                if matrix is not None:
                    cos = matrix[i, j]
                    line += (f"; cosine {cos:.3f} (level + {cos - level:.3f}), rank {int((matrix[i] > cos).sum()) + 1}"
                             f"/{int((matrix[:, j] > cos).sum()) + 1}")
                shared = ctx.a.terms[i] & ctx.b.terms[j]
                words = sorted(ctx.a.words[i][t] for t in shared if t in ctx.a.words[i])
                why = "LINKED" if (pa, pb) in linked else (
                    "not a candidate" if (i, j) not in scores else refusal(ctx, i, j, scores, cosines, bar, relatedness)
                    or "passes the bars but not linked (a cue rule or a later step)")
                print(f"{line}; shares {', '.join(words) or '-'}\n    {why}")
                print(f"    A: {ctx.a.texts[i][:110]}\n    B: {ctx.b.texts[j][:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="one dev snippet gold by name (seed, demo, a real pair)")
    parser.add_argument("--missed", action="store_true", help="only the gold pairs the engine does not link")
    args = parser.parse_args()
    for name, split, a, b, gold in snippet_golds():
        if split != "dev" or (args.only and name != args.only) or name.startswith("es_"):
            continue
        report(name, a, b, gold, args.missed)


if __name__ == "__main__":
    main()
