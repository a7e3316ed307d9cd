"""Blocking: which pairs of mentions are scored at all."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from parallax.resolve.blocking import candidate_pairs
from parallax.resolve.incidents import resolve_incidents
from parallax.resolve.scoring import conflict, evidence
from parallax.schema import GeoPrecision
from parallax.settings import Settings

from builders import day, mention, place

TEXT = ("A man was shot dead outside a convenience store on Friday night and a woman was wounded, "
        "police said. The gunman fled on foot before officers arrived.")


def _jacksonvilles(second_name: str = "Jacksonville"):
    florida = place("Jacksonville", "US", 30.33, -81.66, admin1="Florida")
    carolina = place(second_name, "US", 34.75, -77.43, admin1="North Carolina")  # the geocoder's namesake
    when = day(date(2015, 5, 15))
    return [mention("a1", florida, when, TEXT, sub="Armed clash", kind="Battles"),
            mention("a2", carolina, when, TEXT, sub="Armed clash", kind="Battles")]


def test_namesake_towns_in_far_apart_cells_are_scored_and_merged():
    # GVA dev 205866: one report of a Jacksonville, Florida shooting geocoded to Jacksonville, North
    # Carolina, 500 km away; scoring takes one name as one place, but blocking never paired them.
    mentions = _jacksonvilles()
    assert list(candidate_pairs(mentions)) == [(0, 1)]
    assert len(resolve_incidents(mentions, Settings())) == 1


def test_towns_of_different_names_in_far_apart_cells_are_not_scored():
    assert list(candidate_pairs(_jacksonvilles("Havelock"))) == []


def _told_from_context(second_text: str):
    tyler = place("Tyler", "US", 32.35, -95.30, admin1="Texas")
    article_town = replace(place("Longview", "US", 30.10, -97.90, admin1="Texas"),  # a far namesake
                           relation="article context", precision=GeoPrecision.NEAR)
    when = day(date(2015, 9, 15))
    return [mention("a1", tyler, when, TEXT, sub="Armed clash", kind="Battles"),
            mention("a2", article_town, when, second_text, sub="Armed clash", kind="Battles")]


def test_a_place_only_from_the_article_does_not_keep_apart_a_report_telling_the_same_shooting():
    # GVA dev: a report whose sentences name no place took its article's first town (relation
    # "article context"), in another grid cell; it was a hard place conflict and never scored.
    mentions = _told_from_context(TEXT)
    assert list(candidate_pairs(mentions)) == [(0, 1)]
    assert not conflict(*mentions)
    assert len(resolve_incidents(mentions, Settings())) == 1


def test_a_place_only_from_the_article_still_counts_against_a_match_on_date_and_type_alone():
    mentions = _told_from_context("Two teenagers were hurt in a drive-by attack on Tuesday, a sheriff said.")
    found = {e.name: e.weight for e in evidence(*mentions)}
    assert found["places differ"] < 0
    assert len(resolve_incidents(mentions, Settings())) == 2
