"""Align the passages of two accounts of one event: the public entry point of `newsdiff.text.alignment`.

The engine is a package of replaceable parts (`newsdiff.text.alignment`): terms (Snowball stems as
integer ids, wordfreq rarity), candidates (exhaustive or prefix blocking), signals (weighted terms
sentence by sentence, rapidfuzz token_set_ratio, verbatim containment; a registry), their
combination, calibration (a per-comparison relative bar held between absolute floors and ceilings)
and labels (a "possible conflict" only with a cue about what the passages share, `cues`).

Figures (bench/align_quality.py, 2026-11-29; tuned on the dev halves only), engine vs the issue's
baseline (regex sentences, mutual best token_set_ratio >= 60):

    gold                          link recall  precision    uniques kept  conflicts found  conflict prec.
    real pairs, held-out (5)      0.76 / 0.74  0.92 / 0.97  0.96 / 0.97    0.82              0.82
    real + seed + demo, dev (7)   0.79 / 0.62  0.94 / 0.90  0.94 / 0.99    0.77              0.91
    ECB+ held-out (345 pairs)     0.62 / 0.45  0.95 / 0.97  0.62 / 0.73      -               (5-6% of links
    ECB+ dev (336 pairs)          0.67 / 0.50  0.93 / 0.92  0.65 / 0.71      -                labelled)
    seed pair                     0.44 / 0.11  0.80 / 0.50  0.78 / 1.00    0.00              -

Before this engine (hand word families, one-sided negation cue): real held-out 0.56 / 0.94 / 0.96,
conflicts found 0.45 at precision 0.42; ECB+ held-out 0.57 / 0.95 / 0.61 with 20% of links labelled
conflict, all false; seed 0.67 / 1.00 / 1.00 (docs/alignment-quality.md has every row).
The seed's paraphrases ("very productive" / "went extremely well", "will speak again soon" /
"regular communication") share no word: lexical signals cannot link them; an embedding signal can
be added to `signals.SIGNALS`. 5,000 x 5,000 passages: 0.65-1.1 s CPU after the first call, on a
shared machine (bench/align_bench.py).
"""

from newsdiff.text.alignment import Alignment, Link, PassageLike, align

__all__ = ["Alignment", "Link", "PassageLike", "align"]
