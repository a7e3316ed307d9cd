"""A toll told as a figure of "the death toll" keeps the parts listed with it ("rose to 31, including
nine children"), as a count of victims does. Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def told(nlp, text: str) -> list[tuple[int | None, tuple[tuple[str, int | None], ...]]]:
    return [(c.figure.low, tuple((p.victim_group, p.figure.low) for p in c.parts))
            for c in extract_claims(nlp(text), Article(id="p", text=text))]


def test_risen_toll_keeps_its_parts(nlp):
    """Was 31 with no parts: the nine children were lost."""
    text = "The death toll rose to 27, including six children, the governor said."
    assert told(nlp, text) == [(27, (("children", 6),))]


def test_toll_put_at_keeps_its_parts(nlp):
    assert told(nlp, "Officials put the toll at 40, including 12 women.") == [(40, (("women", 12),))]


def test_toll_without_parts_is_unchanged(nlp):
    assert told(nlp, "The toll stood at 19 on Monday.") == [(19, ())]
