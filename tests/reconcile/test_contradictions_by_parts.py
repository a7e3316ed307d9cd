"""A toll whose group tells no kind ("17 people") but whose parts do ("among them four women and three
children") tells civilians dead: a denial that any civilians were killed contradicts it. Hand-built
reports of a strike we invented."""

from dataclasses import replace
from datetime import date

from parallax.reconcile.contradictions import find_contradictions
from parallax.schema import ClaimPart, ContradictionKind, Figure, Stance

from builders import claim, day, mention, place

PORT = place("Hodeidah", lat=14.8, lon=42.95)
MONDAY = day(date(2026, 6, 1), "Monday")


def _victims(found):
    return [c for c in found if c.kind == ContradictionKind.VICTIMS]


def _reports(parts):
    toll = replace(claim("y1", 17, 17, "health ministry"), victim_group="people", parts=parts)
    denial = replace(claim("y2", 0, 0, "coalition"), victim_group="civilians", negated=True,
                     stance=Stance.DENIED)
    return [mention("y1", PORT, MONDAY, "17 people were killed.", claims=(toll,)),
            mention("y2", PORT, MONDAY, "The coalition denied that civilians were killed.", claims=(denial,))]


def test_civilian_parts_contradict_a_denial_of_civilian_dead():
    """Was no contradiction: "people" names no kind, and the parts were not read."""
    parts = (ClaimPart("women", Figure(4, 4, "four")), ClaimPart("children", Figure(3, 3, "three")))
    found = _victims(find_contradictions(_reports(parts)))
    assert [{c.speaker_a, c.speaker_b} for c in found] == [{"health ministry", "coalition"}]


def test_people_without_parts_still_contradict_nothing():
    assert _victims(find_contradictions(_reports(()))) == []
