"""parallax.nlp.maxout: maxout units at inference give thinc's output bit for bit, without the argmax."""

import numpy
import pytest
from thinc.api import Maxout
from thinc.layers.maxout import forward as thinc_forward

from parallax.nlp import maxout

TEXT = ("BEIRUT, May 18 (Reuters) - U.S.-led coalition aircraft struck a convoy of pro-government forces "
        "near the al-Tanf border crossing on Thursday, killing at least eight fighters, a monitor said.")


def _layer(pieces: int = 3) -> Maxout:
    layer = Maxout(nO=96, nI=288, nP=pieces)
    layer.initialize()
    bias = numpy.random.default_rng(1).normal(size=layer.get_param("b").shape).astype("float32")
    bias[0] = 0.5  # unit 0's pieces tie wherever the input is zero
    layer.set_param("b", bias)
    return layer


@pytest.mark.parametrize("pieces", [2, 3, 4])
def test_inference_forward_equals_thincs(pieces):
    layer = _layer(pieces)
    X = numpy.random.default_rng(0).normal(size=(500, 288)).astype("float32")
    X[7] = 0.0  # a row of ties: every piece equals its bias only
    expected, _ = thinc_forward(layer, X, is_train=False)
    got, _ = maxout.forward(layer, X, is_train=False)
    assert got.dtype == expected.dtype and got.shape == expected.shape and got.flags.c_contiguous
    assert numpy.array_equal(got, expected)


def test_training_still_runs_thincs_forward_and_backprop():
    layer = _layer()
    X = numpy.random.default_rng(2).normal(size=(20, 288)).astype("float32")
    Y, backprop = maxout.forward(layer, X, is_train=True)
    assert backprop(numpy.ones_like(Y)).shape == X.shape
    _, no_gradient = maxout.forward(layer, X, is_train=False)
    with pytest.raises(RuntimeError):
        no_gradient(Y)


def test_load_nlp_gives_every_maxout_layer_the_inference_forward(nlp):
    nodes = [node for _, c in nlp.components if getattr(c, "model", None) is not None for node in c.model.walk()]
    assert any(node._func is maxout.forward for node in nodes)
    assert not any(node._func is thinc_forward for node in nodes)


def test_the_parse_is_thincs(nlp):
    """Guards the speed-up: a wire story's token vectors with thinc's maxout and with this one."""
    fast = nlp(TEXT)
    nodes = [node for _, c in nlp.components if getattr(c, "model", None) is not None for node in c.model.walk()
             if node._func is maxout.forward]
    try:
        for node in nodes:
            node._func = thinc_forward
        slow = nlp(TEXT)
    finally:
        for node in nodes:
            node._func = maxout.forward
    assert numpy.array_equal(fast.tensor, slow.tensor)
    assert [(e.text, e.label_) for e in fast.ents] == [(e.text, e.label_) for e in slow.ents]
    assert [t.dep_ for t in fast] == [t.dep_ for t in slow]
