"""Nouns that count two by their meaning: one's parents, twins, a couple. Sentences written by us, wire
style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article


def toll(nlp, text: str) -> tuple[int | None, int | None]:
    found = incident_toll([extract_claims(nlp(text), Article(id="q", text=text))])
    return found.killed, found.injured


def test_ones_parents_are_two(nlp):
    assert toll(nlp, "Her parents, Marisol and Tobias Ferrante, were killed in the attack, deputies said.") == (2, None)
    assert toll(nlp, "His grandparents were found shot to death in their farmhouse on Thursday.") == (2, None)


def test_twins_are_two(nlp):
    assert toll(nlp, "The twins were wounded in the gas station robbery.") == (None, 2)


def test_a_couple_is_two_and_counts_with_who_is_listed_beside_it(nlp):
    assert toll(nlp, "An elderly couple was found shot dead in their home.") == (2, None)
    assert toll(nlp, "A young couple and their toddler were killed when shots rang out near the motel.") \
        == (3, None)
    assert toll(nlp, "A couple of people were hurt in the crush.") == (None, 2)
