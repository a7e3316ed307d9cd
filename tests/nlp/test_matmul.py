"""parallax.nlp.matmul: the pipeline multiplies with numpy on one BLAS thread, and parses as BLIS does."""

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
TEXT = ("BEIRUT, May 18 (Reuters) - U.S.-led coalition aircraft struck a convoy of pro-government forces "
        "near the al-Tanf border crossing on Thursday, killing at least eight fighters, a monitor said.\n\n"
        "Three more were wounded in the strike, according to the Syrian Observatory for Human Rights.")


def _models(nlp):
    return [c.model for _, c in nlp.components if getattr(c, "model", None) is not None]


def test_every_model_multiplies_with_numpy_on_one_blas_thread(nlp):
    nodes = [node for model in _models(nlp) for node in model.walk()]
    assert nodes and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in nodes)
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


def test_the_parse_is_the_one_blis_gives(nlp):
    """Guards the speed-up: a wire story's annotations with numpy's products and with BLIS's."""
    numpy_doc = nlp(TEXT)
    nodes = [node for model in _models(nlp) for node in model.walk()]
    mine = [n.ops for n in nodes]
    try:
        for node in nodes:
            node.ops = NumpyOps()
        blis_doc = nlp(TEXT)
    finally:
        for node, ops in zip(nodes, mine):
            node.ops = ops
    assert (numpy_doc.to_array(ATTRS) == blis_doc.to_array(ATTRS)).all()
    assert [e.text for e in numpy_doc.ents] == [e.text for e in blis_doc.ents]
