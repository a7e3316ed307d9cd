"""When a risen toll held, not when its event happened: "the toll from Saturday's drone strike rose to
31" gives no claim time (it was "Saturday"). Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def times(nlp, text: str) -> list[tuple[int | None, str]]:
    return [(c.figure.low, c.claim_time) for c in extract_claims(nlp(text), Article(id="t", text=text))]


def test_possessive_event_date_is_no_claim_time(nlp):
    text = "The death toll from Saturday's drone strike on a wedding rose to 31, a local rescue worker said."
    assert times(nlp, text) == [(31, "")]


def test_possessive_event_date_leaves_the_count_date(nlp):
    text = "The toll from Tuesday's attack has risen to 27, the governor said on Thursday."
    assert times(nlp, text) == [(27, "on Thursday")]


def test_a_rise_dated_after_its_figure_keeps_its_time(nlp):
    assert times(nlp, "The death toll rose to 14 on Tuesday evening.") == [(14, "on Tuesday evening")]
