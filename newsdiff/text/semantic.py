"""A pluggable semantic scorer: cosine similarity of passages from a local static sentence-embedding model.

The model is a directory in model2vec's static format: `config.json`, `tokenizer.json` (a Hugging Face
`tokenizers` file) and `model.safetensors` holding one float matrix named `embeddings`, one row per
token. A passage's vector is the mean of its tokens' rows, so encoding needs numpy, safetensors and
tokenizers only (no torch): a multilingual model such as model2vec's `potion-multilingual-128M` puts
an English sentence and its Spanish paraphrase close together, which is what lets the engine pair
passages across languages.

Nothing here downloads: a directory that is missing or incomplete gives the "no model" state with a
one-line reason (`ModelStatus`), never a network call (model2vec would otherwise try the Hugging Face
hub for a name that is not a local folder).

An English model ships with the code (`SHIPPED_MODEL_DIR`, 15 MB): a static distillation of
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) made with model2vec's `distill` by
tools/build_static_model.py (its README says where the weights came from and how they were verified).
A directory holding `model.onnx` is read instead as a transformer sentence encoder run by onnxruntime
(`OnnxScorer`, same interface; tools/build_onnx_model.py builds the full all-MiniLM-L6-v2 that way). It
is an experiment an operator can configure, not the default: onnxruntime is not in requirements.txt, and
on the dev golds the full model did not beat the static one enough for its cost (docs/alignment-quality.md).
`scorer_for_pair` picks the scorer of a comparison: the configured directory when there is one, otherwise
the shipped model when both accounts are English (it knows English words only), otherwise none.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

REQUIRED_FILES = ("config.json", "tokenizer.json", "model.safetensors")
ONNX_REQUIRED_FILES = ("config.json", "tokenizer.json", "model.onnx")
SHIPPED_MODEL_DIR = Path(__file__).resolve().parent / "models" / "minilm-static-en"
SHIPPED_MODEL_LANGUAGES = frozenset({"en"})  # the languages the shipped model was trained on


class ModelUnavailable(Exception):
    """The configured model directory cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class ModelStatus:
    """Whether a semantic model is available, and a sentence a reviewer or admin can act on."""

    available: bool
    message: str
    directory: str = ""


NO_MODEL = ModelStatus(False, "No sentence-embedding model is configured (NEWSDIFF_EMBEDDING_MODEL_DIR): "
                              "passages in different languages get no suggestions; link them by hand.")


class SemanticScorer:
    """Cosine similarity between passages, from a loaded static embedding model."""

    def __init__(self, model, directory: str = "") -> None:
        self.model = model
        self.directory = directory
        self._lock = threading.Lock()  # the tokenizer is shared between request threads

    @property
    def dimensions(self) -> int:
        """The length of one passage vector."""
        return int(self.model.dim)

    def embed(self, texts: Sequence[str]):
        """Return one unit-length vector per text (a zero vector for a text with no known token)."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with self._lock:
            vectors = np.asarray(self.model.encode(list(texts), show_progress_bar=False), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)

    def matrix(self, a: Sequence[str], b: Sequence[str]):
        """Return the cosine similarity of every passage of `a` with every passage of `b` (len(a) x len(b))."""
        return self.embed(a) @ self.embed(b).T

    def pair_scores(self, a: Sequence[str], b: Sequence[str], pairs: Sequence[tuple[int, int]]) -> list[float]:
        """Return the cosine similarity of each (i, j) pair, clipped to [0, 1] (opposites are no evidence)."""
        if not pairs:
            return []
        va, vb = self.embed(a), self.embed(b)
        out = []
        for i, j in pairs:
            out.append(max(0.0, min(1.0, float(va[i] @ vb[j]))))
        return out


class OnnxScorer(SemanticScorer):
    """Cosine similarity between passages, from a transformer sentence encoder exported to ONNX.

    The directory (tools/build_onnx_model.py) holds `model.onnx` (the transformer with its pooling:
    inputs `input_ids` and `attention_mask`, output one unit vector per text), the original
    `tokenizer.json` and a `config.json` giving `max_tokens` and `dimensions`. Texts are encoded in
    batches of similar length (sorted by token count), so short passages are not padded to a long one's
    length. onnxruntime runs on one thread: a comparison does not take every core of a shared server.
    """

    BATCH = 32

    def __init__(self, session, tokenizer, config: dict, directory: str = "") -> None:
        super().__init__(None, directory)
        self.session = session
        self.tokenizer = tokenizer
        self.config = config

    @property
    def dimensions(self) -> int:
        return int(self.config["dimensions"])

    def embed(self, texts: Sequence[str]):
        """Return one unit-length vector per text."""
        import numpy as np

        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            encodings = self.tokenizer.encode_batch([str(t) for t in texts])
            order = sorted(range(len(texts)), key=lambda k: len(encodings[k].ids))
            for start in range(0, len(order), self.BATCH):
                rows = order[start:start + self.BATCH]
                width = max(len(encodings[k].ids) for k in rows)
                ids = np.zeros((len(rows), width), dtype=np.int64)
                mask = np.zeros((len(rows), width), dtype=np.int64)
                for r, k in enumerate(rows):
                    n = len(encodings[k].ids)
                    ids[r, :n] = encodings[k].ids
                    mask[r, :n] = 1
                out[rows] = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


def model_format(path: Path) -> str:
    """Return "onnx" for a directory holding model.onnx, else "static" (model2vec's format)."""
    return "onnx" if (path / "model.onnx").is_file() else "static"


def check_directory(directory: str | Path) -> Path:
    """Return the model directory as a Path or raise ModelUnavailable saying what is missing."""
    path = Path(directory).expanduser()
    if not path.is_dir():
        raise ModelUnavailable(f"The sentence-embedding model directory {path} does not exist.")
    required, layout = ((ONNX_REQUIRED_FILES, "an ONNX encoder") if model_format(path) == "onnx"
                        else (REQUIRED_FILES, "model2vec's static format"))
    missing = [name for name in required if not (path / name).is_file()]
    if missing:
        raise ModelUnavailable(f"The sentence-embedding model directory {path} lacks {', '.join(missing)} "
                               f"(expected {layout}).")
    return path


def load_onnx_scorer(path: Path) -> OnnxScorer:
    """Load an ONNX encoder directory (already checked); raise ModelUnavailable if it cannot be used."""
    import json

    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError as exc:  # onnxruntime is not in requirements.txt: an operator installs it
        raise ModelUnavailable(f"{exc.name} is not installed.") from exc
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=int(config.get("max_tokens", 256)))
        tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(path / "model.onnx"), options,
                                               providers=["CPUExecutionProvider"])
        scorer = OnnxScorer(session, tokenizer, config, str(path))
        scorer.embed(["."])  # a damaged graph or a wrong config fails here, not in a request
    except Exception as exc:  # onnxruntime/tokenizers/json raise their own error types on damaged files
        raise ModelUnavailable(f"The sentence-embedding model in {path} cannot be loaded: {exc}".splitlines()[0]) \
            from exc
    return scorer


