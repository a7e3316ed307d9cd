"""The lemmatizer's lemmas read and written as arrays, each (word, tag, morphology) lemmatised once.

spaCy's rule lemmatizer walks a Doc a Token at a time and caches only the words its rules change,
so every base form ("police", "said") is worked out again, with its morphology parsed from a
string, at every occurrence: 4-8% of the parse. A lemma depends on nothing but the word, its part
of speech and its morphology, so here the Doc's (ORTH, POS, MORPH) rows are looked up in a cache
filled by the lemmatizer's own `lemmatize`, and the lemmas go back with one `Doc.from_array`: the
same lemma for every token (tests/nlp/test_lemmas.py). `nlp.pipe` calls a component's `pipe`, which
this replaces; `nlp(text)` still calls the lemmatizer itself, with the same result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

CACHE_LIMIT = 100_000  # (word, tag, morphology) keys held; cleared when full, so memory stays flat
MODES = ("rule", "lookup")  # lemmatizers whose lemma depends only on the word, POS and morphology


class CachedLemmas:
    """A lemmatizer's `pipe`, by lookup (attached to the lemmatizer by `cache_lemmas`)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def lemmatise(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:  # as Lemmatizer.__call__ does before its first Doc
            lemmatizer._validate_tables(Errors.E1004)
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas, strings, cache = rows[:, 3].copy(), doc.vocab.strings, self.lemmas
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not lemmatizer.overwrite:  # set before, by the attribute ruler
                continue
            found = cache.get((orth, pos, morph))
            if found is None:
                if len(cache) >= CACHE_LIMIT:
                    cache.clear()
                found = cache[orth, pos, morph] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc

    def __call__(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self.lemmatise(doc)


def cache_lemmas(nlp: Language) -> None:
    """Give every rule or lookup lemmatizer of `nlp` the cached `pipe`, in place."""
    for _, component in nlp.components:
        if isinstance(component, Lemmatizer) and component.mode in MODES:
            component.pipe = CachedLemmas(component)
