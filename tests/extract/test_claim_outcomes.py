"""What became of people a text says were shot (extract/outcomes.py): the dead are taken out of the
shot, except those the text tells survived. Sentences written by us, wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def counts(nlp, text: str) -> set[tuple[str, int | None]]:
    return {(c.measure.value, c.figure.low) for c in extract_claims(nlp(text), Article(id="o", text=text))}


def test_the_dead_are_taken_out_of_the_shot(nlp):
    text = "Four people were shot outside a bar in Millbrook on Friday. One of them died at the scene."
    assert ("injured", 3) in counts(nlp, text)


def test_a_hit_told_as_survived_is_not_the_dead_told_again(nlp):
    """ "A fourth person was also shot ... but survived with non-life-threatening injuries" beside three
    dead was dropped as one of them (GVA: three dead and one hurt came out as no one hurt)."""
    text = ("Three people were found shot to death in a house on Alder Street in Millbrook. "
            "A fourth person was also shot, police said, but escaped with non-life-threatening injuries.")
    assert counts(nlp, text) >= {("killed", 3), ("injured", 1)}


def test_non_life_threatening_written_with_a_space_is_survived(nlp):
    """ "two men suffered non-life threatening injuries" beside two dead came out as no one hurt: only the
    hyphenated spelling counted as survived."""
    text = ("Two people were shot and killed outside a Millbrook nightclub early Sunday. "
            "Police said two unidentified men suffered non-life threatening injuries in the shooting.")
    assert counts(nlp, text) >= {("killed", 2), ("injured", 2)}


def test_both_later_died_after_two_hurt_is_no_one_hurt_when_more_died(nlp):
    """ "Five people are dead ... A woman and a girl suffered life-threatening injuries ... Both later
    died." kept the two as hurt: the article's dead (five) outnumber them, so they were not taken out."""
    text = ("Five people are dead after a shooting at a Millbrook home on Tuesday. "
            "Three people died at the scene. "
            "A woman and a 6-year-old girl suffered life-threatening injuries and were taken to hospitals. "
            "Both later died.")
    assert not {f for f in counts(nlp, text) if f[0] == "injured"}
