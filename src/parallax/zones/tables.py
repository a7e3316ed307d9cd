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
    table.add_column("zone", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("in force")
    table.add_column("incidents", justify="right")
    table.add_column("violations", justify="right")
    for status in statuses:
        zone = status.zone
        _row(table, zone.id, zone.kind, validity_label(zone), str(len(status.timeline)), str(len(status.violations)))
    return table


def zone_lines(statuses: tuple[ZoneStatus, ...]) -> list[str]:
    return [f"  {s.zone.id}: {s.zone.name} ({shape_label(s.zone)}); parties: {', '.join(s.zone.parties) or 'none listed'}"
            for s in statuses]


def violation_lines(item: ZoneIncident) -> list[str]:
    deaths = item.incident.fatalities.best
    return [f"{incident_label(item.incident)}  [{item.incident.id}]",
            f"    zone: {item.zone.name}, {check_label(item.check)}",
            f"    actors: {actors_label(item.incident)}; zone parties: {', '.join(item.zone.parties) or 'none listed'}"
            f"; involved: {', '.join(item.parties_involved) or 'none named'}",
            f"    killed (best): {'–' if deaths is None else deaths}"]


def timeline_lines(status: ZoneStatus) -> list[str]:
    lines = [f"timeline: {status.zone.name}"]
    lines += [f"  {incident_label(i.incident)}: {check_label(i.check)}{' · violation' if i.violation else ''}"
              for i in status.timeline]
    return lines


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
    lines = zone_lines(survey.statuses) + ["", f"{survey.incidents} incidents tested, {survey.unlocated} without usable coordinates", ""]
    for status in (s for s in survey.statuses if s.timeline):
        lines += timeline_lines(status) + [""]
    lines.append(f"violations ({len(survey.violations)})" if survey.violations else "no violations")
    for item in survey.violations:
        lines += violation_lines(item)
    for sequence in survey.escalations:
        lines += [""] + escalation_lines(sequence)
    for line in lines:
        console.print(line, markup=False, highlight=False)
