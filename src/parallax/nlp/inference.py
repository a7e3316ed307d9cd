"""The models' maxout and layer-norm layers at inference, without the work only training needs.

thinc's Maxout layer takes, for every output unit, the largest of its pieces and also records which
piece it was (`NumpyOps.maxout`: a C loop writing both), so that backprop can route the gradient.
A parse never backpropagates, and that loop was 10% of a parse of focused GVA texts here (0.50 of
4.9 CPU s). At inference the same maximum is taken with numpy, piece by piece (`np.maximum` of the
pieces in order: 5 times faster for en_core_web_sm's 96 units x 3 pieces). The maximum of the same
float32 values is the same value whatever computes it, and ties keep the first piece's value as
thinc's loop does.

thinc's LayerNorm computes each row's mean twice (`X.mean`, then `X.var`, which works it out again)
and `X - mean` twice. At inference the mean and the deviations are computed once, and the variance
from them with numpy's own steps (`_methods._var`: the sum of the squared deviations, divided by
the row width as an intp), so every value is the one thinc's forward gives; 35% faster.

Every output is bit-identical (tests/nlp/test_inference.py; docs/bench.md for the corpus check);
training (`is_train`) still runs thinc's own forwards.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.language import Language
from thinc.layers.layernorm import forward as thinc_layernorm
from thinc.layers.maxout import forward as thinc_maxout
from thinc.model import Model


def infer_without_gradients(nlp: Language) -> None:
    """Give every Maxout and LayerNorm layer of `nlp`'s models the inference forwards below, in place."""
    replacements = {thinc_maxout: maxout, thinc_layernorm: layernorm}
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node._func = replacements.get(node._func, node._func)


def maxout(model: Model, X, is_train: bool) -> tuple[object, Callable]:
    """thinc's Maxout forward: training as thinc does it; inference with the maximum alone."""
    if is_train:
        return thinc_maxout(model, X, is_train)
    n_out, pieces = model.get_dim("nO"), model.get_dim("nP")
    W = model.ops.reshape2f(model.get_param("W"), n_out * pieces, model.get_dim("nI"))
    Y = model.ops.gemm(X, W, trans2=True)
    Y += model.ops.reshape1f(model.get_param("b"), n_out * pieces)
    Z = model.ops.reshape3f(Y, Y.shape[0], n_out, pieces)
    best = Z[:, :, 0].copy()
    for piece in range(1, pieces):
        numpy.maximum(best, Z[:, :, piece], out=best)
    return best, _no_backprop


def layernorm(model: Model, X, is_train: bool) -> tuple[object, Callable]:
    """thinc's LayerNorm forward: training as thinc does it; inference with each moment computed once."""
    if is_train:
        return thinc_layernorm(model, X, is_train)
    mean = X.mean(axis=1, keepdims=True)
    Y = X - mean
    var = numpy.add.reduce(numpy.square(Y), axis=1, keepdims=True)
    numpy.true_divide(var, numpy.intp(X.shape[1]), out=var, casting="unsafe")  # as X.var divides
    var += 1e-08
    Y *= var ** (-1.0 / 2.0)
    Y *= model.get_param("G")
    Y += model.get_param("b")
    return Y, _no_backprop


def _no_backprop(_: object) -> object:
    raise RuntimeError("parallax.nlp.inference: an inference forward was asked for a gradient")
