"""The incidents list: filters, order and pages over a snapshot's incidents, and the filter choices.

Pure functions over records: the same query gives the same page in the HTML list and the JSON API.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from parallax.report.rows import n_sources, outlet_of
from parallax.schema import Article, Incident, IncidentQuery

Articles = Mapping[str, Article]
SORTS = ("date", "fatalities", "sources", "event_type", "country")
MAX_PER_PAGE = 200


@dataclass(frozen=True, slots=True)
class Page:
    items: tuple[Incident, ...]
    total: int
    page: int
    pages: int
    per_page: int


def _country(incident: Incident) -> tuple[str, str]:
    place = incident.place
    return (place.country, place.country_name) if place else ("", "")


def _actors(incident: Incident) -> set[str]:
    names = {incident.actor1, incident.actor2}
    names.update(a.normalized for m in incident.mentions for a in m.actors)
    names.update(a.name for m in incident.mentions for a in m.actors)
    return {n.casefold() for n in names if n}


def outlets(incident: Incident, articles: Articles) -> set[str]:
    found = {outlet_of(m.article_id, articles, m.outlet) for m in incident.mentions}
    return {o for o in found if o}


def matches(incident: Incident, query: IncidentQuery, articles: Articles,
            zone_members: Mapping[str, Mapping[str, str]]) -> bool:
    """Whether one incident passes every filter the query sets."""
    when = incident.date.value if incident.date else None
    checks: tuple[tuple[object, Callable[[], bool]], ...] = (
        (query.date_from, lambda: when is not None and when >= query.date_from),
        (query.date_to, lambda: when is not None and when <= query.date_to),
        (query.country, lambda: query.country.casefold() in {c.casefold() for c in _country(incident) if c}),
        (query.event_type, lambda: query.event_type.casefold() in
         {incident.event_type.casefold(), incident.sub_event_type.casefold()}),
        (query.actor, lambda: any(query.actor.casefold() in name for name in _actors(incident))),
        (query.zone, lambda: incident.id in zone_members.get(query.zone, {})),
        (query.contested, lambda: incident.contested),
        (query.outlet, lambda: query.outlet.casefold() in {o.casefold() for o in outlets(incident, articles)}),
    )
    return all(check() for wanted, check in checks if wanted)


def sort_key(name: str, articles: Articles) -> Callable[[Incident], tuple]:
    """Unknown values sort last whichever way the list is ordered (see `order`)."""
    keys: dict[str, Callable[[Incident], object]] = {
        "date": lambda i: i.date.value if i.date and i.date.value else None,
        "fatalities": lambda i: i.fatalities.best,
        "sources": lambda i: n_sources(i, articles),
        "event_type": lambda i: (i.event_type, i.sub_event_type),
        "country": lambda i: _country(i)[1] or _country(i)[0] or None,
    }
    value = keys[name if name in keys else "date"]
    return lambda incident: (value(incident),)


def order(incidents: Sequence[Incident], query: IncidentQuery, articles: Articles) -> list[Incident]:
    key = sort_key(query.sort, articles)
    known = [i for i in incidents if key(i)[0] is not None]
    unknown = [i for i in incidents if key(i)[0] is None]
    known.sort(key=lambda i: (key(i), i.id), reverse=query.descending)
    return known + sorted(unknown, key=lambda i: i.id)


def page_of(incidents: Sequence[Incident], query: IncidentQuery, articles: Articles,
            zone_members: Mapping[str, Mapping[str, str]] | None = None) -> Page:
    """The query's page of the filtered, ordered incidents (a page past the end is empty)."""
    chosen = [i for i in incidents if matches(i, query, articles, zone_members or {})]
    ordered = order(chosen, query, articles)
    per_page = max(1, min(query.per_page, MAX_PER_PAGE))
    pages = max(1, -(-len(ordered) // per_page))
    page = max(1, query.page)
    start = (page - 1) * per_page
    return Page(tuple(ordered[start:start + per_page]), len(ordered), page, pages, per_page)


def facets(incidents: Sequence[Incident], articles: Articles) -> dict[str, list[str]]:
    """The values each filter can take in this database, sorted, for the filter form."""
    countries = {(i.place.country_name or i.place.country) for i in incidents if i.place}
    types = {i.event_type for i in incidents} | {i.sub_event_type for i in incidents}
    actors = {a for i in incidents for a in (i.actor1, i.actor2)}
    found_outlets = {o for i in incidents for o in outlets(i, articles)}
    return {"country": sorted(c for c in countries if c), "event_type": sorted(t for t in types if t),
            "actor": sorted(a for a in actors if a), "outlet": sorted(found_outlets)}


def date_range(incidents: Sequence[Incident]) -> tuple[date, date] | None:
    days = [i.date.value for i in incidents if i.date and i.date.value]
    return (min(days), max(days)) if days else None
