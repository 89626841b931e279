"""Cost of the semantic scorer: load time, memory and encoding speed of a model2vec static model.

No real model is downloaded here. The script writes a synthetic model of a real model's shape (by default
that of model2vec's potion-multilingual-128M: 500,353 tokens x 256 dimensions, float32) into a temporary
directory, with a word-level tokenizer, then loads it through `newsdiff.text.semantic.load_scorer` and
encodes news sentences. Load time, memory and speed depend on the shape, not on the weights, so these
figures stand for the real model; its quality cannot be measured without it.

    .venv/bin/python bench/semantic_bench.py [--model DIR] [--vocab 500353] [--dim 256] [--passages 5000]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdiff.text.semantic import load_scorer  # noqa: E402

SENTENCES = [
    "La presidenta de México sostuvo el jueves una llamada telefónica con el presidente de Estados Unidos.",
    "The call lasted about ten minutes, a person familiar with it said.",
    "Sheinbaum reiteró que México se opone a las intervenciones militares extranjeras en países soberanos.",
    "Trump said the two leaders would talk again soon and eventually hold meetings in each other's country.",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_model(directory: Path, vocab: int, dim: int) -> None:
    from safetensors.numpy import save_file
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    words = {w for s in SENTENCES for w in s.lower().replace(",", " ").replace(".", " ").split()}
    vocabulary = {"[PAD]": 0, "[UNK]": 1}
    for w in sorted(words):
        vocabulary[w] = len(vocabulary)
    k = 0
    while len(vocabulary) < vocab:
        vocabulary[f"tok{k}"] = len(vocabulary)
        k += 1
    tokenizer = Tokenizer(models.WordLevel(vocab=vocabulary, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.save(str(directory / "tokenizer.json"))
    rng = np.random.default_rng(0)
    save_file({"embeddings": rng.standard_normal((vocab, dim), dtype=np.float32)}, str(directory / "model.safetensors"))
    (directory / "config.json").write_text(json.dumps({"model_type": "model2vec", "hidden_dim": dim, "normalize": True}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="", help="a real model directory instead of a synthetic one")
    parser.add_argument("--vocab", type=int, default=500_353)
    parser.add_argument("--dim", type=int, default=256)
    parser.add_argument("--passages", type=int, default=5000)
    args = parser.parse_args()
    base = rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(args.model) if args.model else Path(tmp)
        if not args.model:
            synthetic_model(directory, args.vocab, args.dim)
        size = sum(p.stat().st_size for p in directory.iterdir() if p.is_file()) / 2**20
        before = rss_mb()
        wall, cpu = time.perf_counter(), time.process_time()
        scorer = load_scorer(directory)
        load_wall, load_cpu = time.perf_counter() - wall, time.process_time() - cpu
        loaded = rss_mb()
        texts = [SENTENCES[k % len(SENTENCES)] + f" ({k})" for k in range(args.passages)]
        wall, cpu = time.perf_counter(), time.process_time()
        vectors = scorer.embed(texts)
        enc_wall, enc_cpu = time.perf_counter() - wall, time.process_time() - cpu
        wall, cpu = time.perf_counter(), time.process_time()
        sims = vectors @ vectors.T
        mat_wall, mat_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"model: {'given ' + args.model if args.model else f'synthetic {args.vocab:,} x {args.dim}'}; files {size:.0f} MB")
    print(f"load:   {load_wall:.2f} s wall, {load_cpu:.2f} s CPU; resident memory +{loaded - before:.0f} MB "
          f"(process peak {loaded:.0f} MB, {base:.0f} MB before numpy work)")
    print(f"encode: {args.passages:,} passages in {enc_wall:.2f} s wall, {enc_cpu:.2f} s CPU "
          f"({1e6 * enc_cpu / args.passages:.0f} µs CPU per passage)")
    print(f"cosine: {args.passages:,} x {args.passages:,} matrix in {mat_wall:.2f} s wall, {mat_cpu:.2f} s CPU "
          f"({sims.nbytes / 2**20:.0f} MB)")


if __name__ == "__main__":
    main()
