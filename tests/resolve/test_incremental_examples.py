"""Regression: on our example corpus (real extraction), incidents resolved one article at a time
in any order equal those of one batch, ids included."""

from __future__ import annotations

import random

import pytest

from parallax.ingest.readers import read_inputs
from parallax.pipeline import analyse_articles, load_knowledge
from parallax.resolve.incidents import resolve_incidents
from parallax.resolve.incremental import add_mentions
from parallax.schema import Article
from parallax.settings import Settings
from parallax.store.sqlite import open_store

from builders import EXAMPLES


@pytest.fixture(scope="module")
def extracted(nlp):
    settings = Settings()
    articles = [a for a in read_inputs([EXAMPLES], settings) if isinstance(a, Article)]
    unique = list({a.id: a for a in articles}.values())
    return list(analyse_articles(unique, nlp, load_knowledge(settings), settings))


def _one_at_a_time(path, results):
    with open_store(path) as store:
        for article, mentions in results:
            store.add_extracted([(article, mentions)])
            add_mentions(store, mentions, Settings())
        return {i.id: frozenset(m.id for m in i.mentions) for i in store.incidents()}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_example_corpus_in_any_order_gives_the_batch_incidents(tmp_path, extracted, seed):
    order = list(extracted)
    random.Random(seed).shuffle(order)
    if seed == 0:
        order.reverse()
    published = {a.id: a.published for a, _ in extracted}
    batch = resolve_incidents([m for _, ms in extracted for m in ms], Settings(), published)
    expected = {i.id: frozenset(m.id for m in i.mentions) for i in batch}
    assert _one_at_a_time(tmp_path / "db.sqlite", order) == expected
    assert sum(len(ids) > 1 for ids in expected.values()) >= 3  # the corpus does merge reports
