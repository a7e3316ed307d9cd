"""Regressions from a new user's wire articles (round 4b), each on a sentence we wrote."""

from __future__ import annotations

import pytest

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def killed_of(nlp, text: str) -> list[tuple[int | None, int | None, str]]:
    claims = extract_claims(nlp(text), Article(id="r", text=text))
    return [(c.figure.low, c.figure.high, c.figure.text) for c in claims if c.measure.value == "killed"]


@pytest.mark.parametrize("text, count, word", [
    # the parser made the town the subject and the marines its conjunct: killed 1 "ARAUCA" before
    ("ARAUCA, Colombia - Three marines were killed in a clash with an armed group near the river on "
     "Friday, the navy said.", 3, "Three"),
    # "Three" parsed as a compound carrying "Colombia": killed [1+] "Three police officers" before
    ("YOPAL, Colombia - Three police officers were killed at a roadblock outside the town on Sunday, "
     "the police said.", 3, "Three"),
])
def test_count_after_a_bare_dateline(nlp, text, count, word):
    """A wire dateline with no outlet ("TOWN, Country - Three soldiers were killed"): the count is
    the number after the dash, never the town nor a bare plural."""
    assert killed_of(nlp, text) == [(count, count, word)]


def claims_of(nlp, text: str):
    return extract_claims(nlp(text), Article(id="r", text=text))


def test_another_countrys_ministry_is_not_the_earlier_ministry(nlp):
    """ "Pakistan's foreign ministry said" after "Afghanistan's defence ministry said": two speakers
    (the 20 militants were credited to the Afghan ministry)."""
    text = ("A drone strike killed nine villagers in Khost, the Afghan interior ministry said. "
            "Pakistan's foreign ministry said its forces had killed 14 militants.")
    found = {(c.figure.low, c.speaker.normalized) for c in claims_of(nlp, text)}
    assert found == {(9, "Afghan interior ministry"), (14, "Pakistan's foreign ministry")}


def test_nobody_harmed_is_a_denial_and_harm_alone_no_claim(nlp):
    denied = [(c.measure.value, c.figure.low, c.negated) for c in
              claims_of(nlp, '"No civilians were harmed in the operation," the army said.')]
    assert ("killed", 0, True) in denied and ("injured", 0, True) in denied
    assert claims_of(nlp, "The fighting harmed the town's trade.") == []


def test_rejected_claims_are_denied_by_who_rejects_them(nlp):
    """ "rejecting Afghan claims that 11 civilians had died": 11 civilians (not "Afghan claims" [1+]),
    denied by the military, who is the speaker (not the dateline "ISLAMABAD")."""
    text = ("QUETTA (Frontier Wire) - Pakistan's army said its jets killed 16 fighters, "
            "rejecting Afghan claims that nine civilians had died.")
    found = {(c.figure.low, c.figure.high, c.speaker.normalized, c.stance.value) for c in claims_of(nlp, text)}
    assert found == {(16, 16, "Pakistan's army", "asserted"), (9, 9, "Pakistan's army", "denied")}


def test_a_corrected_figure_is_retracted(nlp):
    """An outlet's correction note ("an earlier version of <the piece> said <n> ..."): the outlet took
    the figure back (it was an asserted claim and set fatalities_high)."""
    text = ("Editor's note: An earlier version of this dispatch said 15 people were killed, citing a "
            "local radio station. Police said nine were killed.")
    found = {(c.figure.low, c.stance.value) for c in claims_of(nlp, text)}
    assert found == {(15, "retracted"), (9, "asserted")}


def test_a_toll_put_at_a_figure_is_its_speakers_and_each_part_keeps_its_time(nlp):
    """ "By midday the army put the toll at nine dead; by evening the governor said 14 ...": the nine
    were credited to the governor and every figure was timed "By midday"."""
    text = ("By noon the army put the toll at seven dead; by nightfall Governor Ana Rios said 12 people "
            "had died and five were wounded.")
    found = {(c.figure.low, c.speaker.normalized, c.claim_time) for c in claims_of(nlp, text)}
    rios = "Governor Ana Rios"
    assert found == {(7, "army", "By noon"), (12, rios, "by nightfall"), (5, rios, "by nightfall")}
