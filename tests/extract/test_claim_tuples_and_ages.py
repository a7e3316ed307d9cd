"""Counts told by a tuple ("a quadruple shooting", "double homicide"), ages whose closing comma was left
out ("Calvin Morrow, 24 was shot"), figures the speaker took back, wound clauses about nobody and
generic present-tense killing. Sentences written by us, wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims, extract_title_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article, Measure, Stance


def claims(nlp, text: str):
    return extract_claims(nlp(text), Article(id="q", text=text))


def counts(nlp, text: str) -> list[tuple[str, int | None]]:
    return [(c.measure.value, c.figure.low) for c in claims(nlp, text) if not c.negated]


def toll(nlp, text: str) -> tuple[int | None, int | None]:
    found = incident_toll([claims(nlp, text)])
    return found.killed, found.injured


def title_counts(nlp, title: str, body: str) -> list[tuple[str, int | None]]:
    article = Article(id="q", text=body, title=title)
    told = extract_claims(nlp(body), article)
    return [(c.measure.value, c.figure.low) for c in extract_title_claims(nlp(title), article, body=told)]


def test_an_age_without_its_closing_comma_is_no_count(nlp):
    text = ("Calvin Morrow, 24 was shot in the chest, Dale Pruitt, 26 was shot in the left leg and "
            "Jamal Ortiz, 22 was shot in the hip, officers said.")
    assert counts(nlp, text) == [("injured", 1)] * 3  # one claim per person named, never 26 or 22


def test_a_tuple_shooting_counts_the_hit_and_the_dead_come_out_of_it(nlp):
    assert toll(nlp, "Officers are looking into a quadruple shooting on Birch Lane. One man later died at the hospital.") \
        == (1, 3)
    assert toll(nlp, "Detectives are hunting the shooter in a triple shooting near the bus depot.") == (None, 3)


def test_a_tuple_killing_counts_the_dead(nlp):
    assert toll(nlp, "Deputies found the scene of a double homicide on Palmer Road.") == (2, None)
    assert toll(nlp, "The triple murder shocked the farming town.") == (3, None)
    assert toll(nlp, "A double fatal shooting on Main Street left neighbours shaken.") == (2, None)


def test_a_count_told_in_words_outranks_the_tuple_in_an_arrest_sentence(nlp):
    text = ("A second man was arrested on Friday over the March 3 quadruple murder. "
            "Officials think the four people found shot dead in the farmhouse were chosen deliberately.")
    killed = [c for c in claims(nlp, text) if c.measure is Measure.KILLED]
    assert [(c.figure.low, c.figure.text) for c in killed] == [(4, "four")]


def test_headline_tuples(nlp):
    body = "Four people were shot on West Third Street overnight and one of the victims died."
    assert title_counts(nlp, "Quadruple Shooting Leaves 1 Dead On Ferris Avenue", body) == [
        ("injured", 3), ("killed", 1)]  # "Quadruple" is nobody, and the tuple counts the hit
    assert title_counts(nlp, "Teen Among Victims in Dunmore Quadruple Shooting", body) == [("injured", 3)]


def test_a_figure_the_speaker_revised_is_taken_back(nlp):
    text = "Deputies had originally said that nine people were shot, but later amended that count to six."
    assert [c.stance for c in claims(nlp, text)] == [Stance.RETRACTED]
    assert [c.stance for c in claims(nlp, "Deputies originally said nine people were shot.")] == [Stance.ASSERTED]


def test_a_wound_clause_about_the_cause_of_death_is_nobody_hurt(nlp):
    assert counts(nlp, "The pathologist found that the cause of death was a gunshot wound through the shoulder blade.") == [("killed", 1)]
    assert counts(nlp, "The wound was not life-threatening, a detective said.") == [("injured", 1)]


def test_killing_told_as_a_general_truth_is_no_claim(nlp):
    assert counts(nlp, "Maybe guns do kill people, the pastor said.") == []
    assert counts(nlp, "Kitchen knives kill people more often than rifles do, the report argued.") == []
    assert counts(nlp, "The militants killed civilians in the raid.") == [("killed", 1)]


def test_a_headline_tells_the_past_in_the_present(nlp):
    """A headline's simple present is no general truth (the general-truth rule lost both these headlines
    of our examples), nor is a count word ("dozens") a bare plural."""
    body = "The attack happened on Monday, officials said."
    assert title_counts(nlp, "Suicide bomber kills worshippers at Maiduguri mosque", body) == [("killed", 1)]
    assert title_counts(nlp, "Gunmen abduct dozens of pupils in Zamfara", body) == [("abducted", 12)]


def test_a_plural_tuple_noun_is_a_kind_of_crime_not_a_count(nlp):
    assert counts(nlp, '"Triple homicides just do not happen in a quiet valley like ours," the sheriff said.') == []
