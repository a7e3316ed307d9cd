"""A number word the parser makes a compound of its noun ("Thirty people died") is still the count
(it was [1, -]: the plural's default). Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def told(nlp, text: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.measure.value, c.figure.low, c.figure.high)
            for c in extract_claims(nlp(text), Article(id="n", text=text))]


def test_number_word_parsed_as_compound_is_the_count(nlp):
    assert told(nlp, "Thirty people died.") == [("killed", 30, 30)]


def test_a_year_before_a_noun_is_no_count(nlp):
    assert told(nlp, "The 2014 shooting victims were honoured.") == []
