"""A figure inside reports its speaker rejects, disputes or dismisses is that speaker's, denied,
as it is under "denied reports that ...". Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def told(nlp, text: str) -> list[tuple[str, int | None, str, str]]:
    return [(c.measure.value, c.figure.low, c.speaker.name if c.speaker else "", c.stance.value)
            for c in extract_claims(nlp(text), Article(id="r", text=text))]


def test_rejected_reports_are_the_rejecters_denial(nlp):
    """Was the outlet's own claim of 30 killed, asserted."""
    text = "The ministry rejected reports that 30 villagers had been killed."
    assert told(nlp, text) == [("killed", 30, "ministry", "denied")]


def test_dismissed_reports_are_the_dismissers_denial(nlp):
    text = "The army dismissed reports that 30 villagers had been killed."
    assert told(nlp, text) == [("killed", 30, "army", "denied")]


def test_dismissing_an_officer_denies_no_toll(nlp):
    text = "Police dismissed the constable over the raid that killed two men."
    assert told(nlp, text) == [("killed", 2, "", "asserted")]
