"""Resolve new mentions against a store: join an incident or start one, without recomputing the rest.

New mentions are indexed under their blocking keys; the mentions stored under their lookup keys are
scored against them and the links above the threshold are stored. The incidents to revise are those
of the connected component the new links reach: it is clustered again exactly as a batch run would
cluster it (the order of merges depends only on scores and ids), so the incidents never depend on
the order articles arrived in. Every change is logged as new, join, merge or split.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from parallax.resolve.blocking import block_keys
from parallax.resolve.incidents import build_incidents, match_links, story_links
from parallax.resolve.features import with_reference_date
from parallax.resolve.stored_follow_ups import link_pending, update_follow_ups
from parallax.schema import (EventMention, Incident, MatchLink, ResolutionEvent, ResolutionKind,
                             ResolutionUpdate)
from parallax.settings import Settings
from parallax.store.base import Store

BATCH = 2000  # mentions resolved per round: bounds memory whatever the store holds


def add_mentions(store: Store, mentions: Iterable[EventMention], settings: Settings) -> ResolutionUpdate:
    """Resolve `mentions` (already stored with their articles) into the store's incidents."""
    pending = list(mentions)
    updates = [_add_batch(store, pending[i:i + BATCH], settings) for i in range(0, len(pending), BATCH)]
    return ResolutionUpdate(tuple(i for u in updates for i in u.incidents), tuple(r for u in updates for r in u.removed),
                            tuple(e for u in updates for e in u.events), sum(u.pairs_scored for u in updates))


def resolve_pending(store: Store, settings: Settings) -> ResolutionUpdate:
    """Resolve every stored mention not resolved yet (what the pipeline calls after extraction);
    incidents whose mentions were all replaced by a new extraction are dropped first, and those
    that lost some are clustered and reconciled again from the mentions they have left."""
    dropped = store.drop_empty_incidents()
    update_follow_ups(store, (), dropped)
    link_pending(store)
    stale = store.stale_incidents()
    revised = _revise(store, set().union(*stale.values()), {}, {}, settings, set(), set(stale)) if stale \
        else ResolutionUpdate((), (), ())
    update = add_mentions(store, store.pending_mentions(), settings)
    return ResolutionUpdate(revised.incidents + update.incidents, tuple(dropped) + revised.removed + update.removed,
                            revised.events + update.events, update.pairs_scored)


def _matching(store: Store, mentions: Iterable[EventMention]) -> dict[str, EventMention]:
    """The mentions as matched: dated from their article's publication when the text gives no date."""
    mentions = list(mentions)
    published = store.published_dates({m.article_id for m in mentions})
    return {m.id: with_reference_date(m, published.get(m.article_id)) for m in mentions}


def _candidates(store: Store, new: dict[str, EventMention]) -> list[tuple[str, str]]:
    """Pairs (new mention, stored or new mention) that share a block, from different articles."""
    keys = {mid: block_keys(m) for mid, m in new.items()}
    store.add_match_keys((mid, key) for mid, (index, _) in keys.items() for key in index)
    found = store.mentions_under_keys({k for _, lookups in keys.values() for k in lookups})
    pairs = set()
    for mid, (_, lookups) in keys.items():
        for other in {o for key in lookups for o in found.get(key, ())}:
            if other != mid:
                pairs.add((min(mid, other), max(mid, other)))
    return sorted(pairs)


def _same_articles(store: Store, new: dict[str, EventMention]) -> list[EventMention]:
    """Every mention of the new mentions' articles, as matched (an article's mentions may straddle batches)."""
    ids = set(store.mention_ids_of_articles({m.article_id for m in new.values()})) - set(new)
    return list(new.values()) + list(_matching(store, store.mentions_by_id(ids).values()).values())


def _component(store: Store, start: set[str]) -> tuple[set[str], list[MatchLink]]:
    """Mention ids reachable from `start` over stored links, and those links."""
    seen, frontier, links = set(start), set(start), {}
    while frontier:
        found = store.match_links_of(frontier)
        links.update({(x.mention_a, x.mention_b): x for x in found})
        frontier = {m for x in found for m in (x.mention_a, x.mention_b)} - seen
        seen |= frontier
    return seen, list(links.values())


