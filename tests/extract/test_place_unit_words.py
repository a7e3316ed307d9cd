"""A first-level unit told with its unit word ("in the Donetsk region", "in the Belgorod region"),
which NER missed or labelled a product or a nationality, is the incident's place even when the
article names no other place (the incident was unplaced). Articles we wrote in wire style."""

from __future__ import annotations

import datetime

import pytest

from parallax.pipeline import analyse_article, load_knowledge
from parallax.schema import Article
from parallax.settings import Settings


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(Settings())


def _place(nlp, knowledge, text, dateline="", end=0):
    article = Article(id="unit", text=text, outlet="Wire Desk", published=datetime.datetime(2026, 9, 24),
                      dateline=dateline, dateline_end=end)
    mentions = analyse_article(nlp(text), article, knowledge)
    assert mentions
    place = mentions[0].place
    return (place.name, place.country) if place is not None else None


def test_region_ner_missed_is_placed(nlp, knowledge):
    text = "Shelling hit a bus in the Donetsk region on Wednesday, killing two people."
    assert _place(nlp, knowledge, text) == ("Donetsk", "UA")


def test_region_ner_called_a_nationality_is_placed(nlp, knowledge):
    text = ("MOSCOW (Steppe News) - A Ukrainian drone struck a bus in the Belgorod region on Wednesday, "
            "killing two people and injuring eight, the regional governor said.")
    assert _place(nlp, knowledge, text, "Moscow", len("MOSCOW")) == ("Belgorod", "RU")


def test_region_ner_called_a_product_is_placed(nlp, knowledge):
    text = "A drone struck a bus in the Kursk region on Wednesday, killing two people."
    assert _place(nlp, knowledge, text) == ("Kursk", "RU")
