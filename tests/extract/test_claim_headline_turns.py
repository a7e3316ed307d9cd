"""Headlines and lines whose shape changes what a count means: a hurt person who "dies" later, a
headline spanning days (a roundup), a bracketed link to another story, and a count of the seriously
hurt told before one of them died. Sentences written by us, wire style."""

from __future__ import annotations

import pytest

from parallax.extract.claims import extract_claims, extract_title_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article


def title_claims(nlp, title: str):
    return [(c.measure.value, c.figure.low, c.scope)
            for c in extract_title_claims(nlp(title), Article(id="h", text="x", title=title))]


@pytest.mark.parametrize("title", ["Woman injured in Parramore drive-by shooting dies",
                                   "Teen wounded in Elm Park shooting has died",
                                   "Man in critical condition after bar shooting dies"])
def test_a_hurt_person_who_dies_is_a_death(nlp, title):
    assert title_claims(nlp, title) == [("killed", 1, "incident")]


def test_a_count_with_its_own_death_stays_apart(nlp):
    assert title_claims(nlp, "2 injured, 1 dies in highway crash") == [("injured", 2, "incident"),
                                                                       ("killed", 1, "incident")]


def test_a_headline_spanning_days_is_a_roundup(nlp):
    assert title_claims(nlp, "13 people shot in Cleveland Friday and Saturday") == [("injured", 13, "cumulative")]
    assert title_claims(nlp, "Man shot Friday dies Saturday") == [("killed", 1, "incident")]


def test_a_bracketed_link_to_another_story_gives_no_claim(nlp):
    text = ("A 16-year-old boy died in what appears to be an accidental shooting.\n\n"
            "[PD: Teens play with gun, one shot]\n\nPolice said the boy was playing with a friend.")
    found = extract_claims(nlp(text), Article(id="b", text=text))
    assert [(c.measure.value, c.figure.low) for c in found] == [("killed", 1)]


def test_the_seriously_hurt_told_before_a_death_include_the_dead(nlp):
    text = ("Four people were shot on Elm Street on Saturday. All four were taken to the hospital with "
            "serious injuries. One of them died on Sunday, police said.")
    toll = incident_toll([extract_claims(nlp(text), Article(id="s", text=text))])
    assert (toll.killed, toll.injured) == (1, 3)


@pytest.mark.parametrize(("title", "expected"), [
    ("One of 5 shot in Southern Pines billiards bar dies of injuries", [("killed", 1, "incident"),
                                                                       ("injured", 4, "incident")]),
    ("Police: Man shoots 4 relatives, killing 2, then himself", [("injured", 2, "incident"),
                                                                  ("killed", 3, "incident")]),
    ("Nine Injured In Strip Mall Shooting, Suspect Dead", [("injured", 9, "incident")]),
])
def test_who_of_the_hit_died(nlp, title, expected):
    assert title_claims(nlp, title) == expected


def test_a_relative_clause_goes_on_after_its_comma(nlp):
    """ "shooting that killed one man, injured 3 others": the second verb's count follows it too (was one
    man hurt)."""
    assert title_claims(nlp, "Police investigating drive-by shooting that killed one man, injured 3 others") == [
        ("killed", 1, "incident"), ("injured", 3, "incident")]
    assert title_claims(nlp, "2 dead, 4 wounded in shooting") == [("killed", 2, "incident"), ("injured", 4, "incident")]
