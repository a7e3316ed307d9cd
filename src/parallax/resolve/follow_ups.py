"""Link follow-up stories to the incident they refer to, without merging them into it.

A report of an arrest weeks after a shooting, of a funeral or of a court hearing tells another event
(its own date, often its own type) about the same people: resolution keeps it apart, and this stage
links its incident to the earlier one. Candidates come from an index of what the reports name that
few events share (people, streets and sites: never all pairs); each candidate is scored on that
evidence and on whether the later story tells an arrest, a charge, a hearing or a funeral, and a
link needs a score at the threshold, a later date and places that do not differ.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import combinations

from parallax.extract.compatibility import place_key
from parallax.resolve.features import (FOLLOW_UP, follow_up_cues, is_follow_up, is_person,
                                       people_of, with_reference_date)
from parallax.resolve.scoring import places_differ, provinces_differ
from parallax.schema import EventDate, EventMention, FollowUp, Incident, MatchEvidence

MAX_NAMED = 12  # incidents sharing one key beyond which it is too common to link on
THRESHOLD = 0.2  # a person alone, or a street or site told again in an arrest or court story (GVA dev)
PERSON, SITE = 0.2, 0.15  # each shared person, street or site, up to two of each
CUE = 0.1  # the later story tells an arrest, a charge, a hearing or a funeral (data/follow_up_words.tsv)
RECALL = 0.2  # a funeral story names the event it mourns: that event's town and day
SURE_PEOPLE = 2  # people shared by two incidents beyond a geocoder's say: their places do not keep them apart


@dataclass(frozen=True, slots=True)
class Told:
    """What an incident's articles tell that can tie a later story to it, and when it happened."""

    persons: frozenset[str]
    sites: frozenset[str]
    cue: frozenset[str] = frozenset()  # follow-up words its event sentences hold ("arrested", "funeral")
    articles: frozenset[str] = frozenset()
    day: int | None = None  # its date as an ordinal (dated for matching when the text gives none)
    recalls: frozenset[str] = frozenset()  # "town|day" of the events a funeral story mourns
    happened: frozenset[str] = frozenset()  # "town|day" of its own event (none for a funeral story)


def _traits_by_article(mentions: Iterable[EventMention]) -> dict[str, Told]:
    """What each article names in any of its event sentences: a follow-up story names the victim
    where it recalls the shooting, often a mention of its own."""
    named: dict[str, set[str]] = defaultdict(set)
    cues: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        named[m.article_id].update(people_of(m))
        cues[m.article_id].update(follow_up_cues(m))
    return {a: Told(frozenset(n for n in named[a] if is_person(n)),
                    frozenset(n for n in named[a] if not is_person(n)), frozenset(cues[a])) for a in named}


def told_of(incidents: Sequence[Incident], article_mentions: Iterable[EventMention],
            matching: Mapping[str, EventMention]) -> dict[str, Told]:
    """Incident id -> what its articles tell (from every mention of those articles, in
    `article_mentions`) and its day."""
    by_article = _traits_by_article(article_mentions)
    found = {}
    for incident in incidents:
        parts = [by_article[a] for a in incident.article_ids if a in by_article]
        found[incident.id] = Told(*(frozenset().union(*(getattr(p, f) for p in parts)) for f in ("persons", "sites", "cue")),
                                  frozenset(incident.article_ids), _dated(incident, matching), *_town_days(incident))
    return found


def _town_days(incident: Incident) -> tuple[frozenset[str], frozenset[str]]:
    """(recalls, happened): a funeral story whose mentions are on the event it mourns ("the funeral
    of victims of Thursday's attack", features.is_follow_up) recalls that event's town and day;
    any other incident happened on its own."""
    keys = frozenset(f"{place_key(m.place.name)}|{m.date.value.isoformat()}" for m in incident.mentions
                     if m.place and m.date and m.date.value and not m.background)
    mourns = bool(incident.mentions) and all(is_follow_up(m) and m.trigger.text.lower() not in FOLLOW_UP
                                             for m in incident.mentions)
    return (keys, frozenset()) if mourns else (frozenset(), keys)


def index_keys(told: Told) -> set[str]:
    """Index keys: each person, each street or site, each town and day told or mourned."""
    return ({f"p{n}" for n in told.persons} | {f"s{n}" for n in told.sites}
            | {f"r{k}" for k in told.recalls | told.happened})


def _day(when: EventDate | None) -> int | None:
    return when.value.toordinal() if when is not None and when.value is not None else None


def _dated(incident: Incident, matching: Mapping[str, EventMention]) -> int | None:
    """The incident's day: its own date, else the earliest its reports were dated from publication."""
    days = [_day(matching.get(m.id, m).date) for m in incident.mentions]
    return _day(incident.date) or min((d for d in days if d is not None), default=None)


def _places_differ(a: Sequence[EventMention], b: Sequence[EventMention]) -> bool:
    """Another country or province: a follow-up may be told from the county seat or the court's
    town, so towns of one province do not keep it apart."""
    return any(places_differ(x, y) and provinces_differ(x.place, y.place) for x in a for y in b)


