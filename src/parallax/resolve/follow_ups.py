"""Link follow-up stories to the incident they refer to, without merging them into it.

A report of an arrest weeks after a shooting, of a funeral or of a court hearing tells another event
(its own date, often its own type) about the same people: resolution keeps it apart, and this stage
links its incident to the earlier one. Candidates come from an index of what the reports name that
few events share (people, streets and sites: never all pairs); each candidate is scored on that
evidence and on whether the later story tells an arrest, a charge, a hearing or a funeral, and a
link needs a score at the threshold, a later date and places that do not differ.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from itertools import combinations

from parallax.knowledge import read_table
from parallax.resolve.features import mention_text, name_words, people_of, with_reference_date
from parallax.resolve.scoring import places_differ
from parallax.schema import EventDate, EventMention, FollowUp, Incident, MatchEvidence, Place

MAX_NAMED = 12  # incidents sharing one key beyond which it is too common to link on
THRESHOLD = 0.2  # a person alone, or a street or site told again in an arrest or court story (GVA dev)
PERSON, SITE = 0.2, 0.15  # each shared person, street or site, up to two of each
CUE = 0.1  # the later story tells an arrest, a charge, a hearing or a funeral (data/follow_up_words.tsv)
SURE_PEOPLE = 2  # people shared by two incidents beyond a geocoder's say: their places do not keep them apart


_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class _Traits:
    """What an incident's articles tell that can tie a later story to it."""

    persons: frozenset[str]
    sites: frozenset[str]
    cue: frozenset[str] = frozenset()  # follow-up words its event sentences hold ("arrested", "funeral")


@cache
def follow_up_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("follow_up_words.tsv"))


def _is_person(name: str) -> bool:
    sites = name_words()[2]
    return not any(word in sites for word in name.split())


def _traits_by_article(incidents: Sequence[Incident]) -> dict[str, _Traits]:
    """What each article names in any of its event sentences: a follow-up story names the victim
    where it recalls the shooting, often a mention of its own."""
    named: dict[str, set[str]] = defaultdict(set)
    cues: dict[str, set[str]] = defaultdict(set)
    for incident in incidents:
        for m in incident.mentions:
            named[m.article_id].update(people_of(m))
            cues[m.article_id].update(set(_WORD.findall(mention_text(m).lower())) & follow_up_words())
    return {a: _Traits(frozenset(n for n in named[a] if _is_person(n)),
                       frozenset(n for n in named[a] if not _is_person(n)), frozenset(cues[a])) for a in named}


def _union(parts: Sequence[_Traits]) -> _Traits:
    return _Traits(*(frozenset().union(*(getattr(p, f) for p in parts)) for f in _Traits.__slots__))


def _keys(traits: _Traits) -> set[str]:
    """Index keys: each person, each street or site."""
    return {f"p{n}" for n in traits.persons} | {f"s{n}" for n in traits.sites}


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


def follow_up_evidence(a: _Traits, b: _Traits) -> tuple[MatchEvidence, ...]:
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
    return tuple(found)


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
    by_article = _traits_by_article(incidents)
    traits = {i.id: _union([by_article[a] for a in i.article_ids if a in by_article]) for i in incidents}
    day = {i.id: _dated(i, matching) for i in incidents}
    by_id = {i.id: i for i in incidents}
    keyed: dict[str, list[str]] = defaultdict(list)
    for incident in incidents:
        for key in _keys(traits[incident.id]):
            keyed[key].append(incident.id)
    pairs = {tuple(sorted(p)) for ids in keyed.values() if len(ids) <= MAX_NAMED for p in combinations(set(ids), 2)}
    best: dict[str, tuple[float, int, str, tuple[MatchEvidence, ...]]] = {}
    for a, b in sorted(pairs):
        if day[a] is None or day[b] is None or abs(day[a] - day[b]) < min_gap_days \
                or set(by_id[a].article_ids) & set(by_id[b].article_ids):
            continue
        event, later = (a, b) if day[a] < day[b] else (b, a)
        found = follow_up_evidence(traits[event], traits[later])
        value = round(sum(e.weight for e in found), 4)
        rank = (-value, day[event], event, found)
        if value < threshold or (later in best and rank[:3] >= best[later][:3]):
            continue
        if len(traits[a].persons & traits[b].persons) >= SURE_PEOPLE or not _places_differ(by_id[a], by_id[b]):
            best[later] = rank
    return [FollowUp(later, event, found + (MatchEvidence("later", 0.0, f"{day[later] - day[event]} days after"),))
            for later, (_, _, event, found) in sorted(best.items())]
