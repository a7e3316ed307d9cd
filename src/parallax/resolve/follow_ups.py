"""Link follow-up stories to the incident they refer to, without merging them into it.

A report of an arrest weeks after a shooting, of a funeral or of a court hearing tells another event
(its own date, often its own type) about the same people: resolution keeps it apart, and this stage
links its incident to the earlier one. Candidates come from an index of the people the reports
name (never all pairs); a link needs a shared person, places that do not differ and a later date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations

from parallax.resolve.features import name_words, people_of
from parallax.resolve.scoring import places_differ
from parallax.schema import EventDate, EventMention, FollowUp, Incident, MatchEvidence, Place

MAX_NAMED = 12  # incidents naming one person beyond which the name is too common to link on


def _is_person(name: str) -> bool:
    sites = name_words()[2]
    return not any(word in sites for word in name.split())


def _people_by_article(incidents: Sequence[Incident]) -> dict[str, frozenset[str]]:
    """The people each article names in any of its event sentences: a follow-up story names the
    victim where it recalls the shooting, often a mention of its own."""
    found: dict[str, set[str]] = defaultdict(set)
    for incident in incidents:
        for m in incident.mentions:
            found[m.article_id].update(n for n in people_of(m) if _is_person(n))
    return {article: frozenset(names) for article, names in found.items()}


def _day(when: EventDate | None) -> int | None:
    return when.value.toordinal() if when is not None and when.value is not None else None


def _dated(incident: Incident, matching: Mapping[str, EventMention]) -> int | None:
    """The incident's day: its own date, else the earliest its reports were dated from publication."""
    days = [_day(matching.get(m.id, m).date) for m in incident.mentions]
    return _day(incident.date) or min((d for d in days if d is not None), default=None)


def _places_differ(a: Incident, b: Incident) -> bool:
    """Another country or province: a follow-up may be told from the county seat or the court's
    town, so towns of one province do not keep it apart."""
    return any(places_differ(x, y) and _provinces_differ(x.place, y.place) for x in a.mentions for y in b.mentions)


def _provinces_differ(a: Place, b: Place) -> bool:
    return a.country != b.country or bool(a.admin1 and b.admin1 and a.admin1 != b.admin1)


def follow_up_links(incidents: Sequence[Incident], matching: Mapping[str, EventMention] | None = None,
                    min_gap_days: int = 2) -> list[FollowUp]:
    """Each incident that names a person told by an earlier incident (at least `min_gap_days`
    before it, in no other place) follows the one it shares most names with, the earliest on ties.
    `matching` (mention id -> mention as dated for matching) dates reports whose text gives none."""
    matching = matching or {}
    by_article = _people_by_article(incidents)
    people = {i.id: frozenset().union(*(by_article.get(a, frozenset()) for a in i.article_ids)) for i in incidents}
    day = {i.id: _dated(i, matching) for i in incidents}
    by_id = {i.id: i for i in incidents}
    named: dict[str, list[str]] = defaultdict(list)
    for incident in incidents:
        for name in people[incident.id]:
            named[name].append(incident.id)
    best: dict[str, tuple[int, int, str]] = {}
    for ids in named.values():
        if len(ids) > MAX_NAMED:
            continue
        for a, b in combinations(sorted(set(ids)), 2):
            if day[a] is None or day[b] is None or abs(day[a] - day[b]) < min_gap_days \
                    or set(by_id[a].article_ids) & set(by_id[b].article_ids):
                continue
            event, later = (a, b) if day[a] < day[b] else (b, a)
            rank = (-len(people[a] & people[b]), day[event], event)
            if (later not in best or rank < best[later]) and not _places_differ(by_id[a], by_id[b]):
                best[later] = rank
    return [_link(by_id[later], by_id[event], people, day) for later, (_, _, event) in sorted(best.items())]


def _link(later: Incident, event: Incident, people: Mapping[str, frozenset[str]],
          day: Mapping[str, int | None]) -> FollowUp:
    shared = sorted(people[later.id] & people[event.id])
    return FollowUp(later.id, event.id, (
        MatchEvidence("people", 0.2 * len(shared), ", ".join(shared[:4])),
        MatchEvidence("later", 0.0, f"{day[later.id] - day[event.id]} days after")))
