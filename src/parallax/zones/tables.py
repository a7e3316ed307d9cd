"""The zone survey as terminal tables and lines: what `parallax zones` prints."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from parallax.schema import EscalationContradiction, EscalationSequence, ZoneIncident, ZoneStatus, ZoneSurvey
from parallax.zones.labels import (actors_label, check_label, incident_label, shape_label, speaker_label, step_label,
                                   validity_label)


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
        against = "; ".join(f"{speaker_label(c.asserted)} tells {c.step.replace('_', ' ')}" for c in group)
        lines.append(f"  contradiction: {step_label(group[0].denied)}, against: {against}")
    return lines



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
