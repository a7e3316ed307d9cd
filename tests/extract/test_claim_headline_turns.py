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


@pytest.mark.parametrize("title", ["Grandmother injured in Westvale drive-by shooting dies",
                                   "Teen wounded in Elm Park shooting has died",
                                   "Cook in critical condition after diner shooting dies"])
def test_a_hurt_person_who_dies_is_a_death(nlp, title):
    assert title_claims(nlp, title) == [("killed", 1, "incident")]


def test_a_count_with_its_own_death_stays_apart(nlp):
    assert title_claims(nlp, "2 injured, 1 dies in highway crash") == [("injured", 2, "incident"),
                                                                       ("killed", 1, "incident")]


def test_a_headline_spanning_days_is_a_roundup(nlp):
    assert title_claims(nlp, "11 people shot in Dayport Friday and Saturday") == [("injured", 11, "cumulative")]
    assert title_claims(nlp, "Man shot Friday dies Saturday") == [("killed", 1, "incident")]


def test_a_bracketed_link_to_another_story_gives_no_claim(nlp):
    text = ("A 13-year-old camper died after a hunting rifle went off by accident at a lake cabin.\n\n"
            "[Deputies: Boys handle pistol, one shot]\n\nDeputies said the girl was handling a relative's handgun.")
    found = extract_claims(nlp(text), Article(id="b", text=text))
    assert [(c.measure.value, c.figure.low) for c in found] == [("killed", 1)]


def test_the_seriously_hurt_told_before_a_death_include_the_dead(nlp):
    text = ("Four people were shot on Juniper Row on Saturday. All four were rushed to a hospital with "
            "serious injuries. One of them died on Sunday, police said.")
    toll = incident_toll([extract_claims(nlp(text), Article(id="s", text=text))])
    assert (toll.killed, toll.injured) == (1, 3)


@pytest.mark.parametrize(("title", "expected"), [
    ("One of 5 shot in Harlow Springs pool hall dies of injuries", [("killed", 1, "incident"),
                                                                       ("injured", 4, "incident")]),
    ("Deputies: Father shoots 4 cousins, killing 2, then himself", [("injured", 2, "incident"),
                                                                  ("killed", 3, "incident")]),
    ("Nine Injured In Strip Mall Shooting, Suspect Dead", [("injured", 9, "incident")]),
])
def test_who_of_the_hit_died(nlp, title, expected):
    assert title_claims(nlp, title) == expected


def test_a_relative_clause_goes_on_after_its_comma(nlp):
    """ "shooting that killed one teen, injured 4 others": the second verb's count follows it too (was one
    teen hurt)."""
    assert title_claims(nlp, "Detectives probe gas station shooting that killed one teen, injured 4 others") == [
        ("killed", 1, "incident"), ("injured", 4, "incident")]
    assert title_claims(nlp, "3 dead, 5 wounded in shooting") == [("killed", 3, "incident"), ("injured", 5, "incident")]
