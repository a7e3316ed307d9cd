"""Who some or most of the victims were, told in apposition ("17 people, among them four women", "40
villagers, mostly women and children"): parts of the count, never more victims added to it. Sentences
we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def told(nlp, text: str) -> list[tuple[str, int | None, int | None, tuple[tuple[str, int | None], ...]]]:
    return [(c.measure.value, c.figure.low, c.figure.high,
             tuple((p.victim_group, p.figure.low) for p in c.parts))
            for c in extract_claims(nlp(text), Article(id="a", text=text))]


def test_among_them_after_a_passive_toll_is_parts_not_a_sum(nlp):
    """Was killed [24, 24] (17 + 4 + 3) with the groups run together."""
    text = "Seventeen people were killed, among them four women and three children, in the strike."
    assert told(nlp, text) == [("killed", 17, 17, (("women", 4), ("children", 3)))]


def test_among_them_after_an_object_toll_is_parts_not_a_sum(nlp):
    text = "The strike killed 17 people, among them four women and three children."
    assert told(nlp, text) == [("killed", 17, 17, (("women", 4), ("children", 3)))]


def test_a_list_in_apposition_still_counts_its_members(nlp):
    """The rule it narrows: "his wife, son and daughter" are three victims."""
    text = "A gunman killed his wife, son and daughter on Sunday."
    assert [c[:3] for c in told(nlp, text)] == [("killed", 3, 3)]


def test_mostly_women_and_children_describes_the_count(nlp):
    """Was abducted [38, -]: "about 40" plus one woman and one child run together."""
    text = "Gunmen abducted about 40 villagers, mostly women and children, in a raid."
    assert [c[:3] for c in told(nlp, text)] == [("abducted", 36, 44)]


def test_mainly_farmers_describes_the_count(nlp):
    text = "The attack killed 25 people, mainly farmers and herders."
    assert [c[:3] for c in told(nlp, text)] == [("killed", 25, 25)]
