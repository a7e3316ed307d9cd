"""JSON shapes of the API's answers, built from records (dataclasses through to_jsonable)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shapely import wkt
from shapely.errors import ShapelyError
from shapely.geometry import mapping

from parallax.report.exports import feature_properties
from parallax.report.jsonable import to_jsonable
from parallax.report.views import claims_of, outlet_name, sources_of
from parallax.schema import Article, Incident, SearchHit, Zone
from parallax.serve import extras
from parallax.serve.catalog import Snapshot
from parallax.serve.query import Page

Articles = Mapping[str, Article]


def incident_summary(incident: Incident, snapshot: Snapshot) -> dict[str, object]:
    """One row of the list: the CSV columns, a claim summary and the zones it is in."""
    return feature_properties(incident, snapshot.articles) | {
        "background": incident.background,
        "zones": [{"id": z.id, "name": z.name, "status": s} for z, s in snapshot.zones.zones_of(incident.id)]}


def page_payload(page: Page, snapshot: Snapshot) -> dict[str, object]:
    return {"total": page.total, "page": page.page, "pages": page.pages, "per_page": page.per_page,
            "incidents": [incident_summary(i, snapshot) for i in page.items]}


def _section(section: extras.Section) -> dict[str, object]:
    return {"title": section.title, "note": section.note,
            "items": [dict(row) for row in section.rows]}


def incident_detail(incident: Incident, snapshot: Snapshot, data_dir: str = "") -> dict[str, object]:
    """The reconciled record, each source with its claims, and the other stages' analyses."""
    sources = [{"article_id": article_id, "outlet": outlet_name(article_id, snapshot.articles, mentions),
                "title": article.title if article else "", "claims": to_jsonable(claims_of(mentions))}
               for article_id, article, mentions in sources_of(incident, snapshot.articles)]
    return {"incident": to_jsonable(incident), "summary": incident_summary(incident, snapshot),
            "sources": sources, "grade": extras.grade_label(incident),
            "follow_ups": to_jsonable(list(snapshot.follow_ups.get(incident.id, ()))),  # either way
            "analyses": [_section(s) for s in extras.analyse(incident, snapshot.articles, data_dir)]}


def article_detail(article: Article, snapshot: Snapshot) -> dict[str, object]:
    incidents = snapshot.incidents_of_article(article.id)
    claims = {c.id: c for i in incidents for c in i.claims if c.article_id == article.id}
    return {"article": to_jsonable(article), "incident_ids": [i.id for i in incidents],
            "claims": to_jsonable(sorted(claims.values(), key=lambda c: c.span.start))}


def search_payload(query: str, hits: Sequence[SearchHit]) -> dict[str, object]:
    return {"query": query, "hits": [to_jsonable(h) | {"snippet_text": "".join(t for t, _ in h.snippet)}
                                     for h in hits]}


def zone_feature(zone: Zone) -> dict[str, object] | None:
    """A zone as a GeoJSON feature (a point with a radius drawn as its circle); None if unreadable."""
    try:
        shape = wkt.loads(zone.geometry_wkt)
    except ShapelyError:
        return None
    if shape.geom_type == "Point" and zone.radius_km:
        shape = extras.circle(zone, shape)
    properties = to_jsonable(zone)
    properties.pop("geometry_wkt", None)
    return {"type": "Feature", "id": zone.id, "geometry": mapping(shape), "properties": properties}


def zones_collection(zones: Sequence[Zone], note: str = "") -> dict[str, object]:
    features = [f for f in (zone_feature(z) for z in zones) if f]
    return {"type": "FeatureCollection", "features": features, "note": note}
