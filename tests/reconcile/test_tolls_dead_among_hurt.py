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
    assert toll(nlp, "Deputies said the infant also suffered a bullet wound to the hip and was flown to a "
                     "trauma unit, where she died before dawn.") == (1, None)


def test_a_hurt_person_beside_another_death_stays_hurt(nlp):
    assert toll(nlp, "The teenager's mother was also shot and is recovering after surgery. The teenager died at the scene.") \
        == (1, 1)


def test_a_name_told_dead_listed_among_the_shot_is_out_of_the_hurt(nlp):
    text = ("Detectives believe Okafor and the three other teens were shot when a pickup slowed beside the park. "
            "Marcus Okafor, 17, died of his wounds.")
    assert toll(nlp, text) == (1, 3)
    text = ("Police said Hardy and two other men were shot outside the store. "
            "Tevin Hardy, 19, was pronounced dead at Mercy Hospital.")
    assert toll(nlp, text) == (1, 2)


def test_full_names_listed_one_by_one_in_a_sentence_are_counted_each(nlp):
    text = ("Those treated at the county hospital include: Danita Greer, who was shot in the knee; "
            "Rolando Pike, who was shot in the shoulder; and Curtis Webb, who was shot in the wrist.")
    assert toll(nlp, text) == (None, 3)
    assert toll(nlp, "Tevin Hardy was shot in the leg, and Hardy was taken to a hospital.") == (None, 1)


def test_a_headline_shaped_line_of_the_body_counts_the_dead_among_its_shot(nlp):
    text = ("Five Shot in Little Village View Full Caption\n\n"
            "A gunman sprayed the group with bullets, hitting all five of them and killing both men, police said.")
    assert toll(nlp, text) == (2, 3)


def test_a_hurt_person_named_apart_from_the_named_dead_stays_hurt(nlp):
    """Regression: "Marsh is in fair condition" beside "Ruiz died" was taken for the
    death told again (one person named by a phrase beside a death); a surname none of the named dead
    has is someone else. A hurt person named like the dead ("Pat" beside "Patrick"), or named by a
    common noun a sentence opens with ("Teen"), is still the death told again."""
    text = ("Darnell Ruiz, 16, was murdered on Sunday night. Ruiz died from several gunshot wounds. "
            "Marsh is in fair condition with a leg wound.")
    assert toll(nlp, text) == (1, 1)
    text = "A bullet struck Patrick in the chest. Two days later, Pat was dead."
    assert toll(nlp, text) == (1, None)
    text = "Delroy Fenn died at the scene, police said. Teen shot after a robbery on the east side."
    assert toll(nlp, text)[1] is None


def test_hurt_people_each_introduced_in_one_sentence_are_counted_each(nlp):
    """Regression: "a boy was grazed ..., and a woman was wounded" counted one hurt (victims listed one by
    one are not added up, as one victim is often named twice); two people each introduced by "a" with
    another noun are two. The same noun twice, or the dead, are not added up this way."""
    text = ("Police said a 9-year-old boy was grazed in the arm, and a woman was wounded in the shoulder "
            "outside a laundromat on Pine Avenue late Sunday.")
    assert toll(nlp, text) == (None, 2)
    assert toll(nlp, "A man was shot in the leg, and a man was later arrested nearby.")[1] == 1


def test_the_one_a_double_shooting_leaves_hurt_is_no_death_told_again(nlp):
    """Regression: "a double shooting ... left one man dead" gave no hurt: the one hurt the tuple leaves
    was taken for the death told again; and "a second man was injured" beside it is inside the two,
    not a third person."""
    text = ("A double shooting on Elm Row left one man dead early Friday. "
            "Police said the man died before paramedics came.")
    assert toll(nlp, text) == (1, 1)
    text = ("The coroner named the teenager who died in Saturday's double-shooting by the rail yard. "
            "Carver, 17, died in surgery. Officers said a second man was hurt in the gunfire and drove "
            "himself to a clinic across town.")
    assert toll(nlp, text) == (1, 1)


def test_an_unborn_child_is_not_counted_among_the_dead(nlp):
    """Regression: "<n> people and an unborn baby" dead, "<n> people, including an unborn child" killed,
    counted the unborn child among the dead, which GVA and UCDP do not; the claim keeps its words, the
    toll counts the born."""
    assert toll(nlp, "The sheriff said the ambush on the farm road killed three men and an unborn baby.") \
        == (3, None)
    assert toll(nlp, "Investigators say the gunman killed seven relatives at the farmhouse, among them an "
                     "unborn child.")[0] == 6
    assert toll(nlp, "Investigators say the gunman killed seven relatives at the farmhouse.")[0] == 7
