""""An unknown number of people were killed" says some died and not how many: [1, -], not the one
person its article "an" counted. Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def told(nlp, text: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.measure.value, c.figure.low, c.figure.high)
            for c in extract_claims(nlp(text), Article(id="u", text=text))]


def test_unknown_number_is_open_ended(nlp):
    """Was killed [1, 1]."""
    assert told(nlp, "An unknown number of people were killed.") == [("killed", 1, None)]


def test_unspecified_number_is_open_ended(nlp):
    text = "An unspecified number of soldiers were wounded in the assault, the army said."
    assert told(nlp, text) == [("injured", 1, None)]
