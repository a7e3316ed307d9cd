"""Incidents against zones: inside, possibly inside or outside, while the zone is in force.

The rules (docs/zones.md): an incident's place is a disc of the radius its geo precision allows
(data/zone_radii.tsv) and its date a window of the days its time precision allows
(data/zone_date_windows.tsv). The disc wholly inside the zone is INSIDE, touching it POSSIBLY_INSIDE,
apart from it OUTSIDE. The window wholly inside the zone's dates is in force, overlapping them
possibly in force, apart from them not in force.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from parallax.schema import (EventDate, InForce, Incident, Place, Zone, ZoneCheck, ZoneIncident,
                             ZoneRelation, ZoneStatus)
from parallax.zones.geometry import distance_to_zone_km, distance_to_zone_edge_km
from parallax.zones.rules import ZoneRules


def location_radius(place: Place | None, rules: ZoneRules) -> float | None:
    """The place's uncertainty radius in km; None when it cannot be placed against a zone."""
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return rules.radius_for(place.precision)


def place_relation(zone: Zone, place: Place | None, rules: ZoneRules) -> tuple[ZoneRelation, float | None, float | None]:
    """(relation, distance to the zone in km, radius used) for a place with its uncertainty."""
    radius = location_radius(place, rules)
    if place is None or place.latitude is None or place.longitude is None or radius is None:
        return ZoneRelation.UNLOCATED, None, None
    distance = distance_to_zone_km(zone, place.latitude, place.longitude, beyond=radius)
    if distance > radius:
        return ZoneRelation.OUTSIDE, distance, radius
    if distance == 0.0 and distance_to_zone_edge_km(zone, place.latitude, place.longitude) >= radius:
        return ZoneRelation.INSIDE, distance, radius
    return ZoneRelation.POSSIBLY_INSIDE, distance, radius


def in_force(zone: Zone, when: EventDate | None, rules: ZoneRules) -> InForce:
    """Whether the zone applied on the incident's date, given how precise that date is."""
    if zone.valid_from is None and zone.valid_to is None:
        return InForce.YES
    window = rules.window_for(when.precision) if when is not None and when.value is not None else None
    if when is None or when.value is None or window is None:
        return InForce.UNDATED
    first, last = when.value - timedelta(days=window), when.value + timedelta(days=window)
    start, end = zone.valid_from or date.min, zone.valid_to or date.max
    if last < start or first > end:
        return InForce.NO
    return InForce.YES if start <= first and last <= end else InForce.POSSIBLY


def check_incident(zone: Zone, incident: Incident, rules: ZoneRules) -> ZoneCheck:
    """One incident against one zone, place and date uncertainty included."""
    relation, distance, radius = place_relation(zone, incident.place, rules)
    force = in_force(zone, incident.date, rules)
    return ZoneCheck(zone.id, incident.id, relation, force, _status(relation, force), distance, radius)


def _status(relation: ZoneRelation, force: InForce) -> ZoneRelation:
    if relation in (ZoneRelation.UNLOCATED, ZoneRelation.OUTSIDE):
        return relation
    if force is InForce.NO:
        return ZoneRelation.OUTSIDE
    if relation is ZoneRelation.INSIDE and force is InForce.YES:
        return ZoneRelation.INSIDE
    return ZoneRelation.POSSIBLY_INSIDE


def parties_involved(zone: Zone, incident: Incident) -> tuple[str, ...]:
    """The zone's parties named (on word boundaries) in the incident's actors, normalised or as told."""
    names = {incident.actor1, incident.actor2}
    names.update(a.normalized for m in incident.mentions for a in m.actors)
    names.update(a.name for m in incident.mentions for a in m.actors)
    text = " | ".join(n for n in names if n)
    return tuple(p for p in zone.parties if re.search(rf"\b{re.escape(p)}\b", text, re.IGNORECASE))


def zone_incident(zone: Zone, incident: Incident, rules: ZoneRules) -> ZoneIncident | None:
    """The incident as part of the zone's timeline, or None when it is not (possibly) in it."""
    check = check_incident(zone, incident, rules)
    if check.status not in (ZoneRelation.INSIDE, ZoneRelation.POSSIBLY_INSIDE):
        return None
    violation = not incident.background and incident.event_type in rules.violating.get(zone.kind, frozenset())
    return ZoneIncident(zone, incident, check, violation, parties_involved(zone, incident))


def zone_statuses(zones: Sequence[Zone], incidents: Iterable[Incident], rules: ZoneRules) -> list[ZoneStatus]:
    """Every zone with its timeline of incidents (inside or possibly inside, while in force)."""
    incidents = list(incidents)
    statuses = []
    for zone in zones:
        found = (zone_incident(zone, incident, rules) for incident in incidents)
        statuses.append(ZoneStatus(zone, tuple(sorted((f for f in found if f), key=_timeline_key))))
    return statuses


def _timeline_key(item: ZoneIncident) -> tuple[date, str]:
    when = item.incident.date.value if item.incident.date and item.incident.date.value else date.max
    return when, item.incident.id


def violations(statuses: Iterable[ZoneStatus]) -> list[ZoneIncident]:
    """Every violation across zones, by date: the incidents whose type breaks the zone's kind."""
    return sorted((v for s in statuses for v in s.violations), key=_timeline_key)
