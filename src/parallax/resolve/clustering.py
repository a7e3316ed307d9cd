"""Group mentions into incidents: merge the best pairs first, never across a hard conflict."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.resolve.blocking import candidate_pairs
from parallax.resolve.scoring import hard_conflict, similarity
from parallax.schema import EventMention
from parallax.settings import Settings


def cluster_mentions(mentions: Sequence[EventMention], settings: Settings) -> list[list[int]]:
    """Clusters as lists of indices into `mentions`, each cluster sorted, in first-seen order."""
    scored = sorted(((similarity(mentions[i], mentions[j]), i, j)
                     for i, j in candidate_pairs(mentions)), reverse=True)
    cluster_of = list(range(len(mentions)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}
    for score, i, j in scored:
        if score < settings.match_threshold:
            break
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or _any_conflict(mentions, members[ci], members[cj], settings):
            continue
        for k in members[cj]:
            cluster_of[k] = ci
        members[ci] += members.pop(cj)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def _any_conflict(mentions: Sequence[EventMention], left: list[int], right: list[int],
                  settings: Settings) -> bool:
    """Complete link on conflicts: one contradiction between any two members forbids the merge."""
    return any(hard_conflict(mentions[a], mentions[b], settings.max_day_gap) for a in left for b in right)