def _add_batch(store: Store, mentions: Sequence[EventMention], settings: Settings) -> ResolutionUpdate:
    new = _matching(store, mentions)
    pairs = _candidates(store, new)
    original = {m.id: m for m in mentions} | store.mentions_by_id({x for p in pairs for x in p} - set(new))
    known = new | _matching(store, (m for mid, m in original.items() if mid not in new))
    ordered = sorted(known.values(), key=lambda m: m.id)
    at = {m.id: i for i, m in enumerate(ordered)}
    candidates = [(at[a], at[b]) for a, b in pairs if known[a].article_id != known[b].article_id]
    store.add_match_links(match_links(ordered, candidates, settings.match_threshold, settings.max_day_gap)
                          + story_links(_same_articles(store, new), settings.match_threshold))
    update = _revise(store, set(new), original, known, settings, set(new))
    return replace(update, pairs_scored=len(candidates))


def _revise(store: Store, start: set[str], original: dict[str, EventMention], known: dict[str, EventMention],
            settings: Settings, new: set[str], stale: set[str] = frozenset()) -> ResolutionUpdate:
    """Cluster again the component of stored links that `start` reaches, as a batch run would, and
    write the incidents that changed (and the `stale` ones, whose reconciliation is out of date)."""
    component, links = _component(store, start)
    loaded = store.mentions_by_id(component - set(known))
    told = {mid: original[mid] for mid in component if mid in original} | loaded
    matching = {mid: known[mid] for mid in component if mid in known} | _matching(store, loaded.values())
    before = store.incidents_of_mentions(component)
    after = build_incidents(told, links, settings, matching)
    changed, removed, events = _diff(before, after, new, stale)
    store.replace_incidents(removed, changed, events)
    update_follow_ups(store, changed, removed)
    return ResolutionUpdate(tuple(changed), tuple(removed), tuple(events))


def _diff(before: dict[str, set[str]], after: list[Incident], new: set[str],
          stale: set[str] = frozenset()) -> tuple[list[Incident], list[str], list[ResolutionEvent]]:
    """Incidents to write, ids to remove, and what happened to each, from the old and new clusters."""
    old_of = {mid: iid for iid, mids in before.items() for mid in mids}
    changed, events = [], []
    for incident in after:
        ids = {m.id for m in incident.mentions}
        if before.get(incident.id) == ids and incident.id not in stale:
            continue
        changed.append(incident)
        previous = tuple(sorted({old_of[m] for m in ids if m in old_of}))
        kind = (ResolutionKind.NEW if not previous else ResolutionKind.JOIN if len(previous) == 1
                else ResolutionKind.MERGE)
        if kind == ResolutionKind.JOIN and not ids & new:
            if set(previous) & stale:
                events.append(ResolutionEvent(ResolutionKind.REVISE, incident.id, previous, (),
                                              "an article of it was extracted again"))
            continue  # else what is left of a split incident: the SPLIT event below tells it
        events.append(ResolutionEvent(kind, incident.id, previous, tuple(sorted(ids & new)),
                                      _explain(incident, ids & new)))
    new_of = {m.id: i.id for i in after for m in i.mentions}
    for iid, mids in before.items():
        if len(targets := sorted({new_of[m] for m in mids if m in new_of})) > 1:
            events.append(ResolutionEvent(ResolutionKind.SPLIT, iid, (iid,), (), "now " + ", ".join(targets)))
    kept = {i.id for i in after}
    return changed, sorted(iid for iid in before if iid not in kept), events


def _explain(incident: Incident, new: set[str]) -> str:
    """Which evidence joined the new reports: the links that touch them."""
    told = [f"{x.article_a} ~ {x.article_b} ({x.score:.2f}: " + ", ".join(e.name for e in x.evidence) + ")"
            for x in incident.links if x.mention_a in new or x.mention_b in new]
    return "; ".join(told)
