"""A range told with "between" wherever the parser hangs it: "put the toll at between 12 and 15",
"killed between 12 and 15 people". Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def told(nlp, text: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.measure.value, c.figure.low, c.figure.high)
            for c in extract_claims(nlp(text), Article(id="b", text=text))]


def test_toll_put_at_between_keeps_the_upper_end(nlp):
    """Was killed [12, 12]: the range's second number was dropped."""
    assert told(nlp, "Officials put the death toll at between 12 and 15.") == [("killed", 12, 15)]


def test_toll_risen_to_between_keeps_the_upper_end(nlp):
    assert told(nlp, "The toll rose to between 20 and 25, the ministry said.") == [("killed", 20, 25)]


def test_killed_between_counts_the_people_not_the_attack(nlp):
    """Was killed [1, 1] with "The attack" as the victim."""
    assert told(nlp, "The attack killed between 12 and 15 people.") == [("killed", 12, 15)]


def test_between_as_a_subject_range_is_unchanged(nlp):
    assert told(nlp, "Between 12 and 15 people were killed.") == [("killed", 12, 15)]
