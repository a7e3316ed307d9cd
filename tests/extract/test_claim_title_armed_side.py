"""A headline's count of the armed side's dead ("Two militants killed in Sopore gunfight") is that
side's: beside a body that also tells a soldier's death, the incident's toll adds the two sides once
(3), not the headline's two again as a rival count of the others (4). Articles we wrote in wire style."""

from __future__ import annotations

import pytest

from parallax.extract.claims import extract_title_claims
from parallax.pipeline import analyse_article, load_knowledge
from parallax.reconcile.tolls import reported_toll
from parallax.schema import Article
from parallax.settings import Settings

TITLE = "Two militants killed in Sopore gunfight"
BODY = ("SRINAGAR, India (Valley Times) - Two militants were killed on Sunday when troops traded fire with "
        "them in an orchard near Sopore, police said, adding that a soldier also died and two others were injured.")


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(Settings())


def test_headline_names_the_armed_side_it_counts(nlp, knowledge):
    claims = extract_title_claims(nlp(TITLE), Article(id="k", text=BODY, title=TITLE), knowledge.claims)
    assert [(c.figure.low, c.victim_group) for c in claims] == [(2, "militants")]


def test_headline_count_of_the_other_side_names_no_armed_group(nlp, knowledge):
    title = "Three soldiers killed in Cauca attack"
    claims = extract_title_claims(nlp(title), Article(id="c", text=title, title=title), knowledge.claims)
    assert [(c.figure.low, c.victim_group) for c in claims] == [(3, "")]


def test_armed_dead_in_headline_and_body_are_added_once(nlp, knowledge):
    """Was killed 4: the headline's two militants counted again on the soldiers' side."""
    mentions = analyse_article(nlp(BODY), Article(id="k", text=BODY, title=TITLE), knowledge, nlp(TITLE))
    toll = reported_toll(mentions[:1])
    assert (toll.killed, toll.injured) == (3, 2)
