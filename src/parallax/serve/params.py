"""Query-string parameters shared by the HTML pages and the JSON API, checked once."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query

from parallax.schema import IncidentQuery
from parallax.serve.query import MAX_PER_PAGE, SORTS


def _day(value: str, name: str) -> date | None:
    if not value.strip():
        return None  # an empty form field filters nothing
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(422, f"{name} must be a date as YYYY-MM-DD, got {value[:40]!r}") from None


def incident_query(
    date_from: str = Query("", description="first day, YYYY-MM-DD"),
    date_to: str = Query("", description="last day, YYYY-MM-DD"),
    country: str = Query("", description="ISO code or country name"),
    event_type: str = Query("", description="event type or sub-event type"),
    actor: str = Query("", description="part of an actor's name"),
    zone: str = Query("", description="zone id (needs --zones)"),
    contested: bool = Query(False, description="contested incidents only"),
    outlet: str = Query(""),
    sort: str = Query("date", description="one of " + ", ".join(SORTS)),
    order: str = Query("desc", pattern="^(asc|desc)$"),
    page: int = Query(1, ge=1),
    per_page: int = Query(25, ge=1, le=MAX_PER_PAGE),
) -> IncidentQuery:
    if sort not in SORTS:
        raise HTTPException(422, f"sort must be one of {', '.join(SORTS)}, got {sort[:40]!r}")
    return IncidentQuery(_day(date_from, "date_from"), _day(date_to, "date_to"), country.strip(),
                         event_type.strip(), actor.strip(), zone.strip(), contested, outlet.strip(),
                         sort, order == "desc", page, per_page)


def query_string(query: IncidentQuery, **changes: object) -> str:
    """The query as URL parameters (for paging and sorting links), with some values changed."""
    values = {"date_from": query.date_from.isoformat() if query.date_from else "",
              "date_to": query.date_to.isoformat() if query.date_to else "",
              "country": query.country, "event_type": query.event_type, "actor": query.actor,
              "zone": query.zone, "contested": "true" if query.contested else "",
              "outlet": query.outlet, "sort": query.sort, "order": "desc" if query.descending else "asc",
              "page": query.page, "per_page": query.per_page}
    values.update(changes)
    return urlencode({k: v for k, v in values.items() if v not in ("", None)})


# The incidents filters as one FastAPI dependency, for every route that lists incidents.
Filters = Annotated[IncidentQuery, Depends(incident_query)]
