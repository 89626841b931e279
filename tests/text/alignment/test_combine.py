"""Tests for the combination of signals."""

from __future__ import annotations

import pytest

from newsdiff.text.alignment.combine import VERBATIM_SCORE, combine, needed_signals


def test_weighted_mean_of_the_active_signals():
    """Signals are averaged by weight; weight 0 leaves a signal out."""
    values = {"terms": [0.4, 0.0], "fuzz": [0.8, 1.0], "verbatim": [0.0, 0.0]}
    assert combine(values, {"terms": 1.0, "fuzz": 1.0}) == pytest.approx([0.6, 0.5])
    assert combine(values, {"terms": 1.0, "fuzz": 0.0}) == [0.4, 0.0]
    assert needed_signals({"terms": 1.0, "fuzz": 0.0}) == ["terms", "verbatim"]


def test_verbatim_lifts_a_pair_to_the_verbatim_score():
    """A verbatim sentence makes the pair score at least VERBATIM_SCORE."""
    values = {"terms": [0.1], "fuzz": [0.2], "verbatim": [1.0]}
    assert combine(values, {"terms": 1.0, "fuzz": 1.0}) == [VERBATIM_SCORE]


def test_a_new_signal_is_one_more_weight():
    """An extra registered signal (e.g. an embedding) takes part by name and weight alone."""
    values = {"terms": [0.2], "embedding": [0.8], "verbatim": [0.0]}
    assert combine(values, {"terms": 1.0, "embedding": 3.0}) == pytest.approx([0.65])
