"""Keep the stored follow-up links up to date as incidents change, without recomputing the rest.

Each incident's traits (what its articles tell: people, sites, follow-up words, its day) are stored
with the names it is indexed under. When incidents are written or removed, the incidents to link
again are those written and those sharing a name with them (names too common to link on stay
out, unless the change brought them under or over that bound); each of those is linked again
against every incident it shares a name with, exactly as follow_ups.follow_up_links would link it
over all incidents, so the stored links never depend on the order articles arrived in.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from parallax.extract.compatibility import best_date
from parallax.resolve.features import with_reference_date
from parallax.resolve.follow_ups import MAX_NAMED, Told, best_links, index_keys, told_of, worth_checking
from parallax.schema import EventMention, FollowUp, Incident
from parallax.store.base import Store


def _json(told: Told) -> str:
    return json.dumps({"persons": sorted(told.persons), "sites": sorted(told.sites), "cue": sorted(told.cue),
                       "articles": sorted(told.articles), "day": told.day, "recalls": sorted(told.recalls),
                       "happened": sorted(told.happened)}, ensure_ascii=False)


def _told(text: str) -> Told:
    row = json.loads(text)
    return Told(frozenset(row["persons"]), frozenset(row["sites"]), frozenset(row["cue"]),
                frozenset(row["articles"]), row["day"], frozenset(row.get("recalls", ())),
                frozenset(row.get("happened", ())))


def _matching(store: Store, mentions: Sequence[EventMention]) -> dict[str, EventMention]:
    published = store.published_dates({m.article_id for m in mentions})
    return {m.id: with_reference_date(m, published.get(m.article_id)) for m in mentions}


def _traits(store: Store, incidents: Sequence[Incident]) -> dict[str, Told]:
    """What each incident's articles tell, from every mention of those articles (loading only
    those the incidents do not hold: an article's other mentions, in other incidents)."""
    mentions = {m.id: m for i in incidents for m in i.mentions}
    ids = store.mention_ids_of_articles({m.article_id for m in mentions.values()})
    others = store.mentions_by_id(set(ids) - set(mentions)).values()
    return told_of(incidents, [*mentions.values(), *others], _matching(store, list(mentions.values())))


def _loaded(store: Store, incident_ids: Iterable[str]) -> dict[str, tuple[EventMention, ...]]:
    """Incident id -> its stored mentions (for the places a link must not contradict)."""
    ids = store.mention_ids_of_incidents(incident_ids)
    found = store.mentions_by_id({m for ms in ids.values() for m in ms})
    return {i: tuple(found[m] for m in ms if m in found) for i, ms in ids.items()}


def _redo(changed: Mapping[str, Told], old: Mapping[str, Told], after: Mapping[str, set[str]]) -> set[str]:
    """The incidents written, and those sharing a name with them that was (or now is) rare enough
    to link on."""
    redo = set(changed)
    gained, lost = defaultdict(set), defaultdict(set)
    for i, told in changed.items():
        for key in index_keys(told):
            gained[key].add(i)
    for i, told in old.items():
        for key in index_keys(told):
            lost[key].add(i)
    for key, holders in after.items():
        before = (holders - gained[key]) | (lost[key] - gained[key])
        if len(holders) <= MAX_NAMED or len(before) <= MAX_NAMED:
            redo |= holders
    return redo


def update_follow_ups(store: Store, changed: Sequence[Incident], removed: Iterable[str]) -> list[FollowUp]:
    """Store the traits of `changed` incidents, forget `removed` ones, and link again every
    incident whose follow-up link that can change; the links written."""
    removed = set(removed) - {i.id for i in changed}
    if not changed and not removed:
        return []
    new = _traits(store, changed)
    old = {i: _told(t) for i, t in store.follow_up_traits(set(new) | removed).items()}
    store.write_follow_up_traits(removed, {i: (_json(t), index_keys(t)) for i, t in new.items()})
    touched = set().union(*(index_keys(t) for t in (*old.values(), *new.values())))
    redo = _redo(new, old, store.incidents_under_follow_up_keys(touched)) - removed
    told = {i: _told(t) for i, t in store.follow_up_traits(redo).items()} | new
    keys = set().union(*(index_keys(told[i]) for i in redo if i in told))
    under = store.incidents_under_follow_up_keys(keys)
    pairs = {tuple(sorted((r, o))) for r in redo if r in told for k in index_keys(told[r])
             if len(under.get(k, ())) <= MAX_NAMED for o in under[k] if o != r}
    others = {x for p in pairs for x in p} - set(told)
    told |= {i: _told(t) for i, t in store.follow_up_traits(others).items()}
    pairs = worth_checking(pairs, told)  # only these need their places read
    mentions = _loaded(store, {x for p in pairs for x in p} - set(new)) | {i.id: i.mentions for i in changed}
    links = [x for x in best_links(pairs, told, mentions) if x.incident_id in redo]
    store.replace_follow_ups(redo, removed, links)
    return links


def link_pending(store: Store) -> list[FollowUp]:
    """Link the incidents stored before follow-ups were (queued by the migration)."""
    pending = store.follow_up_pending()
    if not pending:
        return []
    loaded = _loaded(store, pending)
    # What linking reads of an incident: its mentions and its date (reconcile_incident's best date).
    incidents = [Incident(i, ms, "", "", best_date([m.date for m in ms if m.date]), None) for i, ms in loaded.items()]
    return update_follow_ups(store, incidents, [i for i in pending if i not in loaded])
