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
    text = "The attack took place two blocks from an August 2013 shooting that left a 9-year-old boy dead."
    assert scopes(nlp, text) == [("killed", 1, "earlier")]
    text = "In March 2012, 41-year-old Dwayne Pellham was found shot and fatally wounded inside his pickup behind a warehouse."
    assert scopes(nlp, text) == [("killed", 1, "earlier")]


def test_this_years_date_and_no_publication_date_keep_the_incident(nlp):
    assert scopes(nlp, "Four people died Thursday, July 14, 2016, in a murder-suicide on Quarry Hill Drive.") \
        == [("killed", 4, "incident")]
    text = "The attack took place two blocks from an August 2013 shooting that left a 9-year-old boy dead."
    assert scopes(nlp, text, None) == [("killed", 1, "incident")]  # nothing assumed without a date


def test_an_earlier_incidents_death_is_out_of_the_toll(nlp):
    text = ("A 6-year-old girl was wounded by a stray round on Saturday night. The attack took place "
            "two blocks from an August 2013 shooting that left a 9-year-old boy dead.")
    claims = extract_claims(nlp(text), Article(id="q", text=text, published=PUBLISHED))
    toll = incident_toll([claims])
    assert (toll.killed, toll.injured) == (None, 1)
