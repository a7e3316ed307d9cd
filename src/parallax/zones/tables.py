"""The zone survey as terminal tables (what `parallax zones` prints); plain text labels for others."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from parallax.schema import (EscalationContradiction, EscalationSequence, EscalationStep, Incident, Zone, ZoneCheck, ZoneIncident,
                             ZoneStatus, ZoneSurvey)


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
    who = _who(step)
    told = "denies" if step.negated else "tells"
    return f"{step.step.replace('_', ' ')}: {who} {told} “{step.span.text}”"


def _row(table: Table, *cells: str) -> None:
    """Cells as plain Text: names and places from articles must not be read as rich markup."""
    table.add_row(*(Text(cell) for cell in cells))


def status_table(statuses: tuple[ZoneStatus, ...]) -> Table:
    table = Table(title="zones")
    for column in ("zone", "kind", "in force", "shape", "parties", "incidents", "violations"):
        table.add_column(column)
    for status in statuses:
        zone = status.zone
        _row(table, zone.name, zone.kind, validity_label(zone), shape_label(zone), ", ".join(zone.parties),
                      str(len(status.timeline)), str(len(status.violations)))
    return table


def violations_table(violations: tuple[ZoneIncident, ...]) -> Table:
    table = Table(title="violations")
    for column in ("incident", "zone", "where / when", "actors", "zone parties involved", "killed (best)"):
        table.add_column(column)
    for item in violations:
        deaths = item.incident.fatalities.best
        _row(table, incident_label(item.incident) + f"\n{item.incident.id}", item.zone.name,
                      check_label(item.check), actors_label(item.incident),
                      ", ".join(item.parties_involved) or "none named",
                      "–" if deaths is None else str(deaths))
    return table


def timeline_table(status: ZoneStatus) -> Table:
    table = Table(title=f"timeline: {status.zone.name}")
    for column in ("incident", "status", "violation"):
        table.add_column(column)
    for item in status.timeline:
        _row(table, incident_label(item.incident), check_label(item.check), "yes" if item.violation else "")
    return table


def escalation_lines(sequence: EscalationSequence) -> list[str]:
    lines = [f"escalation before incident {sequence.incident_id}:"]
    lines += [f"  {n}. {step_label(step)}" for n, step in enumerate(sequence.steps, start=1)]
    by_denial: dict[int, list[EscalationContradiction]] = {}
    for contradiction in sequence.contradictions:
        by_denial.setdefault(id(contradiction.denied), []).append(contradiction)
    for group in by_denial.values():
        against = "; ".join(f"{_who(c.asserted)} tells {c.step.replace('_', ' ')}" for c in group)
        lines.append(f"  contradiction: {step_label(group[0].denied)}, against: {against}")
    return lines


def _who(step: EscalationStep) -> str:
    return step.speaker.name if step.speaker else "the outlet"


def print_survey(survey: ZoneSurvey, console: Console) -> None:
    console.print(status_table(survey.statuses))
    console.print(f"{survey.incidents} incidents tested, {survey.unlocated} without usable coordinates")
    for status in survey.statuses:
        if status.timeline:
            console.print(timeline_table(status))
    if survey.violations:
        console.print(violations_table(survey.violations))
    else:
        console.print("no violations")
    for sequence in survey.escalations:
        for line in escalation_lines(sequence):
            console.print(line, markup=False, highlight=False)
