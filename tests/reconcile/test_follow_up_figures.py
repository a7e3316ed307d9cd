"""Figures a follow-up tells against an earlier report: a ranked victim ("A fifth person has died")
grows another outlet's four, and a group's share of the dead ("11 of its members were among the dead")
is a part, not a rival total. Articles written by us, wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.reconcile.figures import is_part, reconcile_fatalities, rival, told_once
from parallax.schema import Article, Measure


def claims(nlp, article_id: str, text: str):
    return extract_claims(nlp(text), Article(id=article_id, text=text))


def test_a_ranked_death_in_a_follow_up_grows_the_first_count(nlp):
    first = claims(nlp, "a", "Gunmen killed four people at a market in Gao on Tuesday, officials said.")
    later = claims(nlp, "b", "A fifth person has died of wounds from Tuesday's market attack in Gao, a doctor said.")
    pairs = [(c, "Outlet A") for c in first] + [(c, "Outlet B") for c in later]
    assert reconcile_fatalities(pairs).high == 5
    dead = [c for c, _ in told_once(pairs) if c.measure is Measure.KILLED]
    assert sorted(c.figure.low for c in dead) == [4, 5] and not rival(dead[0], dead[1])


def test_a_share_among_the_dead_is_a_part(nlp):
    [share] = claims(nlp, "d", "The militia said 11 of its members were among the dead.")
    assert is_part(share)
    total = claims(nlp, "c", "The blast killed 31 people, the ministry said.")
    assert reconcile_fatalities([(c, "C") for c in total] + [(share, "D")]).low == 31
