"""Words a casualty claim may hang on that count nobody, or not this many: bullets fired into a home,
a photo caption's "Image", an hour ("About 2 a.m."), grief ("we're hurting a lot"), what was tried or
might have been, and general truths. Sentences written by us, wire style."""

from __future__ import annotations

import pytest

from parallax.extract.claims import extract_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article


def counts(nlp, text: str) -> list[tuple[str, int | None, str]]:
    return [(c.measure.value, c.figure.low, c.figure.text) for c in extract_claims(nlp(text), Article(id="n", text=text))
            if not c.negated]


@pytest.mark.parametrize("text", [
    "A witness said the attacker paused, then shot a dozen bullets through the kitchen window.",
    "We're hurting a lot over this, said the coach.",
    "He swallowed a box of pills in an effort to kill himself, the report said.",
    "This could have been a fatality, the sheriff said.",
    "This obsession with guns, it's killing kids, the pastor said.",
])
def test_no_one_is_counted(nlp, text):
    assert counts(nlp, text) == []


def test_an_hour_is_no_count(nlp):
    text = "About 3 a.m., 23-year-old Dana Felton was found dead beside her car on Larch Street."
    assert counts(nlp, text) == [("killed", 1, "23-year-old Dana Felton")]


def test_a_wounded_deputy_is_not_the_shooter_who_killed_himself(nlp):
    text = ("The trooper who was shot is in stable condition and should pull through. The siege ended "
            "once the gunman died of a self-inflicted gunshot.")
    toll = incident_toll([extract_claims(nlp(text), Article(id="d", text=text))])
    assert (toll.killed, toll.injured) == (1, 1)


def test_a_man_shot_who_died_is_still_one_death(nlp):
    text = "A man was shot on Elm Street on Friday. He died at the hospital."
    toll = incident_toll([extract_claims(nlp(text), Article(id="m", text=text))])
    assert (toll.killed, toll.injured) == (1, None)
