"""An attributive "displaced" or "homeless" says who people are ("a camp for displaced people", "a
homeless man"), uprooted before the event told: no displaced claim. Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def told(nlp, text: str) -> list[tuple[str, int | None]]:
    return [(c.measure.value, c.figure.low) for c in extract_claims(nlp(text), Article(id="d", text=text))]


def test_camp_for_displaced_people_displaces_nobody(nlp):
    """Was displaced [1, -] "displaced people" beside the 40 killed."""
    text = "Shelling on a camp for displaced people near El Fasher killed at least 40 people."
    assert told(nlp, text) == [("killed", 40)]


def test_homeless_victim_is_killed_not_displaced(nlp):
    assert told(nlp, "A homeless woman was stabbed to death outside a bakery on Tuesday night.") == [("killed", 1)]


def test_newly_displaced_families_are_still_displaced(nlp):
    text = "Some 2,000 newly displaced families arrived in the town after the attack."
    assert told(nlp, text) == [("displaced", 1800)]


def test_people_displaced_by_the_event_are_unchanged(nlp):
    assert told(nlp, "At least 300 people were displaced.") == [("displaced", 300)]
