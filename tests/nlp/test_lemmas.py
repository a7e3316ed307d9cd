"""parallax.nlp.lemmas gives every token the lemma spaCy's own lemmatizer gives it."""

from spacy.attrs import LEMMA
from spacy.pipeline import Lemmatizer

from parallax.nlp.lemmas import CACHE_LIMIT, CachedLemmas

TEXT = ("BAGHDAD, May 2 (AP) - Gunmen killed four policemen and wounded two others at a checkpoint "
        "north of Baghdad on Tuesday, police said. \"We were attacked from three sides,\" an officer "
        "who'd been wounded told reporters. The militants fled; they're still being hunted.\n\n"
        "  \n\nWitnesses said the attackers' cars had been stolen days earlier. Lives were lost.")


def _unlemmatised(nlp, text=TEXT):
    with nlp.select_pipes(disable=["lemmatizer", "ner"]):
        return nlp(text)


def test_the_lemmas_of_spacys_lemmatizer(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer.pipe, CachedLemmas)
    expected = Lemmatizer.__call__(lemmatizer, _unlemmatised(nlp))  # spaCy's own, token by token
    for _ in range(2):  # cold, then from the cache
        doc = next(lemmatizer.pipe([_unlemmatised(nlp)]))
        assert [t.lemma_ for t in doc] == [t.lemma_ for t in expected]
    assert "be" in [t.lemma_ for t in doc] and "wound" in [t.lemma_ for t in doc]


def test_lemmas_the_attribute_ruler_set_are_kept(nlp):
    doc = _unlemmatised(nlp, "They're gonna fight.")
    ruled = {t.i: t.lemma_ for t in doc if t.lemma}  # "'re" -> "be", "na" -> "to"
    assert ruled
    doc = CachedLemmas(nlp.get_pipe("lemmatizer")).lemmatise(doc)
    assert all(doc[i].lemma_ == lemma for i, lemma in ruled.items())
    assert all(t.lemma for t in doc)


def test_the_cache_is_bounded(nlp):
    cached = CachedLemmas(nlp.get_pipe("lemmatizer"))
    cached.lemmas.update({(i, 0, 0): 0 for i in range(CACHE_LIMIT)})
    doc = cached.lemmatise(_unlemmatised(nlp, "Shelling killed two."))
    assert len(cached.lemmas) <= len(doc) and doc.to_array([LEMMA]).all()
