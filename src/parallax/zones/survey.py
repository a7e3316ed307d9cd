"""The library behind `parallax zones`: a database's incidents against a zones file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from parallax.schema import Article, Incident, Zone, ZoneSurvey
from parallax.settings import Settings
from parallax.store.sqlite import open_store
from parallax.zones.files import load_zones
from parallax.zones.rules import ZoneRules, load_zone_rules
from parallax.zones.status import location_radius, violations, zone_statuses


def survey_incidents(incidents: Sequence[Incident], zones: Sequence[Zone], rules: ZoneRules) -> ZoneSurvey:
    """Every zone's timeline and the violations across zones, from records (no I/O)."""
    statuses = zone_statuses(zones, incidents, rules)
    unlocated = sum(location_radius(i.place, rules) is None for i in incidents)
    return ZoneSurvey(tuple(statuses), tuple(violations(statuses)), len(incidents), unlocated)


def survey_zones(db_path: Path, zones_path: Path, settings: Settings, escalation: bool = False) -> ZoneSurvey:
    """Read the database's incidents and a zones GeoJSON file; `escalation` also reads, for each
    violation, the steps before it (this parses the violations' articles with spaCy)."""
    rules = load_zone_rules(settings.data_dir)
    zones = load_zones(Path(zones_path), rules)
    with open_store(Path(db_path)) as store:
        incidents = store.incidents()
        articles = {a.id: a for a in store.articles()} if escalation else {}
    survey = survey_incidents(incidents, zones, rules)
    if not escalation:
        return survey
    from parallax.zones.sequence import escalations_for  # spaCy loads only when asked
    return escalations_for(survey, incidents, articles, settings)


def report_survey(incidents: Sequence[Incident], articles: Mapping[str, Article],
                  settings: Settings) -> ZoneSurvey | None:
    """The zones section of the HTML report, with the violations' escalation steps; None when
    `settings.zones_file` is empty."""
    if not settings.zones_file:
        return None
    rules = load_zone_rules(settings.data_dir)
    survey = survey_incidents(incidents, load_zones(Path(settings.zones_file), rules), rules)
    if not survey.violations:
        return survey
    from parallax.zones.sequence import escalations_for  # spaCy loads only when there is a violation
    return escalations_for(survey, incidents, articles, settings)
