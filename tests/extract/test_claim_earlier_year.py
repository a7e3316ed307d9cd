"""A casualty of an earlier incident the article recalls, told with a year before the article's:
scope "earlier", no count of this incident. Sentences written by us, wire style."""

from __future__ import annotations

from datetime import datetime

from parallax.extract.claims import extract_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article

PUBLISHED = datetime(2016, 7, 25)


def scopes(nlp, text: str, published: datetime | None = PUBLISHED) -> list[tuple[str, int | None, str]]:
    article = Article(id="q", text=text, published=published)
    return [(c.measure.value, c.figure.low, c.scope) for c in extract_claims(nlp(text), article)]


def test_a_death_dated_in_an_earlier_year_is_an_earlier_incidents(nlp):
    text = "The shooting happened just down the street from a July 2014 shooting that left a 12-year-old girl dead."
    assert scopes(nlp, text) == [("killed", 1, "earlier")]
    text = "In July 2011, 35-year-old Alfred Smith was found shot and fatally wounded in his car in the parking lot."
    assert scopes(nlp, text) == [("killed", 1, "earlier")]


def test_this_years_date_and_no_publication_date_keep_the_incident(nlp):
    assert scopes(nlp, "Four people died Wednesday, July 22, 2016, in a murder-suicide on Old Atlanta Road.") \
        == [("killed", 4, "incident")]
    text = "The shooting happened just down the street from a July 2014 shooting that left a 12-year-old girl dead."
    assert scopes(nlp, text, None) == [("killed", 1, "incident")]  # nothing assumed without a date


def test_an_earlier_incidents_death_is_out_of_the_toll(nlp):
    text = ("A 7-year-old boy was wounded by a stray bullet on Monday evening. The shooting happened just "
            "down the street from a July 2014 shooting that left a 12-year-old girl dead.")
    claims = extract_claims(nlp(text), Article(id="q", text=text, published=PUBLISHED))
    toll = incident_toll([claims])
    assert (toll.killed, toll.injured) == (None, 1)
