"""What the report's zones section shows (templates/zones.html), from a ZoneSurvey: plain text only."""

from __future__ import annotations

from parallax.schema import EscalationContradiction, EscalationSequence, ZoneSurvey
from parallax.zones.labels import (actors_label, check_label, incident_label, shape_label, speaker_label,
                                   step_label, validity_label)



def template_globals() -> dict[str, object]:
    """The functions templates/zones.html calls."""
    return dict(step_label=step_label, speaker_label=speaker_label, check_label=check_label,
                incident_label=incident_label, actors_label=actors_label, validity_label=validity_label,
                shape_label=shape_label, denial_groups=denial_groups)


def template_context(survey: ZoneSurvey | None) -> dict[str, object]:
    """The values templates/zones.html reads: the survey, tags by incident, escalation by incident."""
    return dict(zone_survey=survey, zone_tags=zone_tags(survey), zone_escalations=escalation_of(survey))


def zone_tags(survey: ZoneSurvey | None) -> dict[str, list[tuple[str, str, bool]]]:
    """Incident id -> [(zone name, status, violation)] for the tags on each incident card."""
    tags: dict[str, list[tuple[str, str, bool]]] = {}
    for status in survey.statuses if survey else ():
        for item in status.timeline:
            tags.setdefault(item.incident.id, []).append((status.zone.name, item.check.status.value, item.violation))
    return tags


def escalation_of(survey: ZoneSurvey | None) -> dict[str, EscalationSequence]:
    return {s.incident_id: s for s in survey.escalations} if survey else {}


def denial_groups(sequence: EscalationSequence) -> list[tuple[EscalationContradiction, list[EscalationContradiction]]]:
    """Contradictions grouped by the denial they share: [(first, all of that denial)]."""
    groups: dict[tuple[str, int], list[EscalationContradiction]] = {}
    for contradiction in sequence.contradictions:
        key = (contradiction.denied.article_id, contradiction.denied.span.start)
        groups.setdefault(key, []).append(contradiction)
    return [(group[0], group) for group in groups.values()]
