"""Stand-ins for the alignment tests."""

from __future__ import annotations


class FixedScorer:
    """A stand-in sentence model: each text's vector is given."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors

    def embed(self, texts):
        import numpy as np

        rows = np.asarray([self.vectors[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)
