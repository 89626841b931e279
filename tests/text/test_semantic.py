"""The semantic scorer loads a model2vec-format directory or an ONNX encoder and scores passages by cosine."""

import importlib.util

import numpy as np
import pytest

from newsdiff.text import semantic
from newsdiff.text.semantic import ModelUnavailable, load_scorer, model_status, scorer_for
from tests.text.tiny_model import build_tiny_model


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    return build_tiny_model(tmp_path_factory.mktemp("tiny-model"))


def test_a_translation_scores_higher_than_an_unrelated_passage(model_dir):
    scorer = load_scorer(model_dir)
    a = ["The call with the president was productive", "Football on Friday"]
    b = ["La llamada con la presidenta fue productiva", "El clima"]
    sims = scorer.matrix(a, b)
    assert sims.shape == (2, 2)
    assert sims[0, 0] > 0.9
    assert sims[0, 0] > sims[0, 1] + 0.5
    assert sims[1, 1] < 0.3


def test_pair_scores_follow_the_pairs_and_stay_in_unit_range(model_dir):
    scorer = load_scorer(model_dir)
    a = ["trade and security", "speak"]
    b = ["comercio y seguridad", "hablar", "nothing known here"]
    scores = scorer.pair_scores(a, b, [(0, 0), (1, 1), (0, 2)])
    assert scores[0] == pytest.approx(1.0, abs=0.05)
    assert scores[1] == pytest.approx(1.0, abs=0.05)
    assert scores[2] == 0.0  # no known token: a zero vector, no evidence
    assert scorer.pair_scores(a, b, []) == []


def test_embeddings_are_unit_length(model_dir):
    vectors = load_scorer(model_dir).embed(["border fentanyl", "frontera"])
    assert vectors.shape == (2, 16)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-5


def test_missing_or_incomplete_directory_is_refused_with_a_reason(tmp_path):
    with pytest.raises(ModelUnavailable, match="does not exist"):
        load_scorer(tmp_path / "nowhere")
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ModelUnavailable, match="lacks tokenizer.json, model.safetensors"):
        load_scorer(tmp_path)


def test_a_damaged_model_file_is_refused(tmp_path):
    build_tiny_model(tmp_path)
    (tmp_path / "model.safetensors").write_bytes(b"not a tensor file")
    with pytest.raises(ModelUnavailable, match="cannot be loaded"):
        load_scorer(tmp_path)


def test_no_model_state(model_dir, tmp_path):
    semantic._cached.cache_clear()
    assert scorer_for("") is None
    status = model_status(None)
    assert not status.available and "link them by hand" in status.message
    assert scorer_for(str(tmp_path / "absent")) is None
    assert "does not exist" in model_status(str(tmp_path / "absent")).message
    assert scorer_for(str(model_dir)) is scorer_for(str(model_dir))  # loaded once
    assert model_status(str(model_dir)).available


def test_the_shipped_english_model_loads_and_scores_a_paraphrase_above_an_unrelated_sentence():
    scorer = load_scorer(semantic.SHIPPED_MODEL_DIR)
    assert scorer.dimensions == 256
    sims = scorer.matrix(["The talks went extremely well."],
                         ["The negotiations were very productive.", "The river flooded the farms."])
    assert sims[0, 0] > sims[0, 1] + 0.1


def test_the_shipped_model_serves_english_pairs_only_and_a_configured_directory_wins(model_dir):
    semantic._cached.cache_clear()
    shipped = semantic.shipped_scorer("en", "en-GB")
    assert shipped is not None and shipped.directory == str(semantic.SHIPPED_MODEL_DIR)
    assert semantic.shipped_scorer("en", "es") is None and semantic.shipped_scorer("es") is None
    assert semantic.scorer_for_pair("", "en", "en") is shipped
    assert semantic.scorer_for_pair("", "en", "en", shipped=False) is None
    assert semantic.scorer_for_pair(str(model_dir), "en", "es").directory == str(model_dir)


def test_a_directory_with_model_onnx_is_read_as_an_onnx_encoder_and_refused_with_a_reason(tmp_path):
    (tmp_path / "model.onnx").write_bytes(b"not an onnx graph")
    with pytest.raises(ModelUnavailable, match=r"lacks config.json, tokenizer.json \(expected an ONNX encoder\)"):
        load_scorer(tmp_path)
    (tmp_path / "config.json").write_text('{"dimensions": 384, "max_tokens": 256}')
    build_tiny_model(tmp_path / "tiny")
    (tmp_path / "tokenizer.json").write_bytes((tmp_path / "tiny" / "tokenizer.json").read_bytes())
    # onnxruntime is not a requirement (tools/build_onnx_model.py, docs/alignment-quality.md): without it the
    # directory is refused as unusable too, with its own reason
    reason = "cannot be loaded" if importlib.util.find_spec("onnxruntime") else "onnxruntime is not installed"
    with pytest.raises(ModelUnavailable, match=reason):
        load_scorer(tmp_path)
    assert model_status(str(tmp_path)).available is False


class _FakeSession:
    """Stands in for an onnxruntime session: a text's vector is (its first token id, its length, 1)."""

    def __init__(self):
        self.widths = []

    def run(self, _outputs, feeds):
        ids, mask = feeds["input_ids"], feeds["attention_mask"]
        self.widths.append(ids.shape[1])
        return [np.stack([ids[:, 0], mask.sum(axis=1), np.ones(len(ids))], axis=1).astype(np.float32)]


def test_the_onnx_scorer_batches_texts_by_length_and_returns_them_in_order(model_dir):
    from tokenizers import Tokenizer

    session = _FakeSession()
    scorer = semantic.OnnxScorer(session, Tokenizer.from_file(str(model_dir / "tokenizer.json")), {"dimensions": 3})
    scorer.BATCH = 2
    texts = ["trade and security border fentanyl", "speak", "call president", "friday"]
    vectors = scorer.embed(texts)
    assert vectors.shape == (4, 3)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    # each row is its own text's vector (token count / 1 survives normalising), whatever order it ran in
    assert list(np.round(vectors[:, 1] / vectors[:, 2]).astype(int)) == [5, 1, 2, 1]
    assert session.widths == [1, 5]  # the two one-token texts ran together, unpadded
    assert scorer.embed([]).shape == (0, 3)
