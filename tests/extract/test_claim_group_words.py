"""A group told by its size ("a family of five", "a group of three teenagers") and a street that is a
dead end: GVA misses of the fifth fresh pool, sentences written by us."""

from __future__ import annotations

from parallax.extract.claims import extract_claims, extract_title_claims
from parallax.schema import Article


def figures(nlp, text: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.measure.value, c.figure.low, c.figure.high)
            for c in extract_claims(nlp(text), Article(id="g", text=text))]


def test_a_family_of_five_is_five(nlp):
    assert figures(nlp, "A family of four was found shot dead inside a farmhouse near Kenton.") == [("killed", 4, 4)]
    title = "Family of five found shot dead in Maine farmhouse: sheriff"
    claims = extract_title_claims(nlp(title), Article(id="t", text="", title=title))
    assert [(c.measure.value, c.figure.low) for c in claims] == [("killed", 5)]


def test_a_group_of_three_teenagers_is_three(nlp):
    assert figures(nlp, "A group of three teenagers was wounded outside the arcade.") == [("injured", 3, 3)]


def test_a_family_without_a_size_stays_one_family(nlp):
    assert figures(nlp, "A family was wounded when the shots came through the window.") == [("injured", 1, 1)]


def test_a_dead_end_street_is_no_death(nlp):
    found = figures(nlp, "Neighbors on the dead end street said they know the toddler who was injured.")
    assert ("killed", 1, 1) not in found and ("injured", 1, 1) in found
    assert not any(m == "killed" for m, _, _ in figures(nlp, "The car stopped on a dead-end road near the mill."))


def test_a_rate_or_an_age_bound_counts_no_one(nlp):
    """ "19.3 deaths per 100,000 people" was 19 killed; "kids under six are being shot" 6 hurt."""
    assert figures(nlp, "The state rate is 19.3 deaths per 100,000 people, the report said.") == []
    assert not any(low == 6 for _, low, _ in figures(nlp, "Doctors say more kids under six are being shot in their own homes."))
    assert figures(nlp, "Three children under eight were shot on Monday.") == [("injured", 3, 3)]


def test_an_age_before_an_adjective_and_a_person_word_is_that_person(nlp):
    """ "19-year-old Amish man wounded by brother": one hurt (was two: the age phrase and the man)."""
    title = "19-year-old Amish man wounded by brother near Lancaster"
    claims = extract_title_claims(nlp(title), Article(id="t", text="", title=title))
    assert [(c.measure.value, c.figure.low, c.figure.high) for c in claims] == [("injured", 1, 1)]


def test_a_headline_list_of_people_found_dead_is_each_of_them(nlp):
    """ "Mother, son found dead": two (was one: "found" ended the list); "Man found dead" stays one."""
    for title, want in (("Mother, son found dead in Tulsa apartment", 2), ("Man found dead in parked car", 1)):
        claims = extract_title_claims(nlp(title), Article(id="t", text="", title=title))
        assert [(c.measure.value, c.figure.low) for c in claims] == [("killed", want)]


def test_a_person_a_follow_up_verb_comes_after_is_not_hurt(nlp):
    """ "Toddler shoots self, mother arrested": one hurt (was two: the mother listed as shot)."""
    title = "Toddler shoots self, mother arrested"
    claims = extract_title_claims(nlp(title), Article(id="t", text="", title=title))
    assert [(c.measure.value, c.figure.low) for c in claims] == [("injured", 1)]


def test_a_total_of_twelve_is_twelve(nlp):
    """ "A total of 12 guards were killed" was one killed ("A total")."""
    assert figures(nlp, "A total of 12 guards were killed at the depot.") == [("killed", 12, 12)]


def test_a_casualty_verb_after_after_goes_on_with_the_headline_list(nlp):
    """ "Farmer shoots self after killing wife, 2 young sons": the three dead (was the one hurt alone)."""
    title = "Farmer shoots self after killing wife, 2 young sons"
    claims = extract_title_claims(nlp(title), Article(id="t", text="", title=title))
    assert ("killed", 3) in [(c.measure.value, c.figure.low) for c in claims]
    title = "2 dead after shooting at Elm Street bar"
    claims = extract_title_claims(nlp(title), Article(id="t", text="", title=title))
    assert [(c.measure.value, c.figure.low) for c in claims] == [("killed", 2)]


def test_victims_joined_by_or_are_alternatives(nlp):
    """ "whether the toddler shot himself or another child shot him": one hurt (was two)."""
    found = figures(nlp, "Detectives want to know whether the toddler shot himself or a cousin shot him.")
    assert ("injured", 2, 2) not in found and ("injured", 1, 1) in found
    assert figures(nlp, "Two men and a woman were wounded.") == [("injured", 3, 3)]


def test_ages_listed_after_a_counted_plural_are_not_counts(nlp):
    """ "Two teens, 15 and 17, wounded" was 34 hurt (the two ages added to the count)."""
    title = "Two teens, 15 and 17, wounded near Elm Park pool"
    claims = extract_title_claims(nlp(title), Article(id="t", text="", title=title))
    assert [(c.measure.value, c.figure.low) for c in claims] == [("injured", 2)]
    title = "Teen, 3 adults shot outside Elm Park pool"
    claims = extract_title_claims(nlp(title), Article(id="t", text="", title=title))
    assert [(c.measure.value, c.figure.low) for c in claims] == [("injured", 4)]
