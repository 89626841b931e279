"""The build script's verification: mean pooling, cosine matrix and the reference check (no torch needed)."""

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("build_static_model", ROOT / "tools" / "build_static_model.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def test_mean_pooling_ignores_padding():
    tokens = np.array([[[1.0, 0.0], [3.0, 2.0], [100.0, 100.0]]])  # the third token is padding
    mask = np.array([[1, 1, 0]])
    assert build.mean_pool(tokens, mask).tolist() == [[2.0, 1.0]]


def test_reference_check_passes_on_the_expected_matrix_and_names_what_differs():
    sims = np.eye(3)
    for (i, j), value in build.REFERENCE_SIMILARITIES.items():
        sims[i, j] = sims[j, i] = value
    assert build.reference_failures(sims) == []
    sims[0, 1] += 0.01  # a different model (or another pooling) misses by more than the tolerance
    failures = build.reference_failures(sims)
    assert len(failures) == 1 and "sentences 0 and 1" in failures[0] and "0.6660" in failures[0]


def test_cosine_matrix_of_pooled_vectors():
    vectors = build.mean_pool(np.array([[[1.0, 0.0]], [[0.0, 2.0]], [[3.0, 3.0]]]), np.ones((3, 1)))
    sims = build.cosine_matrix(vectors)
    assert sims[0, 1] == pytest.approx(0.0) and sims[0, 2] == pytest.approx(2 ** -0.5)
    assert np.allclose(np.diag(sims), 1.0)


def test_sha256_of_a_file(tmp_path):
    path = tmp_path / "x"
    path.write_bytes(b"abc")
    assert build.sha256_of(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_the_shipped_model_records_its_verified_provenance():
    provenance = json.loads((ROOT / "newsdiff" / "text" / "models" / "minilm-static-en" / "provenance.json")
                            .read_text(encoding="utf-8"))
    assert provenance["original_weights_sha256"] == build.ORIGINAL_WEIGHTS_SHA256
    measured = {tuple(int(k) for k in key.split("-")): v for key, v in provenance["verification"]["transformer"].items()}
    sims = np.eye(3)
    for (i, j), value in measured.items():
        sims[i, j] = value
    assert build.reference_failures(sims) == []
    shipped = ROOT / "newsdiff" / "text" / "models" / "minilm-static-en" / "model.safetensors"
    assert build.sha256_of(shipped) == provenance["files_sha256"]["model.safetensors"]
