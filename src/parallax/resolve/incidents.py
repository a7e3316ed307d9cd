"""Resolve event mentions into incidents in one pass: blocking, scoring, clustering, reconciliation."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from parallax.reconcile.incident import reconcile_incident
from parallax.resolve.blocking import candidate_pairs
from parallax.resolve.clustering import cluster
from parallax.resolve.features import features_of, with_reference_date
from parallax.resolve.scoring import STORY, evidence, hard_conflict, score, story_pairs
from parallax.schema import EventMention, Incident, MatchEvidence, MatchLink
from parallax.settings import Settings

Published = Mapping[str, date | datetime | None]


def match_links(mentions: Sequence[EventMention], pairs, threshold: float,
                max_day_gap: int = 1) -> list[MatchLink]:
    """Score candidate pairs (index pairs into `mentions`); keep those at or above the threshold
    that no hard conflict forbids (a link that can never merge would only widen the components
    that incremental resolution re-clusters)."""
    features: dict[int, object] = {}
    links = []
    for i, j in pairs:
        if hard_conflict(mentions[i], mentions[j], max_day_gap):
            continue
        fa = features[i] if i in features else features.setdefault(i, features_of(mentions[i]))
        fb = features[j] if j in features else features.setdefault(j, features_of(mentions[j]))
        found = evidence(mentions[i], mentions[j], fa, fb)
        if (value := score(found)) >= threshold:
            links.append(link_of(mentions[i], mentions[j], round(value, 4), found))
    return links


def story_links(mentions: Sequence[EventMention], threshold: float) -> list[MatchLink]:
    """A link for each follow-up and the event its own article tells (`scoring.story_pairs`), scored at
    the threshold: merged after every scored link, so other reports group first."""
    return [link_of(later, event, threshold, (MatchEvidence(STORY, 0.0, f"the {later.trigger.text!r} story tells "
                                                                         f"the {event.trigger.text!r}"),))
            for later, event in story_pairs(mentions)]


def link_of(a: EventMention, b: EventMention, value: float, found) -> MatchLink:
    """Links are stored with the lower mention id first, so they do not depend on arrival order."""
    if b.id < a.id:
        a, b = b, a
    return MatchLink(a.id, b.id, value, tuple(found), a.article_id, b.article_id)


def build_incidents(by_id: Mapping[str, EventMention], links: Sequence[MatchLink],
                    settings: Settings, matching: Mapping[str, EventMention] | None = None) -> list[Incident]:
    """Cluster the mentions over their links (conflicts judged on `matching`, the mentions as
    dated for matching) and reconcile each cluster into an Incident from the mentions as told."""
    incidents = []
    for ids, joined in cluster(matching or by_id, links, settings.match_threshold, settings.max_day_gap):
        group = tuple(sorted((by_id[i] for i in ids), key=lambda m: (m.article_id, m.trigger.start)))
        incidents.append(reconcile_incident(incident_id(ids), group, tuple(joined)))
    return incidents


def resolve_incidents(mentions: Sequence[EventMention], settings: Settings,
                      published: Published | None = None) -> list[Incident]:
    """Every mention lands in exactly one incident; an incident's id is stable across runs.
    `published` (article id -> publication date) dates the mentions whose text gives no date."""
    published = published or {}
    ordered = sorted(mentions, key=lambda m: m.id)
    matching = [with_reference_date(m, published.get(m.article_id)) for m in ordered]
    links = match_links(matching, candidate_pairs(matching), settings.match_threshold, settings.max_day_gap) \
        + story_links(matching, settings.match_threshold)
    return build_incidents({m.id: m for m in ordered}, links, settings,
                           {m.id: m for m in matching})


def cluster_articles(mentions: Sequence[EventMention], settings: Settings,
                     published: Published | None = None) -> dict[str, str]:
    """Article id -> incident id, for scoring article clustering (one mention per article)."""
    return {m.article_id: incident.id for incident in resolve_incidents(mentions, settings, published)
            for m in incident.mentions}


def incident_id(mention_ids: Sequence[str]) -> str:
    """Derived from the lowest mention id, so adding a report to an incident usually keeps its id."""
    return hashlib.sha1(min(mention_ids).encode()).hexdigest()[:12]
