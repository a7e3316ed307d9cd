"""Fatalities from a new user's wire articles (round 4b), on hand-built claims."""

from __future__ import annotations

from dataclasses import replace

from parallax.reconcile.figures import reconcile_fatalities
from parallax.schema import Stance
from builders import claim, span


def _told(article, low, group, speaker="", start=0, field="text"):
    made = replace(claim(article, low, low, speaker, start=start), victim_group=group)
    return replace(made, span=replace(span(article, str(low), start), field=field))


def _figures(*claims):
    found = reconcile_fatalities((c, "Norte News") for c in claims)
    return found.low, found.best, found.high


def test_headline_does_not_add_to_its_own_bodys_armed_dead():
    """ "Six killed in cartel gunfight" over "Six suspected gunmen were killed, the ministry said":
    one account of six (was 12/12/12: the headline's six counted as other dead beside the gunmen)."""
    headline = _told("h", 6, "", field="title")
    body = _told("h", 6, "gunmen", "Defence Ministry", start=40)
    assert _figures(headline, body) == (6, 6, 6)


def test_militants_told_by_who_denies_the_civilians_are_a_rival_account():
    """Kabul's "11 civilians" and Islamabad's "20 militants ... No civilians were harmed" in one
    article are two accounts of one strike's dead, not parts that add up (was 31/31/31)."""
    kabul = _told("p", 11, "civilians", "Afghan defence ministry", start=10)
    islamabad = _told("p", 20, "militants", "Pakistani foreign ministry", start=90)
    unharmed = replace(_told("p", 0, "civilians", "Pakistani foreign ministry", start=150), negated=True)
    assert _figures(kabul, islamabad, unharmed)[::2] == (11, 20)
    assert _figures(kabul, islamabad) == (31, 31, 31)  # no denial: the militants add (the Beni bus rule)


def test_one_speakers_victims_and_attackers_still_add():
    villagers = _told("v", 5, "villagers", "police", start=10)
    attackers = _told("v", 3, "attackers", "police", start=60)
    assert _figures(villagers, attackers) == (8, 8, 8)


def test_a_denied_figure_sets_no_bound():
    """ "rejecting Afghan claims that 11 civilians had died": the 11 is denied by who tells it."""
    fighters = _told("i", 20, "fighters", "Pakistani military", start=10)
    rejected = replace(_told("i", 11, "civilians", "Pakistani military", start=60), stance=Stance.DENIED)
    assert _figures(fighters, rejected) == (20, 20, 20)


def test_a_retracted_figure_sets_no_bound_and_is_no_omission():
    from parallax.reconcile.omissions import find_omissions
    from builders import mention
    police = _told("c", 9, "people", "police", start=10)
    earlier = replace(_told("c", 15, "people", "earlier version", start=80), stance=Stance.RETRACTED)
    assert _figures(police, earlier) == (9, 9, 9)
    other = _told("d", 9, "people", "police", start=10)
    found = find_omissions([mention("c", None, None, "attack", (police, earlier)),
                            mention("d", None, None, "attack", (other,))])
    assert not [o for o in found if "15" in o.fact]


def test_contradictions_and_omissions_name_the_resolved_speaker():
    """ "The network said its members had counted 14 bodies": contradictions.csv said "its members"
    where claims.csv says the network."""
    from parallax.reconcile.contradictions import number_contradictions
    from parallax.schema import Speaker
    from builders import mention
    members = replace(_told("n", 14, "people", "x", start=10), speaker=Speaker("its members", "Darfur Medics Union"))
    army = _told("a", 4, "people", "army", start=10)
    found = number_contradictions([mention("n", None, None, "attack", (members,), outlet="Nile Post"),
                                   mention("a", None, None, "attack", (army,), outlet="Kordofan Wire")])
    assert {c.speaker_a for c in found} | {c.speaker_b for c in found} == {"Darfur Medics Union", "army"}


def test_an_outlet_omits_nothing_its_other_story_tells():
    """Two Andes Wire stories and one Pacific Daily story: the later Andes Wire story without the six
    killed is no "Andes Wire omits six killed", its earlier one tells them."""
    from parallax.reconcile.omissions import find_omissions
    from builders import mention
    morning = mention("m", None, None, "attack", (_told("m", 6, "people", "police", start=10),), outlet="Andes Wire")
    evening = mention("e", None, None, "attack", (), outlet="Andes Wire")
    daily = mention("d", None, None, "attack", (_told("d", 6, "people", "police", start=10),), outlet="Pacific Daily")
    omitted = [(o.article_id, o.kind) for o in find_omissions([morning, evening, daily])]
    assert ("e", "killed") not in omitted


def test_a_fifth_victim_updates_the_four_and_is_no_rival():
    """ "Gunmen killed four people, police said. A fifth victim died in hospital": five, one account
    (was contested "police: four; hospital: A fifth victim", 1/4/5)."""
    from parallax.reconcile.contradictions import number_contradictions
    from parallax.schema import Figure
    from builders import mention
    four = replace(_told("g", 4, "people", "police", start=10), figure=Figure(4, 4, "four"))
    fifth = replace(_told("g", 1, "victims", "hospital", start=90), figure=Figure(1, 1, "A fifth victim"))
    assert _figures(four, fifth) == (5, 5, 5)
    assert number_contradictions([mention("g", None, None, "attack", (four, fifth))]) == []


def test_a_toll_told_at_two_times_of_day_is_an_update():
    """ "By midday the army put the toll at nine; by evening the governor said 14": 14, no rivalry."""
    nine = replace(_told("u", 9, "", "army", start=10), claim_time="By midday")
    fourteen = replace(_told("u", 14, "people", "governor", start=60), claim_time="by evening")
    assert _figures(nine, fourteen) == (14, 14, 14)
