"""Victims counted within one sentence: names listed with ages, names after a relative clause's verb or
named by the subject of "were the victims", and tolls that are not this incident's (GVA misses, sentences
written by us)."""

from __future__ import annotations

from parallax.extract.claims import extract_claims, extract_title_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article


def figures(nlp, text: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(c.measure.value, c.figure.low, c.figure.high, c.scope)
            for c in extract_claims(nlp(text), Article(id="l", text=text))]


def test_names_each_with_an_age_are_all_counted(nlp):
    """ "A, 31, B, 19, and C, 25, died": the parser hangs B on A as an apposition and C on B (was one dead)."""
    assert figures(nlp, "Dana Roe, 31, Carl Minton, 19, and Lisa Kerr, 25, died at the scene.") == [
        ("killed", 3, 3, "incident")]
    assert figures(nlp, "Dana Roe, 31, Carl Minton, 19, and 25-year-old Lisa Kerr were found dead.") == [
        ("killed", 3, 3, "incident")]


def test_one_name_with_an_age_stays_one(nlp):
    assert figures(nlp, "Dana Roe, 31, was killed.") == [("killed", 1, 1, "incident")]


def test_names_after_the_verb_of_a_relative_clause_are_all_counted(nlp):
    """ "the shots that killed A, B and C" (was A alone); "two men who were killed and a woman" stays two."""
    assert figures(nlp, "The shots that killed Roe, Minton and Kerr were fired from a rifle, the sheriff said.") == [
        ("killed", 3, 3, "incident")]
    assert figures(nlp, "Two men who were killed and a woman were named.") == [("killed", 2, 2, "incident")]


def test_the_subject_of_were_the_victims_is_who_died(nlp):
    """ "A, 47, and B, 38, were the victims who died" is two dead (was "the victims", at least one)."""
    assert figures(nlp, "Police said Ray Dunn, 47, and Ella Moss, 38, were the victims who died.") == [
        ("killed", 2, 2, "incident")]
    assert figures(nlp, "Smith was one of two people who were killed.") == [("killed", 2, 2, "incident")]


def test_deaths_over_past_weeks_or_years_ago_are_not_this_incidents(nlp):
    """ "In the past five weeks alone, three toddlers have died", "eleven other villagers were wounded in
    attacks elsewhere", "Two cousins died in a barn fire years ago": other deaths than the incident's."""
    text = "In the past five weeks alone, three toddlers have died in the valley from accidental gunshots."
    assert figures(nlp, text) == [("killed", 3, 3, "cumulative")]
    text = "Eleven other villagers were wounded in attacks elsewhere in the province on Monday."
    assert figures(nlp, text) == [("injured", 11, 11, "cumulative")]
    assert figures(nlp, "Two cousins died in a barn fire years ago.") == [("killed", 2, 2, "cumulative")]
    assert figures(nlp, "Three dockworkers were wounded in an attack near Pier 9.") == [("injured", 3, 3, "incident")]


def test_victims_found_suffering_from_wounds_are_the_found(nlp):
    """ "troopers found the woman and the infant suffering from bullet wounds": the woman and the infant
    are hurt, not the troopers (the parser makes "suffering" a noun conjoined with the woman)."""
    text = "Inside the trailer, troopers found the 27-year-old woman and the 4-month-old infant suffering from bullet wounds."
    assert [(m, low, high) for m, low, high, _ in figures(nlp, text)] == [("injured", 2, 2)]
    assert figures(nlp, "The cashier was treated for minor injuries.") == [("injured", 1, 1, "incident")]


def title_figures(nlp, title: str) -> list[tuple[str, int | None, int | None]]:
    claims = extract_title_claims(nlp(title), Article(id="l", text="", title=title))
    return [(c.measure.value, c.figure.low, c.figure.high) for c in claims]


def test_headline_another_wounded_is_one_more(nlp):
    """ "Student Killed, Another Wounded in ... Shooting" is one dead and one hurt (the hurt one was lost)."""
    assert title_figures(nlp, "Student Killed, Another Wounded in Elmwood Shooting") == [
        ("killed", 1, 1), ("injured", 1, 1)]


def test_headline_left_ends_a_count(nlp):
    """ "shooting that injured 6-year-old, left man dead": one hurt and one dead, not two of each
    ("left" is tagged an adjective and the walk ran through it)."""
    assert sorted(title_figures(nlp, "Neighbor held in shooting that injured 6-year-old, left man dead")) == [
        ("injured", 1, 1), ("killed", 1, 1)]


def test_they_both_is_two(nlp):
    """ "They were both pronounced dead" is two dead, not "at least two"; "They were all rushed" stays open."""
    assert figures(nlp, "They were both pronounced dead in the parking garage.") == [("killed", 2, 2, "incident")]
    assert figures(nlp, "They were all rushed to area hospitals with bullet wounds.") == [("injured", 2, None, "incident")]


def test_shooter_who_turned_the_gun_on_himself_is_dead_too(nlp):
    """ "shot and killed a girl before turning the gun on himself": two dead (the shooter was not counted);
    "threatened to turn the gun on himself" and "turned himself in" kill nobody."""
    text = "A man shot and killed a girl in Elmwood before turning the gun on himself beside the swings."
    assert figures(nlp, text) == [("killed", 1, 1, "incident"), ("killed", 1, 1, "incident")]
    claims = extract_claims(nlp(text), Article(id="l", text=text))
    assert incident_toll([claims]).killed == 2
    assert figures(nlp, "He threatened to turn the gun on himself before officers talked him down.") == []
    assert figures(nlp, "He turned himself in to police on Monday.") == []


def test_names_listed_in_apposition_without_ages_are_all_counted(nlp):
    """The parser hangs the second and third names on the first as appositions: one person has no two
    names in apposition, so they are a list (was two hurt of four)."""
    text = ("At the clinic, detectives were told by nurses that Wendell Harrow, Tamsin Oakley, "
            "Corbin Vance, and Leona Pratt had been shot.")
    assert [f[:3] for f in figures(nlp, text)] == [("injured", 4, 4)]
    assert [f[:3] for f in figures(nlp, "The dead man, John Smith, was shot in the chest.")] == [("killed", 1, 1)]
