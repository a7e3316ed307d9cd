"""Casualty nouns that carry a count, or none (extract/casualties.py), and an outlet that carries an
"according to" source (extract/attribution.py). Sentences written by us, wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def claims(nlp, text: str):
    return extract_claims(nlp(text), Article(id="n", text=text))


def figures(nlp, text: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.measure.value, c.figure.low, c.figure.high) for c in claims(nlp, text)]


def test_the_number_of_casualties_with_no_figure_is_no_claim(nlp):
    """ "still confirming the number of casualties" was one casualty or more."""
    assert figures(nlp, "We are still confirming the number of casualties, a spokeswoman said.") == []
    assert figures(nlp, "The number of casualties is not yet known.") == []
    assert figures(nlp, "The number of dead rose to 31 on Sunday.") == [("killed", 31, 31)]
    assert figures(nlp, "A number of casualties were reported.") == [("casualties", 2, None)]


def test_the_dead_included_counts_at_least_those_listed(nlp):
    """ "the dead included a girl and her grandmother" was one dead; "the dead included three children" none."""
    assert figures(nlp, "Medics said the dead included a 10-year-old girl and her grandmother.") == [("killed", 2, None)]
    assert figures(nlp, "The dead included three children.") == [("killed", 3, None)]
    assert figures(nlp, "The wounded include two police officers and a journalist.") == [("injured", 3, None)]


def test_an_outlet_quoting_the_according_to_source_is_its_relay(nlp):
    (claim,) = claims(nlp, "According to al-Masdar News, quoted by RIA Novosti, 14 militants were killed in the raid.")
    assert (claim.speaker.normalized, claim.relay) == ("Al-Masdar News", ("RIA Novosti",))
