"""Which incidents deserve an alert: created or changed inside a zone in force since the last alert.

Pure functions over records; writing the alerts and calling the webhook live in zones/notify.py.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from parallax.resolve.features import is_follow_up
from parallax.schema import Alert, Incident, Zone, ZoneIncident
from parallax.zones.rules import ZoneRules
from parallax.zones.status import zone_incident

AlertKey = tuple[str, str]  # (zone id, incident id)


def fingerprint(incident: Incident) -> str:
    """What an alert reported: the incident's mentions, figures, date and place. A new source or
    a revised toll changes it, and so raises an "updated" alert."""
    deaths = incident.fatalities
    place = incident.place
    parts = [",".join(sorted(m.id for m in incident.mentions)), incident.event_type,
             f"{deaths.low}/{deaths.best}/{deaths.high}",
             incident.date.value.isoformat() if incident.date and incident.date.value else "",
             f"{place.latitude},{place.longitude},{int(place.precision)}" if place else ""]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def last_fingerprints(alerts: Iterable[Alert]) -> dict[AlertKey, str]:
    """The fingerprint of the latest alert for each (zone, incident), from the alert log."""
    return {(a.zone_id, a.incident_id): a.fingerprint for a in alerts}


def new_alerts(incidents: Sequence[Incident], zones: Sequence[Zone], rules: ZoneRules,
               previous: Mapping[AlertKey, str], raised: datetime) -> list[Alert]:
    """One alert per incident inside (or possibly inside) a zone in force that is new to that zone
    ("created") or has changed since its last alert ("updated"); unchanged incidents stay quiet,
    and so do background incidents (told in passing, usually old) and those only funeral, vigil,
    inquiry or trial stories tell (no new violence: the attack they recall has its own alert)."""
    alerts = []
    for zone in zones:
        for incident in incidents:
            found = None if _quiet(incident) else zone_incident(zone, incident, rules)
            if found is None:
                continue
            mark = fingerprint(incident)
            before = previous.get((zone.id, incident.id))
            if before != mark:
                alerts.append(_alert(found, mark, "created" if before is None else "updated", raised))
    return alerts


def _quiet(incident: Incident) -> bool:
    return incident.background or (bool(incident.mentions) and all(is_follow_up(m) for m in incident.mentions))


def _alert(found: ZoneIncident, mark: str, change: str, raised: datetime) -> Alert:
    zone, incident = found.zone, found.incident
    key = f"{zone.id}|{incident.id}|{mark}|{raised.isoformat()}"
    place = incident.place
    return Alert(
        id=hashlib.sha1(key.encode()).hexdigest()[:16], zone_id=zone.id, zone_name=zone.name,
        incident_id=incident.id, change=change, status=found.check.status, fingerprint=mark,
        raised=raised, event_type=incident.sub_event_type or incident.event_type,
        event_date=incident.date.value.isoformat() if incident.date and incident.date.value else "",
        place=", ".join(p for p in (place.name, place.country_name or place.country) if p) if place else "",
        actor1=incident.actor1, actor2=incident.actor2, fatalities_best=incident.fatalities.best,
        n_sources=len(incident.article_ids))
