"""Build a tiny model in model2vec's static layout (config.json, tokenizer.json, model.safetensors) for tests.

Each concept has one direction; its English and Spanish words (and an English synonym) share it, so a
sentence and its translation or paraphrase embed close together, as they do in a real multilingual model.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from safetensors.numpy import save_file
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

CONCEPTS = [
    ("call", "llamada", "conversation"), ("president", "presidenta"), ("trade", "comercio"), ("security", "seguridad"),
    ("border", "frontera"), ("fentanyl", "fentanilo"), ("productive", "productiva", "fruitful"), ("minutes", "minutos"),
    ("friday", "viernes"), ("weather", "clima"), ("football", "futbol"), ("speak", "hablar"),
]


def build_tiny_model(directory: Path, *, dim: int = 16) -> Path:
    """Write the three files of a tiny static model into `directory` and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    vocab = {"[PAD]": 0, "[UNK]": 1}
    rows = [np.zeros(dim), np.zeros(dim)]
    rng = np.random.default_rng(7)
    for k, words in enumerate(CONCEPTS):
        base = np.eye(dim)[k % dim] * 3.0
        for word in words:
            vocab[word] = len(vocab)
            rows.append(base + rng.normal(0, 0.1, dim))
    tokenizer = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFD(), normalizers.StripAccents(),
                                                 normalizers.Lowercase()])
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.save(str(directory / "tokenizer.json"))
    save_file({"embeddings": np.asarray(rows, dtype=np.float32)}, str(directory / "model.safetensors"))
    (directory / "config.json").write_text(json.dumps(
        {"model_type": "model2vec", "architectures": ["StaticModel"], "hidden_dim": dim, "normalize": True}))
    return directory