def load_scorer(directory: str | Path) -> SemanticScorer:
    """Load the model in `directory` (an ONNX encoder or model2vec's static format); raise ModelUnavailable
    if it cannot be used."""
    path = check_directory(directory)
    if model_format(path) == "onnx":
        return load_onnx_scorer(path)
    try:
        from model2vec import StaticModel
    except ImportError as exc:  # pragma: no cover - model2vec is pinned in requirements.txt
        raise ModelUnavailable("model2vec is not installed.") from exc
    try:
        model = StaticModel.from_pretrained(str(path), force_download=False)
    except Exception as exc:  # safetensors/tokenizers raise their own error types on damaged files
        raise ModelUnavailable(f"The sentence-embedding model in {path} cannot be loaded: {exc}".splitlines()[0]) \
            from exc
    return SemanticScorer(model, str(path))


@functools.lru_cache(maxsize=4)
def _cached(directory: str) -> SemanticScorer | ModelStatus:
    try:
        return load_scorer(directory)
    except ModelUnavailable as exc:
        return ModelStatus(False, str(exc), directory)


def scorer_for(directory: str | None) -> SemanticScorer | None:
    """Return the scorer of the configured directory, loaded once per process, or None when there is none."""
    if not directory:
        return None
    found = _cached(str(directory))
    return found if isinstance(found, SemanticScorer) else None


def model_status(directory: str | None) -> ModelStatus:
    """Say whether the configured model can be used, and if not, why (loads it on first call)."""
    if not directory:
        return NO_MODEL
    found = _cached(str(directory))
    if isinstance(found, SemanticScorer):
        return ModelStatus(True, f"Sentence-embedding model: {found.directory} ({found.dimensions} dimensions).",
                           found.directory)
    return found


def shipped_scorer(language_a: str = "en", language_b: str | None = None) -> SemanticScorer | None:
    """Return the shipped English model's scorer when both accounts are in its language, else None."""
    from newsdiff.text.language import base_language

    languages = {base_language(language_a) or "en", base_language(language_b or language_a) or "en"}
    if not languages <= SHIPPED_MODEL_LANGUAGES:
        return None
    return scorer_for(str(SHIPPED_MODEL_DIR))


def scorer_for_pair(directory: str | None, language_a: str = "en", language_b: str | None = None, *,
                    shipped: bool = True) -> SemanticScorer | None:
    """Return the scorer for comparing two accounts.

    The configured model directory wins (an operator's choice, e.g. a multilingual model); without one,
    the shipped English model scores two English accounts unless `shipped` is False.
    """
    if directory:
        return scorer_for(directory)
    return shipped_scorer(language_a, language_b) if shipped else None
