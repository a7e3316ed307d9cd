"""parallax.nlp.inference: maxout and layer norm at inference give thinc's output bit for bit."""

import numpy
import pytest
from thinc.api import LayerNorm, Maxout
from thinc.layers.layernorm import forward as thinc_layernorm
from thinc.layers.maxout import forward as thinc_maxout

from parallax.nlp import inference

TEXT = ("BEIRUT, May 18 (Reuters) - U.S.-led coalition aircraft struck a convoy of pro-government forces "
        "near the al-Tanf border crossing on Thursday, killing at least eight fighters, a monitor said.")


def _maxout(pieces: int = 3) -> Maxout:
    layer = Maxout(nO=96, nI=288, nP=pieces)
    layer.initialize()
    bias = numpy.random.default_rng(1).normal(size=layer.get_param("b").shape).astype("float32")
    bias[0] = 0.5  # unit 0's pieces tie wherever the input is zero
    layer.set_param("b", bias)
    return layer


def _layernorm() -> LayerNorm:
    layer = LayerNorm(nI=96)
    layer.initialize()
    rng = numpy.random.default_rng(3)
    layer.set_param("G", rng.normal(size=96).astype("float32"))
    layer.set_param("b", rng.normal(size=96).astype("float32"))
    return layer


@pytest.mark.parametrize("pieces", [2, 3, 4])
def test_inference_maxout_equals_thincs(pieces):
    layer = _maxout(pieces)
    X = numpy.random.default_rng(0).normal(size=(500, 288)).astype("float32")
    X[7] = 0.0  # a row of ties: every piece equals its bias only
    expected, _ = thinc_maxout(layer, X, is_train=False)
    got, _ = inference.maxout(layer, X, is_train=False)
    assert got.dtype == expected.dtype and got.shape == expected.shape and got.flags.c_contiguous
    assert numpy.array_equal(got, expected)


@pytest.mark.parametrize("rows", [1, 7, 3000])
def test_inference_layernorm_equals_thincs(rows):
    layer = _layernorm()
    X = (numpy.random.default_rng(rows).normal(size=(rows, 96)) * 3 + 1).astype("float32")
    X[0] = 2.0  # a constant row: zero variance
    expected, _ = thinc_layernorm(layer, X, is_train=False)
    got, _ = inference.layernorm(layer, X, is_train=False)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    assert numpy.array_equal(got, expected)


@pytest.mark.parametrize("layer, forward", [(_maxout(), inference.maxout), (_layernorm(), inference.layernorm)])
def test_training_still_runs_thincs_forward_and_backprop(layer, forward):
    X = numpy.random.default_rng(2).normal(size=(20, layer.get_dim("nI"))).astype("float32")
    Y, backprop = forward(layer, X, is_train=True)
    assert backprop(numpy.ones_like(Y)).shape == X.shape
    _, no_gradient = forward(layer, X, is_train=False)
    with pytest.raises(RuntimeError):
        no_gradient(Y)


def _nodes(nlp):
    return [node for _, c in nlp.components if getattr(c, "model", None) is not None for node in c.model.walk()]


def test_load_nlp_gives_every_maxout_and_layernorm_layer_the_inference_forward(nlp):
    forwards = {node._func for node in _nodes(nlp)}
    assert {inference.maxout, inference.layernorm} <= forwards
    assert thinc_maxout not in forwards and thinc_layernorm not in forwards


def test_the_parse_is_thincs(nlp):
    """Guards the speed-up: a wire story's token vectors and annotations with thinc's forwards and these."""
    fast = nlp(TEXT)
    thincs = {inference.maxout: thinc_maxout, inference.layernorm: thinc_layernorm}
    nodes = [node for node in _nodes(nlp) if node._func in thincs]
    mine = [node._func for node in nodes]
    try:
        for node in nodes:
            node._func = thincs[node._func]
        slow = nlp(TEXT)
    finally:
        for node, forward in zip(nodes, mine):
            node._func = forward
    assert numpy.array_equal(fast.tensor, slow.tensor)
    assert [(e.text, e.label_) for e in fast.ents] == [(e.text, e.label_) for e in slow.ents]
    assert [(t.dep_, t.head.i, t.tag_) for t in fast] == [(t.dep_, t.head.i, t.tag_) for t in slow]
