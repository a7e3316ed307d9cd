"""A count told per side of a clash is twice that many people (fresh-clone tester, round 4: "leaving
four fighters dead on each side" was 4 killed)."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article, Measure


def _killed(nlp, text):
    article = Article(id="ps", text=text)
    return [(c.figure.low, c.figure.high) for c in extract_claims(nlp(text), article) if c.measure == Measure.KILLED]


def test_dead_on_each_side_counts_both_sides(nlp):
    text = ("Rebels clashed with army troops near the river crossing on Friday night, leaving three "
            "fighters dead on each side, a monitoring group said.")
    assert _killed(nlp, text) == [(6, 6)]


def test_a_toll_beside_a_side_named_in_another_clause_is_not_doubled(nlp):
    text = ("Three militiamen were killed in the skirmish, and reinforcements arrived on each side of "
            "the ravine by dawn.")
    assert _killed(nlp, text) == [(3, 3)]
