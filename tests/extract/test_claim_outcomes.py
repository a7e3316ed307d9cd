"""What became of people a text says were shot (extract/outcomes.py): the dead are taken out of the
shot, except those the text tells survived. Sentences written by us, wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def counts(nlp, text: str) -> set[tuple[str, int | None]]:
    return {(c.measure.value, c.figure.low) for c in extract_claims(nlp(text), Article(id="o", text=text))}


def test_the_dead_are_taken_out_of_the_shot(nlp):
    text = "Five men were shot in front of a tavern in Kestrel Bay on Friday. One of them died at the scene."
    assert ("injured", 4) in counts(nlp, text)


def test_a_hit_told_as_survived_is_not_the_dead_told_again(nlp):
    """ "A fourth relative was also shot ... but survived with a non-life-threatening arm wound" beside three
    dead was dropped as one of them (GVA: three dead and one hurt came out as no one hurt)."""
    text = ("Three relatives were discovered shot to death in a duplex on Fenwick Lane. "
            "A fourth relative was also shot, deputies said, but survived with a non-life-threatening arm wound.")
    assert counts(nlp, text) >= {("killed", 3), ("injured", 1)}


def test_non_life_threatening_written_with_a_space_is_survived(nlp):
    """ "two unnamed men suffered non-life threatening leg wounds" beside two dead came out as no one hurt: only the
    hyphenated spelling counted as survived."""
    text = ("Two brothers were shot and killed behind a Kestrel Bay lounge late Saturday. "
            "Deputies said two unnamed men suffered non-life threatening leg wounds.")
    assert counts(nlp, text) >= {("killed", 2), ("injured", 2)}


def test_both_later_died_after_two_hurt_is_no_one_hurt_when_more_died(nlp):
    """ "Five people were killed ... A grandfather and his grandson suffered grave wounds ... Both later
    died." kept the two as hurt: the article's dead (five) outnumber them, so they were not taken out."""
    text = ("Five people were killed Tuesday when gunfire broke out at a Kestrel Bay duplex. "
            "Three of them died on the spot. "
            "A grandfather and his 9-year-old grandson suffered grave, life-threatening wounds and were flown to hospitals. "
            "Both later died.")
    assert not {f for f in counts(nlp, text) if f[0] == "injured"}