def follow_up_evidence(a: Told, b: Told) -> tuple[MatchEvidence, ...]:
    """What an incident `a` and a later one `b` both tell, weighted: people, streets and sites; and
    whether `b` tells a follow-up (an arrest, a charge, a hearing, a funeral)."""
    persons, sites = a.persons & b.persons, a.sites & b.sites
    found = []
    if persons:
        found.append(MatchEvidence("people", PERSON * min(len(persons), 2), ", ".join(sorted(persons)[:4])))
    if sites:
        found.append(MatchEvidence("sites", SITE * min(len(sites), 2), ", ".join(sorted(sites)[:4])))
    if found and b.cue:
        found.append(MatchEvidence("follow-up", CUE, ", ".join(sorted(b.cue)[:3])))
    if recalled := b.recalls & a.happened:
        found.append(MatchEvidence("mourns", RECALL, ", ".join(sorted(recalled)[:2])))
    return tuple(found)


def candidate_pairs(keyed: Mapping[str, Iterable[str]]) -> set[tuple[str, str]]:
    """Pairs of incidents sharing an index key that at most MAX_NAMED incidents hold."""
    return {tuple(sorted(p)) for ids in keyed.values() if len(set(ids)) <= MAX_NAMED
            for p in combinations(sorted(set(ids)), 2)}


def _scored(a: str, b: str, told: Mapping[str, Told], min_gap_days: int, threshold: float):
    """(event, later, evidence, score) of a candidate pair, or None when it cannot link: days too
    close or unknown, an article in both, evidence under the threshold."""
    ta, tb = told[a], told[b]
    if ta.articles & tb.articles:
        return None
    if tb.recalls & ta.happened or ta.recalls & tb.happened:  # a funeral story and the event it mourns
        event, later = (a, b) if tb.recalls & ta.happened else (b, a)
    elif ta.day is None or tb.day is None or abs(ta.day - tb.day) < min_gap_days:
        return None
    else:
        event, later = (a, b) if ta.day < tb.day else (b, a)
    found = follow_up_evidence(told[event], told[later])
    value = round(sum(e.weight for e in found), 4)
    return (event, later, found, value) if value >= threshold else None


def worth_checking(pairs: Iterable[tuple[str, str]], told: Mapping[str, Told], min_gap_days: int = 2,
                   threshold: float = THRESHOLD) -> set[tuple[str, str]]:
    """The pairs that can link, before their places are read."""
    return {p for p in pairs if _scored(*p, told, min_gap_days, threshold)}


def best_links(pairs: Iterable[tuple[str, str]], told: Mapping[str, Told],
               mentions: Mapping[str, Sequence[EventMention]], min_gap_days: int = 2,
               threshold: float = THRESHOLD) -> list[FollowUp]:
    """For each later incident of the `pairs`, the link to the earlier one it is tied to best (the
    earliest on ties), when the evidence reaches `threshold`, the days are `min_gap_days` apart or
    more, no article is in both and their places (`mentions`: incident id -> its mentions) do not
    differ unless they share two people. A later incident's link is right only if `pairs` holds
    every pair it is in."""
    best: dict[str, tuple[float, int, str, tuple[MatchEvidence, ...]]] = {}
    for a, b in sorted(pairs):
        if not (scored := _scored(a, b, told, min_gap_days, threshold)):
            continue
        event, later, found, value = scored
        rank = (-value, told[event].day or 0, event, found)
        if later in best and rank[:3] >= best[later][:3]:
            continue
        if len(told[a].persons & told[b].persons) >= SURE_PEOPLE or not _places_differ(mentions[a], mentions[b]):
            best[later] = rank
    return [FollowUp(later, event, found + (MatchEvidence("later", 0.0, _after(told[event].day, told[later].day)),))
            for later, (_, _, event, found) in sorted(best.items())]


def _after(event_day: int | None, later_day: int | None) -> str:
    return f"{later_day - event_day} days after" if None not in (event_day, later_day) else "later"


def follow_up_links(incidents: Sequence[Incident], matching: Mapping[str, EventMention] | None = None,
                    min_gap_days: int = 2, threshold: float = THRESHOLD,
                    published: Mapping[str, date | datetime | None] | None = None) -> list[FollowUp]:
    """Each incident whose evidence (people and sites both tell, a follow-up cue) ties it, at `threshold`
    or more, to an earlier incident (at least `min_gap_days` before it, in no other place unless
    they share two people) follows the one it is tied to best, the earliest on ties. Reports whose
    text gives no date are dated as for matching: by `matching` (mention id -> mention as dated for
    matching) or else from `published` (article id -> publication date), as resolution dates them."""
    matching = matching or ({m.id: with_reference_date(m, published.get(m.article_id))
                             for i in incidents for m in i.mentions} if published else {})
    told = told_of(incidents, (m for i in incidents for m in i.mentions), matching)
    keyed: dict[str, list[str]] = defaultdict(list)
    for incident in incidents:
        for key in index_keys(told[incident.id]):
            keyed[key].append(incident.id)
    return best_links(candidate_pairs(keyed), told, {i.id: i.mentions for i in incidents}, min_gap_days, threshold)
