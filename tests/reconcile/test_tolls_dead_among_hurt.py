"""A death told inside a count of the hurt: a pronoun that dies later in the same sentence, a name the
article tells dead listed among the shot. Sentences written by us, wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article


def toll(nlp, text: str) -> tuple[int | None, int | None]:
    found = incident_toll([extract_claims(nlp(text), Article(id="q", text=text))])
    return found.killed, found.injured


def test_a_hurt_person_who_dies_later_in_the_sentence_is_that_death(nlp):
    assert toll(nlp, "Police said the toddler also suffered a gunshot wound and was rushed to a local hospital, "
                     "where she was later pronounced dead.") == (1, None)


def test_a_hurt_person_beside_another_death_stays_hurt(nlp):
    assert toll(nlp, "The boy's mother was also shot and is in stable condition. The boy died at the scene.") \
        == (1, 1)


def test_a_name_told_dead_listed_among_the_shot_is_out_of_the_hurt(nlp):
    text = ("Police believe Simpson and the four other teens were shot after a sedan drove by the corner. "
            "Shane Simpson, 16, was killed in the drive-by shooting.")
    assert toll(nlp, text) == (1, 4)
    text = ("Police said Moore and two other men were shot outside the store. "
            "Darnell Moore, 19, was pronounced dead at a hospital.")
    assert toll(nlp, text) == (1, 2)


def test_full_names_listed_one_by_one_in_a_sentence_are_counted_each(nlp):
    text = ("Those hurt and taken to the medical center include: Rockella Moore, who was shot in the foot; "
            "Chancey Bradford, who was shot in the arm; and Leroy Hall, who was shot in the hand.")
    assert toll(nlp, text) == (None, 3)
    assert toll(nlp, "Darnell Moore was shot in the leg, and Moore was taken to a hospital.") == (None, 1)


def test_a_headline_shaped_line_of_the_body_counts_the_dead_among_its_shot(nlp):
    text = ("Five Shot in Back of the Yards View Full Caption\n\n"
            "A shooter opened fire on the group, hitting all five and killing both women, police said.")
    assert toll(nlp, text) == (2, 3)
