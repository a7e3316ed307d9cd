"""One article's counts of two named groups of victims are not rival tolls (fresh-clone tester,
round 4: a Dhaka protest was contested 'injured: union leader at least 25; police 12', but those
were 25 workers and 12 officers)."""

from __future__ import annotations

from dataclasses import replace

from parallax.reconcile.contradictions import number_contradictions
from parallax.schema import Measure
from builders import claim, mention


def _hurt(low, high, group, speaker, start):
    return replace(claim("d1", low, high, speaker, Measure.INJURED, start=start), victim_group=group)


def test_two_named_groups_in_one_article_are_not_a_contradiction():
    workers, officers = _hurt(25, None, "workers", "union leader", 10), _hurt(12, 12, "officers", "Police", 90)
    assert number_contradictions([mention("d1", None, None, "protest", (workers, officers))]) == []


def test_two_sources_counting_the_same_group_still_disagree():
    a, b = _hurt(25, 25, "workers", "union leader", 10), _hurt(12, 12, "workers", "Police", 90)
    assert len(number_contradictions([mention("d1", None, None, "protest", (a, b))])) == 1


def test_a_figure_described_by_its_share_is_no_group_of_its_own():
    """The seed's Lavrov 'several dozen civilians' against the Observatory's 'eight killed, most of
    them non-Syrian' in one article stopped being a toll contradiction: 'most of them non-Syrian'
    describes the eight, it names no other group."""
    lavrov = replace(claim("d1", 24, None, "Sergei Lavrov", Measure.KILLED, start=10), victim_group="civilians")
    sohr = replace(claim("d1", 8, 8, "Syrian Observatory", Measure.KILLED, start=90),
                   victim_group="most of them non-Syrian")
    assert len(number_contradictions([mention("d1", None, None, "strike", (lavrov, sohr))])) == 1
