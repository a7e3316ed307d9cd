"""Casualty words that tell no one hurt: a charge's "injury or death", talk about killing, a lament's
"too many killings", an animal shot. Sentences written by us, wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article


def toll(nlp, text: str) -> tuple[int | None, int | None]:
    found = incident_toll([extract_claims(nlp(text), Article(id="q", text=text))])
    return found.killed, found.injured


def test_one_casualty_word_or_another_is_a_charges_wording(nlp):
    assert toll(nlp, "The teenager faces a count of negligent use of a weapon resulting in injury or death.") == (None, None)
    assert toll(nlp, "The crash caused the death or serious injury of four workers.") == (4, None)  # counted: stays


def test_talk_about_killing_kills_no_one(nlp):
    assert toll(nlp, '"She often talked about killing herself," her brother told reporters.') == (None, None)
    assert toll(nlp, "He constantly talks about killing police officers and trespassers.") == (None, None)
    assert toll(nlp, "Police think the gunman killed two people before fleeing.") == (2, None)


def test_too_many_killings_is_a_lament(nlp):
    assert toll(nlp, '"It\'s just too many killings here," said a neighbour.') == (None, None)


def test_an_animal_is_no_victim(nlp):
    assert toll(nlp, "Wildlife officers could not confirm the horse was killed.") == (None, None)
    assert toll(nlp, "A hunter shot a deer and then found the wounded man in the brush.") == (None, 1)


def test_so_many_victims_is_a_lament(nlp):
    assert toll(nlp, '"So many teenagers are getting killed on these streets, and it must end."') == (None, None)


def test_a_count_over_a_span_of_hours_is_a_roundup(nlp):
    text = "The attack came during a bloody stretch that saw 17 people shot over a span of 60 hours."
    assert toll(nlp, text) == (None, None)
