"""Resolve event mentions into incidents: blocking, scoring and clustering, then reconciliation."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from parallax.reconcile.incident import reconcile_incident
from parallax.resolve.clustering import cluster_mentions
from parallax.schema import EventMention, Incident
from parallax.settings import Settings


def resolve_incidents(mentions: Sequence[EventMention], settings: Settings) -> list[Incident]:
    """Every mention lands in exactly one incident; an incident's id is stable across runs."""
    ordered = sorted(mentions, key=lambda m: (m.article_id, m.trigger.start))
    incidents = []
    for cluster in cluster_mentions(ordered, settings):
        group = tuple(ordered[i] for i in cluster)
        incidents.append(reconcile_incident(incident_id(group), group))
    return incidents


def incident_id(mentions: Sequence[EventMention]) -> str:
    """Derived from the lowest mention id, so adding a report to an incident usually keeps its id."""
    return hashlib.sha1(min(m.id for m in mentions).encode()).hexdigest()[:12]
