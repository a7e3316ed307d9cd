"""Incidents against zones: place and date uncertainty, violations, parties, timelines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from zone_builders import SYRIA_ZONES, circle_zone, incident, square_zone
from parallax.schema import DatePrecision, GeoPrecision, InForce, ZoneRelation
from parallax.zones.files import load_zones
from parallax.zones.status import check_incident, in_force, parties_involved, violations, zone_statuses
from parallax.zones.survey import survey_incidents


def test_exact_place_well_inside_is_inside(rules):
    check = check_incident(square_zone(), incident(35.5, 36.5), rules)
    assert (check.relation, check.in_force, check.status) == (ZoneRelation.INSIDE, InForce.YES, ZoneRelation.INSIDE)
    assert check.distance_km == 0.0 and check.radius_km == 5.0


def test_place_inside_but_near_the_edge_is_only_possibly_inside(rules):
    # 0.1 degree (~9 km) inside the east edge: a "near" place (25 km) may be outside the zone
    near = incident(35.5, 36.9, precision=GeoPrecision.NEAR)
    assert check_incident(square_zone(), near, rules).relation is ZoneRelation.POSSIBLY_INSIDE
    assert check_incident(square_zone(), incident(35.5, 36.9), rules).relation is ZoneRelation.INSIDE


def test_place_outside_within_its_radius_is_possibly_inside(rules):
    # ~0.2 degree (~18 km) east of the square: outside for a town, possibly inside for "near"
    assert check_incident(square_zone(), incident(35.5, 37.2), rules).relation is ZoneRelation.OUTSIDE
    check = check_incident(square_zone(), incident(35.5, 37.2, GeoPrecision.NEAR), rules)
    assert check.relation is ZoneRelation.POSSIBLY_INSIDE and 17 < check.distance_km < 19


def test_country_precision_and_missing_coordinates_are_unlocated(rules):
    assert check_incident(square_zone(), incident(35.5, 36.5, GeoPrecision.COUNTRY), rules).status is ZoneRelation.UNLOCATED
    assert check_incident(square_zone(), incident(None, None), rules).status is ZoneRelation.UNLOCATED


def test_in_force_with_date_precision(rules):
    zone = square_zone(valid_from=date(2017, 5, 6), valid_to=date(2018, 4, 14))
    day = lambda d, p=DatePrecision.DAY: incident(35.5, 36.5, when=d, date_precision=p).date  # noqa: E731
    assert in_force(zone, day(date(2017, 5, 18)), rules) is InForce.YES
    assert in_force(zone, day(date(2017, 5, 5)), rules) is InForce.NO
    assert in_force(zone, day(date(2017, 5, 6)), rules) is InForce.YES  # valid_from is inclusive
    assert in_force(zone, day(date(2017, 5, 4), DatePrecision.WEEK), rules) is InForce.POSSIBLY
    assert in_force(zone, day(date(2017, 4, 15), DatePrecision.MONTH), rules) is InForce.NO
    assert in_force(zone, day(date(2018, 4, 15), DatePrecision.MONTH), rules) is InForce.POSSIBLY
    assert in_force(zone, day(None), rules) is InForce.UNDATED


def test_open_zone_is_in_force_even_for_undated_incidents(rules):
    assert in_force(circle_zone(), incident(33.5, 38.63, when=None).date, rules) is InForce.YES


def test_not_in_force_means_outside_and_undated_means_possibly(rules):
    zone = square_zone(valid_from=date(2017, 5, 6))
    before = check_incident(zone, incident(35.5, 36.5, when=date(2017, 4, 4)), rules)
    assert (before.relation, before.status) == (ZoneRelation.INSIDE, ZoneRelation.OUTSIDE)
    undated = check_incident(zone, incident(35.5, 36.5, when=None), rules)
    assert undated.status is ZoneRelation.POSSIBLY_INSIDE


def test_parties_involved_match_on_word_boundaries():
    zone = square_zone(parties=("Russia", "Iran", "US"))
    found = incident(35.5, 36.5, actor1="Military Forces of Russia", actor2="Russian-backed militia (Iranian)")
    assert parties_involved(zone, found) == ("Russia",)


def test_violation_needs_a_breaking_event_type_and_a_reported_incident(rules):
    zone = square_zone()
    strike = incident(35.5, 36.5, ident="strike")
    protest = incident(35.5, 36.5, ident="protest", event_type="Protests")
    old = incident(35.5, 36.5, ident="background", background=True)
    (status,) = zone_statuses([zone], [strike, protest, old], rules)
    assert {i.incident.id for i in status.timeline} == {"strike", "protest", "background"}
    assert [v.incident.id for v in status.violations] == ["strike"]
    assert status.violations[0].parties_involved == ("Russia",)


def test_timeline_is_by_date_with_undated_last(rules):
    items = [incident(35.5, 36.5, when=date(2017, 9, 1), ident="late"),
             incident(35.5, 36.5, when=None, ident="undated"),
             incident(35.5, 36.5, when=date(2017, 6, 1), ident="early")]
    (status,) = zone_statuses([square_zone()], items, rules)
    assert [i.incident.id for i in status.timeline] == ["early", "late", "undated"]


def test_seed_strike_near_al_tanf_is_inside_the_deconfliction_zone_only(rules):
    # the reconciled seed incident: At-Tanf (33.5, 38.63), precision 2, no calendar date
    zones = load_zones(SYRIA_ZONES, rules)
    strike = incident(33.5, 38.63, GeoPrecision.NEAR, when=None, actor1="International Coalition against the Islamic State",
                      actor2="Pro-Government Forces", ident="tanf")
    survey = survey_incidents([strike], zones, rules)
    (violation,) = survey.violations
    assert violation.zone.id == "al-tanf" and violation.check.status is ZoneRelation.INSIDE
    assert violation.parties_involved == ("International Coalition against the Islamic State",)


def test_astana_zone_before_and_after_its_dates(rules):
    zones = {z.id: z for z in load_zones(SYRIA_ZONES, rules)}
    douma = lambda when: incident(33.57, 36.40, when=when)  # noqa: E731
    ghouta = zones["astana-eastern-ghouta"]
    assert check_incident(ghouta, douma(date(2017, 7, 20)), rules).status is ZoneRelation.INSIDE
    assert check_incident(ghouta, douma(date(2017, 4, 20)), rules).status is ZoneRelation.OUTSIDE
    assert check_incident(ghouta, douma(date(2018, 6, 1)), rules).status is ZoneRelation.OUTSIDE
    assert check_incident(zones["astana-idlib"], douma(date(2017, 7, 20)), rules).status is ZoneRelation.OUTSIDE


def test_violations_across_zones_are_by_date(rules):
    one = incident(35.5, 36.5, when=date(2017, 8, 1), ident="second")
    two = replace(incident(33.5, 38.63, when=date(2017, 6, 1), ident="first"))
    statuses = zone_statuses([square_zone(), circle_zone()], [one, two], rules)
    assert [v.incident.id for v in violations(statuses)] == ["first", "second"]
