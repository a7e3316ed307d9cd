"""Claims a fresh-clone user found wrong in articles of their own (findings F2, F5, F9), each on a
sentence we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article, Measure


def told(nlp, text: str) -> list[tuple[str, int | None, int | None, str, bool]]:
    return [(c.measure.value, c.figure.low, c.figure.high, c.victim_group, c.negated)
            for c in extract_claims(nlp(text), Article(id="u", text=text))]


def test_not_mentioning_casualties_is_no_casualty_claim(nlp):
    """F5: "did not mention civilian casualties" came out as a civilian casualties claim of the
    ministry, an admission it never made."""
    text = ("The defence ministry in Moscow said its missiles had hit a fuel depot near Kharkiv and did not "
            "mention civilian casualties.")
    assert not [c for c in told(nlp, text) if c[0] != "damaged"]


def test_no_mention_of_deaths_is_no_claim(nlp):
    assert told(nlp, "The governor's statement made no mention of deaths.") == []


def test_share_of_the_wounded_in_critical_condition_is_no_count(nlp):
    """F9: "several of the wounded were in critical condition" came out as at least 3 injured; it
    describes some of the wounded the sentence before counted."""
    text = "Medics at the district hospital said several of the wounded were in critical condition."
    assert [c for c in told(nlp, text) if c[0] == "injured"] == []


def test_wounded_in_critical_condition_keeps_its_count(nlp):
    text = "Nine people were wounded by the explosion, four of them in critical condition, a medic said."
    assert [c[:3] for c in told(nlp, text)] == [("injured", 9, 9)]


def test_gunmen_who_shot_dead_an_official_are_not_killed(nlp):
    """F2: "gunmen shot dead a district commissioner" counted the gunmen as dead too (2 killed)."""
    text = ("In Baidoa, gunmen shot dead a deputy district commissioner, Omar Yusuf Ali, as he left a "
            "mosque on Friday evening, a regional official said.")
    assert [(m, low, high, group) for m, low, high, group, _ in told(nlp, text)
            if m == Measure.KILLED.value] == [("killed", 1, 1, "commissioner")]
