"""Agreement between reviewers: Cohen's kappa over the items both labelled."""

from collections import Counter
from collections.abc import Mapping


def cohen_kappa(labels_a: Mapping, labels_b: Mapping) -> tuple[float | None, int]:
    """Return (kappa, items both labelled); kappa is None when fewer than two items are shared."""
    shared = [key for key in labels_a if key in labels_b]
    n = len(shared)
    if n < 2:
        return None, n
    observed = sum(labels_a[key] == labels_b[key] for key in shared) / n
    counts_a = Counter(labels_a[key] for key in shared)
    counts_b = Counter(labels_b[key] for key in shared)
    expected = sum(counts_a[label] * counts_b[label] for label in counts_a) / (n * n)
    if expected == 1:
        # Both reviewers used one and the same label throughout: perfect, if trivial, agreement.
        return (1.0 if observed == 1 else 0.0), n
    return (observed - expected) / (1 - expected), n
