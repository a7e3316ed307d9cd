"""Verb forms of casualty claims (extract/casualties.py): who an attack "left wounded", who
"succumbed to" wounds or was "grazed", and the nouns "shooting" modifies. Sentences written by us,
wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def counts(nlp, text: str) -> set[tuple[str, int | None]]:
    return {(c.measure.value, c.figure.low) for c in extract_claims(nlp(text), Article(id="l", text=text))}


def test_left_wounded_parsed_as_an_adverbial_clause_counts_the_object(nlp):
    """The parser makes "wounded" an adverbial clause of "left" (was no claim)."""
    assert counts(nlp, "The roadside bomb left two soldiers wounded.") == {("injured", 2)}


def test_left_wounded_attached_to_the_main_verb_still_counts_the_object_of_left(nlp):
    """Here the parser hangs "wounded" on "arrested": the object of "left" just before it is who was hurt."""
    text = "Deputies arrested a teenager after a shootout that left two people wounded."
    assert counts(nlp, text) == {("arrested", 1), ("injured", 2)}


def test_who_left_them_wounded_and_fled_displaced_nobody(nlp):
    assert counts(nlp, "Gunmen left three guards wounded and fled.") == {("injured", 3)}


def test_a_shooting_incident_or_spree_is_nobody_hurt(nlp):
    """ "shooting incident" parsed as a verb and its object counted one person injured (and arrested)."""
    text = "Two more teens arrested over shooting incident\n\nPolice arrested two more teenagers on Friday."
    assert ("injured", 1) not in counts(nlp, text)
    text = "Fourth man from shooting spree arrested\n\nDeputies arrested a fourth man on Tuesday."
    assert counts(nlp, text) == {("arrested", 1)}


def test_shooting_a_person_named_by_a_noun_is_still_a_victim(nlp):
    assert ("injured", 1) in counts(nlp, "He is accused of shooting a teenager outside the store on Friday.")


def test_who_succumbed_to_wounds_died_but_not_who_succumbed_to_pressure(nlp):
    assert counts(nlp, "Police said a 32-year-old man succumbed to his wounds on Saturday.") == {("killed", 1)}
    assert counts(nlp, "Three fishermen perished at sea when the shell hit their boat.") >= {("killed", 3)}
    assert counts(nlp, "The company succumbed to pressure and closed the plant.") == set()


def test_grazed_by_a_bullet_is_hurt(nlp):
    assert counts(nlp, "A 15-year-old boy was grazed by a bullet while walking home.") == {("injured", 1)}


def test_left_dead_and_wounded_pairs_each_count_with_its_participle(nlp):
    """ "left 12 dead and at least 40 injured" lost the 40 (the parser hangs the count on the verb, or
    the second participle on "left", or makes "others" its subject); "two dead and at least five
    wounded" gave two hurt."""
    assert counts(nlp, "The blast left 12 dead and at least 40 injured.") == {("killed", 12), ("injured", 40)}
    assert counts(nlp, "The shootings left two dead and at least five wounded.") == {("killed", 2), ("injured", 5)}
    text = "The gunfire left three men dead and at least six others wounded."
    assert counts(nlp, text) == {("killed", 3), ("injured", 6)}
    assert counts(nlp, "The attack left a soldier and two civilians wounded.") == {("injured", 3)}


def test_a_person_hit_by_the_firing_the_clause_hangs_on_is_hurt(nlp):
    """ "fired at least 10 shots, hitting two people" counted nobody ("hit" counts damage unless a
    bullet is its subject); what the shots hit that is no person stays damage."""
    assert counts(nlp, "Police said the gunman fired at least 10 shots, hitting two people.") == {("injured", 2)}
    assert counts(nlp, "The suspect opened fire, striking a 20-year-old man in the leg.") == {("injured", 1)}
    assert counts(nlp, "He fired at officers, striking one in the arm.") == {("injured", 1)}
    assert counts(nlp, "The gunman fired several rounds, hitting two parked cars.") == {("damaged", 2)}


def test_a_second_person_told_with_the_verb_left_out_is_counted(nlp):
    """ "One person was shot in the hand, another in the leg" counted one hurt; "another in the
    hospital" is no second victim (the place is no wound)."""
    assert sorted(c for c in figures_of(nlp, "One person was shot in the hand, another in the leg.")) == [1, 1]
    assert sorted(figures_of(nlp, "Two women were shot in the arm and a third in the back.")) == [1, 2]
    assert figures_of(nlp, "One guard was killed and another in the hospital.") == [1]


def figures_of(nlp, text: str) -> list[int | None]:
    return [c.figure.low for c in extract_claims(nlp(text), Article(id="g", text=text))]
