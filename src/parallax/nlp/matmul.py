"""The models' matrix products through numpy's BLAS instead of BLIS, on one BLAS thread.

thinc's NumpyOps multiplies with BLIS (cython-blis), whose kernels here run a tok2vec-sized
product (2,000 x 288 by 288 x 384, float32) in 1.6 times the time numpy's OpenBLAS takes on one
thread; `NumpyOps(use_blis=False)` is thinc's own switch to numpy. Only `gemm` changes (the
parser's and NER's Cython state loop still call BLIS directly), so the parse is the same
arithmetic summed in another order: the embeddings differ in the last bits (up to 3e-6) and every
token's tag, lemma, morphology, dependency, head, entity and sentence start came out identical over
the 2,000 articles checked (docs/bench.md). OpenBLAS is held to one thread per process: parallax
runs one process per core (parallax.engines.local), and more threads only spin on a busy machine.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

_LIMITS: list[object] = []  # the process-wide one-thread limit, set once and kept


def multiply_with_numpy(nlp: Language) -> None:
    """Give every model of `nlp` numpy's matrix product, in place (no other ops change)."""
    if not _LIMITS:
        _LIMITS.append(threadpool_limits(limits=1, user_api="blas"))
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                if isinstance(node.ops, NumpyOps):
                    node.ops = ops
