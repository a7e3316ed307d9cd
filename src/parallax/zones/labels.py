"""Plain-text labels for zones, checks, incidents and escalation steps (terminal, report, web)."""

from __future__ import annotations

from parallax.schema import EscalationStep, Incident, Zone, ZoneCheck


def validity_label(zone: Zone) -> str:
    """"2017-05-06 – 2018-04-14", "from 2017-05-06", "open" (no dates in the file)."""
    if zone.valid_from and zone.valid_to:
        return f"{zone.valid_from} – {zone.valid_to}"
    if zone.valid_from:
        return f"from {zone.valid_from}"
    return f"until {zone.valid_to}" if zone.valid_to else "open (no dates)"


def shape_label(zone: Zone) -> str:
    drawn = f"{zone.radius_km:g} km radius" if zone.radius_km is not None else "polygon"
    return f"{drawn}, approximate" if zone.approximate else drawn


def check_label(check: ZoneCheck) -> str:
    """"inside (0 km, ±25 km; in force)"."""
    where = f"{check.distance_km:.0f} km away" if check.distance_km else "within"
    spread = f", ±{check.radius_km:g} km" if check.radius_km is not None else ""
    return f"{check.status.value} ({where}{spread}; {check.in_force.value})"


def incident_label(incident: Incident) -> str:
    when = incident.date.value.isoformat() if incident.date and incident.date.value else "undated"
    if when == "undated" and incident.date and incident.date.weekday:
        when = f"undated ({incident.date.weekday})"
    place = incident.place.name if incident.place else "unknown place"
    return f"{when} · {place} · {incident.sub_event_type or incident.event_type}"


def actors_label(incident: Incident) -> str:
    return f"{incident.actor1 or 'unknown'} → {incident.actor2 or 'unknown'}"


def step_label(step: EscalationStep) -> str:
    who = speaker_label(step)
    told = "denies" if step.negated else "tells"
    return f"{step.step.replace('_', ' ')}: {who} {told} “{step.span.text}”"


def speaker_label(step: EscalationStep) -> str:
    return step.speaker.name if step.speaker else "the outlet"
