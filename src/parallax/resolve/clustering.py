"""Group mentions into incidents: merge the best-scored pairs first, never across a hard conflict.

The order of merges depends only on scores and mention ids, never on the order mentions arrived in,
so a batch run and any sequence of incremental runs give the same incidents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from parallax.resolve.scoring import DATES_DIFFER, SAME_ARTICLE, conflict, follow_up_member, story_follow_up, told_apart
from parallax.schema import EventMention, MatchLink


def merge_order(links: Sequence[MatchLink]) -> list[MatchLink]:
    return sorted(links, key=lambda link: (-link.score, link.mention_a, link.mention_b))


def cluster(mentions: Mapping[str, EventMention], links: Sequence[MatchLink], threshold: float,
            max_day_gap: int = 1) -> list[tuple[list[str], list[MatchLink]]]:
    """Clusters of mention ids (sorted), each with the links that joined it, by first mention id."""
    cluster_of = {mid: mid for mid in mentions}
    members: dict[str, list[str]] = {mid: [mid] for mid in mentions}
    joined: dict[str, list[MatchLink]] = {mid: [] for mid in mentions}
    for link in merge_order(links):
        if link.score < threshold:
            break
        left, right = cluster_of[link.mention_a], cluster_of[link.mention_b]
        if left == right or _any_conflict(mentions, members[left], members[right], max_day_gap):
            continue
        keep, gone = min(left, right), max(left, right)
        for mid in members[gone]:
            cluster_of[mid] = keep
        members[keep] += members.pop(gone)
        joined[keep] += joined.pop(gone) + [link]
    return sorted(((sorted(ids), joined[key]) for key, ids in members.items()), key=lambda c: c[0][0])


def _any_conflict(mentions: Mapping[str, EventMention], left: list[str], right: list[str],
                  max_day_gap: int) -> bool:
    """Complete link on conflicts: one contradiction between any two members forbids the merge,
    except dates too far apart when the later report is a follow-up of the merged incident, and
    two mentions of one article that tell nothing apart (one story that extraction told as two,
    each joined by other reports of it: an arrest story's arrest and its shooting)."""
    members: list[EventMention] = []
    for a in left:
        for b in right:
            why = conflict(mentions[a], mentions[b], max_day_gap)
            if why == SAME_ARTICLE:
                why = told_apart(mentions[a], mentions[b], max_day_gap)
            if not why:
                continue
            members = members or [mentions[m] for m in (*left, *right)]
            if why != DATES_DIFFER or not (follow_up_member(mentions[a], mentions[b], members, max_day_gap)
                                           or story_follow_up(mentions[a], mentions[b], members)):
                return True
    return False
